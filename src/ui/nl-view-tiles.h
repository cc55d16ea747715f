/* nl-view-tiles.h — a figure drawn into an image and handed to GTK as tiles
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Diagram and Trends views share.  The render layer draws fastest
 * into an image surface (its own rasteriser and cached layers need one),
 * and GTK replays a cairo recording slowly, so a view draws each frame of
 * its figure into an image at the widget's device resolution and hands it
 * to GTK as tiles of TILE_SIZE device pixels.  A tile stays the same render
 * node for as long as its pixels do not change, so GTK redraws and copies
 * to the screen only what changed since the previous frame.
 *
 * The helper also watches what the figure's style is made of (light or
 * dark, the desktop font, the scale factor) and queues a draw of the
 * widget when it changes: nothing in the widget's own CSS does.
 */
#pragma once

#include <gtk/gtk.h>

#include "nl-render-style.h"

G_BEGIN_DECLS

typedef struct _NlViewTiles NlViewTiles;

/* For @widget, which must outlive the helper (free it in dispose). */
NlViewTiles *nl_view_tiles_new          (GtkWidget           *widget);
void         nl_view_tiles_free         (NlViewTiles         *self);

/* Marks the figure as changed (new data, another day) and queues a draw. */
void         nl_view_tiles_queue_frame  (NlViewTiles         *self);
/* Whether the tiles do not show a figure of @style at @width × @height:
 * there are none yet, nl_view_tiles_queue_frame() was called since the
 * last frame, or the size, the scale or the style differ. */
gboolean     nl_view_tiles_frame_needed (NlViewTiles         *self,
                                         const NlRenderStyle *style,
                                         int                  width,
                                         int                  height);

/* Starts a frame of @width × @height user units at @style's scale factor:
 * a context on an image of that many device pixels per unit, scaled by its
 * matrix (the image has no device scale), in which the caller draws the
 * whole opaque figure before nl_view_tiles_end_frame(). */
cairo_t     *nl_view_tiles_begin_frame  (NlViewTiles         *self,
                                         const NlRenderStyle *style,
                                         int                  width,
                                         int                  height);
/* Destroys @cr and replaces the tiles whose pixels changed. */
void         nl_view_tiles_end_frame    (NlViewTiles         *self,
                                         cairo_t             *cr);
/* Appends the last frame's tiles to @snapshot. */
void         nl_view_tiles_append       (NlViewTiles         *self,
                                         GtkSnapshot         *snapshot);

/* How many of the @n_tiles the last frame replaced. */
guint        nl_view_tiles_get_changed  (NlViewTiles         *self,
                                         guint               *n_tiles);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlViewTiles, nl_view_tiles_free)

G_END_DECLS
