/* nl-font-warm-private.h — what the tests of nl-font-warm.c look at
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nl-font-warm.h"

G_BEGIN_DECLS

/* While held, a thread that starts waits before its first font, so that
 * a test can realize a window before it is done. */
void       _nl_font_warm_hold      (gboolean hold);

/* Waits until the thread has ended its work (done or abandoned). */
void       _nl_font_warm_wait      (void);

/* 1 while the thread runs (an abandoned one has freed what it made by
 * the time this is 0), else 0. */
guint      _nl_font_warm_get_n_running (void);

/* GTK's fonts that the thread loaded, in the order it loaded them; NULL
 * until nl_font_warm_finish() took them. */
GPtrArray *_nl_font_warm_get_fonts (void);

G_END_DECLS
