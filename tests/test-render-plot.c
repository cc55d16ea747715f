/* test-render-plot.c — trend plots: hit-testing, stacking, phases, marker
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "nl-layout-record.h"
#include "nl-trend-plot.h"
#include "test-render-fixtures.h"

#define W 960
#define H 540

static void
style_init (NlRenderStyle *style)
{
  nl_render_style_init (style, NL_THEME_LIGHT);
  nl_render_style_set_font (style, "DejaVu Sans", 11);
}

/* Draws @plot and returns the data area the drawing recorded. */
static NlRect
draw_plot (const NlPlot        *plot,
           const NlRenderStyle *style,
           cairo_surface_t    **out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(NlLayoutRecord) record = nl_layout_record_new ();
  NlRect area = { 0 };
  gboolean found = FALSE;

  nl_layout_record_attach (record, cr);
  nl_trend_plot_draw (cr, plot, style, W, H);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint i = 0; i < nl_layout_record_get_n (record); i++)
    {
      const NlLayoutElement *e = nl_layout_record_get_nth (record, i);
      if (g_str_equal (e->name, "data area"))
        {
          area = e->rect;
          found = TRUE;
        }
    }
  g_assert_true (found);
  if (out != NULL)
    *out = surface;
  else
    cairo_surface_destroy (surface);
  return area;
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          int             *r,
          int             *g,
          int             *b)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 px = *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + 4 * (int) x);

  *r = (px >> 16) & 0xff;
  *g = (px >> 8) & 0xff;
  *b = px & 0xff;
}

static void
test_hit_test (void)
{
  NlRenderStyle style;
  g_autoptr(NlPlot) plot = fixture_plot (365);
  NlRect area;
  NlPlotHit hit;

  style_init (&style);
  area = draw_plot (plot, &style, NULL);

  /* The fixture spans days 0…364 exactly (phases end on the last day). */
  for (double day = 0; day <= 364; day += 13)
    {
      double x = area.x + day / 364 * area.width;

      g_assert_true (nl_trend_plot_hit_test (plot, &style, W, H, x, area.y + area.height / 2, &hit));
      g_assert_cmpfloat_with_epsilon (hit.day, day, 0.51);
      g_assert_cmpuint (hit.n_values, ==, plot->series->len);
      for (guint k = 0; k < plot->series->len; k++)
        {
          const NlPlotSeries *series = g_ptr_array_index (plot->series, k);
          g_assert_cmpfloat_with_epsilon (hit.values[k], series->y[(guint) hit.day], 1e-12);
        }
    }

  /* Outside the data area: nothing. */
  g_assert_false (nl_trend_plot_hit_test (plot, &style, W, H, area.x - 2, area.y + 10, &hit));
  g_assert_false (nl_trend_plot_hit_test (plot, &style, W, H, area.x + 10, area.y - 2, &hit));
  g_assert_false (nl_trend_plot_hit_test (plot, &style, W, H, area.x + 10,
                                          area.y + area.height + 2, &hit));
  g_assert_false (nl_trend_plot_hit_test (plot, &style, 0, 0, 1, 1, &hit));

  /* The area a view draws its guide line through is the drawn one. */
  {
    double x, y, width, height;

    g_assert_true (nl_trend_plot_get_data_area (plot, &style, W, H, &x, &y, &width, &height));
    g_assert_cmpfloat_with_epsilon (x, area.x, 1e-9);
    g_assert_cmpfloat_with_epsilon (y, area.y, 1e-9);
    g_assert_cmpfloat_with_epsilon (width, area.width, 1e-9);
    g_assert_cmpfloat_with_epsilon (height, area.height, 1e-9);
    g_assert_false (nl_trend_plot_get_data_area (plot, &style, 0, H, &x, &y, &width, &height));
  }
}

/* The stacked shares lie on top of each other: below the neural top edge
 * is the neural colour, between it and the total the muscular one. */
