/* test-simulation.c — NlSimulation: background runs, cancellation, staleness
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display: a GMainLoop drives the debounce and the GTask callbacks.
 */

#include "config.h"

#include <string.h>

#include "nl-adaptation-model.h"
#include "nl-program-xml.h"
#include "nl-simulation.h"
#include "nl-test-load.h"

/* A 52-week, 4-days-a-week programme of knee extensions. */
static NlProgram *
build_year_program (guint weeks)
{
  NlProgram *program = nl_program_new ();
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, weeks);
  static const guint days[] = { 1, 2, 4, 5 };

  nl_program_set_title (program, "Year");
  nl_phase_set_name (phase, "Strength");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(NlSession) session = nl_session_new (days[i]);
      g_autoptr(NlSetGroup) sets = nl_set_group_new ("knee-extension");

      nl_set_group_set_side (sets, NL_SIDE_LEFT);
      nl_set_group_set_count (sets, 4);
      nl_set_group_set_reps (sets, 8);
      nl_set_group_set_load_pct (sets, 75);
      nl_session_insert_sets (session, 0, sets);
      nl_phase_insert_session (phase, i, session);
    }
  nl_program_insert_phase (program, 0, phase);
  return program;
}

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
  g_autoptr(NlSetGroup) sets = g_list_model_get_item (nl_session_get_sets (session), 0);

  return sets; /* owned by the programme */
}

/* The model run directly on @program, for comparison. */
static NlTimeline *
run_directly (NlProgram *program,
              guint      population,
              guint      seed)
{
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  NlModelOptions options;
  NlTimeline *timeline;

  snapshot = nl_program_create_snapshot (program, &error);
  g_assert_no_error (error);
  nl_model_options_init (&options);
  options.population = population;
  options.seed = seed;
  timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return timeline;
}

static void
assert_same_timeline (NlTimeline *a,
                      NlTimeline *b)
{
  g_assert_cmpuint (nl_timeline_get_n_days (a), ==, nl_timeline_get_n_days (b));
  g_assert_cmpuint (nl_timeline_get_n_tracks (a), ==, nl_timeline_get_n_tracks (b));
  for (guint t = 0; t < nl_timeline_get_n_tracks (a); t++)
    for (guint s = 0; s < NL_N_SERIES; s++)
      {
        const double *va = nl_timeline_get_series (a, t, s);
        const double *vb = nl_timeline_get_series (b, t, s);

        g_assert_true ((va == NULL) == (vb == NULL));
        if (va != NULL)
          g_assert_cmpmem (va, nl_timeline_get_n_days (a) * sizeof (double),
                           vb, nl_timeline_get_n_days (b) * sizeof (double));
      }
}

typedef struct {
  guint  timeline_notifies;
  guint  progress_notifies;
  double max_progress;
} Counters;

static void
timeline_notify_cb (NlSimulation *simulation,
                    GParamSpec   *pspec,
                    Counters     *counters)
{
  counters->timeline_notifies++;
}

static void
progress_notify_cb (NlSimulation *simulation,
                    GParamSpec   *pspec,
                    Counters     *counters)
{
  counters->progress_notifies++;
  counters->max_progress = MAX (counters->max_progress, nl_simulation_get_progress (simulation));
}

