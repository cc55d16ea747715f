/* nl-adaptation-model.c — programme snapshot → adaptation timeline
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A daily simulation of SCIENCE.md §11 (docs/model.md gives every equation
 * with its source).  Per (muscle, side) the states are: N (task-general
 * neural capacity), T_iso and T_e (isometric and exercise-specific skill),
 * H (contractile size), Ed (swelling), M (muscle memory), three fatigue
 * compartments and a few slow markers.  Row d is recorded before day d's
 * session; the session then applies its impulses and the day advances.
 */
#define G_LOG_DOMAIN "nl-adaptation-model"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nl-adaptation-model-private.h"
#include "nl-adaptation-model.h"
#include "nl-error.h"
#include "nl-population-private.h"
#include "nl-timeline-private.h"

#define N_KERNEL 5

typedef struct {
  double  n, coact, t_iso, h, edema, memory, h_peak, block, sensitivity;
  double *skill;
  double  w_hyp, w_neural;
  double  w_drive;       /* recent neural doses received, own or cross-educated (neural gate) */
  double  fatigue[NL_N_FATIGUE_COMPARTMENTS];
  double  pending[N_KERNEL];
  double  sync, nmj;
  double  doublet;       /* ballistic (doublet) adaptation, 0…1 */
  guint   immob_days;
  /* Per-trainee constants. */
  double  headroom, inv_headroom, iso_max, k_h, immob_h_scale, rate_gain;
  double *skill_max;
} TrackState;

/* Fractions of a session's growth delivered on days 0…4 after it: the
 * integral per day of the gamma kernel (τ/τp²)e^(−τ/τp), τp = 0.75 d
 * (protein synthesis elevated for 24–48 h), renormalised to sum to 1. */
static const double growth_kernel[N_KERNEL] = { 0.3853, 0.3595, 0.1633, 0.0609, 0.0310 };

void
nl_model_options_init (NlModelOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
}

static double
sex_scale (NlSex  sex,
           double female)
{
  switch (sex)
    {
    case NL_SEX_FEMALE:      return female;
    case NL_SEX_MALE:        return 1.0;
    case NL_SEX_UNSPECIFIED:
    default:                 return 0.5 * (1.0 + female);
    }
}

static void
init_track (TrackState             *state,
            const NlSchedule       *schedule,
            const NlScheduleMuscle *muscle,
            const NlModelParams    *params,
            const NlIndividual     *individual)
{
  const NlRegionParams *rp = &params->region[muscle->region];
  double status = params->status_headroom[MIN (schedule->status, 2u)];
  double older = nl_model_params_older_weight (params, schedule->age);
  double frail = nl_model_params_frail_weight (params, schedule->age, schedule->status);
  double headroom = rp->neural_headroom * status;

  /* Age acts through two linear ramps (docs/model.md §5.10), never a step:
   * "older" from the young cohorts to the older ones (≈ 70 y), "frail"
   * from there to the frail, sedentary 90-year-olds of Fiatarone 1990,
   * and only for an untrained trainee. */
  headroom += older * params->older_headroom + frail * params->frail_headroom;
  headroom *= sex_scale (schedule->sex, 1.15) * individual->neural;

  memset (state, 0, sizeof *state);
  state->n = 1.0;
  state->t_iso = 1.0;
  state->h = 1.0;
  state->h_peak = 1.0;
  state->sensitivity = 1.0;
  state->headroom = MAX (headroom, 0.01);
  /* Neural progress q is measured against the typical trainee's headroom,
   * so that high responders also show larger discharge-rate, threshold and
   * activation changes. */
  state->inv_headroom = individual->neural / state->headroom;
  state->iso_max = 1.0 + params->skill_isometric * status * individual->skill;
  state->k_h = rp->k_h * params->status_h_scale[MIN (schedule->status, 2u)]
               * (1.0 + older * (params->older_h_scale - 1.0))
               * (1.0 + frail * (params->frail_h_scale - 1.0))
               * sex_scale (schedule->sex, params->female_h_scale)
               * individual->hypertrophy;
  state->rate_gain = params->rate_gain_young
                     + older * (params->rate_gain_older - params->rate_gain_young);
  state->immob_h_scale = rp->immob_scale * (1.0 + older * (params->older_immob_h_scale - 1.0));
  state->skill = g_new (double, muscle->n_exercises);
  state->skill_max = g_new (double, muscle->n_exercises);
  for (guint e = 0; e < muscle->n_exercises; e++)
    {
      state->skill[e] = 1.0;
      state->skill_max[e] = 1.0 + muscle->skill_headroom[e]
                                  * status * individual->skill;
    }
}

