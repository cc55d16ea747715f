/* nl-plot-axis.h — value ↔ pixel mapping and nice tick values
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure arithmetic, kept apart from drawing so it can be unit-tested.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NL_PLOT_AXIS_MAX_TICKS 32

typedef struct {
  double min;         /* value at pixel_min */
  double max;         /* value at pixel_max */
  double pixel_min;
  double pixel_max;   /* may be smaller than pixel_min (a y axis grows upwards) */
  double step;        /* distance between ticks */
} NlPlotAxis;

/* The "nice" number (1, 2, 2.5 or 5 × 10ⁿ) closest to @x (@round) or not
 * smaller than it.  @x must be positive. */
double nl_plot_axis_nice_number (double      x,
                                 gboolean    round);
/* A nice step that splits @span into at most @max_ticks intervals. */
double nl_plot_axis_nice_step   (double      span,
                                 guint       max_ticks);
/* A step in days for a time axis: 1, 2 or whole weeks (1, 2, 4, 8, 13, 26, 52). */
double nl_plot_axis_day_step    (double      span_days,
                                 guint       max_ticks);

/* Sets the value range of @axis to [@lo, @hi] widened outwards to multiples
 * of a nice step with at most @max_ticks intervals.  An empty or inverted
 * range is widened around its value. */
void   nl_plot_axis_set_nice    (NlPlotAxis *axis,
                                 double      lo,
                                 double      hi,
                                 guint       max_ticks);
/* Sets the range exactly, with ticks every @step from the first multiple. */
void   nl_plot_axis_set_exact   (NlPlotAxis *axis,
                                 double      lo,
                                 double      hi,
                                 double      step);
void   nl_plot_axis_set_pixels  (NlPlotAxis *axis,
                                 double      pixel_min,
                                 double      pixel_max);

double nl_plot_axis_to_pixel    (const NlPlotAxis *axis,
                                 double            value);
double nl_plot_axis_from_pixel  (const NlPlotAxis *axis,
                                 double            pixel);

/* Fills @ticks with the multiples of the step inside the range; returns how
 * many (at most @n_ticks). */
guint  nl_plot_axis_ticks       (const NlPlotAxis *axis,
                                 double           *ticks,
                                 guint             n_ticks);

/* Formats @value with as many decimals as @step needs ("0.25", "10", "1.5"). */
char  *nl_plot_axis_format      (double      value,
                                 double      step);

G_END_DECLS
