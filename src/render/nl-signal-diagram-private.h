/* nl-signal-diagram-private.h — the parts of the signalling diagram
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nl-diagram-state.h"
#include "nl-render-private.h"

G_BEGIN_DECLS

/* Most units a pool shows; larger pools are sampled evenly in recruitment order. */
#define NL_DIAGRAM_MAX_SHOWN_UNITS 16
/* Seconds of animation an action potential takes from soma to junction. */
#define NL_DIAGRAM_TRAVEL_S 0.45

typedef struct {
  NlTextKit            kit;
  const NlRenderStyle *style;
  double               s;        /* body text size */
  double               t;        /* animation time, s */
} NlDiagramCtx;

void  _nl_diagram_draw_pathway  (cairo_t              *cr,
                                 NlDiagramCtx         *ctx,
                                 const NlDiagramState *state,
                                 const NlRect         *panel);
void  _nl_diagram_draw_myokines (cairo_t              *cr,
                                 NlDiagramCtx         *ctx,
                                 const NlDiagramState *state,
                                 const NlRect         *panel,
                                 gboolean              icons);
/* Whether the myokine panel's text fits @width × @height uncut. */
gboolean _nl_diagram_myokines_fit (NlDiagramCtx         *ctx,
                                   const NlDiagramState *state,
                                   double                width,
                                   double                height,
                                   gboolean              icons);
void  _nl_diagram_draw_readouts (cairo_t              *cr,
                                 NlDiagramCtx         *ctx,
                                 const NlDiagramState *state,
                                 const NlRect         *panel);
double _nl_diagram_readouts_height (NlDiagramCtx      *ctx,
                                    double             width);
/* The read-outs as one wrapped line of small text (for small canvases):
 * returns its height at @rect's width and draws it when @cr is set. */
double _nl_diagram_readouts_line  (cairo_t              *cr,
                                   NlDiagramCtx         *ctx,
                                   const NlDiagramState *state,
                                   const NlRect         *rect);
/* Lays the legend out in rows across @width; returns its height.  With a
 * non-NULL @cr it also draws it inside @rect. */
double _nl_diagram_legend       (cairo_t              *cr,
                                 NlDiagramCtx         *ctx,
                                 const NlDiagramState *state,
                                 const NlRect         *rect);

/* Which pool index the @k-th of @shown displayed units stands for. */
guint  _nl_diagram_shown_index  (guint                 k,
                                 guint                 shown,
                                 guint                 n_units);

/* Activation of a fibre of @unit at animation time @t: the sum of the
 * twitches its action potentials caused (1 = one twitch at its peak). */
double _nl_diagram_twitch       (const NlDiagramUnit  *unit,
                                 double                phase,
                                 double                slow_factor,
                                 double                t);
/* Seconds since the unit's last discharge left the soma (G_MAXDOUBLE if none). */
double _nl_diagram_since_spike  (const NlDiagramUnit  *unit,
                                 double                phase,
                                 double                slow_factor,
                                 double                t);

/* Small pictograms shared by the panels and the legend. */
void   _nl_draw_muscle_shape    (cairo_t              *cr,
                                 const NlRect         *rect);
void   _nl_draw_brain_shape     (cairo_t              *cr,
                                 const NlRect         *rect);
void   _nl_draw_arrow_head      (cairo_t              *cr,
                                 double                x,
                                 double                y,
                                 double                angle,
                                 double                size);

G_END_DECLS
