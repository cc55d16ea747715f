/* nl-adaptation-model-private.h — one virtual trainee through a schedule
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nl-model-params.h"
#include "nl-schedule-private.h"
#include "nl-timeline.h"

G_BEGIN_DECLS

/* Multipliers of one trainee against the typical one (all 1). */
typedef struct {
  double hypertrophy;   /* growth rate */
  double neural;        /* neural headroom */
  double skill;         /* skill headroom */
} NlIndividual;

/* Runs the day loop.  Returns NULL only when @cancellable fires. */
NlTimeline *_nl_adaptation_model_simulate (const NlSchedule     *schedule,
                                           const NlModelParams  *params,
                                           const NlIndividual   *individual,
                                           GCancellable         *cancellable,
                                           GError              **error);

G_END_DECLS
