/* nl-program-writer.c — the canonical form of a programme file
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One fixed layout: two-space indent, attributes in a fixed order, optional
 * attributes written only when they differ from "not given" (rir and side are
 * always written so a reader sees them), numbers without trailing zeros.
 * Loading this text and writing it again gives the same bytes.
 */
#include "config.h"

#include <string.h>

#include "nl-atomic-file.h"
#include "nl-program-xml.h"

/* XML 1.0 has no way to write most control characters, U+FFFE or U+FFFF,
 * not even as character references: a title pasted with a vertical tab
 * would give a file that never loads again.  They carry no meaning in a
 * programme, so they are left out. */
static gboolean
is_xml_char (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  g_autofree char *valid = NULL;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_xml_char (c))
        continue;
      switch (c)
        {
        case '&':  g_string_append (out, "&amp;"); break;
        case '<':  g_string_append (out, "&lt;"); break;
        case '>':  g_string_append (out, "&gt;"); break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        /* A parser normalises these in attributes (and \r everywhere), so
         * they are written as character references to survive a reload. */
        case '\n':
          g_string_append (out, attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, attribute ? "&#9;" : "\t");
          break;
        case '\r':
          g_string_append (out, "&#13;");
          break;
        default:
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

static void
attr (GString    *out,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
attr_uint (GString    *out,
           const char *name,
           guint       value)
{
  g_string_append_printf (out, " %s=\"%u\"", name, value);
}

/* Two decimals at most, no trailing zeros, "." whatever the locale. */
static void
attr_decimal (GString    *out,
              const char *name,
              double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  if (strchr (buf, '.') != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (g_str_equal (buf, "-0"))
    g_strlcpy (buf, "0", sizeof buf);
  attr (out, name, buf);
}

static void
write_sets (GString    *out,
            NlSetGroup *sets)
{
  g_string_append (out, "      <sets");
  attr (out, "exercise", nl_set_group_get_exercise (sets));
  attr (out, "side", nl_side_to_string (nl_set_group_get_side (sets)));
  attr_uint (out, "count", nl_set_group_get_count (sets));
  attr_uint (out, "reps", nl_set_group_get_reps (sets));
  attr_decimal (out, "load-pct", nl_set_group_get_load_pct (sets));
  attr_uint (out, "rir", nl_set_group_get_rir (sets));
  if (nl_set_group_get_rest_s (sets) != 0)
    attr_uint (out, "rest-s", nl_set_group_get_rest_s (sets));
  if (nl_set_group_get_bfr (sets))
    attr (out, "bfr", "true");
  g_string_append (out, "/>\n");
}

static void
write_session (GString   *out,
               NlSession *session)
{
  GListModel *sets = nl_session_get_sets (session);
  guint n = g_list_model_get_n_items (sets);

  g_string_append (out, "    <session");
  attr_uint (out, "day", nl_session_get_day (session));
  attr (out, "name", nl_session_get_name (session));
  if (n == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NlSetGroup) group = g_list_model_get_item (sets, i);

      write_sets (out, group);
    }
  g_string_append (out, "    </session>\n");
}

/* Everything the phase holds is written, whatever its kind: a detraining
 * phase that still holds sessions (a problem nl_program_check() reports)
 * keeps them on disk, so changing the kind and saving loses nothing.  The
 * limb in the cast of an immobilisation phase is its "side" attribute
 * (left out while none is chosen, which is again a reported problem); any
 * other phase names it with <immobilize>. */
static void
write_phase (GString *out,
             NlPhase *phase)
{
  GListModel *sessions = nl_phase_get_sessions (phase);
  guint n = g_list_model_get_n_items (sessions);
  NlPhaseKind kind = nl_phase_get_kind (phase);
  NlLimbs limbs = nl_phase_get_immobilized (phase);
  double progression = nl_phase_get_load_pct_per_week (phase);
  gboolean cast_child = kind != NL_PHASE_IMMOBILIZATION && limbs != NL_LIMB_NONE;
  gboolean has_children = n > 0 || cast_child || progression != 0;

  g_string_append (out, "  <phase");
  attr (out, "name", nl_phase_get_name (phase));
  attr (out, "kind", nl_phase_kind_to_string (kind));
  attr_uint (out, "weeks", nl_phase_get_weeks (phase));
  if (kind == NL_PHASE_IMMOBILIZATION)
    attr (out, "side", nl_limbs_to_string (limbs));
  if (!has_children)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NlSession) session = g_list_model_get_item (sessions, i);

      write_session (out, session);
    }
  if (cast_child)
    {
      g_string_append (out, "    <immobilize");
      attr (out, "side", nl_limbs_to_string (limbs));
      g_string_append (out, "/>\n");
    }
  if (progression != 0)
    {
      g_string_append (out, "    <progression");
      attr_decimal (out, "load-pct-per-week", progression);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "  </phase>\n");
}

/**
 * nl_program_to_xml:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the canonical text of the programme.
 */
char *
nl_program_to_xml (NlProgram *self,
                   gsize     *length)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  GListModel *exercises = nl_program_get_exercises (self);
  GListModel *phases = nl_program_get_phases (self);

  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);

  g_string_append (out, "<program xmlns=\"" NL_PROGRAM_NAMESPACE "\">\n");
  g_string_append (out, "  <title>");
  append_escaped (out, nl_program_get_title (self), FALSE);
  g_string_append (out, "</title>\n");
  if (nl_program_get_description (self) != NULL)
    {
      g_string_append (out, "  <description>");
      append_escaped (out, nl_program_get_description (self), FALSE);
      g_string_append (out, "</description>\n");
    }

  g_string_append (out, "  <trainee");
  attr_uint (out, "age", nl_program_get_trainee_age (self));
  attr (out, "sex", nl_sex_to_string (nl_program_get_trainee_sex (self)));
  attr (out, "training-status", nl_training_status_to_string (nl_program_get_training_status (self)));
  g_string_append (out, "/>\n");

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(NlExercise) exercise = g_list_model_get_item (exercises, i);

      g_string_append (out, "  <exercise");
      attr (out, "id", nl_exercise_get_id (exercise));
      attr (out, "name", nl_exercise_get_name (exercise));
      attr (out, "muscle", nl_exercise_get_muscle (exercise));
      attr (out, "mode", nl_exercise_mode_to_string (nl_exercise_get_mode (exercise)));
      attr (out, "laterality", nl_laterality_to_string (nl_exercise_get_laterality (exercise)));
      attr (out, "joints", nl_joints_to_string (nl_exercise_get_joints (exercise)));
      g_string_append (out, "/>\n");
    }

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(NlPhase) phase = g_list_model_get_item (phases, i);

      write_phase (out, phase);
    }
  g_string_append (out, "</program>\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
nl_program_save_to_file (NlProgram  *self,
                         GFile      *file,
                         GError    **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (NL_IS_PROGRAM (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = nl_program_to_xml (self, &length);
  return nl_atomic_file_replace (file, text, length, error);
}
