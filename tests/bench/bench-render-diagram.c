/* bench-render-diagram.c — time to draw one signalling-diagram frame
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One frame at 1920 × 1080 into an image surface, the work the window does
 * per animation tick (goal: under 4 ms).  Prints medians; asserts nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

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
median_ms (cairo_t              *cr,
           const NlDiagramState *a,
           const NlDiagramState *b,
           const NlRenderStyle  *style,
           int                   w,
           int                   h)
{
  double times[RUNS];

  for (int i = 0; i < RUNS + 10; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double t = i / 60.0;

      if (b != NULL)
        nl_signal_diagram_draw_compare (cr, a, b, t, style, w, h);
      else
        nl_signal_diagram_draw (cr, a, t, style, w, h);
      /* Wait for the pixels, not only the queued commands. */
      cairo_surface_flush (cairo_get_target (cr));
      if (i >= 10)
        times[i - 10] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
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
  printf ("diagram frame 1920x1080: median %.2f ms over %d frames (goal < 4 ms)\n",
          median_ms (cr, after, NULL, &style, 1920, 1080), RUNS);
  nl_render_style_set_presentation (&style, TRUE);
  printf ("diagram frame 1920x1080, presentation text: median %.2f ms (goal < 4 ms)\n",
          median_ms (cr, after, NULL, &style, 1920, 1080));
  nl_render_style_set_presentation (&style, FALSE);
  printf ("compare frame 1920x1080: median %.2f ms\n",
          median_ms (cr, before, after, &style, 1920, 1080));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
