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
  double  n, coact, t_iso, h, edema, memory, h_peak, block;
  double *skill;
  double  w_hyp, w_neural;
  double  fatigue[NL_N_FATIGUE_COMPARTMENTS];
  double  pending[N_KERNEL];
  double  sync, nmj;
  guint   immob_days;
  /* Per-trainee constants. */
  double  headroom, iso_max, k_h, immob_h_scale, rate_gain;
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
  double headroom = rp->neural_headroom * status;

  if (schedule->age >= 60)
    headroom += params->older_headroom;
  if (schedule->age >= 80)
    headroom += params->frail_headroom;
  headroom *= sex_scale (schedule->sex, 1.15) * individual->neural;

  memset (state, 0, sizeof *state);
  state->n = 1.0;
  state->t_iso = 1.0;
  state->h = 1.0;
  state->h_peak = 1.0;
  state->headroom = MAX (headroom, 0.01);
  state->iso_max = 1.0 + params->skill_isometric * status * individual->skill;
  state->k_h = rp->k_h * params->status_h_scale[MIN (schedule->status, 2u)]
               * (schedule->age >= 60 ? params->older_h_scale : 1.0)
               * sex_scale (schedule->sex, params->female_h_scale)
               * individual->hypertrophy;
  state->rate_gain = schedule->age >= 60 ? params->rate_gain_older : params->rate_gain_young;
  state->immob_h_scale = rp->immob_scale * (schedule->age >= 60 ? params->older_immob_h_scale : 1.0);
  state->skill = g_new (double, muscle->n_exercises);
  state->skill_max = g_new (double, muscle->n_exercises);
  for (guint e = 0; e < muscle->n_exercises; e++)
    {
      state->skill[e] = 1.0;
      state->skill_max[e] = 1.0 + (muscle->multi[e] ? params->skill_multi : params->skill_single)
                                  * status * (schedule->age >= 80 ? 1.5 : 1.0) * individual->skill;
    }
}

static void
record_row (NlTimelineTrack        *out,
            const TrackState       *state,
            const NlScheduleMuscle *muscle,
            const NlModelParams    *params,
            guint                   d)
{
  const NlRegionParams *rp = &params->region[muscle->region];
  double neural = state->n * state->t_iso;
  double h = state->h;
  double q = (state->n - 1.0) / state->headroom;
  double skill = muscle->main_isometric ? state->t_iso : state->skill[0];
  double va = MIN (1.0, muscle->va0 * (1.0 + rp->va_gain * q));
  double rate_gain = state->rate_gain;

  out->series[NL_SERIES_STRENGTH][d] = 100.0 * (h * neural - 1.0);
  out->series[NL_SERIES_MUSCULAR][d] = 50.0 * ((h - 1.0) + (h * neural - neural));
  out->series[NL_SERIES_NEURAL][d] = 50.0 * ((neural - 1.0) + (h * neural - h));
  out->series[NL_SERIES_ONE_RM][d] = 100.0 * (h * state->n * skill - 1.0);
  out->series[NL_SERIES_SKILL][d] = 100.0 * (skill - 1.0);
  out->series[NL_SERIES_VOLUNTARY_ACTIVATION][d] = 100.0 * (va / muscle->va0 - 1.0);
  out->series[NL_SERIES_PEAK_RATE][d] = _nl_schedule_table_lookup (muscle->peak_rate, q);
  out->series[NL_SERIES_RECRUITMENT_CEILING][d] = _nl_schedule_table_lookup (muscle->ceiling, q);
  out->series[NL_SERIES_COACTIVATION][d] = -100.0 * params->coact_drop * state->coact;
  out->series[NL_SERIES_CSA][d] = 100.0 * (h - 1.0);
  out->series[NL_SERIES_EDEMA][d] = 100.0 * state->edema;
  out->series[NL_SERIES_APPARENT_CSA][d] = 100.0 * (h + state->edema - 1.0);
  out->series[NL_SERIES_FATIGUE][d] = 100.0 * MIN (0.95, state->fatigue[0] + state->fatigue[1] + state->fatigue[2]);
  out->series[NL_SERIES_CORTICOSPINAL][d] = 100.0 * params->corticospinal_gain * q;
  out->series[NL_SERIES_SYNCHRONISATION][d] = 100.0 * params->sync_gain * state->sync;
  out->series[NL_SERIES_NMJ][d] = 100.0 * params->nmj_gain * state->nmj;

  out->rate_scale[d] = CLAMP (1.0 + rate_gain * CLAMP (q, NL_SCHEDULE_Q_MIN, NL_SCHEDULE_Q_MAX), 0.5, 2.0);
  out->threshold_scale[d] = CLAMP (1.0 - params->threshold_drop * CLAMP (q, NL_SCHEDULE_Q_MIN, NL_SCHEDULE_Q_MAX), 0.5, 1.5);
  out->voluntary_excitation[d] = CLAMP (muscle->va0 * (1.0 + rp->va_gain * q), 0.3, 1.0);
}

