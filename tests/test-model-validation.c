/* test-model-validation.c — the validation table of docs/model.md
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the validation scenarios of SCIENCE.md §12 (V1…V20, Q1…Q6) on
 * hand-built programmes, checks each model output against the published
 * tolerance, and regenerates the table between the markers in
 * docs/model.md.  The table test fails when the document differs from what
 * the code computes; run with NL_UPDATE_DOCS=1 to rewrite it on purpose.
 * Every check that the table marks as passing is also a test of its own.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "model-scenario.h"
#include "nl-motor-unit-pool.h"

#define TABLE_BEGIN "<!-- validation-table-begin -->"
#define TABLE_END   "<!-- validation-table-end -->"

typedef struct {
  char     *id;
  char     *finding;
  char     *source;
  char     *output;
  gboolean  pass;
} Check;

static GPtrArray *checks;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_free (check->id);
  g_free (check->finding);
  g_free (check->source);
  g_free (check->output);
  g_free (check);
}

static void
add_check (const char *id,
           const char *finding,
           const char *source,
           gboolean    pass,
           const char *format,
           ...) G_GNUC_PRINTF (5, 6);

static void
add_check (const char *id,
           const char *finding,
           const char *source,
           gboolean    pass,
           const char *format,
           ...)
{
  Check *check = g_new0 (Check, 1);
  va_list args;

  va_start (args, format);
  check->output = g_strdup_vprintf (format, args);
  va_end (args);
  check->id = g_strdup (id);
  check->finding = g_strdup (finding);
  check->source = g_strdup (source);
  check->pass = pass;
  g_ptr_array_add (checks, check);
}

/* A value checked against [lo, hi]. */
static void
add_range (const char *id,
           const char *finding,
           const char *source,
           double      value,
           double      lo,
           double      hi,
           const char *unit)
{
  add_check (id, finding, source, value >= lo && value <= hi, "%+.1f%s", value, unit);
}

#define V(tl, m, side, s, d) scenario_value ((tl), (m), (side), (s), (d))
#define L NL_SIDE_LEFT
#define R NL_SIDE_RIGHT
#define QUAD "quadriceps"

static NlProgramSnapshot *
trainee (guint age, NlSex sex, NlTrainingStatus status)
{
  return nl_program_snapshot_new ("validation", age, sex, status);
}

static void
v1_seynnes (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (25, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 5, NL_LIMB_NONE, 0);
  double mvc, neural;

  /* Seynnes 2007 trained on a flywheel ergometer: coupled concentric and
   * eccentric actions with eccentric overload. */
  scenario_sets (s, p, "135", "eccentric-knee-extension", NL_SIDE_BOTH, 4, 7, 85, 0);
  tl = scenario_run (s, 7);
  add_range ("V1a", "Apparent quadriceps CSA at day 20: +2 to +6 % (published +3.5 to +5.2 %)",
             "Seynnes 2007", V (tl, QUAD, L, NL_SERIES_APPARENT_CSA, 20), 2, 6, " %");
  add_range ("V1b", "Apparent CSA at day 35: +5 to +10 % (published +6.5 to +7.4 %)",
             "Seynnes 2007", V (tl, QUAD, L, NL_SERIES_APPARENT_CSA, 35), 5, 10, " %");
  mvc = V (tl, QUAD, L, NL_SERIES_STRENGTH, 35);
  add_range ("V1c", "MVC at day 35: +25 to +50 % (published +38.9 %)",
             "Seynnes 2007", mvc, 25, 50, " %");
  neural = V (tl, QUAD, L, NL_SERIES_NEURAL, 35);
  add_range ("V1d", "Neural share of the MVC gain at day 35 ≥ 65 %",
             "Seynnes 2007", 100 * neural / mvc, 65, 100, " % neural");
}

static void
v2_narici1989 (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 9, NL_LIMB_NONE, 0);
  double mvc60, mvc100;

  scenario_sets (s, p, "1245", "knee-extension", NL_SIDE_RIGHT, 6, 10, 70, 0);
  scenario_phase (s, NL_PHASE_DETRAINING, 6, NL_LIMB_NONE, 0);
  tl = scenario_run (s, 0);
  mvc60 = V (tl, QUAD, R, NL_SERIES_STRENGTH, 60);
  add_range ("V2a", "Trained-leg CSA at day 60: +5 to +12 % (published +8.5 %)",
             "Narici 1989", V (tl, QUAD, R, NL_SERIES_CSA, 60), 5, 12, " %");
  add_range ("V2b", "Trained-leg MVC at day 60: +14 to +28 % (published +20.8 %)",
             "Narici 1989", mvc60, 14, 28, " %");
  add_range ("V2c", "Hypertrophy share of the MVC gain: 25–55 % (published ≈ 40 %)",
             "Narici 1989", 100 * V (tl, QUAD, R, NL_SERIES_MUSCULAR, 60) / mvc60, 25, 55, " %");
  add_range ("V2d", "Untrained-leg MVC: 0 to +12 % (published +8.7 %, NS)",
             "Narici 1989", V (tl, QUAD, L, NL_SERIES_STRENGTH, 60), 0, 12, " %");
  add_range ("V2e", "Untrained-leg CSA: ±1 % (published 0)",
             "Narici 1989", V (tl, QUAD, L, NL_SERIES_CSA, 60), -1, 1, " %");
  mvc100 = V (tl, QUAD, R, NL_SERIES_STRENGTH, 100);
  add_range ("V2f", "After 40 days of detraining ≥ 50 % of the MVC gain is lost",
             "Narici 1989", 100 * (1 - mvc100 / mvc60), 50, 100, " % lost");
}

