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
  float               *values;      /* [side][stored series][day][trainee], rows of @stride */
  double              *q_values;    /* [side][day][trainee], rows of @stride, if n_derived > 0 */
  gsize                stride;      /* population rounded up to whole cache lines */
  /* The varying series split into those sorted as they are and those that
   * are a monotonic function of neural progress q: their percentiles come
   * from the order statistics of q (direction −1: decreasing). */
  NlSeries             stored[G_N_ELEMENTS (varying)];
  guint                n_stored;
  NlSeries             derived[G_N_ELEMENTS (varying)];
  int                  direction[G_N_ELEMENTS (varying)];
  guint                n_derived;
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
  gsize n_rows = job->n_sides * job->n_stored * (gsize) job->n_days;
  gsize n_q_rows = job->n_derived > 0 ? job->n_sides * (gsize) job->n_days : 0;
  g_autofree float *local = g_new (float, n_rows * count);
  g_autofree double *local_q = n_q_rows > 0 ? g_new (double, n_q_rows * count) : NULL;
  gboolean with_q_series = FALSE;

  for (guint k = 0; k < job->n_stored; k++)
    with_q_series |= _nl_series_follows_q (job->stored[k]);

  for (guint j = 0; j < count; j++)
    {
      NlPopulationSink sink = {
        .muscle = job->muscle,
        .n_sides = job->n_sides,
        .series = job->stored,
        .n_series = job->n_stored,
        .values = local,
        .q_values = local_q,
        .with_q_series = with_q_series,
        .population = count,
        .trainee = j,
      };

      if (!_nl_adaptation_model_simulate_into (job->schedule, job->params, &job->individuals[first + j],
                                               job->cancellable, &sink))
        return FALSE;
    }

  for (gsize row = 0; row < n_rows; row++)
    memcpy (job->values + row * job->stride + first, local + row * count, count * sizeof (float));
  for (gsize row = 0; row < n_q_rows; row++)
    memcpy (job->q_values + row * job->stride + first, local_q + row * count, count * sizeof (double));
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

/* Keeps @order sorting @v (gathered into @sorted): the trainees' order
 * changes little from one day to the next, so the previous day's order is
 * kept and the new values, gathered in that order, are insertion-sorted
 * (close to linear). */
#define DEFINE_SORT_DAY(name, type) \
  static void \
  name (const type *v, \
        guint       n, \
        guint      *order, \
        type       *sorted) \
  { \
    for (guint i = 0; i < n; i++) \
      sorted[i] = v[order[i]]; \
    for (guint i = 1; i < n; i++) \
      { \
        type value = sorted[i]; \
        guint item = order[i]; \
        guint j = i; \
 \
        while (j > 0 && sorted[j - 1] > value) \
          { \
            sorted[j] = sorted[j - 1]; \
            order[j] = order[j - 1]; \
            j--; \
          } \
        sorted[j] = value; \
        order[j] = item; \
      } \
  }

DEFINE_SORT_DAY (sort_day_float, float)
DEFINE_SORT_DAY (sort_day_double, double)

/* A percentile of series @series = f(q), f monotonic in @direction, from
 * the sorted q: the same order statistics, and the same arithmetic, as
 * interpolate() on the sorted values of f. */
static double
interpolate_derived (const Job    *job,
                     const double *sorted_q,
                     guint         n,
                     double        p,
                     NlSeries      series,
                     int           direction)
{
  const NlScheduleMuscle *muscle = &job->schedule->muscles[job->muscle];
  double pos = p * (n - 1);
  guint k = (guint) pos;
  double frac = pos - k;
  float a, b;

  a = (float) _nl_adaptation_model_q_series (muscle, job->params, series,
                                             sorted_q[direction > 0 ? k : n - 1 - k]);
  if (k + 1 >= n)
    return a;
  b = (float) _nl_adaptation_model_q_series (muscle, job->params, series,
                                             sorted_q[direction > 0 ? k + 1 : n - 2 - k]);
  return a + frac * (b - a);
}

/* One (side, stored series) cell, or with item n_stored the side's q and
 * every series derived from it: percentiles day after day. */
