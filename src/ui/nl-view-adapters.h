/* nl-view-adapters.h — small helpers between the render layer's data and the pages
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "nl-plot.h"

G_BEGIN_DECLS

/* A copy of @plot showing only days [@first_day, @last_day] (zoom to a
 * phase); series and phases outside are cut. */
NlPlot *nl_view_plot_slice (const NlPlot *plot,
                            double        first_day,
                            double        last_day);

/* A copy of @plot without the series whose bit in @hidden is set (bit i =
 * series i), and without percentile bands unless @bands. */
NlPlot *nl_view_plot_filter (const NlPlot *plot,
                             guint32       hidden,
                             gboolean      bands);

/* "Week 3, day 2": nl_day_label_dup(), as the figures name a day. */
char   *nl_view_format_day (guint         day);

G_END_DECLS
