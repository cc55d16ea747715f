/* test-simulation-stress.c — the background simulation under a storm of edits
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Random structural edits (sets, sessions, phases, moves, a programme that
 * is briefly invalid, population on and off) arrive with random timing, so
 * runs are started, cancelled in the middle, finish stale and finish fresh
 * in every order.  Afterwards the shown timeline must be exactly what the
 * model gives for the final programme.  The simulation is also dropped and
 * switched between documents while runs are in flight.  tools/test-sanitizers
 * runs it under AddressSanitizer and LeakSanitizer (not ThreadSanitizer:
 * GTask's hand-over inside an uninstrumented GLib is invisible to it).
 */
#include "config.h"

#include <string.h>

#include "nl-adaptation-model.h"
#include "nl-simulation.h"

#define N_EDITS 1000

static const char * const bilateral[] = {
  "back-squat", "leg-press", "deadlift", "bench-press", "seated-row", "lat-pulldown",
};

static NlSession *
make_session (GRand *rand,
              guint  day)
{
  NlSession *session = nl_session_new (day);
  guint n = (guint) g_rand_int_range (rand, 1, 4);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NlSetGroup) sets =
        nl_set_group_new (bilateral[g_rand_int_range (rand, 0, G_N_ELEMENTS (bilateral))]);

      nl_set_group_set_count (sets, (guint) g_rand_int_range (rand, 1, 6));
      nl_set_group_set_reps (sets, (guint) g_rand_int_range (rand, 3, 15));
      nl_set_group_set_load_pct (sets, g_rand_double_range (rand, 40, 90));
      nl_session_insert_sets (session, G_MAXUINT, sets);
    }
  return session;
}

static NlPhase *
make_phase (GRand *rand)
{
  NlPhase *phase = nl_phase_new (NL_PHASE_TRAINING, (guint) g_rand_int_range (rand, 1, 6));

  for (guint day = 1; day <= 7; day += (guint) g_rand_int_range (rand, 2, 4))
    {
      g_autoptr(NlSession) session = make_session (rand, day);

      nl_phase_insert_session (phase, G_MAXUINT, session);
    }
  return phase;
}

static NlProgram *
make_program (GRand *rand)
{
  NlProgram *program = nl_program_new ();

  nl_program_set_title (program, "Stress");
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(NlPhase) phase = make_phase (rand);

      nl_program_insert_phase (program, G_MAXUINT, phase);
    }
  {
    g_autoptr(NlPhase) rest = nl_phase_new (NL_PHASE_DETRAINING, 2);

    nl_program_insert_phase (program, G_MAXUINT, rest);
  }
  return program;
}

/* A random training phase's random session (NULL when there is none). */
static NlSession *
pick_session (GRand     *rand,
              NlProgram *program,
              NlPhase  **phase_out)
{
  guint n_phases = nl_program_get_n_phases (program);

  for (guint tries = 0; tries < 8; tries++)
    {
      NlPhase *phase = nl_program_get_phase (program, (guint) g_rand_int_range (rand, 0, (gint32) n_phases));
      GListModel *sessions = nl_phase_get_sessions (phase);
      guint n = g_list_model_get_n_items (sessions);
      g_autoptr(NlSession) session = NULL;

      if (nl_phase_get_kind (phase) != NL_PHASE_TRAINING || n == 0)
        continue;
      session = g_list_model_get_item (sessions, (guint) g_rand_int_range (rand, 0, (gint32) n));
      if (phase_out != NULL)
        *phase_out = phase;
      return session;   /* still owned by the phase */
    }
  return NULL;
}

static NlSetGroup *
pick_sets (GRand     *rand,
           NlProgram *program)
{
  NlSession *session = pick_session (rand, program, NULL);
  GListModel *list;
  g_autoptr(NlSetGroup) sets = NULL;

  if (session == NULL)
    return NULL;
  list = nl_session_get_sets (session);
  if (g_list_model_get_n_items (list) == 0)
    return NULL;
  sets = g_list_model_get_item (list, (guint) g_rand_int_range (rand, 0,
                                                                (gint32) g_list_model_get_n_items (list)));
  return sets;
}

/* One random edit that leaves the programme valid; with a @simulation,
 * it may also change the simulation's population and seed. */
