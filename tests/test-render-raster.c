/* test-render-raster.c — the direct rasteriser draws what cairo draws
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Discs and strokes drawn by nl-raster and by cairo's own scan converter on
 * the same background must match: the same ink (within 3 %) and no pixel
 * far off.  And the rasteriser must refuse every target or state it does
 * not reproduce, so callers fall back to cairo there.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nl-raster.h"
#include "nl-render-private.h"

#define W 160
#define H 120

typedef struct {
  double ink;        /* summed darkness of all channels */
  int    max_diff;   /* largest channel difference */
} Compare;

static cairo_surface_t *
blank (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.95, 0.95, 0.93);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static Compare
compare_surfaces (cairo_surface_t *a,
                  cairo_surface_t *b,
                  double          *ink_b)
{
  Compare c = { 0, 0 };
  const guint8 *pa, *pb;
  int stride;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  stride = cairo_image_surface_get_stride (a);
  *ink_b = 0;
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W * 4; x++)
      {
        int va = pa[y * stride + x], vb = pb[y * stride + x];

        c.ink += 255 - va;
        *ink_b += 255 - vb;
        c.max_diff = MAX (c.max_diff, ABS (va - vb));
      }
  return c;
}

static void
assert_alike (cairo_surface_t *by_cairo,
              cairo_surface_t *by_raster)
{
  cairo_surface_t *background = blank ();
  double ink_raster, ink_background;
  Compare c = compare_surfaces (by_cairo, by_raster, &ink_raster);
  Compare none = compare_surfaces (background, background, &ink_background);

  /* Only the shape's own ink counts. */
  c.ink -= none.ink;
  ink_raster -= ink_background;
  cairo_surface_destroy (background);
  g_test_message ("ink %.0f (cairo) vs %.0f (raster), largest difference %d",
                  c.ink, ink_raster, c.max_diff);
  g_assert_cmpfloat (c.ink, >, 200);
  /* 3 %, and a quarter of one channel of one pixel for the tiniest. */
  g_assert_cmpfloat (fabs (c.ink - ink_raster), <, 0.03 * c.ink + 64);
  g_assert_cmpint (c.max_diff, <=, 48);
}

/* The same drawing done by cairo (into a) and by nl-raster (into b). */
typedef struct {
  cairo_surface_t *a, *b;
  cairo_t         *cr_a, *cr_b;
} Pair;

static Pair
pair_new (void)
{
  Pair pair = { blank (), blank (), NULL, NULL };

  pair.cr_a = cairo_create (pair.a);
  pair.cr_b = cairo_create (pair.b);
  return pair;
}

static void
pair_free (Pair *pair)
{
  cairo_destroy (pair->cr_a);
  cairo_destroy (pair->cr_b);
  cairo_surface_destroy (pair->a);
  cairo_surface_destroy (pair->b);
}

/* Asserts the two drawings are alike, then frees them. */
static void
pair_check_and_free (Pair *pair)
{
  assert_alike (pair->a, pair->b);
  pair_free (pair);
}

static void
test_discs (void)
{
  static const double radii[] = { 0.9, 2.3, 6.5, 17.25 };
  const NlRgba colours[] = { { 0.9, 0.62, 0, 1 }, { 0.1, 0.1, 0.1, 0.55 } };

  for (guint c = 0; c < G_N_ELEMENTS (colours); c++)
    for (guint i = 0; i < G_N_ELEMENTS (radii); i++)
      for (double scale = 1; scale <= 2; scale++)
        {
          Pair pair = pair_new ();
          cairo_t *cr_a = pair.cr_a, *cr_b = pair.cr_b;
          NlRaster raster;

          cairo_scale (cr_a, scale, scale);
          cairo_scale (cr_b, scale, scale);
          cairo_arc (cr_a, 30.37, 29.81, radii[i], 0, 2 * G_PI);
          cairo_set_source_rgba (cr_a, colours[c].red, colours[c].green, colours[c].blue,
                                 colours[c].alpha);
          cairo_fill (cr_a);
          g_assert_true (_nl_raster_begin (&raster, cr_b));
          _nl_raster_disc (&raster, 30.37, 29.81, radii[i], &colours[c]);
          _nl_raster_end (&raster);
          pair_check_and_free (&pair);
        }
}