static void
v3_narici1996 (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  double mvc, csa;

  /* Alternate days: 4 sessions one week, 3 the next. */
  for (guint w = 0; w < 26; w++)
    {
      guint p = scenario_phase (s, NL_PHASE_TRAINING, 1, NL_LIMB_NONE, 0);

      scenario_sets (s, p, w % 2 == 0 ? "1357" : "246", "knee-extension", NL_SIDE_RIGHT, 6, 8, 80, 2);
    }
  tl = scenario_run (s, 1);
  mvc = V (tl, QUAD, R, NL_SERIES_STRENGTH, 182);
  csa = V (tl, QUAD, R, NL_SERIES_CSA, 182);
  add_range ("V3a", "Quadriceps CSA after 26 weeks: +10 to +22 % (published +13 to +19 %)",
             "Narici 1996", csa, 10, 22, " %");
  add_range ("V3b", "MVC after 26 weeks: +15 to +35 % (published +21 to +30 %)",
             "Narici 1996", mvc, 15, 35, " %");
  add_range ("V3c", "MVC/CSA: +5 to +18 % (published torque/CSA +12 %)",
             "Narici 1996", 100 * ((1 + mvc / 100) / (1 + csa / 100) - 1), 5, 18, " %");
}

static NlTimeline *
hubal_run (NlSex sex)
{
  g_autoptr(NlProgramSnapshot) s = trainee (24, sex, NL_TRAINING_STATUS_UNTRAINED);
  guint p;

  p = scenario_phase (s, NL_PHASE_TRAINING, 4, NL_LIMB_NONE, 0);
  scenario_sets (s, p, "14", "biceps-curl", NL_SIDE_LEFT, 3, 12, 67, 1);
  p = scenario_phase (s, NL_PHASE_TRAINING, 4, NL_LIMB_NONE, 0);
  scenario_sets (s, p, "14", "biceps-curl", NL_SIDE_LEFT, 3, 8, 80, 1);
  p = scenario_phase (s, NL_PHASE_TRAINING, 4, NL_LIMB_NONE, 0);
  scenario_sets (s, p, "14", "biceps-curl", NL_SIDE_LEFT, 3, 6, 85, 1);
  return scenario_run (s, 1);
}

static void
v4_hubal (void)
{
  g_autoptr(NlTimeline) tl = hubal_run (NL_SEX_UNSPECIFIED);
  g_autoptr(NlTimeline) women = hubal_run (NL_SEX_FEMALE);
  g_autoptr(NlTimeline) men = hubal_run (NL_SEX_MALE);
  const char *m = "biceps-brachii";
  double one_rm = V (tl, m, L, NL_SERIES_ONE_RM, 84);
  double mvc = V (tl, m, L, NL_SERIES_STRENGTH, 84);
  double w = V (women, m, L, NL_SERIES_ONE_RM, 84), mm = V (men, m, L, NL_SERIES_ONE_RM, 84);

  add_range ("V4a", "Elbow-flexor CSA after 12 weeks: +12 to +25 % (published ≈ +19 %)",
             "Hubal 2005", V (tl, m, L, NL_SERIES_CSA, 84), 12, 25, " %");
  add_range ("V4b", "1RM: +35 to +70 % (published ≈ +54 %)", "Hubal 2005", one_rm, 35, 70, " %");
  add_range ("V4c", "MVC: +10 to +30 % (published ≈ +20 %)", "Hubal 2005", mvc, 10, 30, " %");
  add_range ("V4d", "Ratio of 1RM gain to MVC gain: 1.8–3.5", "Hubal 2005", one_rm / mvc, 1.8, 3.5, "×");
  add_check ("V4e", "Women gain more relative 1RM than men", "Hubal 2005", w > mm,
             "women %+.1f %%, men %+.1f %%", w, mm);
}

static void
v5_rutherford (void)
{
  g_autoptr(NlProgramSnapshot) iso = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlProgramSnapshot) dyn = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) a = NULL;
  g_autoptr(NlTimeline) b = NULL;
  guint p;

  p = scenario_phase (iso, NL_PHASE_TRAINING, 12, NL_LIMB_NONE, 0);
  scenario_sets (iso, p, "135", "isometric-knee-extension", NL_SIDE_RIGHT, 3, 6, 100, 0);
  p = scenario_phase (dyn, NL_PHASE_TRAINING, 12, NL_LIMB_NONE, 0);
  scenario_sets (dyn, p, "135", "knee-extension", NL_SIDE_RIGHT, 3, 7, 80, 1);
  a = scenario_run (iso, 1);
  b = scenario_run (dyn, 1);
  add_range ("V5a", "Isometric training, isometric MVC after 12 weeks: +25 to +50 % (published ≈ +40 %)",
             "Rutherford & Jones 1986", V (a, QUAD, R, NL_SERIES_STRENGTH, 84), 25, 50, " %");
  add_range ("V5b", "Dynamic training, isometric MVC: +10 to +25 % (published +15 to +20 %)",
             "Rutherford & Jones 1986", V (b, QUAD, R, NL_SERIES_STRENGTH, 84), 10, 25, " %");
  add_range ("V5c", "Dynamic training, training load (1RM): +100 to +250 % (published ≈ +200 %)",
             "Rutherford & Jones 1986", V (b, QUAD, R, NL_SERIES_ONE_RM, 84), 100, 250, " %");
}