static gboolean
quit_when_idle_cb (gpointer data)
{
  NlSimulation *simulation = NL_SIMULATION (((gpointer *) data)[0]);
  GMainLoop *loop = ((gpointer *) data)[1];

  if (!nl_simulation_get_running (simulation))
    {
      g_main_loop_quit (loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
test_result_arrives (void)
{
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlSimulation) simulation = nl_simulation_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(NlTimeline) expected = NULL;
  Counters counters = { 0 };
  gpointer data[2] = { simulation, loop };

  g_signal_connect (simulation, "notify::timeline", G_CALLBACK (timeline_notify_cb), &counters);
  g_assert_null (nl_simulation_get_timeline (simulation));

  nl_simulation_set_program (simulation, program);
  g_assert_true (nl_simulation_get_program (simulation) == program);
  /* The run is on a worker: the main thread returns at once. */
  g_assert_true (nl_simulation_get_running (simulation));
  g_assert_null (nl_simulation_get_timeline (simulation));

  g_timeout_add (1, quit_when_idle_cb, data);
  g_main_loop_run (loop);

  g_assert_false (nl_simulation_get_running (simulation));
  g_assert_null (nl_simulation_get_error (simulation));
  g_assert_cmpuint (counters.timeline_notifies, ==, 1);
  g_assert_nonnull (nl_simulation_get_timeline (simulation));
  /* 3 + 4 weeks. */
  g_assert_cmpuint (nl_timeline_get_n_days (nl_simulation_get_timeline (simulation)), ==, 49);

  expected = run_directly (program, 0, 1);
  assert_same_timeline (nl_simulation_get_timeline (simulation), expected);
}

static void
test_edit_cancels_running (void)
{
  g_autoptr(NlProgram) program = build_year_program (52);
  g_autoptr(NlSimulation) simulation = nl_simulation_new ();
  g_autoptr(NlTimeline) expected = NULL;
  NlTimeline *shown;
  Counters counters = { 0 };

  nl_simulation_set_program (simulation, program);
  nl_simulation_wait (simulation);
  g_assert_nonnull (nl_simulation_get_timeline (simulation));

  g_signal_connect (simulation, "notify::timeline", G_CALLBACK (timeline_notify_cb), &counters);
  g_signal_connect (simulation, "notify::progress", G_CALLBACK (progress_notify_cb), &counters);

  /* A large population run takes long enough to be caught mid-way. */
  nl_simulation_set_population (simulation, NL_MODEL_MAX_POPULATION);
  g_assert_true (nl_simulation_get_running (simulation));
  while (counters.max_progress <= 0.0 && nl_simulation_get_running (simulation))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (nl_simulation_get_running (simulation));
  g_assert_cmpfloat (counters.max_progress, <, 1.0);
  g_assert_cmpuint (counters.timeline_notifies, ==, 0);

  /* The edit: a shorter programme, so its timeline is recognisable. */
  nl_phase_set_weeks (nl_program_get_phase (program, 0), 40);
  counters.max_progress = 0.0;
  nl_simulation_wait (simulation);

  /* Only the newest result was shown: the population run of the 52-week
   * programme never reached the property. */
  g_assert_cmpuint (counters.timeline_notifies, ==, 1);
  shown = nl_simulation_get_timeline (simulation);
  g_assert_cmpuint (nl_timeline_get_n_days (shown), ==, 40 * 7);
  g_assert_cmpuint (nl_timeline_get_population (shown), ==, NL_MODEL_MAX_POPULATION);
  g_assert_cmpfloat (nl_simulation_get_progress (simulation), ==, 1.0);

  expected = run_directly (program, NL_MODEL_MAX_POPULATION, 1);
  assert_same_timeline (shown, expected);
}

static void
test_rapid_edits (void)
{
  g_autoptr(NlProgram) program = build_year_program (52);
  g_autoptr(NlSimulation) simulation = nl_simulation_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(NlTimeline) expected = NULL;
  NlSetGroup *sets = first_sets (program);
  NlPhase *phase = nl_program_get_phase (program, 0);
  gpointer data[2] = { simulation, loop };
  Counters counters = { 0 };

  nl_simulation_set_program (simulation, program);
  g_signal_connect (simulation, "notify::timeline", G_CALLBACK (timeline_notify_cb), &counters);

  /* 1000 edits, each followed by a main-loop iteration as typing would,
   * so runs start, get cancelled and finish in every order. */
  for (guint i = 0; i < 1000; i++)
    {
      nl_set_group_set_reps (sets, 5 + i % 11);
      nl_set_group_set_load_pct (sets, 60 + i % 25);
      if (i % 97 == 0)
        nl_phase_set_weeks (phase, 30 + i % 23);
      g_main_context_iteration (NULL, FALSE);
    }
  nl_phase_set_weeks (phase, 47);

  g_timeout_add (1, quit_when_idle_cb, data);
  g_main_loop_run (loop);

  g_assert_cmpuint (counters.timeline_notifies, >=, 1);
  g_assert_cmpuint (counters.timeline_notifies, <=, 1001);
  g_assert_null (nl_simulation_get_error (simulation));
  expected = run_directly (program, 0, 1);
  assert_same_timeline (nl_simulation_get_timeline (simulation), expected);
  g_assert_cmpuint (nl_timeline_get_n_days (nl_simulation_get_timeline (simulation)), ==, 47 * 7);
}

static void
test_error_keeps_last_timeline (void)
{
  g_autoptr(NlProgram) program = load_example ();
  g_autoptr(NlSimulation) simulation = nl_simulation_new ();
  NlSetGroup *sets = first_sets (program);
  NlTimeline *before;

  nl_simulation_set_program (simulation, program);
  nl_simulation_wait (simulation);
  before = nl_simulation_get_timeline (simulation);
  g_assert_nonnull (before);

  nl_set_group_set_exercise (sets, "no-such-exercise");
  nl_simulation_wait (simulation);
  g_assert_nonnull (nl_simulation_get_error (simulation));
  g_assert_true (nl_simulation_get_timeline (simulation) == before);

  nl_set_group_set_exercise (sets, "knee-extension");
  nl_simulation_wait (simulation);
  g_assert_null (nl_simulation_get_error (simulation));
  g_assert_true (nl_simulation_get_timeline (simulation) != before);

  nl_simulation_set_program (simulation, NULL);
  g_assert_null (nl_simulation_get_timeline (simulation));
  g_assert_false (nl_simulation_get_running (simulation));
}

static void
test_dispose_while_running (void)
{
  g_autoptr(NlProgram) program = build_year_program (52);
  NlSimulation *simulation = nl_simulation_new ();
  GWeakRef weak;

  g_weak_ref_init (&weak, simulation);
  nl_simulation_set_population (simulation, 500);
  nl_simulation_set_program (simulation, program);
  g_assert_true (nl_simulation_get_running (simulation));
  g_object_unref (simulation);

  /* The task holds the simulation until its worker returns; then it goes.
   * (Never block in the loop: our own temporary reference may be the last.) */
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GObject) alive = g_weak_ref_get (&weak);
      if (alive == NULL)
        break;
      g_clear_object (&alive);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  {
    g_autoptr(GObject) alive = g_weak_ref_get (&weak);
    g_assert_null (alive);
  }
  g_weak_ref_clear (&weak);
  /* Editing after the simulation has gone must not reach it. */
  nl_set_group_set_reps (first_sets (program), 3);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/simulation/result-arrives", test_result_arrives);
  g_test_add_func ("/simulation/edit-cancels-running", test_edit_cancels_running);
  g_test_add_func ("/simulation/rapid-edits", test_rapid_edits);
  g_test_add_func ("/simulation/error-keeps-last-timeline", test_error_keeps_last_timeline);
  g_test_add_func ("/simulation/dispose-while-running", test_dispose_while_running);

  return g_test_run ();
}
