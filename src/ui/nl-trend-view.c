/* nl-trend-view.c — a trend plot as a widget: hover read-out, click or keys set the day
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-trend-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-day-label.h"
#include "nl-trend-plot.h"
#include "nl-trend-view.h"
#include "nl-view-style.h"
#include "nl-view-tiles.h"

struct _NlTrendView
{
  GtkWidget        parent_instance;

  NlPlot          *plot;
  guint            day;
  char            *readout;
  char            *description;    /* what a screen reader hears of the selected day */

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

/* GTK 4.10 gives AT-SPI's Value interface (the selected day, as a
 * slider's value) to widgets that are accessible ranges; 4.8 only to its
 * own. */
#if GTK_CHECK_VERSION (4, 10, 0)
static void nl_trend_view_accessible_range_init (GtkAccessibleRangeInterface *iface);
#define NL_TREND_VIEW_INTERFACES \
  G_IMPLEMENT_INTERFACE (GTK_TYPE_ACCESSIBLE_RANGE, nl_trend_view_accessible_range_init)
#else
#define NL_TREND_VIEW_INTERFACES
#endif

G_DEFINE_FINAL_TYPE_WITH_CODE (NlTrendView, nl_trend_view, GTK_TYPE_WIDGET, NL_TREND_VIEW_INTERFACES)

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
  /* GTK makes a tooltip the accessible description, and resets it with
   * the tooltip: the description stays the selected day's. */
  if (self->description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                    -1);
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
  /* As on the diagram: a click gives the plot the keyboard focus, so that
   * the arrows go on from the day it chose. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (nl_trend_view_click (self, x, y))
    gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The days the plot's series span, whole days inside them. */
static gboolean
get_day_range (NlTrendView *self,
               guint       *first,
               guint       *last)
{
  double lo = INFINITY, hi = -INFINITY;

  if (self->plot == NULL)
    return FALSE;
  for (guint k = 0; k < self->plot->series->len; k++)
    {
      const NlPlotSeries *series = g_ptr_array_index (self->plot->series, k);

      /* A compared programme (dashed) may run longer: its days are not
       * this programme's, which the diagram can show. */
      if (series->n == 0 || series->dashed)
        continue;
      lo = MIN (lo, series->x[0]);
      hi = MAX (hi, series->x[series->n - 1]);
    }
  if (!isfinite (lo) || !isfinite (hi) || hi < 0)
    return FALSE;
  *first = (guint) MAX (ceil (lo), 0);
  *last = MAX ((guint) floor (hi), *first);
  return TRUE;
}

/* A screen reader hears the plot as a slider over its days: the selected
 * day as its value, and in the description the figure and what the plot
 * reads on that day — the same words as the hover read-out, whatever the
 * pointer does. */
static void
update_accessible (NlTrendView *self)
{
  g_autofree char *readout = NULL;
  g_autofree char *day = nl_day_label_dup (self->day);
  guint first = 0, last = 0;

  g_clear_pointer (&self->description, g_free);
  if (self->plot != NULL)
    readout = nl_trend_plot_dup_selected_readout (self->plot, "; ");
  if (readout != NULL && self->plot->title != NULL && self->plot->title[0] != '\0')
    /* Translators: what a screen reader hears of the trend plot: the
     * figure's title, then the selected day and the values on it. */
    self->description = g_strdup_printf (_("%s. %s"), self->plot->title, readout);
  else if (readout != NULL)
    self->description = g_steal_pointer (&readout);
  else
    self->description = g_strdup (_("Nothing to plot"));

  if (!get_day_range (self, &first, &last))
    first = last = self->day;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) MIN (first, self->day),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) MAX (last, self->day),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->day,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, day,
                                  -1);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* An assistive technology setting the value chooses a day, as a click. */
static gboolean
nl_trend_view_set_current_value (GtkAccessibleRange *range,
                                 double              value)
{
  NlTrendView *self = NL_TREND_VIEW (range);
  guint first, last;

  if (!isfinite (value) || !get_day_range (self, &first, &last))
    return FALSE;
  nl_trend_view_set_day (self, (guint) CLAMP (round (value), (double) first, (double) last));
  return TRUE;
}

static void
nl_trend_view_accessible_range_init (GtkAccessibleRangeInterface *iface)
{
  iface->set_current_value = nl_trend_view_set_current_value;
}
#endif

/* Left and Right step a day, Page Up and Page Down or Ctrl with an arrow a
 * week, Home and End go to the first and last day of the plot; the day goes
 * where a click puts it.  In presentation mode the window catches the plain
 * arrows and Page keys first and steps weeks, as everywhere. */
static gboolean
key_pressed_cb (NlTrendView           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint first, last;
  gint64 day;

  /* Ctrl goes only with the arrows: Ctrl with Page Up or Home is someone
   * else's shortcut. */
  state &= gtk_accelerator_get_default_mod_mask ();
  if (state != 0 && (state != GDK_CONTROL_MASK
                     || (keyval != GDK_KEY_Left && keyval != GDK_KEY_KP_Left
                         && keyval != GDK_KEY_Right && keyval != GDK_KEY_KP_Right)))
    return FALSE;
  if (!get_day_range (self, &first, &last))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      day = (gint64) self->day - (state == GDK_CONTROL_MASK ? 7 : 1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      day = (gint64) self->day + (state == GDK_CONTROL_MASK ? 7 : 1);
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      day = (gint64) self->day - 7;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      day = (gint64) self->day + 7;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      day = first;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      day = last;
      break;
    default:
      return FALSE;
    }

  nl_trend_view_set_day (self, (guint) CLAMP (day, (gint64) first, (gint64) last));
  return TRUE;
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
  g_clear_pointer (&self->description, g_free);

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
  /* Not an image: it takes the focus and the keys choose a day, its
   * value.  GTK 4.8 has no role for a chart one moves over. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
nl_trend_view_init (NlTrendView *self)
{
  GtkEventController *motion;
  GtkEventController *keys;
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

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Trend plot: the day the diagram shows"),
                                  -1);
  update_accessible (self);
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
  update_accessible (self);
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
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

const char *
nl_trend_view_get_description (NlTrendView *self)
{
  g_return_val_if_fail (NL_IS_TREND_VIEW (self), NULL);
  return self->description;
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
  g_autofree char *text = NULL;
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

  text = nl_trend_plot_dup_readout (self->plot, &hit, "\n");
  set_readout (self, text);

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
