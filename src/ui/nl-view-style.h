/* nl-view-style.h — the render layer's style filled from the GTK theme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nl-render-style.h"

G_BEGIN_DECLS

/* Light or dark from libadwaita's style manager, the desktop font, the
 * widget's scale factor. */
void       nl_view_style_init    (NlRenderStyle *style,
                                  GtkWidget     *widget);

/* As nl_view_style_init() in the light style: all that text needs, and
 * usable before libadwaita has started. */
void       nl_view_style_init_text (NlRenderStyle *style,
                                    GtkWidget     *widget);

/* The application's settings, or NULL when the schema is not installed
 * (an uninstalled run): g_settings_new() would abort. */
GSettings *nl_view_settings_new  (void);

/* The style of a figure exported from @widget's view: as shown, at one
 * device pixel per unit, in the light or dark style the export-style
 * setting asks for. */
void       nl_view_style_init_for_export (NlRenderStyle *style,
                                          GtkWidget     *widget);

G_END_DECLS
