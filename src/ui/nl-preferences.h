/* nl-preferences.h — the preferences window
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows the preferences of @settings over @parent; returns the dialog (a
 * window on libadwaita < 1.5, an AdwDialog from 1.5 on). */
GtkWidget *nl_preferences_present (GtkWindow *parent,
                                   GSettings *settings);

G_END_DECLS