static void
test_polylines (void)
{
  static const double widths[] = { 0.8, 1.5, 2.6, 7.0 };
  const NlRgba colour = { 0.35, 0.35, 0.35, 1 };
  double x[25], y[25];

  /* An axon-like S-curve, finely flattened as the diagram does. */
  for (int i = 0; i < 25; i++)
    {
      double u = i / 24.0;
      x[i] = 10.3 + 135 * u;
      y[i] = 15.7 + 90 * (3 * u * u - 2 * u * u * u);
    }
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      Pair pair = pair_new ();
      cairo_t *cr_a = pair.cr_a, *cr_b = pair.cr_b;
      NlRaster raster;

      cairo_set_line_width (cr_a, widths[i]);
      cairo_set_line_join (cr_a, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr_a, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr_a, x[0], y[0]);
      for (int k = 1; k < 25; k++)
        cairo_line_to (cr_a, x[k], y[k]);
      cairo_set_source_rgb (cr_a, colour.red, colour.green, colour.blue);
      cairo_stroke (cr_a);
      g_assert_true (_nl_raster_begin (&raster, cr_b));
      _nl_raster_polyline (&raster, x, y, 25, widths[i], &colour);
      _nl_raster_end (&raster);
      pair_check_and_free (&pair);
    }
}

/* Segments in every direction, exactly level and upright ones among
 * them, and sharp joins: a stroke's rows and its caps are bounded by
 * where each segment starts and ends along the row, which depends on the
 * segment's direction. */
