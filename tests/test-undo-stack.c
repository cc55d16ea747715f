/* test-undo-stack.c — undo and redo of document edits
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nl-program-xml.h"
#include "nl-undo-stack.h"
#include "nl-test-load.h"

static NlProgram *
load_example (void)
{
  return nl_test_load_program ("data", "valid", "issue-example.neurolift", NULL);
}

static NlSetGroup *
first_sets (NlProgram *program)
{
  NlPhase *phase = nl_program_get_phase (program, 0);
  g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (phase), 0);

  return g_list_model_get_item (nl_session_get_sets (session), 0);
}

static void
test_property (void)
{
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlProgram) original = nl_program_copy (program);
  g_autoptr(NlUndoStack) stack = nl_undo_stack_new ();
  g_autoptr(NlSetGroup) sets = first_sets (program);

  g_assert_false (nl_undo_stack_get_modified (stack));
  g_assert_false (nl_undo_stack_can_undo (stack));

  g_assert_true (nl_undo_stack_set_uint (stack, sets, "reps", 12));
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 12);
  g_assert_true (nl_undo_stack_get_modified (stack));
  g_assert_true (nl_undo_stack_can_undo (stack));
  g_assert_cmpstr (nl_undo_stack_get_undo_label (stack), ==, "Change reps");

  /* Setting the same value records nothing. */
  nl_undo_stack_break_coalescing (stack);
  g_assert_false (nl_undo_stack_set_uint (stack, sets, "reps", 12));
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 1);

  g_assert_true (nl_undo_stack_undo (stack));
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 8);
  g_assert_false (nl_undo_stack_get_modified (stack));
  g_assert_true (nl_program_equal (program, original));
  g_assert_false (nl_undo_stack_undo (stack));

  g_assert_true (nl_undo_stack_redo (stack));
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 12);
  g_assert_false (nl_undo_stack_redo (stack));

  /* Setters clamp: the stack records what the document kept. */
  nl_undo_stack_break_coalescing (stack);
  g_assert_true (nl_undo_stack_set_double (stack, sets, "load-pct", 80.004));
  g_assert_cmpfloat (nl_set_group_get_load_pct (sets), ==, 80.0);
  g_assert_true (nl_undo_stack_set_enum (stack, sets, "side", NL_SIDE_RIGHT));
  g_assert_true (nl_undo_stack_set_boolean (stack, sets, "bfr", TRUE));
  g_assert_true (nl_undo_stack_set_enum (stack, nl_program_get_phase (program, 0), "immobilized", NL_LIMB_LEFT));
  g_assert_true (nl_undo_stack_set_string (stack, program, "title", "Another title"));
  while (nl_undo_stack_undo (stack))
    ;
  g_assert_true (nl_program_equal (program, original));
  while (nl_undo_stack_redo (stack))
    ;
  g_assert_cmpstr (nl_program_get_title (program), ==, "Another title");
  g_assert_cmpint (nl_set_group_get_side (sets), ==, NL_SIDE_RIGHT);
  g_assert_cmpuint (nl_phase_get_immobilized (nl_program_get_phase (program, 0)), ==, NL_LIMB_LEFT);
}

static void
test_coalesce (void)
{
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlUndoStack) stack = nl_undo_stack_new ();
  const char *typed[] = { "K", "Kn", "Kne", "Knee" };

  /* Typing a word is one step. */
  nl_undo_stack_set_coalesce_timeout (stack, 60000);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    nl_undo_stack_set_string (stack, program, "title", typed[i]);
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 1);
  g_assert_cmpstr (nl_program_get_title (program), ==, "Knee");

  /* Another property starts a new step. */
  nl_undo_stack_set_string (stack, program, "description", "d");
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 2);
  /* So does the same property after a break. */
  nl_undo_stack_break_coalescing (stack);
  nl_undo_stack_set_string (stack, program, "description", "dd");
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 3);

  nl_undo_stack_undo (stack);
  nl_undo_stack_undo (stack);
  nl_undo_stack_undo (stack);
  g_assert_cmpstr (nl_program_get_title (program), ==, "Knee extension, left leg, with right leg in a cast");

  /* A timeout of zero never merges (the steps are microseconds apart). */
  nl_undo_stack_clear (stack);
  nl_undo_stack_set_coalesce_timeout (stack, 0);
  g_usleep (2000);
  nl_undo_stack_set_string (stack, program, "title", "A");
  g_usleep (2000);
  nl_undo_stack_set_string (stack, program, "title", "AB");
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 2);
}

