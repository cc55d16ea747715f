/* nl-diagram-view.c — the animated signalling diagram as a widget
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-diagram-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nl-diagram-view.h"
#include "nl-signal-diagram.h"
#include "nl-view-style.h"

struct _NlDiagramView
{
  GtkWidget       parent_instance;

  NlDiagramState *state;
  NlDiagramState *compare;

  double          speed;
  double          t;              /* seconds of animation time */
  gint64          last_frame_us;  /* frame-clock time of the previous tick, 0 after a pause */
  guint           tick_id;
  gulong          animations_id;
  gboolean        playing;

  /* The render layer keeps the still parts of the figure as a raster
   * layer and draws only what moves; that needs an image target, so each
   * frame is drawn into one of two image surfaces, alternating so that the
   * one before stays for comparison.  GTK gets the frame as tiles, each a
   * render node kept for as long as its pixels do not change: GTK redraws
   * and copies to the screen only the parts whose node is new, which keeps
   * an animation's frames to the size of what moves. */
  NlDiagramCache  *cache;
  cairo_surface_t *frames[2];
  guint            current;
  GskRenderNode  **tiles;         /* columns × rows, device-pixel tiles of TILE_SIZE */
  guint            columns;
  guint            rows;
  gboolean         tiles_valid;   /* the tiles show the previous frame */
  guint            new_tiles;     /* tiles replaced by the last frame */

  guint           frame_count;
  gint64          last_draw_us;
};

G_DEFINE_FINAL_TYPE (NlDiagramView, nl_diagram_view, GTK_TYPE_WIDGET)

/* Device pixels per side of a tile: small enough that a moving dot
 * redraws little around it, large enough that a frame has few nodes. */
#define TILE_SIZE 64

enum {
  PROP_0,
  PROP_PLAYING,
  PROP_SPEED,
  PROP_TICKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
animations_enabled (NlDiagramView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  NlDiagramView *self = NL_DIAGRAM_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);

  if (self->last_frame_us != 0)
    {
      /* A long stall (a suspended laptop, a hidden window) must not make the
       * animation jump: advance by at most a tenth of a second. */
      double dt = MIN ((now - self->last_frame_us) / (double) G_USEC_PER_SEC, 0.1);
      self->t += dt * self->speed;
    }
  self->last_frame_us = now;

  gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

/* Installs or removes the tick callback to match playing/mapped/settings. */
static void
update_ticking (NlDiagramView *self)
{
  gboolean want = self->playing
                  && gtk_widget_get_mapped (GTK_WIDGET (self))
                  && animations_enabled (self);

  if (want == (self->tick_id != 0))
    return;

  if (want)
    {
      self->last_frame_us = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKING]);
}

static void
animations_changed_cb (NlDiagramView *self)
{
  update_ticking (self);
}

static void
nl_diagram_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nl_diagram_view_parent_class)->map (widget);
  update_ticking (NL_DIAGRAM_VIEW (widget));
}

static void
nl_diagram_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nl_diagram_view_parent_class)->unmap (widget);
  update_ticking (NL_DIAGRAM_VIEW (widget));
}

static void
nl_diagram_view_root (GtkWidget *widget)
{
  NlDiagramView *self = NL_DIAGRAM_VIEW (widget);

  GTK_WIDGET_CLASS (nl_diagram_view_parent_class)->root (widget);

  self->animations_id = g_signal_connect_object (gtk_widget_get_settings (widget),
                                                 "notify::gtk-enable-animations",
                                                 G_CALLBACK (animations_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
}

static void
nl_diagram_view_unroot (GtkWidget *widget)
{
  NlDiagramView *self = NL_DIAGRAM_VIEW (widget);

  g_clear_signal_handler (&self->animations_id, gtk_widget_get_settings (widget));

  GTK_WIDGET_CLASS (nl_diagram_view_parent_class)->unroot (widget);
}

static void
clear_tiles (NlDiagramView *self)
{
  for (guint i = 0; self->tiles != NULL && i < self->columns * self->rows; i++)
    g_clear_pointer (&self->tiles[i], gsk_render_node_unref);
  g_clear_pointer (&self->tiles, g_free);
  self->columns = self->rows = 0;
  self->tiles_valid = FALSE;
}

/* Whether the @rect (device pixels) of two same-sized frames differs. */
static gboolean
tile_changed (cairo_surface_t             *a,
              cairo_surface_t             *b,
              const cairo_rectangle_int_t *rect)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a) + rect->y * stride + rect->x * 4;
  const guchar *pb = cairo_image_surface_get_data (b) + rect->y * stride + rect->x * 4;

  for (int y = 0; y < rect->height; y++, pa += stride, pb += stride)
    if (memcmp (pa, pb, rect->width * 4) != 0)
      return TRUE;
  return FALSE;
}

