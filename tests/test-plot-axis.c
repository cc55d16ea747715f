/* test-plot-axis.c — nice ticks and value ↔ pixel mapping
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "nl-plot-axis.h"

static void
test_nice_number (void)
{
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (0.7, FALSE), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (1.0, FALSE), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (1.2, FALSE), 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (2.2, FALSE), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (3, FALSE), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (6, FALSE), 10.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (0.031, FALSE), 0.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (420, FALSE), 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (1.4, TRUE), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (3.0, TRUE), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_nice_number (8.0, TRUE), 10.0, 1e-12);
}

static void
test_nice_range (void)
{
  NlPlotAxis axis = { 0 };
  double ticks[NL_PLOT_AXIS_MAX_TICKS];
  guint n;

  /* 3.2 … 27.9 in at most 6 intervals: step 5, widened to 0 … 30. */
  nl_plot_axis_set_nice (&axis, 3.2, 27.9, 6);
  g_assert_cmpfloat_with_epsilon (axis.step, 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (axis.min, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (axis.max, 30, 1e-12);
  n = nl_plot_axis_ticks (&axis, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat_with_epsilon (ticks[0], 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ticks[6], 30, 1e-12);

  /* Negative ranges and an exact zero tick (no −0). */
  nl_plot_axis_set_nice (&axis, -4.9, 9.1, 8);
  g_assert_cmpfloat_with_epsilon (axis.step, 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (axis.min, -6, 1e-12);
  g_assert_cmpfloat_with_epsilon (axis.max, 10, 1e-12);
  n = nl_plot_axis_ticks (&axis, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n, ==, 9);
  g_assert_false (signbit (ticks[3]));
  g_assert_cmpfloat (ticks[3], ==, 0.0);

  /* Widening never gives more intervals than asked for. */
  for (double hi = 0.11; hi < 5000; hi *= 1.37)
    for (guint max = 2; max <= 10; max++)
      {
        nl_plot_axis_set_nice (&axis, -hi / 3, hi, max);
        g_assert_cmpfloat ((axis.max - axis.min) / axis.step, <=, max + 1e-9);
        g_assert_cmpfloat (axis.min, <=, -hi / 3);
        g_assert_cmpfloat (axis.max, >=, hi);
      }
}

static void
test_degenerate (void)
{
  NlPlotAxis axis = { 0 };

  /* A flat series still gets a range around its value. */
  nl_plot_axis_set_nice (&axis, 100, 100, 5);
  g_assert_cmpfloat (axis.min, <, 100);
  g_assert_cmpfloat (axis.max, >, 100);
  nl_plot_axis_set_nice (&axis, 0, 0, 5);
  g_assert_cmpfloat (axis.min, <=, 0);
  g_assert_cmpfloat (axis.max, >, 0);
  /* Inverted and non-finite input. */
  nl_plot_axis_set_nice (&axis, 10, 2, 4);
  g_assert_cmpfloat (axis.min, <=, 2);
  g_assert_cmpfloat (axis.max, >=, 10);
  nl_plot_axis_set_nice (&axis, NAN, 3, 4);
  g_assert_true (isfinite (axis.min) && isfinite (axis.max) && axis.max > axis.min);
}

static void
test_day_step (void)
{
  g_assert_cmpfloat (nl_plot_axis_day_step (6, 10), ==, 1);
  g_assert_cmpfloat (nl_plot_axis_day_step (14, 10), ==, 2);
  g_assert_cmpfloat (nl_plot_axis_day_step (42, 8), ==, 7);
  g_assert_cmpfloat (nl_plot_axis_day_step (84, 8), ==, 14);
  g_assert_cmpfloat (nl_plot_axis_day_step (364, 14), ==, 28);
  g_assert_cmpfloat (nl_plot_axis_day_step (364, 4), ==, 91);
  g_assert_cmpfloat (nl_plot_axis_day_step (364 * 10, 4), ==, 364 * 3);
}

static void
test_pixels (void)
{
  NlPlotAxis axis = { 0 };

  /* A y axis: values grow upwards, pixels downwards. */
  nl_plot_axis_set_exact (&axis, 0, 50, 10);
  nl_plot_axis_set_pixels (&axis, 400, 100);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_to_pixel (&axis, 0), 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_to_pixel (&axis, 50), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (nl_plot_axis_to_pixel (&axis, 25), 250, 1e-9);
  for (double v = -10; v <= 60; v += 3.7)
    g_assert_cmpfloat_with_epsilon (nl_plot_axis_from_pixel (&axis, nl_plot_axis_to_pixel (&axis, v)), v, 1e-9);
}

static void
test_format (void)
{
  struct { double value, step; const char *text; } cases[] = {
    { 10, 5, "10" },
    { 2.5, 2.5, "2.5" },
    { 0.25, 0.25, "0.25" },
    { 0.5, 0.5, "0.5" },
    { 0.05, 0.05, "0.05" },
    { -0.0, 1, "0" },
    { 1e-17, 0.1, "0.0" },
    { 1200, 200, "1200" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nl_plot_axis_format (cases[i].value, cases[i].step);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/plot-axis/nice-number", test_nice_number);
  g_test_add_func ("/render/plot-axis/nice-range", test_nice_range);
  g_test_add_func ("/render/plot-axis/degenerate", test_degenerate);
  g_test_add_func ("/render/plot-axis/day-step", test_day_step);
  g_test_add_func ("/render/plot-axis/pixels", test_pixels);
  g_test_add_func ("/render/plot-axis/format", test_format);

  return g_test_run ();
}
