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
/* The header's read-out of @plot's selected day, "Selected: Week 3, day 2",
 * or NULL when no day is selected (selected_day is NAN). */
char    *nl_trend_plot_dup_selected_label (const NlPlot *plot);
/* For a pointer at (@x, @y) over a plot drawn at @width × @height: FALSE
 * when it is outside the data area, else fills @hit. */
gboolean nl_trend_plot_hit_test (const NlPlot        *plot,
                                 const NlRenderStyle *style,
                                 int                  width,
                                 int                  height,
                                 double               x,
                                 double               y,
                                 NlPlotHit           *hit);

/* What a read-out of @hit says: its day, "Week 3, day 2", then for each
 * series with a value "Strength: 112.4 % of baseline", each part after
 * @separator ("\n" under the pointer, "; " in a sentence). */
char    *nl_trend_plot_dup_readout          (const NlPlot    *plot,
                                             const NlPlotHit *hit,
                                             const char      *separator);
/* The same read-out for @plot's selected day (the day "Selected: …" names,
 * with the value of each series whose samples reach it), or NULL when no
 * day is selected. */
char    *nl_trend_plot_dup_selected_readout (const NlPlot    *plot,
                                             const char      *separator);

/* The data area (where the series are drawn and the pointer hit-tests) of
 * a plot drawn at @width × @height, in the same user units: FALSE when the
 * plot has no series or no size. */
gboolean nl_trend_plot_get_data_area (const NlPlot        *plot,
                                      const NlRenderStyle *style,
                                      int                  width,
                                      int                  height,
                                      double              *x,
                                      double              *y,
                                      double              *area_width,
                                      double              *area_height);

/* Hovering moves only the selected day: the cache keeps everything else
 * as a raster layer and redraws it by itself when the plot (apart from
 * selected_day), the style, the size or the target's scale changes.
 * Non-raster targets are drawn whole. */
typedef struct _NlPlotCache NlPlotCache;

NlPlotCache *nl_plot_cache_new         (void);
void         nl_plot_cache_free        (NlPlotCache         *cache);
void         nl_trend_plot_draw_cached (cairo_t             *cr,
                                        NlPlotCache         *cache,
                                        const NlPlot        *plot,
                                        const NlRenderStyle *style,
                                        int                  width,
                                        int                  height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlPlotCache, nl_plot_cache_free)

G_END_DECLS
