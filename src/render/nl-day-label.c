/* nl-day-label.c — the one way the figures and the window name a day
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-day-label.h"

char *
nl_day_label_dup (guint day)
{
  /* Translators: a day of a programme, e.g. "Week 3, day 2" (the second
   * day of the third week); both numbers count from 1. */
  return g_strdup_printf (_("Week %u, day %u"), day / 7 + 1, day % 7 + 1);
}
