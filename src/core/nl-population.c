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

/* The series that differ between trainees and are sorted.  The others
 * depend on the programme only and are copied from the typical run, except
 * apparent CSA = CSA + swelling, whose swelling is the same for everyone:
 * its percentiles are those of CSA shifted by it, exactly. */
static const NlSeries varying[] = {
  NL_SERIES_STRENGTH,
  NL_SERIES_ONE_RM,
  NL_SERIES_NEURAL,
  NL_SERIES_MUSCULAR,
  NL_SERIES_VOLUNTARY_ACTIVATION,
  NL_SERIES_PEAK_RATE,
  NL_SERIES_RECRUITMENT_CEILING,
  NL_SERIES_CSA,
  NL_SERIES_SKILL,
  NL_SERIES_CORTICOSPINAL,
  NL_SERIES_V_WAVE,
  NL_SERIES_RFD,
};

typedef struct _Job Job;

struct _Job {
  const NlSchedule    *schedule;
  const NlModelParams *params;
  guint64              seed;
  guint                population;
  guint                n_days;
  guint                muscle;
  guint                n_sides;     /* 1 for a symmetric muscle */
  float               *values;      /* [side][series][day][trainee], rows of @stride */
  gsize                stride;      /* population rounded up to whole cache lines */
  NlTimeline          *timeline;
  GCancellable        *cancellable;
  const NlIndividual  *individuals;
  gboolean           (*run_item) (Job *job, guint item);
  guint                n_items;
  int                  next;        /* atomic: next item */
  int                  done;        /* atomic: items finished */
  int                  failed;      /* atomic: cancelled */
};

static void
draw_individual (guint64              seed,
                 guint                index,
                 const NlModelParams *params,
                 NlIndividual        *out)
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

#define BATCH 16
#define LINE (BATCH * sizeof (float))
#define MAX_BUFFER ((gsize) 512 * 1024 * 1024)

/* Simulates trainees [16·batch, 16·batch + 16) into a local buffer laid out
 * like the shared one, [side][series][day][trainee of the batch], then
 * copies each row of 16 floats (one cache line) into place, so that
 * neither pass strides through memory. */
static gboolean
run_batch (Job   *job,
           guint  batch)
{
  guint first = batch * BATCH;
  guint count = MIN (BATCH, job->population - first);
  gsize n_rows = job->n_sides * G_N_ELEMENTS (varying) * (gsize) job->n_days;
  g_autofree float *local = g_new (float, n_rows * count);

  for (guint j = 0; j < count; j++)
    {
      NlPopulationSink sink = {
        .muscle = job->muscle,
        .n_sides = job->n_sides,
        .series = varying,
        .n_series = G_N_ELEMENTS (varying),
        .values = local,
        .population = count,
        .trainee = j,
      };

      if (!_nl_adaptation_model_simulate_into (job->schedule, job->params, &job->individuals[first + j],
                                               job->cancellable, &sink))
        return FALSE;
    }

  for (gsize row = 0; row < n_rows; row++)
    memcpy (job->values + row * job->stride + first, local + row * count, count * sizeof (float));
  return TRUE;
}

static double
interpolate (const float *sorted,
             guint        n,
             double       p)
{
  double pos = p * (n - 1);
  guint k = (guint) pos;
  double frac = pos - k;

  if (k + 1 >= n)
    return sorted[n - 1];
  return sorted[k] + frac * (sorted[k + 1] - sorted[k]);
}

/* One (side, series) cell: percentiles day after day.  The trainees' order
 * changes little from one day to the next, so the previous day's order is
 * kept and the new values, gathered in that order, are insertion-sorted
 * (close to linear). */
static gboolean
run_cell (Job   *job,
          guint  cell)
{
  guint n = job->population;
  guint side = cell / G_N_ELEMENTS (varying);
  guint k = cell % G_N_ELEMENTS (varying);
  guint track = 2 * job->muscle + side;
  g_autofree guint *order = g_new (guint, n);
  g_autofree float *sorted = g_new (float, n);
  const float *base = job->values + ((gsize) side * G_N_ELEMENTS (varying) + k) * job->n_days * job->stride;
  double *out[NL_N_PERCENTILES];

  g_assert (side < job->n_sides);
  for (guint p = 0; p < NL_N_PERCENTILES; p++)
    out[p] = _nl_timeline_get_percentile_mut (job->timeline, track, varying[k], p);
  for (guint i = 0; i < n; i++)
    order[i] = i;

  for (guint d = 0; d < job->n_days; d++)
    {
      const float *v = base + (gsize) d * job->stride;

      for (guint i = 0; i < n; i++)
        sorted[i] = v[order[i]];

      for (guint i = 1; i < n; i++)
        {
          float value = sorted[i];
          guint item = order[i];
          guint j = i;

          while (j > 0 && sorted[j - 1] > value)
            {
              sorted[j] = sorted[j - 1];
              order[j] = order[j - 1];
              j--;
            }
          sorted[j] = value;
          order[j] = item;
        }
      out[NL_PERCENTILE_10][d] = interpolate (sorted, n, 0.10);
      out[NL_PERCENTILE_50][d] = interpolate (sorted, n, 0.50);
      out[NL_PERCENTILE_90][d] = interpolate (sorted, n, 0.90);
    }
  return TRUE;
}

static gpointer
worker (gpointer data)
{
  Job *job = data;

  for (;;)
    {
      int i = g_atomic_int_add (&job->next, 1);

      if (i >= (int) job->n_items || g_atomic_int_get (&job->failed))
        break;
      if (!job->run_item (job, (guint) i))
        {
          g_atomic_int_set (&job->failed, 1);
          break;
        }
      g_atomic_int_inc (&job->done);
    }
  return NULL;
}

