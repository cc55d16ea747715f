/* nl-theme-start.c — start GTK without the theme libadwaita throws away
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-theme-start"

#include "config.h"

#include "nl-theme-start.h"

/* What libadwaita sets "gtk-theme-name" to (AdwStyleManager); libadwaita
 * has it built in, style sheets for dark and high contrast included. */
#define EMPTY_THEME "Adwaita-empty"

gboolean
nl_theme_start (void)
{
  gboolean started;

  /* Too late, or the user's choice: nothing to change. */
  if (gtk_is_initialized () || g_getenv ("GTK_THEME") != NULL)
    return gtk_init_check ();

  g_setenv ("GTK_THEME", EMPTY_THEME, TRUE);
  started = gtk_init_check ();
  /* The settings, and with them the theme, are made on first use. */
  if (started)
    gtk_settings_get_default ();
  /* By now GTK may have started threads (a GL driver's, the D-Bus
   * connection's).  None of them reads GTK_THEME, and glibc's unsetenv()
   * frees nothing, so at worst one of them could miss another variable
   * while it is removed; GTK itself reads its own variables only here. */
  g_unsetenv ("GTK_THEME");
  return started;
}