typedef struct {
  double rate_scale, threshold_scale, voluntary;
} PoolShift;

gboolean
_nl_series_follows_q (NlSeries series)
{
  switch (series)
    {
    case NL_SERIES_VOLUNTARY_ACTIVATION:
    case NL_SERIES_PEAK_RATE:
    case NL_SERIES_RECRUITMENT_CEILING:
    case NL_SERIES_CORTICOSPINAL:
    case NL_SERIES_V_WAVE:
      return TRUE;
    default:
      return FALSE;
    }
}

double
_nl_adaptation_model_q_series (const NlScheduleMuscle *muscle,
                               const NlModelParams    *params,
                               NlSeries                series,
                               double                  q)
{
  const NlRegionParams *rp = &params->region[muscle->region];

  switch (series)
    {
    case NL_SERIES_VOLUNTARY_ACTIVATION:
      return 100.0 * (MIN (1.0, muscle->va0 * (1.0 + rp->va_gain * q)) / muscle->va0 - 1.0);
    case NL_SERIES_PEAK_RATE:
      return _nl_schedule_table_lookup (muscle->peak_rate, q);
    case NL_SERIES_RECRUITMENT_CEILING:
      return _nl_schedule_table_lookup (muscle->ceiling, q);
    case NL_SERIES_CORTICOSPINAL:
      return 100.0 * params->corticospinal_gain * q;
    case NL_SERIES_V_WAVE:
      /* V/Mmax: the V-wave grows with the descending drive that reaches
       * the motoneurons during a maximal effort (Aagaard 2002). */
      return 100.0 * MAX (-0.9, params->v_wave_gain * q);
    default:
      g_assert_not_reached ();
      return 0.0;
    }
}

/* The series kept per track (the others are systemic). */
static const NlSeries track_series[] = {
  NL_SERIES_STRENGTH, NL_SERIES_ONE_RM, NL_SERIES_NEURAL, NL_SERIES_MUSCULAR,
  NL_SERIES_VOLUNTARY_ACTIVATION, NL_SERIES_PEAK_RATE, NL_SERIES_RECRUITMENT_CEILING,
  NL_SERIES_COACTIVATION, NL_SERIES_CSA, NL_SERIES_FATIGUE, NL_SERIES_EDEMA,
  NL_SERIES_APPARENT_CSA, NL_SERIES_SKILL, NL_SERIES_CORTICOSPINAL,
  NL_SERIES_SYNCHRONISATION, NL_SERIES_NMJ, NL_SERIES_V_WAVE, NL_SERIES_RFD,
};

static const NlSeries q_series[] = {
  NL_SERIES_VOLUNTARY_ACTIVATION, NL_SERIES_PEAK_RATE, NL_SERIES_RECRUITMENT_CEILING,
  NL_SERIES_CORTICOSPINAL, NL_SERIES_V_WAVE,
};

