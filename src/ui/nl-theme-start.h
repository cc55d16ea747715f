/* nl-theme-start.h — start GTK without the theme libadwaita throws away
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK parses its default theme (Adwaita, about 80 million instructions on
 * GTK 4.8, a fifth of everything before the first frame) as soon as it
 * makes the display's settings.  libadwaita, which starts right after,
 * sets the theme to the empty "Adwaita-empty" and loads its own style
 * sheet instead, so that parse is thrown away unseen.  GTK_THEME names
 * the theme GTK loads first.  Set to the empty theme while GTK makes its
 * settings, and removed before libadwaita starts (libadwaita leaves a
 * user's GTK_THEME alone and would then skip its own style sheet), GTK
 * goes straight to the theme libadwaita would switch to: the window looks
 * the same and appears that much sooner.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Initializes GTK (when a display can be opened) and its settings as
 * described above.  Call before GTK is initialized (at the start of the
 * application's startup, before chaining up) and before the application
 * starts threads of its own: the environment is changed for a moment.  A
 * GTK_THEME set by the user is kept, and then, as when GTK is already
 * initialized, this only initializes GTK.  Returns whether GTK is. */
gboolean nl_theme_start (void);

G_END_DECLS
