/* test-model.c — sanity, monotonicity, determinism and threading of the model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "model-scenario.h"
#include "nl-csv.h"
#include "nl-error.h"

#define QUAD "quadriceps"

static NlProgramSnapshot *
standard_programme (guint sets, double load, guint weeks_train, guint weeks_off)
{
  NlProgramSnapshot *s = nl_program_snapshot_new ("standard", 25, NL_SEX_UNSPECIFIED,
                                                  NL_TRAINING_STATUS_UNTRAINED);
  guint p = scenario_phase (s, NL_PHASE_TRAINING, weeks_train, NL_LIMB_NONE, 0);

  scenario_sets (s, p, "135", "knee-extension", NL_SIDE_RIGHT, sets, 10, load, 2);
  if (weeks_off > 0)
    scenario_phase (s, NL_PHASE_DETRAINING, weeks_off, NL_LIMB_NONE, 0);
  return s;
}

static void
assert_same_series (const NlTimeline *a,
                    const NlTimeline *b)
{
  g_assert_cmpuint (nl_timeline_get_n_tracks (a), ==, nl_timeline_get_n_tracks (b));
  g_assert_cmpuint (nl_timeline_get_n_days (a), ==, nl_timeline_get_n_days (b));
  for (guint t = 0; t < nl_timeline_get_n_tracks (a); t++)
    for (guint s = 0; s < NL_N_SERIES; s++)
      {
        g_assert_cmpmem (nl_timeline_get_series (a, t, s), nl_timeline_get_n_days (a) * sizeof (double),
                         nl_timeline_get_series (b, t, s), nl_timeline_get_n_days (b) * sizeof (double));
        for (guint p = 0; p < NL_N_PERCENTILES; p++)
          {
            const double *pa = nl_timeline_get_percentile (a, t, s, p);
            const double *pb = nl_timeline_get_percentile (b, t, s, p);

            g_assert_true ((pa == NULL) == (pb == NULL));
            if (pa != NULL)
              g_assert_cmpmem (pa, nl_timeline_get_n_days (a) * sizeof (double),
                               pb, nl_timeline_get_n_days (b) * sizeof (double));
          }
      }
}

static void
test_baseline (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (3, 75, 8, 0);
  g_autoptr(NlTimeline) tl = scenario_run (s, 0);
  const NlSeries zero[] = {
    NL_SERIES_STRENGTH, NL_SERIES_ONE_RM, NL_SERIES_NEURAL, NL_SERIES_MUSCULAR,
    NL_SERIES_VOLUNTARY_ACTIVATION, NL_SERIES_COACTIVATION, NL_SERIES_CSA, NL_SERIES_FATIGUE,
    NL_SERIES_BDNF_RESTING, NL_SERIES_EDEMA, NL_SERIES_APPARENT_CSA, NL_SERIES_SKILL,
    NL_SERIES_CORTICOSPINAL, NL_SERIES_SYNCHRONISATION, NL_SERIES_NMJ,
  };

  /* 8 weeks end on day 55. */
  g_assert_cmpuint (nl_timeline_get_n_days (tl), ==, 56);
  g_assert_cmpuint (nl_timeline_get_programme_days (tl), ==, 56);
  for (guint t = 0; t < nl_timeline_get_n_tracks (tl); t++)
    for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
      g_assert_cmpfloat (nl_timeline_get_series (tl, t, zero[i])[0], ==, 0.0);
}

/* A session on day="3" happens on day 2: its fatigue shows from row 3. */
static void
test_day_convention (void)
{
  g_autoptr(NlProgramSnapshot) s = nl_program_snapshot_new ("day", 25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 1, NL_LIMB_NONE, 0);
  const double *fatigue, *bdnf;
  int track;

  scenario_sets (s, p, "3", "leg-press", NL_SIDE_BOTH, 3, 10, 75, 1);
  tl = scenario_run (s, 7);
  track = nl_timeline_find_track (tl, QUAD, NL_SIDE_LEFT);
  g_assert_cmpint (track, >=, 0);
  fatigue = nl_timeline_get_series (tl, track, NL_SERIES_FATIGUE);
  bdnf = nl_timeline_get_series (tl, track, NL_SERIES_BDNF_ACUTE);
  g_assert_cmpfloat (fatigue[2], ==, 0.0);
  g_assert_cmpfloat (fatigue[3], >, 0.0);
  g_assert_cmpfloat (fatigue[4], <, fatigue[3]);
  for (guint d = 0; d < nl_timeline_get_n_days (tl); d++)
    {
      if (d == 2)
        g_assert_cmpfloat (bdnf[d], >, 0.0);
      else
        g_assert_cmpfloat (bdnf[d], ==, 0.0);
    }
  g_assert_cmpuint (nl_timeline_get_n_days (tl), ==, 14);
  g_assert_cmpint (nl_timeline_get_phase_at (tl, 6), ==, 0);
  g_assert_cmpint (nl_timeline_get_phase_at (tl, 7), ==, -1);
}

