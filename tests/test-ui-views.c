/* test-ui-views.c — the Diagram and Trends pages under Xvfb
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nl-day-label.h"
#include "nl-diagram-page.h"
#include "nl-explanation.h"
#include "nl-explanation-box.h"
#include "nl-frames-dialog.h"
#include "nl-program-xml.h"
#include "nl-signal-diagram.h"
#include "nl-trend-plot.h"
#include "nl-trends-page.h"
#include "nl-view-adapters.h"
#include "nl-view-style.h"
#include "nl-test-widgets.h"

typedef struct {
  GtkWindow     *window;
  NlProgram     *program;
  NlSimulation  *simulation;
  NlDiagramPage *diagram;
  NlTrendsPage  *trends;
  GtkStack      *stack;
} Fixture;

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

static gboolean
wait_until (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = example_path ("cross-education-cast.neurolift");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->program = nl_program_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  f->simulation = nl_simulation_new ();
  nl_simulation_set_program (f->simulation, f->program);

  f->diagram = NL_DIAGRAM_PAGE (nl_diagram_page_new ());
  f->trends = NL_TRENDS_PAGE (nl_trends_page_new ());
  /* As the window does: one simulation, the two days bound together. */
  g_object_set (f->diagram, "simulation", f->simulation, NULL);
  g_object_set (f->trends, "simulation", f->simulation, NULL);
  g_object_bind_property (f->diagram, "day", f->trends, "day",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  f->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (f->stack, GTK_WIDGET (f->diagram), "diagram");
  gtk_stack_add_named (f->stack, GTK_WIDGET (f->trends), "trends");

  f->window = GTK_WINDOW (gtk_window_new ());
  /* @data: the display to open the window on, NULL for the default. */
  if (data != NULL)
    gtk_window_set_display (f->window, GDK_DISPLAY ((gpointer) data));
  gtk_window_set_default_size (f->window, 1280, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->stack));
  gtk_window_present (f->window);

  nl_simulation_wait (f->simulation);
  g_assert_nonnull (nl_simulation_get_timeline (f->simulation));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  nl_simulation_set_program (f->simulation, NULL);
  g_clear_object (&f->simulation);
  g_clear_object (&f->program);
  while (g_main_context_iteration (NULL, FALSE));
}

static void
show_page (Fixture    *f,
           const char *name)
{
  gtk_stack_set_visible_child_name (f->stack, name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* The whole window rendered to a texture (ECOSYSTEM §2.3). */
static GdkTexture *
render_window (GtkWidget *window)
{
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

/* Pixels inside @bounds that differ from its top-left one: a drawn figure
 * has many, an empty widget none. */
static gsize
count_drawn_pixels (GdkTexture            *texture,
                    const graphene_rect_t *bounds)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  int x0 = CLAMP ((int) bounds->origin.x, 0, w - 1), y0 = CLAMP ((int) bounds->origin.y, 0, h - 1);
  int x1 = CLAMP ((int) (bounds->origin.x + bounds->size.width), 0, w);
  int y1 = CLAMP ((int) (bounds->origin.y + bounds->size.height), 0, h);
  g_autofree guchar *px = g_malloc ((gsize) w * h * 4);
  const guchar *ref;
  gsize drawn = 0;

  gdk_texture_download (texture, px, w * 4);
  ref = px + 4 * ((gsize) y0 * w + x0);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = px + 4 * ((gsize) y * w + x);

        if (abs (p[0] - ref[0]) + abs (p[1] - ref[1]) + abs (p[2] - ref[2]) > 24)
          drawn++;
      }
  return drawn;
}

static void
assert_widget_draws (GtkWidget  *widget,
                     const char *png_name)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *png = NULL;
  graphene_rect_t bounds;
  gsize drawn, total;

  gtk_widget_queue_draw (window);
  gtk_test_widget_wait_for_draw (window);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 200);
  g_assert_cmpint (gtk_widget_get_height (widget), >, 150);
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  texture = render_window (window);
  total = (gsize) (bounds.size.width * bounds.size.height);
  drawn = count_drawn_pixels (texture, &bounds);
  g_test_message ("%s: %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " pixels drawn", png_name, drawn, total);
  g_assert_cmpuint (drawn, >, total / 50);

  png = g_test_build_filename (G_TEST_BUILT, png_name, NULL);
  gdk_texture_save_to_png (texture, png);
}

static void
test_diagram_draws (Fixture       *f,
                    gconstpointer  data)
{
  NlDiagramView *view = nl_diagram_page_get_view (f->diagram);

  show_page (f, "diagram");
  g_assert_nonnull (nl_diagram_view_get_state (view));
  g_assert_cmpuint (nl_diagram_view_get_frame_count (view), >, 0);
  assert_widget_draws (GTK_WIDGET (view), "views-diagram.png");
  assert_widget_draws (GTK_WIDGET (f->diagram), "views-diagram-page.png");

  /* Compare mode: two states side by side. */
  nl_diagram_page_set_compare_day (f->diagram, 27);
  g_assert_nonnull (nl_diagram_view_get_compare (view));
  assert_widget_draws (GTK_WIDGET (view), "views-diagram-compare.png");
  nl_diagram_page_set_compare_day (f->diagram, -1);
  g_assert_null (nl_diagram_view_get_compare (view));
}

static void
test_trends_draws (Fixture       *f,
                   gconstpointer  data)
{
  NlTrendView *view = nl_trends_page_get_view (f->trends);

  show_page (f, "trends");
  g_assert_nonnull (nl_trend_view_get_plot (view));
  assert_widget_draws (GTK_WIDGET (view), "views-trends.png");

  for (NlFigure figure = NL_FIGURE_STRENGTH; figure < NL_N_FIGURES; figure++)
    {
      g_autofree char *name = g_strdup_printf ("views-trends-%s.png", nl_figure_to_string (figure));

      nl_trends_page_set_figure (f->trends, figure);
      g_assert_nonnull (nl_trend_view_get_plot (view));
      assert_widget_draws (GTK_WIDGET (view), name);
    }
}

/* The view as GTK renders it, against the figure drawn directly: the tiles
 * it hands GTK must add up to exactly the frame. */