static void
test_stacked_areas (void)
{
  NlRenderStyle style;
  g_autoptr(NlPlot) plot = nl_plot_new ("Stack", "Strength", "%");
  double x[2] = { 0, 100 }, a[2] = { 10, 10 }, b[2] = { 18, 18 };
  cairo_surface_t *surface;
  NlRect area;
  NlPlotHit hit;
  int r, g, bl;
  double y_of_5, y_of_20;

  style_init (&style);
  nl_plot_add_series (plot, NL_PLOT_STACKED_AREA, "A", x, a, 2);
  nl_plot_add_series (plot, NL_PLOT_STACKED_AREA, "B", x, b, 2);
  plot->y_from_zero = TRUE;
  area = draw_plot (plot, &style, &surface);

  /* The axis runs 0…30 (10 + 18 widened to a nice step of 5). */
  y_of_5 = area.y + area.height * (1 - 5.0 / 30);
  y_of_20 = area.y + area.height * (1 - 20.0 / 30);
  pixel_at (surface, area.x + area.width / 2, y_of_5, &r, &g, &bl);
  /* Series 0 is Okabe–Ito blue 0072B2 at 55 % over white: blue dominates. */
  g_assert_cmpint (bl, >, r + 60);
  pixel_at (surface, area.x + area.width / 2, y_of_20, &r, &g, &bl);
  /* Series 1 is orange E69F00: red dominates. */
  g_assert_cmpint (r, >, bl + 60);
  /* Above the total: background. */
  pixel_at (surface, area.x + area.width / 2, area.y + area.height * (1 - 29.5 / 30), &r, &g, &bl);
  g_assert_cmpint (r, >, 240);
  g_assert_cmpint (bl, >, 240);

  /* Read-outs are each series' own value, not the stacked sum. */
  g_assert_true (nl_trend_plot_hit_test (plot, &style, W, H, area.x + area.width / 2,
                                         area.y + area.height / 2, &hit));
  g_assert_cmpfloat (hit.values[0], ==, 10);
  g_assert_cmpfloat (hit.values[1], ==, 18);
  cairo_surface_destroy (surface);
}

/* Diverging stacks: a positive share stacks up from zero, a negative one
 * down from zero, never over the other's area.  A share that changes sign
 * moves from one side to the other where it crosses zero, and its edge is
 * not drawn across the stack between the two. */
static void
test_stacked_signs (void)
{
  NlRenderStyle style;
  g_autoptr(NlPlot) plot = nl_plot_new ("Diverging", "Strength", "%");
  double x[2] = { 0, 100 }, a[2] = { 10, 10 }, b[2] = { -10, 10 };
  cairo_surface_t *surface;
  NlRect area;
  NlPlotHit hit;
  int r, g, bl;

  style_init (&style);
  nl_plot_add_series (plot, NL_PLOT_STACKED_AREA, "A", x, a, 2);
  nl_plot_add_series (plot, NL_PLOT_STACKED_AREA, "B", x, b, 2);
  plot->y_from_zero = TRUE;
  area = draw_plot (plot, &style, &surface);

  /* The axis runs -10 (B alone on day 0) to 20 (A and B on day 100). */
#define PX(day) (area.x + area.width * (day) / 100.0)
#define PY(v) (area.y + area.height * (1 - ((v) + 10) / 30.0))
  /* Day 25, B = -5: A from 0 to 10 (blue), B from 0 to -5 (orange). */
  pixel_at (surface, PX (25), PY (5), &r, &g, &bl);
  g_assert_cmpint (bl, >, r + 60);
  pixel_at (surface, PX (25), PY (-2.5), &r, &g, &bl);
  g_assert_cmpint (r, >, bl + 60);
  /* Above A: nothing stacked on it yet. */
  pixel_at (surface, PX (25), PY (12.5), &r, &g, &bl);
  g_assert_cmpint (r, >, 240);
  g_assert_cmpint (bl, >, 240);
  /* Day 75, B = +5: B on top of A (10 to 15), nothing below zero. */
  pixel_at (surface, PX (75), PY (5), &r, &g, &bl);
  g_assert_cmpint (bl, >, r + 60);
  pixel_at (surface, PX (75), PY (12.5), &r, &g, &bl);
  g_assert_cmpint (r, >, bl + 60);
  pixel_at (surface, PX (75), PY (-2.5), &r, &g, &bl);
  g_assert_cmpint (r, >, 240);
  g_assert_cmpint (bl, >, 240);
  /* At the crossing (day 50) no orange edge runs up through A's area. */
  for (int dx = -2; dx <= 2; dx++)
    for (double v = 2; v <= 8; v += 2)
      {
        pixel_at (surface, PX (50) + dx, PY (v), &r, &g, &bl);
        g_assert_cmpint (bl, >, r + 60);
      }
#undef PX
#undef PY

  /* Read-outs are still each series' own value. */
  g_assert_true (nl_trend_plot_hit_test (plot, &style, W, H, area.x + area.width / 4,
                                         area.y + area.height / 2, &hit));
  g_assert_cmpfloat (hit.values[0], ==, 10);
  g_assert_cmpfloat (hit.values[1], ==, -10);
  cairo_surface_destroy (surface);
}

