/* nl-outline.h — words for the programme outline (sidebar rows, outline page)
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nl-program.h"

G_BEGIN_DECLS

/* One line for a sidebar row: "Day 1 · A", "4 × 8 Knee extension at 75 %", … */
char        *nl_outline_describe_item  (NlProgram *program,
                                        GObject   *item);
/* An icon name for the kind of @item. */
const char  *nl_outline_icon_for_item  (GObject   *item);
/* The read-only outline as Pango markup: phases with their weeks, sessions
 * and sets. */
char        *nl_outline_build_markup   (NlProgram *program);
/* The display name of an exercise id (custom first, then the catalogue). */
char        *nl_outline_exercise_name  (NlProgram  *program,
                                        const char *id);

G_END_DECLS
