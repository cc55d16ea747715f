/* nl-diagram-view.c — the animated signalling diagram as a widget
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-diagram-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nl-diagram-view.h"
#include "nl-signal-diagram.h"
#include "nl-view-style.h"
#include "nl-view-tiles.h"

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
   * layer and draws only what moves, into an image; GTK gets the frame as
   * tiles, so an animation's frames cost the size of what moves. */
  NlDiagramCache *cache;
  NlViewTiles    *tiles;

  guint           frame_count;
  gint64          last_draw_us;
};

G_DEFINE_FINAL_TYPE (NlDiagramView, nl_diagram_view, GTK_TYPE_WIDGET)

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
nl_diagram_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  NlDiagramView *self = NL_DIAGRAM_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  NlRenderStyle style;
  gint64 start;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->state == NULL || self->tiles == NULL)
    return;

  start = g_get_monotonic_time ();

  /* The earlier day goes on the left: the cache takes it as "compare". */
  nl_view_style_init (&style, widget);
  cr = nl_view_tiles_begin_frame (self->tiles, &style, width, height);
  nl_signal_diagram_draw_cached (cr, self->cache,
                                 self->compare != NULL ? self->compare : self->state,
                                 self->compare != NULL ? self->state : NULL,
                                 self->t, &style, width, height);
  nl_view_tiles_end_frame (self->tiles, cr);
  nl_view_tiles_append (self->tiles, snapshot);

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
  g_clear_pointer (&self->tiles, nl_view_tiles_free);
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

/* A click on the figure gives it the keyboard focus, so that Space plays
 * and pauses it next (the diagram page's binding). */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            NlDiagramView   *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
nl_diagram_view_init (NlDiagramView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  self->speed = 1.0;
  self->cache = nl_diagram_cache_new ();
  self->tiles = nl_view_tiles_new (GTK_WIDGET (self));
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

  /* What the picture shows, for a screen reader. */
  if (self->state != NULL)
    {
      g_autofree char *description = nl_signal_diagram_describe (self->state, self->compare);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

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

  return nl_view_tiles_get_changed (self->tiles, n_tiles);
}
