/* nl-program-check-private.h — what the programme checks share
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include <glib.h>

#include "nl-catalog.h"
#include "nl-program.h"

G_BEGIN_DECLS

/* The exercise as the editor names it: a custom exercise by its name, a
 * catalogue exercise by its translated name, one without a name by its
 * identifier. */
const char *_nl_exercise_label (NlProgram            *self,
                                const NlExerciseInfo *info);

/* Appends an NlProblem about @attribute of @item (a document node) to
 * @problems; a @warning does not stop the model. */
void _nl_problems_add_valist (GPtrArray  *problems,
                              gboolean    warning,
                              gpointer    item,
                              const char *attribute,
                              const char *format,
                              va_list     args) G_GNUC_PRINTF (5, 0);

G_END_DECLS
