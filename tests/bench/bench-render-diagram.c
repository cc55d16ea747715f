/* bench-render-diagram.c — time to draw one signalling-diagram frame
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One frame at 1920 × 1080 into an image surface (goal: under 4 ms), in two
 * ways:
 *  - "cold whole draw": everything drawn with no diagram cache, as the
 *    first frame of a view, every resize and every export pay it (the
 *    process's text shaping is warm after the 10 unmeasured frames; the
 *    very first draw of the process is printed once as well);
 *  - "cached frame": through the NlDiagramCache an animating view uses,
 *    where only the moving parts are redrawn per tick.
 * Prints medians of wall-clock and of this thread's CPU time (the machine
 * may be shared); asserts nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "nl-signal-diagram.h"
#include "../test-render-fixtures.h"

#define RUNS 200

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

/* Median wall and CPU milliseconds of one frame. */
static void
measure (cairo_t              *cr,
         NlDiagramCache       *cache,
         const NlDiagramState *a,
         const NlDiagramState *b,
         const NlRenderStyle  *style,
         int                   w,
         int                   h,
         double               *wall,
         double               *cpu)
{
  double walls[RUNS], cpus[RUNS];

  for (int i = 0; i < RUNS + 10; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      double t = i / 60.0;

      if (cache != NULL)
        nl_signal_diagram_draw_cached (cr, cache, a, b, t, style, w, h);
      else if (b != NULL)
        nl_signal_diagram_draw_compare (cr, b, a, t, style, w, h);
      else
        nl_signal_diagram_draw (cr, a, t, style, w, h);
      /* Wait for the pixels, not only the queued commands. */
      cairo_surface_flush (cairo_get_target (cr));
      if (i >= 10)
        {
          walls[i - 10] = (g_get_monotonic_time () - start) / 1000.0;
          cpus[i - 10] = cpu_ms () - cpu_start;
        }
    }
  qsort (walls, RUNS, sizeof (double), compare_doubles);
  qsort (cpus, RUNS, sizeof (double), compare_doubles);
  *wall = walls[RUNS / 2];
  *cpu = cpus[RUNS / 2];
}

static void
report (const char           *what,
        cairo_t              *cr,
        NlDiagramCache       *cache,
        const NlDiagramState *a,
        const NlDiagramState *b,
        const NlRenderStyle  *style)
{
  double wall, cpu;

  measure (cr, cache, a, b, style, 1920, 1080, &wall, &cpu);
  printf ("%-58s median %6.2f ms wall, %6.2f ms CPU over %d frames (goal < 4 ms)\n",
          what, wall, cpu, RUNS);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NlDiagramState) before = fixture_diagram_state (FALSE);
  g_autoptr(NlDiagramState) after = fixture_diagram_state (TRUE);
  NlRenderStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);

  nl_render_style_init (&style, NL_THEME_LIGHT);
  {
    gint64 start = g_get_monotonic_time ();

    nl_signal_diagram_draw (cr, after, 0, &style, 1920, 1080);
    cairo_surface_flush (surface);
    printf ("%-58s %6.2f ms wall (fonts loaded, text shaped)\n",
            "diagram 1920x1080, first draw of the process",
            (g_get_monotonic_time () - start) / 1000.0);
  }
  report ("diagram 1920x1080, cold whole draw (no cache)", cr, NULL, after, NULL, &style);
  {
    g_autoptr(NlDiagramCache) cache = nl_diagram_cache_new ();
    report ("diagram 1920x1080, cached frame (animating view)", cr, cache, after, NULL, &style);
  }
  nl_render_style_set_presentation (&style, TRUE);
  report ("diagram 1920x1080 presentation, cold whole draw", cr, NULL, after, NULL, &style);
  {
    g_autoptr(NlDiagramCache) cache = nl_diagram_cache_new ();
    report ("diagram 1920x1080 presentation, cached frame", cr, cache, after, NULL, &style);
  }
  nl_render_style_set_presentation (&style, FALSE);
  report ("week 0 | week 8 side by side, cold whole draw", cr, NULL, after, before, &style);
  {
    g_autoptr(NlDiagramCache) cache = nl_diagram_cache_new ();
    report ("week 0 | week 8 side by side, cached frame", cr, cache, after, before, &style);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
