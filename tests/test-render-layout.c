/* test-render-layout.c — no element of a figure overlaps another, at any size
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figure functions record the boxes they lay out (panels, text extents,
 * drawn structures) on a cairo_t that has a layout record attached; these
 * tests draw at sizes from 640 × 400 to 3840 × 2160 in every theme and text
 * scale and check the record.
 */
#include "config.h"

#include <string.h>

#include "nl-layout-record.h"
#include "nl-signal-diagram.h"
#include "nl-trend-plot.h"
#include "test-render-fixtures.h"

static const int sizes[][2] = {
  { 640, 400 }, { 800, 600 }, { 1024, 768 }, { 1280, 720 }, { 1366, 768 },
  { 1920, 1080 }, { 1080, 1350 }, { 2560, 1440 }, { 3840, 2160 },
};

static NlLayoutRecord *
record_figure (FixtureFigure        figure,
               const NlRenderStyle *style,
               int                  width,
               int                  height,
               double               scale)
{
  g_autoptr(NlDiagramState) before = fixture_diagram_state (FALSE);
  g_autoptr(NlDiagramState) after = fixture_diagram_state (TRUE);
  g_autoptr(NlPlot) plot = fixture_plot (365);
  NlLayoutRecord *record = nl_layout_record_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A recording surface: the layout is what matters, not the pixels. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  nl_layout_record_attach (record, cr);
  fixture_draw_figure (cr, figure, before, after, plot, style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return record;
}

static guint
count_named (NlLayoutRecord *record,
             const char     *prefix,
             NlElementKind   kind)
{
  guint n = 0;

  for (guint i = 0; i < nl_layout_record_get_n (record); i++)
    {
      const NlLayoutElement *e = nl_layout_record_get_nth (record, i);
      if (e->kind == kind && g_str_has_prefix (e->name, prefix) && e->rect.width > 0)
        n++;
    }
  return n;
}

/* However small the canvas, a diagram keeps every pathway drawn (not an
 * empty panel) and its myokine panel, whose statements keep their caveats:
 * the full panel, or the paragraph that small canvases get. */
static void
check_diagram_content (NlLayoutRecord *record,
                       guint           n_pathways)
{
  guint caveats = count_named (record, "myokine caveat", NL_ELEMENT_TEXT);
  guint statements = count_named (record, "myokine statement", NL_ELEMENT_TEXT);
  guint paragraph = count_named (record, "myokine line", NL_ELEMENT_TEXT);

  g_test_message ("myokine caveats %u, statements %u, paragraph %u", caveats, statements, paragraph);
  g_assert_cmpuint (count_named (record, "pathway panel", NL_ELEMENT_PANEL), ==, n_pathways);
  g_assert_cmpuint (count_named (record, "brain", NL_ELEMENT_SHAPE), ==, n_pathways);
  g_assert_cmpuint (count_named (record, "spinal cord", NL_ELEMENT_SHAPE), ==, n_pathways);
  g_assert_cmpuint (count_named (record, "agonist muscle", NL_ELEMENT_SHAPE), ==, n_pathways);
  g_assert_cmpuint (count_named (record, "myokine panel", NL_ELEMENT_PANEL), ==, 1);
  g_assert_true ((caveats == 3 && statements == 3 && paragraph == 0)
                 || (caveats == 0 && statements == 0 && paragraph == 1));
}

static void
check_all_sizes (FixtureFigure figure)
{
  /* Light and dark, desktop and presentation text, and (as in a window)
   * text that keeps the desktop size whatever the canvas. */
  for (int theme = NL_THEME_LIGHT; theme <= NL_THEME_DARK; theme++)
    for (int presentation = 0; presentation <= 1; presentation++)
      for (guint i = 0; i < G_N_ELEMENTS (sizes) * 2; i++)
        {
          NlRenderStyle style;
          g_autoptr(NlLayoutRecord) record = NULL;
          g_autofree char *problems = NULL;
          int w = sizes[i % G_N_ELEMENTS (sizes)][0], h = sizes[i % G_N_ELEMENTS (sizes)][1];

          nl_render_style_init (&style, (NlTheme) theme);
          nl_render_style_set_font (&style, "DejaVu Sans", 11);
          nl_render_style_set_presentation (&style, presentation);
          style.fixed_text_size = i >= G_N_ELEMENTS (sizes);
          record = record_figure (figure, &style, w, h, 1.0);
          problems = nl_layout_record_check (record, w, h);
          if (problems != NULL)
            g_test_message ("figure %d at %d×%d, theme %d, presentation %d, fixed text %d:\n%s",
                            figure, w, h, theme, presentation, style.fixed_text_size, problems);
          g_test_message ("figure %d at %d×%d, theme %d, presentation %d, fixed text %d", figure, w,
                          h, theme, presentation, style.fixed_text_size);
          g_assert_null (problems);
          /* The check must have had something to check. */
          g_assert_cmpuint (count_named (record, "title", NL_ELEMENT_TEXT), ==, 1);
          g_assert_cmpuint (nl_layout_record_get_n (record), >, 12);
          if (figure == FIXTURE_DIAGRAM || figure == FIXTURE_COMPARE)
            check_diagram_content (record, figure == FIXTURE_COMPARE ? 2 : 1);
          /* The read-outs' names are never cut short, nor the pathway's
           * labels: where they do not fit, a shorter form shows. */
          for (guint e = 0; e < nl_layout_record_get_n (record); e++)
            {
              const NlLayoutElement *el = nl_layout_record_get_nth (record, e);

              if (el->cut && (g_str_has_prefix (el->name, "readout label")
                              || g_str_equal (el->name, "nerve label")
                              || g_str_equal (el->name, "tract label")
                              || g_str_equal (el->name, "cord label")))
                g_error ("%s cut short in figure %d at %d×%d, presentation %d, fixed text %d: %.0f wide",
                         el->name, figure, w, h, presentation, style.fixed_text_size, el->rect.width);
            }
        }
}

static void
test_diagram_sizes (void)
{
  check_all_sizes (FIXTURE_DIAGRAM);
}

static void
test_compare_sizes (void)
{
  check_all_sizes (FIXTURE_COMPARE);
}

static void
test_plot_sizes (void)
{
  check_all_sizes (FIXTURE_PLOT);
  check_all_sizes (FIXTURE_PLOT_PLAIN);
}

/* The evidence caveats are the point of the myokine panel: at desktop text
 * size they must all be there, every one on a canvas from 640 × 400 up. */
static void
test_caveats_present (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      NlRenderStyle style;
      g_autoptr(NlLayoutRecord) record = NULL;

      nl_render_style_init (&style, NL_THEME_LIGHT);
      nl_render_style_set_font (&style, "DejaVu Sans", 11);
      record = record_figure (FIXTURE_DIAGRAM, &style, sizes[i][0], sizes[i][1], 1.0);
      g_assert_cmpuint (count_named (record, "myokine caveat", NL_ELEMENT_TEXT), ==, 3);
      g_assert_cmpuint (count_named (record, "myokine statement", NL_ELEMENT_TEXT), ==, 3);
      g_assert_cmpuint (count_named (record, "legend ", NL_ELEMENT_TEXT), ==, 7);
    }
}