static void
assert_view_shows_frame (NlDiagramView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(NlDiagramCache) cache = nl_diagram_cache_new ();
  g_autofree guchar *shown = g_malloc ((gsize) w * h * 4);
  cairo_surface_t *expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  const guchar *data;
  NlRenderStyle style;
  guint differ = 0;
  cairo_t *cr;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_download (texture, shown, w * 4);

  nl_view_style_init (&style, widget);
  cr = cairo_create (expected);
  nl_signal_diagram_draw_cached (cr, cache, nl_diagram_view_get_state (view), NULL,
                                 nl_diagram_view_get_time (view), &style, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (expected);
  data = cairo_image_surface_get_data (expected);
  for (int y = 0; y < h; y++)
    differ += memcmp (shown + (gsize) y * w * 4,
                      data + (gsize) y * cairo_image_surface_get_stride (expected), w * 4) != 0;
  cairo_surface_destroy (expected);
  g_assert_cmpuint (differ, ==, 0);
}

/* While it animates, only the tiles that changed are replaced. */
static void
test_diagram_tiles (Fixture       *f,
                    gconstpointer  data)
{
  NlDiagramView *view = nl_diagram_page_get_view (f->diagram);
  guint n_tiles = 0, changed;

  show_page (f, "diagram");
  nl_diagram_view_set_time (view, 0.5);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  assert_view_shows_frame (view);

  nl_diagram_view_set_time (view, 0.52);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  changed = nl_diagram_view_get_changed_tiles (view, &n_tiles);
  g_test_message ("%u of %u tiles changed", changed, n_tiles);
  g_assert_cmpuint (n_tiles, >, 1);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (changed, <, n_tiles / 2);
  assert_view_shows_frame (view);

  /* Another day is another figure.  The day's new label may take the page
   * through a layout and a second frame first (on a loaded machine the
   * frames come apart), so the largest change of the next few counts. */
  nl_diagram_page_set_day (f->diagram, 20);
  changed = 0;
  for (guint i = 0; i < 3 && changed <= n_tiles / 2; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
      changed = MAX (changed, nl_diagram_view_get_changed_tiles (view, NULL));
    }
  g_assert_cmpuint (changed, >, n_tiles / 2);
  assert_view_shows_frame (view);
}

/* @widget as GTK renders it, as cairo image data (@w × @h, stride 4 @w). */
static guchar *
render_widget_pixels (GtkWidget *widget,
                      int       *w,
                      int       *h)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  *w = gtk_widget_get_width (widget);
  *h = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *w, *h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, *w, *h));
  pixels = g_malloc ((gsize) *w * *h * 4);
  gdk_texture_download (texture, pixels, *w * 4);
  return pixels;
}

/* Pixels in which the trend view as GTK renders it differs from its plot
 * drawn directly by the render layer, at the view's size in its style;
 * with @columns, the columns in which they lie (a bit per column). */
static guint
trend_view_differences (NlTrendView *view,
                        GArray      *columns)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int w, h;
  g_autofree guchar *shown = render_widget_pixels (widget, &w, &h);
  cairo_surface_t *expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  const guint32 *data;
  NlRenderStyle style;
  guint differ = 0;
  cairo_t *cr;

  nl_view_style_init (&style, widget);
  cr = cairo_create (expected);
  nl_trend_plot_draw (cr, nl_trend_view_get_plot (view), &style, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (expected);
  data = (const guint32 *) cairo_image_surface_get_data (expected);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 a = ((const guint32 *) shown)[(gsize) y * w + x];
        guint32 b = data[(gsize) y * cairo_image_surface_get_stride (expected) / 4 + x];

        if (a == b)
          continue;
        differ++;
        if (columns != NULL)
          {
            int column = x;
            g_array_append_val (columns, column);
          }
      }
  cairo_surface_destroy (expected);
  return differ;
}

/* The Trends view hands GTK an image of exactly what the render layer
 * draws, also after another day, a theme change and a resize; hovering
 * adds only its guide line. */
static void
test_trends_tiles (Fixture       *f,
                   gconstpointer  data)
{
  NlTrendView *view = nl_trends_page_get_view (f->trends);
  GtkWidget *widget = GTK_WIDGET (view);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_tiles = 0, changed, frames;
  int w, h, width_before;

  show_page (f, "trends");
  g_assert_nonnull (nl_trend_view_get_plot (view));
  g_assert_cmpuint (trend_view_differences (view, NULL), ==, 0);

  /* Another day moves the marker: few tiles change. */
  nl_trends_page_set_day (f->trends, 40);
  gtk_test_widget_wait_for_draw (widget);
  changed = nl_trend_view_get_changed_tiles (view, &n_tiles);
  g_test_message ("another day: %u of %u tiles changed", changed, n_tiles);
  g_assert_cmpuint (n_tiles, >, 20);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (changed, <, n_tiles / 4);
  g_assert_cmpuint (nl_trend_view_get_plot (view)->selected_day, ==, 40);
  g_assert_cmpuint (trend_view_differences (view, NULL), ==, 0);

  /* Hovering reads out values and draws one column over the plot. */
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  g_assert_true (nl_trend_view_hover (view, w * 0.5 + 0.3, h * 0.6));
  g_assert_nonnull (nl_trend_view_get_readout (view));
  frames = nl_trend_view_get_frame_count (view);
  gtk_test_widget_wait_for_draw (widget);
  g_assert_cmpuint (nl_trend_view_get_frame_count (view), >, frames);
  g_assert_cmpuint (trend_view_differences (view, columns), >, (guint) h / 4);
  for (guint i = 0; i < columns->len; i++)
    g_assert_cmpint (g_array_index (columns, int, i), ==, (int) (w * 0.5 + 0.3));
  g_assert_false (nl_trend_view_hover (view, 1, 1));
  g_assert_null (nl_trend_view_get_readout (view));
  gtk_test_widget_wait_for_draw (widget);
  g_assert_cmpuint (trend_view_differences (view, NULL), ==, 0);

  /* Dark and back: the view follows the style manager by itself. */
  frames = nl_trend_view_get_frame_count (view);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_test_widget_wait_for_draw (widget);
  g_assert_cmpuint (nl_trend_view_get_frame_count (view), >, frames);
  {
    g_autofree guchar *pixels = render_widget_pixels (widget, &w, &h);
    const guchar *corner = pixels + 4 * ((gsize) 2 * w + 2);

    /* The background is dark: premultiplied BGRA of an opaque pixel. */
    g_assert_cmpuint (corner[0] + corner[1] + corner[2], <, 3 * 100);
  }
  g_assert_cmpuint (trend_view_differences (view, NULL), ==, 0);
  frames = nl_trend_view_get_frame_count (view);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_test_widget_wait_for_draw (widget);
  g_assert_cmpuint (nl_trend_view_get_frame_count (view), >, frames);
  g_assert_cmpuint (trend_view_differences (view, NULL), ==, 0);

  /* Another size. */
  width_before = gtk_widget_get_width (widget);
  gtk_window_set_default_size (f->window, 1000, 640);
  gtk_test_widget_wait_for_draw (widget);
  spin (50);
  gtk_test_widget_wait_for_draw (widget);
  g_assert_cmpint (gtk_widget_get_width (widget), <, width_before);
  g_assert_cmpuint (trend_view_differences (view, NULL), ==, 0);
}

/* The same X server at two device pixels per unit: GDK reads GDK_SCALE
 * when it opens a display.  Opened once, before any test starts a thread,
 * and kept for the run. */
static GdkDisplay *scale2_display;

static GdkDisplay *
open_display_at_scale_2 (void)
{
  GdkDisplay *display;

  g_setenv ("GDK_SCALE", "2", TRUE);
  display = gdk_display_open (gdk_display_get_name (gdk_display_get_default ()));
  g_unsetenv ("GDK_SCALE");
  return display;
}

/* Rows in which @widget as GTK renders it at its window's scale factor
 * differ from @expected, an image of as many device pixels.  The widget's
 * node is rendered scaled, as the renderer renders a window of that scale. */
