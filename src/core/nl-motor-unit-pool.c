/* nl-motor-unit-pool.c — Fuglevand, Winter & Patla (1993) motor-unit pool
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Equations (SCIENCE.md §2.1, unit i = 1…n in recruitment order):
 *   RTE(i) = exp(a·i), a = ln RR / n                   recruitment threshold
 *   FR(i)  = g_e·(E − RTE(i)) + MFR, capped at PFR(i)  rate coding
 *   PFR(i) = PFR1 − (PFR1 − PFRn)·RTE(i)/RTE(n)        peak rate
 *   P(i)   = exp(b·i), b = ln RP / n                   peak twitch force
 *   T(i)   = T_L·(1/P(i))^(1/c), c = ln RP / ln RT     contraction time
 *   twitch f(t) = P·(t/T)·exp(1 − t/T)                 critically damped
 *   gain: r = T/ISI, S(r) = 1 − exp(−2r³),
 *         g = 1 for r ≤ 0.4, else (S(r)/r)/(S(0.4)/0.4)
 * The gain of each spike is taken from its preceding interval.  At a steady
 * rate FR a unit's mean force is g(T·FR)·P·FR·∫f = g·P·FR·T·e.
 */
#define G_LOG_DOMAIN "nl-motor-unit-pool"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-error.h"
#include "nl-motor-unit-pool.h"

struct _NlMotorUnitPool {
  NlMotorUnitPoolParams params;
  double *threshold;     /* RTE(i) × threshold_scale */
  double *peak_rate;     /* PFR(i) × rate_scale */
  double *twitch;        /* P(i) */
  double *ct;            /* T(i), seconds */
  double  max_excitation;
  double  max_force;     /* Σ steady-state force at E_max, absolute units */
};

#define GAIN_KNEE 0.4

void
nl_motor_unit_pool_params_init (NlMotorUnitPoolParams *params)
{
  g_return_if_fail (params != NULL);

  *params = (NlMotorUnitPoolParams) {
    .n_units = 120,
    .recruitment_range = 17.0,
    .min_rate = 8.0,
    .peak_rate_first = 35.0,
    .peak_rate_last = 25.0,
    .gain = 1.0,
    .twitch_range = 100.0,
    .contraction_time_longest = 0.090,
    .contraction_time_range = 3.0,
    .threshold_scale = 1.0,
    .rate_scale = 1.0,
  };
}

static gboolean
check_range (double       value,
             double       min,
             double       max,
             const char  *name,
             GError     **error)
{
  if (isfinite (value) && value >= min && value <= max)
    return TRUE;
  g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
               _("The motor-unit pool's %s must be between %g and %g (got %g)"),
               name, min, max, value);
  return FALSE;
}

gboolean
nl_motor_unit_pool_params_check (const NlMotorUnitPoolParams  *params,
                                 GError                      **error)
{
  g_return_val_if_fail (params != NULL, FALSE);

  if (params->n_units < 2 || params->n_units > 2000)
    {
      g_set_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID,
                   _("The motor-unit pool needs between 2 and 2000 units (got %u)"),
                   params->n_units);
      return FALSE;
    }
  return check_range (params->recruitment_range, 1.01, 1000, _("recruitment range"), error)
      && check_range (params->min_rate, 0.5, 100, _("minimum rate"), error)
      && check_range (params->peak_rate_first, params->min_rate, 200, _("first unit’s peak rate"), error)
      && check_range (params->peak_rate_last, params->min_rate, 200, _("last unit’s peak rate"), error)
      && check_range (params->gain, 0.01, 100, _("excitatory gain"), error)
      && check_range (params->twitch_range, 1.01, 10000, _("twitch force range"), error)
      && check_range (params->contraction_time_longest, 0.005, 0.5, _("longest contraction time"), error)
      && check_range (params->contraction_time_range, 1.0, 20, _("contraction time range"), error)
      && check_range (params->threshold_scale, 0.1, 10, _("threshold scale"), error)
      && check_range (params->rate_scale, 0.1, 10, _("rate scale"), error);
}

double
nl_motor_unit_pool_spike_gain (double contraction_time,
                               double isi)
{
  double r, s;
  double s_knee = 1.0 - exp (-2.0 * GAIN_KNEE * GAIN_KNEE * GAIN_KNEE);

  if (!(isi > 0.0))
    return 1.0;
  r = contraction_time / isi;
  if (r <= GAIN_KNEE)
    return 1.0;
  s = 1.0 - exp (-2.0 * r * r * r);
  return (s / r) / (s_knee / GAIN_KNEE);
}