static gboolean
run_cell (Job   *job,
          guint  cell)
{
  guint n = job->population;
  guint per_side = job->n_stored + (job->n_derived > 0 ? 1 : 0);
  guint side = cell / per_side;
  guint k = cell % per_side;
  guint track = 2 * job->muscle + side;
  g_autofree guint *order = g_new (guint, n);
  double *out[NL_N_PERCENTILES];
  const double levels[NL_N_PERCENTILES] = { 0.10, 0.50, 0.90 };

  g_assert (side < job->n_sides);
  G_STATIC_ASSERT (NL_PERCENTILE_10 == 0 && NL_PERCENTILE_50 == 1 && NL_PERCENTILE_90 == 2);

  for (guint i = 0; i < n; i++)
    order[i] = i;

  if (k < job->n_stored)
    {
      g_autofree float *sorted = g_new (float, n);
      const float *base = job->values + ((gsize) side * job->n_stored + k) * job->n_days * job->stride;

      for (guint p = 0; p < NL_N_PERCENTILES; p++)
        out[p] = _nl_timeline_get_percentile_mut (job->timeline, track, job->stored[k], p);
      for (guint d = 0; d < job->n_days; d++)
        {
          sort_day_float (base + (gsize) d * job->stride, n, order, sorted);
          for (guint p = 0; p < NL_N_PERCENTILES; p++)
            out[p][d] = interpolate (sorted, n, levels[p]);
        }
    }
  else
    {
      g_autofree double *sorted = g_new (double, n);
      const double *base = job->q_values + (gsize) side * job->n_days * job->stride;

      for (guint d = 0; d < job->n_days; d++)
        {
          sort_day_double (base + (gsize) d * job->stride, n, order, sorted);
          for (guint s = 0; s < job->n_derived; s++)
            for (guint p = 0; p < NL_N_PERCENTILES; p++)
              _nl_timeline_get_percentile_mut (job->timeline, track, job->derived[s], p)[d]
                = interpolate_derived (job, sorted, n, levels[p], job->derived[s], job->direction[s]);
        }
    }
  return TRUE;
}

/* +1 or −1 when the series, a function of q, never decreases or never
 * increases with q for this muscle; 0 when it does both. */
static int
q_direction (const NlScheduleMuscle *muscle,
             const NlModelParams    *params,
             NlSeries                series)
{
  const double *table;
  gboolean up = TRUE, down = TRUE;

  switch (series)
    {
    case NL_SERIES_VOLUNTARY_ACTIVATION:
      return params->region[muscle->region].va_gain >= 0.0 ? 1 : -1;
    case NL_SERIES_CORTICOSPINAL:
      return params->corticospinal_gain >= 0.0 ? 1 : -1;
    case NL_SERIES_V_WAVE:
      return params->v_wave_gain >= 0.0 ? 1 : -1;
    case NL_SERIES_PEAK_RATE:
      table = muscle->peak_rate;
      break;
    case NL_SERIES_RECRUITMENT_CEILING:
      table = muscle->ceiling;
      break;
    default:
      return 0;
    }
  /* Linear interpolation between the points keeps their monotonicity. */
  for (guint i = 1; i < NL_SCHEDULE_TABLE_POINTS; i++)
    {
      up &= table[i] >= table[i - 1];
      down &= table[i] <= table[i - 1];
    }
  return up ? 1 : down ? -1 : 0;
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
  g_autofree double *q_values = NULL;
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
  q_values = g_try_new (double, stride * 2 * n_days);
  if (q_values == NULL)
    {
      g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
                   _("Not enough memory for a population of %u"), options->population);
      return FALSE;
    }

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
        .q_values = q_values,
        .stride = stride,
        .timeline = timeline,
        .cancellable = cancellable,
        .individuals = individuals,
      };

      for (guint k = 0; k < G_N_ELEMENTS (varying); k++)
        {
          int direction = _nl_series_follows_q (varying[k])
                          ? q_direction (&schedule->muscles[m], params, varying[k]) : 0;

          if (direction != 0)
            {
              job.derived[job.n_derived] = varying[k];
              job.direction[job.n_derived++] = direction;
            }
          else
            job.stored[job.n_stored++] = varying[k];
        }

      job.run_item = run_batch;
      job.n_items = (options->population + BATCH - 1) / BATCH;
      run_items (&job, n_threads, progress, user_data, (double) m / n_muscles, 0.9 / n_muscles);
      if (!g_atomic_int_get (&job.failed) && !g_cancellable_is_cancelled (cancellable))
        {
          job.run_item = run_cell;
          job.n_items = job.n_sides * (job.n_stored + (job.n_derived > 0 ? 1 : 0));
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