static guint
scaled_widget_differences (GtkWidget       *widget,
                           cairo_surface_t *expected)
{
  int scale = gtk_widget_get_scale_factor (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  int pw = w * scale, ph = h * scale;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderNode) scaled = NULL;
  g_autoptr(GskTransform) transform = gsk_transform_scale (NULL, scale, scale);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *shown = g_malloc ((gsize) pw * ph * 4);
  const guchar *data;
  guint differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, pw);
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, ph);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  scaled = gsk_transform_node_new (node, transform);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         scaled, &GRAPHENE_RECT_INIT (0, 0, pw, ph));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, pw);
  gdk_texture_download (texture, shown, pw * 4);

  cairo_surface_flush (expected);
  data = cairo_image_surface_get_data (expected);
  for (int y = 0; y < ph; y++)
    differ += memcmp (shown + (gsize) y * pw * 4,
                      data + (gsize) y * cairo_image_surface_get_stride (expected), (gsize) pw * 4) != 0;
  return differ;
}

/* An image of @widget's size at its scale factor, with a context that
 * draws on it in widget units, as `neurolift render --scale` draws. */
static cairo_t *
create_scaled_expected (GtkWidget *widget)
{
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       gtk_widget_get_width (widget) * scale,
                                                       gtk_widget_get_height (widget) * scale);
  cairo_t *cr = cairo_create (image);

  cairo_surface_destroy (image);
  cairo_scale (cr, scale, scale);
  return cr;
}

/* At two device pixels per unit the diagram shows exactly what the render
 * layer draws at that scale (with a cache of its own, as the scale-1 test
 * draws it): its still parts too, which the render layer keeps in a cached
 * layer that must be made at the frame's resolution, not at one pixel per
 * unit and scaled up (which blurred them). */
static void
test_diagram_scale_2 (Fixture       *f,
                      gconstpointer  data)
{
  NlDiagramView *view = nl_diagram_page_get_view (f->diagram);
  GtkWidget *widget = GTK_WIDGET (view);
  NlRenderStyle style;

  show_page (f, "diagram");
  g_assert_cmpint (gtk_widget_get_scale_factor (widget), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NlDiagramCache) cache = nl_diagram_cache_new ();
      cairo_t *cr;

      /* A first frame, then one with the still layer kept. */
      nl_diagram_view_set_time (view, 0.5 + 0.02 * i);
      gtk_test_widget_wait_for_draw (widget);
      nl_view_style_init (&style, widget);
      g_assert_cmpfloat (style.scale_factor, ==, 2);
      cr = create_scaled_expected (widget);
      nl_signal_diagram_draw_cached (cr, cache, nl_diagram_view_get_state (view), NULL,
                                     nl_diagram_view_get_time (view), &style,
                                     gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      g_assert_cmpuint (scaled_widget_differences (widget, cairo_get_target (cr)), ==, 0);
      cairo_destroy (cr);
    }
}

/* The same for the trend plot, also after another day, which it draws
 * over its cached layer. */
static void
test_trends_scale_2 (Fixture       *f,
                     gconstpointer  data)
{
  NlTrendView *view = nl_trends_page_get_view (f->trends);
  GtkWidget *widget = GTK_WIDGET (view);
  NlRenderStyle style;

  show_page (f, "trends");
  g_assert_cmpint (gtk_widget_get_scale_factor (widget), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr;

      if (i == 1)
        {
          nl_trends_page_set_day (f->trends, 40);
          gtk_test_widget_wait_for_draw (widget);
          g_assert_cmpuint (nl_trend_view_get_plot (view)->selected_day, ==, 40);
        }
      nl_view_style_init (&style, widget);
      cr = create_scaled_expected (widget);
      nl_trend_plot_draw (cr, nl_trend_view_get_plot (view), &style,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      g_assert_cmpuint (scaled_widget_differences (widget, cairo_get_target (cr)), ==, 0);
      cairo_destroy (cr);
    }
}

static gboolean
ticked_frames (gpointer data)
{
  return nl_diagram_view_get_frame_count (data) > 5 && nl_diagram_view_get_time (data) > 0.02;
}

static void
test_play_pause (Fixture       *f,
                 gconstpointer  data)
{
  NlDiagramView *view = nl_diagram_page_get_view (f->diagram);
  guint frames;
  double t;

  show_page (f, "diagram");
  g_assert_false (nl_diagram_page_get_playing (f->diagram));
  g_assert_false (nl_diagram_view_get_ticking (view));

  /* The action behind the play button and the Space key. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->diagram), "diagram.playing", NULL));
  g_assert_true (nl_diagram_page_get_playing (f->diagram));
  g_assert_true (nl_diagram_view_get_ticking (view));
  g_assert_true (wait_until (ticked_frames, view, 5000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->diagram), "diagram.playing", NULL));
  g_assert_false (nl_diagram_page_get_playing (f->diagram));
  g_assert_false (nl_diagram_view_get_ticking (view));
  t = nl_diagram_view_get_time (view);
  spin (100);
  g_assert_cmpfloat (nl_diagram_view_get_time (view), ==, t);

  /* Playing but hidden: no tick callback until the page is shown again. */
  nl_diagram_page_set_playing (f->diagram, TRUE);
  g_assert_true (nl_diagram_view_get_ticking (view));
  show_page (f, "trends");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (nl_diagram_view_get_ticking (view));
  frames = nl_diagram_view_get_frame_count (view);
  spin (100);
  g_assert_cmpuint (nl_diagram_view_get_frame_count (view), ==, frames);
  show_page (f, "diagram");
  g_assert_true (nl_diagram_view_get_ticking (view));

  /* The desktop's "reduce animation" setting stops it too. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (view)), "gtk-enable-animations", FALSE, NULL);
  g_assert_false (nl_diagram_view_get_ticking (view));
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (view)), "gtk-enable-animations", TRUE, NULL);
  g_assert_true (nl_diagram_view_get_ticking (view));
  nl_diagram_page_set_playing (f->diagram, FALSE);
}

static void
test_day_sync (Fixture       *f,
               gconstpointer  data)
{
  NlTrendView *trend = nl_trends_page_get_view (f->trends);
  NlDiagramView *diagram = nl_diagram_page_get_view (f->diagram);
  NlTimeline *timeline = nl_simulation_get_timeline (f->simulation);
  g_autofree char *before = NULL;
  int w, h;
  guint day;

  show_page (f, "trends");
  w = gtk_widget_get_width (GTK_WIDGET (trend));
  h = gtk_widget_get_height (GTK_WIDGET (trend));

  /* A click in the middle of the plot picks a day in the middle. */
  g_assert_true (nl_trend_view_click (trend, w * 0.5, h * 0.5));
  day = nl_trends_page_get_day (f->trends);
  g_assert_cmpuint (day, >, nl_timeline_get_n_days (timeline) / 5);
  g_assert_cmpuint (day, <, nl_timeline_get_n_days (timeline) * 4 / 5);
  g_assert_cmpuint (nl_diagram_page_get_day (f->diagram), ==, day);
  g_assert_cmpuint (nl_trend_view_get_plot (trend)->selected_day, ==, day);
  g_assert_true (nl_trend_view_hover (trend, w * 0.5, h * 0.5));
  g_assert_nonnull (nl_trend_view_get_readout (trend));
  g_assert_false (nl_trend_view_click (trend, 1, 1));

  /* The diagram shows that day, and every place that names it uses the
   * same words, week and day counted from 1: the diagram's title, the
   * plot's hover read-out and "Selected" label, the scrubber's label and
   * what a screen reader hears for the scrubber's value. */
  {
    g_autofree char *name = nl_day_label_dup (day);
    g_autofree char *selected = nl_trend_plot_dup_selected_label (nl_trend_view_get_plot (trend));
    GObject *label = gtk_widget_get_template_child (GTK_WIDGET (f->diagram), NL_TYPE_DIAGRAM_PAGE, "day_label");
    GObject *scale = gtk_widget_get_template_child (GTK_WIDGET (f->diagram), NL_TYPE_DIAGRAM_PAGE, "day_scale");

    g_assert_true (g_str_has_prefix (name, "Week "));
    g_assert_cmpstr (nl_diagram_view_get_state (diagram)->day_label, ==, name);
    g_assert_true (g_str_has_prefix (nl_trend_view_get_readout (trend), name));
    g_assert_true (g_str_has_suffix (selected, name));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, name);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, name);
  }
  before = g_strdup (nl_diagram_view_get_state (diagram)->day_label);

  /* And the other way round. */
  nl_diagram_page_set_day (f->diagram, 3);
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 3);
  g_assert_cmpuint (nl_trend_view_get_day (trend), ==, 3);
  g_assert_cmpstr (nl_diagram_view_get_state (diagram)->day_label, !=, before);

  /* The compare scrubber names its day the same way. */
  nl_diagram_page_set_compare_day (f->diagram, 8);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_template_child (GTK_WIDGET (f->diagram),
                                                                                    NL_TYPE_DIAGRAM_PAGE,
                                                                                    "compare_scale")),
                                       GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "Week 2, day 2");
  g_assert_cmpstr (nl_diagram_view_get_compare (diagram)->day_label, ==, "Week 2, day 2");
  nl_diagram_page_set_compare_day (f->diagram, -1);

  /* GTK 4.8 does not pass a slider's value text on to screen readers:
   * each slider is described by the label that says its value in words. */
  {
    guint scales = 0;

    for (GtkWidget *w = GTK_WIDGET (f->diagram); w != NULL;)
      {
        if (GTK_IS_SCALE (w))
          {
            g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
            scales++;
          }
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && w != GTK_WIDGET (f->diagram) && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = (w == NULL || w == GTK_WIDGET (f->diagram)) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_cmpuint (scales, ==, 3);
  }

  /* Days past the end are clamped to the timeline. */
  nl_diagram_page_set_day (f->diagram, 100000);
  g_assert_cmpuint (nl_diagram_page_get_day (f->diagram), ==, nl_timeline_get_n_days (timeline) - 1);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  *out = g_object_ref (result);
}

