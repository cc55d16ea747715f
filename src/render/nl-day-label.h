/* nl-day-label.h — the one way the figures and the window name a day
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model counts days from 0 (day index d = days elapsed since the
 * start of the programme); people count weeks and days from 1.  Every day
 * a user sees — the diagram's titles, the plots' read-outs, the scrubbers,
 * exported figures — is named "Week W, day D" by this function, where D
 * is the day of the week that a session's day="1"…"7" counts.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Week 3, day 2" for day index 15.  Free with g_free(). */
char *nl_day_label_dup (guint day);

G_END_DECLS