static void
v6_kamen (void)
{
  const guint ages[2] = { 22, 70 };
  double mvc[2], rate[2], share = 0;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NlProgramSnapshot) s = trainee (ages[i], NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
      g_autoptr(NlTimeline) tl = NULL;
      guint p = scenario_phase (s, NL_PHASE_TRAINING, 6, NL_LIMB_NONE, 0);

      scenario_sets (s, p, "135", "knee-extension", NL_SIDE_BOTH, 3, 10, 80, 0);
      tl = scenario_run (s, 1);
      mvc[i] = V (tl, QUAD, L, NL_SERIES_STRENGTH, 42);
      rate[i] = 100 * (V (tl, QUAD, L, NL_SERIES_PEAK_RATE, 42) / V (tl, QUAD, L, NL_SERIES_PEAK_RATE, 0) - 1);
      if (i == 0)
        share = 100 * V (tl, QUAD, L, NL_SERIES_NEURAL, 14) / V (tl, QUAD, L, NL_SERIES_NEURAL, 42);
    }
  add_range ("V6a", "Young, MVC after 6 weeks: +20 to +40 % (published +29 %)",
             "Kamen & Knight 2004", mvc[0], 20, 40, " %");
  add_range ("V6b", "Older, MVC after 6 weeks: +20 to +40 % (published +36 %)",
             "Kamen & Knight 2004", mvc[1], 20, 40, " %");
  add_range ("V6c", "Young, peak discharge rate: +8 to +25 % (published +15 %)",
             "Kamen & Knight 2004", rate[0], 8, 25, " %");
  add_range ("V6d", "Older, peak discharge rate: +25 to +60 % (published +49 %)",
             "Kamen & Knight 2004", rate[1], 25, 60, " %");
  add_range ("V6e", "≥ 30 % of the 6-week neural gain present by week 2",
             "Kamen & Knight 2004", share, 30, 100, " %");
}

/* Mean discharge rate at an absolute force, and a mid unit's recruitment
 * threshold as a fraction of MVC, on @day. */
static void
pool_probe (const NlTimeline *tl,
            guint             track,
            guint             day,
            double            force_of_baseline_mvc,
            double           *rate,
            double           *threshold)
{
  g_autoptr(NlMotorUnitPool) pool = nl_timeline_build_motor_pool (tl, track, day);
  double e_mvc = nl_timeline_get_voluntary_excitation (tl, track, day) * nl_motor_unit_pool_get_max_excitation (pool);
  double strength = 1 + nl_timeline_get_series (tl, track, NL_SERIES_STRENGTH)[day] / 100;
  NlMotorUnitPoolPoint mvc, point, thr;
  guint mid = nl_motor_unit_pool_get_n_units (pool) / 2;

  nl_motor_unit_pool_evaluate (pool, e_mvc, &mvc);
  /* Force of the pool is relative; the day's MVC is strength × baseline. */
  nl_motor_unit_pool_evaluate (pool,
                               nl_motor_unit_pool_excitation_for_force (pool, mvc.force * force_of_baseline_mvc / strength),
                               &point);
  *rate = point.mean_rate;
  nl_motor_unit_pool_evaluate (pool, nl_motor_unit_pool_unit_threshold (pool, mid), &thr);
  *threshold = thr.force / mvc.force;
}

static void
v7_del_vecchio (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (25, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 4, NL_LIMB_NONE, 0);
  const char *m = "tibialis-anterior";
  double r0, r1, t0, t1;
  guint track;

  scenario_sets (s, p, "135", "isometric-dorsiflexion", NL_SIDE_RIGHT, 4, 10, 75, 3);
  tl = scenario_run (s, 1);
  track = (guint) nl_timeline_find_track (tl, m, R);
  pool_probe (tl, track, 0, 0.5, &r0, &t0);
  pool_probe (tl, track, 28, 0.5, &r1, &t1);
  add_range ("V7a", "Maximal force after 4 weeks: +8 to +20 % (published ≈ +14 %)",
             "Del Vecchio 2019", V (tl, m, R, NL_SERIES_STRENGTH, 28), 8, 20, " %");
  add_range ("V7b", "Discharge rate at the same absolute force: +1 to +5 pps",
             "Del Vecchio 2019", r1 - r0, 1, 5, " pps");
  add_range ("V7c", "Recruitment threshold (% MVF): −5 to −20 %",
             "Del Vecchio 2019", 100 * (t1 / t0 - 1), -20, -5, " %");
  add_check ("V7d", "Motoneuron input–output gain unchanged (< 5 %)", "Del Vecchio 2019", TRUE,
             "g_e fixed by design (0 %%)");
}

static void
v8_aagaard (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (23, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 13, NL_LIMB_NONE, 0);

  scenario_sets (s, p, "135", "back-squat", NL_SIDE_BOTH, 4, 8, 80, 1);
  scenario_sets (s, p, "135", "leg-press", NL_SIDE_BOTH, 4, 8, 80, 1);
  scenario_sets (s, p, "135", "calf-raise", NL_SIDE_BOTH, 4, 10, 75, 1);
  tl = scenario_run (s, 1);
  add_range ("V8a", "Soleus V/Mmax: +30 to +70 % (published 0.31 → 0.48)", "Aagaard 2002",
             V (tl, "triceps-surae", L, NL_SERIES_V_WAVE, 91), 30, 70, " %");
  add_range ("V8b", "Quadriceps MVC after 14 weeks: +10 to +25 % (published +16.5 %)",
             "Aagaard 2002", V (tl, QUAD, L, NL_SERIES_STRENGTH, 91), 10, 25, " %");
  add_range ("V8c", "RFD 0–200 ms: +10 to +30 % (published +19 %)", "Aagaard 2002",
             V (tl, QUAD, L, NL_SERIES_RFD, 91), 10, 30, " %");
}

/* @exercise: "biceps-curl" (dynamic) or "eccentric-elbow-flexion". */
static NlTimeline *
cross_education_run (const char *exercise)
{
  g_autoptr(NlProgramSnapshot) s = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 6, NL_LIMB_NONE, 0);

  scenario_sets (s, p, "135", exercise, NL_SIDE_RIGHT, 3, 10, 72, 2);
  return scenario_run (s, 1);
}

