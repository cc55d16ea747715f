/* nl-timeline.h — the day-by-day result of the adaptation model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A timeline holds one track per (muscle, side) that the programme touches
 * (both sides of every muscle, so that cross-education shows).  Each track
 * has one array of n_days doubles per series; row d is the state at the
 * start of day d, before that day's session (the acute peaks are the
 * exception: they are the peak after that day's session, 0 on rest days).
 * Systemic series (BDNF, IL-6, hormones) are the same for every track.
 *
 * Timelines are immutable and reference counted: any thread may read one.
 */
#pragma once

#include <glib.h>

#include "nl-core-types.h"
#include "nl-motor-unit-pool.h"

G_BEGIN_DECLS

typedef enum {
  NL_SERIES_STRENGTH,             /* maximal voluntary (isometric) force, % change */
  NL_SERIES_ONE_RM,               /* 1RM of the exercise trained most, % change */
  NL_SERIES_NEURAL,               /* neural part of strength_pct, percentage points */
  NL_SERIES_MUSCULAR,             /* muscular part of strength_pct, percentage points */
  NL_SERIES_VOLUNTARY_ACTIVATION, /* % change */
  NL_SERIES_PEAK_RATE,            /* mean MU discharge rate at maximal effort, Hz */
  NL_SERIES_RECRUITMENT_CEILING,  /* %MVC at which the last unit is recruited */
  NL_SERIES_COACTIVATION,         /* antagonist coactivation, % change */
  NL_SERIES_CSA,                  /* contractile cross-sectional area, % change */
  NL_SERIES_FATIGUE,              /* acute loss of maximal force, % */
  NL_SERIES_BDNF_ACUTE,           /* post-session serum peak above rest, % (systemic) */
  NL_SERIES_BDNF_RESTING,         /* resting serum BDNF, % change (systemic) */
  NL_SERIES_EDEMA,                /* swelling added to apparent CSA, % of baseline CSA */
  NL_SERIES_APPARENT_CSA,         /* what MRI/ultrasound would show, % change */
  NL_SERIES_SKILL,                /* task-specific coordination of the 1RM exercise, % change */
  NL_SERIES_CORTICOSPINAL,        /* corticospinal excitability (MEP), % change */
  NL_SERIES_SYNCHRONISATION,      /* motor-unit synchronisation, % change */
  NL_SERIES_NMJ,                  /* neuromuscular-junction remodelling index, % change */
  NL_SERIES_IL6,                  /* post-session IL-6 peak above rest, % (systemic) */
  NL_SERIES_TESTOSTERONE,         /* post-session peak above rest, % (systemic) */
  NL_SERIES_GROWTH_HORMONE,       /* post-session peak, fold over rest (systemic) */
  NL_SERIES_CORTISOL,             /* post-session peak above rest, % (systemic) */
  NL_SERIES_V_WAVE,               /* V-wave / Mmax during MVC (descending drive), % change */
  NL_SERIES_RFD,                  /* early rate of force development (0–200 ms), % change */
  NL_N_SERIES,
} NlSeries;

typedef enum {
  NL_EVIDENCE_STRONG,
  NL_EVIDENCE_MODERATE,
  NL_EVIDENCE_WEAK,
  NL_EVIDENCE_CONTESTED,
} NlEvidence;

typedef enum {
  NL_PERCENTILE_10,
  NL_PERCENTILE_50,
  NL_PERCENTILE_90,
  NL_N_PERCENTILES,
} NlPercentile;

typedef struct {
  const char *id;        /* CSV column, e.g. "strength_pct" */
  const char *name;      /* N_() marked */
  const char *unit;      /* N_() marked */
  NlEvidence  evidence;
  const char *caveat;    /* N_() marked, one line */
  const char *citation;  /* key in docs/model.md, e.g. "Moritani1979" */
  gboolean    systemic;  /* the same for every track */
} NlSeriesInfo;

typedef struct {
  const char  *name;     /* may be NULL */
  NlPhaseKind  kind;
  guint        first_day;
  guint        n_days;
} NlTimelinePhase;

/* A group-level effect size (standardised mean difference vs non-active
 * controls).  Not scaled by volume: a programme either meets the minimal
 * dose of the trials or it does not. */
