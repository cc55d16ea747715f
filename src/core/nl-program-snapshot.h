/* nl-program-snapshot.h — an immutable, thread-safe copy of a programme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor owns a mutable NlProgram on the main thread; the model works on
 * an NlProgramSnapshot, a plain deep copy with every exercise already resolved
 * against the catalogue, so a worker thread never touches a GObject.
 * Snapshots are reference counted and never change after creation.
 */
#pragma once

#include <glib.h>

#include "nl-core-types.h"

G_BEGIN_DECLS

typedef struct {
  const char      *exercise_id;   /* catalogue or custom id */
  const char      *exercise_name;
  const char      *muscle;        /* catalogue muscle id, e.g. "quadriceps" */
  NlExerciseMode   mode;
  NlLaterality     laterality;
  NlJoints         joints;
  guint            count;         /* sets */
  guint            reps;
  double           load_pct;      /* % of 1RM (or of MVC for isometric work) in the phase's first week */
  guint            rir;           /* reps in reserve */
  NlSide           side;
  guint            rest_s;        /* 0 when not given */
  gboolean         bfr;
} NlSnapshotSets;

typedef struct {
  guint            day;           /* 1..7 within the week */
  const char      *name;          /* may be NULL */
  guint            n_sets;
  NlSnapshotSets  *sets;
} NlSnapshotSession;

typedef struct {
  const char        *name;        /* may be NULL */
  NlPhaseKind        kind;
  guint              weeks;
  guint              first_day;   /* programme day (0-based) of the phase's first day */
  NlLimbs            immobilized; /* limbs in a cast during the phase */
  double             load_pct_per_week; /* progression, 0 when none */
  guint              n_sessions;
  NlSnapshotSession *sessions;
} NlSnapshotPhase;

typedef struct {
  const char        *title;
  guint              age;
  NlSex              sex;
  NlTrainingStatus   training_status;
  guint              n_phases;
  NlSnapshotPhase   *phases;
  guint              n_days;      /* 7 × total weeks */
} NlProgramSnapshot;

NlProgramSnapshot *nl_program_snapshot_ref   (NlProgramSnapshot *self);
void               nl_program_snapshot_unref (NlProgramSnapshot *self);

/* Builder used by nl_program_create_snapshot() and by tests that need a
 * programme without a file.  Strings are copied into the snapshot.  Items are
 * addressed by index so that growing the arrays never leaves a dangling
 * pointer; the add functions return the new item's index.  A snapshot must
 * not be changed after it has been handed to another thread. */
NlProgramSnapshot *nl_program_snapshot_new          (const char           *title,
                                                     guint                 age,
                                                     NlSex                 sex,
                                                     NlTrainingStatus      training_status);
guint              nl_program_snapshot_add_phase    (NlProgramSnapshot    *self,
                                                     const char           *name,
                                                     NlPhaseKind           kind,
                                                     guint                 weeks,
                                                     NlLimbs               immobilized,
                                                     double                load_pct_per_week);
guint              nl_program_snapshot_add_session  (NlProgramSnapshot    *self,
                                                     guint                 phase,
                                                     guint                 day,
                                                     const char           *name);
guint              nl_program_snapshot_add_sets     (NlProgramSnapshot    *self,
                                                     guint                 phase,
                                                     guint                 session,
                                                     const NlSnapshotSets *sets);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlProgramSnapshot, nl_program_snapshot_unref)

G_END_DECLS
