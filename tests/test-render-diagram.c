/* test-render-diagram.c — the signalling diagram shows what its state says
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nl-signal-diagram.h"
#include "nl-signal-diagram-private.h"
#include "nl-trend-plot.h"
#include "test-render-fixtures.h"

static cairo_surface_t *
draw_state (const NlDiagramState *state,
            const NlRenderStyle  *style,
            double                t,
            int                   w,
            int                   h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  nl_signal_diagram_draw (cr, state, t, style, w, h);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
style_init (NlRenderStyle *style,
            NlTheme        theme)
{
  nl_render_style_init (style, theme);
  nl_render_style_set_font (style, "DejaVu Sans", 11);
}

/* Pixels within @tol of @colour (opaque). */
static gsize
count_colour (cairo_surface_t *surface,
              const NlRgba    *colour,
              int              tol)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int r = (int) lround (colour->red * 255), g = (int) lround (colour->green * 255);
  int b = (int) lround (colour->blue * 255);
  gsize n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
        if (abs ((int) ((px >> 16) & 0xff) - r) <= tol && abs ((int) ((px >> 8) & 0xff) - g) <= tol
            && abs ((int) (px & 0xff) - b) <= tol)
          n++;
      }
  return n;
}

static gsize
count_different (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a), stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  gsize n = 0;

  for (int i = 0; i < h * stride; i += 4)
    if (memcmp (pa + i, pb + i, 4) != 0)
      n++;
  return n;
}

static NlDiagramState *
state_at_effort (double effort)
{
  NlDiagramState *state = fixture_diagram_state (TRUE);

  state->effort = effort;
  state->corticospinal_drive = effort * state->voluntary_activation;
  fixture_fill_pool (&state->agonist, state->corticospinal_drive);
  fixture_fill_pool (&state->antagonist, state->coactivation * effort);
  return state;
}

static void
test_deterministic_and_animated (void)
{
  NlRenderStyle style;
  g_autoptr(NlDiagramState) state = fixture_diagram_state (TRUE);
  cairo_surface_t *a, *b, *c;

  style_init (&style, NL_THEME_LIGHT);
  a = draw_state (state, &style, 0.9, 960, 540);
  b = draw_state (state, &style, 0.9, 960, 540);
  c = draw_state (state, &style, 1.05, 960, 540);
  g_assert_cmpuint (count_different (a, b), ==, 0);
  /* A sixth of a second later, spikes and twitches have moved. */
  g_assert_cmpuint (count_different (a, c), >, 200);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (c);
}

/* More effort recruits more units: more somata in the recruited colour. */
static void
test_recruitment_lights_units (void)
{
  NlRenderStyle style;
  g_autoptr(NlDiagramState) rest = state_at_effort (0.0);
  g_autoptr(NlDiagramState) light = state_at_effort (0.15);
  g_autoptr(NlDiagramState) hard = state_at_effort (0.8);
  cairo_surface_t *s0, *s1, *s2;
  gsize n0, n1, n2;

  style_init (&style, NL_THEME_LIGHT);
  g_assert_cmpuint (nl_diagram_pool_count_recruited (&rest->agonist), ==, 0);
  g_assert_cmpuint (nl_diagram_pool_count_recruited (&light->agonist), <,
                    nl_diagram_pool_count_recruited (&hard->agonist));

  s0 = draw_state (rest, &style, 1.0, 960, 540);
  s1 = draw_state (light, &style, 1.0, 960, 540);
  s2 = draw_state (hard, &style, 1.0, 960, 540);
  n0 = count_colour (s0, &style.recruited, 6);
  n1 = count_colour (s1, &style.recruited, 6);
  n2 = count_colour (s2, &style.recruited, 6);
  /* Only the legend's swatch at rest. */
  g_assert_cmpuint (n0, <, 200);
  g_assert_cmpuint (n1, >, n0 + 100);
  g_assert_cmpuint (n2, >, n1 * 2);
  /* At rest nothing fires: no action-potential colour outside the legend;
   * at 80 % effort spikes travel down the axons. */
  g_assert_cmpuint (count_colour (s0, &style.spike, 6), <, 60);
  g_assert_cmpuint (count_colour (s2, &style.spike, 6), >, count_colour (s0, &style.spike, 6) + 50);
  cairo_surface_destroy (s0);
  cairo_surface_destroy (s1);
  cairo_surface_destroy (s2);
}

