/* nl-test-app.h — the set-up the tests of the whole application share
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nl-application.h"

/* Runs the main loop until it has nothing left to do now. */
static inline void
iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop for @ms milliseconds of wall time. */
static inline void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Returns a registered NlApplication that offers no recovery, for a test
 * program called @name that has initialised GTK (and, for its style
 * sheet, libadwaita).  Recovery files and the recent list go to a private
 * folder, returned in @tmp_dir_out (may be NULL). */
static inline NlApplication *
nl_test_app_register (const char  *name,
                      char       **tmp_dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("nl-%s-XXXXXX", name);
  g_autofree char *tmp_dir = g_dir_make_tmp (template, &error);
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;
  NlApplication *app;

  g_assert_no_error (error);
  state = g_build_filename (tmp_dir, "state", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  /* GTK 4.8 leaks a GDateTime each time it clamps the recent-files list
   * to its maximum age; the tests do not need the clamping. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);

  app = nl_application_new ();
  nl_application_set_offer_recovery (app, FALSE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  if (tmp_dir_out != NULL)
    *tmp_dir_out = g_steal_pointer (&tmp_dir);
  return app;
}

/* Initialises GTK and libadwaita for a test program called @name and
 * returns nl_test_app_register()'s application. */
static inline NlApplication *
nl_test_app_new (int         *argc,
                 char      ***argv,
                 const char  *name,
                 char       **tmp_dir_out)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return nl_test_app_register (name, tmp_dir_out);
}
