/* nl-model-params.h — every constant of the adaptation model in one place
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/model.md gives the source, evidence level and plausible range of each
 * default.  Times are in days unless the name says otherwise.  The struct is
 * plain data: copy it, change a field, pass it in NlModelOptions.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Muscle regions: they set the motor-unit pool, neural headroom, growth rate
 * and the size of immobilisation losses. */
typedef enum {
  NL_REGION_LOWER_LIMB,
  NL_REGION_UPPER_LIMB,
  NL_REGION_HAND,
  NL_N_REGIONS,
} NlRegion;

typedef struct {
  /* Motor-unit pool of the region. */
  double recruitment_range;      /* RR */
  double theta;                  /* force (fraction of MVC) at which recruitment completes */
  /* Neural. */
  double neural_headroom;        /* N_max − 1 for a young untrained adult */
  double voluntary_activation;   /* baseline VA, fraction */
  double va_gain;                /* VA change (fraction of VA) at full neural adaptation */
  double cross_education;        /* φ: share of the trained side's neural reach the other side follows */
  /* Muscular. */
  double k_h;                    /* fractional CSA gain per effective session dose */
  double immob_scale;            /* multiplies immobilisation loss rates */
} NlRegionParams;

typedef struct {
  NlRegionParams region[NL_N_REGIONS];

  /* Session stimulus (SCIENCE.md §11.3). */
  double gamma;                  /* exponent of partial effective-rep credit */
  double bfr_theta_scale;        /* blood-flow restriction lowers θ by this factor */
  double hyp_half;               /* effective reps for half of the per-session maximum */
  double neural_half;            /* neural stimulus for half of the per-session maximum */
  double ballistic_bonus;        /* neural stimulus per ballistic rep */
  double effort_exponent;        /* reachable headroom = (peak demand above 50 % MVC)^exponent */
  double c_isometric;            /* neural stimulus weight of isometric work */
  double c_eccentric;            /* neural stimulus weight of eccentric work */
  double h_eccentric;            /* hypertrophy weight of eccentric (overload) work */
  double skill_half;             /* reps for half of the per-session skill dose */

  /* Neural dynamics (§11.4). */
  double k_n;                    /* fraction of the remaining headroom per full session dose */
  double tau_n;                  /* detraining decay of N above 1 */
  double tau_remob;              /* recovery of N below 1 under normal activity */
  double neural_maint;           /* recent neural dose that stops detraining */
  double tau_use;                /* memory of recent hypertrophy doses (detraining gate) */
  double tau_use_neural;         /* memory of recent neural doses (neural detraining gate) */
  double older_headroom;         /* extra N_max − 1 in older age (× the older weight) */
  double frail_headroom;         /* extra N_max − 1 of the frail, sedentary old (× the frail weight) */
  double status_headroom[3];     /* headroom multiplier: untrained, recreational, trained */
  double k_coact;                /* coactivation state per session (fast) */
  double coact_drop;             /* coactivation change at full adaptation (fraction) */
  double rate_gain_young;        /* MU peak-rate gain at full adaptation, young adults */
  double rate_gain_older;        /* same, older adults (blended by the older weight) */
  double older_rate_scale;       /* baseline peak rates of older adults relative to young */
  double threshold_drop;         /* recruitment-threshold drop at full adaptation */
  double corticospinal_gain;     /* corticospinal excitability change at full adaptation */
  double v_wave_gain;            /* V/Mmax change at full adaptation */
  double rfd_rate_weight;        /* share of the peak-rate gain seen in early force rise */
  double doublet_base;           /* share of units firing an initial doublet, untrained */
  double doublet_max;            /* same after full ballistic adaptation */
  double rfd_doublet_gain;       /* early-RFD gain per unit rise of the doublet share */

  /* Skill (task-specific coordination). */
  double k_t;
  double tau_t;
  double skill_single;           /* T_max − 1, single-joint exercise */
  double skill_multi;            /* T_max − 1, multi-joint exercise */
  double skill_low;              /* T_max − 1, catalogue class "low" (familiar pattern) */
  double skill_high;             /* T_max − 1, catalogue class "high" (novel machine task) */
  double skill_isometric;        /* isometric-task skill (carries into isometric MVC) */
  double skill_transfer;         /* fraction of skill passed to the untrained side */

  /* Hypertrophy. */
  double h_max;                  /* ceiling of H */
  double n0;                     /* sessions of the repair phase */
  double tau_block;              /* decay of the repair-phase session count */
  double tau_h;                  /* detraining decay of H above 1 */
  double hyp_maint;              /* recent hypertrophy dose that stops detraining */
  double memory_gain;            /* M per unit of H gained */
  double memory_boost;           /* α_M: regrowth multiplier at M = 1 */
  double tau_memory;
  double sensitivity_loss;       /* anabolic sensitivity lost per session dose (continuous training) */
  double tau_resensitise;        /* recovery of that sensitivity while not training */
  double older_h_scale;          /* growth-rate multiplier of older adults */
  double frail_h_scale;          /* growth-rate multiplier of the frail old (regain of disuse atrophy) */
  double female_h_scale;         /* growth-rate multiplier for women (Hubal 2005) */
  double status_h_scale[3];      /* growth multiplier: untrained, recreational, trained */
  double edema_gain;             /* apparent-CSA swelling per unit session dose */
  double edema_rbe;              /* sessions over which the repeated-bout effect removes swelling */
  double tau_edema;

  /* Age (docs/model.md §5.10): every age effect is a weight between 0 and
   * 1 that rises linearly, never a step. */
  double older_age_young;        /* last age with young-adult values (older weight 0) */
  double older_age_full;         /* first age with older-cohort values (older weight 1) */
  double frail_age_start;        /* last age without the frail terms (frail weight 0) */
  double frail_age_full;         /* age of the frail cohort (frail weight 1) */
  double frail_status[3];        /* frail weight multiplier: untrained, recreational, trained */

  /* Immobilisation (§11.4). */
  double immob_h_rate;           /* initial fractional loss of H per day */
  double immob_h_tau;            /* slowing of that loss */
  double immob_n_rate;           /* rate of N towards its floor */
  double immob_n_floor;
  double older_immob_h_scale;    /* older adults lose less size (Suetta 2009) */
  double ce_spare;               /* fraction of atrophy spared by training the other side */

  /* Acute fatigue (§11.6). */
  double fatigue_max;
  double fatigue_w0;             /* set-weight for 63 % of fatigue_max */
  double tau_fatigue_fast_h;
  double tau_fatigue_mid_h;
  double tau_fatigue_slow_h;
  double fatigue_fast_share;
  double fatigue_slow_share_failure; /* slow share when every set is to failure */

  /* BDNF, myokines, endocrine (§7, §10). */
  double bdnf_amplitude;         /* acute serum rise of a hard session, fraction */
  double tau_bdnf_min;
  double bdnf_trained_gain;      /* extra amplitude after 8 weeks of training */
  double bdnf_female_scale;
  double bdnf_resting_older;     /* resting rise of older adults after ≥ 8 weeks (× the older weight) */
  double il6_amplitude;          /* acute IL-6 rise of a hard large-muscle session, fraction */
  double testosterone_amplitude; /* men */
  double testosterone_female_scale;
  double gh_fold;                /* acute GH peak, fold over rest */
  double cortisol_amplitude;

  /* Long-term markers with weak evidence. */
  double sync_gain;              /* synchronisation after years of training (cross-sectional) */
  double tau_sync;
  double nmj_gain;               /* NMJ remodelling index (animal data) */
  double tau_nmj;

  /* Individual variability (population runs): log-normal SDs. */
  double sd_hypertrophy;
  double sd_neural;
  double sd_skill;
} NlModelParams;

void             nl_model_params_init_default (NlModelParams *params);
const char      *nl_region_to_string          (NlRegion       region);
/* The region of a catalogue muscle id (lower limb when unknown). */
NlRegion         nl_region_for_muscle         (const char    *muscle);

/* How far an @age (years) is along the older-adult ramp, 0…1. */
double           nl_model_params_older_weight (const NlModelParams *params,
                                               double               age);
/* How far a trainee of @age and @status is along the frail ramp, 0…1: it
 * rises with age only for those whose status says they have been inactive. */
double           nl_model_params_frail_weight (const NlModelParams *params,
                                               double               age,
                                               guint                status);

G_END_DECLS