static void
assert_file_starts_with (GFile      *file,
                         const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (file, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpmem (contents, strlen (magic), magic, strlen (magic));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nl-views-XXXXXX", &error);
  static const struct { const char *ext; const char *magic; } formats[] = {
    { "png", "\x89PNG" }, { "svg", "<?xml" }, { "pdf", "%PDF" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *diagram_name = g_strdup_printf ("diagram.%s", formats[i].ext);
      g_autofree char *trends_name = g_strdup_printf ("trends.%s", formats[i].ext);
      g_autoptr(GFile) diagram = g_file_new_build_filename (dir, diagram_name, NULL);
      g_autoptr(GFile) trends = g_file_new_build_filename (dir, trends_name, NULL);

      g_assert_true (nl_diagram_page_export_to_file (f->diagram, diagram, 800, 450, &error));
      g_assert_no_error (error);
      assert_file_starts_with (diagram, formats[i].magic);
      g_assert_true (nl_trends_page_export_to_file (f->trends, trends, 800, 450, &error));
      g_assert_no_error (error);
      assert_file_starts_with (trends, formats[i].magic);
    }

  {
    g_autoptr(GFile) csv = g_file_new_build_filename (dir, "timeline.csv", NULL);
    g_autoptr(GFile) frames = g_file_new_build_filename (dir, "frames", NULL);
    g_autoptr(GFile) frame = NULL;
    g_autoptr(GFile) bad = g_file_new_build_filename (dir, "figure.gif", NULL);
    g_autofree char *contents = NULL;
    guint lines = 0;

    g_assert_true (nl_trends_page_export_csv_to_file (f->trends, csv, &error));
    g_assert_no_error (error);
    assert_file_starts_with (csv, "day,week,phase,strength_pct");
    g_file_load_contents (csv, NULL, &contents, NULL, NULL, &error);
    g_assert_no_error (error);
    for (const char *p = contents; *p; p++)
      lines += *p == '\n';
    g_assert_cmpuint (lines, ==, nl_timeline_get_n_days (nl_simulation_get_timeline (f->simulation)) + 1);

    g_assert_true (g_file_make_directory (frames, NULL, &error));
    /* On a worker: the call returns at once, the window goes on, and the
     * result comes back on the main thread. */
    {
      g_autoptr(GAsyncResult) result = NULL;

      nl_diagram_page_export_frames_async (f->diagram, frames, 3, 10, 320, 200, store_result_cb, &result);
      g_assert_true (nl_diagram_page_is_exporting_frames (f->diagram));
      g_assert_null (result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (nl_diagram_page_export_frames_finish (f->diagram, result, &error));
      g_assert_no_error (error);
      g_assert_false (nl_diagram_page_is_exporting_frames (f->diagram));
    }
    frame = g_file_get_child (frames, "frame-0002.png");
    assert_file_starts_with (frame, "\x89PNG");

    /* An unknown extension is a user error, not a crash. */
    g_assert_false (nl_diagram_page_export_to_file (f->diagram, bad, 320, 200, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
  }

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (cmd), ==, 0);
  }
}

static gboolean
not_running (gpointer data)
{
  return !nl_simulation_get_running (data);
}

static void
test_bands_zoom_compare (Fixture       *f,
                         gconstpointer  data)
{
  NlTrendView *view = nl_trends_page_get_view (f->trends);
  NlTimeline *timeline;
  const NlPlot *plot;
  const NlPlotSeries *series;
  const NlTimelinePhase *phase;
  g_autofree char *path = example_path ("cross-education-cast.neurolift");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("no-such-programme.neurolift");
  g_autoptr(GError) error = NULL;
  guint n_series;
  gboolean dashed = FALSE;

  show_page (f, "trends");
  nl_trends_page_set_figure (f->trends, NL_FIGURE_NEURAL);

  /* Bands: a population run through the simulation. */
  nl_trends_page_set_show_bands (f->trends, TRUE);
  g_assert_cmpuint (nl_simulation_get_population (f->simulation), ==, NL_TRENDS_BANDS_POPULATION);
  g_assert_true (wait_until (not_running, f->simulation, 20000));
  g_assert_cmpuint (nl_timeline_get_population (nl_simulation_get_timeline (f->simulation)), ==,
                    NL_TRENDS_BANDS_POPULATION);
  series = g_ptr_array_index (nl_trend_view_get_plot (view)->series, 0);
  g_assert_nonnull (series->lo);
  g_assert_nonnull (series->hi);
  assert_widget_draws (GTK_WIDGET (view), "views-trends-bands.png");
  nl_trends_page_set_show_bands (f->trends, FALSE);
  g_assert_true (wait_until (not_running, f->simulation, 20000));
  series = g_ptr_array_index (nl_trend_view_get_plot (view)->series, 0);
  g_assert_null (series->lo);

  /* Hide a curve, show it again. */
  n_series = nl_trend_view_get_plot (view)->series->len;
  nl_trends_page_set_series_visible (f->trends, 0, FALSE);
  g_assert_cmpuint (nl_trend_view_get_plot (view)->series->len, ==, n_series - 1);
  nl_trends_page_set_series_visible (f->trends, 0, TRUE);
  g_assert_cmpuint (nl_trend_view_get_plot (view)->series->len, ==, n_series);

  /* Zoom to the second phase. */
  timeline = nl_simulation_get_timeline (f->simulation);
  g_assert_cmpuint (nl_timeline_get_n_phases (timeline), >=, 2);
  phase = nl_timeline_get_phase (timeline, 1);
  nl_trends_page_set_zoom_phase (f->trends, 1);
  plot = nl_trend_view_get_plot (view);
  series = g_ptr_array_index (plot->series, 0);
  g_assert_cmpfloat (series->x[0], ==, phase->first_day);
  g_assert_cmpfloat (series->x[series->n - 1], ==, phase->first_day + phase->n_days - 1);
  nl_trends_page_set_zoom_phase (f->trends, -1);
  series = g_ptr_array_index (nl_trend_view_get_plot (view)->series, 0);
  g_assert_cmpuint (series->n, ==, nl_timeline_get_n_days (timeline));

  /* Compare with a second programme: its curves are dashed. */
  g_assert_false (nl_trends_page_set_compare_file (f->trends, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* A file with a problem opens, but it cannot be simulated: said at once. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "invalid",
                                                   "session-in-detraining.neurolift", NULL);
    g_autoptr(GFile) problem = g_file_new_for_path (path);

    g_assert_false (nl_trends_page_set_compare_file (f->trends, problem, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "detraining phase"));
    g_assert_null (nl_trends_page_get_compare_simulation (f->trends));
    g_clear_error (&error);
  }
  g_assert_true (nl_trends_page_set_compare_file (f->trends, file, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (not_running, nl_trends_page_get_compare_simulation (f->trends), 20000));
  plot = nl_trend_view_get_plot (view);
  for (guint i = 0; i < plot->series->len; i++)
    dashed |= ((NlPlotSeries *) g_ptr_array_index (plot->series, i))->dashed;
  g_assert_true (dashed);
  assert_widget_draws (GTK_WIDGET (view), "views-trends-compare.png");
  g_assert_true (nl_trends_page_set_compare_file (f->trends, NULL, NULL));
  g_assert_null (nl_trends_page_get_compare_simulation (f->trends));
}

static gboolean
timeline_days_are (gpointer data)
{
  Fixture *f = data;
  NlTimeline *timeline = nl_simulation_get_timeline (f->simulation);

  return timeline != NULL && !nl_simulation_get_running (f->simulation)
         && nl_timeline_get_n_days (timeline) == 7 * nl_program_get_n_weeks (f->program);
}

static void
test_edit_updates_plot (Fixture       *f,
                        gconstpointer  data)
{
  NlTrendView *view = nl_trends_page_get_view (f->trends);
  NlPhase *phase = nl_program_get_phase (f->program, 0);
  const NlPlotSeries *series;

  show_page (f, "trends");
  nl_phase_set_weeks (phase, nl_phase_get_weeks (phase) + 2);
  g_assert_true (wait_until (timeline_days_are, f, 10000));
  series = g_ptr_array_index (nl_trend_view_get_plot (view)->series, 0);
  g_assert_cmpuint (series->n, ==, 7 * nl_program_get_n_weeks (f->program));
}

/* A key press as the plot's key controller receives it: what GTK does
 * with a key the window's capture phase left alone. */
static gboolean
press_plot_key (NlTrendView     *view,
                guint            keyval,
                GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean found = FALSE, handled = FALSE;

  for (guint k = 0; k < g_list_model_get_n_items (controllers) && !found; k++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, k);

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      found = TRUE;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_assert_true (found);
  return handled;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("\"%s\" does not contain \"%s\"", text ? text : "(null)", part);
}

/* The plot is a figure the keyboard and a screen reader can use: Tab
 * reaches it after the toolbar, the keys move its day as a click does
 * (the page's day, which the diagram follows), and its accessible
 * description always tells the selected day and the values on it. */
static void
test_trends_keys (Fixture       *f,
                  gconstpointer  data)
{
  NlTrendView *view = nl_trends_page_get_view (f->trends);
  NlTimeline *timeline = nl_simulation_get_timeline (f->simulation);
  GtkWidget *compare = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->trends), NL_TYPE_TRENDS_PAGE,
                                                                  "compare_button"));
  GtkLabel *readout = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->trends), NL_TYPE_TRENDS_PAGE,
                                                                "readout_label"));
  guint last = nl_timeline_get_n_days (timeline) - 1;
  const NlPlot *plot;
  const NlPlotSeries *series;
  g_autofree char *before = NULL;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  int w, h;

  show_page (f, "trends");
  nl_trends_page_set_day (f->trends, 20);
  g_assert_cmpstr (gtk_label_get_label (readout), ==,
                   "Point at the plot or use the arrow keys to read values and choose the day.");

  /* Focus: Tab from the toolbar's last button lands on the plot. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_SLIDER);
  g_assert_true (gtk_widget_grab_focus (compare));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (view));

  /* The description: the figure, the selected day, each series' value. */
  plot = nl_trend_view_get_plot (view);
  series = g_ptr_array_index (plot->series, 0);
  name = nl_day_label_dup (20);
  value = g_strdup_printf ("%s: %.1f", series->label, nl_plot_series_value_at (series, 20, NULL));
  assert_contains (nl_trend_view_get_description (view), plot->title);
  assert_contains (nl_trend_view_get_description (view), name);
  assert_contains (nl_trend_view_get_description (view), value);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       nl_trend_view_get_description (view));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 20.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, name);
  /* With the focus on the plot, the line under it reads the same day. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (readout), name));
  assert_contains (gtk_label_get_label (readout), value);

  /* The pointer elsewhere on the plot changes the hover read-out, not
   * what the description says of the selected day. */
  before = g_strdup (nl_trend_view_get_description (view));
  w = gtk_widget_get_width (GTK_WIDGET (view));
  h = gtk_widget_get_height (GTK_WIDGET (view));
  g_assert_true (nl_trend_view_hover (view, w * 0.9, h * 0.5));
  g_assert_false (g_str_has_prefix (nl_trend_view_get_readout (view), name));
  g_assert_cmpstr (nl_trend_view_get_description (view), ==, before);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, before);
  /* GTK resets the description with the tooltip when the pointer leaves. */
  g_assert_false (nl_trend_view_hover (view, 1, 1));
  g_assert_null (nl_trend_view_get_readout (view));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, before);

  /* The keys: a day, a week, the ends; the diagram follows. */
  g_assert_true (press_plot_key (view, GDK_KEY_Right, 0));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 21);
  g_assert_cmpuint (nl_diagram_page_get_day (f->diagram), ==, 21);
  g_assert_cmpfloat (nl_trend_view_get_plot (view)->selected_day, ==, 21);
  g_assert_cmpstr (nl_trend_view_get_description (view), !=, before);
  {
    g_autofree char *next = nl_day_label_dup (21);

    assert_contains (nl_trend_view_get_description (view), next);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         nl_trend_view_get_description (view));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 21.0);
  }
  g_assert_true (press_plot_key (view, GDK_KEY_Left, 0));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 20);
  g_assert_true (press_plot_key (view, GDK_KEY_Page_Down, 0));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 27);
  g_assert_true (press_plot_key (view, GDK_KEY_Page_Up, 0));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 20);
  g_assert_true (press_plot_key (view, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 27);
  g_assert_true (press_plot_key (view, GDK_KEY_Left, GDK_CONTROL_MASK));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 20);
  g_assert_true (press_plot_key (view, GDK_KEY_End, 0));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, last);
  g_assert_cmpuint (nl_diagram_page_get_day (f->diagram), ==, last);
  g_assert_true (press_plot_key (view, GDK_KEY_Right, 0));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, last);
  g_assert_true (press_plot_key (view, GDK_KEY_Home, 0));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 0);
  g_assert_true (press_plot_key (view, GDK_KEY_Left, 0));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 0);
  /* Other keys and modifiers go on to the window. */
  g_assert_false (press_plot_key (view, GDK_KEY_a, 0));
  g_assert_false (press_plot_key (view, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_false (press_plot_key (view, GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, 0);

  /* Zoomed to a phase, the ends are the phase's. */
  nl_trends_page_set_zoom_phase (f->trends, 1);
  {
    const NlTimelinePhase *phase = nl_timeline_get_phase (timeline, 1);

    g_assert_true (press_plot_key (view, GDK_KEY_End, 0));
    g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, phase->first_day + phase->n_days - 1);
    g_assert_true (press_plot_key (view, GDK_KEY_Home, 0));
    g_assert_cmpuint (nl_trends_page_get_day (f->trends), ==, phase->first_day);
  }
  nl_trends_page_set_zoom_phase (f->trends, -1);

  /* Another figure: the description follows it. */
  g_clear_pointer (&before, g_free);
  before = g_strdup (nl_trend_view_get_description (view));
  nl_trends_page_set_figure (f->trends, NL_FIGURE_NEURAL);
  assert_contains (nl_trend_view_get_description (view), nl_trend_view_get_plot (view)->title);
  g_assert_cmpstr (nl_trend_view_get_description (view), !=, before);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.neurolift.Neurolift");

  /* The memory backend starts from the schema's defaults. */
  g_assert_cmpfloat (nl_diagram_page_get_effort (f->diagram), ==,
                     g_settings_get_double (settings, "effort"));
  g_settings_set_double (settings, "effort", 0.35);
  g_assert_cmpfloat (nl_diagram_page_get_effort (f->diagram), ==, 0.35);
  nl_diagram_page_set_speed (f->diagram, 2.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "animation-speed"), ==, 2.5);
  g_assert_cmpfloat (nl_diagram_view_get_speed (nl_diagram_page_get_view (f->diagram)), ==, 2.5);
  g_settings_reset (settings, "effort");
  g_settings_reset (settings, "animation-speed");
}

