/* test-motor-pool.c — the Fuglevand pool against published golden numbers
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "nl-error.h"
#include "nl-motor-unit-pool.h"

static NlMotorUnitPool *
textbook_pool (void)
{
  NlMotorUnitPoolParams params;
  g_autoptr(GError) error = NULL;
  NlMotorUnitPool *pool;

  nl_motor_unit_pool_params_init (&params);
  pool = nl_motor_unit_pool_new (&params, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pool);
  return pool;
}

/* ANCHORS.md §3.3 test 1: two independent implementations with RR 17,
 * MFR 8 Hz, g 1, PFR 35 → 25 Hz give %Fmax 8.5/41.3/81.9, recruited
 * 81/120/120 and mean rate 11.8/19.3/29.5 Hz at 20/50/80 % excitation. */
static void
test_golden_numbers (void)
{
  g_autoptr(NlMotorUnitPool) pool = textbook_pool ();
  const double effort[] = { 0.2, 0.5, 0.8 };
  const double force[] = { 8.5, 41.3, 81.9 };
  const guint recruited[] = { 81, 120, 120 };
  const double rate[] = { 11.8, 19.3, 29.5 };
  double e_max = nl_motor_unit_pool_get_max_excitation (pool);

  g_assert_cmpfloat_with_epsilon (e_max, 34.0, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (effort); i++)
    {
      NlMotorUnitPoolPoint point;

      nl_motor_unit_pool_evaluate (pool, effort[i] * e_max, &point);
      g_test_message ("effort %.0f %%: force %.2f %%, %u units, %.2f Hz",
                      100 * effort[i], 100 * point.force, point.recruited, point.mean_rate);
      g_assert_cmpfloat (fabs (100.0 * point.force - force[i]), <=, 2.0);
      g_assert_cmpuint (point.recruited, ==, recruited[i]);
      g_assert_cmpfloat (fabs (point.mean_rate - rate[i]), <=, 0.1);
    }
}

static void
test_unit_properties (void)
{
  g_autoptr(NlMotorUnitPool) pool = textbook_pool ();
  guint n = nl_motor_unit_pool_get_n_units (pool);

  g_assert_cmpuint (n, ==, 120);
  /* Thresholds exp(a·i), a = ln RR / n: the last is RR. */
  g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_unit_threshold (pool, n - 1), 17.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_unit_threshold (pool, 0), exp (log (17.0) / 120), 1e-12);
  /* Twitch forces span RP = 100; contraction times 90 ms → 30 ms. */
  g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_unit_twitch_force (pool, n - 1), 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_unit_contraction_time (pool, n - 1), 0.030, 1e-9);
  g_assert_cmpfloat (nl_motor_unit_pool_unit_contraction_time (pool, 0), >, 0.089);
  /* Peak rates 35 → 25 Hz. */
  g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_unit_peak_rate (pool, n - 1), 25.0, 1e-9);
  g_assert_cmpfloat (nl_motor_unit_pool_unit_peak_rate (pool, 0), >, 34.0);

  for (guint i = 1; i < n; i++)
    {
      g_assert_cmpfloat (nl_motor_unit_pool_unit_threshold (pool, i), >, nl_motor_unit_pool_unit_threshold (pool, i - 1));
      g_assert_cmpfloat (nl_motor_unit_pool_unit_twitch_force (pool, i), >, nl_motor_unit_pool_unit_twitch_force (pool, i - 1));
      g_assert_cmpfloat (nl_motor_unit_pool_unit_contraction_time (pool, i), <, nl_motor_unit_pool_unit_contraction_time (pool, i - 1));
    }

  /* Rate coding: minimum rate at threshold, +g_e per unit, capped. */
  {
    double thr = nl_motor_unit_pool_unit_threshold (pool, 10);

    g_assert_false (nl_motor_unit_pool_unit_is_recruited (pool, 10, thr - 1e-6));
    g_assert_cmpfloat (nl_motor_unit_pool_unit_rate (pool, 10, thr - 1e-6), ==, 0.0);
    g_assert_true (nl_motor_unit_pool_unit_is_recruited (pool, 10, thr));
    g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_unit_rate (pool, 10, thr), 8.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_unit_rate (pool, 10, thr + 5.0), 13.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_unit_rate (pool, 10, 1000.0),
                                    nl_motor_unit_pool_unit_peak_rate (pool, 10), 1e-9);
  }
}

static void
test_gain (void)
{
  /* Below r = T/ISI = 0.4 the gain is 1; S(r)/r first rises (summation of
   * partly fused twitches), peaks, then falls as 1/r (fusion saturates). */
  g_assert_cmpfloat (nl_motor_unit_pool_spike_gain (0.030, 0.1), ==, 1.0);
  g_assert_cmpfloat (nl_motor_unit_pool_spike_gain (0.040, 0.1), ==, 1.0);
  g_assert_cmpfloat (nl_motor_unit_pool_spike_gain (0.090, 1.0 / 60), <, 1.0);
  g_assert_cmpfloat (nl_motor_unit_pool_spike_gain (0.090, 1.0 / 60), <,
                     nl_motor_unit_pool_spike_gain (0.090, 1.0 / 35));
  g_assert_cmpfloat (nl_motor_unit_pool_spike_gain (0.050, 0.1), >, 1.0);
  g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_spike_gain (0.090, 1.0 / 60),
                                  ((1.0 - exp (-2.0 * 5.4 * 5.4 * 5.4)) / 5.4)
                                  / ((1.0 - exp (-2.0 * 0.064)) / 0.4), 1e-9);
  /* Continuity at the knee. */
  g_assert_cmpfloat_with_epsilon (nl_motor_unit_pool_spike_gain (0.040, 0.1 - 1e-9), 1.0, 1e-6);
}

