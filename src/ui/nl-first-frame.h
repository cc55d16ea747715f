/* nl-first-frame.h — report when a window has drawn its first frame
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For start-up measurements (the ui-views benchmark) and profiling: with
 * NEUROLIFT_FIRST_FRAME=print in the environment, the first window prints
 * "first-frame-us N cpu-us C" on standard output once its first frame has
 * been painted, N being g_get_monotonic_time() (CLOCK_MONOTONIC, shared by
 * all processes) and C the processor time the process has used (and its
 * main thread's), and later "complete-us N" once the work put off until
 * after the first frame (nl-defer.h) has run and a frame has shown it.
 * With NEUROLIFT_FIRST_FRAME=quit it quits the application at the first
 * frame instead, so that a profiler sees exactly the start-up.
 * Without the variable nothing is watched.
 *
 * @ready, when not NULL, says whether a painted frame shows what the
 * window is for (a window whose figure is computed in the background is
 * not complete until it has drawn it); frames before that do not count.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*NlFirstFrameReady) (GtkWindow *window);

void nl_first_frame_watch (GtkWindow         *window,
                           NlFirstFrameReady  ready);

G_END_DECLS