/* Every series the model writes has an explanation for its panel. */
static void
test_every_series_explained (void)
{
  for (guint s = 0; s < NL_N_SERIES; s++)
    {
      const char *meaning = nl_explanation_get_meaning ((NlSeries) s);

      g_test_message ("series %u", s);
      g_assert_nonnull (meaning);
      g_assert_cmpuint (strlen (meaning), >, 20);
    }
}

static double
luminance (double r,
           double g,
           double b)
{
  double c[3] = { r, g, b };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* The contrast of @label's text against @background (opaque). */
static double
label_contrast (GtkWidget     *label,
                const GdkRGBA *background)
{
  GdkRGBA fg;
  double r, g, b, l1, l2;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS
  r = fg.red * fg.alpha + background->red * (1 - fg.alpha);
  g = fg.green * fg.alpha + background->green * (1 - fg.alpha);
  b = fg.blue * fg.alpha + background->blue * (1 - fg.alpha);
  l1 = luminance (r, g, b);
  l2 = luminance (background->red, background->green, background->blue);
  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

/* The evidence and source lines are set apart from the paragraph but stay
 * readable: at least 4.5:1, the contrast body text needs, light and dark. */
static void
test_explanation_contrast (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = nl_explanation_row_new (NL_SERIES_CORTICOSPINAL);
  /* libadwaita 1.2's window backgrounds. */
  const GdkRGBA light = { 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0, 1 };
  const GdkRGBA dark = { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  guint checked = 0;

  /* The application's style sheet, which GtkApplication loads for it. */
  gtk_css_provider_load_from_resource (css, "/io/github/neurolift/Neurolift/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_present (GTK_WINDOW (window));
  for (guint scheme = 0; scheme < 2; scheme++)
    {
      adw_style_manager_set_color_scheme (manager, scheme ? ADW_COLOR_SCHEME_FORCE_DARK
                                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_test_widget_wait_for_draw (window);
      for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child) && (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), "Evidence:")
                                     || g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), "Source:")))
          {
            double contrast = label_contrast (child, scheme ? &dark : &light);

            g_test_message ("%s: %.2f", gtk_label_get_text (GTK_LABEL (child)), contrast);
            g_assert_cmpfloat (contrast, >=, 4.5);
            checked++;
          }
    }
  g_assert_cmpuint (checked, ==, 4);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The panel's column asks for its paragraphs' natural width up to 40
 * characters (what GtkLabel's width-chars of 40 gives), and they wrap there. */
static void
test_explanation_box_width (void)
{
  GtkWidget *reference = g_object_ref_sink (gtk_label_new (NULL));
  GtkWidget *box = g_object_ref_sink (nl_explanation_box_new ());
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = nl_explanation_row_new (NL_SERIES_VOLUNTARY_ACTIVATION);
  GtkWidget *short_label = gtk_label_new ("Short");
  int chars40, min, nat, short_nat, one_line, wrapped;

  gtk_label_set_width_chars (GTK_LABEL (reference), 40);
  gtk_widget_measure (reference, GTK_ORIENTATION_HORIZONTAL, -1, &chars40, NULL, NULL, NULL);
  g_assert_cmpint (chars40, >, 100);

  gtk_widget_set_margin_start (column, 12);
  gtk_widget_set_margin_end (column, 12);
  gtk_label_set_wrap (GTK_LABEL (short_label), TRUE);
  gtk_box_append (GTK_BOX (column), short_label);
  nl_explanation_box_set_child (NL_EXPLANATION_BOX (box), column);
  g_assert_true (nl_explanation_box_get_child (NL_EXPLANATION_BOX (box)) == column);

  /* Short text: its own width. */
  gtk_widget_measure (short_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &short_nat, NULL, NULL);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, short_nat + 24);

  /* Paragraphs: 40 characters, and they wrap there. */
  gtk_box_append (GTK_BOX (column), row);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, chars40 + 24);
  g_assert_cmpint (min, <, nat);
  /* Its width does not depend on its height. */
  {
    int min_for_height, nat_for_height;

    gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, 40, &min_for_height, &nat_for_height, NULL, NULL);
    g_assert_cmpint (min_for_height, ==, min);
    g_assert_cmpint (nat_for_height, ==, nat);
  }
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 100000, NULL, &one_line, NULL, NULL);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, nat, NULL, &wrapped, NULL, NULL);
  g_assert_cmpint (wrapped, >, one_line);

  /* A panel's minimum width of its own, which rows built later (a longer
   * word, a wider value) do not move: GtkPaned shows the panel at it. */
  {
    int chars28, min_floor, nat_floor, min_more, nat_more;

    gtk_label_set_width_chars (GTK_LABEL (reference), 28);
    gtk_widget_measure (reference, GTK_ORIENTATION_HORIZONTAL, -1, &chars28, NULL, NULL, NULL);
    g_assert_cmpint (nl_explanation_box_get_min_width_chars (NL_EXPLANATION_BOX (box)), ==, 0);
    nl_explanation_box_set_min_width_chars (NL_EXPLANATION_BOX (box), 28);
    g_assert_cmpint (nl_explanation_box_get_min_width_chars (NL_EXPLANATION_BOX (box)), ==, 28);
    gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min_floor, &nat_floor, NULL, NULL);
    g_assert_cmpint (min, <, chars28 + 24);
    g_assert_cmpint (min_floor, ==, chars28 + 24);
    g_assert_cmpint (nat_floor, ==, nat);

    for (NlSeries s = 0; s < NL_N_SERIES; s++)
      gtk_box_append (GTK_BOX (column), nl_explanation_row_new (s));
    gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min_more, &nat_more, NULL, NULL);
    g_assert_cmpint (min_more, ==, min_floor);
    g_assert_cmpint (nat_more, ==, nat_floor);
  }

  g_object_unref (box);
  g_object_unref (reference);
}

