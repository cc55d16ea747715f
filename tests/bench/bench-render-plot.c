/* bench-render-plot.c — time to draw one trend plot
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four series over 365 days (two stacked shares, a line with a p10–p90
 * band, a line) with three phases and a marker, at 1280 × 720 (goal: under
 * 2 ms), and the hover hit-test.  Prints medians; asserts nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "nl-trend-plot.h"
#include "../test-render-fixtures.h"

#define RUNS 300

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NlPlot) plot = fixture_plot (365);
  NlRenderStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  double times[RUNS], hits[RUNS];
  NlPlotHit hit;

  nl_render_style_init (&style, NL_THEME_LIGHT);
  for (int i = 0; i < RUNS + 10; i++)
    {
      gint64 start = g_get_monotonic_time ();

      plot->selected_day = i % 365;
      nl_trend_plot_draw (cr, plot, &style, 1280, 720);
      cairo_surface_flush (surface);
      if (i >= 10)
        times[i - 10] = (g_get_monotonic_time () - start) / 1000.0;
    }
  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      nl_trend_plot_hit_test (plot, &style, 1280, 720, 100 + i * 3, 400, &hit);
      hits[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  qsort (hits, RUNS, sizeof (double), compare_doubles);
  printf ("plot 4 series x 365 days 1280x720: median %.2f ms over %d draws (goal < 2 ms)\n",
          times[RUNS / 2], RUNS);
  printf ("plot hit-test: median %.3f ms\n", hits[RUNS / 2]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
