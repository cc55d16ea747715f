/* nl-plot.h — the data a trend plot shows, independent of the model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plot owns copies of its series, so an adapter can build it from a
 * timeline and drop the timeline.
 */
#pragma once

#include <glib.h>

#include "nl-core-types.h"

G_BEGIN_DECLS

#define NL_PLOT_MAX_SERIES 12

typedef enum {
  NL_PLOT_LINE,          /* a line; with a band, the band is drawn beneath it */
  NL_PLOT_STACKED_AREA,  /* stacked on the stacked series added before it */
  NL_PLOT_BAND,          /* only the lo…hi band (y is its middle, for read-outs) */
  NL_PLOT_STEMS,         /* a stem from 0 per non-zero sample: session peaks */
} NlPlotKind;

typedef struct {
  char       *label;
  NlPlotKind  kind;
  guint       n;
  double     *x;          /* days, ascending */
  double     *y;
  double     *lo;         /* e.g. 10th percentile, or NULL */
  double     *hi;         /* e.g. 90th percentile, or NULL */
  guint       colour;     /* index into NlRenderStyle.series */
  gboolean    dashed;     /* the comparison programme */
  gboolean    note;       /* text for the legend, no curve (see nl_plot_add_note()) */
} NlPlotSeries;

typedef struct {
  char        *name;
  NlPhaseKind  kind;
  double       start_day;
  double       end_day;
} NlPlotPhase;

typedef struct {
  char      *title;
  char      *y_label;       /* e.g. "Strength" */
  char      *y_unit;        /* e.g. "% of baseline" */
  GPtrArray *series;        /* of NlPlotSeries */
  GArray    *phases;        /* of NlPlotPhase */
  double     selected_day;  /* NAN for none */
  gboolean   y_from_zero;
} NlPlot;

NlPlot       *nl_plot_new             (const char   *title,
                                       const char   *y_label,
                                       const char   *y_unit);
void          nl_plot_free            (NlPlot       *self);
/* Copies @x and @y (@n values).  Returns the series, owned by @self; at
 * most NL_PLOT_MAX_SERIES are kept (NULL beyond). */
NlPlotSeries *nl_plot_add_series      (NlPlot       *self,
                                       NlPlotKind    kind,
                                       const char   *label,
                                       const double *x,
                                       const double *y,
                                       guint         n);
/* A note in the legend where a curve's entry would be, e.g. that the
 * compared programme does not train the muscle: text, no points. */
NlPlotSeries *nl_plot_add_note        (NlPlot       *self,
                                       const char   *text);
/* Copies @lo and @hi (the series' n values each). */
void          nl_plot_series_set_band (NlPlotSeries *series,
                                       const double *lo,
                                       const double *hi);
void          nl_plot_add_phase       (NlPlot       *self,
                                       const char   *name,
                                       NlPhaseKind   kind,
                                       double        start_day,
                                       double        end_day);
/* A deep copy. */
NlPlot       *nl_plot_copy            (const NlPlot       *self);
/* Same title, labels, series and phases; the selected day counts only
 * with @with_selection.  NULL equals only NULL. */
gboolean      nl_plot_equal           (const NlPlot       *a,
                                       const NlPlot       *b,
                                       gboolean            with_selection);
/* Value of @series at @day: the sample nearest to it. */
double        nl_plot_series_value_at (const NlPlotSeries *series,
                                       double              day,
                                       double             *sample_day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlPlot, nl_plot_free)

G_END_DECLS