/* Discharges leave each soma at the unit's rate divided by the slow factor. */
static void
test_spike_rate (void)
{
  NlDiagramUnit unit = { 0.1, 0.5, 24.0, 0.06, TRUE };
  double slow = 12, dt = 0.002, window = 20;
  double last = G_MAXDOUBLE;
  guint spikes = 0;

  for (double t = 0; t < window; t += dt)
    {
      double since = _nl_diagram_since_spike (&unit, 0.3, slow, t);
      g_assert_cmpfloat (since, >=, 0);
      g_assert_cmpfloat (since, <, slow / unit.rate + 1e-9);
      if (since < last)
        spikes++;
      last = since;
    }
  /* 24 Hz / 12 = 2 per second of animation. */
  g_assert_cmpuint (spikes, >=, 39);
  g_assert_cmpuint (spikes, <=, 41);

  unit.recruited = FALSE;
  g_assert_cmpfloat (_nl_diagram_since_spike (&unit, 0.3, slow, 1.0), ==, G_MAXDOUBLE);
  g_assert_cmpfloat (_nl_diagram_twitch (&unit, 0.3, slow, 1.0), ==, 0);
}

/* Twitches of a fast-firing unit fuse (the sum exceeds one twitch); a slow
 * one relaxes between discharges. */
static void
test_twitch_summation (void)
{
  NlDiagramUnit slow_unit = { 0.1, 0.2, 6.0, 0.05, TRUE };
  NlDiagramUnit fast_unit = { 0.1, 0.2, 40.0, 0.05, TRUE };
  double slow = 15, min_slow = G_MAXDOUBLE, max_slow = 0, max_fast = 0, min_fast = G_MAXDOUBLE;

  for (double t = 5; t < 15; t += 0.01)
    {
      double a = _nl_diagram_twitch (&slow_unit, 0.1, slow, t);
      double b = _nl_diagram_twitch (&fast_unit, 0.1, slow, t);

      g_assert_cmpfloat (a, >=, 0);
      min_slow = MIN (min_slow, a);
      max_slow = MAX (max_slow, a);
      max_fast = MAX (max_fast, b);
      min_fast = MIN (min_fast, b);
    }
  g_assert_cmpfloat (max_slow, >, 0.95);
  g_assert_cmpfloat (min_slow, <, 0.5 * max_slow);
  g_assert_cmpfloat (max_fast, >, 1.5);
  g_assert_cmpfloat (min_fast, >, 1.0);
}

static void
test_shown_index (void)
{
  g_assert_cmpuint (_nl_diagram_shown_index (0, 16, 120), ==, 0);
  g_assert_cmpuint (_nl_diagram_shown_index (15, 16, 120), ==, 119);
  g_assert_cmpuint (_nl_diagram_shown_index (3, 5, 5), ==, 3);
  g_assert_cmpuint (_nl_diagram_shown_index (0, 1, 7), ==, 0);
  for (guint k = 1; k < 16; k++)
    g_assert_cmpuint (_nl_diagram_shown_index (k, 16, 120), >, _nl_diagram_shown_index (k - 1, 16, 120));
}