/* Absolute mean force of unit @i firing steadily at @rate. */
static double
unit_force_abs (const NlMotorUnitPool *self,
                guint                  i,
                double                 rate)
{
  if (rate <= 0.0)
    return 0.0;
  return nl_motor_unit_pool_spike_gain (self->ct[i], 1.0 / rate)
         * self->twitch[i] * rate * self->ct[i] * G_E;
}

NlMotorUnitPool *
nl_motor_unit_pool_new (const NlMotorUnitPoolParams  *params,
                        GError                      **error)
{
  NlMotorUnitPool *self;
  guint n;
  double a, b, c, rte_n, pfr_drop;

  g_return_val_if_fail (params != NULL, NULL);

  if (!nl_motor_unit_pool_params_check (params, error))
    return NULL;

  n = params->n_units;
  self = g_new0 (NlMotorUnitPool, 1);
  self->params = *params;
  self->threshold = g_new (double, n);
  self->peak_rate = g_new (double, n);
  self->twitch = g_new (double, n);
  self->ct = g_new (double, n);

  a = log (params->recruitment_range) / n;
  b = log (params->twitch_range) / n;
  c = params->contraction_time_range > 1.0
      ? log (params->twitch_range) / log (params->contraction_time_range)
      : INFINITY;
  rte_n = exp (a * n);
  pfr_drop = params->peak_rate_first - params->peak_rate_last;

  for (guint i = 0; i < n; i++)
    {
      double rte = exp (a * (i + 1));

      self->threshold[i] = rte * params->threshold_scale;
      self->peak_rate[i] = (params->peak_rate_first - pfr_drop * rte / rte_n) * params->rate_scale;
      self->twitch[i] = exp (b * (i + 1));
      self->ct[i] = params->contraction_time_longest * pow (1.0 / self->twitch[i], 1.0 / c);
    }

  self->max_excitation = self->threshold[n - 1]
    + (self->peak_rate[n - 1] - params->min_rate) / params->gain;
  /* A unit whose minimum rate exceeds its peak keeps the peak rate. */
  self->max_force = 0.0;
  for (guint i = 0; i < n; i++)
    self->max_force += unit_force_abs (self, i, self->peak_rate[i]);

  return self;
}

void
nl_motor_unit_pool_free (NlMotorUnitPool *self)
{
  if (self == NULL)
    return;
  g_free (self->threshold);
  g_free (self->peak_rate);
  g_free (self->twitch);
  g_free (self->ct);
  g_free (self);
}

const NlMotorUnitPoolParams *
nl_motor_unit_pool_get_params (const NlMotorUnitPool *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->params;
}

guint
nl_motor_unit_pool_get_n_units (const NlMotorUnitPool *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->params.n_units;
}

double
nl_motor_unit_pool_get_max_excitation (const NlMotorUnitPool *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->max_excitation;
}

double
nl_motor_unit_pool_unit_threshold (const NlMotorUnitPool *self,
                                   guint                  unit)
{
  g_return_val_if_fail (self != NULL && unit < self->params.n_units, 0.0);
  return self->threshold[unit];
}

double
nl_motor_unit_pool_unit_peak_rate (const NlMotorUnitPool *self,
                                   guint                  unit)
{
  g_return_val_if_fail (self != NULL && unit < self->params.n_units, 0.0);
  return self->peak_rate[unit];
}

double
nl_motor_unit_pool_unit_twitch_force (const NlMotorUnitPool *self,
                                      guint                  unit)
{
  g_return_val_if_fail (self != NULL && unit < self->params.n_units, 0.0);
  return self->twitch[unit];
}

double
nl_motor_unit_pool_unit_contraction_time (const NlMotorUnitPool *self,
                                          guint                  unit)
{
  g_return_val_if_fail (self != NULL && unit < self->params.n_units, 0.0);
  return self->ct[unit];
}

gboolean
nl_motor_unit_pool_unit_is_recruited (const NlMotorUnitPool *self,
                                      guint                  unit,
                                      double                 excitation)
{
  g_return_val_if_fail (self != NULL && unit < self->params.n_units, FALSE);
  return excitation >= self->threshold[unit];
}

static inline double
rate_at (const NlMotorUnitPool *self,
         guint                  i,
         double                 excitation)
{
  double rate;

  if (excitation < self->threshold[i])
    return 0.0;
  rate = self->params.gain * (excitation - self->threshold[i]) + self->params.min_rate;
  return MIN (rate, self->peak_rate[i]);
}

