/* test-render-golden.c — figures compared with checked-in reference images
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each figure is drawn from fixed inputs and compared with tests/golden/
 * NAME.png: at most 0.5 % of the pixels may differ by more than 8/255 in a
 * channel (antialiasing and font versions move edges a little).  On a
 * mismatch the actual image is left beside the test binary for a look.
 * NL_UPDATE_GOLDEN=1 (tools/update-golden) rewrites the references on
 * purpose; look at every image it changes before committing it.
 */
#include "config.h"

#include <stdlib.h>

#include "nl-adaptation-model.h"
#include "nl-figure.h"
#include "nl-program-xml.h"
#include "nl-program.h"
#include "nl-signal-diagram.h"
#include "nl-trend-plot.h"
#include "test-render-fixtures.h"

typedef enum {
  GOLDEN_DIAGRAM,
  GOLDEN_COMPARE,
  GOLDEN_PLOT,
  /* The fixed programme tests/data/render/quadriceps-8-weeks.neurolift run
   * through the model and the figure adapters. */
  GOLDEN_PROGRAMME_COMPARE,
  GOLDEN_PROGRAMME_STRENGTH,
  GOLDEN_PROGRAMME_BDNF,
} GoldenFigure;

typedef struct {
  const char  *name;
  GoldenFigure figure;
  NlTheme      theme;
  gboolean     presentation;
  int          width;
  int          height;
  double       t;
} GoldenCase;

static const GoldenCase cases[] = {
  { "diagram-light", GOLDEN_DIAGRAM, NL_THEME_LIGHT, FALSE, 960, 540, 1.3 },
  { "diagram-dark-presentation", GOLDEN_DIAGRAM, NL_THEME_DARK, TRUE, 1280, 720, 2.2 },
  { "compare-light", GOLDEN_COMPARE, NL_THEME_LIGHT, FALSE, 1280, 720, 0.7 },
  { "plot-light", GOLDEN_PLOT, NL_THEME_LIGHT, FALSE, 800, 450, 0 },
  { "plot-dark", GOLDEN_PLOT, NL_THEME_DARK, FALSE, 800, 450, 0 },
  { "programme-compare-dark", GOLDEN_PROGRAMME_COMPARE, NL_THEME_DARK, FALSE, 1280, 720, 1.1 },
  { "programme-strength", GOLDEN_PROGRAMME_STRENGTH, NL_THEME_LIGHT, FALSE, 960, 540, 0 },
  { "programme-bdnf", GOLDEN_PROGRAMME_BDNF, NL_THEME_LIGHT, TRUE, 1280, 720, 0 },
};

typedef struct {
  NlTimeline        *timeline;
  NlProgramSnapshot *snapshot;
} Programme;