/* Runs every item on @n_threads threads, the calling thread included; it
 * alone reports progress, between its own items. */
static void
run_items (Job            *job,
           guint           n_threads,
           NlProgressFunc  progress,
           gpointer        user_data,
           double          base,
           double          span)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  g_atomic_int_set (&job->next, 0);
  g_atomic_int_set (&job->done, 0);
  for (guint t = 1; t < MIN (n_threads, job->n_items); t++)
    {
      GThread *thread = g_thread_try_new ("nl-population", worker, job, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }

  for (;;)
    {
      int i = g_atomic_int_add (&job->next, 1);

      if (i >= (int) job->n_items || g_atomic_int_get (&job->failed))
        break;
      if (!job->run_item (job, (guint) i))
        {
          g_atomic_int_set (&job->failed, 1);
          break;
        }
      g_atomic_int_inc (&job->done);
      if (progress != NULL)
        progress (base + span * g_atomic_int_get (&job->done) / job->n_items, user_data);
    }

  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
}

gboolean
_nl_population_run (NlTimeline           *timeline,
                    const NlSchedule     *schedule,
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
  g_autofree char *values_block = NULL;
  float *values;
  gsize stride = (options->population + BATCH - 1) / BATCH * BATCH;
  g_autofree NlIndividual *individuals = g_new (NlIndividual, options->population);

  n_threads = CLAMP (n_threads, 1u, 64u);
  /* Trainee i is the same person in every muscle. */
  for (guint i = 0; i < options->population; i++)
    draw_individual (options->seed, i, params, &individuals[i]);
  _nl_timeline_alloc_percentiles (timeline, options->population);

  /* What does not vary between trainees: the typical values. */
  for (guint s = 0; s < NL_N_SERIES; s++)
    {
      gboolean varies = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (varying); k++)
        varies |= varying[k] == s;
      if (varies)
        continue;
      for (guint t = 0; t < (nl_series_get_info (s)->systemic ? MIN (n_tracks, 1u) : n_tracks); t++)
        for (guint p = 0; p < NL_N_PERCENTILES; p++)
          memcpy (_nl_timeline_get_percentile_mut (timeline, t, s, p),
                  nl_timeline_get_series (timeline, t, s), n_days * sizeof (double));
    }

  g_assert (schedule->n_muscles == n_muscles);

  /* One muscle's worth of trainees at a time; refuse what would not fit
   * comfortably (5000 trainees over ten years would need gigabytes). */
  if ((gsize) options->population * 2 * G_N_ELEMENTS (varying) * n_days * sizeof (float) > MAX_BUFFER)
    {
      g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
                   _("A population of %u over %u days is too large; use fewer trainees or days"),
                   options->population, n_days);
      return FALSE;
    }
  /* Rows start on cache lines, so that a batch's row of BATCH floats is one
   * line: a shared line would be read and written by both threads. */
  values_block = g_try_malloc (stride * 2 * G_N_ELEMENTS (varying) * n_days * sizeof (float) + LINE - 1);
  if (values_block == NULL)
    {
      g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
                   _("Not enough memory for a population of %u"), options->population);
      return FALSE;
    }
  values = (float *) (((guintptr) values_block + LINE - 1) & ~(guintptr) (LINE - 1));

  for (guint m = 0; m < n_muscles; m++)
    {
      Job job = {
        .schedule = schedule,
        .params = params,
        .seed = options->seed,
        .population = options->population,
        .n_days = n_days,
        .muscle = m,
        .n_sides = schedule->muscles[m].symmetric ? 1 : 2,
        .values = values,
        .stride = stride,
        .timeline = timeline,
        .cancellable = cancellable,
        .individuals = individuals,
      };

      job.run_item = run_batch;
      job.n_items = (options->population + BATCH - 1) / BATCH;
      run_items (&job, n_threads, progress, user_data, (double) m / n_muscles, 0.9 / n_muscles);
      if (!g_atomic_int_get (&job.failed) && !g_cancellable_is_cancelled (cancellable))
        {
          job.run_item = run_cell;
          job.n_items = job.n_sides * G_N_ELEMENTS (varying);
          run_items (&job, n_threads, NULL, NULL, 0, 0);
          for (guint side = 0; side < job.n_sides; side++)
            {
              guint t = 2 * m + side;
              const double *edema = nl_timeline_get_series (timeline, t, NL_SERIES_EDEMA);

              for (guint p = 0; p < NL_N_PERCENTILES; p++)
                {
                  const double *csa = _nl_timeline_get_percentile_mut (timeline, t, NL_SERIES_CSA, p);
                  double *apparent = _nl_timeline_get_percentile_mut (timeline, t, NL_SERIES_APPARENT_CSA, p);

                  for (guint d = 0; d < n_days; d++)
                    apparent[d] = csa[d] + edema[d];
                }
            }
          if (job.n_sides == 1)
            for (guint k = 0; k <= G_N_ELEMENTS (varying); k++)
              {
                NlSeries series = k < G_N_ELEMENTS (varying) ? varying[k] : NL_SERIES_APPARENT_CSA;

                for (guint p = 0; p < NL_N_PERCENTILES; p++)
                  memcpy (_nl_timeline_get_percentile_mut (timeline, 2 * m + 1, series, p),
                          _nl_timeline_get_percentile_mut (timeline, 2 * m, series, p),
                          n_days * sizeof (double));
              }
        }
      if (g_atomic_int_get (&job.failed) || g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, NL_MODEL_ERROR, NL_MODEL_ERROR_CANCELLED,
                               _("The simulation was cancelled"));
          return FALSE;
        }
      if (progress != NULL)
        progress ((double) (m + 1) / n_muscles, user_data);
    }

  return TRUE;
}