/* The Bands button and the preference are one setting, off by default. */
static void
test_bands_setting (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.neurolift.Neurolift");

  g_assert_false (g_settings_get_boolean (settings, "show-population-bands"));
  g_assert_false (nl_trends_page_get_show_bands (f->trends));
  g_settings_set_boolean (settings, "show-population-bands", TRUE);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_true (nl_trends_page_get_show_bands (f->trends));
  g_assert_cmpuint (nl_simulation_get_population (f->simulation), >, 0);

  nl_trends_page_set_show_bands (f->trends, FALSE);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_false (g_settings_get_boolean (settings, "show-population-bands"));
  g_assert_cmpuint (nl_simulation_get_population (f->simulation), ==, 0);
  g_settings_reset (settings, "show-population-bands");
}

/* Exported figures are drawn as shown, or light or dark as the
 * export-style setting asks, at one device pixel per unit. */
static void
test_export_style (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.neurolift.Neurolift");
  GtkWidget *view = GTK_WIDGET (nl_diagram_page_get_view (f->diagram));
  NlRenderStyle shown, exported;

  nl_view_style_init (&shown, view);
  nl_view_style_init_for_export (&exported, view);
  g_assert_cmpint (exported.theme, ==, shown.theme);
  g_assert_cmpfloat (exported.scale_factor, ==, 1);

  g_settings_set_enum (settings, "export-style", 2);
  nl_view_style_init_for_export (&exported, view);
  g_assert_cmpint (exported.theme, ==, NL_THEME_DARK);
  g_assert_cmpstr (exported.font_family, ==, shown.font_family);
  g_assert_cmpfloat (exported.font_size, ==, shown.font_size);
  g_assert_cmpfloat (exported.scale_factor, ==, 1);

  g_settings_set_enum (settings, "export-style", 1);
  nl_view_style_init_for_export (&exported, view);
  g_assert_cmpint (exported.theme, ==, NL_THEME_LIGHT);
  g_settings_reset (settings, "export-style");
}

