/* nl-explanation.h — what a model series means, for the explanation panels
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nl-timeline.h"

G_BEGIN_DECLS

/* One plain-words sentence on what @series means physiologically. */
const char *nl_explanation_get_meaning (NlSeries   series);

/* A panel row: the series' name and current value, its meaning, its
 * evidence level with the model's caveat, and its source. */
GtkWidget  *nl_explanation_row_new     (NlSeries   series);
void        nl_explanation_row_set_value (GtkWidget *row,
                                          const char *value);

G_END_DECLS
