/* test-program-document.c — the editable document: lists, change
 * notification, copies, meaning checks and snapshots
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nl-error.h"
#include "nl-program.h"

static void
count_cb (GObject *object,
          guint   *counter)
{
  (*counter)++;
}

static NlProgram *
make_program (void)
{
  NlProgram *program = nl_program_new ();
  g_autoptr(NlPhase) train = nl_phase_new (NL_PHASE_TRAINING, 3);
  g_autoptr(NlPhase) off = nl_phase_new (NL_PHASE_DETRAINING, 2);
  g_autoptr(NlSession) monday = nl_session_new (1);
  g_autoptr(NlSession) thursday = nl_session_new (4);
  g_autoptr(NlSetGroup) squat = nl_set_group_new ("back-squat");
  g_autoptr(NlSetGroup) curl = nl_set_group_new ("biceps-curl");

  nl_program_set_title (program, "Test programme");
  nl_session_insert_sets (monday, 0, squat);
  nl_session_insert_sets (thursday, 0, curl);
  nl_phase_insert_session (train, 0, monday);
  nl_phase_insert_session (train, 1, thursday);
  nl_program_insert_phase (program, 0, train);
  nl_program_insert_phase (program, 1, off);
  return program;
}

static NlSetGroup *
first_sets (NlProgram *program)
{
  g_autoptr(NlPhase) phase = g_list_model_get_item (nl_program_get_phases (program), 0);
  g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (phase), 0);

  return g_list_model_get_item (nl_session_get_sets (session), 0);
}

static void
test_changed_bubbles (void)
{
  g_autoptr(NlProgram) program = make_program ();
  g_autoptr(NlSetGroup) sets = first_sets (program);
  g_autoptr(NlPhase) phase = g_list_model_get_item (nl_program_get_phases (program), 0);
  guint changed = 0;

  g_signal_connect (program, "changed", G_CALLBACK (count_cb), &changed);

  nl_set_group_set_reps (sets, 5);
  g_assert_cmpuint (changed, ==, 1);
  nl_set_group_set_reps (sets, 5);            /* no change, no signal */
  g_assert_cmpuint (changed, ==, 1);
  nl_phase_set_weeks (phase, 6);
  g_assert_cmpuint (changed, ==, 2);
  nl_program_set_trainee_age (program, 70);
  g_assert_cmpuint (changed, ==, 3);

  /* A removed phase no longer reports to the programme. */
  nl_program_remove_phase (program, 0);
  g_assert_cmpuint (changed, ==, 4);
  nl_set_group_set_reps (sets, 6);
  nl_phase_set_weeks (phase, 2);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (nl_program_get_n_phases (program), ==, 1);
}

static void
test_move_and_copy (void)
{
  g_autoptr(NlProgram) program = make_program ();
  g_autoptr(NlProgram) copy = nl_program_copy (program);
  g_autoptr(NlPhase) first = NULL;
  g_autoptr(NlSetGroup) sets = NULL;

  g_assert_true (nl_program_equal (program, copy));

  nl_program_move_phase (program, 0, 1);
  first = g_list_model_get_item (nl_program_get_phases (program), 0);
  g_assert_cmpint (nl_phase_get_kind (first), ==, NL_PHASE_DETRAINING);
  g_assert_false (nl_program_equal (program, copy));
  nl_program_move_phase (program, 1, 0);
  g_assert_true (nl_program_equal (program, copy));

  /* Editing the copy leaves the original alone. */
  sets = first_sets (copy);
  nl_set_group_set_load_pct (sets, 85.126);
  g_assert_cmpfloat (nl_set_group_get_load_pct (sets), ==, 85.13);
  g_assert_false (nl_program_equal (program, copy));
}

static void
test_setters_clamp (void)
{
  g_autoptr(NlSetGroup) sets = nl_set_group_new ("handgrip");

  nl_set_group_set_count (sets, 99);
  g_assert_cmpuint (nl_set_group_get_count (sets), ==, NL_SETS_COUNT_MAX);
  nl_set_group_set_load_pct (sets, 0.1);
  g_assert_cmpfloat (nl_set_group_get_load_pct (sets), ==, NL_SETS_LOAD_MIN);
  nl_set_group_set_load_pct (sets, NAN);
  g_assert_cmpfloat (nl_set_group_get_load_pct (sets), ==, NL_SETS_LOAD_MIN);
  nl_set_group_set_rest_s (sets, 3);
  g_assert_cmpuint (nl_set_group_get_rest_s (sets), ==, NL_SETS_REST_MIN);
  nl_set_group_set_rest_s (sets, 0);
  g_assert_cmpuint (nl_set_group_get_rest_s (sets), ==, 0);
  nl_set_group_set_rir (sets, 50);
  g_assert_cmpuint (nl_set_group_get_rir (sets), ==, NL_SETS_RIR_MAX);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *fragment)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (((NlProblem *) g_ptr_array_index (problems, i))->message, fragment))
      return TRUE;
  return FALSE;
}