static void
v9_cross_education (void)
{
  g_autoptr(NlTimeline) tl = cross_education_run ("biceps-curl");
  g_autoptr(NlTimeline) ecc = cross_education_run ("eccentric-elbow-flexion");
  const char *m = "biceps-brachii";
  double trained = V (tl, m, R, NL_SERIES_STRENGTH, 42);
  double other = V (tl, m, L, NL_SERIES_STRENGTH, 42);
  double other_ecc = V (ecc, m, L, NL_SERIES_STRENGTH, 42);

  add_range ("V9a", "Untrained-side strength after 6 weeks: +5 to +15 % (published +7.8 %, +11.9 %)",
             "Munn 2004; Manca 2017", other, 5, 15, " %");
  add_check ("V9b", "Untrained/trained gain ratio: 0.2–0.55 (published 0.35)",
             "Munn 2004; Carroll 2006", other / trained >= 0.2 && other / trained <= 0.55,
             "%.2f", other / trained);
  add_check ("V9c", "Eccentric variant ≥ 1.3 × concentric transfer (published +17.7 vs +11.3 %)", "Manca 2017",
             other_ecc >= 1.3 * other, "%.2f× (%+.1f vs %+.1f %%)", other_ecc / other, other_ecc, other);
  add_range ("V9d", "Untrained-side CSA: ±1 %", "Narici 1989; Munn 2004",
             V (tl, m, L, NL_SERIES_CSA, 42), -1, 1, " %");
}

static void
v10_farthing (void)
{
  g_autoptr(NlProgramSnapshot) cast = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlProgramSnapshot) train = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) a = NULL;
  g_autoptr(NlTimeline) b = NULL;
  const char *m = "forearm-flexors";
  guint p;

  /* The cast-only programme names the muscle through one set on the
   * immobilised limb, which the model ignores (a limb in a cast cannot
   * train). */
  p = scenario_phase (cast, NL_PHASE_IMMOBILIZATION, 3, NL_LIMB_LEFT, 0);
  scenario_sets (cast, p, "1", "handgrip", NL_SIDE_LEFT, 1, 1, 10, 5);
  p = scenario_phase (train, NL_PHASE_TRAINING, 3, NL_LIMB_LEFT, 0);
  scenario_sets (train, p, "12345", "handgrip", NL_SIDE_RIGHT, 4, 7, 100, 0);
  a = scenario_run (cast, 1);
  b = scenario_run (train, 1);
  add_range ("V10a", "Cast only, 3 weeks: strength −8 to −22 % (published −14.8 %)",
             "Farthing 2009", V (a, m, L, NL_SERIES_STRENGTH, 21), -22, -8, " %");
  add_range ("V10b", "Cast only: muscle thickness −2 to −7 % (published −4.3 %)",
             "Farthing 2009", V (a, m, L, NL_SERIES_APPARENT_CSA, 21), -7, -2, " %");
  add_range ("V10c", "Cast + training the free arm: strength −5 to +6 % (published +2.2 %)",
             "Farthing 2009", V (b, m, L, NL_SERIES_STRENGTH, 21), -5, 6, " %");
  add_range ("V10d", "Cast + training: thickness −3 to +1 % (published −1.1 %)",
             "Farthing 2009", V (b, m, L, NL_SERIES_APPARENT_CSA, 21), -3, 1, " %");
  add_range ("V10e", "Trained (free) arm: +12 to +35 % (published +23.8 %)",
             "Farthing 2009", V (b, m, R, NL_SERIES_STRENGTH, 21), 12, 35, " %");
}

/* An immobilisation phase needs the muscle in the programme: one set on
 * the immobilised limb is added, which the model ignores. */
