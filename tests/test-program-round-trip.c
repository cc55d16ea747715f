/* test-program-round-trip.c — what the document holds is what is written
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For any document the editor can produce, problems and all, saving and
 * loading again gives an equal document, the loader refuses nothing, and
 * its diagnostics are the problems nl_program_check() finds.
 */
#include "config.h"

#include <string.h>

#include "nl-catalog.h"
#include "nl-error.h"
#include "nl-program-xml.h"
#include "nl-test-load.h"

static NlProgram *
load_example (const char *name)
{
  return nl_test_load_program ("..", "data", "examples", name, NULL);
}

/* Saves @program, loads the text and checks the round trip.  Returns the
 * reloaded document. */
/* The problems that are not mere warnings (implausible training): those
 * are the loader's diagnostics. */
static guint
count_errors (GPtrArray *problems)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += !((NlProblem *) g_ptr_array_index (problems, i))->warning;
  return n;
}

static NlProgram *
round_trip (NlProgram *program)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GPtrArray) problems = nl_program_check (program);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  NlProgram *reloaded;
  gsize length;

  text = nl_program_to_xml (program, &length);
  reloaded = nl_program_load_from_data (text, length, "saved.neurolift", &diagnostics, &error);
  if (error != NULL)
    g_test_message ("%s", text);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  g_assert_true (nl_program_equal (program, reloaded));
  g_assert_cmpuint (diagnostics->len, ==, MIN (count_errors (problems), 100));
  for (guint i = 0; i < diagnostics->len; i++)
    {
      NlDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_cmpuint (d->line, >=, 1);
      g_assert_cmpuint (d->column, >=, 1);
    }
  again = nl_program_to_xml (reloaded, NULL);
  g_assert_cmpstr (again, ==, text);
  return reloaded;
}

static NlPhase *
find_phase (NlProgram  *program,
            const char *name)
{
  for (guint i = 0; i < nl_program_get_n_phases (program); i++)
    {
      NlPhase *phase = nl_program_get_phase (program, i);

      if (g_strcmp0 (nl_phase_get_name (phase), name) == 0)
        return phase;
    }
  g_assert_not_reached ();
}

static guint
count_sets (NlPhase *phase)
{
  GListModel *sessions = nl_phase_get_sessions (phase);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NlSession) session = g_list_model_get_item (sessions, i);

      n += g_list_model_get_n_items (nl_session_get_sets (session));
    }
  return n;
}

/* The reviewer's case: the training phase of the cross-education example
 * turned into a detraining phase kept its 5 sessions and the cast on the
 * screen, but the file lost them. */
static void
test_kind_change_keeps_content (void)
{
  g_autoptr(NlProgram) program = load_example ("cross-education-cast.neurolift");
  g_autoptr(NlProgram) reloaded = NULL;
  NlPhase *phase = find_phase (program, "Cast on the left, train the right");
  NlPhase *again;

  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (phase)), ==, 5);
  g_assert_cmpuint (count_sets (phase), ==, 10);
  g_assert_cmpint (nl_phase_get_immobilized (phase), ==, NL_LIMB_LEFT);

  nl_phase_set_kind (phase, NL_PHASE_DETRAINING);
  reloaded = round_trip (program);
  again = find_phase (reloaded, "Cast on the left, train the right");
  g_assert_cmpint (nl_phase_get_kind (again), ==, NL_PHASE_DETRAINING);
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (again)), ==, 5);
  g_assert_cmpuint (count_sets (again), ==, 10);
  g_assert_cmpint (nl_phase_get_immobilized (again), ==, NL_LIMB_LEFT);

  /* Every kind, with and without a cast and a progression. */
  for (int kind = NL_PHASE_TRAINING; kind <= NL_PHASE_IMMOBILIZATION; kind++)
    for (guint limbs = NL_LIMB_NONE; limbs <= NL_LIMB_BOTH; limbs++)
      for (int progression = -1; progression <= 1; progression++)
        {
          g_autoptr(NlProgram) copy = NULL;

          nl_phase_set_kind (phase, kind);
          nl_phase_set_immobilized (phase, limbs);
          nl_phase_set_load_pct_per_week (phase, 2.5 * progression);
          copy = round_trip (program);
        }
}

/* The reviewer's second case: an immobilisation phase with no limb in a
 * cast was saved, and the file then could not be opened. */
