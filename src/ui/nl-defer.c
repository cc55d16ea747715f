/* nl-defer.c — run work that the first frame does not show after that frame
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-defer"

#include "config.h"

#include "nl-defer.h"

typedef struct {
  GWeakRef     widget;
  NlDeferFunc  func;
  gulong       map_id;
  gulong       paint_id;
  gboolean     waiting;   /* counted in n_waiting */
  GWeakRef     clock;     /* the one waited on */
} Deferred;

/* Calls whose widget is on screen and that have not run yet. */
static guint n_waiting;

static void
stop_waiting (Deferred *d)
{
  if (d->waiting)
    {
      d->waiting = FALSE;
      n_waiting--;
    }
}

static void
deferred_clear (gpointer data)
{
  Deferred *d = data;

  stop_waiting (d);
  g_weak_ref_clear (&d->widget);
  g_weak_ref_clear (&d->clock);
}

static void
deferred_unref (gpointer data)
{
  g_rc_box_release_full (data, deferred_clear);
}

static void
deferred_closure_unref (gpointer  data,
                        GClosure *closure)
{
  deferred_unref (data);
}

static gboolean
idle_cb (gpointer data)
{
  Deferred *d = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&d->widget);
  g_autoptr(GdkFrameClock) clock = g_weak_ref_get (&d->clock);

  if (widget != NULL)
    d->func (widget);
  stop_waiting (d);
  /* What the calls changed is complete once painted: make sure a frame
   * comes, even when they changed nothing on screen (or the widget is
   * gone). */
  if (n_waiting == 0 && clock != NULL)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  return G_SOURCE_REMOVE;
}

/* Each handler holds a reference on @d, which disconnecting drops: the
 * handlers take one more for as long as they run. */

static gboolean
root_ready (Deferred *d)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&d->widget);
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  NlDeferReadyFunc ready = root != NULL ? g_object_get_data (G_OBJECT (root), "nl-defer-ready") : NULL;

  return ready == NULL || ready (GTK_WIDGET (root));
}

static void
after_paint_cb (GdkFrameClock *clock,
                Deferred      *d)
{
  if (!root_ready (d))
    return;
  g_rc_box_acquire (d);
  g_clear_signal_handler (&d->paint_id, clock);
  /* Before the next frame (GDK_PRIORITY_REDRAW), which then shows it: the
   * frame after the first is a whole one anyway (the window gains the
   * focus and leaves :backdrop), so this saves a frame.  Input comes
   * first all the same. */
  g_idle_add_full (GDK_PRIORITY_REDRAW - 1, idle_cb, d, deferred_unref);
}

static void
wait_for_paint (Deferred  *d,
                GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (!d->waiting)
    {
      d->waiting = TRUE;
      n_waiting++;
    }
  g_weak_ref_set (&d->clock, clock);
  d->paint_id = g_signal_connect_data (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                       g_rc_box_acquire (d), deferred_closure_unref, 0);
  /* A widget on show with nothing to redraw would wait forever. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
map_cb (GtkWidget *widget,
        Deferred  *d)
{
  g_rc_box_acquire (d);
  g_clear_signal_handler (&d->map_id, widget);
  wait_for_paint (d, widget);
  deferred_unref (d);
}

void
nl_defer_after_paint (GtkWidget   *widget,
                      NlDeferFunc  func)
{
  Deferred *d;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  d = g_rc_box_new0 (Deferred);
  g_weak_ref_init (&d->widget, widget);
  g_weak_ref_init (&d->clock, NULL);
  d->func = func;

  if (gtk_widget_get_mapped (widget))
    wait_for_paint (d, widget);
  else
    d->map_id = g_signal_connect_data (widget, "map", G_CALLBACK (map_cb), g_rc_box_acquire (d),
                                       deferred_closure_unref, G_CONNECT_AFTER);
  deferred_unref (d);
}

void
nl_defer_set_ready (GtkWidget        *root,
                    NlDeferReadyFunc  ready)
{
  g_return_if_fail (GTK_IS_ROOT (root));

  g_object_set_data (G_OBJECT (root), "nl-defer-ready", ready);
}

guint
nl_defer_get_waiting (void)
{
  return n_waiting;
}
