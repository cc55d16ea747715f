/* nl-population.c — percentiles over virtual trainees
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each virtual trainee multiplies the typical growth rate, neural headroom
 * and skill headroom by log-normal factors (median 1) whose spread matches
 * the inter-individual ranges of Hubal et al. 2005.  Muscles do not
 * interact, so the population is run one muscle at a time to keep memory
 * small: N trainees × 2 sides × series × days floats.
 */
#define G_LOG_DOMAIN "nl-population"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nl-adaptation-model-private.h"
#include "nl-error.h"
#include "nl-population-private.h"
#include "nl-timeline-private.h"

typedef struct {
  const NlSchedule    *schedule;
  const NlModelParams *params;
  guint64              seed;
  guint                population;
  guint                n_days;
  guint                n_series;
  const NlSeries      *series;
  float               *values;      /* [side][series][day][trainee] */
  GCancellable        *cancellable;
  int                  next;        /* atomic: next trainee */
  int                  done;        /* atomic: trainees finished */
  int                  failed;      /* atomic: cancelled */
} Job;

static void
draw_individual (guint64       seed,
                 guint         index,
                 const NlModelParams *params,
                 NlIndividual *out)
{
  guint32 seeds[3] = { (guint32) seed, (guint32) (seed >> 32), index };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
  double z[4];

  /* Box–Muller: two pairs of standard normal draws. */
  for (guint k = 0; k < 4; k += 2)
    {
      double u1 = 1.0 - g_rand_double (rand);
      double u2 = g_rand_double (rand);
      double r = sqrt (-2.0 * log (u1));

      z[k] = r * cos (2.0 * G_PI * u2);
      z[k + 1] = r * sin (2.0 * G_PI * u2);
    }
  out->hypertrophy = exp (params->sd_hypertrophy * z[0]);
  out->neural = exp (params->sd_neural * z[1]);
  out->skill = exp (params->sd_skill * z[2]);
}

/* Values are stored [side][series][day][trainee], so that the percentile
 * pass reads each (side, series, day) cell as one contiguous run. */
static gboolean
run_one (Job *job,
         int  i)
{
  NlIndividual individual;
  g_autoptr(NlTimeline) timeline = NULL;

  draw_individual (job->seed, (guint) i, job->params, &individual);
  timeline = _nl_adaptation_model_simulate (job->schedule, job->params, &individual,
                                            job->cancellable, NULL);
  if (timeline == NULL)
    {
      g_atomic_int_set (&job->failed, 1);
      return FALSE;
    }

  for (guint side = 0; side < 2; side++)
    for (guint s = 0; s < job->n_series; s++)
      {
        const double *src = nl_timeline_get_series (timeline, side, job->series[s]);
        float *dst = job->values + ((gsize) side * job->n_series + s) * job->n_days * job->population + i;

        for (guint d = 0; d < job->n_days; d++)
          dst[(gsize) d * job->population] = (float) src[d];
      }
  g_atomic_int_inc (&job->done);
  return TRUE;
}

static gpointer
worker (gpointer data)
{
  Job *job = data;

  for (;;)
    {
      int i = g_atomic_int_add (&job->next, 1);

      if (i >= (int) job->population || g_atomic_int_get (&job->failed))
        break;
      if (!run_one (job, i))
        break;
    }
  return NULL;
}

/* Hoare selection: afterwards a[k] holds the k-th smallest, smaller ones
 * before it, larger ones after it. */
static void
select_kth (float *a,
            guint  n,
            guint  k)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      float pivot = a[(lo + hi) / 2];
      guint i = lo, j = hi;

      while (i <= j)
        {
          while (a[i] < pivot)
            i++;
          while (a[j] > pivot)
            j--;
          if (i <= j)
            {
              float tmp = a[i];

              a[i] = a[j];
              a[j] = tmp;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }
}

/* Percentile with linear interpolation between order statistics; @a is
 * reordered. */
static double
percentile (float  *a,
            guint   n,
            double  p)
{
  double pos = p * (n - 1);
  guint k = (guint) floor (pos);
  double frac = pos - k;
  float next;

  select_kth (a, n, k);
  if (frac <= 0.0 || k + 1 >= n)
    return a[k];
  next = a[k + 1];
  for (guint i = k + 2; i < n; i++)
    next = MIN (next, a[i]);
  return a[k] + frac * (next - a[k]);
}

