/* bench-render-plot.c — time to draw one trend plot
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four series over 365 days (two stacked shares, a line with a p10–p90
 * band, a line) with three phases and a marker, at 1280 × 720 (goal: under
 * 2 ms): a cold whole draw (no plot cache: what a first draw, a resize or an
 * export costs), a cached frame (through the NlPlotCache a hovering view
 * uses: only the selected day moves), and the hover hit-test.  Prints medians of wall and
 * of this thread's CPU time; asserts nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

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

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
measure (const char          *what,
         cairo_t             *cr,
         NlPlotCache         *cache,
         NlPlot              *plot,
         const NlRenderStyle *style)
{
  double walls[RUNS], cpus[RUNS];

  for (int i = 0; i < RUNS + 10; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      plot->selected_day = i % 365;
      if (cache != NULL)
        nl_trend_plot_draw_cached (cr, cache, plot, style, 1280, 720);
      else
        nl_trend_plot_draw (cr, plot, style, 1280, 720);
      cairo_surface_flush (cairo_get_target (cr));
      if (i >= 10)
        {
          walls[i - 10] = (g_get_monotonic_time () - start) / 1000.0;
          cpus[i - 10] = cpu_ms () - cpu_start;
        }
    }
  qsort (walls, RUNS, sizeof (double), compare_doubles);
  qsort (cpus, RUNS, sizeof (double), compare_doubles);
  printf ("%-56s median %6.2f ms wall, %6.2f ms CPU over %d draws (goal < 2 ms)\n",
          what, walls[RUNS / 2], cpus[RUNS / 2], RUNS);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NlPlot) plot = fixture_plot (365);
  g_autoptr(NlPlotCache) cache = nl_plot_cache_new ();
  NlRenderStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  double hits[RUNS];
  NlPlotHit hit;

  nl_render_style_init (&style, NL_THEME_LIGHT);
  measure ("plot 4 series x 365 days 1280x720, cold whole draw", cr, NULL, plot, &style);
  measure ("plot 4 series x 365 days 1280x720, cached frame (hover)", cr, cache, plot, &style);
  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      nl_trend_plot_hit_test (plot, &style, 1280, 720, 100 + i * 3, 400, &hit);
      hits[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (hits, RUNS, sizeof (double), compare_doubles);
  printf ("plot hit-test: median %.3f ms\n", hits[RUNS / 2]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
