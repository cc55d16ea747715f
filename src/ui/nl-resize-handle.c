/* nl-resize-handle.c — a thin edge that the user drags to size a pane
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A vertical line at the end edge of a pane (the pane before it in reading
 * order: left of it in left-to-right text), holding the pane's width as
 * its value.  Dragging it, or the arrow keys while it has the keyboard
 * focus, change the value within a range; the owner applies the value to
 * the pane, sets the range before each move (the "begin" signal) and
 * saves the value when a move is over (the "end" signal).
 *
 * Why a focusable widget rather than only shortcuts: GTK 4.8 has the
 * accessible role GTK_ACCESSIBLE_ROLE_SEPARATOR with the value properties,
 * which is how WAI-ARIA describes a splitter that the keyboard can move.
 * So the handle itself is the keyboard's way to resize (Tab to it, then
 * Left and Right, Home and End), and a screen reader hears what it is and
 * its value, as it would for a slider; no extra shortcut has to be learnt
 * or kept free of the window's others.  GtkPaned's own handle is not
 * focusable (F8 reaches it), and its size also moves where the window's
 * layout would want a fold instead, which is why the sidebar does not sit
 * in a horizontal GtkPaned.
 */

#define G_LOG_DOMAIN "nl-resize-handle"

#include "config.h"

#include <math.h>

#include "nl-resize-handle.h"

/* Pixels a key press moves the edge by. */
#define KEY_STEP 16
/* The pointer finds the 1-pixel line this many pixels either side of it
 * (where nothing drawn over the handle keeps the pointer for itself). */
#define GRAB_MARGIN 6

struct _NlResizeHandle
{
  GtkWidget  parent_instance;

  int        value;
  int        lower;
  int        upper;
  gboolean   moving;       /* between "begin" and "end" */
  int        drag_value;   /* the value when the drag started */
  double     drag_x;       /* where it started, in the root's coordinates */
};

G_DEFINE_FINAL_TYPE (NlResizeHandle, nl_resize_handle, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_LOWER,
  PROP_UPPER,
  N_PROPS
};

enum {
  BEGIN,
  END,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_accessible (NlResizeHandle *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) self->lower,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->upper,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->value,
                                  -1);
}

/* +1 when moving the pointer towards the end of a line of text widens the
 * pane, which is before the handle in reading order. */
static int
growth_direction (NlResizeHandle *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1;
}

/* The pointer's x in the root's coordinates: the handle moves with the
 * edge it drags, so its own coordinates do not stay put during a drag. */
static double
root_x (NlResizeHandle *self,
        double          x)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
#if GTK_CHECK_VERSION(4, 12, 0)
  graphene_point_t point;

  if (root == NULL || !gtk_widget_compute_point (GTK_WIDGET (self), root, &GRAPHENE_POINT_INIT (x, 0), &point))
    return x;
  return point.x;
#else
  double rx = x, ry = 0;

  if (root == NULL || !gtk_widget_translate_coordinates (GTK_WIDGET (self), root, x, 0, &rx, &ry))
    return x;
  return rx;
#endif
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               NlResizeHandle *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_value = self->value;
  self->drag_x = root_x (self, x);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                NlResizeHandle *self)
{
  double start_x = 0, start_y = 0;
  double moved;

  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  moved = root_x (self, start_x + offset_x) - self->drag_x;
  nl_resize_handle_move (self, self->drag_value + growth_direction (self) * (int) round (moved));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             NlResizeHandle *self)
{
  nl_resize_handle_finish (self);
}

/* Left and Right: @args is -1 or +1, a step towards the left or the
 * right of the screen. */
static gboolean
step_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  NlResizeHandle *self = NL_RESIZE_HANDLE (widget);
  int step = g_variant_get_int32 (args);

  nl_resize_handle_move (self, self->value + growth_direction (self) * step * KEY_STEP);
  nl_resize_handle_finish (self);
  return TRUE;
}

/* Home and End: @args is FALSE for the lower end, TRUE for the upper. */
static gboolean
home_end_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  NlResizeHandle *self = NL_RESIZE_HANDLE (widget);

  /* Emits "begin" first: the range is known after it. */
  nl_resize_handle_move (self, self->value);
  nl_resize_handle_move (self, g_variant_get_boolean (args) ? self->upper : self->lower);
  nl_resize_handle_finish (self);
  return TRUE;
}

static gboolean
nl_resize_handle_contains (GtkWidget *widget,
                           double     x,
                           double     y)
{
  /* Where the pane is drawn over the margin, the pane keeps the pointer. */
  return x >= -GRAB_MARGIN && x < gtk_widget_get_width (widget) + GRAB_MARGIN
         && y >= 0 && y < gtk_widget_get_height (widget);
}

