/* nl-program-check.c — meaning checks and the snapshot for the model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a schema cannot say: that ids resolve, days are unique, a phase's
 * content fits its kind, one-sided work uses a one-limb exercise, and no
 * limb is trained while it is in a cast.
 *
 * The messages are shown in the editor's problems banner and form, so they
 * speak the application's words (the form's "limb in a cast", British
 * spelling as in the rest of the interface), not the file's attributes;
 * `neurolift validate` adds the place in the file.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-error.h"
#include "nl-program.h"
#include "nl-program-check-private.h"
#include "nl-program-plausibility-private.h"

void
_nl_problems_add_valist (GPtrArray  *problems,
                         gboolean    warning,
                         gpointer    item,
                         const char *attribute,
                         const char *format,
                         va_list     args)
{
  NlProblem *problem = g_new0 (NlProblem, 1);

  problem->item = g_object_ref (item);
  problem->attribute = g_strdup (attribute);
  problem->message = g_strdup_vprintf (format, args);
  problem->warning = warning;
  g_ptr_array_add (problems, problem);
}

static void G_GNUC_PRINTF (4, 5)
add_problem (GPtrArray  *problems,
             gpointer    item,
             const char *attribute,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  _nl_problems_add_valist (problems, FALSE, item, attribute, format, args);
  va_end (args);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* What the phase's cast holds, as a clause: "the left limb is in a cast". */
static const char *
cast_clause (NlLimbs limbs)
{
  switch (limbs)
    {
    case NL_LIMB_LEFT:  return _("the left limb is in a cast");
    case NL_LIMB_RIGHT: return _("the right limb is in a cast");
    case NL_LIMB_BOTH:
    case NL_LIMB_NONE:
    default:            return _("both limbs are in a cast");
    }
}

/* "a training phase", with the article that fits. */
static const char *
kind_phrase (NlPhaseKind kind)
{
  switch (kind)
    {
    case NL_PHASE_DETRAINING:     return _("a detraining phase");
    case NL_PHASE_IMMOBILIZATION: return _("an immobilisation phase");
    case NL_PHASE_TRAINING:
    default:                      return _("a training phase");
    }
}

const char *
_nl_exercise_label (NlProgram            *self,
                    const NlExerciseInfo *info)
{
  if (info->name == NULL)
    return info->id;
  if (nl_program_lookup_custom_exercise (self, info->id) != NULL)
    return info->name;
  return _(info->name);
}

static char *
phase_label (NlPhase *phase,
             guint    index)
{
  if (nl_phase_get_name (phase) != NULL)
    return g_strdup_printf ("“%s”", nl_phase_get_name (phase));
  return g_strdup_printf ("%u", index + 1);
}

static NlLimbs
limbs_worked (NlSide            side,
              const NlExerciseInfo *info)
{
  if (info->laterality == NL_LATERALITY_BILATERAL)
    return NL_LIMB_BOTH;
  switch (side)
    {
    case NL_SIDE_LEFT:  return NL_LIMB_LEFT;
    case NL_SIDE_RIGHT: return NL_LIMB_RIGHT;
    case NL_SIDE_BOTH:
    default:            return NL_LIMB_BOTH;
    }
}

static void
check_exercises (NlProgram *self,
                 GPtrArray *problems)
{
  const NlCatalog *catalog = nl_catalog_get_default ();
  GListModel *exercises = nl_program_get_exercises (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(NlExercise) exercise = g_list_model_get_item (exercises, i);
      const char *id = nl_exercise_get_id (exercise);
      const char *muscle = nl_exercise_get_muscle (exercise);

      if (id == NULL || *id == '\0')
        add_problem (problems, exercise, "id", _("a custom exercise needs an identifier"));
      else if (nl_catalog_lookup_exercise (catalog, id) != NULL)
        add_problem (problems, exercise, "id",
                     _("the identifier “%s” already names a built-in exercise; choose another "
                       "identifier"), id);
      else if (!g_hash_table_add (seen, (gpointer) id))
        add_problem (problems, exercise, "id",
                     _("two custom exercises have the identifier “%s”"), id);

      if (nl_exercise_get_name (exercise) == NULL || *nl_exercise_get_name (exercise) == '\0')
        add_problem (problems, exercise, "name", _("the custom exercise “%s” needs a name"),
                     id ? id : "");

      if (nl_catalog_lookup_muscle (catalog, muscle) == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint m = 0; m < nl_catalog_get_n_muscles (catalog); m++)
            g_string_append_printf (known, "%s%s", m ? ", " : "",
                                    nl_catalog_get_muscle (catalog, m)->id);
          add_problem (problems, exercise, "muscle",
                       _("unknown muscle “%s”; the muscles are: %s"),
                       muscle ? muscle : "", known->str);
        }
    }
}

