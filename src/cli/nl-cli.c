/* nl-cli.c — dispatch of the headless commands
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nl-cli-private.h"

static const NlCliCommand commands[] = {
  { "validate", N_("Check programme files and report every problem"), nl_cli_validate },
  { "format", N_("Write a programme in its canonical form"), nl_cli_format },
  { "render", N_("Draw a figure or animation frames of a programme"), nl_cli_render },
  { "simulate", N_("Predict the adaptation timeline of a programme"), nl_cli_simulate },
  { "motor-pool", N_("Show the motor-unit pool of a muscle on a day, or the textbook pool"), nl_cli_motor_pool },
};

gboolean
nl_cli_is_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

void
nl_cli_print_help (FILE *out)
{
  fprintf (out, "%s\n  neurolift [FILE…]\n  neurolift COMMAND [OPTION…]\n\n", _("Usage:"));
  fprintf (out, "%s\n\n", _("Plan resistance-training programmes and see how the nervous system and the muscles adapt."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-12s %s\n", "-h, --help", _("Show this help"));
  fprintf (out, "  %-12s %s\n", "--version", _("Show the version"));
  fprintf (out, "\n%s\n", _("Run “neurolift COMMAND --help” for the options of a command. "
                             "Without a command, the programme files open in the application."));
}

int
nl_cli_run (int    argc,
            char **argv)
{
  g_return_val_if_fail (argc >= 1, NL_EXIT_USAGE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, argv[0]) == 0)
      return commands[i].run (argc, argv);

  g_printerr (_("neurolift: unknown command “%s”\n"), argv[0]);
  return NL_EXIT_USAGE;
}

gboolean
_nl_cli_parse_options (int          *argc,
                       char       ***argv,
                       const char   *parameter_string,
                       const char   *summary,
                       GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup ((*argv)[0]);
  g_autofree char *prgname = g_strdup_printf ("neurolift %s", command);

  /* --help output names "neurolift CMD" rather than the bare command. */
  g_set_prgname (prgname);
  context = g_option_context_new (parameter_string);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("neurolift %s: %s\n", command, error->message);
      g_printerr (_("Run “neurolift %s --help” to see the options.\n"), command);
      return FALSE;
    }
  return TRUE;
}