static void
test_polyline_directions (void)
{
  static const double widths[] = { 0.8, 1.5, 2.6, 7.0 };
  static const double x[] = { 20.3, 120.7, 120.7, 60.5, 15.2, 15.2, 70.6, 100.2, 140.6, 145.4 };
  static const double y[] = { 20.6, 20.6, 80.2, 105.3, 95.3, 40.8, 60.1, 35.0, 12.5, 100.9 };
  const NlRgba colour = { 0.2, 0.3, 0.5, 0.8 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    for (int reverse = 0; reverse < 2; reverse++)
      {
        Pair pair = pair_new ();
        double px[G_N_ELEMENTS (x)], py[G_N_ELEMENTS (x)];
        int n = G_N_ELEMENTS (x);
        NlRaster raster;

        for (int k = 0; k < n; k++)
          {
            px[k] = x[reverse ? n - 1 - k : k];
            py[k] = y[reverse ? n - 1 - k : k];
          }
        cairo_set_line_width (pair.cr_a, widths[i]);
        cairo_set_line_join (pair.cr_a, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap (pair.cr_a, CAIRO_LINE_CAP_ROUND);
        cairo_move_to (pair.cr_a, px[0], py[0]);
        for (int k = 1; k < n; k++)
          cairo_line_to (pair.cr_a, px[k], py[k]);
        cairo_set_source_rgba (pair.cr_a, colour.red, colour.green, colour.blue, colour.alpha);
        cairo_stroke (pair.cr_a);
        g_assert_true (_nl_raster_begin (&raster, pair.cr_b));
        _nl_raster_polyline (&raster, px, py, n, widths[i], &colour);
        _nl_raster_end (&raster);
        pair_check_and_free (&pair);
      }
}

/* Panels: a rounded rectangle filled (sharp under its outline) and
 * outlined, or filled alone (antialiased), at several radii and scales. */
static void
draw_panel_with_cairo (cairo_t      *cr,
                       const NlRect *rect,
                       double        radius,
                       const NlRgba *fill,
                       double        line_width,
                       const NlRgba *border)
{
  _nl_rounded_rect (cr, rect, radius);
  cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, fill->alpha);
  if (border != NULL)
    {
      _nl_fill_under_outline (cr);
      cairo_set_line_width (cr, line_width);
      cairo_set_source_rgba (cr, border->red, border->green, border->blue, border->alpha);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static void
test_rounded_panels (void)
{
  static const double radii[] = { 0, 3.7, 11.2, 40 };
  static const double widths[] = { 0, 1, 2.3 };
  const NlRgba fills[] = { { 0.82, 0.8, 0.78, 1 }, { 0.2, 0.5, 0.8, 0.4 } };
  const NlRgba border = { 0.3, 0.3, 0.28, 1 };
  NlRect rect = { 12.4, 9.7, 131.3, 93.6 };

  for (guint f = 0; f < G_N_ELEMENTS (fills); f++)
    for (guint i = 0; i < G_N_ELEMENTS (radii); i++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        for (double scale = 1; scale <= 2; scale += 0.5)
          {
            Pair pair = pair_new ();
            NlRect scaled = { rect.x / scale, rect.y / scale, rect.width / scale, rect.height / scale };
            const NlRgba *outline = widths[w] > 0 ? &border : NULL;

            cairo_scale (pair.cr_a, scale, scale);
            cairo_scale (pair.cr_b, scale, scale);
            draw_panel_with_cairo (pair.cr_a, &scaled, radii[i] / scale, &fills[f],
                                   widths[w] / scale, outline);
            _nl_rounded_panel (pair.cr_b, &scaled, radii[i] / scale, &fills[f], widths[w] / scale,
                               outline);
            g_assert_false (cairo_has_current_point (pair.cr_b));
            pair_check_and_free (&pair);
          }
}

/* On a target nl-raster does not take the panel is drawn with cairo. */
static void
test_rounded_panel_fallback (void)
{
  const NlRgba fill = { 0.9, 0.7, 0.65, 1 }, border = { 0.1, 0.1, 0.1, 1 };
  NlRect rect = { 20.5, 15.25, 100, 70 };
  Pair pair = pair_new ();
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  NlRaster raster;

  g_assert_false (_nl_raster_begin (&raster, cr));
  _nl_rounded_panel (cr, &rect, 8, &fill, 1.5, &border);
  cairo_destroy (cr);
  cairo_set_source_surface (pair.cr_b, recording, 0, 0);
  cairo_paint (pair.cr_b);
  cairo_surface_destroy (recording);
  draw_panel_with_cairo (pair.cr_a, &rect, 8, &fill, 1.5, &border);
  pair_check_and_free (&pair);
}

/* Rectangles (backgrounds, crisp lines) with fractional edges. */
static void
test_rects (void)
{
  static const double boxes[][4] = {
    { 10.3, 12.6, 120.2, 80.9 }, { 20, 30, 100, 1 }, { 40.5, 10, 1, 90 }, { 70.2, 50.1, 0.6, 0.7 },
  };
  const NlRgba colours[] = { { 0.2, 0.4, 0.6, 1 }, { 0, 0, 0, 0.3 } };

  for (guint c = 0; c < G_N_ELEMENTS (colours); c++)
    for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
      for (double scale = 1; scale <= 2; scale++)
        {
          Pair pair = pair_new ();

          cairo_scale (pair.cr_a, scale, scale);
          cairo_scale (pair.cr_b, scale, scale);
          /* Copies apart from each other, enough of them for the
           * smallest to count as ink. */
          for (int k = 0; k < (boxes[i][2] < 5 ? 6 : 1); k++)
            {
              double x = boxes[i][0] / scale + k * 3.3 / scale;

              cairo_rectangle (pair.cr_a, x, boxes[i][1] / scale, boxes[i][2] / scale,
                               boxes[i][3] / scale);
              _nl_fill_rect (pair.cr_b, x, boxes[i][1] / scale, boxes[i][2] / scale,
                             boxes[i][3] / scale, &colours[c]);
            }
          cairo_set_source_rgba (pair.cr_a, colours[c].red, colours[c].green, colours[c].blue,
                                 colours[c].alpha);
          cairo_fill (pair.cr_a);
          pair_check_and_free (&pair);
        }
}

/* Rectangles filled together row by row are the same as one by one. */
static void
test_rects_together (void)
{
  const NlRect rects[] = {
    { 5.5, 8.2, 140, 100 }, { 40.5, 2, 1, 110 }, { 3, 50.5, 150, 1 }, { 70.25, 30.7, 30.3, 60.1 },
  };
  const NlRgba colours[] = {
    { 0.8, 0.85, 0.9, 1 }, { 0.3, 0.3, 0.3, 1 }, { 0, 0, 0, 0.1 }, { 0.9, 0.5, 0.1, 0.4 },
  };
  Pair pair = pair_new ();

  cairo_scale (pair.cr_a, 1.5, 1.5);
  cairo_scale (pair.cr_b, 1.5, 1.5);
  for (guint k = 0; k < G_N_ELEMENTS (rects); k++)
    _nl_fill_rect (pair.cr_a, rects[k].x / 1.5, rects[k].y / 1.5, rects[k].width / 1.5,
                   rects[k].height / 1.5, &colours[k]);
  {
    NlRect scaled[G_N_ELEMENTS (rects)];

    for (guint k = 0; k < G_N_ELEMENTS (rects); k++)
      scaled[k] = (NlRect) { rects[k].x / 1.5, rects[k].y / 1.5, rects[k].width / 1.5,
                             rects[k].height / 1.5 };
    _nl_fill_rects (pair.cr_b, scaled, colours, G_N_ELEMENTS (rects));
  }
  cairo_surface_flush (pair.a);
  cairo_surface_flush (pair.b);
  g_assert_true (memcmp (cairo_image_surface_get_data (pair.a), cairo_image_surface_get_data (pair.b),
                         (gsize) cairo_image_surface_get_stride (pair.a) * H) == 0);
  pair_free (&pair);
}

/* Writes a different pattern into every row and column of both images:
 * what lies below shows wherever a fill leaves it visible. */
static void
pair_stripe (Pair *pair)
{
  cairo_surface_t *surfaces[] = { pair->a, pair->b };

  for (guint i = 0; i < G_N_ELEMENTS (surfaces); i++)
    {
      guint32 *data;
      int stride;

      cairo_surface_flush (surfaces[i]);
      data = (guint32 *) cairo_image_surface_get_data (surfaces[i]);
      stride = cairo_image_surface_get_stride (surfaces[i]) / 4;
      for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
          data[y * stride + x] = 0xff000000u | (guint32) ((y * 37 + x * 11) & 0xff) << 16
                                 | (guint32) ((y * 5) & 0xff) << 8 | (guint32) ((x * 3 + y) & 0xff);
      cairo_surface_mark_dirty (surfaces[i]);
    }
}

/* A plot's shading and grid on a background that differs from row to row:
 * the rows that opaque shading hides are drawn once and copied, the others
 * (a translucent box sticking out of the shading, fractional edges, a
 * partly covered column) still show what is below.  Byte for byte what one
 * fill after another gives. */
static void
test_rects_rows_alike (void)
{
  const NlRect rects[] = {
    /* opaque shading on whole pixels, side by side */
    { 10, 10, 60, 90 }, { 70, 10, 50, 90 },
    /* grid: a translucent row, opaque and translucent columns */
    { 10, 40, 110, 1 }, { 30, 10, 1, 90 }, { 90, 10, 1, 90 },
    /* a box whose fractional edges reach past the shading */
    { 100.5, 30.3, 30.2, 20.6 },
    /* translucent shading below the opaque rows */
    { 10, 100, 110, 12 },
    /* a partly covered column inside the shading */
    { 50.4, 60, 0.4, 30 },
    /* a translucent box inside it, its top and bottom rows partly covered */
    { 40, 70.5, 20, 10.3 },
  };
  const NlRgba colours[] = {
    { 0.8, 0.85, 0.9, 1 }, { 0.95, 0.9, 0.8, 1 },
    { 0, 0, 0, 0.1 }, { 0.3, 0.3, 0.3, 1 }, { 0, 0, 0, 0.12 },
    { 0.9, 0.5, 0.1, 0.4 },
    { 0.2, 0.6, 0.4, 0.3 },
    { 0.1, 0.1, 0.6, 1 },
    { 0.6, 0.1, 0.3, 0.5 },
  };
  Pair pair = pair_new ();

  pair_stripe (&pair);
  for (guint k = 0; k < G_N_ELEMENTS (rects); k++)
    _nl_fill_rect (pair.cr_a, rects[k].x, rects[k].y, rects[k].width, rects[k].height, &colours[k]);
  _nl_fill_rects (pair.cr_b, rects, colours, G_N_ELEMENTS (rects));
  cairo_surface_flush (pair.a);
  cairo_surface_flush (pair.b);
  g_assert_true (memcmp (cairo_image_surface_get_data (pair.a), cairo_image_surface_get_data (pair.b),
                         (gsize) cairo_image_surface_get_stride (pair.a) * H) == 0);
  pair_free (&pair);
}

/* Circles filled and outlined (the legend's swatches, the interneuron). */
static void
test_discs_outlined (void)
{
  static const double radii[] = { 2.5, 6.2, 15.7 };
  const NlRgba fill = { 0.9, 0.62, 0, 1 }, line = { 0.1, 0.1, 0.1, 0.9 };

  for (guint i = 0; i < G_N_ELEMENTS (radii); i++)
    for (double width = 1; width <= 2.5; width += 1.5)
      {
        Pair pair = pair_new ();

        cairo_arc (pair.cr_a, 60.3, 50.7, radii[i], 0, 2 * G_PI);
        cairo_set_source_rgba (pair.cr_a, fill.red, fill.green, fill.blue, fill.alpha);
        cairo_fill_preserve (pair.cr_a);
        cairo_set_line_width (pair.cr_a, width);
        cairo_set_source_rgba (pair.cr_a, line.red, line.green, line.blue, line.alpha);
        cairo_stroke (pair.cr_a);
        _nl_disc_outlined (pair.cr_b, 60.3, 50.7, radii[i], &fill, width, &line);
        g_assert_false (cairo_has_current_point (pair.cr_b));
        pair_check_and_free (&pair);
      }
}

/* Fibres (capsules) and end plates (ellipses). */
static void
test_capsule_ellipse (void)
{
  const NlRgba colours[] = { { 0.9, 0.7, 0.65, 1 }, { 0.9, 0.62, 0, 0.6 } };

  for (guint c = 0; c < G_N_ELEMENTS (colours); c++)
    {
      Pair pair = pair_new ();
      cairo_t *cr_a = pair.cr_a, *cr_b = pair.cr_b;
      NlRect capsule = { 20.3 - 4.6, 40.8 - 4.6, 110.5 - 20.3 + 9.2, 9.2 };
      NlRaster raster;

      _nl_rounded_rect (cr_a, &capsule, 4.6);
      cairo_set_source_rgba (cr_a, colours[c].red, colours[c].green, colours[c].blue, colours[c].alpha);
      cairo_fill (cr_a);
      cairo_save (cr_a);
      cairo_translate (cr_a, 60.4, 90.2);
      cairo_scale (cr_a, 1.0, 0.55);
      cairo_arc (cr_a, 0, 0, 8.3, 0, 2 * G_PI);
      cairo_restore (cr_a);
      cairo_fill (cr_a);
      g_assert_true (_nl_raster_begin (&raster, cr_b));
      _nl_raster_capsule (&raster, 20.3, 110.5, 40.8, 9.2, &colours[c]);
      _nl_raster_ellipse (&raster, 60.4, 90.2, 8.3, 8.3 * 0.55, &colours[c]);
      _nl_raster_end (&raster);
      pair_check_and_free (&pair);
    }
}

/* Dashes keep cairo's rhythm: as many dashes, in the same places. */
static void
test_dashes (void)
{
  static const double dash[] = { 6, 4 };
  const NlRgba colour = { 0, 0.6, 0.45, 1 };
  Pair pair = pair_new ();
  cairo_t *cr_a = pair.cr_a, *cr_b = pair.cr_b;
  const guint8 *da, *db;
  int stride, runs_a = 0, runs_b = 0, same = 0;
  NlRaster raster;

  for (int pass = 0; pass < 2; pass++)
    {
      cairo_t *cr = pass == 0 ? cr_a : cr_b;

      cairo_move_to (cr, 10, 60.5);
      cairo_line_to (cr, 80, 60.5);
      cairo_line_to (cr, 150, 60.5);
    }
  cairo_set_line_width (cr_a, 2);
  cairo_set_dash (cr_a, dash, 2, 0);
  cairo_set_source_rgb (cr_a, colour.red, colour.green, colour.blue);
  cairo_stroke (cr_a);
  g_assert_true (_nl_raster_begin (&raster, cr_b));
  _nl_raster_stroke_path (&raster, cr_b, 2, dash, &colour);
  _nl_raster_end (&raster);
  cairo_surface_flush (pair.a);
  cairo_surface_flush (pair.b);
  da = cairo_image_surface_get_data (pair.a);
  db = cairo_image_surface_get_data (pair.b);
  stride = cairo_image_surface_get_stride (pair.a);
  /* Along the centre row: where each draws, and how many runs. */
  for (int x = 0; x < W; x++)
    {
      gboolean in_a = da[60 * stride + x * 4 + 2] < 128, in_b = db[60 * stride + x * 4 + 2] < 128;
      gboolean was_a = x > 0 && da[60 * stride + (x - 1) * 4 + 2] < 128;
      gboolean was_b = x > 0 && db[60 * stride + (x - 1) * 4 + 2] < 128;

      runs_a += in_a && !was_a;
      runs_b += in_b && !was_b;
      same += in_a == in_b;
    }
  g_assert_cmpint (runs_a, ==, 14);
  g_assert_cmpint (runs_b, ==, runs_a);
  g_assert_cmpint (same, >=, W - 2 * runs_a);
  pair_free (&pair);
}

/* A surface's own device scale (a HiDPI layer) counts as cairo counts it. */
static void
test_device_scale (void)
{
  const NlRgba colour = { 0.1, 0.4, 0.7, 0.8 };
  double x[] = { 5, 40, 70 }, y[] = { 5, 50, 20 };
  cairo_surface_t *a = blank (), *b = blank ();
  cairo_t *cr_a, *cr_b;
  NlRaster raster;

  cairo_surface_set_device_scale (a, 2, 2);
  cairo_surface_set_device_scale (b, 2, 2);
  cr_a = cairo_create (a);
  cr_b = cairo_create (b);
  cairo_arc (cr_a, 30.2, 28.7, 9.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr_a, colour.red, colour.green, colour.blue, colour.alpha);
  cairo_fill (cr_a);
  cairo_set_line_width (cr_a, 1.2);
  cairo_set_line_join (cr_a, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr_a, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr_a, x[0], y[0]);
  cairo_line_to (cr_a, x[1], y[1]);
  cairo_line_to (cr_a, x[2], y[2]);
  cairo_stroke (cr_a);
  g_assert_true (_nl_raster_begin (&raster, cr_b));
  _nl_raster_disc (&raster, 30.2, 28.7, 9.5, &colour);
  _nl_raster_polyline (&raster, x, y, 3, 1.2, &colour);
  _nl_raster_end (&raster);
  assert_alike (a, b);
  cairo_destroy (cr_a);
  cairo_destroy (cr_b);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* A stroke of no length is a dot of its width, as cairo's round caps make it. */
static void
test_dot (void)
{
  const NlRgba colour = { 0.2, 0.2, 0.6, 1 };
  double x[] = { 50.3, 50.3 }, y[] = { 40.6, 40.6 };
  Pair pair = pair_new ();
  cairo_t *cr_a = pair.cr_a, *cr_b = pair.cr_b;
  NlRaster raster;

  cairo_arc (cr_a, x[0], y[0], 3, 0, 2 * G_PI);
  cairo_set_source_rgb (cr_a, colour.red, colour.green, colour.blue);
  cairo_fill (cr_a);
  g_assert_true (_nl_raster_begin (&raster, cr_b));
  _nl_raster_polyline (&raster, x, y, 2, 6, &colour);
  _nl_raster_end (&raster);
  pair_check_and_free (&pair);
}

/* Runs of one row a few pixels apart (here the legs of a narrow hairpin)
 * are blended four pixels a step, and a step may reach into the next
 * run: each pixel still takes one coat. */
static void
test_close_runs_once (void)
{
  const NlRgba colour = { 0, 0, 0, 0.5 };
  double x[] = { 40.5, 40.5, 46.5, 46.5 }, y[] = { 20, 100, 100, 20 };
  /* Each row's coverage: 38–42 from one leg, 44–48 from the other. */
  static const char expect[] = "h111h-h111h";
  cairo_surface_t *b = blank ();
  cairo_t *cr = cairo_create (b);
  NlRaster raster;
  const guint8 *data;
  int stride;

  g_assert_true (_nl_raster_begin (&raster, cr));
  _nl_raster_polyline (&raster, x, y, 4, 4, &colour);
  _nl_raster_end (&raster);
  cairo_surface_flush (b);
  data = cairo_image_surface_get_data (b);
  stride = cairo_image_surface_get_stride (b);
  /* Half-black over 0.95 grey, once: about 0.475 where fully covered
   * and 0.71 where half, not the 0.24 and 0.5 of two coats. */
  for (int row = 30; row < 90; row++)
    for (int col = 38; col <= 48; col++)
      {
        int g = data[row * stride + col * 4 + 1];

        switch (expect[col - 38])
          {
          case '1':
            g_assert_cmpint (g, >=, 115);
            g_assert_cmpint (g, <=, 127);
            break;
          case 'h':
            g_assert_cmpint (g, >=, 175);
            g_assert_cmpint (g, <=, 188);
            break;
          default:
            g_assert_cmpint (g, >=, 240);
            break;
          }
      }
  cairo_destroy (cr);
  cairo_surface_destroy (b);
}

/* Overlapping segments of one stroke are painted once, as cairo does. */
static void
test_overlap_once (void)
{
  const NlRgba colour = { 0, 0, 0, 0.5 };
  double x[] = { 20, 140, 20 }, y[] = { 60.5, 60.5, 60.5 };
  cairo_surface_t *b = blank ();
  cairo_t *cr = cairo_create (b);
  NlRaster raster;
  const guint8 *data;
  int stride;

  g_assert_true (_nl_raster_begin (&raster, cr));
  _nl_raster_polyline (&raster, x, y, 3, 3, &colour);
  _nl_raster_end (&raster);
  cairo_surface_flush (b);
  data = cairo_image_surface_get_data (b);
  stride = cairo_image_surface_get_stride (b);
  /* Half-black over 0.95 grey: about 0.475, not the 0.24 of two coats. */
  g_assert_cmpint (data[60 * stride + 80 * 4 + 1], >=, 115);
  g_assert_cmpint (data[60 * stride + 80 * 4 + 1], <=, 127);
  cairo_destroy (cr);
  cairo_surface_destroy (b);
}

/* A pixel-aligned clip is honoured. */
static void
test_clip (void)
{
  const NlRgba colour = { 0, 0, 0, 1 };
  cairo_surface_t *b = blank ();
  cairo_t *cr = cairo_create (b);
  NlRaster raster;
  const guint8 *data;
  int stride;

  cairo_rectangle (cr, 0, 0, 40, H);
  cairo_clip (cr);
  g_assert_true (_nl_raster_begin (&raster, cr));
  _nl_raster_disc (&raster, 40, 60, 20, &colour);
  _nl_raster_end (&raster);
  cairo_surface_flush (b);
  data = cairo_image_surface_get_data (b);
  stride = cairo_image_surface_get_stride (b);
  g_assert_cmpint (data[60 * stride + 39 * 4], ==, 0);
  g_assert_cmpint (data[60 * stride + 40 * 4], >, 200);
  cairo_destroy (cr);
  cairo_surface_destroy (b);
}

/* Whatever it cannot reproduce exactly it leaves to cairo. */
static void
test_refuses (void)
{
  cairo_surface_t *image = blank ();
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr;
  NlRaster raster;

  cr = cairo_create (recording);
  g_assert_false (_nl_raster_begin (&raster, cr));
  cairo_destroy (cr);

  cr = cairo_create (image);
  cairo_rotate (cr, 0.3);
  g_assert_false (_nl_raster_begin (&raster, cr));
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, 0.5, 0, 40, 40);
  cairo_clip (cr);
  g_assert_false (_nl_raster_begin (&raster, cr));
  cairo_reset_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  g_assert_false (_nl_raster_begin (&raster, cr));
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_push_group (cr);
  g_assert_false (_nl_raster_begin (&raster, cr));
  cairo_pattern_destroy (cairo_pop_group (cr));
  g_assert_true (_nl_raster_begin (&raster, cr));
  _nl_raster_end (&raster);
  cairo_destroy (cr);

  cairo_surface_destroy (recording);
  cairo_surface_destroy (image);
}

/* Fills the polygon with cairo (antialiased) and with _nl_fill_polygon()
 * on the same background; they must agree closely, band edges included. */
static void
assert_fill_alike (const double *x,
                   const double *y,
                   int           n,
                   double        scale,
                   gboolean      clip)
{
  const NlRgba colours[] = { { 0.2, 0.4, 0.8, 0.18 }, { 0.1, 0.1, 0.1, 1 } };

  for (guint k = 0; k < G_N_ELEMENTS (colours); k++)
    {
      Pair pair = pair_new ();
      cairo_t *cr_a = pair.cr_a, *cr_b = pair.cr_b;
      double ink_b;
      Compare c;

      cairo_scale (cr_a, scale, scale);
      cairo_scale (cr_b, scale, scale);
      if (clip)
        {
          cairo_rectangle (cr_a, 10, 8, 100 / scale, 90 / scale);
          cairo_rectangle (cr_b, 10, 8, 100 / scale, 90 / scale);
          cairo_clip (cr_a);
          cairo_clip (cr_b);
        }
      for (int i = 0; i < n; i++)
        cairo_line_to (cr_a, x[i], y[i]);
      cairo_close_path (cr_a);
      cairo_set_source_rgba (cr_a, colours[k].red, colours[k].green, colours[k].blue,
                             colours[k].alpha);
      cairo_fill (cr_a);
      _nl_fill_polygon (cr_b, x, y, n, &colours[k]);
      /* Exact coverage against cairo's samples: some levels on steep edges. */
      c = compare_surfaces (pair.a, pair.b, &ink_b);
      g_assert_cmpint (c.max_diff, <=, 20);
      pair_check_and_free (&pair);
    }
}

/* The p10–p90 band of a plot: hi forward, lo back. */
static int
band (double *x,
      double *y,
      int     n,
      double  x0,
      double  x1,
      double (*hi) (double),
      double (*lo) (double))
{
  for (int i = 0; i < n; i++)
    {
      double px = x0 + (x1 - x0) * i / (n - 1);

      x[i] = x[2 * n - 1 - i] = px;
      y[i] = hi (px);
      y[2 * n - 1 - i] = lo (px);
    }
  return 2 * n;
}

static double wavy_hi (double x) { return 40 + 20 * sin (x / 9); }
static double wavy_lo (double x) { return 40 + 20 * sin (x / 9) + 12 * fabs (sin (x / 17)); }
static double flat_hi (double x) { return 30.3 + 0 * x; }
static double cross_lo (double x) { return 30.3 + (x - 80) * 0.6; }
static double jagged_hi (double x) { return 60 - 40 * fabs (sin (x * 1.3)); }
static double jagged_lo (double x) { return 70 + 30 * fabs (cos (x * 0.9)); }

static void
test_fill_bands (void)
{
  double x[800], y[800];
  int n;

  for (double scale = 1; scale <= 2; scale++)
    {
      /* Gentle edges whose hi and lo touch where the sine is zero. */
      n = band (x, y, 365, 4.3, 153.7, wavy_hi, wavy_lo);
      assert_fill_alike (x, y, n, scale, FALSE);
      /* hi and lo cross: the part after it winds the other way. */
      n = band (x, y, 50, 10.5, 150.5, flat_hi, cross_lo);
      assert_fill_alike (x, y, n, scale, FALSE);
      /* Steep edges, several pixels of rise in one pixel of run. */
      n = band (x, y, 120, 8.2, 151.9, jagged_hi, jagged_lo);
      assert_fill_alike (x, y, n, scale, FALSE);
      /* And the same inside a pixel-aligned clip. */
      assert_fill_alike (x, y, n, scale, TRUE);
    }
}

static void
test_fill_shapes (void)
{
  /* Partial pixels on all four sides of the box. */
  static const double rect_x[] = { 20.3, 90.6, 90.6, 20.3 };
  static const double rect_y[] = { 30.7, 30.7, 70.2, 70.2 };
  /* Slivers narrower than a pixel, near-vertical. */
  static const double sliver_x[] = { 10.1, 14.6, 12.4, 60.2, 61.0, 60.7 };
  static const double sliver_y[] = { 5.3, 114.8, 5.3, 2.2, 117.9, 2.2 };
  /* Past every side of the surface, corners off it. */
  static const double over_x[] = { -20.5, 80.2, W + 15.7, 120.3, -7.1 };
  static const double over_y[] = { 10.3, -30.6, 50.1, H + 22.4, 90.8 };

  for (double scale = 1; scale <= 2; scale++)
    {
      assert_fill_alike (rect_x, rect_y, 4, scale, FALSE);
      assert_fill_alike (sliver_x, sliver_y, 3, scale, FALSE);
      assert_fill_alike (sliver_x + 3, sliver_y + 3, 3, scale, FALSE);
      assert_fill_alike (over_x, over_y, 5, scale, FALSE);
      assert_fill_alike (over_x, over_y, 5, scale, TRUE);
    }
}

/* Outside an image target (or with the even-odd rule) it is cairo's fill. */
static void
test_fill_fallback (void)
{
  static const double x[] = { 10, 150, 150, 10 };
  static const double y[] = { 10, 10, 110, 110 };
  const NlRgba colour = { 0, 0, 0, 1 };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *b = blank ();
  cairo_t *cr = cairo_create (recording);
  double ex0, ey0, ex1, ey1;
  const guint8 *data;

  _nl_fill_polygon (cr, x, y, 4, &colour);
  cairo_recording_surface_ink_extents (recording, &ex0, &ey0, &ex1, &ey1);
  g_assert_cmpfloat (ex0, ==, 10);
  g_assert_cmpfloat (ey1, ==, 100);
  cairo_destroy (cr);

  cr = cairo_create (b);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  _nl_fill_polygon (cr, x, y, 4, &colour);
  g_assert_false (cairo_has_current_point (cr));
  cairo_surface_flush (b);
  data = cairo_image_surface_get_data (b);
  g_assert_cmpint (data[60 * cairo_image_surface_get_stride (b) + 80 * 4], ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (b);
  cairo_surface_destroy (recording);
}

/* A polygon far off the surface touches nothing (and does not overflow). */
static void
test_fill_far (void)
{
  static const double x[] = { 1e30, 2e30, 2e30 };
  static const double y[] = { -1e30, -1e30, 3e30 };
  static const double wide_x[] = { -1e30, 1e30, 1e30, -1e30 };
  static const double wide_y[] = { 40, 40, 80, 80 };
  const NlRgba colour = { 0, 0, 0, 1 };
  cairo_surface_t *a = blank (), *b = blank ();
  cairo_t *cr = cairo_create (b);
  double ink_b;
  const guint8 *data;

  _nl_fill_polygon (cr, x, y, 3, &colour);
  g_assert_cmpint (compare_surfaces (a, b, &ink_b).max_diff, ==, 0);
  /* One spanning it whole covers whole rows, exactly. */
  _nl_fill_polygon (cr, wide_x, wide_y, 4, &colour);
  cairo_surface_flush (b);
  data = cairo_image_surface_get_data (b);
  g_assert_cmpint (data[60 * cairo_image_surface_get_stride (b) + 1], ==, 0);
  g_assert_cmpint (data[60 * cairo_image_surface_get_stride (b) + (W - 1) * 4 + 1], ==, 0);
  g_assert_cmpint (data[39 * cairo_image_surface_get_stride (b) + 80 * 4 + 1], ==,
                   cairo_image_surface_get_data (a)[39 * cairo_image_surface_get_stride (a) + 80 * 4 + 1]);
  cairo_destroy (cr);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/raster/discs", test_discs);
  g_test_add_func ("/render/raster/polylines", test_polylines);
  g_test_add_func ("/render/raster/polyline-directions", test_polyline_directions);
  g_test_add_func ("/render/raster/capsule-ellipse", test_capsule_ellipse);
  g_test_add_func ("/render/raster/rounded-panels", test_rounded_panels);
  g_test_add_func ("/render/raster/rects", test_rects);
  g_test_add_func ("/render/raster/rects-together", test_rects_together);
  g_test_add_func ("/render/raster/rects-rows-alike", test_rects_rows_alike);
  g_test_add_func ("/render/raster/discs-outlined", test_discs_outlined);
  g_test_add_func ("/render/raster/rounded-panel-fallback", test_rounded_panel_fallback);
  g_test_add_func ("/render/raster/dot", test_dot);
  g_test_add_func ("/render/raster/dashes", test_dashes);
  g_test_add_func ("/render/raster/device-scale", test_device_scale);
  g_test_add_func ("/render/raster/overlap-once", test_overlap_once);
  g_test_add_func ("/render/raster/close-runs-once", test_close_runs_once);
  g_test_add_func ("/render/raster/clip", test_clip);
  g_test_add_func ("/render/raster/refuses", test_refuses);
  g_test_add_func ("/render/raster/fill-bands", test_fill_bands);
  g_test_add_func ("/render/raster/fill-shapes", test_fill_shapes);
  g_test_add_func ("/render/raster/fill-fallback", test_fill_fallback);
  g_test_add_func ("/render/raster/fill-far", test_fill_far);

  return g_test_run ();
}