/* Zooming to a phase keeps the legend's notes, entries without points. */
static void
test_slice_keeps_notes (void)
{
  static const double x[] = { 0, 10, 20, 30 }, y[] = { 1, 2, 3, 4 };
  g_autoptr(NlPlot) plot = nl_plot_new ("Strength", "Change", "%");
  g_autoptr(NlPlot) slice = NULL;
  const NlPlotSeries *note;

  g_assert_nonnull (nl_plot_add_series (plot, NL_PLOT_LINE, "Strength", x, y, G_N_ELEMENTS (x)));
  g_assert_nonnull (nl_plot_add_note (plot, "Other: does not train it"));
  slice = nl_view_plot_slice (plot, 10, 20);
  g_assert_cmpuint (slice->series->len, ==, 2);
  g_assert_cmpuint (((const NlPlotSeries *) g_ptr_array_index (slice->series, 0))->n, ==, 2);
  note = g_ptr_array_index (slice->series, 1);
  g_assert_cmpstr (note->label, ==, "Other: does not train it");
  g_assert_cmpuint (note->n, ==, 0);
  g_assert_true (note->note);

  /* Hiding curves hides no note (it has no check button to show it). */
  {
    g_autoptr(NlPlot) filtered = nl_view_plot_filter (plot, 0x3, FALSE);

    g_assert_cmpuint (filtered->series->len, ==, 1);
    g_assert_cmpstr (((const NlPlotSeries *) g_ptr_array_index (filtered->series, 0))->label, ==,
                     "Other: does not train it");
  }
}

static gboolean
is_ellipsized_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE;
}

/* Squeezed by a narrow window, a drop-down keeps the start of its choice,
 * never an ellipsis alone. */
static void
test_dropdown_min_width (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *zoom = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->trends), NL_TYPE_TRENDS_PAGE,
                                                               "zoom_dropdown"));
  GtkWidget *reference = g_object_ref_sink (gtk_label_new ("Whole…"));
  GtkWidget *label;
  int min, ref;

  g_assert_nonnull (zoom);
  /* The label that shows the choice, inside the drop-down's button. */
  label = find_widget (zoom, is_ellipsized_label, NULL);
  g_assert_nonnull (label);
  /* Its button, which takes the focus, is named as the drop-down is. */
  {
    guint buttons = 0;

    for (GtkWidget *w = label; w != zoom; w = gtk_widget_get_parent (w))
      if (GTK_IS_TOGGLE_BUTTON (w))
        {
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoom to phase");
          buttons++;
        }
    g_assert_cmpuint (buttons, ==, 1);
  }
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_measure (reference, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &ref, NULL, NULL);
  g_assert_cmpint (min, >=, ref);
  g_object_unref (reference);
}

