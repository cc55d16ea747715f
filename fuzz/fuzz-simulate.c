/* fuzz-simulate.c — libFuzzer harness for the adaptation model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever programme loads must simulate without a crash, a hang or a
 * sanitizer report, give a finite value for every series on every day, be
 * deterministic, and give a population run with percentiles in order.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nl-adaptation-model.h"
#include "nl-error.h"
#include "nl-program-xml.h"

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

static void G_GNUC_PRINTF (1, 2)
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz-simulate: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_timeline (const NlTimeline *timeline,
                gboolean          population)
{
  guint n_days = nl_timeline_get_n_days (timeline);
  guint n_tracks = nl_timeline_get_n_tracks (timeline);

  if (n_days < nl_timeline_get_programme_days (timeline))
    die ("%u days, fewer than the programme's %u", n_days,
         nl_timeline_get_programme_days (timeline));
  for (guint t = 0; t < n_tracks; t++)
    for (int s = 0; s < NL_N_SERIES; s++)
      {
        const double *v = nl_timeline_get_series (timeline, t, (NlSeries) s);

        if (v == NULL)
          die ("track %u has no series %d", t, s);
        for (guint d = 0; d < n_days; d++)
          if (!isfinite (v[d]))
            die ("track %u series %s day %u is %g", t, nl_series_get_info (s)->id, d, v[d]);
        if (population)
          {
            const double *p10 = nl_timeline_get_percentile (timeline, t, s, NL_PERCENTILE_10);
            const double *p50 = nl_timeline_get_percentile (timeline, t, s, NL_PERCENTILE_50);
            const double *p90 = nl_timeline_get_percentile (timeline, t, s, NL_PERCENTILE_90);

            if (p10 == NULL || p50 == NULL || p90 == NULL)
              die ("population run without percentiles");
            for (guint d = 0; d < n_days; d++)
              if (!isfinite (p10[d]) || !isfinite (p90[d]) || p10[d] > p50[d] || p50[d] > p90[d])
                die ("track %u series %s day %u: percentiles %g %g %g out of order", t,
                     nl_series_get_info (s)->id, d, p10[d], p50[d], p90[d]);
          }
      }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(NlProgram) program = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  NlTimeline *first, *second, *population;
  NlModelOptions options;

  program = nl_program_load_from_data ((const char *) data, size, "fuzz.neurolift", NULL, NULL);
  if (program == NULL)
    return 0;
  snapshot = nl_program_create_snapshot (program, &error);
  /* A programme that loads with problems of meaning has no snapshot. */
  if (snapshot == NULL && g_error_matches (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_MEANING))
    return 0;
  if (snapshot == NULL)
    die ("a programme that loads gives no snapshot: %s", error->message);

  nl_model_options_init (&options);
  options.n_threads = 1;
  options.extend_days = (guint) (size % 60);
  first = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, &error);
  if (first == NULL)
    die ("the model refused a loaded programme: %s", error->message);
  check_timeline (first, FALSE);

  second = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, &error);
  if (second == NULL)
    die ("the second run failed: %s", error->message);
  if (nl_timeline_get_n_days (first) != nl_timeline_get_n_days (second)
      || nl_timeline_get_n_tracks (first) != nl_timeline_get_n_tracks (second))
    die ("two runs of one programme differ in shape");
  for (guint t = 0; t < nl_timeline_get_n_tracks (first); t++)
    for (int s = 0; s < NL_N_SERIES; s++)
      if (memcmp (nl_timeline_get_series (first, t, s), nl_timeline_get_series (second, t, s),
                  nl_timeline_get_n_days (first) * sizeof (double)) != 0)
        die ("two runs of one programme differ in track %u series %s", t,
             nl_series_get_info (s)->id);

  options.population = 3;
  options.seed = size;
  population = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, &error);
  if (population == NULL)
    die ("the population run failed: %s", error->message);
  check_timeline (population, TRUE);

  nl_timeline_unref (first);
  nl_timeline_unref (second);
  nl_timeline_unref (population);
  return 0;
}
