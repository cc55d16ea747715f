/* nl-exercise.c — a custom exercise defined in a programme file
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nl-child-list.h"
#include "nl-exercise.h"

struct _NlExercise
{
  GObject         parent_instance;

  char           *id;
  char           *name;
  char           *muscle;
  NlExerciseMode  mode;
  NlLaterality    laterality;
  NlJoints        joints;
};

G_DEFINE_FINAL_TYPE (NlExercise, nl_exercise, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_MUSCLE,
  PROP_MODE,
  PROP_LATERALITY,
  PROP_JOINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nl_exercise_finalize (GObject *object)
{
  NlExercise *self = NL_EXERCISE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->muscle, g_free);
  G_OBJECT_CLASS (nl_exercise_parent_class)->finalize (object);
}

static void
nl_exercise_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NlExercise *self = NL_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_ID:         g_value_set_string (value, self->id); break;
    case PROP_NAME:       g_value_set_string (value, self->name); break;
    case PROP_MUSCLE:     g_value_set_string (value, self->muscle); break;
    case PROP_MODE:       g_value_set_enum (value, self->mode); break;
    case PROP_LATERALITY: g_value_set_enum (value, self->laterality); break;
    case PROP_JOINTS:     g_value_set_enum (value, self->joints); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_exercise_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NlExercise *self = NL_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_ID:         nl_exercise_set_id (self, g_value_get_string (value)); break;
    case PROP_NAME:       nl_exercise_set_name (self, g_value_get_string (value)); break;
    case PROP_MUSCLE:     nl_exercise_set_muscle (self, g_value_get_string (value)); break;
    case PROP_MODE:       nl_exercise_set_mode (self, g_value_get_enum (value)); break;
    case PROP_LATERALITY: nl_exercise_set_laterality (self, g_value_get_enum (value)); break;
    case PROP_JOINTS:     nl_exercise_set_joints (self, g_value_get_enum (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_exercise_class_init (NlExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nl_exercise_finalize;
  object_class->get_property = nl_exercise_get_property;
  object_class->set_property = nl_exercise_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_MUSCLE] = g_param_spec_string ("muscle", NULL, NULL, NULL, flags);
  properties[PROP_MODE] = g_param_spec_enum ("mode", NULL, NULL, NL_TYPE_EXERCISE_MODE,
                                             NL_MODE_DYNAMIC, flags);
  properties[PROP_LATERALITY] = g_param_spec_enum ("laterality", NULL, NULL, NL_TYPE_LATERALITY,
                                                   NL_LATERALITY_BILATERAL, flags);
  properties[PROP_JOINTS] = g_param_spec_enum ("joints", NULL, NULL, NL_TYPE_JOINTS,
                                               NL_JOINTS_SINGLE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nl_node_install_changed_signal (object_class);
}

static void
nl_exercise_init (NlExercise *self)
{
  _nl_node_forward_notify (G_OBJECT (self));
}

NlExercise *
nl_exercise_new (const char *id,
                 const char *name,
                 const char *muscle)
{
  return g_object_new (NL_TYPE_EXERCISE, "id", id, "name", name, "muscle", muscle, NULL);
}

NlExercise *
nl_exercise_copy (NlExercise *self)
{
  NlExercise *copy;

  g_return_val_if_fail (NL_IS_EXERCISE (self), NULL);

  copy = nl_exercise_new (self->id, self->name, self->muscle);
  copy->mode = self->mode;
  copy->laterality = self->laterality;
  copy->joints = self->joints;
  return copy;
}

#define DEFINE_STRING_PROPERTY(field, PROP)                             \
  const char *                                                          \
  nl_exercise_get_##field (NlExercise *self)                            \
  {                                                                     \
    g_return_val_if_fail (NL_IS_EXERCISE (self), NULL);                 \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  nl_exercise_set_##field (NlExercise *self,                            \
                           const char *value)                           \
  {                                                                     \
    g_return_if_fail (NL_IS_EXERCISE (self));                           \
    if (_nl_set_str (&self->field, value))                              \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);     \
  }

#define DEFINE_ENUM_PROPERTY(Type, field, PROP, max)                    \
  Type                                                                  \
  nl_exercise_get_##field (NlExercise *self)                            \
  {                                                                     \
    g_return_val_if_fail (NL_IS_EXERCISE (self), 0);                    \
    return self->field;                                                 \
  }                                                                     \
  void                                                                  \
  nl_exercise_set_##field (NlExercise *self,                            \
                           Type        value)                           \
  {                                                                     \
    g_return_if_fail (NL_IS_EXERCISE (self));                           \
    g_return_if_fail (value <= max);                                    \
    if (self->field == value)                                           \
      return;                                                           \
    self->field = value;                                                \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);      \
  }

DEFINE_STRING_PROPERTY (id, PROP_ID)
DEFINE_STRING_PROPERTY (name, PROP_NAME)
DEFINE_STRING_PROPERTY (muscle, PROP_MUSCLE)
DEFINE_ENUM_PROPERTY (NlExerciseMode, mode, PROP_MODE, NL_MODE_ECCENTRIC)
DEFINE_ENUM_PROPERTY (NlLaterality, laterality, PROP_LATERALITY, NL_LATERALITY_UNILATERAL)
DEFINE_ENUM_PROPERTY (NlJoints, joints, PROP_JOINTS, NL_JOINTS_MULTI)

void
nl_exercise_get_info (NlExercise     *self,
                      NlExerciseInfo *out)
{
  g_return_if_fail (NL_IS_EXERCISE (self));
  g_return_if_fail (out != NULL);

  *out = (NlExerciseInfo) {
    .id = self->id,
    .name = self->name,
    .muscle = self->muscle,
    .mode = self->mode,
    .laterality = self->laterality,
    .joints = self->joints,
  };
}
