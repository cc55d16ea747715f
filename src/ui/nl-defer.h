/* nl-defer.h — run work that the first frame does not show after that frame
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Start-up builds only what the first frame shows; what it does not show
 * (rows below the fold, the recent-files list) is built once the frame is
 * on screen, so that the window appears sooner and is complete a moment
 * later, before anyone can scroll or open a menu.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*NlDeferFunc) (GtkWidget *widget);

/* Calls @func (@widget) once, from an idle callback after @widget's next
 * frame has been painted (after it is mapped, when it is not yet).  Nothing
 * is called when @widget is finalized first. */
void nl_defer_after_paint (GtkWidget   *widget,
                           NlDeferFunc  func);

typedef gboolean (*NlDeferReadyFunc) (GtkWidget *root);

/* Until @ready (@root) returns TRUE, the frames painted in @root do not
 * count as "the next frame" above: the work put off waits for the frame
 * that shows what the window is for (a figure computed in the background,
 * say), rather than delaying that frame.  @ready must turn TRUE with a
 * frame painted, or be TRUE whenever nothing more is coming. */
void nl_defer_set_ready (GtkWidget        *root,
                         NlDeferReadyFunc  ready);

/* How many deferred calls whose widget is mapped have not run yet: none
 * after the first frame means that the window is complete once the next
 * frame is painted (nl-first-frame.c). */
guint nl_defer_get_waiting (void);

G_END_DECLS
