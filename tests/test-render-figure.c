/* test-render-figure.c — model timelines become diagram states and plots
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the adaptation model on a fixed programme (tests/data/render/) and
 * checks that the adapters carry its numbers into what the figures draw.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nl-adaptation-model.h"
#include "nl-day-label.h"
#include "nl-figure.h"
#include "nl-layout-record.h"
#include "nl-program-xml.h"
#include "nl-program.h"
#include "nl-trend-plot.h"

static NlTimeline *
load_timeline_path (const char *path,
                    guint       population)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NlProgram) program = NULL;
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  NlModelOptions options;
  NlTimeline *timeline;

  program = nl_program_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  snapshot = nl_program_create_snapshot (program, &error);
  g_assert_no_error (error);
  nl_model_options_init (&options);
  options.population = population;
  options.seed = 7;
  timeline = nl_adaptation_model_run (snapshot, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return timeline;
}

static NlTimeline *
load_timeline_population (const char *name,
                          guint       population)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "render", name, NULL);

  return load_timeline_path (path, population);
}

/* One of the example programmes the application ships. */
static NlTimeline *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "..", "data", "examples", name, NULL);

  return load_timeline_path (path, 0);
}

static NlTimeline *
load_timeline (const char *name)
{
  return load_timeline_population (name, 0);
}

static guint
right_quadriceps (const NlTimeline *timeline)
{
  int track = nl_timeline_find_track (timeline, "quadriceps", NL_SIDE_RIGHT);

  g_assert_cmpint (track, >=, 0);
  return (guint) track;
}

