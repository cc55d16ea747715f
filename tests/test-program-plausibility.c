/* test-program-plausibility.c — warnings about implausible training
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nl-error.h"
#include "nl-program-plausibility-private.h"
#include "nl-program-xml.h"
#include "nl-program.h"

/* The NSCA %1RM–repetitions table (Haff & Triplett; SCIENCE.md §9). */
static const struct { double pct; guint reps; } nsca[] = {
  { 100, 1 }, { 95, 2 }, { 93, 3 }, { 90, 4 }, { 87, 5 }, { 85, 6 }, { 83, 7 },
  { 80, 8 }, { 77, 9 }, { 75, 10 }, { 70, 11 }, { 67, 12 }, { 65, 15 },
};

static void
test_relation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (nsca); i++)
    {
      double most = _nl_plausible_max_reps (nsca[i].pct);

      /* Brzycki/Epley agree with the table within about three repetitions
       * (never fewer), and a set of the table's repetitions to failure is
       * accepted. */
      g_assert_cmpfloat (most, >=, nsca[i].reps - 0.5);
      g_assert_cmpfloat (most, <=, nsca[i].reps + 3.0);
      g_assert_cmpfloat (nsca[i].reps, <=, _nl_plausible_reps_limit (nsca[i].pct));
    }
  g_assert_cmpfloat (_nl_plausible_max_reps (100), ==, 1.0);
  g_assert_cmpfloat (_nl_plausible_max_reps (100.5), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (_nl_plausible_max_reps (50), 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (_nl_plausible_max_reps (30), 70.0, 1e-9);
  /* Falls as the load rises. */
  for (double pct = 10; pct < 100; pct += 0.5)
    g_assert_cmpfloat (_nl_plausible_max_reps (pct + 0.5), <=, _nl_plausible_max_reps (pct));
}

static NlSetGroup *
add_sets (NlPhase    *phase,
          guint       day,
          const char *exercise,
          guint       reps,
          double      load,
          guint       rir,
          gboolean    bfr)
{
  g_autoptr(NlSession) session = nl_session_new (day);
  g_autoptr(NlSetGroup) sets = nl_set_group_new (exercise);

  nl_set_group_set_count (sets, 3);
  nl_set_group_set_reps (sets, reps);
  nl_set_group_set_load_pct (sets, load);
  nl_set_group_set_rir (sets, rir);
  nl_set_group_set_bfr (sets, bfr);
  nl_session_insert_sets (session, 0, sets);
  nl_phase_insert_session (phase, g_list_model_get_n_items (nl_phase_get_sessions (phase)), session);
  return sets;
}

/* The warnings nl_program_check() gives for one set group on its own. */
static guint
warnings_for (const char  *exercise,
              guint        reps,
              double       load,
              guint        rir,
              gboolean     bfr,
              const char **attribute)
{
  g_autoptr(NlProgram) program = nl_program_new ();
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 2);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  NlSetGroup *sets;
  guint n = 0;

  nl_program_set_title (program, "Plausibility");
  sets = add_sets (phase, 1, exercise, reps, load, rir, bfr);
  nl_program_insert_phase (program, 0, phase);

  problems = nl_program_check (program);
  for (guint i = 0; i < problems->len; i++)
    {
      NlProblem *problem = g_ptr_array_index (problems, i);

      /* Everything these checks find is a warning about this set group. */
      g_assert_true (problem->warning);
      g_assert_true (problem->item == G_OBJECT (sets));
      g_assert_nonnull (problem->message);
      g_assert_null (strchr (problem->message, '<'));
      g_assert_null (strstr (problem->message, "load-pct"));
      if (attribute != NULL)
        *attribute = g_intern_string (problem->attribute);
      n++;
    }

  /* Warnings never stop the model. */
  snapshot = nl_program_create_snapshot (program, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return n;
}

static void
test_sets (void)
{
  const char *attribute = NULL;

  /* The reviewer's case: 100 repetitions at 120 % of 1RM. */
  g_assert_cmpuint (warnings_for ("knee-extension", 100, 120, 0, FALSE, &attribute), ==, 1);
  g_assert_cmpstr (attribute, ==, "load-pct");
  /* A single attempt above the old 1RM is a test, not a mistake. */
  g_assert_cmpuint (warnings_for ("knee-extension", 1, 102.5, 0, FALSE, NULL), ==, 0);
  g_assert_cmpuint (warnings_for ("knee-extension", 2, 102.5, 0, FALSE, NULL), ==, 1);

  /* More repetitions than anyone does at the load. */
  g_assert_cmpuint (warnings_for ("knee-extension", 20, 85, 0, FALSE, &attribute), ==, 1);
  g_assert_cmpstr (attribute, ==, "reps");
  g_assert_cmpuint (warnings_for ("back-squat", 100, 70, 0, FALSE, NULL), ==, 1);
  /* Reps in reserve count: 6 at 85 % is hard but possible; with 6 more in
   * reserve it is not. */
  g_assert_cmpuint (warnings_for ("knee-extension", 6, 85, 0, FALSE, NULL), ==, 0);
  g_assert_cmpuint (warnings_for ("knee-extension", 6, 85, 6, FALSE, NULL), ==, 1);
  /* Ordinary prescriptions (ACSM 2009: 8–12 at 60–80 %) pass. */
  g_assert_cmpuint (warnings_for ("knee-extension", 10, 75, 2, FALSE, NULL), ==, 0);
  g_assert_cmpuint (warnings_for ("leg-press", 12, 65, 3, FALSE, NULL), ==, 0);
  g_assert_cmpuint (warnings_for ("leg-press", 8, 80, 0, FALSE, NULL), ==, 0);

  /* Blood-flow restriction: light loads pass, heavy ones are flagged. */
  g_assert_cmpuint (warnings_for ("knee-extension", 30, 30, 0, TRUE, NULL), ==, 0);
  g_assert_cmpuint (warnings_for ("knee-extension", 15, 40, 2, TRUE, NULL), ==, 0);
  g_assert_cmpuint (warnings_for ("knee-extension", 8, 70, 2, TRUE, &attribute), ==, 1);
  g_assert_cmpstr (attribute, ==, "bfr");

  /* Isometric loads are a share of a maximal contraction. */
  g_assert_cmpuint (warnings_for ("isometric-knee-extension", 8, 100, 0, FALSE, NULL), ==, 0);
  g_assert_cmpuint (warnings_for ("isometric-knee-extension", 1, 110, 0, FALSE, NULL), ==, 1);
  /* Eccentric overload may exceed the concentric 1RM. */
  g_assert_cmpuint (warnings_for ("eccentric-knee-extension", 8, 120, 0, FALSE, NULL), ==, 0);
}

/* The warnings name the exercise as the editor does: a custom one without
 * a name by its identifier, never "(null)". */
static void
test_exercise_names (void)
{
  g_autoptr(NlProgram) program = nl_program_new ();
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 2);
  g_autoptr(NlExercise) custom = nl_exercise_new ("sled-push", NULL, "quadriceps");
  g_autoptr(GPtrArray) problems = NULL;
  guint warnings = 0;

  nl_program_set_title (program, "Names");
  nl_program_insert_exercise (program, 0, custom);
  add_sets (phase, 1, "sled-push", 8, 120, 0, FALSE);
  nl_program_insert_phase (program, 0, phase);
  problems = nl_program_check (program);
  for (guint i = 0; i < problems->len; i++)
    {
      NlProblem *problem = g_ptr_array_index (problems, i);

      if (!problem->warning)
        continue;
      g_assert_null (strstr (problem->message, "(null)"));
      g_assert_true (g_str_has_prefix (problem->message, "sled-push on day 1"));
      warnings++;
    }
  g_assert_cmpuint (warnings, >=, 1);
}

