/* nl-theme-start.c — start GTK without the theme libadwaita throws away
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nl-theme-start.h"

/* What libadwaita sets "gtk-theme-name" to (AdwStyleManager). */
#define EMPTY_THEME "Adwaita-empty"

gboolean
nl_theme_start (void)
{
  gboolean started;

  if (g_getenv ("GTK_THEME") != NULL)
    return gtk_init_check ();

  g_setenv ("GTK_THEME", EMPTY_THEME, TRUE);
  started = gtk_init_check ();
  /* The settings, and with them the theme, are made on first use. */
  if (started)
    gtk_settings_get_default ();
  /* GTK's own threads (a GL driver's, GLib's worker) do not read the
   * environment once running, so it can change back here. */
  g_unsetenv ("GTK_THEME");
  return started;
}