static void
run_threads (Job   *job,
             guint  n_threads,
             NlProgressFunc progress,
             gpointer user_data,
             double base,
             double span)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  for (guint t = 1; t < n_threads; t++)
    {
      GThread *thread = g_thread_try_new ("nl-population", worker, job, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }

  /* The calling thread works too, and reports progress between trainees. */
  for (;;)
    {
      int i = g_atomic_int_add (&job->next, 1);

      if (i >= (int) job->population || g_atomic_int_get (&job->failed))
        break;
      if (!run_one (job, i))
        break;
      if (progress != NULL)
        progress (base + span * g_atomic_int_get (&job->done) / job->population, user_data);
    }

  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
}

gboolean
_nl_population_run (NlTimeline           *timeline,
                    NlProgramSnapshot    *snapshot,
                    const NlModelParams  *params,
                    const NlModelOptions *options,
                    GCancellable         *cancellable,
                    NlProgressFunc        progress,
                    gpointer              user_data,
                    GError              **error)
{
  guint n_tracks = nl_timeline_get_n_tracks (timeline);
  guint n_days = nl_timeline_get_n_days (timeline);
  guint n_muscles = n_tracks / 2;
  guint n_threads = options->n_threads > 0 ? options->n_threads : g_get_num_processors ();
  NlSeries series[NL_N_SERIES];
  guint n_series = 0;

  n_threads = CLAMP (n_threads, 1u, 64u);
  _nl_timeline_alloc_percentiles (timeline, options->population);

  for (guint s = 0; s < NL_N_SERIES; s++)
    {
      if (nl_series_get_info (s)->systemic)
        {
          /* Systemic layers do not vary between the virtual trainees.  A
           * programme that trains no muscle has no track to copy from. */
          const double *typical = n_tracks > 0 ? nl_timeline_get_series (timeline, 0, s) : NULL;

          for (guint p = 0; p < NL_N_PERCENTILES; p++)
            if (typical != NULL)
              memcpy (_nl_timeline_get_percentile_mut (timeline, 0, s, p), typical, n_days * sizeof (double));
        }
      else
        series[n_series++] = s;
    }

  for (guint m = 0; m < n_muscles; m++)
    {
      const char *muscle = nl_timeline_get_track_muscle (timeline, 2 * m);
      g_autoptr(NlSchedule) schedule = NULL;
      g_autofree float *values = NULL;
      Job job = { 0 };

      schedule = _nl_schedule_new (snapshot, params, n_days - nl_timeline_get_programme_days (timeline),
                                   muscle, error);
      if (schedule == NULL)
        return FALSE;

      values = g_try_new (float, (gsize) options->population * 2 * n_series * n_days);
      if (values == NULL)
        {
          g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
                       _("Not enough memory for a population of %u"), options->population);
          return FALSE;
        }

      job.schedule = schedule;
      job.params = params;
      job.seed = options->seed;
      job.population = options->population;
      job.n_days = n_days;
      job.n_series = n_series;
      job.series = series;
      job.values = values;
      job.cancellable = cancellable;

      run_threads (&job, n_threads, progress, user_data,
                   (double) m / n_muscles, 1.0 / n_muscles);

      if (g_atomic_int_get (&job.failed) || g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, NL_MODEL_ERROR, NL_MODEL_ERROR_CANCELLED,
                               _("The simulation was cancelled"));
          return FALSE;
        }

      for (guint side = 0; side < 2; side++)
        for (guint s = 0; s < n_series; s++)
          {
            double *out[NL_N_PERCENTILES];

            for (guint p = 0; p < NL_N_PERCENTILES; p++)
              out[p] = _nl_timeline_get_percentile_mut (timeline, 2 * m + side, series[s], p);

            for (guint d = 0; d < n_days; d++)
              {
                float *column = values + (((gsize) side * n_series + s) * n_days + d) * options->population;

                out[NL_PERCENTILE_10][d] = percentile (column, options->population, 0.10);
                out[NL_PERCENTILE_50][d] = percentile (column, options->population, 0.50);
                out[NL_PERCENTILE_90][d] = percentile (column, options->population, 0.90);
              }
          }
    }

  return TRUE;
}