static NlTimeline *
immobilisation_run (guint age,
                    guint weeks_cast,
                    guint weeks_after)
{
  g_autoptr(NlProgramSnapshot) s = trainee (age, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  guint p = scenario_phase (s, NL_PHASE_IMMOBILIZATION, weeks_cast, NL_LIMB_RIGHT, 0);

  scenario_sets (s, p, "1", "knee-extension", NL_SIDE_RIGHT, 1, 1, 10, 5);
  if (weeks_after > 0)
    scenario_phase (s, NL_PHASE_DETRAINING, weeks_after, NL_LIMB_NONE, 0);
  return scenario_run (s, 1);
}

static void
v11_wall (void)
{
  g_autoptr(NlTimeline) tl = immobilisation_run (22, 2, 0);

  add_range ("V11a", "Leg cast, CSA at day 5: −2 to −5 % (published −3.5 %)",
             "Wall 2014", V (tl, QUAD, R, NL_SERIES_CSA, 5), -5, -2, " %");
  add_range ("V11b", "CSA at day 14: −5 to −11 % (published −8.4 %)",
             "Wall 2014", V (tl, QUAD, R, NL_SERIES_CSA, 14), -11, -5, " %");
  add_range ("V11c", "Strength at day 5: −5 to −14 % (published −9.0 %)",
             "Wall 2014", V (tl, QUAD, R, NL_SERIES_STRENGTH, 5), -14, -5, " %");
  add_range ("V11d", "Strength at day 14: −15 to −30 % (published −22.9 %)",
             "Wall 2014", V (tl, QUAD, R, NL_SERIES_STRENGTH, 14), -30, -15, " %");
}

static void
v12_vigelso (void)
{
  g_autoptr(NlTimeline) young = immobilisation_run (23, 2, 6);
  g_autoptr(NlTimeline) older = immobilisation_run (68, 2, 6);

  add_range ("V12a", "Young, 2-week immobilisation: MVC −18 to −35 % (published −28 %)",
             "Vigelsø 2015", V (young, QUAD, R, NL_SERIES_STRENGTH, 14), -35, -18, " %");
  add_range ("V12b", "Older: MVC −15 to −30 % (published −23 %)",
             "Vigelsø 2015", V (older, QUAD, R, NL_SERIES_STRENGTH, 14), -30, -15, " %");
  add_range ("V12c", "Young, after 6 weeks of ordinary activity: still ≥ 3 % below baseline",
             "Vigelsø 2015", V (young, QUAD, R, NL_SERIES_STRENGTH, 56), -100, -3, " %");
}

static void
v13_ogasawara (void)
{
  g_autoptr(NlProgramSnapshot) a = trainee (25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlProgramSnapshot) b = trainee (25, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) ta = NULL;
  g_autoptr(NlTimeline) tb = NULL;
  const char *m = "pectoralis-major";
  guint p;
  double rm6, rm9, csa6, csa9;

  p = scenario_phase (a, NL_PHASE_TRAINING, 24, NL_LIMB_NONE, 0);
  scenario_sets (a, p, "135", "bench-press", NL_SIDE_BOTH, 3, 10, 75, 1);
  for (guint block = 0; block < 3; block++)
    {
      p = scenario_phase (b, NL_PHASE_TRAINING, 6, NL_LIMB_NONE, 0);
      scenario_sets (b, p, "135", "bench-press", NL_SIDE_BOTH, 3, 10, 75, 1);
      if (block < 2)
        scenario_phase (b, NL_PHASE_DETRAINING, 3, NL_LIMB_NONE, 0);
    }
  ta = scenario_run (a, 1);
  tb = scenario_run (b, 1);
  rm6 = V (tb, m, L, NL_SERIES_ONE_RM, 42);
  rm9 = V (tb, m, L, NL_SERIES_ONE_RM, 63);
  csa6 = V (tb, m, L, NL_SERIES_CSA, 42);
  csa9 = V (tb, m, L, NL_SERIES_CSA, 63);
  add_range ("V13a", "Bench-press 1RM after 6 weeks: +12 to +28 % (published +19 to +21 %)",
             "Ogasawara 2013", rm6, 12, 28, " %");
  add_range ("V13b", "Trained-muscle CSA after 6 weeks: +4 to +12 % (published triceps +8 to +9 %)",
             "Ogasawara 2013", csa6, 4, 12, " %");
  add_range ("V13c", "3 weeks off: 1RM change −6 to +3 %",
             "Ogasawara 2013", 100 * ((1 + rm9 / 100) / (1 + rm6 / 100) - 1), -6, 3, " %");
  add_range ("V13d", "3 weeks off: CSA change −1 to −9 %",
             "Ogasawara 2013", 100 * ((1 + csa9 / 100) / (1 + csa6 / 100) - 1), -9, -1, " %");
  add_range ("V13e", "24 weeks, continuous vs 6-on/3-off: 1RM difference ≤ 5 points",
             "Ogasawara 2013", fabs (V (ta, m, L, NL_SERIES_ONE_RM, 168) - V (tb, m, L, NL_SERIES_ONE_RM, 168)),
             0, 5, " points");
  add_range ("V13f", "24 weeks: CSA difference ≤ 5 points",
             "Ogasawara 2013", fabs (V (ta, m, L, NL_SERIES_CSA, 168) - V (tb, m, L, NL_SERIES_CSA, 168)),
             0, 5, " points");
}

static void
v14_hakkinen (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (25, NL_SEX_MALE, NL_TRAINING_STATUS_TRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 1, NL_LIMB_NONE, 0);
  guint track;

  scenario_sets (s, p, "1", "back-squat", NL_SIDE_BOTH, 20, 1, 100, 0);
  tl = scenario_run (s, 7);
  track = (guint) nl_timeline_find_track (tl, QUAD, L);
  add_range ("V14a", "20 × 1RM squat, MVC loss immediately: 15–30 % (published 24 %, 20.5 %)",
             "Häkkinen 1993", 100 * nl_timeline_get_fatigue_at (tl, track, 0.0), 15, 30, " %");
  add_range ("V14b", "Loss at 2 h: 5–20 %", "Häkkinen 1993",
             100 * nl_timeline_get_fatigue_at (tl, track, 2.0 / 24), 5, 20, " %");
  add_range ("V14c", "Loss at 48 h: within 5 %", "Häkkinen 1993",
             100 * nl_timeline_get_fatigue_at (tl, track, 2.0), 0, 5, " %");
}

static double
recovery_hours (const NlTimeline *tl,
                guint             track)
{
  for (guint h = 0; h < 24 * 7; h++)
    if (nl_timeline_get_fatigue_at (tl, track, h / 24.0) < 0.05)
      return h;
  return 24 * 7;
}

static void
v15_moran_navarro (void)
{
  const guint sets[3] = { 3, 3, 6 };
  const guint reps[3] = { 10, 5, 5 };
  const guint rir[3] = { 0, 5, 5 };
  double at24[3], hours[3];

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(NlProgramSnapshot) s = trainee (25, NL_SEX_MALE, NL_TRAINING_STATUS_TRAINED);
      g_autoptr(NlTimeline) tl = NULL;
      guint p = scenario_phase (s, NL_PHASE_TRAINING, 1, NL_LIMB_NONE, 0);
      guint track;

      scenario_sets (s, p, "1", "back-squat", NL_SIDE_BOTH, sets[i], reps[i], 75, rir[i]);
      tl = scenario_run (s, 7);
      track = (guint) nl_timeline_find_track (tl, QUAD, L);
      at24[i] = nl_timeline_get_fatigue_at (tl, track, 1.0);
      hours[i] = recovery_hours (tl, track);
    }
  add_check ("V15a", "Fatigue at 24 h: 3 × 10 to failure ≥ 1.5 × 6 × 5 (RIR 5)", "Morán-Navarro 2017",
             at24[0] >= 1.5 * at24[2], "%.1f %% vs %.1f %%", 100 * at24[0], 100 * at24[2]);
  add_check ("V15b", "Not-to-failure sessions recover (< 5 % loss) within 48 h", "Morán-Navarro 2017",
             hours[1] <= 48 && hours[2] <= 48, "%.0f h and %.0f h", hours[1], hours[2]);
  add_range ("V15c", "To-failure session recovers in 48–72 h", "Morán-Navarro 2017",
             hours[0], 48, 72, " h");
}

static void
v16_fiatarone (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (90, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 8, NL_LIMB_NONE, 0);

  scenario_sets (s, p, "135", "knee-extension", NL_SIDE_BOTH, 3, 8, 80, 1);
  tl = scenario_run (s, 1);
  add_range ("V16a", "Frail 90-year-olds, knee-extension 1RM after 8 weeks: +100 to +250 % (published +174 %)",
             "Fiatarone 1990", V (tl, QUAD, L, NL_SERIES_ONE_RM, 56), 100, 250, " %");
  add_range ("V16b", "Mid-thigh muscle area: +4 to +14 % (published +9.0 %)",
             "Fiatarone 1990", V (tl, QUAD, L, NL_SERIES_CSA, 56), 4, 14, " %");
}

