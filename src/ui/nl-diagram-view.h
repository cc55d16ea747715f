/* nl-diagram-view.h — the animated signalling diagram as a widget
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the render layer's diagram in snapshot().  While "playing" and
 * mapped (and animations are enabled) a tick callback advances the
 * animation clock from the frame clock; it is removed on pause, unmap and
 * when the desktop turns animations off.
 */
#pragma once

#include <gtk/gtk.h>

#include "nl-diagram-state.h"

G_BEGIN_DECLS

#define NL_TYPE_DIAGRAM_VIEW (nl_diagram_view_get_type ())

G_DECLARE_FINAL_TYPE (NlDiagramView, nl_diagram_view, NL, DIAGRAM_VIEW, GtkWidget)

GtkWidget            *nl_diagram_view_new              (void);

/* Copies @state and @compare (NULL: a single diagram). */
void                  nl_diagram_view_set_states       (NlDiagramView        *self,
                                                        const NlDiagramState *state,
                                                        const NlDiagramState *compare);
const NlDiagramState *nl_diagram_view_get_state        (NlDiagramView        *self);
const NlDiagramState *nl_diagram_view_get_compare      (NlDiagramView        *self);

gboolean              nl_diagram_view_get_playing      (NlDiagramView        *self);
void                  nl_diagram_view_set_playing      (NlDiagramView        *self,
                                                        gboolean              playing);
double                nl_diagram_view_get_speed        (NlDiagramView        *self);
void                  nl_diagram_view_set_speed        (NlDiagramView        *self,
                                                        double                speed);
/* Animation time in seconds of the diagram's own (slowed) clock. */
double                nl_diagram_view_get_time         (NlDiagramView        *self);
void                  nl_diagram_view_set_time         (NlDiagramView        *self,
                                                        double                t_seconds);

/* TRUE while the tick callback is installed. */
gboolean              nl_diagram_view_get_ticking      (NlDiagramView        *self);
/* Frames drawn so far, and how long the last snapshot() took (µs): for
 * tests and benchmarks. */
guint                 nl_diagram_view_get_frame_count  (NlDiagramView        *self);
gint64                nl_diagram_view_get_last_draw_us (NlDiagramView        *self);
/* The figure reaches GTK as tiles, of which only those whose pixels changed
 * are new render nodes (and so redrawn): how many of the @n_tiles the last
 * frame replaced. */
guint                 nl_diagram_view_get_changed_tiles (NlDiagramView       *self,
                                                         guint               *n_tiles);

G_END_DECLS