static void
edit (GRand        *rand,
      NlProgram    *program,
      NlSimulation *simulation)
{
  NlSetGroup *sets = pick_sets (rand, program);
  guint n_phases = nl_program_get_n_phases (program);

  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0:
      if (sets != NULL)
        nl_set_group_set_load_pct (sets, g_rand_double_range (rand, 30, 100));
      break;
    case 1:
      if (sets != NULL)
        nl_set_group_set_reps (sets, (guint) g_rand_int_range (rand, 1, 30));
      break;
    case 2:
      if (sets != NULL)
        nl_set_group_set_count (sets, (guint) g_rand_int_range (rand, 1, 9));
      break;
    case 3:
      if (sets != NULL)
        nl_set_group_set_rir (sets, (guint) g_rand_int_range (rand, 0, 6));
      break;
    case 4:
      {
        NlSession *session = pick_session (rand, program, NULL);

        if (session != NULL)
          {
            g_autoptr(NlSession) fresh = make_session (rand, 1);
            g_autoptr(NlSetGroup) added = g_list_model_get_item (nl_session_get_sets (fresh), 0);

            nl_session_insert_sets (session, 0, added);
          }
      }
      break;
    case 5:
      {
        NlSession *session = pick_session (rand, program, NULL);

        if (session != NULL && g_list_model_get_n_items (nl_session_get_sets (session)) > 1)
          nl_session_remove_sets (session, 0);
      }
      break;
    case 6:
      {
        NlPhase *phase = nl_program_get_phase (program, (guint) g_rand_int_range (rand, 0, (gint32) n_phases));

        nl_phase_set_weeks (phase, (guint) g_rand_int_range (rand, 1, 9));
      }
      break;
    case 7:
      if (n_phases < 7)
        {
          g_autoptr(NlPhase) phase = make_phase (rand);

          nl_program_insert_phase (program, (guint) g_rand_int_range (rand, 0, (gint32) n_phases + 1),
                                   phase);
        }
      break;
    case 8:
      if (n_phases > 2)
        nl_program_remove_phase (program, (guint) g_rand_int_range (rand, 0, (gint32) n_phases));
      break;
    case 9:
      nl_program_move_phase (program, (guint) g_rand_int_range (rand, 0, (gint32) n_phases),
                             (guint) g_rand_int_range (rand, 0, (gint32) n_phases));
      break;
    case 10:
      /* Briefly invalid: the simulation must say why, keep going, and
       * recover at the next edit. */
      if (sets != NULL)
        {
          g_autofree char *exercise = g_strdup (nl_set_group_get_exercise (sets));

          nl_set_group_set_exercise (sets, "no-such-exercise");
          if (g_rand_boolean (rand))
            {
              g_usleep (NL_SIMULATION_DEBOUNCE_MS * 1000 + 500);
              g_main_context_iteration (NULL, FALSE);
            }
          nl_set_group_set_exercise (sets, exercise);
        }
      break;
    default:
      /* Population runs spread over the model's own threads. */
      if (simulation == NULL)
        break;
      nl_simulation_set_population (simulation, g_rand_boolean (rand) ? 4 : 0);
      nl_simulation_set_seed (simulation, (guint) g_rand_int_range (rand, 1, 5));
      break;
    }
}

/* Lets the main loop and the workers move on for a random moment, so the
 * next edit lands before, during or after a run. */
static void
random_pause (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      break;                                      /* a burst */
    case 1:
      g_main_context_iteration (NULL, FALSE);     /* typing */
      break;
    default:
      /* Up to a few milliseconds: about one model run. */
      g_usleep ((gulong) g_rand_int_range (rand, 0, 3 * MAX (NL_SIMULATION_DEBOUNCE_MS, 1) * 1000));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      break;
    }
}

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
  g_assert_nonnull (timeline);
  return timeline;
}

static void
assert_same_timeline (NlTimeline *shown,
                      NlTimeline *expected)
{
  guint n_days = nl_timeline_get_n_days (expected);

  g_assert_nonnull (shown);
  g_assert_cmpuint (nl_timeline_get_n_days (shown), ==, n_days);
  g_assert_cmpuint (nl_timeline_get_programme_days (shown), ==,
                    nl_timeline_get_programme_days (expected));
  g_assert_cmpuint (nl_timeline_get_n_tracks (shown), ==, nl_timeline_get_n_tracks (expected));
  g_assert_cmpuint (nl_timeline_get_population (shown), ==, nl_timeline_get_population (expected));
  g_assert_cmpuint (nl_timeline_get_n_phases (shown), ==, nl_timeline_get_n_phases (expected));
  for (guint t = 0; t < nl_timeline_get_n_tracks (expected); t++)
    {
      g_assert_cmpstr (nl_timeline_get_track_muscle (shown, t), ==,
                       nl_timeline_get_track_muscle (expected, t));
      g_assert_cmpint (nl_timeline_get_track_side (shown, t), ==,
                       nl_timeline_get_track_side (expected, t));
      for (guint s = 0; s < NL_N_SERIES; s++)
        g_assert_cmpmem (nl_timeline_get_series (shown, t, s), n_days * sizeof (double),
                         nl_timeline_get_series (expected, t, s), n_days * sizeof (double));
    }
}

