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

/* What the diagram of @state (beside @compare, the earlier, when not NULL)
 * shows, in sentences: the day, the effort, the read-outs and the myokine
 * panel's numbers.  For an accessible description. */
char *nl_signal_diagram_describe    (const NlDiagramState *state,
                                     const NlDiagramState *compare);

/* An animation redraws the same state many times: the cache keeps its
 * still parts (text, panels, structures) as a raster layer and draws only
 * what moves on top.  One cache per view; it redraws the layer by itself
 * when the state, the style, the size or the target's scale changes.
 * PDF, SVG and other non-raster targets are drawn whole. */
typedef struct _NlDiagramCache NlDiagramCache;

NlDiagramCache *nl_diagram_cache_new       (void);
void            nl_diagram_cache_free      (NlDiagramCache       *cache);

/* As nl_signal_diagram_draw(), or as nl_signal_diagram_draw_compare() with
 * @compare (the earlier state, drawn on the left) when it is not NULL. */
void nl_signal_diagram_draw_cached  (cairo_t              *cr,
                                     NlDiagramCache       *cache,
                                     const NlDiagramState *state,
                                     const NlDiagramState *compare,
                                     double                t_seconds,
                                     const NlRenderStyle  *style,
                                     int                   width,
                                     int                   height);

/* Prepares the text of a @width × @height diagram in @style: loads its
 * fonts on the calling thread's default PangoCairo font map and measures
 * and rasterizes their common glyphs.  A thread can do this for a font
 * map that another then draws with (nl-font-warm.c in the UI). */
void nl_signal_diagram_warm_text    (const NlRenderStyle  *style,
                                     int                   width,
                                     int                   height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlDiagramCache, nl_diagram_cache_free)

G_END_DECLS