/* The per-track series of one row (systemic entries are left alone). */
static void
compute_row (const TrackState       *state,
             const NlScheduleMuscle *muscle,
             const NlModelParams    *params,
             gboolean                with_q_series,
             double                 *row,
             PoolShift              *shift)
{
  const NlRegionParams *rp = &params->region[muscle->region];
  double neural = state->n * state->t_iso;
  double h = state->h;
  double q = (state->n - 1.0) * state->inv_headroom;
  double qc = CLAMP (q, NL_SCHEDULE_Q_MIN, NL_SCHEDULE_Q_MAX);
  double skill = muscle->main_isometric ? state->t_iso : state->skill[0];

  row[NL_SERIES_STRENGTH] = 100.0 * (h * neural - 1.0);
  row[NL_SERIES_MUSCULAR] = 50.0 * ((h - 1.0) + (h * neural - neural));
  row[NL_SERIES_NEURAL] = 50.0 * ((neural - 1.0) + (h * neural - h));
  row[NL_SERIES_ONE_RM] = 100.0 * (h * state->n * skill - 1.0);
  row[NL_SERIES_SKILL] = 100.0 * (skill - 1.0);
  row[NL_SERIES_COACTIVATION] = -100.0 * params->coact_drop * state->coact;
  row[NL_SERIES_CSA] = 100.0 * (h - 1.0);
  row[NL_SERIES_EDEMA] = 100.0 * state->edema;
  row[NL_SERIES_APPARENT_CSA] = 100.0 * (h + state->edema - 1.0);
  row[NL_SERIES_FATIGUE] = 100.0 * MIN (0.95, state->fatigue[0] + state->fatigue[1] + state->fatigue[2]);
  row[NL_SERIES_SYNCHRONISATION] = 100.0 * params->sync_gain * state->sync;
  row[NL_SERIES_NMJ] = 100.0 * params->nmj_gain * state->nmj;

  /* Population runs sort q instead (nl-population.c). */
  if (with_q_series)
    for (guint k = 0; k < G_N_ELEMENTS (q_series); k++)
      row[q_series[k]] = _nl_adaptation_model_q_series (muscle, params, q_series[k], q);

  shift->rate_scale = CLAMP (1.0 + state->rate_gain * qc, 0.5, 2.0);
  /* Early RFD (0–200 ms): maximal force, times the discharge rate at onset
   * (a share of the peak-rate gain) and the initial doublets that ballistic
   * work adds (Van Cutsem 1998). */
  row[NL_SERIES_RFD] = 100.0 * (h * neural
                                * (1.0 + params->rfd_rate_weight * (shift->rate_scale - 1.0))
                                * (1.0 + params->rfd_doublet_gain * (params->doublet_max - params->doublet_base)
                                         * state->doublet)
                                - 1.0);
  shift->threshold_scale = CLAMP (1.0 - params->threshold_drop * qc, 0.5, 1.5);
  shift->voluntary = CLAMP (muscle->va0 * (1.0 + rp->va_gain * q), 0.3, 1.0);
}

static void
record_row (NlTimelineTrack        *out,
            const TrackState       *state,
            const NlScheduleMuscle *muscle,
            const NlModelParams    *params,
            guint                   d)
{
  double row[NL_N_SERIES];
  PoolShift shift;

  compute_row (state, muscle, params, TRUE, row, &shift);
  for (guint k = 0; k < G_N_ELEMENTS (track_series); k++)
    out->series[track_series[k]][d] = row[track_series[k]];
  out->rate_scale[d] = shift.rate_scale;
  out->threshold_scale[d] = shift.threshold_scale;
  out->voluntary_excitation[d] = shift.voluntary;
}

static void
record_sink (const NlPopulationSink *sink,
             guint                   side,
             const TrackState       *state,
             const NlScheduleMuscle *muscle,
             const NlModelParams    *params,
             guint                   n_days,
             guint                   d)
{
  double row[NL_N_SERIES];
  PoolShift shift;

  gsize stride = (gsize) n_days * sink->population;
  float *out = sink->values + ((gsize) side * sink->n_series * n_days + d) * sink->population + sink->trainee;

  compute_row (state, muscle, params, sink->with_q_series, row, &shift);
  for (guint k = 0; k < sink->n_series; k++)
    out[k * stride] = (float) row[sink->series[k]];
  if (sink->q_values != NULL)
    sink->q_values[((gsize) side * n_days + d) * sink->population + sink->trainee]
      = (state->n - 1.0) * state->inv_headroom;
}

/* A session's impulses on one side: from its own work, and through
 * cross-education from the other side's work (the other side's dose,
 * towards φ times its reach into this side's headroom: central pathways,
 * never size). */
typedef struct {
  double dn, dcoact, diso, ddoublet;
  double drive;          /* the neural dose this side received */
  double *dskill;
} Gains;

static void
session_gains (const TrackState       *state,
               const NlTrackDose      *dose,
               const NlTrackDose      *other,
               const NlScheduleMuscle *muscle,
               const NlModelParams    *params,
               Gains                  *gains)
{
  double phi = params->region[muscle->region].cross_education;
  gboolean own = dose->neural_dose >= phi * other->neural_dose;
  double neural = own ? dose->neural_dose : other->neural_dose;
  double n_max = 1.0 + state->headroom * (own ? dose->effort : phi * other->transfer * other->effort);
  double iso = MAX (dose->iso_dose, params->skill_transfer * other->iso_dose);

  gains->drive = neural;
  gains->dn = params->k_n * neural * MAX (0.0, n_max - state->n);
  gains->dcoact = params->k_coact * neural * (1.0 - state->coact);
  gains->ddoublet = params->k_n * dose->ballistic_dose * (1.0 - state->doublet);
  gains->diso = params->k_t * iso * MAX (0.0, state->iso_max - state->t_iso);
  for (guint e = 0; e < muscle->n_exercises; e++)
    {
      double own = dose->skill_dose != NULL ? dose->skill_dose[e] : 0.0;
      double far = other->skill_dose != NULL ? params->skill_transfer * other->skill_dose[e] : 0.0;

      gains->dskill[e] = params->k_t * MAX (own, far) * MAX (0.0, state->skill_max[e] - state->skill[e]);
    }
}