static void
test_partition_identity (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (4, 80, 10, 6);
  g_autoptr(NlTimeline) tl = scenario_run (s, 30);

  for (guint t = 0; t < nl_timeline_get_n_tracks (tl); t++)
    {
      const double *st = nl_timeline_get_series (tl, t, NL_SERIES_STRENGTH);
      const double *ne = nl_timeline_get_series (tl, t, NL_SERIES_NEURAL);
      const double *mu = nl_timeline_get_series (tl, t, NL_SERIES_MUSCULAR);

      for (guint d = 0; d < nl_timeline_get_n_days (tl); d++)
        g_assert_cmpfloat_with_epsilon (ne[d] + mu[d], st[d], 1e-9);
    }
}

/* More weekly volume does not reduce gains within the usual range. */
static void
test_volume_monotonic (void)
{
  double last_csa = -1, last_strength = -1, last_rm = -1;

  for (guint sets = 1; sets <= 8; sets++)
    {
      g_autoptr(NlProgramSnapshot) s = standard_programme (sets, 75, 12, 0);
      g_autoptr(NlTimeline) tl = scenario_run (s, 1);
      double csa = scenario_value (tl, QUAD, NL_SIDE_RIGHT, NL_SERIES_CSA, 84);
      double strength = scenario_value (tl, QUAD, NL_SIDE_RIGHT, NL_SERIES_STRENGTH, 84);
      double rm = scenario_value (tl, QUAD, NL_SIDE_RIGHT, NL_SERIES_ONE_RM, 84);

      g_test_message ("%u sets: CSA %+.2f %%, MVC %+.2f %%, 1RM %+.2f %%", sets, csa, strength, rm);
      g_assert_cmpfloat (csa, >=, last_csa);
      g_assert_cmpfloat (strength, >=, last_strength);
      g_assert_cmpfloat (rm, >=, last_rm);
      last_csa = csa;
      last_strength = strength;
      last_rm = rm;
    }
}

/* Heavier loads at the same proximity to failure: more strength. */
static void
test_load_monotonic (void)
{
  double last = -1;

  for (double load = 40; load <= 90; load += 10)
    {
      g_autoptr(NlProgramSnapshot) s = standard_programme (3, load, 10, 0);
      g_autoptr(NlTimeline) tl = scenario_run (s, 1);
      double strength = scenario_value (tl, QUAD, NL_SIDE_RIGHT, NL_SERIES_STRENGTH, 70);

      g_assert_cmpfloat (strength, >=, last);
      last = strength;
    }
}

/* Detraining never raises strength (once the last session's growth, spread
 * over 5 days, has arrived); immobilisation lowers it from the first day. */
