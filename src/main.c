/* main.c — the neurolift binary: headless commands or the application
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "nl-cli.h"
#ifdef NL_WITH_GUI
#include "nl-application.h"
#endif

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1)
    {
      if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
          || strcmp (argv[1], "help") == 0)
        {
          nl_cli_print_help (stdout);
          return NL_EXIT_OK;
        }
      if (strcmp (argv[1], "--version") == 0)
        {
          printf ("neurolift %s\n", PACKAGE_VERSION);
          return NL_EXIT_OK;
        }
      if (nl_cli_is_command (argv[1]))
        return nl_cli_run (argc - 1, argv + 1);
    }

#ifdef NL_WITH_GUI
  {
    g_autoptr(NlApplication) app = nl_application_new ();

    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  g_printerr (_("neurolift: this build has no graphical interface; run “neurolift --help” for the commands\n"));
  return NL_EXIT_USAGE;
#endif
}