/* A session's impulses on one side: from its own work, and through
 * cross-education from the other side's work (a φ-scaled dose acting on
 * this side's own headroom: central pathways, never size). */
typedef struct {
  double dn, dcoact, diso;
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
  double n_max = 1.0 + state->headroom;
  double neural = MAX (dose->neural_dose, phi * other->neural_dose);
  double iso = MAX (dose->iso_dose, params->skill_transfer * other->iso_dose);

  gains->dn = params->k_n * neural * MAX (0.0, n_max - state->n);
  gains->dcoact = params->k_coact * neural * (1.0 - state->coact);
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
  state->coact += gains->dcoact;
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
    growth = state->k_h * dose->hyp_dose * eps * ceiling;
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
    g_array_append_val (out->fatigue_events, event);

    state->w_hyp += dose->hyp_dose;
    state->w_neural += dose->neural_dose;
  }
}

typedef struct {
  double tau_n, tau_remob, tau_t, tau_h, tau_edema, tau_block, tau_memory, tau_week;
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
  double neural_use = MIN (1.0, state->w_neural / params->neural_maint);
  double hyp_use = MIN (1.0, state->w_hyp / params->hyp_maint);

  memmove (state->pending, state->pending + 1, (N_KERNEL - 1) * sizeof (double));
  state->pending[N_KERNEL - 1] = 0.0;
  state->h += delivered;
  state->memory = state->memory * decay->tau_memory + params->memory_gain * delivered;
  state->h_peak = MAX (state->h_peak, state->h);

  if (immobilized)
    {
      double spare = other_immobilized ? 0.0
                     : params->ce_spare * MIN (1.0, other->w_neural / params->neural_maint);
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
  for (guint e = 0; e < muscle->n_exercises; e++)
    state->skill[e] -= (state->skill[e] - 1.0) * decay->tau_t;
  state->edema *= 1.0 - decay->tau_edema;
  state->block *= 1.0 - decay->tau_block;
  for (guint k = 0; k < NL_N_FATIGUE_COMPARTMENTS; k++)
    state->fatigue[k] *= decay->fatigue[k];
  state->w_hyp *= decay->tau_week;
  state->w_neural *= decay->tau_week;

  if (state->w_neural >= params->neural_maint && !immobilized)
    state->sync += (1.0 - state->sync) / params->tau_sync;
  else
    state->sync -= state->sync / params->tau_sync;
  if (state->w_neural >= 0.5 * params->neural_maint && !immobilized)
    state->nmj += (1.0 - state->nmj) / params->tau_nmj;
  else
    state->nmj -= state->nmj / params->tau_nmj;
}

NlTimeline *
_nl_adaptation_model_simulate (const NlSchedule     *schedule,
                               const NlModelParams  *params,
                               const NlIndividual   *individual,
                               GCancellable         *cancellable,
                               GError              **error)
{
  const double tau_fatigue_days[NL_N_FATIGUE_COMPARTMENTS] = {
    params->tau_fatigue_fast_h / 24.0, params->tau_fatigue_mid_h / 24.0, params->tau_fatigue_slow_h / 24.0,
  };
  g_autoptr(NlTimeline) timeline = NULL;
  guint n_tracks = 2 * schedule->n_muscles;
  g_autofree TrackState *states = g_new0 (TrackState, n_tracks);
  g_autofree Gains *gains = g_new0 (Gains, n_tracks);
  g_autofree double *gain_buffer = NULL;
  double *bdnf_acute, *bdnf_resting, *il6, *testo, *gh, *cortisol;
  double resting = 0.0;
  int first_session = -1;
  guint next_session = 0;
  guint max_exercises = 0;
  DayDecay decay;

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
  for (guint k = 0; k < NL_N_FATIGUE_COMPARTMENTS; k++)
    decay.fatigue[k] = exp (-1.0 / tau_fatigue_days[k]);

  for (guint m = 0; m < schedule->n_muscles; m++)
    max_exercises = MAX (max_exercises, schedule->muscles[m].n_exercises);
  gain_buffer = g_new0 (double, (gsize) n_tracks * MAX (max_exercises, 1u));

  for (guint t = 0; t < n_tracks; t++)
    {
      const NlScheduleMuscle *muscle = &schedule->muscles[t / 2];
      NlTimelineTrack *track = _nl_timeline_add_track (timeline, muscle->muscle,
                                                       t % 2 == 0 ? NL_SIDE_LEFT : NL_SIDE_RIGHT,
                                                       muscle->region);

      track->pool_base = muscle->pool;
      track->work = muscle->work[t % 2];
      track->exercise = muscle->n_exercises > 0 ? muscle->exercises[0] : NULL;
      init_track (&states[t], schedule, muscle, params, individual);
      gains[t].dskill = gain_buffer + (gsize) t * MAX (max_exercises, 1u);
    }

  bdnf_acute = _nl_timeline_get_systemic (timeline, NL_SERIES_BDNF_ACUTE);
  bdnf_resting = _nl_timeline_get_systemic (timeline, NL_SERIES_BDNF_RESTING);
  il6 = _nl_timeline_get_systemic (timeline, NL_SERIES_IL6);
  testo = _nl_timeline_get_systemic (timeline, NL_SERIES_TESTOSTERONE);
  gh = _nl_timeline_get_systemic (timeline, NL_SERIES_GROWTH_HORMONE);
  cortisol = _nl_timeline_get_systemic (timeline, NL_SERIES_CORTISOL);

  for (guint d = 0; d < schedule->n_days; d++)
    {
      const NlScheduleSession *session = NULL;

      if ((d & 31) == 31 && g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, NL_MODEL_ERROR, NL_MODEL_ERROR_CANCELLED,
                               _("The simulation was cancelled"));
          goto out;
        }

      for (guint t = 0; t < n_tracks; t++)
        record_row (_nl_timeline_get_track (timeline, t), &states[t],
                    &schedule->muscles[t / 2], params, d);
      bdnf_resting[d] = 100.0 * resting;
      gh[d] = 1.0;

      if (next_session < schedule->n_sessions && schedule->sessions[next_session].day == d)
        session = &schedule->sessions[next_session++];

      if (session != NULL)
        {
          double trained, amp;

          if (first_session < 0)
            first_session = (int) d;
          trained = MIN (1.0, (d - first_session) / 56.0);

          for (guint t = 0; t < n_tracks; t++)
            session_gains (&states[t], &session->doses[t], &session->doses[t ^ 1u],
                           &schedule->muscles[t / 2], params, &gains[t]);
          for (guint t = 0; t < n_tracks; t++)
            apply_session (&states[t], &session->doses[t], &gains[t],
                           &schedule->muscles[t / 2], params,
                           _nl_timeline_get_track (timeline, t), d);

          amp = session->bdnf * (1.0 + params->bdnf_trained_gain * trained);
          bdnf_acute[d] = 100.0 * amp;
          _nl_timeline_add_bdnf_event (timeline, d, amp);
          il6[d] = 100.0 * session->il6;
          testo[d] = 100.0 * session->stress * params->testosterone_amplitude
                     * sex_scale (schedule->sex, params->testosterone_female_scale);
          gh[d] = 1.0 + (params->gh_fold - 1.0) * session->stress * session->stress;
          cortisol[d] = 100.0 * session->stress * params->cortisol_amplitude;

          if (schedule->age >= 60)
            resting += (params->bdnf_resting_older - resting) / 28.0;
        }
      else if (resting > 0.0 && (first_session < 0 || d - first_session > 7))
        {
          /* Resting change fades without training (weeks). */
          if (next_session >= schedule->n_sessions || schedule->sessions[next_session].day > d + 7)
            resting -= resting / 28.0;
        }

      for (guint t = 0; t < n_tracks; t++)
        {
          guint8 limbs = schedule->immobilized[d];
          NlLimbs limb = t % 2 == 0 ? NL_LIMB_LEFT : NL_LIMB_RIGHT;
          NlLimbs other_limb = t % 2 == 0 ? NL_LIMB_RIGHT : NL_LIMB_LEFT;

          advance_day (&states[t], &states[t ^ 1u], &schedule->muscles[t / 2], params, &decay,
                       (limbs & limb) != 0, (limbs & other_limb) != 0);
        }
    }

  for (guint p = 0; p < schedule->n_phases; p++)
    _nl_timeline_add_phase (timeline, schedule->phase_names[p], schedule->phase_kinds[p],
                            schedule->phase_first_day[p], schedule->phase_days[p]);
  _nl_timeline_set_group_effects_apply (timeline, schedule->effects_apply);
  _nl_timeline_finish (timeline);

out:
  for (guint t = 0; t < n_tracks; t++)
    {
      g_free (states[t].skill);
      g_free (states[t].skill_max);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&timeline);
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

  schedule = _nl_schedule_new (snapshot, params, options->extend_days, NULL, error);
  if (schedule == NULL)
    return NULL;

  timeline = _nl_adaptation_model_simulate (schedule, params, &typical, cancellable, error);
  if (timeline == NULL)
    return NULL;

  if (options->population > 0)
    {
      if (!_nl_population_run (timeline, snapshot, params, options, cancellable,
                               progress, user_data, error))
        return NULL;
    }
  else if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&timeline);
}