static void
v17_ferri (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (72, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 16, NL_LIMB_NONE, 0);

  scenario_sets (s, p, "135", "leg-press", NL_SIDE_BOTH, 3, 8, 80, 1);
  scenario_sets (s, p, "135", "calf-raise", NL_SIDE_BOTH, 3, 8, 80, 1);
  tl = scenario_run (s, 1);
  add_range ("V17a", "Older men, 16 weeks: trained-exercise 1RM +20 to +40 % (published KE 1RM +29.9 %)",
             "Ferri 2003", V (tl, QUAD, L, NL_SERIES_ONE_RM, 112), 20, 40, " %");
  add_range ("V17b", "Isometric MVC: +12 to +28 % (published +19.4 %)",
             "Ferri 2003", V (tl, QUAD, L, NL_SERIES_STRENGTH, 112), 12, 28, " %");
  add_range ("V17c", "Quadriceps CSA: +4 to +11 % (published +7.4 %)",
             "Ferri 2003", V (tl, QUAD, L, NL_SERIES_CSA, 112), 4, 11, " %");
  add_range ("V17d", "Plantar-flexor CSA: +2 to +8 % (published +5.0 %)",
             "Ferri 2003", V (tl, "triceps-surae", L, NL_SERIES_CSA, 112), 2, 8, " %");
}

static void
v18_west (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (22, NL_SEX_MALE, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 15, NL_LIMB_NONE, 0);
  const char *m = "biceps-brachii";
  const double *gh;
  double diff;

  scenario_sets (s, p, "14", "biceps-curl", NL_SIDE_LEFT, 3, 10, 75, 0);
  scenario_sets (s, p, "25", "biceps-curl", NL_SIDE_RIGHT, 3, 10, 75, 0);
  scenario_sets (s, p, "25", "leg-press", NL_SIDE_BOTH, 5, 10, 80, 0);
  scenario_sets (s, p, "25", "knee-extension", NL_SIDE_BOTH, 3, 12, 70, 0);
  tl = scenario_run (s, 1);
  gh = nl_timeline_get_series (tl, 0, NL_SERIES_GROWTH_HORMONE);
  diff = V (tl, m, R, NL_SERIES_CSA, 105) - V (tl, m, L, NL_SERIES_CSA, 105);
  add_check ("V18", "High- vs low-hormone arm: CSA gain differs ≤ 2 points (published +10 vs +12 %, NS)",
             "West 2010", fabs (diff) <= 2 && gh[1] > 2 * gh[0],
             "%+.1f points; GH peak %.1f× vs %.1f×", diff, gh[1], gh[0]);
}

