/* nl-signal-diagram.h — the animated motor-cortex-to-muscle signalling diagram
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "nl-diagram-state.h"
#include "nl-render-style.h"

G_BEGIN_DECLS

/* Draws one frame of @state at animation time @t_seconds into the
 * @width × @height user-space rectangle at the origin of @cr. */
void nl_signal_diagram_draw         (cairo_t              *cr,
                                     const NlDiagramState *state,
                                     double                t_seconds,
                                     const NlRenderStyle  *style,
                                     int                   width,
                                     int                   height);
/* Two states side by side (e.g. week 0 and week 8 at the same effort). */
void nl_signal_diagram_draw_compare (cairo_t              *cr,
                                     const NlDiagramState *before,
                                     const NlDiagramState *after,
                                     double                t_seconds,
                                     const NlRenderStyle  *style,
                                     int                   width,
                                     int                   height);

G_END_DECLS
