/* nl-program-reader-private.h — internals shared with the tests
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the RELAX NG schema alone accepts @data (well-formed and valid).
 * Used by the tests to show the schema and the loader's checks agree. */
gboolean _nl_program_schema_accepts (const char *data,
                                     gsize       length);

G_END_DECLS
