/* nl-cli-format.c — `neurolift format FILE [-o OUT]`
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nl-atomic-file.h"
#include "nl-cli-private.h"
#include "nl-program-xml.h"

int
nl_cli_format (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  gboolean in_place = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of standard output (“-” is standard output)"), N_("OUT") },
    { "in-place", 'i', 0, G_OPTION_ARG_NONE, &in_place, N_("Rewrite FILE itself"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(NlProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (!_nl_cli_parse_options (&argc, &argv, _("FILE"),
                              _("Writes a programme in its canonical form: the layout Neurolift "
                                "itself saves, so that formatting twice changes nothing."),
                              entries))
    return NL_EXIT_USAGE;

  if (argc != 2)
    {
      g_printerr (_("neurolift format: name exactly one programme file\n"));
      return NL_EXIT_USAGE;
    }
  if (in_place && output != NULL)
    {
      g_printerr (_("neurolift format: use either --output or --in-place, not both\n"));
      return NL_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  program = nl_program_load_from_file (file, NULL, &error);
  if (program == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NL_EXIT_FAILURE;
    }

  text = nl_program_to_xml (program, &length);
  if (in_place || (output != NULL && g_strcmp0 (output, "-") != 0))
    {
      g_autoptr(GFile) out = in_place ? g_object_ref (file) : g_file_new_for_commandline_arg (output);

      if (!nl_atomic_file_replace (out, text, length, &error))
        {
          g_printerr ("%s\n", error->message);
          return NL_EXIT_FAILURE;
        }
      return NL_EXIT_OK;
    }

  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr (_("neurolift format: could not write to standard output\n"));
      return NL_EXIT_FAILURE;
    }
  return NL_EXIT_OK;
}