static void
test_problems_load (void)
{
  g_autoptr(NlProgram) program = load_example ("train-detrain-retrain.neurolift");
  g_autoptr(NlProgram) reloaded = NULL;
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_IMMOBILIZATION, 2);
  g_autoptr(NlExercise) custom = nl_exercise_new ("sled-push", "Sled push", "quadriceps");
  g_autoptr(NlSetGroup) sets = nl_set_group_new ("sled-push");
  g_autoptr(GPtrArray) problems = NULL;
  NlPhase *first = nl_program_get_phase (program, 0);
  g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (first), 0);

  nl_program_insert_phase (program, G_MAXUINT, phase);
  problems = nl_program_check (program);
  g_assert_cmpuint (count_errors (problems), ==, 1);
  reloaded = round_trip (program);
  g_clear_object (&reloaded);

  /* A set group naming a custom exercise that was then removed. */
  nl_program_insert_exercise (program, 0, custom);
  nl_session_insert_sets (session, 0, sets);
  g_clear_object (&reloaded);
  reloaded = round_trip (program);
  nl_program_remove_exercise (program, 0);
  g_clear_object (&reloaded);
  reloaded = round_trip (program);

  /* Two sessions on one day, one-sided work on a bilateral exercise, a
   * blank name (stored as none). */
  nl_session_set_day (session, 3);
  nl_set_group_set_side (sets, NL_SIDE_LEFT);
  nl_set_group_set_exercise (sets, "back-squat");
  nl_phase_set_name (first, "   ");
  g_assert_null (nl_phase_get_name (first));
  g_clear_object (&reloaded);
  reloaded = round_trip (program);

  /* No phase at all. */
  while (nl_program_get_n_phases (program) > 0)
    nl_program_remove_phase (program, 0);
  g_clear_object (&reloaded);
  reloaded = round_trip (program);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = nl_program_check (reloaded);
  g_assert_cmpuint (count_errors (problems), >=, 1);
}

/* ---- Random edits -------------------------------------------------------- */

static const char * const exercise_ids[] = {
  "back-squat", "knee-extension", "leg-press", "biceps-curl", "sled-push", "no-such-exercise",
};

static const char * const texts[] = {
  "A", "Week 1 & 2 <heavy>", "\"quoted\"", "line\nbreak", "tab\there", "   ", "Ünïcödé ✓",
};

/* Collects every node of @program. */
static void
collect_nodes (NlProgram *program,
               GPtrArray *nodes)
{
  GListModel *exercises = nl_program_get_exercises (program);

  g_ptr_array_add (nodes, g_object_ref (program));
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    g_ptr_array_add (nodes, g_list_model_get_item (exercises, i));
  for (guint p = 0; p < nl_program_get_n_phases (program); p++)
    {
      NlPhase *phase = nl_program_get_phase (program, p);
      GListModel *sessions = nl_phase_get_sessions (phase);

      g_ptr_array_add (nodes, g_object_ref (phase));
      for (guint s = 0; s < g_list_model_get_n_items (sessions); s++)
        {
          g_autoptr(NlSession) session = g_list_model_get_item (sessions, s);
          GListModel *sets = nl_session_get_sets (session);

          g_ptr_array_add (nodes, g_object_ref (session));
          for (guint i = 0; i < g_list_model_get_n_items (sets); i++)
            g_ptr_array_add (nodes, g_list_model_get_item (sets, i));
        }
    }
}

/* Sets one property of @node to a random value the form can give it: any
 * number in the property's range, any choice, any text, but an exercise
 * identifier and the title only when valid (the form refuses the others
 * while they are typed). */