typedef struct {
  guint timelines;
  guint errors;
} Counts;

static void
timeline_notify_cb (NlSimulation *simulation,
                    GParamSpec   *pspec,
                    Counts       *counts)
{
  counts->timelines++;
}

static void
error_notify_cb (NlSimulation *simulation,
                 GParamSpec   *pspec,
                 Counts       *counts)
{
  if (nl_simulation_get_error (simulation) != NULL)
    counts->errors++;
}

static void
test_edit_storm (void)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(NlProgram) program = make_program (rand);
  g_autoptr(NlSimulation) simulation = nl_simulation_new ();
  g_autoptr(NlTimeline) expected = NULL;
  Counts counts = { 0 };

  g_test_message ("edit seed %u", seed);
  g_signal_connect (simulation, "notify::timeline", G_CALLBACK (timeline_notify_cb), &counts);
  g_signal_connect (simulation, "notify::error", G_CALLBACK (error_notify_cb), &counts);
  nl_simulation_set_program (simulation, program);

  for (guint i = 0; i < N_EDITS; i++)
    {
      edit (rand, program, simulation);
      random_pause (rand);
    }
  nl_simulation_wait (simulation);

  g_test_message ("%u edits: %u timelines shown, %u errors shown on the way",
                  N_EDITS, counts.timelines, counts.errors);
  g_assert_false (nl_simulation_get_running (simulation));
  g_assert_null (nl_simulation_get_error (simulation));
  g_assert_cmpuint (counts.timelines, >=, 2);
  expected = run_directly (program, nl_simulation_get_population (simulation),
                           nl_simulation_get_seed (simulation));
  assert_same_timeline (nl_simulation_get_timeline (simulation), expected);
}

/* Dropping the simulation while its run is in flight: the run finishes on
 * its worker and nothing is touched after it is gone. */
static void
test_drop_while_running (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(NlProgram) program = make_program (rand);

  for (guint i = 0; i < 40; i++)
    {
      NlSimulation *simulation = nl_simulation_new ();
      gint64 until;

      nl_simulation_set_population (simulation, i % 2 ? 4 : 0);
      nl_simulation_set_program (simulation, program);
      edit (rand, program, simulation);
      random_pause (rand);
      g_object_unref (simulation);

      /* Edits after the drop reach no one. */
      edit (rand, program, NULL);
      until = g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND;
      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (500);
    }
}

/* Switching documents back and forth: the result shown at the end is the
 * last document's, and edits to a document no longer shown start nothing. */
static void
test_switch_programs (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(NlProgram) a = make_program (rand);
  g_autoptr(NlProgram) b = make_program (rand);
  g_autoptr(NlSimulation) simulation = nl_simulation_new ();
  g_autoptr(NlTimeline) expected = NULL;

  for (guint i = 0; i < 200; i++)
    {
      NlProgram *shown = i % 2 ? a : b;

      nl_simulation_set_program (simulation, shown);
      edit (rand, shown, simulation);
      random_pause (rand);
    }
  nl_simulation_wait (simulation);
  g_assert_true (nl_simulation_get_program (simulation) == a);

  edit (rand, b, NULL);
  nl_phase_set_weeks (nl_program_get_phase (b, 0), 9);
  g_assert_false (nl_simulation_get_running (simulation));

  expected = run_directly (a, nl_simulation_get_population (simulation),
                           nl_simulation_get_seed (simulation));
  assert_same_timeline (nl_simulation_get_timeline (simulation), expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/simulation-stress/edit-storm", test_edit_storm);
  g_test_add_func ("/simulation-stress/drop-while-running", test_drop_while_running);
  g_test_add_func ("/simulation-stress/switch-programs", test_switch_programs);
  return g_test_run ();
}
