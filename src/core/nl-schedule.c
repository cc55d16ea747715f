/* nl-schedule.c — a programme turned into per-day training doses
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Session stimulus, SCIENCE.md §11.3: for a set of r reps at load ℓ with R
 * reps in reserve (RM = r + R), the capacity falls linearly from 1 to ℓ at
 * rep RM, so rep k demands f_k = ℓ / (1 − (1 − ℓ)(k − 1)/(RM − 1)) of the
 * rested maximum.  A rep counts fully for hypertrophy when f_k ≥ θ (the
 * force at which recruitment completes) and (f_k/θ)^γ otherwise; it counts
 * max(0, (f_k − 0.5)/0.5) for the neural stimulus.
 */
#define G_LOG_DOMAIN "nl-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nl-catalog.h"
#include "nl-error.h"
#include "nl-schedule-private.h"

typedef struct {
  double hyp;
  double neural;
  double effort;
} RepCredit;

static double
mass_factor (NlRegion region)
{
  return region == NL_REGION_HAND ? 0.25 : 1.0;
}

/* Effective (hypertrophy) and neural credit of one set. */
static RepCredit
set_credit (double              load,
            guint               reps,
            guint               rir,
            double              theta,
            const NlModelParams *params)
{
  RepCredit credit = { 0.0, 0.0, 0.0 };
  double rm = reps + rir;
  double peak = 0.0;

  for (guint k = 1; k <= reps; k++)
    {
      double capacity = rm > 1.0 ? 1.0 - (1.0 - load) * (k - 1) / (rm - 1.0) : 1.0;
      double f = MIN (1.0, load / MAX (capacity, load));

      credit.hyp += f >= theta ? 1.0 : pow (f / theta, params->gamma);
      credit.neural += MAX (0.0, (f - 0.5) / 0.5);
      peak = MAX (peak, f);
    }
  /* How close the hardest rep came to a maximal effort sets how much of the
   * neural headroom the set can reach: maximal (to-failure) efforts train
   * maximal activation, submaximal ones less (docs/model.md §5.1). */
  credit.effort = pow (MAX (0.0, (peak - 0.5) / 0.5), params->effort_exponent);
  return credit;
}

static guint
find_muscle (GPtrArray  *muscles,
             const char *muscle)
{
  for (guint i = 0; i < muscles->len; i++)
    if (g_str_equal (g_ptr_array_index (muscles, i), muscle))
      return i;
  return G_MAXUINT;
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const NlScheduleSession *sa = a, *sb = b;

  return (int) sa->day - (int) sb->day;
}

/* Peak discharge rate and recruitment ceiling over neural progress q. */
static void
fill_pool_tables (NlScheduleMuscle    *muscle,
                  const NlModelParams *params,
                  guint                age)
{
  const NlRegionParams *rp = &params->region[muscle->region];
  /* Linear in age between the young and the older cohorts (docs/model.md §5.10). */
  double older = nl_model_params_older_weight (params, age);
  double rate_gain = params->rate_gain_young + older * (params->rate_gain_older - params->rate_gain_young);
  double rate_scale = 1.0 + older * (params->older_rate_scale - 1.0);

  nl_motor_unit_pool_params_init (&muscle->pool);
  muscle->pool.recruitment_range = rp->recruitment_range;
  if (older > 0.0)
    {
      muscle->pool.peak_rate_first *= rate_scale;
      muscle->pool.peak_rate_last *= rate_scale;
      muscle->pool.min_rate = MIN (muscle->pool.min_rate, muscle->pool.peak_rate_last);
    }
  muscle->va0 = rp->voluntary_activation;

  for (guint i = 0; i < NL_SCHEDULE_TABLE_POINTS; i++)
    {
      double q = NL_SCHEDULE_Q_MIN + (NL_SCHEDULE_Q_MAX - NL_SCHEDULE_Q_MIN) * i / (NL_SCHEDULE_TABLE_POINTS - 1);
      NlMotorUnitPoolParams pp = muscle->pool;
      g_autoptr(NlMotorUnitPool) pool = NULL;
      NlMotorUnitPoolPoint mvc, last;
      double v = CLAMP (rp->voluntary_activation * (1.0 + rp->va_gain * q), 0.3, 1.0);
      double last_threshold;

      pp.rate_scale = CLAMP (1.0 + rate_gain * q, 0.5, 2.0);
      pp.threshold_scale = CLAMP (1.0 - params->threshold_drop * q, 0.5, 1.5);
      pool = nl_motor_unit_pool_new (&pp, NULL);
      g_assert (pool != NULL);

      nl_motor_unit_pool_evaluate (pool, v * nl_motor_unit_pool_get_max_excitation (pool), &mvc);
      last_threshold = nl_motor_unit_pool_unit_threshold (pool, pp.n_units - 1);
      nl_motor_unit_pool_evaluate (pool, last_threshold, &last);
      muscle->peak_rate[i] = mvc.mean_rate;
      muscle->ceiling[i] = mvc.force > 0.0 ? MIN (100.0, 100.0 * last.force / mvc.force) : 100.0;
    }
}

