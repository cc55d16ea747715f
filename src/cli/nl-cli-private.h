/* nl-cli-private.h — what the command files share
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "nl-cli.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;
  const char *summary;          /* N_() marked; translated when printed */
  int       (*run) (int    argc,
                    char **argv);
} NlCliCommand;

int nl_cli_validate (int argc, char **argv);
int nl_cli_format   (int argc, char **argv);
int nl_cli_simulate (int argc, char **argv);
int nl_cli_motor_pool (int argc, char **argv);
int nl_cli_render   (int argc, char **argv);

/* Parses @entries for command @argv[0] in place.  On a usage error prints
 * "neurolift CMD: message" to stderr and returns FALSE. */
gboolean _nl_cli_parse_options (int          *argc,
                                char       ***argv,
                                const char   *parameter_string,
                                const char   *summary,
                                GOptionEntry *entries);

/* For a programme that loaded with problems of meaning (@diagnostics, not
 * empty): the message that says so, with the first problem and its place
 * ("PATH:LINE:COLUMN: …"); `neurolift validate` lists them all. */
char    *_nl_cli_describe_problems (const char *path,
                                    GPtrArray  *diagnostics);

G_END_DECLS
