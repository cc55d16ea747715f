/* nl-signal-diagram-private.h — the parts of the signalling diagram
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nl-diagram-state.h"
#include "nl-render-private.h"
#include "nl-signal-diagram.h"

G_BEGIN_DECLS

/* Most units a pool shows; larger pools are sampled evenly in recruitment order. */
#define NL_DIAGRAM_MAX_SHOWN_UNITS 16
/* Seconds of animation an action potential takes from soma to junction. */
#define NL_DIAGRAM_TRAVEL_S 0.45

/* A cached animation draws the still parts once (STATIC) and only the
 * moving ones per frame (DYNAMIC); exports and tests draw ALL at once. */
typedef enum {
  NL_DIAGRAM_PASS_ALL,
  NL_DIAGRAM_PASS_STATIC,
  NL_DIAGRAM_PASS_DYNAMIC,
} NlDiagramPass;

/* What the still pass measured with Pango, so a moving pass needs no text. */
typedef struct {
  double   small_line_h;   /* one line of small text */
  double   myokine_head_h;
  double   myokine_needed[3];
  NlRect   pathway[2];
  NlRect   myokines;       /* width 0 when there is no myokine panel */
  gboolean icons;
} NlDiagramMemo;

typedef struct {
  NlTextKit            kit;
  const NlRenderStyle *style;
  double               s;        /* body text size */
  double               t;        /* animation time, s */
  NlDiagramPass        pass;
  NlDiagramMemo       *memo;
  const NlDiagramState *before;  /* the earlier state when side by side, else NULL */
} NlDiagramCtx;

#define NL_DIAGRAM_DRAWS_STILL(ctx)  ((ctx)->pass != NL_DIAGRAM_PASS_DYNAMIC)
#define NL_DIAGRAM_DRAWS_MOVING(ctx) ((ctx)->pass != NL_DIAGRAM_PASS_STATIC)

void  _nl_diagram_draw_pathway  (cairo_t              *cr,
                                 NlDiagramCtx         *ctx,
                                 const NlDiagramState *state,
                                 const NlRect         *panel);
void  _nl_diagram_draw_myokines (cairo_t              *cr,
                                 NlDiagramCtx         *ctx,
                                 const NlDiagramState *state,
                                 const NlRect         *panel,
                                 gboolean              icons);
/* Height the myokine panel needs at @width for its text uncut. */
double _nl_diagram_myokines_height (NlDiagramCtx         *ctx,
                                    const NlDiagramState *state,
                                    double                width,
                                    gboolean              icons);
/* Whether the myokine panel's text fits @width × @height uncut. */
gboolean _nl_diagram_myokines_fit (NlDiagramCtx         *ctx,
                                   const NlDiagramState *state,
                                   double                width,
                                   double                height,
                                   gboolean              icons);
/* The myokine panel as one wrapped paragraph (for small canvases), every
 * statement with its caveat: returns the height it needs at @rect's width
 * and draws it when @cr is set and @rect is that tall. */
double _nl_diagram_myokines_line (cairo_t              *cr,
                                  NlDiagramCtx         *ctx,
                                  const NlDiagramState *state,
                                  const NlRect         *rect);
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
/* Lays the first @n_items entries of the legend (most important first)
 * out in rows across @width; returns its height.  With a non-NULL @cr it
 * also draws them inside @rect. */
double _nl_diagram_legend       (cairo_t              *cr,
                                 NlDiagramCtx         *ctx,
                                 const NlDiagramState *state,
                                 const NlRect         *rect,
                                 guint                 n_items);
#define NL_DIAGRAM_LEGEND_ITEMS 7

/* How often @cache has drawn its still layer (for tests). */
guint  _nl_diagram_cache_get_redraws (NlDiagramCache *cache);

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
