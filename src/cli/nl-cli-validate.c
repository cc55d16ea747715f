/* nl-cli-validate.c — `neurolift validate FILE…`
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-cli-private.h"
#include "nl-program-xml.h"

int
nl_cli_validate (int    argc,
                 char **argv)
{
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing for valid files"), NULL },
    G_OPTION_ENTRY_NULL
  };
  int status = NL_EXIT_OK;

  if (!_nl_cli_parse_options (&argc, &argv, _("FILE…"),
                              _("Checks each programme file and prints one line per problem as "
                                "FILE:LINE:COLUMN: message, and one line per warning about "
                                "implausible training as FILE: warning: message.  Exits with 0 "
                                "when every file is valid (warnings or not), 1 when any is not, "
                                "2 for a wrong command line."),
                              entries))
    return NL_EXIT_USAGE;

  if (argc < 2)
    {
      g_printerr (_("neurolift validate: name at least one programme file\n"));
      return NL_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(NlProgram) program = NULL;
      g_autoptr(GError) error = NULL;

      /* A programme with problems of meaning loads (the application opens
       * it and shows them); it is still not valid. */
      program = nl_program_load_from_file (file, &diagnostics, &error);
      if (program != NULL && (diagnostics == NULL || diagnostics->len == 0))
        {
          g_autoptr(GPtrArray) problems = nl_program_check (program);

          /* Only warnings are left: implausible training the model runs
           * anyway.  They never make a file invalid. */
          for (guint p = 0; p < problems->len; p++)
            {
              NlProblem *problem = g_ptr_array_index (problems, p);

              if (problem->warning)
                g_printerr (_("%s: warning: %s\n"), argv[i], problem->message);
            }
          if (!quiet)
            g_print (_("%s: valid\n"), argv[i]);
          continue;
        }

      status = NL_EXIT_FAILURE;
      if (diagnostics == NULL || diagnostics->len == 0)
        {
          /* Could not even read it: the error says which file and why. */
          g_printerr ("%s\n", error->message);
          continue;
        }
      for (guint d = 0; d < diagnostics->len; d++)
        {
          NlDiagnostic *diag = g_ptr_array_index (diagnostics, d);

          g_printerr ("%s:%u:%u: %s\n", argv[i], diag->line, diag->column, diag->message);
        }
    }
  return status;
}

char *
_nl_cli_describe_problems (const char *path,
                           GPtrArray  *diagnostics)
{
  NlDiagnostic *first;

  g_return_val_if_fail (diagnostics != NULL && diagnostics->len > 0, NULL);

  first = g_ptr_array_index (diagnostics, 0);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s:%u:%u: the programme has %u problem, so it cannot "
                                       "be simulated: %s",
                                       "%s:%u:%u: the programme has %u problems, so it cannot "
                                       "be simulated (“neurolift validate” lists them all); "
                                       "the first: %s",
                                       diagnostics->len),
                          path, first->line, first->column, diagnostics->len, first->message);
}