static void
test_compare_differs (void)
{
  NlRenderStyle style;
  g_autoptr(NlDiagramState) before = fixture_diagram_state (FALSE);
  g_autoptr(NlDiagramState) after = fixture_diagram_state (TRUE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  cairo_t *cr = cairo_create (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  gsize differ = 0;

  style_init (&style, NL_THEME_DARK);
  nl_signal_diagram_draw_compare (cr, before, after, 0.0, &style, 1280, 720);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

  /* The two halves show different states, so they differ (but not wholly). */
  for (int y = 100; y < 600; y++)
    if (memcmp (data + y * stride, data + y * stride + 4 * 644, 4 * 630) != 0)
      differ++;
  g_assert_cmpuint (differ, >, 100);
  /* Dark theme: the corner is the dark background. */
  g_assert_cmpuint (data[2], ==, (guint) lround (style.background.red * 255));
  cairo_surface_destroy (surface);
}

static void
test_degenerate_inputs (void)
{
  NlRenderStyle style;
  g_autoptr(NlDiagramState) empty = nl_diagram_state_new (0, 0);
  g_autoptr(NlDiagramState) copy = NULL;
  cairo_surface_t *surface;

  style_init (&style, NL_THEME_LIGHT);
  surface = draw_state (empty, &style, 0, 640, 400);
  cairo_surface_destroy (surface);
  surface = draw_state (empty, &style, 0, 0, 0);
  cairo_surface_destroy (surface);

  copy = nl_diagram_state_copy (empty);
  nl_diagram_state_set_labels (copy, "Day 1", "Biceps", NULL);
  g_assert_cmpstr (copy->agonist.muscle, ==, "Biceps");
  g_assert_null (copy->antagonist.muscle);
  g_assert_null (empty->agonist.muscle);
  surface = draw_state (copy, &style, 3.0, 800, 600);
  cairo_surface_destroy (surface);
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

/* The cached animation looks like the whole drawing, frame after frame,
 * at 1× and 2×, and follows a change of state. */
static void
test_cache_matches (void)
{
  NlRenderStyle style;
  g_autoptr(NlDiagramState) before = fixture_diagram_state (FALSE);
  g_autoptr(NlDiagramState) after = fixture_diagram_state (TRUE);
  g_autoptr(NlDiagramCache) cache = nl_diagram_cache_new ();

  style_init (&style, NL_THEME_LIGHT);
  for (int scale = 1; scale <= 2; scale++)
    for (int compare = 0; compare <= 1; compare++)
      for (double t = 0.3; t < 2.0; t += 0.55)
        {
          int w = 960 * scale, h = 540 * scale;
          cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
          cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
          cairo_t *cr;
          gsize far;

          style.scale_factor = scale;
          cr = cairo_create (whole);
          cairo_scale (cr, scale, scale);
          if (compare)
            nl_signal_diagram_draw_compare (cr, before, after, t, &style, 960, 540);
          else
            nl_signal_diagram_draw (cr, after, t, &style, 960, 540);
          cairo_destroy (cr);
          cr = cairo_create (cached);
          cairo_scale (cr, scale, scale);
          nl_signal_diagram_draw_cached (cr, cache, after, compare ? before : NULL, t, &style, 960, 540);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_flush (whole);
          cairo_surface_flush (cached);

          /* Layering differs only where moving parts cross still edges. */
          far = count_far (whole, cached, 24);
          if (far > (gsize) w * h / 500)
            {
              g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "cache-mismatch.png", NULL);
              cairo_surface_write_to_png (cached, path);
              g_error ("scale %d compare %d t %.2f: %" G_GSIZE_FORMAT " pixels differ", scale, compare, t, far);
            }
          cairo_surface_destroy (whole);
          cairo_surface_destroy (cached);
        }

  /* The still layer is drawn once per state, size and scale, not per frame;
   * a vector target is drawn whole without touching the cache. */
  {
    g_autoptr(NlDiagramCache) fresh = nl_diagram_cache_new ();
    g_autoptr(NlDiagramState) copy = nl_diagram_state_copy (after);
    cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
    cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (img);
    cairo_t *rcr = cairo_create (rec);

    style.scale_factor = 1;
    for (int i = 0; i < 5; i++)
      nl_signal_diagram_draw_cached (cr, fresh, after, NULL, i / 30.0, &style, 640, 400);
    g_assert_cmpuint (_nl_diagram_cache_get_redraws (fresh), ==, 1);
    /* An equal copy is the same state. */
    nl_signal_diagram_draw_cached (cr, fresh, copy, NULL, 0.5, &style, 640, 400);
    g_assert_cmpuint (_nl_diagram_cache_get_redraws (fresh), ==, 1);
    copy->coactivation += 0.01;
    nl_signal_diagram_draw_cached (cr, fresh, copy, NULL, 0.5, &style, 640, 400);
    g_assert_cmpuint (_nl_diagram_cache_get_redraws (fresh), ==, 2);
    nl_signal_diagram_draw_cached (cr, fresh, copy, NULL, 0.5, &style, 600, 400);
    g_assert_cmpuint (_nl_diagram_cache_get_redraws (fresh), ==, 3);
    nl_signal_diagram_draw_cached (cr, fresh, copy, before, 0.5, &style, 600, 400);
    g_assert_cmpuint (_nl_diagram_cache_get_redraws (fresh), ==, 4);
    nl_signal_diagram_draw_cached (rcr, fresh, copy, before, 0.5, &style, 600, 400);
    g_assert_cmpuint (_nl_diagram_cache_get_redraws (fresh), ==, 4);
    g_assert_cmpint (cairo_status (rcr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_destroy (rcr);
    cairo_surface_destroy (img);
    cairo_surface_destroy (rec);
  }

  /* A new state redraws the still layer: fewer units lit at low effort. */
  {
    g_autoptr(NlDiagramState) low = state_at_effort (0.1);
    cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
    cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
    cairo_t *cr;

    style.scale_factor = 1;
    cr = cairo_create (a);
    nl_signal_diagram_draw_cached (cr, cache, after, NULL, 1.0, &style, 960, 540);
    cairo_destroy (cr);
    cr = cairo_create (b);
    nl_signal_diagram_draw_cached (cr, cache, low, NULL, 1.0, &style, 960, 540);
    cairo_destroy (cr);
    cairo_surface_flush (a);
    cairo_surface_flush (b);
    g_assert_cmpuint (count_colour (a, &style.recruited, 6), >, count_colour (b, &style.recruited, 6) + 500);
    cairo_surface_destroy (a);
    cairo_surface_destroy (b);
  }
}

/* One of the figures a thread may draw in turn: themes, sizes, scale
 * factors and presentation differ, so every per-thread cache (shaped
 * layouts, the rasteriser's scratch masks) meets changed inputs. */
#define N_SEQUENCE 6

static gpointer
draw_in_sequence (gpointer data)
{
  int k = GPOINTER_TO_INT (data);
  static const int sizes[N_SEQUENCE][2] = {
    { 1920, 1080 }, { 1280, 720 }, { 900, 700 }, { 1280, 800 }, { 960, 540 }, { 1920, 1080 },
  };
  g_autoptr(NlDiagramState) before = fixture_diagram_state (FALSE);
  g_autoptr(NlDiagramState) after = fixture_diagram_state (TRUE);
  g_autoptr(NlPlot) plot = fixture_plot (365);
  NlRenderStyle style;
  int w = sizes[k][0], h = sizes[k][1];
  double scale = k == 4 ? 2 : 1;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  nl_render_style_init (&style, k == 2 || k == 3 ? NL_THEME_DARK : NL_THEME_LIGHT);
  style.scale_factor = scale;
  nl_render_style_set_presentation (&style, k == 2);
  switch (k)
    {
    case 1:
      nl_trend_plot_draw (cr, plot, &style, w, h);
      break;
    case 3:
      nl_signal_diagram_draw_compare (cr, before, after, 0.7, &style, w, h);
      break;
    default:
      nl_signal_diagram_draw (cr, k == 5 ? before : after, 0.3 * k, &style, w, h);
      break;
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A frame through a fresh cache at twice the resolution: on an image with
 * a device scale of 2 when @device_scale, else under cairo_scale(). */
static cairo_surface_t *
draw_cached_at_2 (const NlDiagramState *state,
                  gboolean              device_scale)
{
  g_autoptr(NlDiagramCache) cache = nl_diagram_cache_new ();
  cairo_t *cr = fixture_context_at_2 (960, 540, device_scale);
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  NlRenderStyle style;

  style_init (&style, NL_THEME_LIGHT);
  style.scale_factor = 2;
  nl_signal_diagram_draw_cached (cr, cache, state, NULL, 0.8, &style, 960, 540);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The still layer is made at the target's resolution, device scale
 * included: a HiDPI window's frame is as sharp as an export at scale 2. */
static void
test_cache_device_scale (void)
{
  g_autoptr(NlDiagramState) state = fixture_diagram_state (TRUE);
  cairo_surface_t *device = draw_cached_at_2 (state, TRUE);
  cairo_surface_t *scaled = draw_cached_at_2 (state, FALSE);

  g_assert_cmpuint (count_far (device, scaled, 0), ==, 0);
  cairo_surface_destroy (device);
  cairo_surface_destroy (scaled);
}

/* Drawn after other figures in the same thread, a figure has exactly the
 * pixels it has when drawn first in a thread of its own. */
static void
test_thread_state_reused (void)
{
  cairo_surface_t *reused[N_SEQUENCE];

  for (int k = 0; k < N_SEQUENCE; k++)
    reused[k] = draw_in_sequence (GINT_TO_POINTER (k));
  for (int k = 0; k < N_SEQUENCE; k++)
    {
      GThread *thread = g_thread_new ("fresh", draw_in_sequence, GINT_TO_POINTER (k));
      cairo_surface_t *fresh = g_thread_join (thread);
      int stride = cairo_image_surface_get_stride (fresh);
      int height = cairo_image_surface_get_height (fresh);

      g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (reused[k]));
      g_assert_cmpint (height, ==, cairo_image_surface_get_height (reused[k]));
      g_assert_true (memcmp (cairo_image_surface_get_data (fresh),
                             cairo_image_surface_get_data (reused[k]), (gsize) stride * height) == 0);
      cairo_surface_destroy (fresh);
      cairo_surface_destroy (reused[k]);
    }
}

/* One of the figures drawn at 1280 × 800 over a surface first painted
 * all @red, @green, @blue. */
static cairo_surface_t *
draw_over (int                   figure,
           const NlRenderStyle  *style,
           double                red,
           double                green,
           double                blue)
{
  g_autoptr(NlDiagramState) before = fixture_diagram_state (FALSE);
  g_autoptr(NlDiagramState) after = fixture_diagram_state (TRUE);
  g_autoptr(NlPlot) plot = fixture_plot (365);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  if (figure == 0)
    nl_signal_diagram_draw (cr, after, 0.4, style, 1280, 800);
  else if (figure == 1)
    nl_signal_diagram_draw_compare (cr, before, after, 0.4, style, 1280, 800);
  else
    nl_trend_plot_draw (cr, plot, style, 1280, 800);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The background is left out under what is painted over it opaque: a
 * cold draw must still cover every pixel, with opaque panels or with
 * see-through ones (then the background is under them).  What was on the
 * surface before must not show anywhere. */
static void
test_covers_every_pixel (void)
{
  for (int see_through = 0; see_through < 2; see_through++)
    for (int figure = 0; figure < 3; figure++)
      {
        NlRenderStyle style;
        cairo_surface_t *a, *b;

        nl_render_style_init (&style, NL_THEME_LIGHT);
        if (see_through)
          style.panel.alpha = 0.5;
        a = draw_over (figure, &style, 0, 1, 0);
        b = draw_over (figure, &style, 1, 0, 1);
        g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                               (gsize) cairo_image_surface_get_stride (a) * 800) == 0);
        cairo_surface_destroy (a);
        cairo_surface_destroy (b);
      }
}

/* A screen reader gets what the figure shows, in sentences. */
static void
test_describe (void)
{
  g_autoptr(NlDiagramState) state = state_at_effort (0.8);
  g_autoptr(NlDiagramState) earlier = state_at_effort (0.8);
  g_autofree char *text = NULL;
  g_autofree char *both = NULL;
  g_autofree char *expected_units = NULL;
  g_autofree char *expected_day = NULL;

  nl_diagram_state_set_labels (state, "Week 3, day 2", "Quadriceps", "Hamstrings");
  nl_diagram_state_set_labels (earlier, "Week 1, day 1", "Quadriceps", "Hamstrings");
  state->il6_fold = 1.5;
  state->muscle_bdnf_fold = NAN;
  state->serum_bdnf_fold = 1.04;
  text = nl_signal_diagram_describe (state, NULL);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Week 3, day 2, 80 % effort: voluntary activation "));
  expected_units = g_strdup_printf ("%u of %u motor units of the Quadriceps recruited",
                                    nl_diagram_pool_count_recruited (&state->agonist), state->agonist.n_units);
  g_assert_nonnull (strstr (text, expected_units));
  g_assert_nonnull (strstr (text, "IL-6 in the blood ×1.5."));
  g_assert_nonnull (strstr (text, "BDNF in the blood ×1.04"));
  /* What the model does not give is not made up. */
  g_assert_null (strstr (text, "BDNF in the muscle"));

  both = nl_signal_diagram_describe (state, earlier);
  g_assert_true (g_str_has_prefix (both, "Two days side by side. Left, Week 1, day 1, 80 % effort: "));
  expected_day = g_strdup (" Right, Week 3, day 2, 80 % effort: ");
  g_assert_nonnull (strstr (both, expected_day));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/diagram/deterministic-and-animated", test_deterministic_and_animated);
  g_test_add_func ("/render/diagram/recruitment-lights-units", test_recruitment_lights_units);
  g_test_add_func ("/render/diagram/spike-rate", test_spike_rate);
  g_test_add_func ("/render/diagram/twitch-summation", test_twitch_summation);
  g_test_add_func ("/render/diagram/shown-index", test_shown_index);
  g_test_add_func ("/render/diagram/describe", test_describe);
  g_test_add_func ("/render/diagram/compare-differs", test_compare_differs);
  g_test_add_func ("/render/diagram/degenerate-inputs", test_degenerate_inputs);
  g_test_add_func ("/render/diagram/cache-matches", test_cache_matches);
  g_test_add_func ("/render/diagram/cache-device-scale", test_cache_device_scale);
  g_test_add_func ("/render/diagram/thread-state-reused", test_thread_state_reused);
  g_test_add_func ("/render/diagram/covers-every-pixel", test_covers_every_pixel);

  return g_test_run ();
}