static void
check_sets (NlProgram  *self,
            NlPhase    *phase,
            const char *label,
            NlSetGroup *sets,
            GPtrArray  *problems)
{
  const char *id = nl_set_group_get_exercise (sets);
  NlSide side = nl_set_group_get_side (sets);
  NlLimbs cast = nl_phase_get_immobilized (phase);
  NlExerciseInfo info;
  NlLimbs worked;

  if (!nl_program_resolve_exercise (self, id, &info))
    {
      add_problem (problems, sets, "exercise",
                   _("unknown exercise “%s”: it is neither in the catalogue nor a custom "
                     "exercise of this programme"), id ? id : "");
      return;
    }

  if (side != NL_SIDE_BOTH && info.laterality == NL_LATERALITY_BILATERAL)
    {
      add_problem (problems, sets, "side",
                   side == NL_SIDE_LEFT
                   ? _("“%s” works both limbs together, so it cannot be done on the left side only")
                   : _("“%s” works both limbs together, so it cannot be done on the right side only"),
                   _nl_exercise_label (self, &info));
      return;
    }

  worked = limbs_worked (side, &info);
  if ((worked & cast) != 0)
    {
      if (info.laterality == NL_LATERALITY_BILATERAL)
        add_problem (problems, sets, "exercise",
                     _("in phase %s %s, so it cannot include “%s”, which works both limbs "
                       "together"), label, cast_clause (cast), _nl_exercise_label (self, &info));
      else if (cast == NL_LIMB_BOTH)
        add_problem (problems, sets, "side",
                     _("in phase %s both limbs are in a cast, so no sets can train them"), label);
      else
        add_problem (problems, sets, "side",
                     cast == NL_LIMB_LEFT
                     ? _("in phase %s the left limb is in a cast, so these sets cannot train it; "
                         "choose the right side")
                     : _("in phase %s the right limb is in a cast, so these sets cannot train it; "
                         "choose the left side"),
                     label);
    }
}

static void
check_phase (NlProgram *self,
             NlPhase   *phase,
             guint      index,
             GPtrArray *problems)
{
  g_autofree char *label = phase_label (phase, index);
  GListModel *sessions = nl_phase_get_sessions (phase);
  NlPhaseKind kind = nl_phase_get_kind (phase);
  gboolean days[NL_SESSION_DAY_MAX + 1] = { FALSE };
  guint n_sessions = g_list_model_get_n_items (sessions);

  if (kind != NL_PHASE_TRAINING && n_sessions > 0)
    add_problem (problems, phase, NULL,
                 _("phase %s is %s, so it cannot hold sessions; only training phases do"),
                 label, kind_phrase (kind));
  if (kind == NL_PHASE_DETRAINING && nl_phase_get_immobilized (phase) != NL_LIMB_NONE)
    add_problem (problems, phase, "side",
                 _("phase %s is a detraining phase, so no limb can be in a cast; make it an "
                   "immobilisation phase"), label);
  if (kind == NL_PHASE_IMMOBILIZATION && nl_phase_get_immobilized (phase) == NL_LIMB_NONE)
    add_problem (problems, phase, "side",
                 _("phase %s is an immobilisation phase, so it needs the limb in a cast: left, "
                   "right or both"), label);
  if (kind != NL_PHASE_TRAINING && nl_phase_get_load_pct_per_week (phase) != 0)
    add_problem (problems, phase, NULL,
                 _("phase %s is %s, so it cannot have a load progression"),
                 label, kind_phrase (kind));

  for (guint s = 0; s < n_sessions; s++)
    {
      g_autoptr(NlSession) session = g_list_model_get_item (sessions, s);
      GListModel *sets = nl_session_get_sets (session);
      guint day = nl_session_get_day (session);

      if (day >= NL_SESSION_DAY_MIN && day <= NL_SESSION_DAY_MAX)
        {
          if (days[day])
            add_problem (problems, session, "day",
                         _("day %u appears twice in phase %s; each day of the week holds at "
                           "most one session"), day, label);
          days[day] = TRUE;
        }

      if (g_list_model_get_n_items (sets) > NL_MAX_SETS_PER_SESSION)
        add_problem (problems, session, NULL,
                     _("the session on day %u of phase %s has %u set groups; at most %d are "
                       "allowed"), day, label, g_list_model_get_n_items (sets),
                     NL_MAX_SETS_PER_SESSION);
      for (guint i = 0; i < g_list_model_get_n_items (sets); i++)
        {
          g_autoptr(NlSetGroup) group = g_list_model_get_item (sets, i);

          check_sets (self, phase, label, group, problems);
        }
    }
}

