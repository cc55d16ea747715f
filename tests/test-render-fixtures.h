/* test-render-fixtures.h — hand-built inputs for the render tests and benchmarks
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixed inputs that do not depend on the adaptation model, so the drawing
 * can be tested on its own.  The pool follows the Fuglevand, Winter & Patla
 * (1993) equations of SCIENCE.md §2.1 (RR 30, MFR 8 Hz, PFR 35 → 25 Hz,
 * RP 100, contraction time 90 → 30 ms).
 */
#pragma once

#include <math.h>

#include "nl-diagram-state.h"
#include "nl-signal-diagram.h"
#include "nl-trend-plot.h"

static inline void
fixture_fill_pool (NlDiagramPool *pool,
                   double         drive)
{
  guint n = pool->n_units;
  double a = log (30.0) / n, b = log (100.0) / n;
  double rte_n = exp (a * n);
  double e_max = rte_n + (25.0 - 8.0);
  double e = drive * e_max;
  double c = log (100.0) / log (3.0);

  pool->drive = drive;
  for (guint i = 0; i < n; i++)
    {
      double rte = exp (a * (i + 1));
      double pfr = 35.0 - 10.0 * rte / rte_n;
      double p = exp (b * (i + 1));
      NlDiagramUnit *u = &pool->units[i];

      u->threshold = rte / e_max;
      u->size = p / 100.0;
      u->contraction_time = 0.090 * pow (1.0 / p, 1.0 / c);
      u->recruited = e >= rte;
      u->rate = u->recruited ? MIN (e - rte + 8.0, pfr) : 0.0;
    }
}

/* A context on a new image of twice @width × @height, drawn at two pixels
 * per unit: by the image's device scale when @device_scale, else by
 * cairo_scale(). */
static inline cairo_t *
fixture_context_at_2 (int      width,
                      int      height,
                      gboolean device_scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * width, 2 * height);
  cairo_t *cr;

  if (device_scale)
    cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  if (!device_scale)
    cairo_scale (cr, 2, 2);
  return cr;
}

/* Week 0 or week 8 of a strength programme at 80 % effort. */
static inline NlDiagramState *
fixture_diagram_state (gboolean trained)
{
  NlDiagramState *state = nl_diagram_state_new (120, 60);

  nl_diagram_state_set_labels (state, trained ? "Week 8" : "Week 0", "Quadriceps", "Hamstrings");
  state->area = NL_BODY_AREA_LEG;
  state->effort = 0.8;
  state->voluntary_activation = trained ? 0.95 : 0.86;
  state->corticospinal_drive = state->effort * state->voluntary_activation;
  state->coactivation = trained ? 0.10 : 0.18;
  state->il6_fold = 2.3;
  state->muscle_bdnf_fold = 1.6;
  state->serum_bdnf_fold = trained ? 1.2 : 1.14;
  state->slow_factor = 15;
  fixture_fill_pool (&state->agonist, state->corticospinal_drive);
  fixture_fill_pool (&state->antagonist, state->coactivation);
  return state;
}

/* A year: 24 weeks of training, 12 of detraining, then training again.
 * Strength (% of baseline) as neural + muscular shares, voluntary
 * activation with a population band, and a second programme for comparison.
 * The curves are smooth saturating functions of the kind SCIENCE.md §11.4
 * describes; they are drawing inputs, not model output. */
static inline NlPlot *
fixture_plot (guint n_days)
{
  NlPlot *plot = nl_plot_new ("Strength over the programme", "Strength gain", "% of baseline");
  g_autofree double *x = g_new (double, n_days);
  g_autofree double *neural = g_new (double, n_days);
  g_autofree double *muscular = g_new (double, n_days);
  g_autofree double *other = g_new (double, n_days);
  g_autofree double *lo = g_new (double, n_days);
  g_autofree double *hi = g_new (double, n_days);
  NlPlotSeries *series;

  for (guint i = 0; i < n_days; i++)
    {
      double d = i, train = MIN (d, 168), detrain = d > 168 ? MIN (d - 168, 84) : 0;
      double retrain = d > 252 ? d - 252 : 0;

      x[i] = d;
      neural[i] = 14 * (1 - exp (-train / 21)) * exp (-detrain / 40) + 4 * (1 - exp (-retrain / 14));
      muscular[i] = 12 * (1 - exp (-MAX (train - 21, 0) / 90)) * exp (-detrain / 120)
                    + 3 * (1 - exp (-retrain / 60));
      other[i] = 0.8 * (neural[i] + muscular[i]) + 2 * sin (d / 30);
      lo[i] = other[i] - 3 - 0.02 * d;
      hi[i] = other[i] + 3 + 0.02 * d;
    }
  nl_plot_add_series (plot, NL_PLOT_STACKED_AREA, "Neural share", x, neural, n_days);
  nl_plot_add_series (plot, NL_PLOT_STACKED_AREA, "Muscular share", x, muscular, n_days);
  series = nl_plot_add_series (plot, NL_PLOT_LINE, "Programme B (p10–p90 band)", x, other, n_days);
  nl_plot_series_set_band (series, lo, hi);
  series->dashed = TRUE;
  nl_plot_add_series (plot, NL_PLOT_LINE, "Cross-education (untrained side)", x, muscular, n_days);
  nl_plot_add_phase (plot, "Training", NL_PHASE_TRAINING, 0, 168);
  nl_plot_add_phase (plot, "Detraining", NL_PHASE_DETRAINING, 168, 252);
  nl_plot_add_phase (plot, "Retraining", NL_PHASE_TRAINING, 252, n_days - 1);
  plot->selected_day = 56;
  plot->y_from_zero = TRUE;
  return plot;
}

/* The figures that the text and layout tests draw at many sizes. */
typedef enum {
  FIXTURE_DIAGRAM,
  FIXTURE_COMPARE,
  FIXTURE_PLOT,
  FIXTURE_PLOT_PLAIN,   /* one series, no phases: the top tick meets the header */
  N_FIXTURE_FIGURES,
} FixtureFigure;

/* Draws @figure at @width × @height on @cr: the diagram of @after (beside
 * @before when compared), or the trend plot of @plot, whole or its first
 * series alone. */
static inline void
fixture_draw_figure (cairo_t              *cr,
                     FixtureFigure         figure,
                     const NlDiagramState *before,
                     const NlDiagramState *after,
                     const NlPlot         *plot,
                     const NlRenderStyle  *style,
                     int                   width,
                     int                   height)
{
  switch (figure)
    {
    case FIXTURE_DIAGRAM:
      nl_signal_diagram_draw (cr, after, 1.3, style, width, height);
      break;
    case FIXTURE_COMPARE:
      nl_signal_diagram_draw_compare (cr, before, after, 1.3, style, width, height);
      break;
    case FIXTURE_PLOT:
      nl_trend_plot_draw (cr, plot, style, width, height);
      break;
    case FIXTURE_PLOT_PLAIN:
    default:
      {
        g_autoptr(NlPlot) plain = nl_plot_new ("Voluntary activation", "Change", "%");
        const NlPlotSeries *first = g_ptr_array_index (plot->series, 0);

        nl_plot_add_series (plain, NL_PLOT_LINE, "Activation", first->x, first->y, first->n);
        plain->selected_day = 100;
        nl_trend_plot_draw (cr, plain, style, width, height);
      }
      break;
    }
}
