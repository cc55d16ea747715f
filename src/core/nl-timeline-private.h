/* nl-timeline-private.h — how the model fills a timeline
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the model and the population runner use these; everyone else sees an
 * immutable NlTimeline.
 */
#pragma once

#include "nl-model-params.h"
#include "nl-timeline.h"

G_BEGIN_DECLS

#define NL_N_FATIGUE_COMPARTMENTS 3

typedef struct {
  double t;                                  /* day of the session */
  double amp[NL_N_FATIGUE_COMPARTMENTS];     /* fraction of MVC per compartment */
} NlFatigueEvent;

typedef struct {
  double t;
  double amp;                                /* fraction above rest */
} NlBdnfEvent;

typedef struct {
  char                  *muscle;
  NlSide                 side;
  NlRegion               region;
  double                 work;
  char                  *exercise;
  double                *series[NL_N_SERIES];     /* systemic ones point at the timeline's */
  double                *pct[NL_N_SERIES][NL_N_PERCENTILES];
  GArray                *fatigue_events;          /* NlFatigueEvent */
  NlMotorUnitPoolParams  pool_base;
  double                *rate_scale;              /* per day */
  double                *threshold_scale;         /* per day */
  double                *voluntary_excitation;    /* per day */
} NlTimelineTrack;

NlTimeline      *_nl_timeline_new             (guint             n_days,
                                               guint             programme_days,
                                               const double      tau_fatigue_days[NL_N_FATIGUE_COMPARTMENTS],
                                               double            tau_bdnf_days);
NlTimelineTrack *_nl_timeline_add_track       (NlTimeline       *self,
                                               const char       *muscle,
                                               NlSide            side,
                                               NlRegion          region);
NlTimelineTrack *_nl_timeline_get_track       (NlTimeline       *self,
                                               guint             track);
double          *_nl_timeline_get_systemic    (NlTimeline       *self,
                                               NlSeries          series);
void             _nl_timeline_add_phase       (NlTimeline       *self,
                                               const char       *name,
                                               NlPhaseKind       kind,
                                               guint             first_day,
                                               guint             n_days);
void             _nl_timeline_add_bdnf_event  (NlTimeline       *self,
                                               double            t,
                                               double            amp);
void             _nl_timeline_set_group_effects_apply (NlTimeline *self,
                                               gboolean          apply);
/* Chooses the default track from the tracks' work. */
void             _nl_timeline_finish          (NlTimeline       *self);
/* Allocates the percentile arrays (filled by the population runner). */
void             _nl_timeline_alloc_percentiles (NlTimeline     *self,
                                               guint             population);
double          *_nl_timeline_get_percentile_mut (NlTimeline    *self,
                                               guint             track,
                                               NlSeries          series,
                                               NlPercentile      percentile);

G_END_DECLS
