/* nl-catalog.h — the built-in exercise and muscle catalogue
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded once from data/exercises.xml in the core GResource.  The catalogue is
 * immutable after loading and safe to read from any thread.
 */
#pragma once

#include <glib.h>

#include "nl-core-types.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;       /* e.g. "quadriceps" */
  const char *name;     /* English display name, translate with _() in the UI */
  const char *region;   /* "lower-limb", "upper-limb", "hand" */
} NlMuscleInfo;

/* How much task-specific skill an exercise's 1RM can gain (docs/model.md
 * §5.2): by default set by the joint count; the catalogue marks tasks with
 * published evidence of unusually large or small skill gains. */
typedef enum {
  NL_SKILL_BY_JOINTS,
  NL_SKILL_LOW,        /* familiar pattern: 1RM gains track muscle growth */
  NL_SKILL_HIGH,       /* novel isolated machine task: large learning gains */
} NlSkillClass;

typedef struct {
  const char     *id;
  const char     *name;
  const char     *muscle;
  NlExerciseMode  mode;
  NlLaterality    laterality;
  NlJoints        joints;
  NlSkillClass    skill;
} NlExerciseInfo;

typedef struct _NlCatalog NlCatalog;

/* The built-in catalogue; never NULL (aborts if the resource is broken,
 * which is a build error, not a user error). */
const NlCatalog      *nl_catalog_get_default     (void);

guint                 nl_catalog_get_n_muscles   (const NlCatalog *self);
const NlMuscleInfo   *nl_catalog_get_muscle      (const NlCatalog *self,
                                                  guint            index);
const NlMuscleInfo   *nl_catalog_lookup_muscle   (const NlCatalog *self,
                                                  const char      *id);
guint                 nl_catalog_get_n_exercises (const NlCatalog *self);
const NlExerciseInfo *nl_catalog_get_exercise    (const NlCatalog *self,
                                                  guint            index);
const NlExerciseInfo *nl_catalog_lookup_exercise (const NlCatalog *self,
                                                  const char      *id);

G_END_DECLS