static void
test_detraining (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (4, 80, 8, 12);
  g_autoptr(NlTimeline) tl = scenario_run (s, 60);
  g_autoptr(NlProgramSnapshot) cast = nl_program_snapshot_new ("cast", 30, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tc = NULL;
  const NlTimelinePhase *off = nl_timeline_get_phase (tl, 1);
  guint p;

  g_assert_cmpint (off->kind, ==, NL_PHASE_DETRAINING);
  for (guint t = 0; t < nl_timeline_get_n_tracks (tl); t++)
    {
      const double *st = nl_timeline_get_series (tl, t, NL_SERIES_STRENGTH);
      const double *csa = nl_timeline_get_series (tl, t, NL_SERIES_CSA);

      for (guint d = off->first_day + 5; d + 1 < nl_timeline_get_n_days (tl); d++)
        {
          g_assert_cmpfloat (st[d + 1], <=, st[d] + 1e-12);
          g_assert_cmpfloat (csa[d + 1], <=, csa[d] + 1e-12);
        }
      g_assert_cmpfloat (st[nl_timeline_get_n_days (tl) - 1], <, st[off->first_day]);
    }

  p = scenario_phase (cast, NL_PHASE_IMMOBILIZATION, 3, NL_LIMB_BOTH, 0);
  scenario_sets (cast, p, "1", "leg-press", NL_SIDE_BOTH, 1, 1, 10, 5);
  tc = scenario_run (cast, 0);
  for (guint t = 0; t < nl_timeline_get_n_tracks (tc); t++)
    {
      const double *st = nl_timeline_get_series (tc, t, NL_SERIES_STRENGTH);

      for (guint d = 0; d + 1 < nl_timeline_get_n_days (tc); d++)
        g_assert_cmpfloat (st[d + 1], <, st[d]);
    }
}

/* Ballistic reps train initial doublets: early RFD outgrows maximal force
 * far more after ballistic work than after heavy isometric work of the
 * same muscle, and the V-wave follows the neural gain up, then down in a
 * cast (Aagaard 2002; Van Cutsem 1998). */
static void
test_rfd_and_v_wave (void)
{
  g_autoptr(NlProgramSnapshot) ballistic = nl_program_snapshot_new ("b", 25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlProgramSnapshot) heavy = nl_program_snapshot_new ("h", 25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tb = NULL;
  g_autoptr(NlTimeline) th = NULL;
  const char *m = "tibialis-anterior";
  double extra_b, extra_h;
  guint p;

  p = scenario_phase (ballistic, NL_PHASE_TRAINING, 8, NL_LIMB_NONE, 0);
  scenario_sets (ballistic, p, "135", "ballistic-dorsiflexion", NL_SIDE_BOTH, 10, 10, 35, 10);
  scenario_phase (ballistic, NL_PHASE_IMMOBILIZATION, 3, NL_LIMB_BOTH, 0);
  p = scenario_phase (heavy, NL_PHASE_TRAINING, 8, NL_LIMB_NONE, 0);
  scenario_sets (heavy, p, "135", "isometric-dorsiflexion", NL_SIDE_BOTH, 4, 6, 100, 0);
  tb = scenario_run (ballistic, 1);
  th = scenario_run (heavy, 1);

  g_assert_cmpfloat (scenario_value (tb, m, NL_SIDE_LEFT, NL_SERIES_RFD, 0), ==, 0.0);
  g_assert_cmpfloat (scenario_value (tb, m, NL_SIDE_LEFT, NL_SERIES_V_WAVE, 0), ==, 0.0);
  extra_b = scenario_value (tb, m, NL_SIDE_LEFT, NL_SERIES_RFD, 56) - scenario_value (tb, m, NL_SIDE_LEFT, NL_SERIES_STRENGTH, 56);
  extra_h = scenario_value (th, m, NL_SIDE_LEFT, NL_SERIES_RFD, 56) - scenario_value (th, m, NL_SIDE_LEFT, NL_SERIES_STRENGTH, 56);
  g_assert_cmpfloat (extra_b, >, 10.0);
  g_assert_cmpfloat (extra_b, >, 3 * extra_h);

  g_assert_cmpfloat (scenario_value (tb, m, NL_SIDE_LEFT, NL_SERIES_V_WAVE, 56), >, 20.0);
  g_assert_cmpfloat (scenario_value (tb, m, NL_SIDE_LEFT, NL_SERIES_V_WAVE, 76), <,
                     scenario_value (tb, m, NL_SIDE_LEFT, NL_SERIES_V_WAVE, 56));
}

/* Maximal efforts reach more of the neural headroom than the same work
 * stopped three reps short of failure: after 12 weeks both have saturated
 * their session doses, so the difference is the ceiling's. */
static void
test_effort_ceiling (void)
{
  double va[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NlProgramSnapshot) s = nl_program_snapshot_new ("e", 30, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
      g_autoptr(NlTimeline) tl = NULL;
      guint p = scenario_phase (s, NL_PHASE_TRAINING, 12, NL_LIMB_NONE, 0);

      scenario_sets (s, p, "135", "knee-extension", NL_SIDE_BOTH, 6, 8, 80, i == 0 ? 0 : 3);
      tl = scenario_run (s, 0);
      va[i] = scenario_value (tl, QUAD, NL_SIDE_LEFT, NL_SERIES_VOLUNTARY_ACTIVATION, 83);
    }
  g_assert_cmpfloat (va[1], >, 0.0);
  g_assert_cmpfloat (va[0], >, 1.2 * va[1]);
}

/* The same sets done as eccentric (overload) work train more: larger
 * neural reach and growth on the trained side and a larger transfer to the
 * other side (docs/model.md §4 and §5.4). */
static void
test_eccentric_mode (void)
{
  const char *exercises[2] = { "knee-extension", "eccentric-knee-extension" };
  double mvc[2], csa[2], other[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NlProgramSnapshot) s = nl_program_snapshot_new ("e", 25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
      g_autoptr(NlTimeline) tl = NULL;
      guint p = scenario_phase (s, NL_PHASE_TRAINING, 8, NL_LIMB_NONE, 0);

      scenario_sets (s, p, "135", exercises[i], NL_SIDE_RIGHT, 3, 8, 80, 1);
      tl = scenario_run (s, 0);
      mvc[i] = scenario_value (tl, QUAD, NL_SIDE_RIGHT, NL_SERIES_STRENGTH, 55);
      csa[i] = scenario_value (tl, QUAD, NL_SIDE_RIGHT, NL_SERIES_CSA, 55);
      other[i] = scenario_value (tl, QUAD, NL_SIDE_LEFT, NL_SERIES_STRENGTH, 55);
      g_assert_cmpfloat (scenario_value (tl, QUAD, NL_SIDE_LEFT, NL_SERIES_CSA, 55), ==, 0.0);
    }
  g_assert_cmpfloat (mvc[1], >, mvc[0]);
  g_assert_cmpfloat (csa[1], >, 1.3 * csa[0]);
  g_assert_cmpfloat (other[0], >, 0.0);
  g_assert_cmpfloat (other[1], >, 1.3 * other[0]);
}

/* The 1RM of a catalogued task carries its skill class: the knee-extension
 * machine ("high") gains far more 1RM per unit of isometric strength than
 * the leg press (by joints), the bench press ("low") least; isometric
 * strength itself does not depend on the class. */
static void
test_skill_classes (void)
{
  const char *exercises[3] = { "knee-extension", "leg-press", "bench-press" };
  const char *muscles[3] = { QUAD, QUAD, "pectoralis-major" };
  double ratio[3];

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(NlProgramSnapshot) s = nl_program_snapshot_new ("k", 25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
      g_autoptr(NlTimeline) tl = NULL;
      guint p = scenario_phase (s, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);

      scenario_sets (s, p, "135", exercises[i], NL_SIDE_BOTH, 3, 8, 80, 1);
      tl = scenario_run (s, 0);
      ratio[i] = (1 + scenario_value (tl, muscles[i], NL_SIDE_LEFT, NL_SERIES_ONE_RM, 69) / 100)
                 / (1 + scenario_value (tl, muscles[i], NL_SIDE_LEFT, NL_SERIES_STRENGTH, 69) / 100);
    }
  g_assert_cmpfloat (ratio[0], >, 1.4);
  g_assert_cmpfloat (ratio[0], >, ratio[1]);
  g_assert_cmpfloat (ratio[1], >, ratio[2]);
  g_assert_cmpfloat (ratio[2], >=, 1.0);
}

/* Cross-education is neural only: the untrained side gains strength, never
 * size. */
static void
test_cross_education (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (3, 75, 8, 0);
  g_autoptr(NlTimeline) tl = scenario_run (s, 1);
  int left = nl_timeline_find_track (tl, QUAD, NL_SIDE_LEFT);
  int right = nl_timeline_find_track (tl, QUAD, NL_SIDE_RIGHT);

  g_assert_cmpint (left, >=, 0);
  g_assert_cmpint (right, >=, 0);
  g_assert_cmpuint (nl_timeline_get_other_side (tl, left), ==, (guint) right);
  g_assert_cmpuint (nl_timeline_get_default_track (tl), ==, (guint) right);
  g_assert_cmpfloat (nl_timeline_get_track_work (tl, left), ==, 0.0);
  g_assert_cmpfloat (nl_timeline_get_series (tl, left, NL_SERIES_STRENGTH)[56], >, 0.0);
  g_assert_cmpfloat (nl_timeline_get_series (tl, left, NL_SERIES_STRENGTH)[56], <,
                     nl_timeline_get_series (tl, right, NL_SERIES_STRENGTH)[56]);
  for (guint d = 0; d <= 56; d++)
    {
      g_assert_cmpfloat (nl_timeline_get_series (tl, left, NL_SERIES_CSA)[d], ==, 0.0);
      g_assert_cmpfloat (nl_timeline_get_series (tl, left, NL_SERIES_MUSCULAR)[d], ==, 0.0);
    }
}

/* The endocrine layer never feeds hypertrophy. */
static void
test_hormones_do_not_feed_growth (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (5, 75, 8, 0);
  NlModelParams params;
  NlModelOptions options;
  g_autoptr(NlTimeline) a = NULL;
  g_autoptr(NlTimeline) b = NULL;

  nl_model_params_init_default (&params);
  nl_model_options_init (&options);
  options.params = &params;
  a = nl_adaptation_model_run (s, &options, NULL, NULL, NULL, NULL);
  params.testosterone_amplitude = 0.0;
  params.gh_fold = 1.0;
  params.cortisol_amplitude = 0.0;
  b = nl_adaptation_model_run (s, &options, NULL, NULL, NULL, NULL);
  for (guint t = 0; t < nl_timeline_get_n_tracks (a); t++)
    g_assert_cmpmem (nl_timeline_get_series (a, t, NL_SERIES_CSA), 56 * sizeof (double),
                     nl_timeline_get_series (b, t, NL_SERIES_CSA), 56 * sizeof (double));
  g_assert_cmpfloat (nl_timeline_get_series (a, 0, NL_SERIES_GROWTH_HORMONE)[0], >,
                     nl_timeline_get_series (b, 0, NL_SERIES_GROWTH_HORMONE)[0]);
}

static void
test_deterministic (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (3, 75, 10, 4);
  g_autoptr(NlTimeline) a = scenario_run (s, 10);
  g_autoptr(NlTimeline) b = scenario_run (s, 10);

  assert_same_series (a, b);
}

static NlTimeline *
population_run (NlProgramSnapshot *s,
                guint              n,
                guint64            seed,
                guint              threads)
{
  NlModelOptions options;
  g_autoptr(GError) error = NULL;
  NlTimeline *tl;

  nl_model_options_init (&options);
  options.population = n;
  options.seed = seed;
  options.n_threads = threads;
  tl = nl_adaptation_model_run (s, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return tl;
}

static void
test_population (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (3, 75, 10, 4);
  g_autoptr(NlTimeline) one = population_run (s, 101, 42, 1);
  g_autoptr(NlTimeline) two = population_run (s, 101, 42, 2);
  g_autoptr(NlTimeline) four = population_run (s, 101, 42, 4);
  g_autoptr(NlTimeline) other = population_run (s, 101, 43, 2);
  guint n_days = nl_timeline_get_n_days (one);
  gboolean differs = FALSE;
  int right;

  g_assert_cmpuint (nl_timeline_get_population (one), ==, 101);
  /* The same seed gives the same output whatever the number of threads. */
  assert_same_series (one, two);
  assert_same_series (one, four);

  /* Percentiles are ordered, everywhere. */
  for (guint t = 0; t < nl_timeline_get_n_tracks (one); t++)
    for (guint k = 0; k < NL_N_SERIES; k++)
      {
        const double *p10 = nl_timeline_get_percentile (one, t, k, NL_PERCENTILE_10);
        const double *p50 = nl_timeline_get_percentile (one, t, k, NL_PERCENTILE_50);
        const double *p90 = nl_timeline_get_percentile (one, t, k, NL_PERCENTILE_90);

        g_assert_nonnull (p10);
        for (guint d = 0; d < n_days; d++)
          {
            g_assert_cmpfloat (p10[d], <=, p50[d]);
            g_assert_cmpfloat (p50[d], <=, p90[d]);
          }
      }

  /* A spread that is real, and a median near the typical trainee. */
  right = nl_timeline_find_track (one, QUAD, NL_SIDE_RIGHT);
  {
    const double *p10 = nl_timeline_get_percentile (one, right, NL_SERIES_CSA, NL_PERCENTILE_10);
    const double *p50 = nl_timeline_get_percentile (one, right, NL_SERIES_CSA, NL_PERCENTILE_50);
    const double *p90 = nl_timeline_get_percentile (one, right, NL_SERIES_CSA, NL_PERCENTILE_90);
    const double *typical = nl_timeline_get_series (one, right, NL_SERIES_CSA);

    g_assert_cmpfloat (p90[70] - p10[70], >, 0.5 * typical[70]);
    g_assert_cmpfloat (fabs (p50[70] - typical[70]), <, 0.2 * typical[70]);
  }

  /* Apparent CSA is contractile CSA plus the (shared) swelling. */
  for (guint k = 0; k < NL_N_PERCENTILES; k++)
    for (guint d = 0; d < n_days; d++)
      g_assert_cmpfloat_with_epsilon (nl_timeline_get_percentile (one, right, NL_SERIES_APPARENT_CSA, k)[d],
                                      nl_timeline_get_percentile (one, right, NL_SERIES_CSA, k)[d]
                                      + nl_timeline_get_series (one, right, NL_SERIES_EDEMA)[d], 1e-9);

  /* Responders differ in their motor units too, not only in size. */
  g_assert_cmpfloat (nl_timeline_get_percentile (one, right, NL_SERIES_PEAK_RATE, NL_PERCENTILE_90)[70], >,
                     nl_timeline_get_percentile (one, right, NL_SERIES_PEAK_RATE, NL_PERCENTILE_10)[70] + 0.5);

  /* Another seed, other draws. */
  for (guint d = 0; d < n_days && !differs; d++)
    differs = nl_timeline_get_percentile (one, right, NL_SERIES_STRENGTH, NL_PERCENTILE_90)[d]
              != nl_timeline_get_percentile (other, right, NL_SERIES_STRENGTH, NL_PERCENTILE_90)[d];
  g_assert_true (differs);

  /* Both sides trained alike: the sides' bands agree, and the median is
   * near the typical trainee. */
  {
    g_autoptr(NlProgramSnapshot) both = nl_program_snapshot_new ("both", 25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
    g_autoptr(NlTimeline) tb = NULL;
    guint p = scenario_phase (both, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
    int l, r;

    scenario_sets (both, p, "135", "leg-press", NL_SIDE_BOTH, 3, 10, 75, 1);
    tb = population_run (both, 99, 5, 2);
    l = nl_timeline_find_track (tb, QUAD, NL_SIDE_LEFT);
    r = nl_timeline_find_track (tb, QUAD, NL_SIDE_RIGHT);
    for (guint k = 0; k < NL_N_PERCENTILES; k++)
      g_assert_cmpmem (nl_timeline_get_percentile (tb, l, NL_SERIES_STRENGTH, k), 70 * sizeof (double),
                       nl_timeline_get_percentile (tb, r, NL_SERIES_STRENGTH, k), 70 * sizeof (double));
    g_assert_cmpfloat (fabs (nl_timeline_get_percentile (tb, l, NL_SERIES_STRENGTH, NL_PERCENTILE_50)[69]
                             - nl_timeline_get_series (tb, l, NL_SERIES_STRENGTH)[69]), <,
                       0.15 * nl_timeline_get_series (tb, l, NL_SERIES_STRENGTH)[69]);
  }

  /* No population: no percentiles. */
  {
    g_autoptr(NlTimeline) typical = scenario_run (s, 0);

    g_assert_null (nl_timeline_get_percentile (typical, 0, NL_SERIES_STRENGTH, NL_PERCENTILE_50));
    g_assert_cmpuint (nl_timeline_get_population (typical), ==, 0);
  }
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  if (fraction > 0.1)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (3, 75, 52, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  NlModelOptions options;
  NlTimeline *tl;

  nl_model_options_init (&options);
  g_cancellable_cancel (cancellable);
  tl = nl_adaptation_model_run (s, &options, cancellable, NULL, NULL, &error);
  g_assert_null (tl);
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled half-way through a population run. */
  g_cancellable_reset (cancellable);
  options.population = 400;
  options.n_threads = 2;
  tl = nl_adaptation_model_run (s, &options, cancellable, cancel_on_progress, cancellable, &error);
  g_assert_null (tl);
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_CANCELLED);
}

static void
progress_count (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_progress (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (3, 75, 8, 0);
  NlModelOptions options;
  double last = 0.0;
  g_autoptr(NlTimeline) tl = NULL;

  nl_model_options_init (&options);
  options.population = 50;
  options.n_threads = 2;
  tl = nl_adaptation_model_run (s, &options, NULL, progress_count, &last, NULL);
  g_assert_nonnull (tl);
  g_assert_cmpfloat (last, >, 0.0);
}

typedef struct {
  NlProgramSnapshot *snapshot;
  NlTimeline        *result;
} ThreadJob;

static gpointer
run_in_thread (gpointer data)
{
  ThreadJob *job = data;

  job->result = scenario_run (job->snapshot, 20);
  return NULL;
}

/* Several runs at once on other threads give what one run gives. */
static void
test_concurrent (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (4, 80, 12, 4);
  g_autoptr(NlTimeline) reference = scenario_run (s, 20);
  ThreadJob jobs[4];
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].snapshot = s;
      jobs[i].result = NULL;
      threads[i] = g_thread_new ("model", run_in_thread, &jobs[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_thread_join (threads[i]);
      assert_same_series (reference, jobs[i].result);
      nl_timeline_unref (jobs[i].result);
    }
}

static void
test_bad_options (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (3, 75, 4, 0);
  g_autoptr(NlProgramSnapshot) empty = nl_program_snapshot_new ("empty", 30, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(GError) error = NULL;
  NlModelOptions options;

  nl_model_options_init (&options);
  options.extend_days = NL_MODEL_MAX_EXTEND_DAYS + 1;
  g_assert_null (nl_adaptation_model_run (s, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  nl_model_options_init (&options);
  options.population = NL_MODEL_MAX_POPULATION + 1;
  g_assert_null (nl_adaptation_model_run (s, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  nl_model_options_init (&options);
  options.population = NL_MODEL_MAX_POPULATION;
  options.extend_days = NL_MODEL_MAX_EXTEND_DAYS;
  g_assert_null (nl_adaptation_model_run (s, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (nl_adaptation_model_run (empty, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID);
}

static void
test_series_metadata (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < NL_N_SERIES; s++)
    {
      const NlSeriesInfo *info = nl_series_get_info (s);

      g_assert_nonnull (info->id);
      g_assert_nonnull (info->name);
      g_assert_nonnull (info->unit);
      g_assert_nonnull (info->caveat);
      g_assert_nonnull (info->citation);
      g_assert_cmpuint (info->evidence, <=, NL_EVIDENCE_CONTESTED);
      g_assert_true (g_hash_table_add (ids, (gpointer) info->id));
    }
  /* Weak and contested evidence is marked as such. */
  g_assert_cmpint (nl_series_get_info (NL_SERIES_BDNF_RESTING)->evidence, >=, NL_EVIDENCE_WEAK);
  g_assert_cmpint (nl_series_get_info (NL_SERIES_SYNCHRONISATION)->evidence, >=, NL_EVIDENCE_WEAK);
  g_assert_cmpint (nl_series_get_info (NL_SERIES_NMJ)->evidence, >=, NL_EVIDENCE_WEAK);
  g_assert_cmpint (nl_series_get_info (NL_SERIES_CORTICOSPINAL)->evidence, ==, NL_EVIDENCE_CONTESTED);
  g_assert_true (nl_series_get_info (NL_SERIES_BDNF_ACUTE)->systemic);
  g_assert_false (nl_series_get_info (NL_SERIES_CSA)->systemic);
  g_assert_cmpstr (nl_evidence_to_string (NL_EVIDENCE_CONTESTED), ==, "contested");
}

/* Mood and cognition effects: group-level, for programmes of at least 8
 * weeks with two or more sessions a week, never scaled. */
static void
test_group_effects (void)
{
  g_autoptr(NlProgramSnapshot) short_one = standard_programme (3, 75, 4, 0);
  g_autoptr(NlProgramSnapshot) long_one = standard_programme (3, 75, 8, 4);
  g_autoptr(NlTimeline) a = scenario_run (short_one, 0);
  g_autoptr(NlTimeline) b = scenario_run (long_one, 0);
  const NlGroupEffect *effects;
  guint n = 0;

  g_assert_false (nl_timeline_get_group_effects_apply (a));
  g_assert_true (nl_timeline_get_group_effects_apply (b));
  effects = nl_timeline_get_group_effects (b, &n);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (effects[i].ci_low, <, effects[i].smd);
      g_assert_cmpfloat (effects[i].smd, <, effects[i].ci_high);
      g_assert_nonnull (effects[i].citation);
      g_assert_nonnull (effects[i].caveat);
    }
  g_assert_cmpstr (effects[0].id, ==, "depression");

  /* Phases for shading. */
  g_assert_cmpuint (nl_timeline_get_n_phases (b), ==, 2);
  g_assert_cmpuint (nl_timeline_get_phase (b, 1)->first_day, ==, 56);
  g_assert_cmpuint (nl_timeline_get_phase (b, 1)->n_days, ==, 28);
  g_assert_cmpint (nl_timeline_get_phase (b, 1)->kind, ==, NL_PHASE_DETRAINING);
  g_assert_cmpint (nl_timeline_get_phase_at (b, 55), ==, 0);
  g_assert_cmpint (nl_timeline_get_phase_at (b, 56), ==, 1);
}

static void
test_csv (void)
{
  const char *required = "day,week,phase,strength_pct,one_rm_pct,strength_other_side_pct,"
                         "neural_pct,muscular_pct,voluntary_activation_pct,peak_rate_hz,"
                         "recruitment_ceiling_pct,coactivation_pct,csa_pct,fatigue_pct,"
                         "bdnf_acute_pct,bdnf_resting_pct";
  g_autoptr(NlProgramSnapshot) s = standard_programme (3, 75, 2, 0);
  g_autoptr(NlTimeline) tl = scenario_run (s, 3);
  g_autoptr(NlTimeline) pop = population_run (s, 20, 1, 2);
  g_autofree char *csv = nl_csv_format_timeline (tl, nl_timeline_get_default_track (tl));
  g_autofree char *csv_pop = nl_csv_format_timeline (pop, nl_timeline_get_default_track (pop));
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) lines_pop = g_strsplit (csv_pop, "\n", -1);
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) header_pop = NULL;

  g_assert_true (g_str_has_prefix (lines[0], required));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 17 + 1);   /* header, 14 + 3 days, final "" */
  g_assert_cmpstr (lines[18], ==, "");
  g_assert_true (g_str_has_prefix (lines[1], "0,1,training,0.000,0.000,0.000,0.000,0.000,0.000,"));
  g_assert_true (g_str_has_prefix (lines[14], "13,2,training,"));
  g_assert_true (g_str_has_prefix (lines[15], "14,3,follow-up,"));

  header = g_strsplit (lines[0], ",", -1);
  header_pop = g_strsplit (lines_pop[0], ",", -1);
  /* day, week, phase, the series, then muscle and side; the population's
   * file has each series' 10th and 90th percentiles too. */
  g_assert_cmpstr (header[g_strv_length (header) - 2], ==, "muscle");
  g_assert_cmpstr (header[g_strv_length (header) - 1], ==, "side");
  g_assert_true (g_str_has_suffix (lines[1], ",quadriceps,right"));
  g_assert_cmpuint (g_strv_length (header_pop), ==, 3 + 3 * (g_strv_length (header) - 5) + 2);
  g_assert_true (g_strv_contains ((const char * const *) header_pop, "strength_pct_p10"));
  g_assert_true (g_strv_contains ((const char * const *) header_pop, "strength_other_side_pct_p90"));
  g_assert_true (g_str_has_prefix (lines_pop[0], required));

  {
    NlMotorUnitPoolPoint points[2] = { { 1.0, 0.25, 10, 9.5 }, { 2.0, 0.5, 20, 12.25 } };
    const double effort[2] = { 10, 20 };
    g_autofree char *sweep = nl_csv_format_pool_sweep (points, effort, 2, 1.0);

    g_assert_cmpstr (sweep, ==, "effort_pct,force_pct,recruited,mean_rate_hz\n"
                                "10.000,25.000,10,9.500\n20.000,50.000,20,12.250\n");
  }
}

static void
test_motor_pool_for_day (void)
{
  g_autoptr(NlProgramSnapshot) s = standard_programme (4, 85, 6, 0);
  g_autoptr(NlTimeline) tl = scenario_run (s, 1);
  guint track = (guint) nl_timeline_find_track (tl, QUAD, NL_SIDE_RIGHT);
  g_autoptr(NlMotorUnitPool) before = nl_timeline_build_motor_pool (tl, track, 0);
  g_autoptr(NlMotorUnitPool) after = nl_timeline_build_motor_pool (tl, track, 42);
  guint n = nl_motor_unit_pool_get_n_units (before);

  g_assert_nonnull (before);
  g_assert_nonnull (after);
  g_assert_cmpfloat (nl_motor_unit_pool_unit_peak_rate (after, 0), >, nl_motor_unit_pool_unit_peak_rate (before, 0));
  g_assert_cmpfloat (nl_motor_unit_pool_unit_threshold (after, n - 1), <, nl_motor_unit_pool_unit_threshold (before, n - 1));
  g_assert_cmpfloat (nl_timeline_get_voluntary_excitation (tl, track, 42), >,
                     nl_timeline_get_voluntary_excitation (tl, track, 0));
  g_assert_cmpfloat (nl_timeline_get_series (tl, track, NL_SERIES_PEAK_RATE)[42], >,
                     nl_timeline_get_series (tl, track, NL_SERIES_PEAK_RATE)[0]);
  /* Lower-limb pool: recruitment completes near 80–90 % MVC (§2.3). */
  g_assert_cmpfloat (nl_timeline_get_series (tl, track, NL_SERIES_RECRUITMENT_CEILING)[0], >, 75.0);
  g_assert_cmpfloat (nl_timeline_get_series (tl, track, NL_SERIES_RECRUITMENT_CEILING)[0], <, 95.0);
}

/* Random programmes within the file format's limits: every value finite,
 * the partition exact, bands ordered. */
static void
test_random_programmes (void)
{
  const NlCatalog *catalog = nl_catalog_get_default ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(NlProgramSnapshot) s = nl_program_snapshot_new ("random", g_rand_int_range (rand, NL_AGE_MIN, NL_AGE_MAX + 1),
                                                                g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 0, 3));
      g_autoptr(NlTimeline) tl = NULL;
      NlModelOptions options;
      guint n_phases = g_rand_int_range (rand, 1, 5);

      for (guint p = 0; p < n_phases; p++)
        {
          NlPhaseKind kind = g_rand_int_range (rand, 0, 3);
          guint phase = scenario_phase (s, kind, g_rand_int_range (rand, 1, 9),
                                        g_rand_int_range (rand, 0, 4),
                                        g_rand_double_range (rand, NL_PROGRESSION_MIN, NL_PROGRESSION_MAX));
          guint n_groups = kind == NL_PHASE_TRAINING ? g_rand_int_range (rand, 1, 6) : 1;

          for (guint k = 0; k < n_groups; k++)
            {
              const NlExerciseInfo *info = nl_catalog_get_exercise (catalog, g_rand_int_range (rand, 0, nl_catalog_get_n_exercises (catalog)));
              char days[2] = { (char) ('1' + g_rand_int_range (rand, 0, 7)), '\0' };

              scenario_sets (s, phase, days, info->id, g_rand_int_range (rand, 0, 3),
                             g_rand_int_range (rand, NL_SETS_COUNT_MIN, NL_SETS_COUNT_MAX + 1),
                             g_rand_int_range (rand, NL_SETS_REPS_MIN, NL_SETS_REPS_MAX + 1),
                             g_rand_double_range (rand, NL_SETS_LOAD_MIN, NL_SETS_LOAD_MAX),
                             g_rand_int_range (rand, NL_SETS_RIR_MIN, NL_SETS_RIR_MAX + 1));
            }
        }

      nl_model_options_init (&options);
      options.extend_days = g_rand_int_range (rand, 0, 60);
      options.population = round % 4 == 0 ? 25 : 0;
      options.seed = round;
      tl = nl_adaptation_model_run (s, &options, NULL, NULL, NULL, NULL);
      g_assert_nonnull (tl);

      for (guint t = 0; t < nl_timeline_get_n_tracks (tl); t++)
        {
          const double *st = nl_timeline_get_series (tl, t, NL_SERIES_STRENGTH);
          const double *ne = nl_timeline_get_series (tl, t, NL_SERIES_NEURAL);
          const double *mu = nl_timeline_get_series (tl, t, NL_SERIES_MUSCULAR);
          g_autoptr(NlMotorUnitPool) pool = nl_timeline_build_motor_pool (tl, t, nl_timeline_get_n_days (tl) - 1);

          g_assert_nonnull (pool);
          for (guint k = 0; k < NL_N_SERIES; k++)
            for (guint d = 0; d < nl_timeline_get_n_days (tl); d++)
              {
                g_assert_true (isfinite (nl_timeline_get_series (tl, t, k)[d]));
                if (options.population > 0)
                  {
                    g_assert_cmpfloat (nl_timeline_get_percentile (tl, t, k, NL_PERCENTILE_10)[d], <=,
                                       nl_timeline_get_percentile (tl, t, k, NL_PERCENTILE_50)[d]);
                    g_assert_cmpfloat (nl_timeline_get_percentile (tl, t, k, NL_PERCENTILE_50)[d], <=,
                                       nl_timeline_get_percentile (tl, t, k, NL_PERCENTILE_90)[d]);
                  }
              }
          for (guint d = 0; d < nl_timeline_get_n_days (tl); d++)
            {
              g_assert_cmpfloat_with_epsilon (ne[d] + mu[d], st[d], 1e-9);
              g_assert_cmpfloat (st[d], >, -100.0);
              g_assert_true (isfinite (nl_timeline_get_fatigue_at (tl, t, d + 0.5)));
            }
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/sanity/baseline", test_baseline);
  g_test_add_func ("/model/sanity/day-convention", test_day_convention);
  g_test_add_func ("/model/sanity/partition", test_partition_identity);
  g_test_add_func ("/model/neural/effort-ceiling", test_effort_ceiling);
  g_test_add_func ("/model/neural/rfd-and-v-wave", test_rfd_and_v_wave);
  g_test_add_func ("/model/sanity/volume-monotonic", test_volume_monotonic);
  g_test_add_func ("/model/sanity/load-monotonic", test_load_monotonic);
  g_test_add_func ("/model/sanity/detraining", test_detraining);
  g_test_add_func ("/model/sanity/cross-education", test_cross_education);
  g_test_add_func ("/model/stimulus/eccentric", test_eccentric_mode);
  g_test_add_func ("/model/skill/classes", test_skill_classes);
  g_test_add_func ("/model/sanity/hormones", test_hormones_do_not_feed_growth);
  g_test_add_func ("/model/run/deterministic", test_deterministic);
  g_test_add_func ("/model/run/population", test_population);
  g_test_add_func ("/model/run/cancel", test_cancel);
  g_test_add_func ("/model/run/progress", test_progress);
  g_test_add_func ("/model/run/concurrent", test_concurrent);
  g_test_add_func ("/model/run/bad-options", test_bad_options);
  g_test_add_func ("/model/run/random-programmes", test_random_programmes);
  g_test_add_func ("/model/timeline/metadata", test_series_metadata);
  g_test_add_func ("/model/timeline/group-effects", test_group_effects);
  g_test_add_func ("/model/timeline/csv", test_csv);
  g_test_add_func ("/model/timeline/motor-pool", test_motor_pool_for_day);

  return g_test_run ();
}
