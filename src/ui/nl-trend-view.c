/* nl-trend-view.c — a trend plot as a widget: hover read-out, click sets the day
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-trend-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-trend-plot.h"
#include "nl-trend-view.h"
#include "nl-view-adapters.h"
#include "nl-view-style.h"
#include "nl-view-tiles.h"

struct _NlTrendView
{
  GtkWidget        parent_instance;

  NlPlot          *plot;
  guint            day;
  char            *readout;

  /* The plot is drawn into an image (the render layer keeps all but the
   * selected day as a cached layer) and reaches GTK as tiles, redrawn only
   * when the plot, the day, the size or the style change.  Hovering adds
   * a guide line on top of the tiles and draws nothing else. */
  NlPlotCache     *cache;
  NlViewTiles     *tiles;
  gboolean         plot_changed;   /* since the last frame */
  double           hover_x;        /* the pointer over the data area; NAN elsewhere */
  double           hover_y;
  graphene_rect_t  area;           /* the data area, found on the first hover */
  gboolean         area_valid;

  guint            frame_count;
  gint64           last_draw_us;
};

G_DEFINE_FINAL_TYPE (NlTrendView, nl_trend_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  PROP_READOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_readout (NlTrendView *self,
             const char  *readout)
{
  if (g_strcmp0 (self->readout, readout) == 0)
    return;
  g_free (self->readout);
  self->readout = g_strdup (readout);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), readout);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
}

static gboolean
hit_test (NlTrendView *self,
          double       x,
          double       y,
          NlPlotHit   *hit)
{
  NlRenderStyle style;

  if (self->plot == NULL)
    return FALSE;

  nl_view_style_init (&style, GTK_WIDGET (self));
  return nl_trend_plot_hit_test (self->plot, &style,
                                 gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)),
                                 x, y, hit);
}

/* The guide line runs through the data area, which the render layer's
 * layout gives; worked out once per frame of the figure. */
static void
find_area (NlTrendView *self)
{
  NlRenderStyle style;
  double x, y, width, height;

  if (self->plot == NULL)
    return;
  nl_view_style_init (&style, GTK_WIDGET (self));
  if (!nl_trend_plot_get_data_area (self->plot, &style,
                                    gtk_widget_get_width (GTK_WIDGET (self)),
                                    gtk_widget_get_height (GTK_WIDGET (self)),
                                    &x, &y, &width, &height))
    return;
  self->area = GRAPHENE_RECT_INIT (x, y, width, height);
  self->area_valid = TRUE;
}

static void
set_hover (NlTrendView *self,
           double       x,
           double       y)
{
  self->hover_y = y;
  if ((isnan (x) && isnan (self->hover_x)) || x == self->hover_x)
    return;
  self->hover_x = x;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A line through the data area under the pointer, one device pixel wide. */
static void
append_hover_line (NlTrendView         *self,
                   GtkSnapshot         *snapshot,
                   const NlRenderStyle *style)
{
  double scale = MAX (style->scale_factor, 1);
  const NlRgba *c = &style->foreground;
  GdkRGBA colour = { c->red, c->green, c->blue, 0.45 * c->alpha };
  double x;

  if (isnan (self->hover_x) || !self->area_valid)
    return;
  x = CLAMP (self->hover_x, self->area.origin.x, self->area.origin.x + self->area.size.width);
  x = floor (x * scale) / scale;
  gtk_snapshot_append_color (snapshot, &colour,
                             &GRAPHENE_RECT_INIT (x, self->area.origin.y, 1 / scale, self->area.size.height));
}

static void
motion_cb (NlTrendView              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  nl_trend_view_hover (self, x, y);
}

static void
leave_cb (NlTrendView              *self,
          GtkEventControllerMotion *controller)
{
  set_readout (self, NULL);
  set_hover (self, NAN, NAN);
}

static void
pressed_cb (NlTrendView *self,
            int          n_press,
            double       x,
            double       y,
            GtkGesture  *gesture)
{
  if (nl_trend_view_click (self, x, y))
    gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
nl_trend_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  NlTrendView *self = NL_TREND_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  NlRenderStyle style;
  gint64 start;

  if (width <= 0 || height <= 0 || self->plot == NULL || self->tiles == NULL)
    return;

  start = g_get_monotonic_time ();
  nl_view_style_init (&style, widget);
  if (nl_view_tiles_frame_needed (self->tiles, &style, width, height))
    {
      cairo_t *cr = nl_view_tiles_begin_frame (self->tiles, &style, width, height);

      /* New data (an edit) is drawn straight into the frame, which is
       * quickest: the cache would draw the same into a layer of its own
       * and copy it.  Another day on the same plot redraws only the
       * marker over the cache's layer, built at the first such frame. */
      if (self->plot_changed)
        nl_trend_plot_draw (cr, self->plot, &style, width, height);
      else
        nl_trend_plot_draw_cached (cr, self->cache, self->plot, &style, width, height);
      nl_view_tiles_end_frame (self->tiles, cr);
      self->plot_changed = FALSE;
      self->area_valid = FALSE;
    }
  nl_view_tiles_append (self->tiles, snapshot);
  if (!isnan (self->hover_x))
    {
      NlPlotHit hit;

      /* The data area may have moved under a resting pointer. */
      if (!self->area_valid && hit_test (self, self->hover_x, self->hover_y, &hit))
        find_area (self);
      append_hover_line (self, snapshot, &style);
    }

  self->frame_count++;
  self->last_draw_us = g_get_monotonic_time () - start;
}

static void
nl_trend_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 540;
}