/* A series below another crossing zero bends the upper one's base there:
 * no gap opens between the two areas around the crossing. */
static void
test_stacked_lower_crosses (void)
{
  NlRenderStyle style;
  g_autoptr(NlPlot) plot = nl_plot_new ("Diverging", "Strength", "%");
  double x[2] = { 0, 100 }, a[2] = { 10, -10 }, b[2] = { 10, 10 };
  cairo_surface_t *surface;
  NlRect area;
  int r, g, bl;

  style_init (&style);
  nl_plot_add_series (plot, NL_PLOT_STACKED_AREA, "A", x, a, 2);
  nl_plot_add_series (plot, NL_PLOT_STACKED_AREA, "B", x, b, 2);
  plot->y_from_zero = TRUE;
  area = draw_plot (plot, &style, &surface);

  /* The axis runs -10 (A alone on day 100) to 20 (A and B on day 0). */
#define PX(day) (area.x + area.width * (day) / 100.0)
#define PY(v) (area.y + area.height * (1 - ((v) + 10) / 30.0))
  /* Around day 50, where A is 0, B fills 0 to 10 (orange), with no gap
   * above zero. */
  for (double day = 44; day <= 56; day += 2)
    {
      pixel_at (surface, PX (day), PY (2.5), &r, &g, &bl);
      g_assert_cmpint (r, >, bl + 60);
    }
#undef PX
#undef PY
  cairo_surface_destroy (surface);
}

static void
test_marker_and_phases (void)
{
  NlRenderStyle style;
  g_autoptr(NlPlot) plot = nl_plot_new ("Marker", "Activation", "%");
  double x[3] = { 0, 50, 100 }, y[3] = { 80, 90, 95 };
  cairo_surface_t *surface;
  NlRect area;
  int r, g, b, r2, g2, b2;
  double mx;

  style_init (&style);
  nl_plot_add_series (plot, NL_PLOT_LINE, "VA", x, y, 3);
  nl_plot_add_phase (plot, "Training", NL_PHASE_TRAINING, 0, 60);
  nl_plot_add_phase (plot, "Cast", NL_PHASE_IMMOBILIZATION, 60, 100);
  plot->selected_day = 25;
  area = draw_plot (plot, &style, &surface);

  /* The marker: a dark vertical line at day 25 down the whole area. */
  mx = area.x + 0.25 * area.width;
  for (double y_px = area.y + 4; y_px < area.y + area.height - 4; y_px += area.height / 7)
    {
      pixel_at (surface, mx, y_px, &r, &g, &b);
      g_assert_cmpint (r + g + b, <, 3 * 80);
    }
  /* The immobilisation phase is shaded differently from training. */
  pixel_at (surface, area.x + 0.4 * area.width, area.y + area.height - 3, &r, &g, &b);
  pixel_at (surface, area.x + 0.9 * area.width, area.y + area.height - 3, &r2, &g2, &b2);
  g_assert_cmpint (abs (r - r2) + abs (g - g2) + abs (b - b2), >, 10);
  cairo_surface_destroy (surface);
}