static void
test_check (void)
{
  g_autoptr(NlProgram) program = make_program ();
  g_autoptr(GPtrArray) problems = nl_program_check (program);
  g_autoptr(NlSetGroup) sets = first_sets (program);
  g_autoptr(NlPhase) phase = g_list_model_get_item (nl_program_get_phases (program), 0);
  g_autoptr(NlExercise) custom = nl_exercise_new ("sled-push", "Sled push", "quadriceps");

  g_assert_cmpuint (problems->len, ==, 0);

  nl_set_group_set_side (sets, NL_SIDE_LEFT);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = nl_program_check (program);
  g_assert_true (has_problem (problems, "works both limbs together"));

  nl_set_group_set_side (sets, NL_SIDE_BOTH);
  nl_set_group_set_exercise (sets, "sled-push");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = nl_program_check (program);
  g_assert_true (has_problem (problems, "unknown exercise"));

  nl_program_insert_exercise (program, 0, custom);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = nl_program_check (program);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Immobilising the left arm forbids the (bilateral) sled push and the
   * both-sides curl, but allows a right-side curl. */
  nl_phase_set_immobilized (phase, NL_LIMB_LEFT);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = nl_program_check (program);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (has_problem (problems, "the left limb is in a cast"));
}

static void
test_snapshot (void)
{
  g_autoptr(NlProgram) program = make_program ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = nl_program_create_snapshot (program, &error);
  g_autoptr(NlSetGroup) sets = first_sets (program);
  const NlSnapshotSets *s;

  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->n_phases, ==, 2);
  g_assert_cmpuint (snapshot->n_days, ==, 35);
  g_assert_cmpuint (snapshot->phases[1].first_day, ==, 21);
  g_assert_cmpuint (snapshot->phases[0].n_sessions, ==, 2);
  g_assert_cmpuint (snapshot->phases[0].sessions[1].day, ==, 4);
  s = &snapshot->phases[0].sessions[1].sets[0];
  g_assert_cmpstr (s->exercise_id, ==, "biceps-curl");
  g_assert_cmpstr (s->muscle, ==, "biceps-brachii");
  g_assert_cmpint (s->laterality, ==, NL_LATERALITY_UNILATERAL);
  g_assert_cmpstr (snapshot->title, ==, "Test programme");

  /* The snapshot does not follow later edits. */
  nl_set_group_set_reps (sets, 3);
  g_assert_cmpuint (snapshot->phases[0].sessions[0].sets[0].reps, ==, 10);

  /* An inconsistent programme gives no snapshot. */
  nl_set_group_set_exercise (sets, "no-such-exercise");
  g_assert_null (nl_program_create_snapshot (program, &error));
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_MEANING);
}

static void
test_catalog (void)
{
  const NlCatalog *catalog = nl_catalog_get_default ();
  static const char * const required[] = {
    "back-squat", "leg-press", "knee-extension", "isometric-knee-extension", "leg-curl",
    "deadlift", "hip-thrust", "calf-raise", "ballistic-dorsiflexion", "bench-press",
    "overhead-press", "seated-row", "lat-pulldown", "biceps-curl", "isometric-elbow-flexion",
    "triceps-extension", "index-finger-abduction", "handgrip",
  };
  static const char * const muscles[] = {
    "quadriceps", "hamstrings", "gluteus-maximus", "triceps-surae", "tibialis-anterior",
    "pectoralis-major", "deltoid", "latissimus-dorsi", "biceps-brachii", "triceps-brachii",
    "first-dorsal-interosseous", "forearm-flexors",
  };

  g_assert_cmpuint (nl_catalog_get_n_exercises (catalog), >=, 25);
  g_assert_cmpuint (nl_catalog_get_n_muscles (catalog), >=, 12);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (nl_catalog_lookup_exercise (catalog, required[i]));
  for (guint i = 0; i < G_N_ELEMENTS (muscles); i++)
    g_assert_nonnull (nl_catalog_lookup_muscle (catalog, muscles[i]));
  g_assert_cmpstr (nl_catalog_lookup_exercise (catalog, "index-finger-abduction")->muscle, ==,
                   "first-dorsal-interosseous");
  g_assert_null (nl_catalog_lookup_exercise (catalog, "no-such"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/changed-bubbles", test_changed_bubbles);
  g_test_add_func ("/core/document/move-and-copy", test_move_and_copy);
  g_test_add_func ("/core/document/setters-clamp", test_setters_clamp);
  g_test_add_func ("/core/document/check", test_check);
  g_test_add_func ("/core/document/snapshot", test_snapshot);
  g_test_add_func ("/core/document/catalog", test_catalog);

  return g_test_run ();
}