/* A node showing @rect (device pixels) of @frame: a copy of its pixels, so
 * that @frame can be drawn over.  The figure is opaque, so the copy is
 * too, which lets it be copied rather than blended onto the window. */
static GskRenderNode *
tile_node_new (cairo_surface_t             *frame,
               const cairo_rectangle_int_t *rect,
               int                          scale)
{
  int stride = cairo_image_surface_get_stride (frame);
  const guchar *src = cairo_image_surface_get_data (frame) + rect->y * stride + rect->x * 4;
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_RGB24, rect->width, rect->height);
  int copy_stride = cairo_image_surface_get_stride (copy);
  guchar *dest = cairo_image_surface_get_data (copy);
  GskRenderNode *node;
  cairo_t *cr;

  for (int y = 0; y < rect->height; y++, src += stride, dest += copy_stride)
    memcpy (dest, src, rect->width * 4);
  cairo_surface_mark_dirty (copy);
  cairo_surface_set_device_scale (copy, scale, scale);

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT ((float) rect->x / scale, (float) rect->y / scale,
                                                  (float) rect->width / scale, (float) rect->height / scale));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, copy, (double) rect->x / scale, (double) rect->y / scale);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (copy);
  return node;
}

/* Replaces the tiles whose pixels changed since the previous frame. */
static void
update_tiles (NlDiagramView   *self,
              cairo_surface_t *frame,
              cairo_surface_t *previous,
              int              scale)
{
  int pw = cairo_image_surface_get_width (frame);
  int ph = cairo_image_surface_get_height (frame);
  guint columns = (pw + TILE_SIZE - 1) / TILE_SIZE;
  guint rows = (ph + TILE_SIZE - 1) / TILE_SIZE;

  if (columns != self->columns || rows != self->rows)
    {
      clear_tiles (self);
      self->columns = columns;
      self->rows = rows;
      self->tiles = g_new0 (GskRenderNode *, columns * rows);
    }

  cairo_surface_flush (frame);
  self->new_tiles = 0;
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      {
        GskRenderNode **tile = &self->tiles[r * columns + c];
        cairo_rectangle_int_t rect = { c * TILE_SIZE, r * TILE_SIZE, 0, 0 };

        rect.width = MIN (TILE_SIZE, pw - rect.x);
        rect.height = MIN (TILE_SIZE, ph - rect.y);
        if (*tile != NULL && self->tiles_valid && !tile_changed (frame, previous, &rect))
          continue;
        g_clear_pointer (tile, gsk_render_node_unref);
        *tile = tile_node_new (frame, &rect, scale);
        self->new_tiles++;
      }
  self->tiles_valid = TRUE;
}

static void
nl_diagram_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  NlDiagramView *self = NL_DIAGRAM_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  NlRenderStyle style;
  cairo_surface_t *frame, *previous;
  gint64 start;
  cairo_t *cr;
  int scale;

  if (width <= 0 || height <= 0 || self->state == NULL)
    return;

  start = g_get_monotonic_time ();

  nl_view_style_init (&style, widget);
  scale = gtk_widget_get_scale_factor (widget);
  for (guint i = 0; i < 2; i++)
    if (self->frames[i] == NULL
        || cairo_image_surface_get_width (self->frames[i]) != width * scale
        || cairo_image_surface_get_height (self->frames[i]) != height * scale)
      {
        g_clear_pointer (&self->frames[i], cairo_surface_destroy);
        self->frames[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
        cairo_surface_set_device_scale (self->frames[i], scale, scale);
        self->tiles_valid = FALSE;
      }
  frame = self->frames[self->current];
  previous = self->frames[self->current ^ 1];
  self->current ^= 1;

  /* The earlier day goes on the left: the cache takes it as "compare". */
  cr = cairo_create (frame);
  nl_signal_diagram_draw_cached (cr, self->cache,
                                 self->compare != NULL ? self->compare : self->state,
                                 self->compare != NULL ? self->state : NULL,
                                 self->t, &style, width, height);
  cairo_destroy (cr);

  update_tiles (self, frame, previous, scale);
  for (guint i = 0; i < self->columns * self->rows; i++)
    gtk_snapshot_append_node (snapshot, self->tiles[i]);

  self->frame_count++;
  self->last_draw_us = g_get_monotonic_time () - start;
}

