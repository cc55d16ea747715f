/* nl-icon-preload.h — load the icon theme on a second processor
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK starts reading the display's icon themes on a worker thread as soon
 * as the display's GtkIconTheme exists, but GtkApplication and libadwaita
 * then add their icon resource paths, and each addition throws the themes
 * read so far away.  The window's first icon lookup then reads them all
 * again, on the main thread, in the middle of showing the window.  Reading
 * them once more on a worker right after start-up, when no path is added
 * any more, lets that overlap with building the window.  GtkIconTheme's
 * lookups may be called from any thread (they take the theme's lock).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Call on the main thread once the application has started up. */
void nl_icon_preload_start (GdkDisplay *display);

G_END_DECLS