static void
test_clean_state (void)
{
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlUndoStack) stack = nl_undo_stack_new ();
  g_autoptr(NlSetGroup) sets = first_sets (program);

  nl_undo_stack_set_coalesce_timeout (stack, 60000);
  nl_undo_stack_set_uint (stack, sets, "reps", 9);
  nl_undo_stack_set_clean (stack);
  g_assert_false (nl_undo_stack_get_modified (stack));

  /* An edit after saving never merges into the saved step. */
  nl_undo_stack_set_uint (stack, sets, "reps", 10);
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 2);
  g_assert_true (nl_undo_stack_get_modified (stack));
  nl_undo_stack_undo (stack);
  g_assert_false (nl_undo_stack_get_modified (stack));
  g_assert_cmpuint (nl_set_group_get_reps (sets), ==, 9);
  nl_undo_stack_undo (stack);
  g_assert_true (nl_undo_stack_get_modified (stack));

  /* A new edit drops the redo steps, including the saved state. */
  g_assert_true (nl_undo_stack_set_uint (stack, sets, "count", nl_set_group_get_count (sets) + 1));
  g_assert_false (nl_undo_stack_can_redo (stack));
  g_assert_true (nl_undo_stack_get_modified (stack));
  nl_undo_stack_undo (stack);
  g_assert_true (nl_undo_stack_get_modified (stack));

  nl_undo_stack_set_unclean (stack);
  g_assert_true (nl_undo_stack_get_modified (stack));
}

static void
test_structure (void)
{
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlProgram) original = nl_program_copy (program);
  g_autoptr(NlUndoStack) stack = nl_undo_stack_new ();
  NlPhase *phase = nl_program_get_phase (program, 0);
  g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (phase), 1);
  g_autoptr(NlPhase) new_phase = nl_phase_new (NL_PHASE_DETRAINING, 2);
  g_autoptr(NlSetGroup) new_sets = nl_set_group_new ("leg-press");
  g_autoptr(NlExercise) exercise = nl_exercise_new ("my-ex", "Mine", "quadriceps");

  nl_undo_stack_insert (stack, program, 1, new_phase);
  g_assert_cmpuint (nl_program_get_n_phases (program), ==, 3);
  g_assert_true (nl_program_get_phase (program, 1) == new_phase);
  nl_undo_stack_insert (stack, session, 0, new_sets);
  nl_undo_stack_insert (stack, program, 1, exercise);
  g_assert_cmpuint (g_list_model_get_n_items (nl_program_get_exercises (program)), ==, 2);
  nl_undo_stack_remove (stack, phase, NL_TYPE_SESSION, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (phase)), ==, 2);
  nl_undo_stack_move (stack, program, NL_TYPE_PHASE, 0, 2);
  g_assert_true (nl_program_get_phase (program, 2) == phase);
  nl_undo_stack_move (stack, program, NL_TYPE_EXERCISE, 1, 0);
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 6);

  /* A group is one step. */
  nl_undo_stack_begin_group (stack, "Move");
  nl_undo_stack_remove (stack, session, NL_TYPE_SET_GROUP, 0);
  nl_undo_stack_begin_group (stack, "nested");
  nl_undo_stack_insert (stack, session, 1, new_sets);
  nl_undo_stack_end_group (stack);
  g_assert_false (nl_undo_stack_can_undo (stack));
  nl_undo_stack_end_group (stack);
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 7);
  g_assert_cmpstr (nl_undo_stack_get_undo_label (stack), ==, "Move");

  /* An empty group records nothing. */
  nl_undo_stack_begin_group (stack, "empty");
  nl_undo_stack_end_group (stack);
  g_assert_cmpuint (nl_undo_stack_get_n_steps (stack), ==, 7);

  while (nl_undo_stack_undo (stack))
    ;
  g_assert_true (nl_program_equal (program, original));
  while (nl_undo_stack_redo (stack))
    ;
  g_assert_cmpuint (nl_program_get_n_phases (program), ==, 3);
  g_assert_true (nl_program_get_phase (program, 2) == phase);
  g_assert_cmpuint (g_list_model_get_n_items (nl_session_get_sets (session)), ==, 2);
  while (nl_undo_stack_undo (stack))
    ;
  g_assert_true (nl_program_equal (program, original));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlUndoStack) stack = nl_undo_stack_new ();
  guint modified = 0;
  gboolean can_undo;

  g_signal_connect (stack, "notify::modified", G_CALLBACK (count_notify), &modified);
  nl_undo_stack_set_string (stack, program, "title", "T");
  g_assert_cmpuint (modified, >, 0);
  g_object_get (stack, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
}