/* T_max − 1 of an exercise: the catalogue's skill class where it gives one
 * (docs/model.md §5.2), otherwise by joint count. */
static double
skill_headroom (const char          *exercise,
                gboolean             multi,
                const NlModelParams *params)
{
  const NlExerciseInfo *info = nl_catalog_lookup_exercise (nl_catalog_get_default (), exercise);

  if (info != NULL && info->skill == NL_SKILL_LOW)
    return params->skill_low;
  if (info != NULL && info->skill == NL_SKILL_HIGH)
    return params->skill_high;
  return multi ? params->skill_multi : params->skill_single;
}

static guint
exercise_index (NlScheduleMuscle *muscle,
                const char       *exercise)
{
  for (guint i = 0; i < muscle->n_exercises; i++)
    if (g_str_equal (muscle->exercises[i], exercise))
      return i;
  g_assert_not_reached ();
  return 0;
}

NlSchedule *
_nl_schedule_new (const NlProgramSnapshot  *snapshot,
                  const NlModelParams      *params,
                  guint                     extend_days,
                  GError                  **error)
{
  g_autoptr(NlSchedule) self = g_new0 (NlSchedule, 1);
  g_autoptr(GPtrArray) muscle_ids = g_ptr_array_new ();
  g_autoptr(GArray) sessions = g_array_new (FALSE, TRUE, sizeof (NlScheduleSession));
  g_autoptr(GPtrArray) exercise_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  guint n_tracks;
  guint training_weeks = 0;

  if (snapshot->n_days == 0)
    {
      g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
                   _("The programme has no weeks to simulate"));
      return NULL;
    }

  self->programme_days = snapshot->n_days;
  self->n_days = snapshot->n_days + extend_days;
  self->age = snapshot->age;
  self->sex = snapshot->sex;
  self->status = snapshot->training_status;

  /* Muscles in order of first appearance, with the work of each exercise. */
  for (guint p = 0; p < snapshot->n_phases; p++)
    {
      const NlSnapshotPhase *phase = &snapshot->phases[p];

      for (guint s = 0; s < phase->n_sessions; s++)
        for (guint k = 0; k < phase->sessions[s].n_sets; k++)
          {
            const NlSnapshotSets *sets = &phase->sessions[s].sets[k];
            GHashTable *work;
            double *w;
            guint m;

            if (sets->muscle == NULL || sets->exercise_id == NULL)
              continue;
            m = find_muscle (muscle_ids, sets->muscle);
            if (m == G_MAXUINT)
              {
                g_ptr_array_add (muscle_ids, (gpointer) sets->muscle);
                g_ptr_array_add (exercise_lists,
                                 g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free));
                m = muscle_ids->len - 1;
              }
            work = g_ptr_array_index (exercise_lists, m);
            w = g_hash_table_lookup (work, sets->exercise_id);
            if (w == NULL)
              {
                w = g_new0 (double, 3);
                w[1] = sets->mode == NL_MODE_ISOMETRIC ? 1.0 : 0.0;
                w[2] = sets->joints == NL_JOINTS_MULTI ? 1.0 : 0.0;
                g_hash_table_insert (work, (gpointer) sets->exercise_id, w);
              }
            w[0] += (double) sets->count * sets->reps * phase->weeks;
          }
    }

  self->n_muscles = muscle_ids->len;
  self->muscles = g_new0 (NlScheduleMuscle, self->n_muscles);
  n_tracks = 2 * self->n_muscles;

  for (guint m = 0; m < self->n_muscles; m++)
    {
      NlScheduleMuscle *muscle = &self->muscles[m];
      GHashTable *work = g_ptr_array_index (exercise_lists, m);
      GHashTableIter iter;
      gpointer key, value;
      const char *best = NULL;
      double best_work = -1.0;
      guint i = 1;

      muscle->muscle = g_strdup (g_ptr_array_index (muscle_ids, m));
      muscle->region = nl_region_for_muscle (muscle->muscle);
      muscle->n_exercises = g_hash_table_size (work);
      muscle->exercises = g_new0 (char *, muscle->n_exercises + 1);
      muscle->skill_headroom = g_new0 (double, muscle->n_exercises);

      g_hash_table_iter_init (&iter, work);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          double w = ((double *) value)[0];

          /* Ties: the alphabetically first id, so the choice is stable. */
          if (w > best_work || (w == best_work && g_strcmp0 (key, best) < 0))
            {
              best_work = w;
              best = key;
              muscle->main_isometric = ((double *) value)[1] > 0.0;
            }
        }
      muscle->exercises[0] = g_strdup (best);
      muscle->skill_headroom[0] = skill_headroom (best, ((double *) g_hash_table_lookup (work, best))[2] > 0.0, params);
      g_hash_table_iter_init (&iter, work);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_str_equal (key, best))
          {
            muscle->skill_headroom[i] = skill_headroom (key, ((double *) value)[2] > 0.0, params);
            muscle->exercises[i++] = g_strdup (key);
          }

      /* Muscles of one region share their pool tables. */
      for (guint prev = 0; prev < m; prev++)
        if (self->muscles[prev].region == muscle->region)
          {
            muscle->pool = self->muscles[prev].pool;
            muscle->va0 = self->muscles[prev].va0;
            memcpy (muscle->peak_rate, self->muscles[prev].peak_rate, sizeof muscle->peak_rate);
            memcpy (muscle->ceiling, self->muscles[prev].ceiling, sizeof muscle->ceiling);
            break;
          }
      if (muscle->va0 == 0.0)
        fill_pool_tables (muscle, params, self->age);
    }

  self->n_phases = snapshot->n_phases;
  self->phase_names = g_new0 (char *, snapshot->n_phases + 1);
  self->phase_kinds = g_new0 (guint, snapshot->n_phases);
  self->phase_first_day = g_new0 (guint, snapshot->n_phases);
  self->phase_days = g_new0 (guint, snapshot->n_phases);
  for (guint p = 0; p < snapshot->n_phases; p++)
    {
      self->phase_names[p] = g_strdup (snapshot->phases[p].name);
      self->phase_kinds[p] = snapshot->phases[p].kind;
      self->phase_first_day[p] = snapshot->phases[p].first_day;
      self->phase_days[p] = 7 * snapshot->phases[p].weeks;
    }

  self->immobilized = g_new0 (guint8, self->n_days);
  self->phase_kind = g_new0 (guint8, self->n_days);
  for (guint d = 0; d < self->n_days; d++)
    self->phase_kind[d] = NL_PHASE_DETRAINING;

  for (guint p = 0; p < snapshot->n_phases; p++)
    {
      const NlSnapshotPhase *phase = &snapshot->phases[p];
      NlLimbs limbs = phase->immobilized;

      if (phase->kind == NL_PHASE_IMMOBILIZATION && limbs == NL_LIMB_NONE)
        limbs = NL_LIMB_BOTH;
      for (guint d = phase->first_day; d < phase->first_day + 7 * phase->weeks && d < self->n_days; d++)
        {
          self->immobilized[d] = limbs;
          self->phase_kind[d] = phase->kind;
        }

      for (guint w = 0; w < phase->weeks; w++)
        {
          guint sessions_this_week = 0;

          for (guint s = 0; s < phase->n_sessions; s++)
            {
              const NlSnapshotSession *session = &phase->sessions[s];
              NlScheduleSession out = { 0 };
              double hard_mass = 0.0, stress = 0.0;
              gboolean any = FALSE;
              g_autofree double *iso_reps = NULL;

              if (session->day < 1 || session->day > 7)
                continue;
              out.day = phase->first_day + 7 * w + session->day - 1;
              out.doses = g_new0 (NlTrackDose, n_tracks);
              iso_reps = g_new0 (double, n_tracks);

              for (guint k = 0; k < session->n_sets; k++)
                {
                  const NlSnapshotSets *sets = &session->sets[k];
                  const NlRegionParams *rp;
                  NlScheduleMuscle *muscle;
                  RepCredit credit;
                  double load, theta, mode_weight, rest_factor, hyp_weight = 1.0;
                  guint m, e;

                  if (sets->muscle == NULL || sets->exercise_id == NULL || sets->count == 0 || sets->reps == 0)
                    continue;
                  m = find_muscle (muscle_ids, sets->muscle);
                  if (m == G_MAXUINT)
                    continue;
                  muscle = &self->muscles[m];
                  rp = &params->region[muscle->region];
                  e = exercise_index (muscle, sets->exercise_id);

                  load = CLAMP ((sets->load_pct + phase->load_pct_per_week * w) / 100.0, 0.01, 1.2);
                  theta = rp->theta * (sets->bfr ? params->bfr_theta_scale : 1.0);
                  credit = set_credit (MIN (load, 1.0), sets->reps, sets->rir, theta, params);
                  mode_weight = sets->mode == NL_MODE_ISOMETRIC ? params->c_isometric
                                : sets->mode == NL_MODE_ECCENTRIC ? params->c_eccentric : 1.0;
                  credit.neural *= mode_weight;
                  if (sets->mode == NL_MODE_ECCENTRIC)
                    {
                      /* Eccentric overload demands more force than a
                       * concentric maximum: it reaches further into the
                       * neural headroom and grows more (docs/model.md §4). */
                      credit.effort *= params->c_eccentric;
                      hyp_weight = params->h_eccentric;
                    }
                  if (sets->mode == NL_MODE_BALLISTIC)
                    {
                      /* Ballistic reps are made with maximal intent (Van Cutsem 1998). */
                      credit.neural += params->ballistic_bonus * sets->reps;
                      credit.effort = 1.0;
                    }

                  for (guint side = 0; side < 2; side++)
                    {
                      NlLimbs limb = side == 0 ? NL_LIMB_LEFT : NL_LIMB_RIGHT;
                      NlTrackDose *dose = &out.doses[2 * m + side];

                      if (sets->side == NL_SIDE_LEFT && side != 0)
                        continue;
                      if (sets->side == NL_SIDE_RIGHT && side != 1)
                        continue;
                      /* A limb in a cast cannot train. */
                      if (limbs & limb)
                        continue;

                      dose->hyp_reps += credit.hyp * sets->count;
                      dose->hyp_weight += hyp_weight * credit.hyp * sets->count;
                      dose->neural_stim += credit.neural * sets->count;
                      dose->effort = MAX (dose->effort, credit.effort);
                      /* Summed here, divided by the work below. */
                      dose->transfer += (sets->mode == NL_MODE_ISOMETRIC ? params->c_isometric : 1.0)
                                        * sets->count * sets->reps;
                      if (sets->mode == NL_MODE_BALLISTIC)
                        dose->ballistic_dose += (double) sets->count * sets->reps;
                      dose->work += (double) sets->count * sets->reps;
                      if (dose->skill_dose == NULL)
                        dose->skill_dose = g_new0 (double, muscle->n_exercises);
                      dose->skill_dose[e] += (double) sets->count * sets->reps;
                      if (sets->mode == NL_MODE_ISOMETRIC)
                        iso_reps[2 * m + side] += (double) sets->count * sets->reps;
                      /* Fatigue accumulators, turned into compartments below:
                       * set weight, failure-weighted sets, sets. */
                      dose->fatigue[0] += (double) sets->reps / (1.0 + sets->rir) * sets->count;
                      dose->fatigue[1] += sets->count * MAX (0.0, 1.0 - sets->rir / 2.0);
                      dose->fatigue[2] += sets->count;
                      muscle->work[side] += (double) sets->count * sets->reps;
                      any = TRUE;
                    }

                  rest_factor = sets->rest_s == 0 ? 1.0 : sets->rest_s <= 90 ? 1.3 : sets->rest_s >= 180 ? 0.7 : 1.0;
                  if (sets->rir <= 3)
                    hard_mass += sets->count * mass_factor (muscle->region);
                  stress += sets->count * mass_factor (muscle->region) * rest_factor * (sets->rir <= 3 ? 1.0 : 0.5);
                }

              if (!any)
                {
                  g_free (out.doses);
                  continue;
                }

              for (guint t = 0; t < n_tracks; t++)
                {
                  NlTrackDose *dose = &out.doses[t];
                  double weight, failure, total, loss, slow;

                  if (dose->work <= 0.0)
                    continue;
                  /* Eccentric work weighs more, after the per-session saturation. */
                  dose->hyp_weight = dose->hyp_reps > 0.0 ? dose->hyp_weight / dose->hyp_reps : 1.0;
                  dose->hyp_dose = (1.0 - exp (-dose->hyp_reps / params->hyp_half)) * dose->hyp_weight;
                  dose->transfer /= dose->work;
                  dose->neural_dose = 1.0 - exp (-dose->neural_stim / params->neural_half);
                  dose->iso_dose = 1.0 - exp (-iso_reps[t] / params->skill_half);
                  dose->ballistic_dose = 1.0 - exp (-dose->ballistic_dose / params->skill_half);
                  for (guint e = 0; e < self->muscles[t / 2].n_exercises; e++)
                    dose->skill_dose[e] = 1.0 - exp (-dose->skill_dose[e] / params->skill_half);

                  weight = dose->fatigue[0];
                  failure = dose->fatigue[2] > 0 ? dose->fatigue[1] / dose->fatigue[2] : 0.0;
                  loss = params->fatigue_max * (1.0 - exp (-weight / params->fatigue_w0));
                  slow = params->fatigue_slow_share_failure * failure;
                  total = loss;
                  dose->fatigue[0] = total * params->fatigue_fast_share;
                  dose->fatigue[2] = total * slow;
                  dose->fatigue[1] = total * MAX (0.0, 1.0 - params->fatigue_fast_share - slow);
                }

              out.bdnf = params->bdnf_amplitude * MIN (1.0, hard_mass / 4.0);
              if (self->sex == NL_SEX_FEMALE)
                out.bdnf *= params->bdnf_female_scale;
              else if (self->sex == NL_SEX_UNSPECIFIED)
                out.bdnf *= 0.5 * (1.0 + params->bdnf_female_scale);
              out.il6 = params->il6_amplitude * MIN (1.0, hard_mass / 12.0);
              out.stress = MIN (1.0, stress / 20.0);
              g_array_append_val (sessions, out);
              sessions_this_week++;
            }
          if (phase->kind == NL_PHASE_TRAINING && sessions_this_week >= 2)
            training_weeks++;
        }
    }

  /* A muscle whose two sides get the same doses (and casts) on every day
   * has identical sides: population runs simulate one and copy it. */
  for (guint m = 0; m < self->n_muscles; m++)
    {
      NlScheduleMuscle *muscle = &self->muscles[m];
      gboolean same = TRUE;

      for (guint d = 0; d < self->n_days && same; d++)
        same = self->immobilized[d] == NL_LIMB_NONE || self->immobilized[d] == NL_LIMB_BOTH;
      for (guint k = 0; k < sessions->len && same; k++)
        {
          const NlTrackDose *l = &g_array_index (sessions, NlScheduleSession, k).doses[2 * m];
          const NlTrackDose *r = l + 1;

          same = l->hyp_reps == r->hyp_reps && l->hyp_weight == r->hyp_weight
                 && l->neural_stim == r->neural_stim
                 && l->effort == r->effort && l->transfer == r->transfer
                 && l->ballistic_dose == r->ballistic_dose
                 && l->iso_dose == r->iso_dose && l->work == r->work
                 && memcmp (l->fatigue, r->fatigue, sizeof l->fatigue) == 0
                 && (l->skill_dose == NULL) == (r->skill_dose == NULL)
                 && (l->skill_dose == NULL
                     || memcmp (l->skill_dose, r->skill_dose, muscle->n_exercises * sizeof (double)) == 0);
        }
      muscle->symmetric = same;
    }

  g_array_sort (sessions, compare_sessions);
  self->n_sessions = sessions->len;
  self->sessions = (NlScheduleSession *) g_array_free (g_steal_pointer (&sessions), FALSE);
  self->effects_apply = training_weeks >= 8;

  return g_steal_pointer (&self);
}

void
_nl_schedule_free (NlSchedule *self)
{
  if (self == NULL)
    return;

  for (guint s = 0; s < self->n_sessions; s++)
    {
      for (guint t = 0; t < 2 * self->n_muscles; t++)
        g_free (self->sessions[s].doses[t].skill_dose);
      g_free (self->sessions[s].doses);
    }
  g_free (self->sessions);
  for (guint m = 0; m < self->n_muscles; m++)
    {
      g_free (self->muscles[m].muscle);
      g_strfreev (self->muscles[m].exercises);
      g_free (self->muscles[m].skill_headroom);
    }
  g_free (self->muscles);
  g_free (self->immobilized);
  g_free (self->phase_kind);
  for (guint p = 0; p < self->n_phases; p++)
    g_free (self->phase_names[p]);
  g_free (self->phase_names);
  g_free (self->phase_kinds);
  g_free (self->phase_first_day);
  g_free (self->phase_days);
  g_free (self);
}
