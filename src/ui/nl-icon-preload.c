/* nl-icon-preload.c — load the icon theme on a second processor
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-icon-preload"

#include "config.h"

#include "nl-icon-preload.h"

static gpointer
preload_thread (gpointer data)
{
  g_autoptr(GtkIconTheme) theme = data;

  /* Any lookup makes the theme read its index files and caches, under the
   * theme's lock: a lookup on the main thread meanwhile waits for it. */
  gtk_icon_theme_has_icon (theme, "image-missing");
  return NULL;
}

void
nl_icon_preload_start (GdkDisplay *display)
{
  GtkIconTheme *theme;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  /* The display's theme is created, and its settings read, here on the
   * main thread, as GtkIconTheme requires. */
  theme = gtk_icon_theme_get_for_display (display);
  g_thread_unref (g_thread_new ("nl-icon-preload", preload_thread, g_object_ref (theme)));
}