static void
apply_session (TrackState             *state,
               const NlTrackDose      *dose,
               const Gains            *gains,
               const NlScheduleMuscle *muscle,
               const NlModelParams    *params,
               NlTimelineTrack        *out,
               double                  day)
{
  state->n += gains->dn;
  state->w_drive += gains->drive;
  state->coact += gains->dcoact;
  state->doublet += gains->ddoublet;
  state->t_iso += gains->diso;
  for (guint e = 0; e < muscle->n_exercises; e++)
    state->skill[e] += gains->dskill[e];

  if (dose->work <= 0.0)
    return;

  {
    double eps, ceiling, growth, rbe;
    NlFatigueEvent event = { .t = day };

    state->block += 1.0;
    eps = 1.0 - exp (-state->block / params->n0);
    ceiling = MAX (0.0, (params->h_max - state->h) / (params->h_max - 1.0));
    growth = state->k_h * dose->hyp_dose * eps * ceiling * state->sensitivity;
    /* Continuous training slowly blunts the growth response; a break
     * restores it (Ogasawara 2013). */
    state->sensitivity *= 1.0 - params->sensitivity_loss * dose->hyp_dose;
    if (state->h < state->h_peak)
      growth *= 1.0 + params->memory_boost * MIN (1.0, state->memory);
    for (guint k = 0; k < N_KERNEL; k++)
      state->pending[k] += growth * growth_kernel[k];

    rbe = exp (-(state->block - 1.0) / params->edema_rbe);
    state->edema += params->edema_gain * dose->hyp_dose * rbe;

    for (guint k = 0; k < NL_N_FATIGUE_COMPARTMENTS; k++)
      {
        state->fatigue[k] += dose->fatigue[k];
        event.amp[k] = dose->fatigue[k];
      }
    if (out != NULL)
      g_array_append_val (out->fatigue_events, event);

    state->w_hyp += dose->hyp_dose;
    state->w_neural += dose->neural_dose;
  }
}

typedef struct {
  double tau_n, tau_remob, tau_t, tau_h, tau_edema, tau_block, tau_memory, tau_week, tau_week_neural;
  double inv_neural_maint, inv_hyp_maint, inv_sync, inv_nmj, inv_resensitise;
  double fatigue[NL_N_FATIGUE_COMPARTMENTS];
} DayDecay;