static void
test_empty_phase (void)
{
  g_autoptr(NlProgram) program = nl_program_new ();
  g_autoptr(NlPhase) training = nl_phase_new (NL_PHASE_TRAINING, 4);
  g_autoptr(NlPhase) empty = nl_phase_new (NL_PHASE_TRAINING, 2);
  g_autoptr(NlPhase) off = nl_phase_new (NL_PHASE_DETRAINING, 2);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  NlProblem *problem;

  nl_program_set_title (program, "Gap");
  add_sets (training, 1, "knee-extension", 10, 75, 2, FALSE);
  nl_phase_set_name (empty, "Holiday");
  nl_program_insert_phase (program, 0, training);
  nl_program_insert_phase (program, 1, empty);
  nl_program_insert_phase (program, 2, off);

  problems = nl_program_check (program);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_true (problem->warning);
  g_assert_true (problem->item == G_OBJECT (empty));
  g_assert_nonnull (strstr (problem->message, "“Holiday”"));
  g_assert_nonnull (strstr (problem->message, "training phase"));

  snapshot = nl_program_create_snapshot (program, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
}

/* An error still stops the model even when warnings come with it. */
static void
test_errors_still_block (void)
{
  g_autoptr(NlProgram) program = nl_program_new ();
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 2);
  g_autoptr(NlPhase) empty = nl_phase_new (NL_PHASE_TRAINING, 2);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  guint errors = 0, warnings = 0;

  nl_program_set_title (program, "Both");
  add_sets (phase, 1, "no-such-exercise", 10, 75, 2, FALSE);
  nl_program_insert_phase (program, 0, empty);
  nl_program_insert_phase (program, 1, phase);

  problems = nl_program_check (program);
  for (guint i = 0; i < problems->len; i++)
    {
      NlProblem *problem = g_ptr_array_index (problems, i);

      if (problem->warning)
        warnings++;
      else
        errors++;
    }
  g_assert_cmpuint (errors, ==, 1);
  g_assert_cmpuint (warnings, ==, 1);
  /* The errors come first, so the banner leads with what stops the model. */
  g_assert_false (((NlProblem *) g_ptr_array_index (problems, 0))->warning);

  snapshot = nl_program_create_snapshot (program, &error);
  g_assert_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_MEANING);
  g_assert_null (snapshot);
  g_assert_nonnull (strstr (error->message, "no-such-exercise"));
}

