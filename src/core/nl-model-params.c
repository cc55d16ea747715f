/* nl-model-params.c — default constants of the adaptation model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sources and evidence levels: docs/model.md, "Parameters".
 */
#include "config.h"

#include <string.h>

#include "nl-catalog.h"
#include "nl-model-params.h"

void
nl_model_params_init_default (NlModelParams *p)
{
  g_return_if_fail (p != NULL);

  memset (p, 0, sizeof *p);

  p->region[NL_REGION_LOWER_LIMB] = (NlRegionParams) {
    .recruitment_range = 65.0,
    .theta = 0.85,
    .neural_headroom = 0.155,
    .voluntary_activation = 0.90,
    .va_gain = 0.04,
    .cross_education = 0.45,
    .k_h = 0.0085,
    .immob_scale = 1.0,
  };
  p->region[NL_REGION_UPPER_LIMB] = (NlRegionParams) {
    .recruitment_range = 65.0,
    .theta = 0.80,
    .neural_headroom = 0.135,
    .voluntary_activation = 0.95,
    .va_gain = 0.02,
    .cross_education = 0.50,
    .k_h = 0.028,
    .immob_scale = 0.5,
  };
  p->region[NL_REGION_HAND] = (NlRegionParams) {
    .recruitment_range = 17.0,
    .theta = 0.50,
    .neural_headroom = 0.25,
    .voluntary_activation = 0.96,
    .va_gain = 0.02,
    .cross_education = 0.25,
    .k_h = 0.0060,
    .immob_scale = 0.5,
  };

  p->gamma = 4.5;
  p->bfr_theta_scale = 0.7;
  p->hyp_half = 40.0;
  p->neural_half = 12.0;
  p->ballistic_bonus = 0.5;
  p->effort_exponent = 2.0;
  p->c_isometric = 0.7;
  p->c_eccentric = 1.5;
  p->h_eccentric = 2.0;
  p->skill_half = 30.0;

  p->k_n = 0.20;
  p->tau_n = 30.0;
  p->tau_remob = 14.0;
  p->neural_maint = 0.3;
  p->tau_use = 3.0;
  p->tau_use_neural = 5.0;
  p->older_headroom = 0.02;
  p->frail_headroom = 0.25;
  p->status_headroom[0] = 1.0;
  p->status_headroom[1] = 0.6;
  p->status_headroom[2] = 0.3;
  p->k_coact = 0.35;
  p->coact_drop = 0.20;
  p->rate_gain_young = 0.15;
  p->rate_gain_older = 0.45;
  p->older_rate_scale = 0.72;
  p->threshold_drop = 0.14;
  p->corticospinal_gain = 0.16;
  p->v_wave_gain = 0.55;
  p->rfd_rate_weight = 0.15;
  p->doublet_base = 0.052;
  p->doublet_max = 0.327;
  p->rfd_doublet_gain = 1.0;

  p->k_t = 0.08;
  p->tau_t = 180.0;
  p->skill_single = 0.40;
  p->skill_multi = 0.12;
  p->skill_low = 0.03;
  p->skill_high = 1.2;
  p->skill_isometric = 0.10;
  p->skill_transfer = 0.35;

  p->h_max = 1.4;
  p->n0 = 8.0;
  p->tau_block = 90.0;
  p->tau_h = 45.0;
  p->hyp_maint = 0.3;
  p->memory_gain = 2.5;
  p->memory_boost = 0.5;
  p->tau_memory = 730.0;
  p->sensitivity_loss = 0.035;
  p->tau_resensitise = 10.0;
  p->older_h_scale = 0.75;
  p->frail_h_scale = 1.5;
  p->female_h_scale = 0.9;
  p->status_h_scale[0] = 1.0;
  p->status_h_scale[1] = 0.7;
  p->status_h_scale[2] = 0.4;
  p->edema_gain = 0.08;
  p->edema_rbe = 4.0;
  p->tau_edema = 4.0;

  p->older_age_young = 40.0;
  p->older_age_full = 70.0;
  p->frail_age_start = 72.0;
  p->frail_age_full = 90.0;
  p->frail_status[0] = 1.0;
  p->frail_status[1] = 0.0;
  p->frail_status[2] = 0.0;

  p->immob_h_rate = 0.0065;
  p->immob_h_tau = 25.0;
  p->immob_n_rate = 0.03;
  p->immob_n_floor = 0.60;
  p->older_immob_h_scale = 0.7;
  p->ce_spare = 0.7;

  p->fatigue_max = 0.30;
  p->fatigue_w0 = 15.0;
  p->tau_fatigue_fast_h = 1.5;
  p->tau_fatigue_mid_h = 18.0;
  p->tau_fatigue_slow_h = 48.0;
  p->fatigue_fast_share = 0.3;
  p->fatigue_slow_share_failure = 0.55;

  p->bdnf_amplitude = 0.15;
  p->tau_bdnf_min = 30.0;
  p->bdnf_trained_gain = 0.5;
  p->bdnf_female_scale = 0.5;
  p->bdnf_resting_older = 0.05;
  p->il6_amplitude = 1.3;
  p->testosterone_amplitude = 0.25;
  p->testosterone_female_scale = 0.2;
  p->gh_fold = 30.0;
  p->cortisol_amplitude = 0.48;

  p->sync_gain = 0.30;
  p->tau_sync = 365.0;
  p->nmj_gain = 0.10;
  p->tau_nmj = 56.0;

  p->sd_hypertrophy = 0.45;
  p->sd_neural = 0.35;
  p->sd_skill = 0.40;
}

static double
ramp (double x,
      double x0,
      double x1)
{
  if (!(x1 > x0))
    return x >= x1 ? 1.0 : 0.0;
  return CLAMP ((x - x0) / (x1 - x0), 0.0, 1.0);
}

double
nl_model_params_older_weight (const NlModelParams *p,
                              double               age)
{
  g_return_val_if_fail (p != NULL, 0.0);
  return ramp (age, p->older_age_young, p->older_age_full);
}

double
nl_model_params_frail_weight (const NlModelParams *p,
                              double               age,
                              guint                status)
{
  g_return_val_if_fail (p != NULL, 0.0);
  return p->frail_status[MIN (status, 2u)] * ramp (age, p->frail_age_start, p->frail_age_full);
}

const char *
nl_region_to_string (NlRegion region)
{
  switch (region)
    {
    case NL_REGION_LOWER_LIMB: return "lower-limb";
    case NL_REGION_UPPER_LIMB: return "upper-limb";
    case NL_REGION_HAND:       return "hand";
    case NL_N_REGIONS:
    default:                   return "lower-limb";
    }
}

NlRegion
nl_region_for_muscle (const char *muscle)
{
  const NlMuscleInfo *info;

  if (muscle == NULL)
    return NL_REGION_LOWER_LIMB;
  info = nl_catalog_lookup_muscle (nl_catalog_get_default (), muscle);
  if (info == NULL || info->region == NULL)
    return NL_REGION_LOWER_LIMB;
  if (g_str_equal (info->region, "upper-limb"))
    return NL_REGION_UPPER_LIMB;
  if (g_str_equal (info->region, "hand"))
    return NL_REGION_HAND;
  return NL_REGION_LOWER_LIMB;
}