static void
test_empty_and_limits (void)
{
  NlRenderStyle style;
  g_autoptr(NlPlot) plot = nl_plot_new (NULL, NULL, NULL);
  double x = 1, y = 2;
  NlPlotHit hit;
  cairo_surface_t *surface;

  style_init (&style);
  draw_plot (plot, &style, NULL);
  g_assert_false (nl_trend_plot_hit_test (plot, &style, W, H, W / 2.0, H / 2.0, &hit));

  for (guint i = 0; i < NL_PLOT_MAX_SERIES; i++)
    g_assert_nonnull (nl_plot_add_series (plot, NL_PLOT_LINE, "s", &x, &y, 1));
  g_assert_null (nl_plot_add_series (plot, NL_PLOT_LINE, "one too many", &x, &y, 1));
  draw_plot (plot, &style, &surface);
  cairo_surface_destroy (surface);

  /* A series with a NaN gap draws and reads out without trouble. */
  {
    g_autoptr(NlPlot) gap = nl_plot_new ("Gap", "y", NULL);
    double xs[3] = { 0, 1, 2 }, ys[3] = { 1, NAN, 3 };
    nl_plot_add_series (gap, NL_PLOT_LINE, "gap", xs, ys, 3);
    draw_plot (gap, &style, NULL);
  }
}

static void
test_value_at (void)
{
  g_autoptr(NlPlot) plot = nl_plot_new ("v", "y", NULL);
  double x[4] = { 0, 7, 14, 28 }, y[4] = { 1, 2, 3, 4 }, day;
  NlPlotSeries *s = nl_plot_add_series (plot, NL_PLOT_LINE, "s", x, y, 4);

  g_assert_cmpfloat (nl_plot_series_value_at (s, -5, &day), ==, 1);
  g_assert_cmpfloat (day, ==, 0);
  g_assert_cmpfloat (nl_plot_series_value_at (s, 3, &day), ==, 1);
  g_assert_cmpfloat (nl_plot_series_value_at (s, 4, &day), ==, 2);
  g_assert_cmpfloat (day, ==, 7);
  g_assert_cmpfloat (nl_plot_series_value_at (s, 22, &day), ==, 4);
  g_assert_cmpfloat (nl_plot_series_value_at (s, 500, &day), ==, 4);
  g_assert_cmpfloat (day, ==, 28);
}

static gsize
count_far (cairo_surface_t *a,
           cairo_surface_t *b,
           int              tol)
{
  int h = cairo_image_surface_get_height (a), stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  gsize n = 0;

  for (int i = 0; i < h * stride; i += 4)
    for (int c = 0; c < 4; c++)
      if (abs (pa[i + c] - pb[i + c]) > tol)
        {
          n++;
          break;
        }
  return n;
}

/* Hovering through the cache looks like drawing the plot whole, and a
 * changed series redraws the still layer. */