static void
advance_day (TrackState             *state,
             const TrackState       *other,
             const NlScheduleMuscle *muscle,
             const NlModelParams    *params,
             const DayDecay         *decay,
             gboolean                immobilized,
             gboolean                other_immobilized)
{
  const NlRegionParams *rp = &params->region[muscle->region];
  double delivered = state->pending[0];
  double neural_use = MIN (1.0, state->w_drive * decay->inv_neural_maint);
  double hyp_use = MIN (1.0, state->w_hyp * decay->inv_hyp_maint);

  memmove (state->pending, state->pending + 1, (N_KERNEL - 1) * sizeof (double));
  state->pending[N_KERNEL - 1] = 0.0;
  state->h += delivered;
  state->memory = state->memory * decay->tau_memory + params->memory_gain * delivered;
  state->h_peak = MAX (state->h_peak, state->h);

  if (immobilized)
    {
      double spare = other_immobilized ? 0.0
                     : params->ce_spare * MIN (1.0, other->w_neural * decay->inv_neural_maint);
      double loss = params->immob_h_rate * state->immob_h_scale
                    * exp (-(double) state->immob_days / params->immob_h_tau) * (1.0 - spare);

      state->immob_days++;
      state->h -= loss * state->h;
      state->n -= params->immob_n_rate * rp->immob_scale * (state->n - params->immob_n_floor);
      state->t_iso -= params->immob_n_rate * rp->immob_scale * (state->t_iso - 1.0);
    }
  else
    {
      state->immob_days = 0;
      state->sensitivity += (1.0 - state->sensitivity) * decay->inv_resensitise * (1.0 - hyp_use);
      if (state->h > 1.0)
        state->h -= (state->h - 1.0) * decay->tau_h * (1.0 - hyp_use);
      else
        state->h += (1.0 - state->h) * decay->tau_h;

      if (state->n > 1.0)
        state->n -= (state->n - 1.0) * decay->tau_n * (1.0 - neural_use);
      else
        state->n += (1.0 - state->n) * decay->tau_remob;
      state->t_iso -= (state->t_iso - 1.0) * decay->tau_n * (1.0 - neural_use);
    }

  state->coact -= state->coact * decay->tau_n * (1.0 - neural_use);
  state->doublet -= state->doublet * decay->tau_n * (1.0 - neural_use);
  for (guint e = 0; e < muscle->n_exercises; e++)
    state->skill[e] -= (state->skill[e] - 1.0) * decay->tau_t;
  state->edema *= 1.0 - decay->tau_edema;
  state->block *= 1.0 - decay->tau_block;
  for (guint k = 0; k < NL_N_FATIGUE_COMPARTMENTS; k++)
    state->fatigue[k] *= decay->fatigue[k];
  state->w_hyp *= decay->tau_week;
  state->w_neural *= decay->tau_week_neural;
  state->w_drive *= decay->tau_week_neural;

  if (state->w_neural >= params->neural_maint && !immobilized)
    state->sync += (1.0 - state->sync) * decay->inv_sync;
  else
    state->sync -= state->sync * decay->inv_sync;
  if (state->w_neural >= 0.5 * params->neural_maint && !immobilized)
    state->nmj += (1.0 - state->nmj) * decay->inv_nmj;
  else
    state->nmj -= state->nmj * decay->inv_nmj;
}

/* The day loop.  With @sink, only the sink's muscle is simulated and its
 * per-track series go to the sink; otherwise everything goes to a new
 * timeline.  Returns FALSE when @cancellable fires. */
