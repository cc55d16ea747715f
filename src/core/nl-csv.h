/* nl-csv.h — CSV export of timelines and motor-pool sweeps
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers are written with '.' whatever the locale; fields that need it
 * are quoted (RFC 4180).  Lines end with "\n".
 */
#pragma once

#include <glib.h>

#include "nl-motor-unit-pool.h"
#include "nl-timeline.h"

G_BEGIN_DECLS

/* One row per day for @track: day, week, phase, then the series in the
 * documented order (the columns the issue asks for first, the others
 * after).  For a population timeline the series columns hold the median and
 * every series also gets _p10 and _p90 columns at the end. */
char *nl_csv_format_timeline   (const NlTimeline           *timeline,
                                guint                       track);

/* effort_pct,force_pct,recruited,mean_rate_hz */
char *nl_csv_format_pool_sweep (const NlMotorUnitPoolPoint *points,
                                const double               *effort_pct,
                                guint                       n_points,
                                double                      force_scale);

G_END_DECLS
