/* nl-load-ahead.h — a programme file loaded on a worker thread
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a file in a new window builds the window and loads the file;
 * neither needs the other until the document is shown, so the file is read,
 * parsed, checked against the schema and turned into a programme on a
 * second processor while the main thread builds the window.
 */
#pragma once

#include <gio/gio.h>

#include "nl-program.h"

G_BEGIN_DECLS

typedef struct _NlLoadAhead NlLoadAhead;

/* Starts loading @file as nl_program_load_from_file() does. */
NlLoadAhead *nl_load_ahead_start  (GFile        *file);
/* Waits for the load and frees @self; returns what the load returned,
 * with its @diagnostics and @error. */
NlProgram   *nl_load_ahead_finish (NlLoadAhead  *self,
                                   GPtrArray   **diagnostics,
                                   GError      **error);

G_END_DECLS
