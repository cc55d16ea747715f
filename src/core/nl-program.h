/* nl-program.h — the editable programme document
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A programme is a tree of GObjects owned by the main thread:
 *
 *   NlProgram ─┬─ NlExercise*    custom exercises (beside the catalogue)
 *              └─ NlPhase+ ── NlSession* ── NlSetGroup*
 *
 * Lists are exposed read-only as GListModel; change them through the
 * insert/remove/move functions of their owner.  Every object notifies its
 * own properties; every object also emits ::changed when it or anything
 * below it changes, so NlProgram::changed fires for any edit anywhere.
 */
#pragma once

#include <gio/gio.h>

#include "nl-catalog.h"
#include "nl-core-enums.h"
#include "nl-core-types.h"
#include "nl-exercise.h"
#include "nl-phase.h"
#include "nl-program-snapshot.h"
#include "nl-session.h"
#include "nl-set-group.h"

G_BEGIN_DECLS

#define NL_TYPE_PROGRAM (nl_program_get_type ())

G_DECLARE_FINAL_TYPE (NlProgram, nl_program, NL, PROGRAM, GObject)

NlProgram        *nl_program_new                     (void);
/* A deep copy, with no connection to @self. */
NlProgram        *nl_program_copy                    (NlProgram        *self);

const char       *nl_program_get_title               (NlProgram        *self);
void              nl_program_set_title               (NlProgram        *self,
                                                      const char       *title);
const char       *nl_program_get_description         (NlProgram        *self);
void              nl_program_set_description         (NlProgram        *self,
                                                      const char       *description);
guint             nl_program_get_trainee_age         (NlProgram        *self);
void              nl_program_set_trainee_age         (NlProgram        *self,
                                                      guint             age);
NlSex             nl_program_get_trainee_sex         (NlProgram        *self);
void              nl_program_set_trainee_sex         (NlProgram        *self,
                                                      NlSex             sex);
NlTrainingStatus  nl_program_get_training_status     (NlProgram        *self);
void              nl_program_set_training_status     (NlProgram        *self,
                                                      NlTrainingStatus  status);

/* Phases, in time order: a GListModel of NlPhase. */
GListModel       *nl_program_get_phases              (NlProgram        *self);
void              nl_program_insert_phase            (NlProgram        *self,
                                                      guint             position,
                                                      NlPhase          *phase);
void              nl_program_remove_phase            (NlProgram        *self,
                                                      guint             position);
void              nl_program_move_phase              (NlProgram        *self,
                                                      guint             from,
                                                      guint             to);
guint             nl_program_get_n_phases            (NlProgram        *self);
NlPhase          *nl_program_get_phase               (NlProgram        *self,
                                                      guint             position);
guint             nl_program_get_n_weeks             (NlProgram        *self);

/* Custom exercises: a GListModel of NlExercise. */
GListModel       *nl_program_get_exercises           (NlProgram        *self);
void              nl_program_insert_exercise         (NlProgram        *self,
                                                      guint             position,
                                                      NlExercise       *exercise);
void              nl_program_remove_exercise         (NlProgram        *self,
                                                      guint             position);
void              nl_program_move_exercise           (NlProgram        *self,
                                                      guint             from,
                                                      guint             to);
NlExercise       *nl_program_lookup_custom_exercise  (NlProgram        *self,
                                                      const char       *id);
/* Resolves @id against the custom exercises first, then the catalogue. */
gboolean          nl_program_resolve_exercise        (NlProgram        *self,
                                                      const char       *id,
                                                      NlExerciseInfo   *out);

/* Checks meaning (what a schema cannot say): unknown exercise ids, duplicate
 * days or custom ids, a limb trained while immobilised, …  Returns an array
 * of NlProblem, empty when the programme is consistent. */
GPtrArray        *nl_program_check                   (NlProgram        *self);

/* An immutable copy for the model.  Fails with NL_PROGRAM_ERROR_MEANING when
 * nl_program_check() finds a problem. */
NlProgramSnapshot *nl_program_create_snapshot        (NlProgram        *self,
                                                      GError          **error);

/* Structural equality (same content, same order). */
gboolean          nl_program_equal                   (NlProgram        *a,
                                                      NlProgram        *b);

typedef struct {
  GObject *item;       /* the NlProgram/NlPhase/NlSession/NlSetGroup/NlExercise at fault */
  char    *attribute;  /* the attribute at fault, or NULL for the element */
  char    *message;    /* plain-words explanation, translated */
  gboolean warning;    /* implausible but the model still runs: it does not
                        * stop loading or nl_program_create_snapshot() */
} NlProblem;

void              nl_problem_free                    (NlProblem        *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlProblem, nl_problem_free)

G_END_DECLS
