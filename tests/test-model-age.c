/* test-model-age.c — the model's response is continuous in the trainee's age
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every shipped example is run for each age from 18 to 95 (its own sex and
 * training status).  For every track, the strength gain at the end of the
 * programme may change by less than MAX_STEP percentage points from one
 * year of age to the next, and beyond the oldest cohort the model is
 * calibrated on (Fiatarone 1990, 90 ± 1 y) it may not grow at all:
 * docs/model.md §5.10 gives the reasoning behind both bounds.
 */
#include "config.h"

#include <math.h>

#include "nl-adaptation-model.h"
#include "nl-model-params.h"
#include "nl-program-xml.h"
#include "nl-program.h"
#include "nl-timeline.h"
#include "nl-test-load.h"

#define AGE_FIRST 18
#define AGE_LAST  95
#define N_AGES    (AGE_LAST - AGE_FIRST + 1)

/* Percentage points of end-of-programme strength gain per year of age. */
#define MAX_STEP 2.0
/* The age of the oldest cohort (Fiatarone 1990). */
#define OLDEST_COHORT 90

static NlProgram *
load_example (const char *name)
{
  return nl_test_load_program ("..", "data", "examples", name, NULL);
}

/* End-of-programme value of @series on every track, for one age. */
static double *
run_at_age (NlProgram *program,
            guint      age,
            NlSeries   series,
            guint     *n_tracks)
{
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(NlTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  double *out;
  guint last;

  nl_program_set_trainee_age (program, age);
  snapshot = nl_program_create_snapshot (program, &error);
  g_assert_no_error (error);
  timeline = nl_adaptation_model_run (snapshot, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  last = nl_timeline_get_programme_days (timeline) - 1;
  *n_tracks = nl_timeline_get_n_tracks (timeline);
  out = g_new (double, *n_tracks);
  for (guint t = 0; t < *n_tracks; t++)
    out[t] = nl_timeline_get_series (timeline, t, series)[last];
  return out;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_sweep (gconstpointer data)
{
  const char *name = data;
  g_autoptr(NlProgram) program = load_example (name);
  double *gain[N_AGES] = { NULL };
  guint n_tracks = 0;

  for (guint a = 0; a < N_AGES; a++)
    {
      guint n;

      gain[a] = run_at_age (program, AGE_FIRST + a, NL_SERIES_STRENGTH, &n);
      if (a == 0)
        n_tracks = n;
      g_assert_cmpuint (n, ==, n_tracks);
    }

  for (guint t = 0; t < n_tracks; t++)
    {
      double largest = 0.0;
      guint largest_age = AGE_FIRST;
      double at_cohort = gain[OLDEST_COHORT - AGE_FIRST][t];

      g_test_message ("%s track %u: %+.1f (25) %+.1f (60) %+.1f (70) %+.1f (79) %+.1f (80) "
                      "%+.1f (85) %+.1f (90)", name, t,
                      gain[25 - AGE_FIRST][t], gain[60 - AGE_FIRST][t], gain[70 - AGE_FIRST][t],
                      gain[79 - AGE_FIRST][t], gain[80 - AGE_FIRST][t], gain[85 - AGE_FIRST][t],
                      at_cohort);
      for (guint a = 1; a < N_AGES; a++)
        {
          double step = fabs (gain[a][t] - gain[a - 1][t]);

          if (step >= MAX_STEP)
            g_test_message ("%s track %u: %+.2f at %u y, %+.2f at %u y", name, t,
                            gain[a - 1][t], AGE_FIRST + a - 1, gain[a][t], AGE_FIRST + a);
          g_assert_cmpfloat (step, <, MAX_STEP);
          if (step > largest)
            {
              largest = step;
              largest_age = AGE_FIRST + a;
            }
        }
      g_test_message ("%s track %u: largest change %.2f points, %u → %u y", name, t,
                      largest, largest_age - 1, largest_age);
      /* Nothing the model knows gets better after the oldest cohort. */
      for (guint a = OLDEST_COHORT - AGE_FIRST + 1; a < N_AGES; a++)
        g_assert_cmpfloat (gain[a][t], <=, at_cohort + 1e-9);
    }

  for (guint a = 0; a < N_AGES; a++)
    g_free (gain[a]);
}

/* The ramps themselves: continuous, saturating, and the frail one only for
 * an untrained trainee. */
static void
test_weights (void)
{
  NlModelParams params;

  nl_model_params_init_default (&params);
  g_assert_cmpfloat (nl_model_params_older_weight (&params, 25), ==, 0.0);
  g_assert_cmpfloat (nl_model_params_older_weight (&params, params.older_age_young), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (nl_model_params_older_weight (&params, 55), 0.5, 1e-12);
  g_assert_cmpfloat (nl_model_params_older_weight (&params, params.older_age_full), ==, 1.0);
  g_assert_cmpfloat (nl_model_params_older_weight (&params, 95), ==, 1.0);

  g_assert_cmpfloat (nl_model_params_frail_weight (&params, params.frail_age_start,
                                                   NL_TRAINING_STATUS_UNTRAINED), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (nl_model_params_frail_weight (&params, 81, NL_TRAINING_STATUS_UNTRAINED),
                                  (81 - params.frail_age_start)
                                  / (params.frail_age_full - params.frail_age_start), 1e-12);
  g_assert_cmpfloat (nl_model_params_frail_weight (&params, 90, NL_TRAINING_STATUS_UNTRAINED), ==, 1.0);
  g_assert_cmpfloat (nl_model_params_frail_weight (&params, 95, NL_TRAINING_STATUS_UNTRAINED), ==, 1.0);
  g_assert_cmpfloat (nl_model_params_frail_weight (&params, 90, NL_TRAINING_STATUS_RECREATIONAL), ==, 0.0);
  g_assert_cmpfloat (nl_model_params_frail_weight (&params, 90, NL_TRAINING_STATUS_TRAINED), ==, 0.0);

  /* No step anywhere: one year moves a weight by at most 1/span. */
  for (guint age = AGE_FIRST; age < AGE_LAST; age++)
    {
      g_assert_cmpfloat (fabs (nl_model_params_older_weight (&params, age + 1)
                               - nl_model_params_older_weight (&params, age)), <=,
                         1.0 / (params.older_age_full - params.older_age_young) + 1e-12);
      g_assert_cmpfloat (fabs (nl_model_params_frail_weight (&params, age + 1, NL_TRAINING_STATUS_UNTRAINED)
                               - nl_model_params_frail_weight (&params, age, NL_TRAINING_STATUS_UNTRAINED)),
                         <=, 1.0 / (params.frail_age_full - params.frail_age_start) + 1e-12);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "..", "data", "examples", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_test_init (&argc, &argv, NULL);
  nl_program_xml_init ();

  dir = g_dir_open (path, 0, NULL);
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".neurolift"))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 8);

  g_test_add_func ("/model/age/weights", test_weights);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *test = g_strdup_printf ("/model/age/sweep/%s", name);

      g_test_add_data_func (test, name, test_sweep);
    }
  return g_test_run ();
}
