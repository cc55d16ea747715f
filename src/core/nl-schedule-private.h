/* nl-schedule-private.h — a programme turned into per-day training doses
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule is computed once per model run from the snapshot (sets ×
 * reps × load × RIR → effective reps, neural and skill doses, fatigue) and
 * shared read-only by every virtual trainee of a population run.
 */
#pragma once

#include "nl-model-params.h"
#include "nl-motor-unit-pool.h"
#include "nl-program-snapshot.h"

G_BEGIN_DECLS

#define NL_SCHEDULE_TABLE_POINTS 17
#define NL_SCHEDULE_Q_MIN        (-3.0)
#define NL_SCHEDULE_Q_MAX        1.5

/* What one session does to one (muscle, side). */
typedef struct {
  double hyp_reps;        /* effective reps (§11.3) */
  double hyp_weight;      /* contraction-type weight of growth (eccentric > 1), effective-rep mean */
  double hyp_dose;        /* (1 − exp(−hyp_reps/hyp_half)) × hyp_weight */
  double neural_stim;     /* neural stimulus */
  double neural_dose;     /* 1 − exp(−neural_stim/neural_half) */
  double iso_dose;        /* isometric-skill dose */
  double effort;          /* share of the neural headroom the session's hardest set reaches, 0…1 */
  double transfer;        /* contraction-type weight of cross-education: work-weighted c_type */
  double ballistic_dose;  /* 1 − exp(−ballistic reps/skill_half) */
  double fatigue[3];      /* acute loss per compartment, fraction of MVC */
  double work;            /* sets × reps */
  double *skill_dose;     /* per exercise of the muscle, NULL when none trained */
} NlTrackDose;

typedef struct {
  guint        day;
  NlTrackDose *doses;     /* one per track; work 0 when untouched */
  double       bdnf;      /* acute fraction above rest, untrained state */
  double       il6;
  double       stress;    /* endocrine stress 0…1 */
} NlScheduleSession;

typedef struct {
  char        *muscle;
  NlRegion     region;
  guint        n_exercises;
  char       **exercises; /* ids, the muscle's main (most work) first */
  double      *skill_headroom; /* per exercise: T_max − 1 of a young untrained adult */
  gboolean     main_isometric;
  /* Per-side pool tables over neural progress q (see nl-adaptation-model.c). */
  NlMotorUnitPoolParams pool;
  double       va0;
  double       peak_rate[NL_SCHEDULE_TABLE_POINTS];
  double       ceiling[NL_SCHEDULE_TABLE_POINTS];
  double       work[2];   /* left, right */
  gboolean     symmetric; /* both sides get the same doses and casts */
} NlScheduleMuscle;

typedef struct {
  guint              n_days;          /* programme + follow-up */
  guint              programme_days;
  guint              n_muscles;       /* tracks: 2 per muscle, left then right */
  NlScheduleMuscle  *muscles;
  guint              n_sessions;
  NlScheduleSession *sessions;        /* in day order */
  guint8            *immobilized;     /* per day: NlLimbs */
  guint8            *phase_kind;      /* per day: NlPhaseKind, detraining after the end */
  gboolean           effects_apply;
  guint              n_phases;
  char             **phase_names;     /* NULL entries allowed */
  guint             *phase_kinds;
  guint             *phase_first_day;
  guint             *phase_days;
  guint              age;
  NlSex              sex;
  NlTrainingStatus   status;
} NlSchedule;

/* Returns NULL with an error for a programme the model cannot run. */
NlSchedule *_nl_schedule_new  (const NlProgramSnapshot *snapshot,
                               const NlModelParams     *params,
                               guint                    extend_days,
                               GError                 **error);
void        _nl_schedule_free (NlSchedule              *self);

/* Interpolates a pool table at neural progress @q (inline: the day loop
 * calls it twice per track and day). */
static inline double
_nl_schedule_table_lookup (const double *table,
                           double        q)
{
  const double scale = (NL_SCHEDULE_TABLE_POINTS - 1) / (NL_SCHEDULE_Q_MAX - NL_SCHEDULE_Q_MIN);
  double x = (CLAMP (q, NL_SCHEDULE_Q_MIN, NL_SCHEDULE_Q_MAX) - NL_SCHEDULE_Q_MIN) * scale;
  guint i = MIN ((guint) x, NL_SCHEDULE_TABLE_POINTS - 2);
  double frac = x - i;

  return table[i] + frac * (table[i + 1] - table[i]);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlSchedule, _nl_schedule_free)

G_END_DECLS