static void
random_edit (GObject *node)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  guint n_pspecs;
  GParamSpec *pspec;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (node), &n_pspecs);
  pspec = pspecs[g_test_rand_int_range (0, (gint32) n_pspecs)];
  if ((pspec->flags & G_PARAM_WRITABLE) == 0)
    return;
  g_value_init (&value, pspec->value_type);

  if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *u = G_PARAM_SPEC_UINT (pspec);

      g_value_set_uint (&value, (guint) g_test_rand_int_range ((gint32) u->minimum,
                                                               (gint32) MIN (u->maximum, 1000) + 1));
    }
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    {
      GParamSpecDouble *d = G_PARAM_SPEC_DOUBLE (pspec);

      g_value_set_double (&value, g_test_rand_double_range (d->minimum, d->maximum));
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_value_set_enum (&value, klass->values[g_test_rand_int_range (0, (gint32) klass->n_values)].value);
    }
  else if (G_IS_PARAM_SPEC_FLAGS (pspec))
    g_value_set_flags (&value, (guint) g_test_rand_int_range (0, 4));
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (&value, g_test_rand_bit ());
  else if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      const char *name = pspec->name;

      if (NL_IS_EXERCISE (node) && g_str_equal (name, "id"))
        g_value_set_string (&value, exercise_ids[g_test_rand_int_range (0, G_N_ELEMENTS (exercise_ids))]);
      else if (NL_IS_SET_GROUP (node) && g_str_equal (name, "exercise"))
        g_value_set_string (&value, exercise_ids[g_test_rand_int_range (0, G_N_ELEMENTS (exercise_ids))]);
      else if (NL_IS_EXERCISE (node) && g_str_equal (name, "muscle"))
        {
          const NlCatalog *catalog = nl_catalog_get_default ();
          guint m = (guint) g_test_rand_int_range (0, (gint32) nl_catalog_get_n_muscles (catalog));

          g_value_set_string (&value, nl_catalog_get_muscle (catalog, m)->id);
        }
      else if ((NL_IS_PROGRAM (node) && g_str_equal (name, "title"))
               || (NL_IS_EXERCISE (node) && g_str_equal (name, "name")))
        g_value_set_string (&value, texts[g_test_rand_int_range (0, 5)]);
      else
        g_value_set_string (&value, g_test_rand_bit () ? NULL
                            : texts[g_test_rand_int_range (0, G_N_ELEMENTS (texts))]);
    }
  else
    g_assert_not_reached ();

  g_object_set_property (node, pspec->name, &value);
}

/* Removes or duplicates a random node (never the programme). */
static void
random_structure_edit (NlProgram *program,
                       GObject   *node)
{
  GListModel *exercises = nl_program_get_exercises (program);
  gboolean remove = g_test_rand_bit ();

  if (NL_IS_PHASE (node))
    {
      for (guint p = 0; p < nl_program_get_n_phases (program); p++)
        if (G_OBJECT (nl_program_get_phase (program, p)) == node)
          {
            if (remove)
              nl_program_remove_phase (program, p);
            else
              {
                g_autoptr(NlPhase) copy = nl_phase_copy (NL_PHASE (node));

                nl_program_insert_phase (program, p + 1, copy);
              }
            return;
          }
    }
  else if (NL_IS_EXERCISE (node))
    {
      for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (exercises, i);

          if (item == node)
            {
              if (remove)
                nl_program_remove_exercise (program, i);
              else
                {
                  g_autoptr(NlExercise) copy = nl_exercise_copy (NL_EXERCISE (node));

                  nl_program_insert_exercise (program, i + 1, copy);
                }
              return;
            }
        }
    }
}

static void
test_random_edits (void)
{
  static const char * const examples[] = {
    "cross-education-cast.neurolift", "train-detrain-retrain.neurolift",
    "acl-reconstruction-rehab.neurolift", "novice-full-body.neurolift",
  };
  guint n_round_trips = 0;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(NlProgram) program = load_example (examples[e]);
      g_autoptr(NlExercise) custom = nl_exercise_new ("sled-push", "Sled push", "quadriceps");

      nl_program_insert_exercise (program, 0, custom);
      for (guint step = 0; step < 150; step++)
        {
          g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (g_object_unref);
          g_autoptr(NlProgram) reloaded = NULL;
          GObject *node;

          collect_nodes (program, nodes);
          node = g_ptr_array_index (nodes, g_test_rand_int_range (0, (gint32) nodes->len));
          if (g_test_rand_int_range (0, 10) == 0)
            random_structure_edit (program, node);
          else
            random_edit (node);
          reloaded = round_trip (program);
          n_round_trips++;
        }
    }
  g_test_message ("%u round trips", n_round_trips);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  nl_program_xml_init ();

  g_test_add_func ("/core/round-trip/kind-change-keeps-content", test_kind_change_keeps_content);
  g_test_add_func ("/core/round-trip/problems-load", test_problems_load);
  g_test_add_func ("/core/round-trip/random-edits", test_random_edits);
  return g_test_run ();
}