static void
test_cache (void)
{
  NlRenderStyle style;
  g_autoptr(NlPlot) plot = fixture_plot (365);
  g_autoptr(NlPlotCache) cache = nl_plot_cache_new ();

  style_init (&style);
  for (double day = 0; day < 365; day += 91)
    for (int scale = 1; scale <= 2; scale++)
      {
        cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W * scale, H * scale);
        cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W * scale, H * scale);
        cairo_t *cr;

        plot->selected_day = day;
        style.scale_factor = scale;
        cr = cairo_create (whole);
        cairo_scale (cr, scale, scale);
        nl_trend_plot_draw (cr, plot, &style, W, H);
        cairo_destroy (cr);
        cr = cairo_create (cached);
        cairo_scale (cr, scale, scale);
        nl_trend_plot_draw_cached (cr, cache, plot, &style, W, H);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_flush (whole);
        cairo_surface_flush (cached);
        g_assert_cmpuint (count_far (whole, cached, 8), ==, 0);
        cairo_surface_destroy (whole);
        cairo_surface_destroy (cached);
      }

  /* Copies compare equal; a changed value, band or selection does not. */
  {
    g_autoptr(NlPlot) copy = nl_plot_copy (plot);
    NlPlotSeries *s;

    g_assert_true (nl_plot_equal (plot, copy, TRUE));
    copy->selected_day = 3;
    g_assert_true (nl_plot_equal (plot, copy, FALSE));
    g_assert_false (nl_plot_equal (plot, copy, TRUE));
    s = g_ptr_array_index (copy->series, 0);
    s->y[100] += 1;
    g_assert_false (nl_plot_equal (plot, copy, FALSE));
    s->y[100] -= 1;
    nl_plot_series_set_band (s, s->y, s->y);
    g_assert_false (nl_plot_equal (plot, copy, FALSE));
    g_assert_false (nl_plot_equal (plot, NULL, FALSE));
  }

  /* The cache follows a change of data. */
  {
    cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
    cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
    NlPlotSeries *s = g_ptr_array_index (plot->series, 3);
    cairo_t *cr;

    style.scale_factor = 1;
    cr = cairo_create (a);
    nl_trend_plot_draw_cached (cr, cache, plot, &style, W, H);
    cairo_destroy (cr);
    for (guint i = 0; i < s->n; i++)
      s->y[i] = 20;
    cr = cairo_create (b);
    nl_trend_plot_draw_cached (cr, cache, plot, &style, W, H);
    cairo_destroy (cr);
    cairo_surface_flush (a);
    cairo_surface_flush (b);
    g_assert_cmpuint (count_far (a, b, 8), >, 500);
    cairo_surface_destroy (a);
    cairo_surface_destroy (b);
  }
}

/* Draws @plot through a fresh cache at twice the resolution: on an image
 * with a device scale of 2 when @device_scale, else under cairo_scale(). */
static cairo_surface_t *
draw_cached_at_2 (const NlPlot *plot,
                  gboolean      device_scale)
{
  g_autoptr(NlPlotCache) cache = nl_plot_cache_new ();
  cairo_t *cr = fixture_context_at_2 (W, H, device_scale);
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  NlRenderStyle style;

  nl_render_style_init (&style, NL_THEME_LIGHT);
  style.scale_factor = 2;
  nl_trend_plot_draw_cached (cr, cache, plot, &style, W, H);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The cached layer is made at the target's resolution, device scale
 * included: a HiDPI window's image is as sharp as an export at scale 2. */
static void
test_cache_device_scale (void)
{
  g_autoptr(NlPlot) plot = fixture_plot (365);
  cairo_surface_t *device = draw_cached_at_2 (plot, TRUE);
  cairo_surface_t *scaled = draw_cached_at_2 (plot, FALSE);

  g_assert_cmpuint (count_far (device, scaled, 0), ==, 0);
  cairo_surface_destroy (device);
  cairo_surface_destroy (scaled);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/plot/hit-test", test_hit_test);
  g_test_add_func ("/render/plot/stacked-areas", test_stacked_areas);
  g_test_add_func ("/render/plot/stacked-signs", test_stacked_signs);
  g_test_add_func ("/render/plot/stacked-lower-crosses", test_stacked_lower_crosses);
  g_test_add_func ("/render/plot/marker-and-phases", test_marker_and_phases);
  g_test_add_func ("/render/plot/empty-and-limits", test_empty_and_limits);
  g_test_add_func ("/render/plot/value-at", test_value_at);
  g_test_add_func ("/render/plot/cache", test_cache);
  g_test_add_func ("/render/plot/cache-device-scale", test_cache_device_scale);

  return g_test_run ();
}