/* An editor shows the node an undo or redo changed. */
static void
test_last_changed (void)
{
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlUndoStack) stack = nl_undo_stack_new ();
  g_autoptr(NlSetGroup) sets = first_sets (program);
  NlPhase *phase = nl_program_get_phase (program, 0);
  g_autoptr(NlSetGroup) new_sets = nl_set_group_new ("leg-press");
  g_autoptr(NlSession) session = g_list_model_get_item (nl_phase_get_sessions (phase), 0);

  g_assert_null (nl_undo_stack_get_last_changed (stack));
  nl_undo_stack_set_uint (stack, sets, "reps", 12);
  nl_undo_stack_break_coalescing (stack);
  nl_undo_stack_set_string (stack, program, "title", "Changed");
  nl_undo_stack_break_coalescing (stack);
  nl_undo_stack_insert (stack, session, 0, new_sets);
  nl_undo_stack_begin_group (stack, "Kind");
  g_assert_true (nl_undo_stack_set_uint (stack, phase, "weeks", nl_phase_get_weeks (phase) + 1));
  g_assert_true (nl_undo_stack_set_uint (stack, sets, "count", nl_set_group_get_count (sets) + 1));
  nl_undo_stack_end_group (stack);

  g_assert_true (nl_undo_stack_undo (stack));
  g_assert_true (nl_undo_stack_get_last_changed (stack) == G_OBJECT (phase));
  g_assert_true (nl_undo_stack_undo (stack));
  g_assert_null (nl_undo_stack_get_last_changed (stack));
  g_assert_true (nl_undo_stack_undo (stack));
  g_assert_true (nl_undo_stack_get_last_changed (stack) == G_OBJECT (program));
  g_assert_true (nl_undo_stack_undo (stack));
  g_assert_true (nl_undo_stack_get_last_changed (stack) == G_OBJECT (sets));
  g_assert_true (nl_undo_stack_redo (stack));
  g_assert_true (nl_undo_stack_get_last_changed (stack) == G_OBJECT (sets));
  nl_undo_stack_clear (stack);
  g_assert_null (nl_undo_stack_get_last_changed (stack));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/property", test_property);
  g_test_add_func ("/undo-stack/coalesce", test_coalesce);
  g_test_add_func ("/undo-stack/clean-state", test_clean_state);
  g_test_add_func ("/undo-stack/structure", test_structure);
  g_test_add_func ("/undo-stack/notify", test_notify);
  g_test_add_func ("/undo-stack/last-changed", test_last_changed);
  return g_test_run ();
}
