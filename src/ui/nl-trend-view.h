/* nl-trend-view.h — a trend plot as a widget: hover read-out, click or keys set the day
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nl-plot.h"

G_BEGIN_DECLS

#define NL_TYPE_TREND_VIEW (nl_trend_view_get_type ())

G_DECLARE_FINAL_TYPE (NlTrendView, nl_trend_view, NL, TREND_VIEW, GtkWidget)

GtkWidget    *nl_trend_view_new              (void);

/* Takes ownership of @plot (may be NULL: nothing to show). */
void          nl_trend_view_take_plot        (NlTrendView *self,
                                              NlPlot      *plot);
const NlPlot *nl_trend_view_get_plot         (NlTrendView *self);

/* The selected day (the marker line); a click on the plot sets it. */
guint         nl_trend_view_get_day          (NlTrendView *self);
void          nl_trend_view_set_day          (NlTrendView *self,
                                              guint        day);

/* What the plot's accessible description says: the figure's title, the
 * selected day and each series' value on it (never the pointer's). */
const char   *nl_trend_view_get_description  (NlTrendView *self);

/* The values under the pointer as text, or NULL when it is elsewhere. */
const char   *nl_trend_view_get_readout      (NlTrendView *self);
/* What a pointer at (@x, @y) reads; also what hovering there shows.
 * Returns FALSE outside the data area. */
gboolean      nl_trend_view_hover            (NlTrendView *self,
                                              double       x,
                                              double       y);
/* What a click at (@x, @y) does: selects the day under it. */
gboolean      nl_trend_view_click            (NlTrendView *self,
                                              double       x,
                                              double       y);

/* Snapshots so far, and how long the last one took (µs): for tests and
 * benchmarks. */
gint64        nl_trend_view_get_last_draw_us (NlTrendView *self);
guint         nl_trend_view_get_frame_count  (NlTrendView *self);
/* The plot reaches GTK as tiles, of which only those whose pixels changed
 * are new render nodes: how many of the @n_tiles the last redrawn figure
 * replaced. */
guint         nl_trend_view_get_changed_tiles (NlTrendView *self,
                                               guint       *n_tiles);

G_END_DECLS