static void
programme_load (Programme *p)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "render", "quadriceps-8-weeks.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NlProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  NlModelOptions options;

  program = nl_program_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  p->snapshot = nl_program_create_snapshot (program, &error);
  g_assert_no_error (error);
  nl_model_options_init (&options);
  p->timeline = nl_adaptation_model_run (p->snapshot, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
programme_clear (Programme *p)
{
  nl_timeline_unref (p->timeline);
  nl_program_snapshot_unref (p->snapshot);
}

static void
draw_programme (cairo_t             *cr,
                const GoldenCase    *c,
                const NlRenderStyle *style)
{
  Programme p;
  int track;

  programme_load (&p);
  track = nl_timeline_find_track (p.timeline, "quadriceps", NL_SIDE_RIGHT);
  g_assert_cmpint (track, >=, 0);
  if (c->figure == GOLDEN_PROGRAMME_COMPARE)
    {
      g_autoptr(NlDiagramState) before = nl_figure_diagram_state_new (p.timeline, track, 0, 0.6, NULL);
      g_autoptr(NlDiagramState) after = nl_figure_diagram_state_new (p.timeline, track, 56, 0.6, NULL);

      g_assert_nonnull (before);
      g_assert_nonnull (after);
      nl_signal_diagram_draw_compare (cr, before, after, c->t, style, c->width, c->height);
    }
  else
    {
      NlFigure figure = c->figure == GOLDEN_PROGRAMME_STRENGTH ? NL_FIGURE_STRENGTH : NL_FIGURE_BDNF;
      g_autoptr(NlPlot) plot = nl_figure_plot_new (figure, p.timeline, track, NULL, NULL, 56);

      nl_figure_plot_add_programme_phases (plot, p.snapshot);
      nl_trend_plot_draw (cr, plot, style, c->width, c->height);
    }
  programme_clear (&p);
}

static cairo_surface_t *
render_case (const GoldenCase *c)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, c->width, c->height);
  cairo_t *cr = cairo_create (surface);
  NlRenderStyle style;

  nl_render_style_init (&style, c->theme);
  nl_render_style_set_font (&style, "DejaVu Sans", 11);
  nl_render_style_set_presentation (&style, c->presentation);

  switch (c->figure)
    {
    case GOLDEN_DIAGRAM:
      {
        g_autoptr(NlDiagramState) state = fixture_diagram_state (TRUE);
        nl_signal_diagram_draw (cr, state, c->t, &style, c->width, c->height);
      }
      break;
    case GOLDEN_COMPARE:
      {
        g_autoptr(NlDiagramState) before = fixture_diagram_state (FALSE);
        g_autoptr(NlDiagramState) after = fixture_diagram_state (TRUE);
        nl_signal_diagram_draw_compare (cr, before, after, c->t, &style, c->width, c->height);
      }
      break;
    case GOLDEN_PLOT:
      {
        g_autoptr(NlPlot) plot = fixture_plot (365);
        nl_trend_plot_draw (cr, plot, &style, c->width, c->height);
      }
      break;
    default:
      draw_programme (cr, c, &style);
      break;
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gsize
count_differing_pixels (cairo_surface_t *a,
                        cairo_surface_t *b,
                        int              tol)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  gsize bad = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      for (int ch = 0; ch < 4; ch++)
        if (abs (pa[y * sa + 4 * x + ch] - pb[y * sb + 4 * x + ch]) > tol)
          {
            bad++;
            break;
          }
  return bad;
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *c = data;
  g_autofree char *file = g_strdup_printf ("%s.png", c->name);
  g_autofree char *golden_path = g_build_filename (NL_TEST_SRCDIR, "golden", file, NULL);
  cairo_surface_t *actual = render_case (c);
  cairo_surface_t *golden;
  gsize bad;

  if (g_getenv ("NL_UPDATE_GOLDEN") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("rewrote %s", golden_path);
    }

  golden = cairo_image_surface_create_from_png (golden_path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read the reference %s (%s); make it with tools/update-golden",
             golden_path, cairo_status_to_string (cairo_surface_status (golden)));
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==, c->width);
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==, c->height);

  bad = count_differing_pixels (actual, golden, 8);
  if (bad > 0)
    {
      g_autofree char *name = g_strdup_printf ("%s.actual.png", c->name);
      g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, name, NULL);
      cairo_surface_write_to_png (actual, actual_path);
      g_test_message ("%s: %" G_GSIZE_FORMAT " pixels differ; actual image in %s",
                      c->name, bad, actual_path);
    }
  g_assert_cmpuint (bad, <=, (gsize) c->width * c->height / 200);
  cairo_surface_destroy (golden);
  cairo_surface_destroy (actual);
}

/* The comparison can fail: a figure differs from another figure's reference. */
static void
test_comparison_detects_change (void)
{
  cairo_surface_t *light = render_case (&cases[3]);
  cairo_surface_t *dark = render_case (&cases[4]);

  g_assert_cmpuint (count_differing_pixels (light, dark, 8), >, 800 * 450 / 200);
  g_assert_cmpuint (count_differing_pixels (light, light, 0), ==, 0);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/render/golden/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_golden);
    }
  g_test_add_func ("/render/golden/comparison-detects-change", test_comparison_detects_change);

  return g_test_run ();
}
