/* nl-first-frame.c — report when a window has drawn its first frame
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-first-frame"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "nl-defer.h"
#include "nl-first-frame.h"

#define ENV_NAME "NEUROLIFT_FIRST_FRAME"

static NlFirstFrameReady window_ready;
static gboolean          first_frame_seen;

static void
print_first_frame (void)
{
  struct timespec cpu, main_cpu;

  /* The processor time too: unlike the wall time, it hardly depends on
   * what else the machine is doing. */
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  /* And this, the main thread's, alone: what the window waited for. */
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &main_cpu);
  printf ("first-frame-us %" G_GINT64_FORMAT " cpu-us %" G_GINT64_FORMAT " main-cpu-us %" G_GINT64_FORMAT "\n",
          g_get_monotonic_time (), (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000,
          (gint64) main_cpu.tv_sec * G_USEC_PER_SEC + main_cpu.tv_nsec / 1000);
  fflush (stdout);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  /* A frame clock may cycle before the surface is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    return;

  if (!first_frame_seen)
    {
      if (window_ready != NULL && !window_ready (window))
        return;
      first_frame_seen = TRUE;
      print_first_frame ();
      if (app != NULL && g_strcmp0 (g_getenv (ENV_NAME), "quit") == 0)
        {
          g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
          g_application_quit (app);
          return;
        }
    }

  /* The window is complete once what was put off until after the first
   * frame (nl-defer.c) has run and been painted. */
  if (nl_defer_get_waiting () > 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("complete-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
}

static void
realize_cb (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_signal_handlers_disconnect_by_func (window, realize_cb, NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), window, 0);
}

void
nl_first_frame_watch (GtkWindow         *window,
                      NlFirstFrameReady  ready)
{
  static gboolean watched;
  const char *mode = g_getenv (ENV_NAME);

  g_return_if_fail (GTK_IS_WINDOW (window));

  /* Only the process's first window, and only when asked. */
  if (watched || mode == NULL || *mode == '\0')
    return;
  watched = TRUE;
  window_ready = ready;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (window);
  else
    g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), NULL);
}
