/* nl-cli.h — the headless commands of the neurolift binary
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every command. */
#define NL_EXIT_OK      0
#define NL_EXIT_FAILURE 1   /* the input is bad or an output could not be written */
#define NL_EXIT_USAGE   2   /* the command line is wrong */

gboolean nl_cli_is_command (const char *name);

/* @argv[0] is the command name.  Returns the process exit status. */
int      nl_cli_run        (int         argc,
                            char      **argv);

/* Prints the top-level help (commands and GUI usage) to @out. */
void     nl_cli_print_help (FILE       *out);

G_END_DECLS
