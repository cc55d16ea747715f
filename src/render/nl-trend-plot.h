/* nl-trend-plot.h — model series over the days of a programme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "nl-plot.h"
#include "nl-render-style.h"

G_BEGIN_DECLS

typedef struct {
  double day;                          /* the sample day nearest to the pointer */
  guint  n_values;                     /* one per series, in the plot's order */
  double values[NL_PLOT_MAX_SERIES];   /* each series' own value (not stacked) */
} NlPlotHit;

void     nl_trend_plot_draw     (cairo_t             *cr,
                                 const NlPlot        *plot,
                                 const NlRenderStyle *style,
                                 int                  width,
                                 int                  height);
/* For a pointer at (@x, @y) over a plot drawn at @width × @height: FALSE
 * when it is outside the data area, else fills @hit. */
gboolean nl_trend_plot_hit_test (const NlPlot        *plot,
                                 const NlRenderStyle *style,
                                 int                  width,
                                 int                  height,
                                 double               x,
                                 double               y,
                                 NlPlotHit           *hit);

G_END_DECLS
