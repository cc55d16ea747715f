/* nl-core-types.h — enums shared by the programme document, the model and the views
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NL_PHASE_TRAINING,
  NL_PHASE_DETRAINING,
  NL_PHASE_IMMOBILIZATION,
} NlPhaseKind;

/* Which limbs a set group works. */
typedef enum {
  NL_SIDE_BOTH,
  NL_SIDE_LEFT,
  NL_SIDE_RIGHT,
} NlSide;

/* A set of limbs, e.g. the limbs immobilised during a phase. */
typedef enum {
  NL_LIMB_NONE  = 0,
  NL_LIMB_LEFT  = 1 << 0,
  NL_LIMB_RIGHT = 1 << 1,
  NL_LIMB_BOTH  = NL_LIMB_LEFT | NL_LIMB_RIGHT,
} NlLimbs;

typedef enum {
  NL_MODE_DYNAMIC,
  NL_MODE_ISOMETRIC,
  NL_MODE_BALLISTIC,
  NL_MODE_ECCENTRIC,     /* eccentric emphasis or eccentric overload (flywheel) */
} NlExerciseMode;

typedef enum {
  NL_LATERALITY_BILATERAL,
  NL_LATERALITY_UNILATERAL,
} NlLaterality;

typedef enum {
  NL_JOINTS_SINGLE,
  NL_JOINTS_MULTI,
} NlJoints;

typedef enum {
  NL_SEX_FEMALE,
  NL_SEX_MALE,
  NL_SEX_UNSPECIFIED,
} NlSex;

typedef enum {
  NL_TRAINING_STATUS_UNTRAINED,
  NL_TRAINING_STATUS_RECREATIONAL,
  NL_TRAINING_STATUS_TRAINED,
} NlTrainingStatus;

/* File-format keywords <-> enum values.  The *_from_string functions return
 * FALSE for an unknown keyword and leave @out untouched. */
const char *nl_phase_kind_to_string       (NlPhaseKind       kind);
gboolean    nl_phase_kind_from_string     (const char       *str,
                                           NlPhaseKind      *out);
const char *nl_side_to_string             (NlSide            side);
gboolean    nl_side_from_string           (const char       *str,
                                           NlSide           *out);
const char *nl_limbs_to_string            (NlLimbs           limbs);
gboolean    nl_limbs_from_string          (const char       *str,
                                           NlLimbs          *out);
const char *nl_exercise_mode_to_string    (NlExerciseMode    mode);
gboolean    nl_exercise_mode_from_string  (const char       *str,
                                           NlExerciseMode   *out);
const char *nl_laterality_to_string       (NlLaterality      laterality);
gboolean    nl_laterality_from_string     (const char       *str,
                                           NlLaterality     *out);
const char *nl_joints_to_string           (NlJoints          joints);
gboolean    nl_joints_from_string         (const char       *str,
                                           NlJoints         *out);
const char *nl_sex_to_string              (NlSex             sex);
gboolean    nl_sex_from_string            (const char       *str,
                                           NlSex            *out);
const char *nl_training_status_to_string  (NlTrainingStatus  status);
gboolean    nl_training_status_from_string (const char      *str,
                                            NlTrainingStatus *out);

/* Limits of the file format, version 1 (docs/file-format.md). */
#define NL_AGE_MIN              8
#define NL_AGE_MAX              100
#define NL_PHASE_WEEKS_MIN      1
#define NL_PHASE_WEEKS_MAX      104
#define NL_SESSION_DAY_MIN      1
#define NL_SESSION_DAY_MAX      7
#define NL_SETS_COUNT_MIN       1
#define NL_SETS_COUNT_MAX       20
#define NL_SETS_REPS_MIN        1
#define NL_SETS_REPS_MAX        100
#define NL_SETS_LOAD_MIN        1.0
#define NL_SETS_LOAD_MAX        120.0
#define NL_SETS_RIR_MIN         0
#define NL_SETS_RIR_MAX         10
#define NL_SETS_RIR_DEFAULT     2
#define NL_SETS_REST_MIN        10
#define NL_SETS_REST_MAX        900
#define NL_PROGRESSION_MIN      (-10.0)
#define NL_PROGRESSION_MAX      10.0

/* Size limits: far above any real programme, they keep a hostile file
 * from making the loader or the model work for minutes. */
#define NL_MAX_PHASES             100
#define NL_MAX_TOTAL_WEEKS        520
#define NL_MAX_SETS_PER_SESSION   50
#define NL_MAX_CUSTOM_EXERCISES   200

/* TRUE when @text is a valid id (an exercise or a muscle): lower-case
 * letters, digits and single hyphens, [a-z0-9]+(-[a-z0-9]+)*, at most 64
 * characters. */
gboolean    nl_id_is_valid                (const char       *text);

G_END_DECLS
