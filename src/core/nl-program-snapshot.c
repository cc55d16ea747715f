/* nl-program-snapshot.c — immutable deep copy of a programme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nl-program-snapshot.h"

/* The public struct comes first so that a snapshot pointer is also a pointer
 * to the private wrapper. */
typedef struct {
  NlProgramSnapshot  pub;
  gatomicrefcount    ref_count;
  GStringChunk      *strings;
} NlProgramSnapshotReal;

static const char *
intern (NlProgramSnapshotReal *real,
        const char            *str)
{
  return str != NULL ? g_string_chunk_insert_const (real->strings, str) : NULL;
}

NlProgramSnapshot *
nl_program_snapshot_new (const char       *title,
                         guint             age,
                         NlSex             sex,
                         NlTrainingStatus  training_status)
{
  NlProgramSnapshotReal *real = g_new0 (NlProgramSnapshotReal, 1);

  g_atomic_ref_count_init (&real->ref_count);
  real->strings = g_string_chunk_new (256);
  real->pub.title = intern (real, title != NULL ? title : "");
  real->pub.age = age;
  real->pub.sex = sex;
  real->pub.training_status = training_status;
  return &real->pub;
}

NlProgramSnapshot *
nl_program_snapshot_ref (NlProgramSnapshot *self)
{
  NlProgramSnapshotReal *real = (NlProgramSnapshotReal *) self;

  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&real->ref_count);
  return self;
}

void
nl_program_snapshot_unref (NlProgramSnapshot *self)
{
  NlProgramSnapshotReal *real = (NlProgramSnapshotReal *) self;

  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&real->ref_count))
    return;

  for (guint p = 0; p < self->n_phases; p++)
    {
      NlSnapshotPhase *phase = &self->phases[p];

      for (guint s = 0; s < phase->n_sessions; s++)
        g_free (phase->sessions[s].sets);
      g_free (phase->sessions);
    }
  g_free (self->phases);
  g_string_chunk_free (real->strings);
  g_free (real);
}

guint
nl_program_snapshot_add_phase (NlProgramSnapshot *self,
                               const char        *name,
                               NlPhaseKind        kind,
                               guint              weeks,
                               NlLimbs            immobilized,
                               double             load_pct_per_week)
{
  NlProgramSnapshotReal *real = (NlProgramSnapshotReal *) self;
  NlSnapshotPhase *phase;

  g_return_val_if_fail (self != NULL, 0);

  self->phases = g_renew (NlSnapshotPhase, self->phases, self->n_phases + 1);
  phase = &self->phases[self->n_phases];
  *phase = (NlSnapshotPhase) {
    .name = intern (real, name),
    .kind = kind,
    .weeks = weeks,
    .first_day = self->n_days,
    .immobilized = immobilized,
    .load_pct_per_week = load_pct_per_week,
  };
  self->n_days += 7 * weeks;
  return self->n_phases++;
}

guint
nl_program_snapshot_add_session (NlProgramSnapshot *self,
                                 guint              phase_index,
                                 guint              day,
                                 const char        *name)
{
  NlProgramSnapshotReal *real = (NlProgramSnapshotReal *) self;
  NlSnapshotPhase *phase;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (phase_index < self->n_phases, 0);

  phase = &self->phases[phase_index];
  phase->sessions = g_renew (NlSnapshotSession, phase->sessions, phase->n_sessions + 1);
  phase->sessions[phase->n_sessions] = (NlSnapshotSession) {
    .day = day,
    .name = intern (real, name),
  };
  return phase->n_sessions++;
}

guint
nl_program_snapshot_add_sets (NlProgramSnapshot    *self,
                              guint                 phase_index,
                              guint                 session_index,
                              const NlSnapshotSets *sets)
{
  NlProgramSnapshotReal *real = (NlProgramSnapshotReal *) self;
  NlSnapshotSession *session;
  NlSnapshotSets *copy;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (phase_index < self->n_phases, 0);
  g_return_val_if_fail (session_index < self->phases[phase_index].n_sessions, 0);
  g_return_val_if_fail (sets != NULL, 0);

  session = &self->phases[phase_index].sessions[session_index];
  session->sets = g_renew (NlSnapshotSets, session->sets, session->n_sets + 1);
  copy = &session->sets[session->n_sets];
  *copy = *sets;
  copy->exercise_id = intern (real, sets->exercise_id);
  copy->exercise_name = intern (real, sets->exercise_name);
  copy->muscle = intern (real, sets->muscle);
  return session->n_sets++;
}
