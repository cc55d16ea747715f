/* nl-outline.c — words for the programme outline (sidebar rows, outline page)
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-outline.h"

static const char *
phase_kind_label (NlPhaseKind kind)
{
  switch (kind)
    {
    case NL_PHASE_TRAINING: return _("Training");
    case NL_PHASE_DETRAINING: return _("Detraining");
    case NL_PHASE_IMMOBILIZATION: return _("Immobilisation");
    default: return "";
    }
}

static const char *
side_label (NlSide side)
{
  switch (side)
    {
    case NL_SIDE_LEFT: return _("left");
    case NL_SIDE_RIGHT: return _("right");
    case NL_SIDE_BOTH:
    default: return NULL;
    }
}

static const char *
limbs_label (NlLimbs limbs)
{
  switch (limbs)
    {
    case NL_LIMB_LEFT: return _("left limb immobilised");
    case NL_LIMB_RIGHT: return _("right limb immobilised");
    case NL_LIMB_BOTH: return _("both limbs immobilised");
    case NL_LIMB_NONE:
    default: return NULL;
    }
}

char *
nl_outline_exercise_name (NlProgram  *program,
                          const char *id)
{
  NlExerciseInfo info;

  if (id == NULL)
    return g_strdup (_("(no exercise)"));
  if (program != NULL && nl_program_resolve_exercise (program, id, &info) && info.name != NULL)
    return g_strdup (nl_program_lookup_custom_exercise (program, id) ? info.name : _(info.name));
  /* Translators: %s is an exercise id that is neither built in nor custom */
  return g_strdup_printf (_("%s (unknown)"), id);
}

