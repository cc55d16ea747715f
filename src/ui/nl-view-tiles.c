/* nl-view-tiles.c — a figure drawn into an image and handed to GTK as tiles
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-view-tiles"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nl-view-tiles.h"

/* Device pixels per side of a tile: small enough that a moving dot
 * redraws little around it, large enough that a frame has few nodes. */
#define TILE_SIZE 64

struct _NlViewTiles
{
  GtkWidget        *widget;        /* not owned: it owns the helper */

  /* Each frame is drawn into one of two images, alternating, so that the
   * one before stays for comparison. */
  cairo_surface_t  *frames[2];
  guint             current;

  GskRenderNode   **tiles;         /* columns × rows */
  guint             columns;
  guint             rows;
  gboolean          tiles_valid;   /* the tiles show the previous image */
  guint             new_tiles;     /* tiles replaced by the last frame */

  /* What the tiles show. */
  gboolean          stale;
  int               width;
  int               height;
  NlRenderStyle     style;

  GObject          *style_manager;
  GObject          *settings;
  gulong            dark_id;
  gulong            font_id;
  gulong            scale_id;
};

static void
style_changed_cb (NlViewTiles *self)
{
  /* The style is compared in nl_view_tiles_frame_needed(): a change that
   * makes no difference to the figure redraws nothing. */
  gtk_widget_queue_draw (self->widget);
}

static void
clear_tiles (NlViewTiles *self)
{
  for (guint i = 0; self->tiles != NULL && i < self->columns * self->rows; i++)
    g_clear_pointer (&self->tiles[i], gsk_render_node_unref);
  g_clear_pointer (&self->tiles, g_free);
  self->columns = self->rows = 0;
  self->tiles_valid = FALSE;
}

/* Marks in @changed the columns of tiles whose pixels differ between two
 * same-sized images in the band of rows @y0 to @y1.  Most rows of an
 * animation frame are as they were, so a row is compared whole first
 * and tile by tile only when it differs. */
static void
find_changed_columns (cairo_surface_t *a,
                      cairo_surface_t *b,
                      int              y0,
                      int              y1,
                      guint            columns,
                      gboolean        *changed)
{
  int stride = cairo_image_surface_get_stride (a);
  int width = cairo_image_surface_get_width (a);
  const guchar *pa = cairo_image_surface_get_data (a) + (gsize) y0 * stride;
  const guchar *pb = cairo_image_surface_get_data (b) + (gsize) y0 * stride;
  guint n_changed = 0;

  for (guint c = 0; c < columns; c++)
    n_changed += changed[c];
  for (int y = y0; y < y1 && n_changed < columns; y++, pa += stride, pb += stride)
    {
      if (memcmp (pa, pb, (gsize) width * 4) == 0)
        continue;
      for (guint c = 0; c < columns; c++)
        {
          int x = c * TILE_SIZE;

          if (!changed[c] && memcmp (pa + x * 4, pb + x * 4, (gsize) MIN (TILE_SIZE, width - x) * 4) != 0)
            {
              changed[c] = TRUE;
              n_changed++;
            }
        }
    }
}

/* A node showing @rect (device pixels) of @frame, laid out in widget units
 * of @scale device pixels.
 *
 * Its recording gets a copy of the tile's pixels in an image of its own,
 * not @frame itself: a recording takes a snapshot of a source surface, so
 * recording @frame made every frame drawn over it later copy the whole
 * image first (cairo's copy-on-write), and kept that copy for as long as
 * any tile made from it lived (during an animation, many whole frames).
 * The tile's own image is only its pixels, and the recording takes its
 * memory over when it is destroyed. */
static GskRenderNode *
tile_node_new (cairo_surface_t             *frame,
               const cairo_rectangle_int_t *rect,
               int                          scale)
{
  int stride = cairo_image_surface_get_stride (frame);
  const guchar *src = cairo_image_surface_get_data (frame) + (gsize) rect->y * stride + (gsize) rect->x * 4;
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, rect->width, rect->height);
  int copy_stride = cairo_image_surface_get_stride (copy);
  guchar *dest = cairo_image_surface_get_data (copy);
  GskRenderNode *node;
  cairo_t *cr;

  for (int y = 0; y < rect->height; y++, src += stride, dest += copy_stride)
    memcpy (dest, src, (gsize) rect->width * 4);
  cairo_surface_mark_dirty (copy);

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT ((float) rect->x / scale, (float) rect->y / scale,
                                                  (float) rect->width / scale, (float) rect->height / scale));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, copy, rect->x, rect->y);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (copy);
  return node;
}

