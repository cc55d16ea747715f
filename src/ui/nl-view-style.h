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
void nl_view_style_init (NlRenderStyle *style,
                         GtkWidget     *widget);

G_END_DECLS
