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

/* Where a population run collects one trainee's per-track series of one
 * muscle: values[((side × n_series + k) × n_days + day) × population + trainee]. */
typedef struct {
  guint           muscle;
  guint           n_sides;     /* 1: the left side only (symmetric muscles) */
  const NlSeries *series;
  guint           n_series;
  float          *values;      /* [side][series][day][trainee] */
  double         *q_values;    /* NULL, or neural progress q: [side][day][trainee] */
  gboolean        with_q_series; /* @series holds some that follow q */
  guint           population;
  guint           trainee;
} NlPopulationSink;

/* TRUE for the series that are a function of the neural progress q alone
 * (voluntary activation, peak rate, recruitment ceiling, corticospinal
 * excitability, V-wave); _nl_adaptation_model_q_series() computes them, for
 * the timeline and the population alike. */
gboolean    _nl_series_follows_q          (NlSeries                series);
double      _nl_adaptation_model_q_series (const NlScheduleMuscle *muscle,
                                           const NlModelParams    *params,
                                           NlSeries                series,
                                           double                  q);

/* Runs the day loop.  Returns NULL only when @cancellable fires. */
NlTimeline *_nl_adaptation_model_simulate (const NlSchedule     *schedule,
                                           const NlModelParams  *params,
                                           const NlIndividual   *individual,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* The same loop for one muscle, into @sink, without building a timeline.
 * Returns FALSE when @cancellable fires. */
gboolean    _nl_adaptation_model_simulate_into (const NlSchedule       *schedule,
                                                const NlModelParams    *params,
                                                const NlIndividual     *individual,
                                                GCancellable           *cancellable,
                                                const NlPopulationSink *sink);

G_END_DECLS