static void
nl_resize_handle_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NlResizeHandle *self = NL_RESIZE_HANDLE (object);

  switch (prop_id)
    {
    case PROP_VALUE: g_value_set_int (value, self->value); break;
    case PROP_LOWER: g_value_set_int (value, self->lower); break;
    case PROP_UPPER: g_value_set_int (value, self->upper); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_resize_handle_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NlResizeHandle *self = NL_RESIZE_HANDLE (object);
  int v = g_value_get_int (value);

  /* A lower end above the upper one moves both, and the other way round. */
  switch (prop_id)
    {
    case PROP_VALUE: nl_resize_handle_set_value (self, v); break;
    case PROP_LOWER: nl_resize_handle_set_range (self, v, MAX (self->upper, v)); break;
    case PROP_UPPER: nl_resize_handle_set_range (self, MIN (self->lower, v), v); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_resize_handle_class_init (NlResizeHandleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; int step; } steps[] = {
    { GDK_KEY_Left, -1 }, { GDK_KEY_KP_Left, -1 },
    { GDK_KEY_Right, 1 }, { GDK_KEY_KP_Right, 1 },
  };

  object_class->get_property = nl_resize_handle_get_property;
  object_class->set_property = nl_resize_handle_set_property;
  widget_class->contains = nl_resize_handle_contains;

  /* The pane's width in pixels, kept within lower and upper. */
  properties[PROP_VALUE] = g_param_spec_int ("value", NULL, NULL, 0, G_MAXINT, 0,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOWER] = g_param_spec_int ("lower", NULL, NULL, 0, G_MAXINT, 0,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPPER] = g_param_spec_int ("upper", NULL, NULL, 0, G_MAXINT, G_MAXINT,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NlResizeHandle::begin:
   *
   * Emitted when the user starts to move the handle (a drag, a key), before
   * the value changes: where the owner sets the range that fits now.
   */
  signals[BEGIN] = g_signal_new ("begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * NlResizeHandle::end:
   *
   * Emitted when the user has finished moving the handle (the drag ended,
   * the key was handled): where the owner keeps the value for next time.
   */
  signals[END] = g_signal_new ("end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_class_add_binding (widget_class, steps[i].key, 0, step_cb, "i", steps[i].step);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, home_end_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, home_end_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, home_end_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_End, 0, home_end_cb, "b", TRUE);

  /* The theme's separator, in light, dark and high contrast alike; the
   * style class scopes the handle's own rules (style.css). */
  gtk_widget_class_set_css_name (widget_class, "separator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SEPARATOR);
}

static void
nl_resize_handle_init (NlResizeHandle *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->upper = G_MAXINT;
  gtk_widget_add_css_class (GTK_WIDGET (self), "resize-handle");
  gtk_widget_add_css_class (GTK_WIDGET (self), "vertical");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "col-resize");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_ORIENTATION, GTK_ORIENTATION_VERTICAL,
                                  -1);
  update_accessible (self);
}

GtkWidget *
nl_resize_handle_new (void)
{
  return g_object_new (NL_TYPE_RESIZE_HANDLE, NULL);
}

int
nl_resize_handle_get_value (NlResizeHandle *self)
{
  g_return_val_if_fail (NL_IS_RESIZE_HANDLE (self), 0);
  return self->value;
}

/* Sets the value, clamped to the range, as a program does: neither
 * "begin" nor "end" is emitted. */
void
nl_resize_handle_set_value (NlResizeHandle *self,
                            int             value)
{
  g_return_if_fail (NL_IS_RESIZE_HANDLE (self));

  value = CLAMP (value, self->lower, self->upper);
  if (value == self->value)
    return;
  self->value = value;
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

int
nl_resize_handle_get_lower (NlResizeHandle *self)
{
  g_return_val_if_fail (NL_IS_RESIZE_HANDLE (self), 0);
  return self->lower;
}

int
nl_resize_handle_get_upper (NlResizeHandle *self)
{
  g_return_val_if_fail (NL_IS_RESIZE_HANDLE (self), 0);
  return self->upper;
}

/* Sets the range the value is kept in.  The value itself is clamped by
 * the next move rather than now: a range that narrows for a moment (the
 * window is being made smaller) does not lose the value. */
void
nl_resize_handle_set_range (NlResizeHandle *self,
                            int             lower,
                            int             upper)
{
  g_return_if_fail (NL_IS_RESIZE_HANDLE (self));
  g_return_if_fail (lower <= upper);

  g_object_freeze_notify (G_OBJECT (self));
  if (lower != self->lower)
    {
      self->lower = lower;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOWER]);
    }
  if (upper != self->upper)
    {
      self->upper = upper;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPPER]);
    }
  update_accessible (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * nl_resize_handle_move:
 * @self: a `NlResizeHandle`
 * @value: the value the user asks for
 *
 * Moves the handle as the user does (the drag and the keys call it):
 * "begin" first when no move is going on, then the value, clamped to the
 * range.  nl_resize_handle_finish() ends the move.
 */
void
nl_resize_handle_move (NlResizeHandle *self,
                       int             value)
{
  g_return_if_fail (NL_IS_RESIZE_HANDLE (self));

  if (!self->moving)
    {
      self->moving = TRUE;
      g_signal_emit (self, signals[BEGIN], 0);
    }
  nl_resize_handle_set_value (self, value);
}

/**
 * nl_resize_handle_finish:
 * @self: a `NlResizeHandle`
 *
 * Ends the move begun by nl_resize_handle_move(), emitting "end".
 */
void
nl_resize_handle_finish (NlResizeHandle *self)
{
  g_return_if_fail (NL_IS_RESIZE_HANDLE (self));

  if (!self->moving)
    return;
  self->moving = FALSE;
  g_signal_emit (self, signals[END], 0);
}