static void
test_diagram_state (void)
{
  g_autoptr(NlTimeline) timeline = load_timeline ("quadriceps-8-weeks.neurolift");
  guint track = right_quadriceps (timeline);
  g_autoptr(NlDiagramState) light = NULL;
  g_autoptr(NlDiagramState) hard = NULL;
  g_autoptr(NlDiagramState) week0 = NULL;
  g_autoptr(NlDiagramState) week8 = NULL;
  g_autoptr(GError) error = NULL;
  double last = -1;

  light = nl_figure_diagram_state_new (timeline, track, 56, 0.2, &error);
  g_assert_no_error (error);
  hard = nl_figure_diagram_state_new (timeline, track, 56, 0.9, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (hard->agonist.muscle, ==, "Quadriceps");
  g_assert_cmpstr (hard->antagonist.muscle, ==, "Hamstrings");
  g_assert_cmpint (hard->area, ==, NL_BODY_AREA_LEG);
  g_assert_cmpuint (hard->agonist.n_units, ==, 120);
  g_assert_cmpfloat (hard->voluntary_activation, >, 0.5);
  g_assert_cmpfloat (hard->voluntary_activation, <=, 1.0);
  g_assert_cmpfloat_with_epsilon (hard->corticospinal_drive, 0.9 * hard->voluntary_activation, 1e-12);

  /* More effort: more units, higher rates, more coactivation. */
  g_assert_cmpuint (nl_diagram_pool_count_recruited (&light->agonist), <,
                    nl_diagram_pool_count_recruited (&hard->agonist));
  g_assert_cmpfloat (nl_diagram_pool_mean_rate (&light->agonist), <,
                     nl_diagram_pool_mean_rate (&hard->agonist));
  g_assert_cmpfloat (light->coactivation, <, hard->coactivation);

  /* Units in recruitment order: thresholds and sizes grow, and a unit is
   * recruited exactly when the drive reaches its threshold. */
  for (guint i = 0; i < hard->agonist.n_units; i++)
    {
      const NlDiagramUnit *u = &hard->agonist.units[i];

      g_assert_cmpfloat (u->threshold, >, last);
      last = u->threshold;
      g_assert_cmpfloat (u->size, >, 0);
      g_assert_cmpfloat (u->size, <=, 1 + 1e-9);
      g_assert_cmpint (u->recruited, ==, u->threshold <= hard->corticospinal_drive + 1e-9);
      g_assert_cmpint (u->rate > 0, ==, u->recruited);
      g_assert_cmpfloat (u->contraction_time, >=, 0.02);
      g_assert_cmpfloat (u->contraction_time, <=, 0.1);
    }

  /* Eight weeks of training: at the same effort more drive gets through and
   * the antagonist co-contracts less (SCIENCE.md §3). */
  week0 = nl_figure_diagram_state_new (timeline, track, 0, 0.8, &error);
  week8 = nl_figure_diagram_state_new (timeline, track, 56, 0.8, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (week8->voluntary_activation, >=, week0->voluntary_activation);
  g_assert_cmpfloat (week8->coactivation, <, week0->coactivation);
  g_assert_cmpfloat (week8->serum_bdnf_fold, >=, 1.0);
  g_assert_true (isnan (week8->muscle_bdnf_fold));

  /* Out of range. */
  g_assert_null (nl_figure_diagram_state_new (timeline, track, 100000, 0.8, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nl_figure_diagram_state_new (timeline, 999, 0, 0.8, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_plots (void)
{
  g_autoptr(NlTimeline) timeline = load_timeline ("quadriceps-8-weeks.neurolift");
  guint track = right_quadriceps (timeline);
  guint n_days = nl_timeline_get_n_days (timeline);

  for (NlFigure figure = NL_FIGURE_STRENGTH; figure < NL_N_FIGURES; figure++)
    {
      g_autoptr(NlPlot) plot = nl_figure_plot_new (figure, timeline, track, NULL, NULL, 56);

      g_assert_nonnull (plot);
      g_assert_cmpuint (plot->series->len, >=, 1);
      g_assert_cmpfloat (plot->selected_day, ==, 56);
      for (guint k = 0; k < plot->series->len; k++)
        {
          const NlPlotSeries *s = g_ptr_array_index (plot->series, k);
          g_assert_cmpuint (s->n, ==, n_days);
          g_assert_nonnull (s->label);
        }
    }

  /* Strength: the shares stack to the model's strength; the untrained left
   * leg shows up as the cross-education line. */
  {
    g_autoptr(NlPlot) plot = nl_figure_plot_new (NL_FIGURE_STRENGTH, timeline, track, NULL, NULL, NAN);
    const NlPlotSeries *neural = g_ptr_array_index (plot->series, 0);
    const NlPlotSeries *muscular = g_ptr_array_index (plot->series, 1);
    const double *strength = nl_timeline_get_series (timeline, track, NL_SERIES_STRENGTH);
    const double *neural_model = nl_timeline_get_series (timeline, track, NL_SERIES_NEURAL);

    g_assert_cmpint (neural->kind, ==, NL_PLOT_STACKED_AREA);
    g_assert_cmpint (muscular->kind, ==, NL_PLOT_STACKED_AREA);
    g_assert_cmpuint (plot->series->len, ==, 3);
    for (guint d = 0; d < n_days; d += 7)
      {
        g_assert_cmpfloat (neural->y[d], ==, neural_model[d]);
        g_assert_cmpfloat_with_epsilon (neural->y[d] + muscular->y[d], strength[d], 0.5);
      }
  }

  /* Changes are drawn from zero, absolute rates within their own range. */
  {
    g_autoptr(NlPlot) strength = nl_figure_plot_new (NL_FIGURE_STRENGTH, timeline, track, NULL, NULL, NAN);
    g_autoptr(NlPlot) rates = nl_figure_plot_new (NL_FIGURE_RATES, timeline, track, NULL, NULL, NAN);

    g_assert_true (strength->y_from_zero);
    g_assert_false (rates->y_from_zero);
    /* The model records the programme's phases (and none for follow-up here). */
    g_assert_cmpuint (strength->phases->len, ==, 2);
    g_assert_cmpstr (g_array_index (strength->phases, NlPlotPhase, 1).name, ==, "Detraining");
  }

  /* A second programme overlays its line, dashed. */
  {
    g_autoptr(NlTimeline) other = load_timeline ("quadriceps-8-weeks.neurolift");
    g_autoptr(NlPlot) plot = nl_figure_plot_new (NL_FIGURE_NEURAL, timeline, track, other, "B", NAN);
    const NlPlotSeries *last = g_ptr_array_index (plot->series, plot->series->len - 1);

    g_assert_true (last->dashed);
    g_assert_true (g_str_has_prefix (last->label, "B: "));
  }
}

/* A population run carries p10–p90 bands onto the line series. */
static void
test_population_bands (void)
{
  g_autoptr(NlTimeline) timeline = load_timeline_population ("quadriceps-8-weeks.neurolift", 40);
  guint track = right_quadriceps (timeline);
  g_autoptr(NlPlot) plot = nl_figure_plot_new (NL_FIGURE_NEURAL, timeline, track, NULL, NULL, NAN);
  const NlPlotSeries *va = g_ptr_array_index (plot->series, 0);
  gboolean spread = FALSE;

  g_assert_cmpuint (nl_timeline_get_population (timeline), ==, 40);
  g_assert_nonnull (va->lo);
  g_assert_nonnull (va->hi);
  g_assert_nonnull (strstr (va->label, "percentile"));
  for (guint d = 0; d < va->n; d++)
    {
      g_assert_cmpfloat (va->lo[d], <=, va->hi[d] + 1e-9);
      spread = spread || va->hi[d] - va->lo[d] > 0.01;
    }
  g_assert_true (spread);
}

/* The stacked strength figure cannot band its areas, so a population run
 * adds the total as a line whose band is the total's p10–p90 spread, and a
 * single-trainee run does not. */
static void
test_population_strength_total (void)
{
  g_autoptr(NlTimeline) timeline = load_timeline_population ("quadriceps-8-weeks.neurolift", 40);
  g_autoptr(NlTimeline) single = load_timeline ("quadriceps-8-weeks.neurolift");
  guint track = right_quadriceps (timeline);
  g_autoptr(NlPlot) plot = nl_figure_plot_new (NL_FIGURE_STRENGTH, timeline, track, NULL, NULL, NAN);
  g_autoptr(NlPlot) plain = nl_figure_plot_new (NL_FIGURE_STRENGTH, single, right_quadriceps (single),
                                                NULL, NULL, NAN);
  const double *total = nl_timeline_get_series (timeline, track, NL_SERIES_STRENGTH);
  const NlPlotSeries *line = NULL;
  gboolean spread = FALSE;

  for (guint i = 0; i < plot->series->len; i++)
    {
      const NlPlotSeries *s = g_ptr_array_index (plot->series, i);

      if (s->kind == NL_PLOT_STACKED_AREA)
        g_assert_null (s->lo);
      else if (g_str_has_prefix (s->label, "Total strength"))
        line = s;
    }
  g_assert_nonnull (line);
  g_assert_nonnull (line->lo);
  g_assert_nonnull (line->hi);
  for (guint d = 0; d < line->n; d++)
    {
      g_assert_cmpfloat (line->y[d], ==, total[d]);
      g_assert_cmpfloat (line->lo[d], <=, line->hi[d] + 1e-9);
      spread = spread || line->hi[d] - line->lo[d] > 0.01;
    }
  g_assert_true (spread);

  for (guint i = 0; i < plain->series->len; i++)
    {
      const NlPlotSeries *s = g_ptr_array_index (plain->series, i);

      g_assert_false (g_str_has_prefix (s->label, "Total strength"));
    }
}

/* Compared with a programme that does not train the plotted muscle, the
 * figure says so where the compared curve's legend entry would be, in
 * every figure and in what is drawn, not only in the data. */
static void
test_compare_untrained_muscle (void)
{
  g_autoptr(NlTimeline) timeline = load_example ("novice-full-body.neurolift");
  g_autoptr(NlTimeline) bench = load_example ("train-detrain-retrain.neurolift");
  guint track = nl_timeline_get_default_track (timeline);
  const char *muscle = nl_timeline_get_track_muscle (timeline, track);

  g_assert_cmpint (nl_timeline_find_track (bench, muscle, nl_timeline_get_track_side (timeline, track)),
                   <, 0);
  for (NlFigure figure = NL_FIGURE_STRENGTH; figure < NL_N_FIGURES; figure++)
    {
      g_autoptr(NlPlot) plot = nl_figure_plot_new (figure, timeline, track, bench, "Bench", NAN);
      g_autoptr(NlPlot) alone = nl_figure_plot_new (figure, timeline, track, NULL, NULL, NAN);
      const NlPlotSeries *note = g_ptr_array_index (plot->series, plot->series->len - 1);
      g_autoptr(NlLayoutRecord) record = nl_layout_record_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
      cairo_t *cr = cairo_create (surface);
      NlRenderStyle style;
      g_autofree char *name = NULL;
      g_autofree char *problems = NULL;
      gboolean drawn = FALSE;

      /* One entry more than without the comparison: a note, no curve. */
      g_assert_cmpuint (plot->series->len, ==, alone->series->len + 1);
      g_assert_cmpuint (note->n, ==, 0);
      g_assert_true (note->note);
      g_assert_true (g_str_has_prefix (note->label, "Bench: does not train "));
      g_assert_true (g_str_has_suffix (note->label, ", left") || g_str_has_suffix (note->label, ", right"));

      nl_render_style_init (&style, NL_THEME_LIGHT);
      nl_render_style_set_font (&style, "DejaVu Sans", 11);
      nl_layout_record_attach (record, cr);
      nl_trend_plot_draw (cr, plot, &style, 960, 540);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      name = g_strdup_printf ("legend note %u", plot->series->len - 1);
      for (guint i = 0; i < nl_layout_record_get_n (record); i++)
        {
          const NlLayoutElement *e = nl_layout_record_get_nth (record, i);

          if (g_str_equal (e->name, name))
            {
              drawn = TRUE;
              g_assert_cmpint (e->kind, ==, NL_ELEMENT_TEXT);
              g_assert_cmpfloat (e->rect.width, >, 100);
            }
        }
      g_assert_true (drawn);
      problems = nl_layout_record_check (record, 960, 540);
      g_assert_null (problems);
    }
}

/* After immobilisation the neural share already gains while the muscular
 * one is still below baseline: the shares stack on opposite sides of zero,
 * so the total is drawn as a line, and it is the model's strength. */
static void
test_strength_diverging_total (void)
{
  g_autoptr(NlTimeline) timeline = load_example ("acl-reconstruction-rehab.neurolift");
  guint track = nl_timeline_get_default_track (timeline);
  g_autoptr(NlPlot) plot = nl_figure_plot_new (NL_FIGURE_STRENGTH, timeline, track, NULL, NULL, NAN);
  const double *strength = nl_timeline_get_series (timeline, track, NL_SERIES_STRENGTH);
  const NlPlotSeries *neural = g_ptr_array_index (plot->series, 0);
  const NlPlotSeries *muscular = g_ptr_array_index (plot->series, 1);
  const NlPlotSeries *total = NULL;
  gboolean diverges = FALSE;

  for (guint i = 0; i < plot->series->len; i++)
    {
      const NlPlotSeries *s = g_ptr_array_index (plot->series, i);

      if (g_str_equal (s->label, "Total strength"))
        total = s;
    }
  g_assert_nonnull (total);
  g_assert_cmpint (total->kind, ==, NL_PLOT_LINE);
  for (guint d = 0; d < total->n; d++)
    {
      g_assert_cmpfloat (total->y[d], ==, strength[d]);
      g_assert_cmpfloat_with_epsilon (neural->y[d] + muscular->y[d], total->y[d], 0.5);
      diverges = diverges || (neural->y[d] > 1 && muscular->y[d] < -1);
    }
  g_assert_true (diverges);
}

static void
test_names (void)
{
  NlFigure figure;
  g_autofree char *names = nl_figure_list_names ();

  for (NlFigure f = 0; f < NL_N_FIGURES; f++)
    {
      g_assert_true (nl_figure_from_string (nl_figure_to_string (f), &figure));
      g_assert_cmpint (figure, ==, f);
      g_assert_nonnull (strstr (names, nl_figure_to_string (f)));
    }
  g_assert_false (nl_figure_from_string ("Diagram", &figure));
  g_assert_false (nl_figure_from_string (NULL, &figure));
}

/* Every day a user sees is named "Week W, day D", both counted from 1 as a
 * session's day="1"…"7" counts them: day index 0 is week 1, day 1.  The
 * diagram's title, the plot's read-out and the range error agree. */
static void
test_day_labels (void)
{
  static const struct { guint day; const char *label; } cases[] = {
    { 0, "Week 1, day 1" },
    { 6, "Week 1, day 7" },
    { 7, "Week 2, day 1" },
    { 8, "Week 2, day 2" },
    { 55, "Week 8, day 7" },
  };
  g_autoptr(NlTimeline) timeline = load_timeline ("quadriceps-8-weeks.neurolift");
  guint track = right_quadriceps (timeline);
  guint n_days = nl_timeline_get_n_days (timeline);
  g_autoptr(NlDiagramState) state = NULL;
  g_autoptr(NlDiagramState) none = NULL;
  g_autoptr(NlPlot) plot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *selected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = nl_day_label_dup (cases[i].day);

      g_assert_cmpstr (label, ==, cases[i].label);
    }

  state = nl_figure_diagram_state_new (timeline, track, 8, 0.8, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state->day_label, ==, "Week 2, day 2");

  /* The error names the last day both ways: as the index it was given
   * and by its name. */
  none = nl_figure_diagram_state_new (timeline, track, n_days, 0.8, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  last = nl_day_label_dup (n_days - 1);
  expected = g_strdup_printf ("(the last day is %s, index %u)", last, n_days - 1);
  g_assert_nonnull (strstr (error->message, expected));

  plot = nl_figure_plot_new (NL_FIGURE_STRENGTH, timeline, track, NULL, NULL, 8.4);
  selected = nl_trend_plot_dup_selected_label (plot);
  g_assert_cmpstr (selected, ==, "Selected: Week 2, day 2");
  plot->selected_day = NAN;
  g_assert_null (nl_trend_plot_dup_selected_label (plot));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/figure/diagram-state", test_diagram_state);
  g_test_add_func ("/render/figure/plots", test_plots);
  g_test_add_func ("/render/figure/population-bands", test_population_bands);
  g_test_add_func ("/render/figure/population-strength-total", test_population_strength_total);
  g_test_add_func ("/render/figure/compare-untrained-muscle", test_compare_untrained_muscle);
  g_test_add_func ("/render/figure/strength-diverging-total", test_strength_diverging_total);
  g_test_add_func ("/render/figure/names", test_names);
  g_test_add_func ("/render/figure/day-labels", test_day_labels);

  return g_test_run ();
}