/**
 * nl_program_check:
 *
 * Returns: (transfer full) (element-type NlProblem): every problem, in
 *   document order; empty when the programme is consistent.
 */
GPtrArray *
nl_program_check (NlProgram *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) nl_problem_free);
  GListModel *phases;

  g_return_val_if_fail (NL_IS_PROGRAM (self), problems);

  if (is_blank (nl_program_get_title (self)))
    add_problem (problems, self, NULL, _("the programme needs a title"));

  check_exercises (self, problems);

  phases = nl_program_get_phases (self);
  if (g_list_model_get_n_items (phases) == 0)
    add_problem (problems, self, NULL, _("the programme needs at least one phase"));
  if (g_list_model_get_n_items (phases) > NL_MAX_PHASES)
    add_problem (problems, self, NULL, _("the programme has %u phases; at most %d are allowed"),
                 g_list_model_get_n_items (phases), NL_MAX_PHASES);
  if (nl_program_get_n_weeks (self) > NL_MAX_TOTAL_WEEKS)
    add_problem (problems, self, NULL,
                 _("the programme lasts %u weeks; at most %d (ten years) are allowed"),
                 nl_program_get_n_weeks (self), NL_MAX_TOTAL_WEEKS);
  if (g_list_model_get_n_items (nl_program_get_exercises (self)) > NL_MAX_CUSTOM_EXERCISES)
    add_problem (problems, self, NULL,
                 _("the programme defines %u custom exercises; at most %d are allowed"),
                 g_list_model_get_n_items (nl_program_get_exercises (self)),
                 NL_MAX_CUSTOM_EXERCISES);
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(NlPhase) phase = g_list_model_get_item (phases, i);

      check_phase (self, phase, i, problems);
    }
  _nl_program_check_plausibility (self, problems);
  return problems;
}

/**
 * nl_program_create_snapshot:
 *
 * Returns: (transfer full) (nullable): an immutable copy for the model, or
 *   %NULL with NL_PROGRAM_ERROR_MEANING when the programme is inconsistent.
 */
NlProgramSnapshot *
nl_program_create_snapshot (NlProgram  *self,
                            GError    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  GListModel *phases;

  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);

  problems = nl_program_check (self);
  for (guint i = 0; i < problems->len; i++)
    {
      NlProblem *problem = g_ptr_array_index (problems, i);

      if (problem->warning)
        continue;
      g_set_error_literal (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_MEANING, problem->message);
      return NULL;
    }

  snapshot = nl_program_snapshot_new (nl_program_get_title (self),
                                      nl_program_get_trainee_age (self),
                                      nl_program_get_trainee_sex (self),
                                      nl_program_get_training_status (self));
  phases = nl_program_get_phases (self);
  for (guint p = 0; p < g_list_model_get_n_items (phases); p++)
    {
      g_autoptr(NlPhase) phase = g_list_model_get_item (phases, p);
      GListModel *sessions = nl_phase_get_sessions (phase);
      guint pi = nl_program_snapshot_add_phase (snapshot,
                                                nl_phase_get_name (phase),
                                                nl_phase_get_kind (phase),
                                                nl_phase_get_weeks (phase),
                                                nl_phase_get_immobilized (phase),
                                                nl_phase_get_load_pct_per_week (phase));

      for (guint s = 0; s < g_list_model_get_n_items (sessions); s++)
        {
          g_autoptr(NlSession) session = g_list_model_get_item (sessions, s);
          GListModel *sets = nl_session_get_sets (session);
          guint si = nl_program_snapshot_add_session (snapshot, pi,
                                                      nl_session_get_day (session),
                                                      nl_session_get_name (session));

          for (guint i = 0; i < g_list_model_get_n_items (sets); i++)
            {
              g_autoptr(NlSetGroup) group = g_list_model_get_item (sets, i);
              NlExerciseInfo info;
              NlSnapshotSets copy;

              /* nl_program_check() has made sure this resolves. */
              nl_program_resolve_exercise (self, nl_set_group_get_exercise (group), &info);
              copy = (NlSnapshotSets) {
                .exercise_id = info.id,
                .exercise_name = info.name,
                .muscle = info.muscle,
                .mode = info.mode,
                .laterality = info.laterality,
                .joints = info.joints,
                .count = nl_set_group_get_count (group),
                .reps = nl_set_group_get_reps (group),
                .load_pct = nl_set_group_get_load_pct (group),
                .rir = nl_set_group_get_rir (group),
                .side = nl_set_group_get_side (group),
                .rest_s = nl_set_group_get_rest_s (group),
                .bfr = nl_set_group_get_bfr (group),
              };
              nl_program_snapshot_add_sets (snapshot, pi, si, &copy);
            }
        }
    }
  return g_steal_pointer (&snapshot);
}
