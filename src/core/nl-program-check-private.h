/* nl-program-check-private.h — what the programme checks share
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include <glib.h>

G_BEGIN_DECLS

/* Appends an NlProblem about @attribute of @item (a document node) to
 * @problems; a @warning does not stop the model. */
void _nl_problems_add_valist (GPtrArray  *problems,
                              gboolean    warning,
                              gpointer    item,
                              const char *attribute,
                              const char *format,
                              va_list     args) G_GNUC_PRINTF (5, 0);

G_END_DECLS