static char *
describe_sets (NlProgram  *program,
               NlSetGroup *sets)
{
  g_autofree char *name = nl_outline_exercise_name (program, nl_set_group_get_exercise (sets));
  g_autoptr(GString) text = g_string_new (NULL);
  const char *side = side_label (nl_set_group_get_side (sets));

  /* Translators: sets × reps, exercise, load in % of maximum, e.g. "4 × 8 Knee extension at 75 %" */
  g_string_append_printf (text, _("%u × %u %s at %g %%"),
                          nl_set_group_get_count (sets), nl_set_group_get_reps (sets),
                          name, nl_set_group_get_load_pct (sets));
  if (side != NULL)
    g_string_append_printf (text, ", %s", side);
  if (nl_set_group_get_bfr (sets))
    /* Translators: blood-flow restriction, short */
    g_string_append_printf (text, ", %s", _("BFR"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_phase (NlPhase *phase)
{
  const char *name = nl_phase_get_name (phase);
  guint weeks = nl_phase_get_weeks (phase);
  g_autofree char *duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", weeks), weeks);

  if (name != NULL && *name != '\0')
    return g_strdup_printf ("%s — %s, %s", name, phase_kind_label (nl_phase_get_kind (phase)), duration);
  return g_strdup_printf ("%s, %s", phase_kind_label (nl_phase_get_kind (phase)), duration);
}

static char *
describe_session (NlSession *session)
{
  const char *name = nl_session_get_name (session);

  if (name != NULL && *name != '\0')
    /* Translators: a session in the weekly template, e.g. "Day 1 · Legs" */
    return g_strdup_printf (_("Day %u · %s"), nl_session_get_day (session), name);
  return g_strdup_printf (_("Day %u"), nl_session_get_day (session));
}

char *
nl_outline_describe_item (NlProgram *program,
                          GObject   *item)
{
  if (NL_IS_PROGRAM (item))
    {
      const char *title = nl_program_get_title (NL_PROGRAM (item));

      return g_strdup (title != NULL && *title != '\0' ? title : _("Untitled programme"));
    }
  if (NL_IS_EXERCISE (item))
    {
      const char *name = nl_exercise_get_name (NL_EXERCISE (item));

      /* Translators: a custom exercise in the outline */
      return g_strdup_printf (_("Custom exercise: %s"),
                              name ? name : nl_exercise_get_id (NL_EXERCISE (item)));
    }
  if (NL_IS_PHASE (item))
    return describe_phase (NL_PHASE (item));
  if (NL_IS_SESSION (item))
    return describe_session (NL_SESSION (item));
  if (NL_IS_SET_GROUP (item))
    return describe_sets (program, NL_SET_GROUP (item));
  return g_strdup ("");
}

const char *
nl_outline_icon_for_item (GObject *item)
{
  if (NL_IS_PROGRAM (item))
    return "x-office-document-symbolic";
  if (NL_IS_EXERCISE (item))
    return "applications-engineering-symbolic";
  if (NL_IS_PHASE (item))
    return "x-office-calendar-symbolic";
  if (NL_IS_SESSION (item))
    return "alarm-symbolic";
  return "media-playlist-repeat-symbolic";
}

char *
nl_outline_build_markup (NlProgram *program)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = nl_outline_describe_item (program, G_OBJECT (program));
  g_autofree char *title_escaped = g_markup_escape_text (title, -1);
  const char *description = nl_program_get_description (program);
  guint week = 1;

  g_string_append_printf (out, "<span size='x-large' weight='bold'>%s</span>\n", title_escaped);
  if (description != NULL && *description != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      g_string_append_printf (out, "%s\n", escaped);
    }
  {
    guint n_weeks = nl_program_get_n_weeks (program);
    guint n_phases = nl_program_get_n_phases (program);
    g_autofree char *weeks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", n_weeks), n_weeks);
    g_autofree char *phases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u phase", "%u phases", n_phases), n_phases);

    g_string_append_printf (out, "<span alpha='70%%'>%s, %s</span>\n", phases, weeks);
  }

  for (guint i = 0; i < nl_program_get_n_phases (program); i++)
    {
      NlPhase *phase = nl_program_get_phase (program, i);
      GListModel *sessions = nl_phase_get_sessions (phase);
      guint weeks = nl_phase_get_weeks (phase);
      g_autofree char *line = describe_phase (phase);
      g_autofree char *escaped = g_markup_escape_text (line, -1);
      g_autofree char *range = NULL;
      const char *limbs = limbs_label (nl_phase_get_immobilized (phase));

      if (weeks == 1)
        range = g_strdup_printf (_("Week %u"), week);
      else
        /* Translators: a range of weeks, e.g. "Weeks 1–3" */
        range = g_strdup_printf (_("Weeks %u–%u"), week, week + weeks - 1);
      week += weeks;

      g_string_append_printf (out, "\n<b>%s</b>  <span alpha='70%%'>%s</span>\n", escaped, range);
      if (limbs != NULL)
        g_string_append_printf (out, "    <i>%s</i>\n", limbs);
      if (nl_phase_get_load_pct_per_week (phase) != 0)
        {
          /* Translators: load progression per week, e.g. "+2.5 % load per week" */
          g_autofree char *prog = g_strdup_printf (_("%+g %% load per week"),
                                                   nl_phase_get_load_pct_per_week (phase));

          g_string_append_printf (out, "    <i>%s</i>\n", prog);
        }

      for (guint j = 0; j < g_list_model_get_n_items (sessions); j++)
        {
          g_autoptr(NlSession) session = g_list_model_get_item (sessions, j);
          GListModel *sets = nl_session_get_sets (session);
          g_autofree char *session_line = describe_session (session);
          g_autofree char *session_escaped = g_markup_escape_text (session_line, -1);

          g_string_append_printf (out, "    %s\n", session_escaped);
          for (guint k = 0; k < g_list_model_get_n_items (sets); k++)
            {
              g_autoptr(NlSetGroup) group = g_list_model_get_item (sets, k);
              g_autofree char *sets_line = describe_sets (program, group);
              g_autofree char *sets_escaped = g_markup_escape_text (sets_line, -1);

              g_string_append_printf (out, "        %s\n", sets_escaped);
            }
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