static void
nl_diagram_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* The figure lays itself out for any size down to the smallest the
   * render layer supports. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 600;
}

static void
nl_diagram_view_dispose (GObject *object)
{
  NlDiagramView *self = NL_DIAGRAM_VIEW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_pointer (&self->state, nl_diagram_state_free);
  g_clear_pointer (&self->compare, nl_diagram_state_free);
  g_clear_pointer (&self->frames[0], cairo_surface_destroy);
  g_clear_pointer (&self->frames[1], cairo_surface_destroy);
  clear_tiles (self);
  g_clear_pointer (&self->cache, nl_diagram_cache_free);

  G_OBJECT_CLASS (nl_diagram_view_parent_class)->dispose (object);
}

static void
nl_diagram_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NlDiagramView *self = NL_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;
    case PROP_TICKING:
      g_value_set_boolean (value, self->tick_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_diagram_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NlDiagramView *self = NL_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      nl_diagram_view_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_SPEED:
      nl_diagram_view_set_speed (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_diagram_view_class_init (NlDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nl_diagram_view_dispose;
  object_class->get_property = nl_diagram_view_get_property;
  object_class->set_property = nl_diagram_view_set_property;

  widget_class->map = nl_diagram_view_map;
  widget_class->unmap = nl_diagram_view_unmap;
  widget_class->root = nl_diagram_view_root;
  widget_class->unroot = nl_diagram_view_unroot;
  widget_class->snapshot = nl_diagram_view_snapshot;
  widget_class->measure = nl_diagram_view_measure;

  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.05, 8.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TICKING] =
    g_param_spec_boolean ("ticking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "nldiagramview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nl_diagram_view_init (NlDiagramView *self)
{
  self->speed = 1.0;
  self->cache = nl_diagram_cache_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Signalling diagram from motor cortex to muscle"),
                                  -1);
}

GtkWidget *
nl_diagram_view_new (void)
{
  return g_object_new (NL_TYPE_DIAGRAM_VIEW, NULL);
}

void
nl_diagram_view_set_states (NlDiagramView        *self,
                            const NlDiagramState *state,
                            const NlDiagramState *compare)
{
  g_return_if_fail (NL_IS_DIAGRAM_VIEW (self));

  g_clear_pointer (&self->state, nl_diagram_state_free);
  g_clear_pointer (&self->compare, nl_diagram_state_free);
  if (state != NULL)
    self->state = nl_diagram_state_copy (state);
  if (state != NULL && compare != NULL)
    self->compare = nl_diagram_state_copy (compare);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const NlDiagramState *
nl_diagram_view_get_state (NlDiagramView *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), NULL);
  return self->state;
}

const NlDiagramState *
nl_diagram_view_get_compare (NlDiagramView *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), NULL);
  return self->compare;
}

gboolean
nl_diagram_view_get_playing (NlDiagramView *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), FALSE);
  return self->playing;
}

void
nl_diagram_view_set_playing (NlDiagramView *self,
                             gboolean       playing)
{
  g_return_if_fail (NL_IS_DIAGRAM_VIEW (self));

  playing = !!playing;
  if (self->playing == playing)
    return;
  self->playing = playing;
  update_ticking (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

double
nl_diagram_view_get_speed (NlDiagramView *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), 1.0);
  return self->speed;
}

void
nl_diagram_view_set_speed (NlDiagramView *self,
                           double         speed)
{
  g_return_if_fail (NL_IS_DIAGRAM_VIEW (self));

  speed = CLAMP (speed, 0.05, 8.0);
  if (self->speed == speed)
    return;
  self->speed = speed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

double
nl_diagram_view_get_time (NlDiagramView *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), 0.0);
  return self->t;
}

void
nl_diagram_view_set_time (NlDiagramView *self,
                          double         t_seconds)
{
  g_return_if_fail (NL_IS_DIAGRAM_VIEW (self));

  self->t = MAX (t_seconds, 0.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
nl_diagram_view_get_ticking (NlDiagramView *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), FALSE);
  return self->tick_id != 0;
}

guint
nl_diagram_view_get_frame_count (NlDiagramView *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), 0);
  return self->frame_count;
}

gint64
nl_diagram_view_get_last_draw_us (NlDiagramView *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), 0);
  return self->last_draw_us;
}

guint
nl_diagram_view_get_changed_tiles (NlDiagramView *self,
                                   guint         *n_tiles)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_VIEW (self), 0);

  if (n_tiles != NULL)
    *n_tiles = self->columns * self->rows;
  return self->new_tiles;
}