double
nl_motor_unit_pool_unit_rate (const NlMotorUnitPool *self,
                              guint                  unit,
                              double                 excitation)
{
  g_return_val_if_fail (self != NULL && unit < self->params.n_units, 0.0);
  return rate_at (self, unit, excitation);
}

double
nl_motor_unit_pool_unit_force (const NlMotorUnitPool *self,
                               guint                  unit,
                               double                 excitation)
{
  g_return_val_if_fail (self != NULL && unit < self->params.n_units, 0.0);
  return unit_force_abs (self, unit, rate_at (self, unit, excitation)) / self->max_force;
}

void
nl_motor_unit_pool_evaluate (const NlMotorUnitPool *self,
                             double                 excitation,
                             NlMotorUnitPoolPoint  *out)
{
  double force = 0.0, rate_sum = 0.0;
  guint recruited = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  /* Thresholds rise with the index: stop at the first unit not recruited. */
  for (guint i = 0; i < self->params.n_units && excitation >= self->threshold[i]; i++)
    {
      double rate = rate_at (self, i, excitation);

      force += unit_force_abs (self, i, rate);
      rate_sum += rate;
      recruited++;
    }

  out->excitation = excitation;
  out->force = force / self->max_force;
  out->recruited = recruited;
  out->mean_rate = recruited > 0 ? rate_sum / recruited : 0.0;
}

double
nl_motor_unit_pool_excitation_for_force (const NlMotorUnitPool *self,
                                         double                 force)
{
  double lo = 0.0, hi;

  g_return_val_if_fail (self != NULL, 0.0);

  hi = self->max_excitation;
  if (force <= 0.0)
    return 0.0;
  if (force >= 1.0)
    return hi;

  /* Force is monotonic in excitation: bisect to well below 1e-9. */
  for (guint k = 0; k < 60; k++)
    {
      NlMotorUnitPoolPoint point;
      double mid = 0.5 * (lo + hi);

      nl_motor_unit_pool_evaluate (self, mid, &point);
      if (point.force < force)
        lo = mid;
      else
        hi = mid;
    }
  return 0.5 * (lo + hi);
}

double
nl_motor_unit_pool_simulate (const NlMotorUnitPool *self,
                             double                 excitation,
                             double                 duration_s,
                             double                 isi_cv,
                             guint32                seed)
{
  const double dt = 0.0005;
  g_autoptr(GRand) rand = NULL;
  guint n_steps, start;
  double total = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (duration_s > 0.0 && duration_s <= 600.0, 0.0);

  rand = g_rand_new_with_seed (seed);
  n_steps = (guint) ceil (duration_s / dt);
  start = n_steps / 2;

  for (guint i = 0; i < self->params.n_units; i++)
    {
      double rate = rate_at (self, i, excitation);
      double T = self->ct[i];
      double decay = exp (-dt / T);
      double input_scale = dt * G_E / T * decay;
      double y1 = 0.0, y2 = 0.0, pending = 0.0;
      double mean_isi, next_spike, last_spike = -1.0;

      if (rate <= 0.0)
        continue;

      mean_isi = 1.0 / rate;
      /* Random phase so that units do not fire in lockstep. */
      next_spike = g_rand_double (rand) * mean_isi;

      /* The twitch (t/T)·e^(1−t/T) is the impulse response of a critically
       * damped second-order system; its exact discrete form is the
       * recursion y[k] = 2a·y[k−1] − a²·y[k−2] + (Δ·e/T)·a·u[k−1]. */
      for (guint k = 0; k < n_steps; k++)
        {
          double t = k * dt;
          double y = 2.0 * decay * y1 - decay * decay * y2 + input_scale * pending;

          pending = 0.0;
          while (next_spike <= t)
            {
              double isi = last_spike >= 0.0 ? next_spike - last_spike : mean_isi;
              double interval;

              pending += self->twitch[i] * nl_motor_unit_pool_spike_gain (T, isi);
              last_spike = next_spike;
              /* Gaussian interval, truncated so that a unit never fires
               * twice within 2 ms (its refractory period). */
              interval = mean_isi * (1.0 + isi_cv * ((g_rand_double (rand) + g_rand_double (rand)
                                                      + g_rand_double (rand) + g_rand_double (rand)
                                                      + g_rand_double (rand) + g_rand_double (rand)
                                                      - 3.0) * M_SQRT2));
              next_spike += MAX (interval, 0.002);
            }

          y2 = y1;
          y1 = y;
          if (k >= start)
            total += y;
        }
    }

  return total / (n_steps - start) / self->max_force;
}