static void
v19_bdnf (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (25, NL_SEX_MALE, NL_TRAINING_STATUS_TRAINED);
  g_autoptr(NlProgramSnapshot) prog = trainee (25, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  g_autoptr(NlTimeline) tp = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 1, NL_LIMB_NONE, 0);
  double peak, at75, at120;

  scenario_sets (s, p, "1", "bench-press", NL_SIDE_BOTH, 4, 8, 80, 0);
  tl = scenario_run (s, 1);
  peak = nl_timeline_get_bdnf_at (tl, 0.0);
  at75 = nl_timeline_get_bdnf_at (tl, 75.0 / 1440);
  at120 = nl_timeline_get_bdnf_at (tl, 120.0 / 1440);
  add_range ("V19a", "Serum BDNF peak after 4 sets to failure: +5 to +35 % (published +14 %)",
             "APNM RE study; Dinoff 2017", nl_timeline_get_series (tl, 0, NL_SERIES_BDNF_ACUTE)[0], 5, 35, " %");
  add_range ("V19b", "≥ 50 % of the rise gone by 75 min", "Church 2016; Knaepen 2010",
             100 * (1 - at75 / peak), 50, 100, " % gone");
  add_range ("V19c", "Back to baseline by 2 h (< 1 % above rest)", "Knaepen 2010",
             100 * at120, 0, 1, " %");
  p = scenario_phase (prog, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
  scenario_sets (prog, p, "135", "leg-press", NL_SIDE_BOTH, 3, 10, 75, 1);
  tp = scenario_run (prog, 1);
  add_range ("V19d", "Resting BDNF after 10 weeks (young adults): within ±5 %", "Dinoff 2016",
             nl_timeline_get_series (tp, 0, NL_SERIES_BDNF_RESTING)[70], -5, 5, " %");
}

static void
v20_mood (void)
{
  g_autoptr(NlProgramSnapshot) low = trainee (35, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlProgramSnapshot) high = trainee (35, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) a = NULL;
  g_autoptr(NlTimeline) b = NULL;
  const NlGroupEffect *ea, *eb;
  guint n;
  guint p;

  p = scenario_phase (low, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
  scenario_sets (low, p, "14", "leg-press", NL_SIDE_BOTH, 2, 10, 70, 2);
  p = scenario_phase (high, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
  scenario_sets (high, p, "135", "leg-press", NL_SIDE_BOTH, 4, 10, 70, 2);
  scenario_sets (high, p, "135", "bench-press", NL_SIDE_BOTH, 4, 10, 70, 2);
  a = scenario_run (low, 0);
  b = scenario_run (high, 0);
  ea = nl_timeline_get_group_effects (a, &n);
  eb = nl_timeline_get_group_effects (b, &n);
  add_check ("V20a", "Depressive symptoms SMD shown 0.5–0.8 with CI (published 0.66, 0.48–0.83)",
             "Gordon 2018", nl_timeline_get_group_effects_apply (a) && ea[0].smd >= 0.5 && ea[0].smd <= 0.8,
             "%.2f (%.2f–%.2f)", ea[0].smd, ea[0].ci_low, ea[0].ci_high);
  add_check ("V20b", "Anxiety SMD shown 0.2–0.45 (published 0.31, 0.17–0.44)",
             "Gordon 2017", ea[1].smd >= 0.2 && ea[1].smd <= 0.45,
             "%.2f (%.2f–%.2f)", ea[1].smd, ea[1].ci_low, ea[1].ci_high);
  add_check ("V20c", "Effects do not scale with volume (4× the weekly sets)",
             "Gordon 2018", ea[0].smd == eb[0].smd && ea[1].smd == eb[1].smd
             && nl_timeline_get_group_effects_apply (b),
             "%.2f/%.2f vs %.2f/%.2f", ea[0].smd, ea[1].smd, eb[0].smd, eb[1].smd);
}

static void
q1_partition (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 12, NL_LIMB_NONE, 0);
  const char *m = "biceps-brachii";
  double week2, late = 100;

  scenario_sets (s, p, "135", "biceps-curl", NL_SIDE_RIGHT, 3, 10, 75, 1);
  tl = scenario_run (s, 1);
  week2 = 100 * V (tl, m, R, NL_SERIES_NEURAL, 14) / V (tl, m, R, NL_SERIES_STRENGTH, 14);
  for (guint d = 56; d <= 84; d += 7)
    late = MIN (late, 100 * V (tl, m, R, NL_SERIES_NEURAL, d) / V (tl, m, R, NL_SERIES_STRENGTH, d));
  add_check ("Q1", "Elbow-flexor programme: neural share of MVC gain > 70 % at week 2, < 50 % by weeks 8–12",
             "Moritani & deVries 1979; Narici 1989", week2 > 70 && late < 50,
             "%.0f %% at week 2, %.0f %% by week 12", week2, late);
}

static void
q2_edema (void)
{
  g_autoptr(NlProgramSnapshot) s = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) tl = NULL;
  guint p = scenario_phase (s, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
  double ed14, csa14, ed70, csa70;

  scenario_sets (s, p, "14", "leg-press", NL_SIDE_BOTH, 3, 10, 75, 0);
  scenario_sets (s, p, "14", "knee-extension", NL_SIDE_BOTH, 3, 10, 75, 0);
  tl = scenario_run (s, 1);
  ed14 = V (tl, QUAD, L, NL_SERIES_EDEMA, 14);
  csa14 = V (tl, QUAD, L, NL_SERIES_CSA, 14);
  ed70 = V (tl, QUAD, L, NL_SERIES_EDEMA, 70);
  csa70 = V (tl, QUAD, L, NL_SERIES_CSA, 70);
  add_check ("Q2", "Apparent CSA in weeks 1–2 mostly swelling; true growth dominant after ≈ 18 sessions",
             "Damas 2016; Damas 2018", ed14 > csa14 && csa70 > 3 * ed70,
             "day 14: swelling %.1f vs contractile %.1f; day 70: %.1f vs %.1f", ed14, csa14, ed70, csa70);
}

static void
q3_load (void)
{
  g_autoptr(NlProgramSnapshot) lo = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlProgramSnapshot) hi = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) a = NULL;
  g_autoptr(NlTimeline) b = NULL;
  guint p;
  double ha, hb, sa, sb;

  p = scenario_phase (lo, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
  scenario_sets (lo, p, "135", "knee-extension", NL_SIDE_BOTH, 3, 26, 30, 0);
  p = scenario_phase (hi, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
  scenario_sets (hi, p, "135", "knee-extension", NL_SIDE_BOTH, 3, 8, 80, 0);
  a = scenario_run (lo, 1);
  b = scenario_run (hi, 1);
  ha = V (a, QUAD, L, NL_SERIES_CSA, 70);
  hb = V (b, QUAD, L, NL_SERIES_CSA, 70);
  sa = V (a, QUAD, L, NL_SERIES_STRENGTH, 70);
  sb = V (b, QUAD, L, NL_SERIES_STRENGTH, 70);
  add_check ("Q3", "Sets to failure at 30 % vs 80 % 1RM: CSA within ±20 % of each other, strength larger with heavy loads",
             "Lopez 2021", ha >= 0.8 * hb && ha <= 1.2 * hb && sb > sa,
             "CSA %+.1f vs %+.1f %%; MVC %+.1f vs %+.1f %%", ha, hb, sa, sb);
}

static void
q4_volume (void)
{
  g_autoptr(NlProgramSnapshot) five = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlProgramSnapshot) ten = trainee (24, NL_SEX_UNSPECIFIED, NL_TRAINING_STATUS_UNTRAINED);
  g_autoptr(NlTimeline) a = NULL;
  g_autoptr(NlTimeline) b = NULL;
  guint p;
  double ha, hb;

  p = scenario_phase (five, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
  scenario_sets (five, p, "1", "leg-press", NL_SIDE_BOTH, 3, 10, 75, 1);
  scenario_sets (five, p, "4", "leg-press", NL_SIDE_BOTH, 2, 10, 75, 1);
  p = scenario_phase (ten, NL_PHASE_TRAINING, 10, NL_LIMB_NONE, 0);
  scenario_sets (ten, p, "14", "leg-press", NL_SIDE_BOTH, 5, 10, 75, 1);
  a = scenario_run (five, 1);
  b = scenario_run (ten, 1);
  ha = V (a, QUAD, L, NL_SERIES_CSA, 70);
  hb = V (b, QUAD, L, NL_SERIES_CSA, 70);
  add_check ("Q4", "5 → 10 weekly sets: a few points more hypertrophy (+1 to +6), less than double",
             "Schoenfeld 2017", hb - ha >= 1 && hb - ha <= 6 && hb < 2 * ha,
             "%+.1f vs %+.1f %% (%+.1f points)", ha, hb, hb - ha);
}

static void
q5_immobilisation_ratio (void)
{
  g_autoptr(NlTimeline) tl = immobilisation_run (22, 2, 0);
  double r7 = V (tl, QUAD, R, NL_SERIES_STRENGTH, 7) / V (tl, QUAD, R, NL_SERIES_CSA, 7);
  double r14 = V (tl, QUAD, R, NL_SERIES_STRENGTH, 14) / V (tl, QUAD, R, NL_SERIES_CSA, 14);

  add_check ("Q5", "Immobilisation: strength loss ≥ 2 × CSA loss in the first 2 weeks",
             "Wall 2014; Marusic 2021", r7 >= 2 && r14 >= 2, "%.1f× at day 7, %.1f× at day 14", r7, r14);
}

static void
q6_pool (void)
{
  NlMotorUnitPoolParams params;
  g_autoptr(NlMotorUnitPool) pool = NULL;
  NlMotorUnitPoolPoint a, b, c;
  double e;

  nl_motor_unit_pool_params_init (&params);
  pool = nl_motor_unit_pool_new (&params, NULL);
  e = nl_motor_unit_pool_get_max_excitation (pool);
  nl_motor_unit_pool_evaluate (pool, 0.2 * e, &a);
  nl_motor_unit_pool_evaluate (pool, 0.5 * e, &b);
  nl_motor_unit_pool_evaluate (pool, 0.8 * e, &c);
  add_check ("Q6", "Fuglevand pool (RR 17): force 8.5/41.3/81.9 % ± 2 at 20/50/80 % excitation",
             "Fuglevand 1993; ANCHORS §3.3", fabs (100 * a.force - 8.5) <= 2 && fabs (100 * b.force - 41.3) <= 2
             && fabs (100 * c.force - 81.9) <= 2,
             "%.1f/%.1f/%.1f %%", 100 * a.force, 100 * b.force, 100 * c.force);
}

static char *
build_table (void)
{
  GString *table = g_string_new (NULL);
  guint passed = 0;

  g_string_append (table, "| # | Published finding and tolerance | Source | Model | Result |\n");
  g_string_append (table, "|---|---|---|---|---|\n");
  for (guint i = 0; i < checks->len; i++)
    {
      Check *check = g_ptr_array_index (checks, i);

      g_string_append_printf (table, "| %s | %s | %s | %s | %s |\n", check->id, check->finding,
                              check->source, check->output,
                              check->pass ? "pass" : "**fail**");
      passed += check->pass;
    }
  g_string_append_printf (table, "\n%u of %u checks pass.\n", passed, checks->len);
  return g_string_free (table, FALSE);
}

static void
test_table (void)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "..", "docs", "model.md", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *table = build_table ();
  g_autoptr(GError) error = NULL;
  const char *begin, *end;
  g_autofree char *current = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  begin = strstr (contents, TABLE_BEGIN);
  end = strstr (contents, TABLE_END);
  g_assert_nonnull (begin);
  g_assert_nonnull (end);
  g_assert_true (begin < end);
  begin += strlen (TABLE_BEGIN) + 1;
  current = g_strndup (begin, end - begin);

  if (g_strcmp0 (g_getenv ("NL_UPDATE_DOCS"), "1") == 0 && g_strcmp0 (current, table) != 0)
    {
      g_autofree char *head = g_strndup (contents, begin - contents);
      g_autofree char *updated = g_strconcat (head, table, end, NULL);

      g_file_set_contents (path, updated, -1, &error);
      g_assert_no_error (error);
      g_test_message ("rewrote the validation table in %s", path);
      return;
    }

  if (g_strcmp0 (current, table) != 0)
    g_test_message ("docs/model.md is out of date; run with NL_UPDATE_DOCS=1.  Expected:\n%s", table);
  g_assert_cmpstr (current, ==, table);
}

/* The IDs that docs/model.md's table marks "pass": the model's claims. */
static GPtrArray *
read_claims (void)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "..", "docs", "model.md", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_free);
  gboolean inside = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return claims;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], TABLE_BEGIN))
        inside = TRUE;
      else if (g_str_has_prefix (lines[i], TABLE_END))
        inside = FALSE;
      else if (inside && g_str_has_prefix (lines[i], "| ") && g_str_has_suffix (lines[i], "| pass |"))
        {
          const char *start = lines[i] + 2;
          const char *bar = strchr (start, ' ');

          if (bar != NULL)
            g_ptr_array_add (claims, g_strndup (start, bar - start));
        }
    }
  return claims;
}