static void
nl_trend_view_dispose (GObject *object)
{
  NlTrendView *self = NL_TREND_VIEW (object);

  g_clear_pointer (&self->tiles, nl_view_tiles_free);
  g_clear_pointer (&self->cache, nl_plot_cache_free);

  G_OBJECT_CLASS (nl_trend_view_parent_class)->dispose (object);
}

static void
nl_trend_view_finalize (GObject *object)
{
  NlTrendView *self = NL_TREND_VIEW (object);

  g_clear_pointer (&self->plot, nl_plot_free);
  g_clear_pointer (&self->readout, g_free);

  G_OBJECT_CLASS (nl_trend_view_parent_class)->finalize (object);
}

static void
nl_trend_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NlTrendView *self = NL_TREND_VIEW (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    case PROP_READOUT:
      g_value_set_string (value, self->readout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_trend_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NlTrendView *self = NL_TREND_VIEW (object);

  switch (prop_id)
    {
    case PROP_DAY:
      nl_trend_view_set_day (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_trend_view_class_init (NlTrendViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nl_trend_view_dispose;
  object_class->finalize = nl_trend_view_finalize;
  object_class->get_property = nl_trend_view_get_property;
  object_class->set_property = nl_trend_view_set_property;

  widget_class->snapshot = nl_trend_view_snapshot;
  widget_class->measure = nl_trend_view_measure;

  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READOUT] =
    g_param_spec_string ("readout", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "nltrendview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nl_trend_view_init (NlTrendView *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->cache = nl_plot_cache_new ();
  self->tiles = nl_view_tiles_new (GTK_WIDGET (self));
  self->hover_x = self->hover_y = NAN;

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Trend plot; click to choose the day the diagram shows"),
                                  -1);
}

GtkWidget *
nl_trend_view_new (void)
{
  return g_object_new (NL_TYPE_TREND_VIEW, NULL);
}

void
nl_trend_view_take_plot (NlTrendView *self,
                         NlPlot      *plot)
{
  g_return_if_fail (NL_IS_TREND_VIEW (self));

  g_clear_pointer (&self->plot, nl_plot_free);
  self->plot = plot;
  if (plot != NULL)
    plot->selected_day = self->day;
  self->plot_changed = TRUE;
  if (self->tiles != NULL)
    nl_view_tiles_queue_frame (self->tiles);
}

const NlPlot *
nl_trend_view_get_plot (NlTrendView *self)
{
  g_return_val_if_fail (NL_IS_TREND_VIEW (self), NULL);
  return self->plot;
}

guint
nl_trend_view_get_day (NlTrendView *self)
{
  g_return_val_if_fail (NL_IS_TREND_VIEW (self), 0);
  return self->day;
}

void
nl_trend_view_set_day (NlTrendView *self,
                       guint        day)
{
  g_return_if_fail (NL_IS_TREND_VIEW (self));

  if (self->day == day)
    return;
  self->day = day;
  if (self->plot != NULL)
    self->plot->selected_day = day;
  if (self->tiles != NULL)
    nl_view_tiles_queue_frame (self->tiles);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

const char *
nl_trend_view_get_readout (NlTrendView *self)
{
  g_return_val_if_fail (NL_IS_TREND_VIEW (self), NULL);
  return self->readout;
}

gboolean
nl_trend_view_hover (NlTrendView *self,
                     double       x,
                     double       y)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *day = NULL;
  NlPlotHit hit;

  g_return_val_if_fail (NL_IS_TREND_VIEW (self), FALSE);

  if (!hit_test (self, x, y, &hit))
    {
      set_readout (self, NULL);
      set_hover (self, NAN, NAN);
      return FALSE;
    }
  if (!self->area_valid)
    find_area (self);
  set_hover (self, x, y);

  day = nl_view_format_day ((guint) MAX (hit.day, 0.0));
  text = g_string_new (day);
  for (guint i = 0; i < hit.n_values && i < self->plot->series->len; i++)
    {
      const NlPlotSeries *series = g_ptr_array_index (self->plot->series, i);

      if (isnan (hit.values[i]))
        continue;
      g_string_append_printf (text, "\n%s: %.1f %s", series->label, hit.values[i],
                              self->plot->y_unit ? self->plot->y_unit : "");
    }
  set_readout (self, text->str);

  return TRUE;
}

gboolean
nl_trend_view_click (NlTrendView *self,
                     double       x,
                     double       y)
{
  NlPlotHit hit;

  g_return_val_if_fail (NL_IS_TREND_VIEW (self), FALSE);

  if (!hit_test (self, x, y, &hit))
    return FALSE;

  nl_trend_view_set_day (self, (guint) MAX (round (hit.day), 0.0));
  return TRUE;
}

gint64
nl_trend_view_get_last_draw_us (NlTrendView *self)
{
  g_return_val_if_fail (NL_IS_TREND_VIEW (self), 0);
  return self->last_draw_us;
}

guint
nl_trend_view_get_frame_count (NlTrendView *self)
{
  g_return_val_if_fail (NL_IS_TREND_VIEW (self), 0);
  return self->frame_count;
}

guint
nl_trend_view_get_changed_tiles (NlTrendView *self,
                                 guint       *n_tiles)
{
  g_return_val_if_fail (NL_IS_TREND_VIEW (self), 0);

  if (self->tiles == NULL)
    {
      if (n_tiles != NULL)
        *n_tiles = 0;
      return 0;
    }
  return nl_view_tiles_get_changed (self->tiles, n_tiles);
}