/* Replaces the tiles whose pixels changed since the previous frame. */
static void
update_tiles (NlViewTiles     *self,
              cairo_surface_t *frame,
              cairo_surface_t *previous,
              int              scale)
{
  int pw = cairo_image_surface_get_width (frame);
  int ph = cairo_image_surface_get_height (frame);
  guint columns = (pw + TILE_SIZE - 1) / TILE_SIZE;
  guint rows = (ph + TILE_SIZE - 1) / TILE_SIZE;
  gboolean *changed;

  if (columns != self->columns || rows != self->rows)
    {
      clear_tiles (self);
      self->columns = columns;
      self->rows = rows;
      self->tiles = g_new0 (GskRenderNode *, columns * rows);
    }

  cairo_surface_flush (frame);
  self->new_tiles = 0;
  changed = g_newa (gboolean, columns);
  for (guint r = 0; r < rows; r++)
    {
      int y0 = r * TILE_SIZE, y1 = MIN (y0 + TILE_SIZE, ph);

      for (guint c = 0; c < columns; c++)
        changed[c] = !self->tiles_valid || self->tiles[r * columns + c] == NULL;
      if (self->tiles_valid)
        find_changed_columns (frame, previous, y0, y1, columns, changed);

      for (guint c = 0; c < columns; c++)
        {
          GskRenderNode **tile = &self->tiles[r * columns + c];
          int x0 = c * TILE_SIZE;
          cairo_rectangle_int_t rect = { x0, y0, MIN (TILE_SIZE, pw - x0), y1 - y0 };

          if (!changed[c])
            continue;
          g_clear_pointer (tile, gsk_render_node_unref);
          *tile = tile_node_new (frame, &rect, scale);
          self->new_tiles++;
        }
    }
  self->tiles_valid = TRUE;
}

NlViewTiles *
nl_view_tiles_new (GtkWidget *widget)
{
  NlViewTiles *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_new0 (NlViewTiles, 1);
  self->widget = widget;
  self->stale = TRUE;

  self->style_manager = g_object_ref (G_OBJECT (adw_style_manager_get_default ()));
  self->dark_id = g_signal_connect_swapped (self->style_manager, "notify::dark",
                                            G_CALLBACK (style_changed_cb), self);
  self->settings = g_object_ref (G_OBJECT (gtk_widget_get_settings (widget)));
  self->font_id = g_signal_connect_swapped (self->settings, "notify::gtk-font-name",
                                            G_CALLBACK (style_changed_cb), self);
  self->scale_id = g_signal_connect_swapped (widget, "notify::scale-factor",
                                             G_CALLBACK (style_changed_cb), self);
  return self;
}

void
nl_view_tiles_free (NlViewTiles *self)
{
  if (self == NULL)
    return;

  g_clear_signal_handler (&self->dark_id, self->style_manager);
  g_clear_signal_handler (&self->font_id, self->settings);
  g_clear_signal_handler (&self->scale_id, self->widget);
  g_clear_object (&self->style_manager);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->frames[0], cairo_surface_destroy);
  g_clear_pointer (&self->frames[1], cairo_surface_destroy);
  clear_tiles (self);
  g_free (self);
}

void
nl_view_tiles_queue_frame (NlViewTiles *self)
{
  g_return_if_fail (self != NULL);

  self->stale = TRUE;
  gtk_widget_queue_draw (self->widget);
}

gboolean
nl_view_tiles_frame_needed (NlViewTiles         *self,
                            const NlRenderStyle *style,
                            int                  width,
                            int                  height)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (style != NULL, TRUE);

  return self->stale || self->tiles == NULL || width != self->width || height != self->height
         || memcmp (style, &self->style, sizeof *style) != 0;
}

cairo_t *
nl_view_tiles_begin_frame (NlViewTiles         *self,
                           const NlRenderStyle *style,
                           int                  width,
                           int                  height)
{
  cairo_t *cr;
  int scale;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  scale = MAX ((int) style->scale_factor, 1);
  for (guint i = 0; i < 2; i++)
    if (self->frames[i] == NULL
        || cairo_image_surface_get_width (self->frames[i]) != width * scale
        || cairo_image_surface_get_height (self->frames[i]) != height * scale)
      {
        g_clear_pointer (&self->frames[i], cairo_surface_destroy);
        self->frames[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
        self->tiles_valid = FALSE;
      }

  self->stale = FALSE;
  self->width = width;
  self->height = height;
  self->style = *style;

  /* The scale goes into the context's matrix, not into the image's device
   * scale: the render layer's cached layers are made at the resolution
   * that cairo_get_matrix() shows (as when exporting a figure), and a
   * device scale is not part of it, so they came out at one pixel per
   * unit and were scaled up blurred into every frame. */
  cr = cairo_create (self->frames[self->current]);
  cairo_scale (cr, scale, scale);
  return cr;
}

void
nl_view_tiles_end_frame (NlViewTiles *self,
                         cairo_t     *cr)
{
  cairo_surface_t *frame;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  frame = self->frames[self->current];
  g_return_if_fail (cairo_get_target (cr) == frame);
  cairo_destroy (cr);

  update_tiles (self, frame, self->frames[self->current ^ 1], MAX ((int) self->style.scale_factor, 1));
  self->current ^= 1;
}

void
nl_view_tiles_append (NlViewTiles *self,
                      GtkSnapshot *snapshot)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; self->tiles != NULL && i < self->columns * self->rows; i++)
    gtk_snapshot_append_node (snapshot, self->tiles[i]);
}

guint
nl_view_tiles_get_changed (NlViewTiles *self,
                           guint       *n_tiles)
{
  g_return_val_if_fail (self != NULL, 0);

  if (n_tiles != NULL)
    *n_tiles = self->columns * self->rows;
  return self->new_tiles;
}