static gboolean
simulate (const NlSchedule        *schedule,
          const NlModelParams     *params,
          const NlIndividual      *individual,
          GCancellable            *cancellable,
          const NlPopulationSink  *sink,
          NlTimeline             **out)
{
  const double tau_fatigue_days[NL_N_FATIGUE_COMPARTMENTS] = {
    params->tau_fatigue_fast_h / 24.0, params->tau_fatigue_mid_h / 24.0, params->tau_fatigue_slow_h / 24.0,
  };
  g_autoptr(NlTimeline) timeline = NULL;
  guint n_tracks = 2 * schedule->n_muscles;
  guint t0 = sink != NULL ? 2 * sink->muscle : 0;
  guint t1 = sink != NULL ? t0 + MAX (1u, MIN (sink->n_sides, 2u)) : n_tracks;
  gboolean cancelled = FALSE;
  g_autofree TrackState *states = g_new0 (TrackState, n_tracks);
  g_autofree Gains *gains = g_new0 (Gains, n_tracks);
  g_autofree double *gain_buffer = NULL;
  double *bdnf_acute = NULL, *bdnf_resting = NULL, *il6 = NULL, *testo = NULL, *gh = NULL, *cortisol = NULL;
  double resting = 0.0;
  double older_weight = nl_model_params_older_weight (params, schedule->age);
  int first_session = -1;
  guint next_session = 0;
  guint max_exercises = 0;
  DayDecay decay;

  if (sink == NULL)
    timeline = _nl_timeline_new (schedule->n_days, schedule->programme_days,
                                 tau_fatigue_days, params->tau_bdnf_min / (24.0 * 60.0));

  decay.tau_n = 1.0 / params->tau_n;
  decay.tau_remob = 1.0 / params->tau_remob;
  decay.tau_t = 1.0 / params->tau_t;
  decay.tau_h = 1.0 / params->tau_h;
  decay.tau_edema = 1.0 / params->tau_edema;
  decay.tau_block = 1.0 / params->tau_block;
  decay.tau_memory = exp (-1.0 / params->tau_memory);
  decay.tau_week = exp (-1.0 / params->tau_use);
  decay.tau_week_neural = exp (-1.0 / params->tau_use_neural);
  decay.inv_neural_maint = 1.0 / params->neural_maint;
  decay.inv_hyp_maint = 1.0 / params->hyp_maint;
  decay.inv_sync = 1.0 / params->tau_sync;
  decay.inv_nmj = 1.0 / params->tau_nmj;
  decay.inv_resensitise = 1.0 / params->tau_resensitise;
  for (guint k = 0; k < NL_N_FATIGUE_COMPARTMENTS; k++)
    decay.fatigue[k] = exp (-1.0 / tau_fatigue_days[k]);

  for (guint m = 0; m < schedule->n_muscles; m++)
    max_exercises = MAX (max_exercises, schedule->muscles[m].n_exercises);
  gain_buffer = g_new0 (double, (gsize) n_tracks * MAX (max_exercises, 1u));

  for (guint t = t0; t < t1; t++)
    {
      const NlScheduleMuscle *muscle = &schedule->muscles[t / 2];

      if (timeline != NULL)
        {
          NlTimelineTrack *track = _nl_timeline_add_track (timeline, muscle->muscle,
                                                           t % 2 == 0 ? NL_SIDE_LEFT : NL_SIDE_RIGHT,
                                                           muscle->region);

          track->pool_base = muscle->pool;
          track->work = muscle->work[t % 2];
          track->exercise = muscle->n_exercises > 0 ? muscle->exercises[0] : NULL;
        }
      init_track (&states[t], schedule, muscle, params, individual);
      gains[t].dskill = gain_buffer + (gsize) t * MAX (max_exercises, 1u);
    }

  if (timeline != NULL)
    {
      bdnf_acute = _nl_timeline_get_systemic (timeline, NL_SERIES_BDNF_ACUTE);
      bdnf_resting = _nl_timeline_get_systemic (timeline, NL_SERIES_BDNF_RESTING);
      il6 = _nl_timeline_get_systemic (timeline, NL_SERIES_IL6);
      testo = _nl_timeline_get_systemic (timeline, NL_SERIES_TESTOSTERONE);
      gh = _nl_timeline_get_systemic (timeline, NL_SERIES_GROWTH_HORMONE);
      cortisol = _nl_timeline_get_systemic (timeline, NL_SERIES_CORTISOL);
    }

  for (guint d = 0; d < schedule->n_days; d++)
    {
      const NlScheduleSession *session = NULL;

      if ((d & 31) == 31 && g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          goto out;
        }

      if (timeline != NULL)
        {
          for (guint t = t0; t < t1; t++)
            record_row (_nl_timeline_get_track (timeline, t), &states[t],
                        &schedule->muscles[t / 2], params, d);
          bdnf_resting[d] = 100.0 * resting;
          gh[d] = 1.0;
        }
      else
        {
          for (guint t = t0; t < t1; t++)
            record_sink (sink, t - t0, &states[t], &schedule->muscles[t / 2], params,
                         schedule->n_days, d);
        }

      if (next_session < schedule->n_sessions && schedule->sessions[next_session].day == d)
        session = &schedule->sessions[next_session++];

      if (session != NULL)
        {
          double trained, amp;

          if (first_session < 0)
            first_session = (int) d;
          trained = MIN (1.0, (d - first_session) / 56.0);

          for (guint t = t0; t < t1; t++)
            session_gains (&states[t], &session->doses[t], &session->doses[t ^ 1u],
                           &schedule->muscles[t / 2], params, &gains[t]);
          for (guint t = t0; t < t1; t++)
            apply_session (&states[t], &session->doses[t], &gains[t],
                           &schedule->muscles[t / 2], params,
                           timeline != NULL ? _nl_timeline_get_track (timeline, t - t0) : NULL, d);

          if (timeline != NULL)
            {
              amp = session->bdnf * (1.0 + params->bdnf_trained_gain * trained);
              bdnf_acute[d] = 100.0 * amp;
              _nl_timeline_add_bdnf_event (timeline, d, amp);
              il6[d] = 100.0 * session->il6;
              testo[d] = 100.0 * session->stress * params->testosterone_amplitude
                         * sex_scale (schedule->sex, params->testosterone_female_scale);
              gh[d] = 1.0 + (params->gh_fold - 1.0) * session->stress * session->stress;
              cortisol[d] = 100.0 * session->stress * params->cortisol_amplitude;
              if (older_weight > 0.0)
                resting += (older_weight * params->bdnf_resting_older - resting) / 28.0;
            }
        }
      else if (resting > 0.0 && (first_session < 0 || d - first_session > 7))
        {
          /* Resting change fades without training (weeks). */
          if (next_session >= schedule->n_sessions || schedule->sessions[next_session].day > d + 7)
            resting -= resting / 28.0;
        }

      for (guint t = t0; t < t1; t++)
        {
          guint8 limbs = schedule->immobilized[d];
          NlLimbs limb = t % 2 == 0 ? NL_LIMB_LEFT : NL_LIMB_RIGHT;
          NlLimbs other_limb = t % 2 == 0 ? NL_LIMB_RIGHT : NL_LIMB_LEFT;

          advance_day (&states[t], &states[t ^ 1u], &schedule->muscles[t / 2], params, &decay,
                       (limbs & limb) != 0, (limbs & other_limb) != 0);
        }
    }

  if (timeline != NULL)
    {
      for (guint p = 0; p < schedule->n_phases; p++)
        _nl_timeline_add_phase (timeline, schedule->phase_names[p], schedule->phase_kinds[p],
                                schedule->phase_first_day[p], schedule->phase_days[p]);
      _nl_timeline_set_group_effects_apply (timeline, schedule->effects_apply);
      _nl_timeline_finish (timeline);
    }

out:
  for (guint t = t0; t < t1; t++)
    {
      g_free (states[t].skill);
      g_free (states[t].skill_max);
    }
  if (cancelled)
    return FALSE;
  if (out != NULL)
    *out = g_steal_pointer (&timeline);
  return TRUE;
}