typedef struct {
  const char *id;        /* "depression", "anxiety", "cognition" */
  const char *name;      /* N_() marked */
  double      smd;
  double      ci_low;
  double      ci_high;
  NlEvidence  evidence;
  const char *citation;
  const char *caveat;    /* N_() marked */
} NlGroupEffect;

typedef struct _NlTimeline NlTimeline;

const NlSeriesInfo *nl_series_get_info          (NlSeries      series);
const char         *nl_evidence_to_string       (NlEvidence    evidence);
/* The evidence level in words for people, translated. */
const char *nl_evidence_to_label (NlEvidence evidence);

NlTimeline         *nl_timeline_ref             (NlTimeline   *self);
void                nl_timeline_unref           (NlTimeline   *self);

guint               nl_timeline_get_n_days      (const NlTimeline *self);
/* Days of the programme itself (the rest is follow-up). */
guint               nl_timeline_get_programme_days (const NlTimeline *self);

guint               nl_timeline_get_n_tracks    (const NlTimeline *self);
const char         *nl_timeline_get_track_muscle (const NlTimeline *self,
                                                  guint             track);
NlSide              nl_timeline_get_track_side  (const NlTimeline *self,
                                                 guint             track);
/* Sets × reps done by this muscle on this side over the programme. */
double              nl_timeline_get_track_work  (const NlTimeline *self,
                                                 guint             track);
/* The exercise whose 1RM NL_SERIES_ONE_RM follows (NULL if never trained). */
const char         *nl_timeline_get_track_exercise (const NlTimeline *self,
                                                    guint             track);
/* -1 when the programme does not touch @muscle. */
int                 nl_timeline_find_track      (const NlTimeline *self,
                                                 const char       *muscle,
                                                 NlSide            side);
/* The track of the same muscle on the other side. */
guint               nl_timeline_get_other_side  (const NlTimeline *self,
                                                 guint             track);
/* The muscle with the most work, then its side with the most work. */
guint               nl_timeline_get_default_track (const NlTimeline *self);

const double       *nl_timeline_get_series      (const NlTimeline *self,
                                                 guint             track,
                                                 NlSeries          series);
/* 0 unless the timeline comes from a population run. */
guint               nl_timeline_get_population  (const NlTimeline *self);
/* NULL unless the timeline comes from a population run. */
const double       *nl_timeline_get_percentile  (const NlTimeline *self,
                                                 guint             track,
                                                 NlSeries          series,
                                                 NlPercentile      percentile);

guint               nl_timeline_get_n_phases    (const NlTimeline *self);
const NlTimelinePhase *nl_timeline_get_phase    (const NlTimeline *self,
                                                 guint             index);
/* The phase that contains @day, or -1 for follow-up days. */
int                 nl_timeline_get_phase_at    (const NlTimeline *self,
                                                 guint             day);

/* Continuous-time views of the acute layers: @day may be fractional (a
 * session of day d starts at time d).  Fatigue is the fraction of maximal
 * force lost; BDNF the fraction above rest. */
double              nl_timeline_get_fatigue_at  (const NlTimeline *self,
                                                 guint             track,
                                                 double            day);
double              nl_timeline_get_bdnf_at     (const NlTimeline *self,
                                                 double            day);

/* Group-level mood and cognition effects; @n_effects receives 3.  Applies
 * only when nl_timeline_get_group_effects_apply() says the programme meets
 * the minimal dose of the trials (≥ 8 weeks with ≥ 2 sessions a week). */
const NlGroupEffect *nl_timeline_get_group_effects (const NlTimeline *self,
                                                    guint            *n_effects);
gboolean            nl_timeline_get_group_effects_apply (const NlTimeline *self);

/* The motor-unit pool of @track on @day: region parameters, age, and the
 * training shifts of that day (peak rates, thresholds). */
NlMotorUnitPool    *nl_timeline_build_motor_pool (const NlTimeline *self,
                                                  guint             track,
                                                  guint             day);
/* Fraction of the pool's maximal excitation reached by a maximal voluntary
 * effort on @day (voluntary activation). */
double              nl_timeline_get_voluntary_excitation (const NlTimeline *self,
                                                          guint             track,
                                                          guint             day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlTimeline, nl_timeline_unref)

G_END_DECLS