/* A HiDPI context (scale 2) lays out exactly like scale 1. */
static void
test_scale_invariant (void)
{
  NlRenderStyle style;
  g_autoptr(NlLayoutRecord) one = NULL;
  g_autoptr(NlLayoutRecord) two = NULL;

  nl_render_style_init (&style, NL_THEME_LIGHT);
  nl_render_style_set_font (&style, "DejaVu Sans", 11);
  one = record_figure (FIXTURE_DIAGRAM, &style, 1280, 720, 1.0);
  style.scale_factor = 2;
  two = record_figure (FIXTURE_DIAGRAM, &style, 1280, 720, 2.0);
  g_assert_cmpuint (nl_layout_record_get_n (one), ==, nl_layout_record_get_n (two));
  for (guint i = 0; i < nl_layout_record_get_n (one); i++)
    {
      const NlLayoutElement *a = nl_layout_record_get_nth (one, i);
      const NlLayoutElement *b = nl_layout_record_get_nth (two, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpfloat_with_epsilon (a->rect.x, b->rect.x, 0.01);
      g_assert_cmpfloat_with_epsilon (a->rect.y, b->rect.y, 0.01);
      g_assert_cmpfloat_with_epsilon (a->rect.width, b->rect.width, 0.01);
      g_assert_cmpfloat_with_epsilon (a->rect.height, b->rect.height, 0.01);
    }
}

/* The checker itself finds what it is meant to find. */
static void
test_checker (void)
{
  g_autoptr(NlLayoutRecord) record = nl_layout_record_new ();
  g_autofree char *problems = NULL;
  NlRect panel = { 10, 10, 100, 100 };
  NlRect inner = { 20, 20, 30, 30 };
  NlRect crossing = { 90, 90, 50, 50 };
  NlRect text_a = { 25, 25, 20, 10 };
  NlRect text_b = { 40, 30, 20, 10 };
  NlRect shape = { 60, 60, 10, 10 };
  NlRect text_c = { 65, 62, 30, 10 };
  NlRect outside = { 190, 10, 20, 10 };
  NlRect touching = { 45, 25, 5, 10 };

  nl_layout_record_add (record, NL_ELEMENT_PANEL, &panel, "panel");
  nl_layout_record_add (record, NL_ELEMENT_PANEL, &inner, "inner");
  problems = nl_layout_record_check (record, 200, 200);
  g_assert_null (problems);

  nl_layout_record_add (record, NL_ELEMENT_TEXT, &text_a, "a");
  nl_layout_record_add (record, NL_ELEMENT_TEXT, &touching, "touching a");
  problems = nl_layout_record_check (record, 200, 200);
  g_assert_null (problems);

  nl_layout_record_add (record, NL_ELEMENT_TEXT, &text_b, "b");
  nl_layout_record_add (record, NL_ELEMENT_SHAPE, &shape, "shape");
  nl_layout_record_add (record, NL_ELEMENT_TEXT, &text_c, "c");
  nl_layout_record_add (record, NL_ELEMENT_PANEL, &crossing, "crossing");
  nl_layout_record_add (record, NL_ELEMENT_TEXT, &outside, "outside");
  problems = nl_layout_record_check (record, 200, 200);
  g_assert_nonnull (problems);
  g_assert_nonnull (strstr (problems, "text overlaps text: “a”"));
  g_assert_nonnull (strstr (problems, "text overlaps a shape: “shape”"));
  g_assert_nonnull (strstr (problems, "panels cross: “panel”"));
  g_assert_nonnull (strstr (problems, "outside the canvas: “outside”"));
  g_assert_nonnull (strstr (problems, "text crosses a panel edge: “inner”"));
}

/* The width of the diagram's title at @width × 480, for a day with a
 * long label. */
static double
title_width (int width)
{
  g_autoptr(NlDiagramState) state = fixture_diagram_state (TRUE);
  g_autoptr(NlLayoutRecord) record = nl_layout_record_new ();
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  NlRenderStyle style;
  double found = -1;

  nl_diagram_state_set_labels (state, "Day 62 (week 9, day 7)", "Quadriceps", "Hamstrings");
  nl_render_style_init (&style, NL_THEME_LIGHT);
  nl_layout_record_attach (record, cr);
  nl_signal_diagram_draw (cr, state, 0.5, &style, width, 480);
  for (guint i = 0; i < nl_layout_record_get_n (record); i++)
    {
      const NlLayoutElement *e = nl_layout_record_get_nth (record, i);

      if (e->kind == NL_ELEMENT_TEXT && g_str_equal (e->name, "title"))
        found = e->rect.width;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}

/* Where the long title does not fit, the diagram drops its heading and
 * keeps the day and the effort whole, rather than cutting them off. */
static void
test_title_keeps_day (void)
{
  double wide = title_width (1600), narrow = title_width (560);

  g_assert_cmpfloat (wide, >, 0);
  g_assert_cmpfloat (narrow, >, 0);
  /* The short title is well inside its line; a cut long one would fill it. */
  g_assert_cmpfloat (narrow, <, 0.6 * 560);
  g_assert_cmpfloat (wide, >, narrow * 1.5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/checker", test_checker);
  g_test_add_func ("/render/layout/diagram-sizes", test_diagram_sizes);
  g_test_add_func ("/render/layout/compare-sizes", test_compare_sizes);
  g_test_add_func ("/render/layout/plot-sizes", test_plot_sizes);
  g_test_add_func ("/render/layout/caveats-present", test_caveats_present);
  g_test_add_func ("/render/layout/scale-invariant", test_scale_invariant);
  g_test_add_func ("/render/layout/title-keeps-day", test_title_keeps_day);

  return g_test_run ();
}