/* Compare starts from the change over the programme, never from the same
 * day twice. */
static void
test_compare_start (Fixture       *f,
                    gconstpointer  data)
{
  GtkToggleButton *button = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f->diagram),
                                                                              NL_TYPE_DIAGRAM_PAGE,
                                                                              "compare_button"));
  guint last = nl_timeline_get_n_days (nl_simulation_get_timeline (f->simulation)) - 1;

  nl_diagram_page_set_day (f->diagram, 5);
  gtk_toggle_button_set_active (button, TRUE);
  g_assert_cmpint (nl_diagram_page_get_compare_day (f->diagram), ==, (int) last);
  gtk_toggle_button_set_active (button, FALSE);
  g_assert_cmpint (nl_diagram_page_get_compare_day (f->diagram), ==, -1);

  /* The last day on show: beside the first. */
  nl_diagram_page_set_day (f->diagram, last);
  gtk_toggle_button_set_active (button, TRUE);
  g_assert_cmpint (nl_diagram_page_get_compare_day (f->diagram), ==, 0);
  gtk_toggle_button_set_active (button, FALSE);
}

/* The diagram's accessible description says what it shows, day by day. */
static void
test_diagram_description (Fixture       *f,
                          gconstpointer  data)
{
  NlDiagramView *view = nl_diagram_page_get_view (f->diagram);
  g_autofree char *first = NULL;
  g_autofree char *later = NULL;

  show_page (f, "diagram");
  /* No problem, no message, not even a hidden one a screen reader finds. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->diagram),
                                                                                      NL_TYPE_DIAGRAM_PAGE,
                                                                                      "error_label"))));
  nl_diagram_page_set_day (f->diagram, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  first = nl_signal_diagram_describe (nl_diagram_view_get_state (view), NULL);
  g_assert_true (g_str_has_prefix (first, "Week 1, day 1, "));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, first);

  nl_diagram_page_set_day (f->diagram, 20);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  later = nl_signal_diagram_describe (nl_diagram_view_get_state (view), nl_diagram_view_get_compare (view));
  g_assert_true (g_str_has_prefix (later, "Week 3, day 7, "));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, later);
}

static guint frames_chosen;
static NlFramesOptions frames_got;

static void
frames_chosen_cb (GObject               *owner,
                  const NlFramesOptions *options)
{
  frames_chosen++;
  frames_got = *options;
}

/* The animation's length, frame rate and size are asked for, and the
 * dialog says how many images that makes. */
static void
test_frames_dialog (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  NlFramesOptions options, got;
  GtkWidget *dialog;

  nl_frames_options_init (&options);
  g_assert_cmpuint (options.seconds, ==, 2);
  g_assert_cmpuint (options.fps, ==, 30);
  g_assert_cmpint (options.width, ==, 1920);
  g_assert_cmpuint (nl_frames_options_n_frames (&options), ==, 60);

  options = (NlFramesOptions) { 5, 25, 1280, 720 };
  dialog = nl_frames_dialog_new (NULL, &options, owner, frames_chosen_cb);
  gtk_window_present (GTK_WINDOW (dialog));
  nl_frames_dialog_get_options (dialog, &got);
  g_assert_cmpuint (got.seconds, ==, 5);
  g_assert_cmpuint (got.fps, ==, 25);
  g_assert_cmpint (got.width, ==, 1280);
  g_assert_cmpint (got.height, ==, 720);
  g_assert_nonnull (find_label_with (dialog, "125 images, frame-0000.png to frame-0124.png"));

  /* A size it does not offer keeps the one shown; the count follows. */
  nl_frames_dialog_set_options (dialog, &(NlFramesOptions) { 3, 60, 1000, 1000 });
  nl_frames_dialog_get_options (dialog, &got);
  g_assert_cmpuint (got.seconds, ==, 3);
  g_assert_cmpuint (got.fps, ==, 60);
  g_assert_cmpint (got.width, ==, 1280);
  g_assert_nonnull (find_label_with (dialog, "180 images"));

  frames_chosen = 0;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (frames_chosen, ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  g_assert_cmpuint (frames_chosen, ==, 1);
  g_assert_cmpuint (frames_got.seconds * frames_got.fps, ==, 180);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int argc, char *argv[])
{
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* GTK 4.8 leaks a GDateTime each time it clamps the recent-files list
   * to its maximum age; the tests do not need the clamping. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);
  scale2_display = open_display_at_scale_2 ();
  g_assert_nonnull (scale2_display);

  g_test_add_func ("/views/explanation/every-series", test_every_series_explained);
  g_test_add_func ("/views/explanation/box-width", test_explanation_box_width);
  g_test_add_func ("/views/adapters/slice-keeps-notes", test_slice_keeps_notes);
  g_test_add ("/views/diagram/draws", Fixture, NULL, fixture_setup, test_diagram_draws, fixture_teardown);
  g_test_add ("/views/trends/draws", Fixture, NULL, fixture_setup, test_trends_draws, fixture_teardown);
  g_test_add ("/views/trends/tiles", Fixture, NULL, fixture_setup, test_trends_tiles, fixture_teardown);
  g_test_add ("/views/diagram/tiles", Fixture, NULL, fixture_setup, test_diagram_tiles, fixture_teardown);
  g_test_add ("/views/diagram/scale-2", Fixture, scale2_display, fixture_setup, test_diagram_scale_2, fixture_teardown);
  g_test_add ("/views/trends/scale-2", Fixture, scale2_display, fixture_setup, test_trends_scale_2, fixture_teardown);
  g_test_add ("/views/diagram/play-pause", Fixture, NULL, fixture_setup, test_play_pause, fixture_teardown);
  g_test_add ("/views/day-sync", Fixture, NULL, fixture_setup, test_day_sync, fixture_teardown);
  g_test_add ("/views/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/views/export-style", Fixture, NULL, fixture_setup, test_export_style, fixture_teardown);
  g_test_add ("/views/trends/bands-setting", Fixture, NULL, fixture_setup, test_bands_setting, fixture_teardown);
  g_test_add ("/views/trends/bands-zoom-compare", Fixture, NULL, fixture_setup, test_bands_zoom_compare, fixture_teardown);
  g_test_add ("/views/diagram/settings", Fixture, NULL, fixture_setup, test_settings, fixture_teardown);
  g_test_add ("/views/trends/keys", Fixture, NULL, fixture_setup, test_trends_keys, fixture_teardown);
  g_test_add ("/views/trends/edit-updates-plot", Fixture, NULL, fixture_setup, test_edit_updates_plot, fixture_teardown);
  g_test_add_func ("/views/diagram/frames-dialog", test_frames_dialog);
  g_test_add_func ("/views/explanation/contrast", test_explanation_contrast);
  g_test_add ("/views/diagram/description", Fixture, NULL, fixture_setup, test_diagram_description, fixture_teardown);
  g_test_add ("/views/diagram/compare-start", Fixture, NULL, fixture_setup, test_compare_start, fixture_teardown);
  g_test_add ("/views/trends/dropdown-min-width", Fixture, NULL, fixture_setup, test_dropdown_min_width, fixture_teardown);

  return g_test_run ();
}