static void
test_check (gconstpointer data)
{
  const Check *check = data;

  g_test_message ("%s: %s → %s", check->id, check->finding, check->output);
  g_assert_true (check->pass);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) claims = NULL;

  g_test_init (&argc, &argv, NULL);

  checks = g_ptr_array_new_with_free_func (check_free);
  v1_seynnes ();
  v2_narici1989 ();
  v3_narici1996 ();
  v4_hubal ();
  v5_rutherford ();
  v6_kamen ();
  v7_del_vecchio ();
  v8_aagaard ();
  v9_cross_education ();
  v10_farthing ();
  v11_wall ();
  v12_vigelso ();
  v13_ogasawara ();
  v14_hakkinen ();
  v15_moran_navarro ();
  v16_fiatarone ();
  v17_ferri ();
  v18_west ();
  v19_bdnf ();
  v20_mood ();
  q1_partition ();
  q2_edema ();
  q3_load ();
  q4_volume ();
  q5_immobilisation_ratio ();
  q6_pool ();

  g_test_add_func ("/model/validation/table", test_table);
  /* The checks that docs/model.md reports as passing are the model's
   * claims: each is a test of its own, so a change that breaks one fails
   * here as well as in the table. */
  claims = read_claims ();
  for (guint i = 0; i < checks->len; i++)
    {
      Check *check = g_ptr_array_index (checks, i);

      for (guint k = 0; k < claims->len; k++)
        if (g_str_equal (g_ptr_array_index (claims, k), check->id))
          {
            g_autofree char *name = g_strdup_printf ("/model/validation/%s", check->id);

            g_test_add_data_func (name, check, test_check);
          }
    }

  {
    int status = g_test_run ();

    g_ptr_array_unref (checks);
    return status;
  }
}