/* A file with warnings loads; the warnings are there to read. */
static void
test_file_loads (void)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "plausibility",
                                            "implausible.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = nl_program_load_from_file (file, &diagnostics, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (program);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  problems = nl_program_check (program);
  /* BFR at 120 %, 100 repetitions above 1RM, the empty training phase. */
  g_assert_cmpuint (problems->len, ==, 3);
  for (guint i = 0; i < problems->len; i++)
    g_assert_true (((NlProblem *) g_ptr_array_index (problems, i))->warning);
}

/* The programmes the application ships are plausible. */
static void
test_examples_plausible (void)
{
  g_autofree char *dir_path = g_build_filename (NL_TEST_SRCDIR, "..", "data", "examples", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(NlProgram) program = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".neurolift"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      file = g_file_new_for_path (path);
      program = nl_program_load_from_file (file, NULL, &error);
      g_assert_no_error (error);
      problems = nl_program_check (program);
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("%s: %s", name, ((NlProblem *) g_ptr_array_index (problems, i))->message);
      g_assert_cmpuint (problems->len, ==, 0);
      n++;
    }
  g_assert_cmpuint (n, >=, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  nl_program_xml_init ();

  g_test_add_func ("/core/plausibility/relation", test_relation);
  g_test_add_func ("/core/plausibility/sets", test_sets);
  g_test_add_func ("/core/plausibility/empty-phase", test_empty_phase);
  g_test_add_func ("/core/plausibility/exercise-names", test_exercise_names);
  g_test_add_func ("/core/plausibility/errors-still-block", test_errors_still_block);
  g_test_add_func ("/core/plausibility/file-loads", test_file_loads);
  g_test_add_func ("/core/plausibility/examples", test_examples_plausible);
  return g_test_run ();
}
