/* bench-model.c — speed of the adaptation model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints medians; asserts nothing about time.  Goals (issue 3): a 52-week,
 * 4-days-a-week programme under 2 ms; a 1,000-trainee population of it on
 * both cores under 300 ms.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "../model-scenario.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

/* CPU time of the whole process (all threads), ms: on a shared machine the
 * wall-clock time also counts other programs' use of the cores. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* An upper/lower split, 4 days a week, for a year. */
static NlProgramSnapshot *
year_programme (void)
{
  NlProgramSnapshot *s = nl_program_snapshot_new ("bench", 30, NL_SEX_UNSPECIFIED,
                                                  NL_TRAINING_STATUS_UNTRAINED);
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 52, NL_LIMB_NONE, 0.5);

  scenario_sets (s, p, "14", "back-squat", NL_SIDE_BOTH, 4, 8, 75, 2);
  scenario_sets (s, p, "14", "romanian-deadlift", NL_SIDE_BOTH, 3, 10, 70, 2);
  scenario_sets (s, p, "14", "single-leg-calf-raise", NL_SIDE_LEFT, 3, 12, 65, 2);
  scenario_sets (s, p, "14", "single-leg-calf-raise", NL_SIDE_RIGHT, 3, 12, 65, 2);
  scenario_sets (s, p, "25", "bench-press", NL_SIDE_BOTH, 4, 8, 75, 2);
  scenario_sets (s, p, "25", "seated-row", NL_SIDE_BOTH, 3, 10, 70, 2);
  scenario_sets (s, p, "25", "overhead-press", NL_SIDE_BOTH, 3, 10, 70, 2);
  scenario_sets (s, p, "25", "biceps-curl", NL_SIDE_BOTH, 3, 12, 65, 1);
  return s;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NlProgramSnapshot) snapshot = year_programme ();
  double times[201];
  double cpu[9];
  NlModelOptions options;

  /* A 52-week programme, typical trainee. */
  nl_model_options_init (&options);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(NlTimeline) timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, NULL);

      g_assert_nonnull (timeline);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        printf ("# %u tracks × %u days\n", nl_timeline_get_n_tracks (timeline), nl_timeline_get_n_days (timeline));
    }
  printf ("model, 52 weeks × 4 days a week: median %.3f ms (goal < 2 ms)\n",
          median (times, G_N_ELEMENTS (times)));

  /* 1,000 virtual trainees on both cores. */
  options.population = 1000;
  options.seed = 1;
  options.n_threads = 2;
  for (guint i = 0; i < 9; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      g_autoptr(NlTimeline) timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, NULL);

      g_assert_nonnull (timeline);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[i] = cpu_ms () - cpu_start;
    }
  printf ("population, 1000 trainees, 2 threads: median %.1f ms (goal < 300 ms), CPU time %.1f ms\n",
          median (times, 9), median (cpu, 9));

  options.n_threads = 1;
  for (guint i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(NlTimeline) timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, NULL);

      g_assert_nonnull (timeline);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("population, 1000 trainees, 1 thread: median %.1f ms (for comparison)\n", median (times, 5));
  return 0;
}