NlTimeline *
_nl_adaptation_model_simulate (const NlSchedule     *schedule,
                               const NlModelParams  *params,
                               const NlIndividual   *individual,
                               GCancellable         *cancellable,
                               GError              **error)
{
  NlTimeline *timeline = NULL;

  if (!simulate (schedule, params, individual, cancellable, NULL, &timeline))
    {
      g_set_error_literal (error, NL_MODEL_ERROR, NL_MODEL_ERROR_CANCELLED,
                           _("The simulation was cancelled"));
      return NULL;
    }
  return timeline;
}

gboolean
_nl_adaptation_model_simulate_into (const NlSchedule       *schedule,
                                    const NlModelParams    *params,
                                    const NlIndividual     *individual,
                                    GCancellable           *cancellable,
                                    const NlPopulationSink *sink)
{
  g_return_val_if_fail (sink != NULL && sink->muscle < schedule->n_muscles, FALSE);
  return simulate (schedule, params, individual, cancellable, sink, NULL);
}

NlTimeline *
nl_adaptation_model_run (NlProgramSnapshot     *snapshot,
                         const NlModelOptions  *options,
                         GCancellable          *cancellable,
                         NlProgressFunc         progress,
                         gpointer               user_data,
                         GError               **error)
{
  NlModelOptions defaults;
  NlModelParams default_params;
  const NlModelParams *params;
  const NlIndividual typical = { 1.0, 1.0, 1.0 };
  g_autoptr(NlSchedule) schedule = NULL;
  g_autoptr(NlTimeline) timeline = NULL;

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      nl_model_options_init (&defaults);
      options = &defaults;
    }
  if (options->extend_days > NL_MODEL_MAX_EXTEND_DAYS)
    {
      g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
                   _("Follow-up of %u days is too long (at most %u)"),
                   options->extend_days, NL_MODEL_MAX_EXTEND_DAYS);
      return NULL;
    }
  if (options->population > NL_MODEL_MAX_POPULATION)
    {
      g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
                   _("A population of %u is too large (at most %u)"),
                   options->population, NL_MODEL_MAX_POPULATION);
      return NULL;
    }
  if (options->params != NULL)
    params = options->params;
  else
    {
      nl_model_params_init_default (&default_params);
      params = &default_params;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, NULL))
    {
      g_set_error_literal (error, NL_MODEL_ERROR, NL_MODEL_ERROR_CANCELLED,
                           _("The simulation was cancelled"));
      return NULL;
    }

  schedule = _nl_schedule_new (snapshot, params, options->extend_days, error);
  if (schedule == NULL)
    return NULL;

  timeline = _nl_adaptation_model_simulate (schedule, params, &typical, cancellable, error);
  if (timeline == NULL)
    return NULL;

  if (options->population > 0)
    {
      if (!_nl_population_run (timeline, schedule, params, options, cancellable,
                               progress, user_data, error))
        return NULL;
    }
  else if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&timeline);
}
