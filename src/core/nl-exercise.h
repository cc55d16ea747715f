/* nl-exercise.h — a custom exercise defined in a programme file
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "nl-catalog.h"
#include "nl-core-enums.h"
#include "nl-core-types.h"

G_BEGIN_DECLS

#define NL_TYPE_EXERCISE (nl_exercise_get_type ())

G_DECLARE_FINAL_TYPE (NlExercise, nl_exercise, NL, EXERCISE, GObject)

NlExercise     *nl_exercise_new             (const char      *id,
                                             const char      *name,
                                             const char      *muscle);
NlExercise     *nl_exercise_copy            (NlExercise      *self);

const char     *nl_exercise_get_id          (NlExercise      *self);
void            nl_exercise_set_id          (NlExercise      *self,
                                             const char      *id);
const char     *nl_exercise_get_name        (NlExercise      *self);
void            nl_exercise_set_name        (NlExercise      *self,
                                             const char      *name);
const char     *nl_exercise_get_muscle      (NlExercise      *self);
void            nl_exercise_set_muscle      (NlExercise      *self,
                                             const char      *muscle);
NlExerciseMode  nl_exercise_get_mode        (NlExercise      *self);
void            nl_exercise_set_mode        (NlExercise      *self,
                                             NlExerciseMode   mode);
NlLaterality    nl_exercise_get_laterality  (NlExercise      *self);
void            nl_exercise_set_laterality  (NlExercise      *self,
                                             NlLaterality     laterality);
NlJoints        nl_exercise_get_joints      (NlExercise      *self);
void            nl_exercise_set_joints      (NlExercise      *self,
                                             NlJoints         joints);
/* Fills @out with pointers into @self (valid while @self is unchanged). */
void            nl_exercise_get_info        (NlExercise      *self,
                                             NlExerciseInfo  *out);

G_END_DECLS