static void
test_monotonic_sweep (void)
{
  g_autoptr(NlMotorUnitPool) pool = textbook_pool ();
  double e_max = nl_motor_unit_pool_get_max_excitation (pool);
  NlMotorUnitPoolPoint previous = { 0 };

  for (guint k = 0; k <= 100; k++)
    {
      NlMotorUnitPoolPoint point;

      nl_motor_unit_pool_evaluate (pool, e_max * k / 100.0, &point);
      g_assert_cmpfloat (point.force, >=, previous.force);
      g_assert_cmpuint (point.recruited, >=, previous.recruited);
      g_assert_cmpfloat (point.force, <=, 1.0 + 1e-12);
      previous = point;
    }
  g_assert_cmpfloat_with_epsilon (previous.force, 1.0, 1e-12);

  /* The inverse finds the excitation of a force (within the step that
   * recruiting one more unit at its minimum rate adds). */
  for (guint k = 1; k < 10; k++)
    {
      NlMotorUnitPoolPoint point;
      double e = nl_motor_unit_pool_excitation_for_force (pool, k / 10.0);

      nl_motor_unit_pool_evaluate (pool, e, &point);
      g_assert_cmpfloat (fabs (point.force - k / 10.0), <, 0.02);
    }
}

/* The time-domain simulation (spikes with variable intervals, gain from
 * each preceding interval) agrees with the steady-state formula. */
static void
test_time_domain (void)
{
  g_autoptr(NlMotorUnitPool) pool = textbook_pool ();
  double e_max = nl_motor_unit_pool_get_max_excitation (pool);
  const double effort[] = { 0.2, 0.5, 0.8 };

  for (guint i = 0; i < G_N_ELEMENTS (effort); i++)
    {
      NlMotorUnitPoolPoint point;
      double exact, noisy;

      nl_motor_unit_pool_evaluate (pool, effort[i] * e_max, &point);
      exact = nl_motor_unit_pool_simulate (pool, effort[i] * e_max, 4.0, 0.0, 1);
      noisy = nl_motor_unit_pool_simulate (pool, effort[i] * e_max, 4.0, 0.2, 7);
      g_test_message ("effort %.0f %%: steady %.2f, regular %.2f, cv 0.2 %.2f",
                      100 * effort[i], 100 * point.force, 100 * exact, 100 * noisy);
      g_assert_cmpfloat (fabs (exact - point.force), <, 0.01);
      g_assert_cmpfloat (fabs (noisy - point.force), <, 0.03);
    }
  /* Same seed, same result. */
  g_assert_cmpfloat (nl_motor_unit_pool_simulate (pool, 20.0, 1.0, 0.2, 3), ==,
                     nl_motor_unit_pool_simulate (pool, 20.0, 1.0, 0.2, 3));
}

static void
test_training_shifts (void)
{
  NlMotorUnitPoolParams params;
  g_autoptr(NlMotorUnitPool) base = NULL;
  g_autoptr(NlMotorUnitPool) trained = NULL;
  NlMotorUnitPoolPoint a, b;

  nl_motor_unit_pool_params_init (&params);
  base = nl_motor_unit_pool_new (&params, NULL);
  params.rate_scale = 1.15;
  params.threshold_scale = 0.86;
  trained = nl_motor_unit_pool_new (&params, NULL);

  g_assert_cmpfloat (nl_motor_unit_pool_unit_peak_rate (trained, 0), >, nl_motor_unit_pool_unit_peak_rate (base, 0));
  g_assert_cmpfloat (nl_motor_unit_pool_unit_threshold (trained, 50), <, nl_motor_unit_pool_unit_threshold (base, 50));
  /* At the same excitation more units fire in the trained pool. */
  nl_motor_unit_pool_evaluate (base, 10.0, &a);
  nl_motor_unit_pool_evaluate (trained, 10.0, &b);
  g_assert_cmpuint (b.recruited, >, a.recruited);
}

static void
test_bad_params (void)
{
  NlMotorUnitPoolParams params;
  g_autoptr(GError) error = NULL;
  NlMotorUnitPool *pool;

  nl_motor_unit_pool_params_init (&params);
  params.n_units = 1;
  pool = nl_motor_unit_pool_new (&params, &error);
  g_assert_null (pool);
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  nl_motor_unit_pool_params_init (&params);
  params.peak_rate_last = 4.0;   /* below the minimum rate */
  g_assert_false (nl_motor_unit_pool_params_check (&params, &error));
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  nl_motor_unit_pool_params_init (&params);
  params.recruitment_range = NAN;
  g_assert_false (nl_motor_unit_pool_params_check (&params, &error));
  g_assert_error (error, NL_MODEL_ERROR, NL_MODEL_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/motor-pool/golden", test_golden_numbers);
  g_test_add_func ("/model/motor-pool/units", test_unit_properties);
  g_test_add_func ("/model/motor-pool/gain", test_gain);
  g_test_add_func ("/model/motor-pool/sweep", test_monotonic_sweep);
  g_test_add_func ("/model/motor-pool/time-domain", test_time_domain);
  g_test_add_func ("/model/motor-pool/training-shifts", test_training_shifts);
  g_test_add_func ("/model/motor-pool/bad-params", test_bad_params);

  return g_test_run ();
}
