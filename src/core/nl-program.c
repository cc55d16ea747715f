/* nl-program.c — the editable programme document
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-child-list.h"
#include "nl-error.h"
#include "nl-program.h"
#include "nl-program-xml.h"

#define DEFAULT_AGE 30

struct _NlProgram
{
  GObject           parent_instance;

  char             *title;
  char             *description;
  guint             trainee_age;
  NlSex             trainee_sex;
  NlTrainingStatus  training_status;
  NlChildList       exercises;
  NlChildList       phases;
};

G_DEFINE_FINAL_TYPE (NlProgram, nl_program, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_TRAINEE_AGE,
  PROP_TRAINEE_SEX,
  PROP_TRAINING_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nl_program_dispose (GObject *object)
{
  NlProgram *self = NL_PROGRAM (object);

  _nl_child_list_clear (&self->phases);
  _nl_child_list_clear (&self->exercises);
  G_OBJECT_CLASS (nl_program_parent_class)->dispose (object);
}

static void
nl_program_finalize (GObject *object)
{
  NlProgram *self = NL_PROGRAM (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  G_OBJECT_CLASS (nl_program_parent_class)->finalize (object);
}

static void
nl_program_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NlProgram *self = NL_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_TITLE:           g_value_set_string (value, self->title); break;
    case PROP_DESCRIPTION:     g_value_set_string (value, self->description); break;
    case PROP_TRAINEE_AGE:     g_value_set_uint (value, self->trainee_age); break;
    case PROP_TRAINEE_SEX:     g_value_set_enum (value, self->trainee_sex); break;
    case PROP_TRAINING_STATUS: g_value_set_enum (value, self->training_status); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_program_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NlProgram *self = NL_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_TITLE:       nl_program_set_title (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: nl_program_set_description (self, g_value_get_string (value)); break;
    case PROP_TRAINEE_AGE: nl_program_set_trainee_age (self, g_value_get_uint (value)); break;
    case PROP_TRAINEE_SEX: nl_program_set_trainee_sex (self, g_value_get_enum (value)); break;
    case PROP_TRAINING_STATUS:
      nl_program_set_training_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_program_class_init (NlProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = nl_program_dispose;
  object_class->finalize = nl_program_finalize;
  object_class->get_property = nl_program_get_property;
  object_class->set_property = nl_program_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_TRAINEE_AGE] = g_param_spec_uint ("trainee-age", NULL, NULL,
                                                    NL_AGE_MIN, NL_AGE_MAX, DEFAULT_AGE, flags);
  properties[PROP_TRAINEE_SEX] = g_param_spec_enum ("trainee-sex", NULL, NULL, NL_TYPE_SEX,
                                                    NL_SEX_UNSPECIFIED, flags);
  properties[PROP_TRAINING_STATUS] = g_param_spec_enum ("training-status", NULL, NULL,
                                                        NL_TYPE_TRAINING_STATUS,
                                                        NL_TRAINING_STATUS_UNTRAINED, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nl_node_install_changed_signal (object_class);
}

static void
nl_program_init (NlProgram *self)
{
  self->trainee_age = DEFAULT_AGE;
  self->trainee_sex = NL_SEX_UNSPECIFIED;
  self->training_status = NL_TRAINING_STATUS_UNTRAINED;
  _nl_child_list_init (&self->exercises, G_OBJECT (self), NL_TYPE_EXERCISE);
  _nl_child_list_init (&self->phases, G_OBJECT (self), NL_TYPE_PHASE);
  _nl_node_forward_notify (G_OBJECT (self));
}

/**
 * nl_program_new:
 *
 * Returns: (transfer full): an empty programme (no phases: not yet valid).
 */
NlProgram *
nl_program_new (void)
{
  return g_object_new (NL_TYPE_PROGRAM, NULL);
}

/**
 * nl_program_copy:
 *
 * Returns: (transfer full): a deep copy with no connection to @self.
 */
NlProgram *
nl_program_copy (NlProgram *self)
{
  NlProgram *copy;

  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);

  copy = nl_program_new ();
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->trainee_age = self->trainee_age;
  copy->trainee_sex = self->trainee_sex;
  copy->training_status = self->training_status;
  for (guint i = 0; i < _nl_child_list_length (&self->exercises); i++)
    {
      g_autoptr(NlExercise) exercise = nl_exercise_copy (_nl_child_list_peek (&self->exercises, i));

      nl_program_insert_exercise (copy, i, exercise);
    }
  for (guint i = 0; i < _nl_child_list_length (&self->phases); i++)
    {
      g_autoptr(NlPhase) phase = nl_phase_copy (_nl_child_list_peek (&self->phases, i));

      nl_program_insert_phase (copy, i, phase);
    }
  return copy;
}

const char *
nl_program_get_title (NlProgram *self)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);
  return self->title;
}

void
nl_program_set_title (NlProgram  *self,
                      const char *title)
{
  g_return_if_fail (NL_IS_PROGRAM (self));

  if (_nl_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
nl_program_get_description (NlProgram *self)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);
  return self->description;
}

/* An empty description is stored as none. */
void
nl_program_set_description (NlProgram  *self,
                            const char *description)
{
  g_return_if_fail (NL_IS_PROGRAM (self));

  if (description != NULL && *description == '\0')
    description = NULL;
  if (_nl_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

guint
nl_program_get_trainee_age (NlProgram *self)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), 0);
  return self->trainee_age;
}

void
nl_program_set_trainee_age (NlProgram *self,
                            guint      age)
{
  g_return_if_fail (NL_IS_PROGRAM (self));

  age = CLAMP (age, NL_AGE_MIN, NL_AGE_MAX);
  if (self->trainee_age == age)
    return;
  self->trainee_age = age;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINEE_AGE]);
}

NlSex
nl_program_get_trainee_sex (NlProgram *self)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), NL_SEX_UNSPECIFIED);
  return self->trainee_sex;
}

void
nl_program_set_trainee_sex (NlProgram *self,
                            NlSex      sex)
{
  g_return_if_fail (NL_IS_PROGRAM (self));
  g_return_if_fail (sex <= NL_SEX_UNSPECIFIED);

  if (self->trainee_sex == sex)
    return;
  self->trainee_sex = sex;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINEE_SEX]);
}

NlTrainingStatus
nl_program_get_training_status (NlProgram *self)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), NL_TRAINING_STATUS_UNTRAINED);
  return self->training_status;
}

void
nl_program_set_training_status (NlProgram        *self,
                                NlTrainingStatus  status)
{
  g_return_if_fail (NL_IS_PROGRAM (self));
  g_return_if_fail (status <= NL_TRAINING_STATUS_TRAINED);

  if (self->training_status == status)
    return;
  self->training_status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINING_STATUS]);
}

GListModel *
nl_program_get_phases (NlProgram *self)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);
  return G_LIST_MODEL (self->phases.store);
}

void
nl_program_insert_phase (NlProgram *self,
                         guint      position,
                         NlPhase   *phase)
{
  g_return_if_fail (NL_IS_PROGRAM (self));
  g_return_if_fail (NL_IS_PHASE (phase));
  _nl_child_list_insert (&self->phases, position, phase);
}

void
nl_program_remove_phase (NlProgram *self,
                         guint      position)
{
  g_return_if_fail (NL_IS_PROGRAM (self));
  _nl_child_list_remove (&self->phases, position);
}

void
nl_program_move_phase (NlProgram *self,
                       guint      from,
                       guint      to)
{
  g_return_if_fail (NL_IS_PROGRAM (self));
  _nl_child_list_move (&self->phases, from, to);
}

guint
nl_program_get_n_weeks (NlProgram *self)
{
  guint weeks = 0;

  g_return_val_if_fail (NL_IS_PROGRAM (self), 0);

  for (guint i = 0; i < _nl_child_list_length (&self->phases); i++)
    weeks += nl_phase_get_weeks (_nl_child_list_peek (&self->phases, i));
  return weeks;
}

GListModel *
nl_program_get_exercises (NlProgram *self)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);
  return G_LIST_MODEL (self->exercises.store);
}

void
nl_program_insert_exercise (NlProgram  *self,
                            guint       position,
                            NlExercise *exercise)
{
  g_return_if_fail (NL_IS_PROGRAM (self));
  g_return_if_fail (NL_IS_EXERCISE (exercise));
  _nl_child_list_insert (&self->exercises, position, exercise);
}

void
nl_program_remove_exercise (NlProgram *self,
                            guint      position)
{
  g_return_if_fail (NL_IS_PROGRAM (self));
  _nl_child_list_remove (&self->exercises, position);
}

void
nl_program_move_exercise (NlProgram *self,
                          guint      from,
                          guint      to)
{
  g_return_if_fail (NL_IS_PROGRAM (self));
  _nl_child_list_move (&self->exercises, from, to);
}

NlExercise *
nl_program_lookup_custom_exercise (NlProgram  *self,
                                   const char *id)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);

  for (guint i = 0; id != NULL && i < _nl_child_list_length (&self->exercises); i++)
    {
      NlExercise *exercise = _nl_child_list_peek (&self->exercises, i);

      if (g_strcmp0 (nl_exercise_get_id (exercise), id) == 0)
        return exercise;
    }
  return NULL;
}

gboolean
nl_program_resolve_exercise (NlProgram      *self,
                             const char     *id,
                             NlExerciseInfo *out)
{
  NlExercise *custom;
  const NlExerciseInfo *info;

  g_return_val_if_fail (NL_IS_PROGRAM (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if ((custom = nl_program_lookup_custom_exercise (self, id)))
    {
      nl_exercise_get_info (custom, out);
      return TRUE;
    }
  if ((info = nl_catalog_lookup_exercise (nl_catalog_get_default (), id)))
    {
      *out = *info;
      return TRUE;
    }
  return FALSE;
}

guint
nl_program_get_n_phases (NlProgram *self)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), 0);
  return _nl_child_list_length (&self->phases);
}

NlPhase *
nl_program_get_phase (NlProgram *self,
                      guint      position)
{
  g_return_val_if_fail (NL_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (position < _nl_child_list_length (&self->phases), NULL);
  return _nl_child_list_peek (&self->phases, position);
}

void
nl_problem_free (NlProblem *problem)
{
  if (problem == NULL)
    return;
  g_clear_object (&problem->item);
  g_free (problem->attribute);
  g_free (problem->message);
  g_free (problem);
}

/* Every property of @a and @b has the same value.  The document's nodes
 * hold only plain values (strings, numbers, enums, flags, booleans); their
 * lists are compared by nodes_equal()'s callers. */
static gboolean
properties_equal (GObject *a,
                  GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean lists_equal (GListModel *a,
                             GListModel *b);

/* @a and @b, and everything they hold, are equal. */
static gboolean
nodes_equal (GObject *a,
             GObject *b)
{
  if (!properties_equal (a, b))
    return FALSE;
  if (NL_IS_PROGRAM (a))
    return lists_equal (nl_program_get_exercises (NL_PROGRAM (a)),
                        nl_program_get_exercises (NL_PROGRAM (b)))
           && lists_equal (nl_program_get_phases (NL_PROGRAM (a)),
                           nl_program_get_phases (NL_PROGRAM (b)));
  if (NL_IS_PHASE (a))
    return lists_equal (nl_phase_get_sessions (NL_PHASE (a)), nl_phase_get_sessions (NL_PHASE (b)));
  if (NL_IS_SESSION (a))
    return lists_equal (nl_session_get_sets (NL_SESSION (a)), nl_session_get_sets (NL_SESSION (b)));
  return TRUE;
}

static gboolean
lists_equal (GListModel *a,
             GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) ia = g_list_model_get_item (a, i);
      g_autoptr(GObject) ib = g_list_model_get_item (b, i);

      if (!nodes_equal (ia, ib))
        return FALSE;
    }
  return TRUE;
}

/* Compared node by node, not through the canonical text: the writer is
 * what round-trip tests check, so it must not be the judge of equality. */
gboolean
nl_program_equal (NlProgram *a,
                  NlProgram *b)
{
  g_return_val_if_fail (NL_IS_PROGRAM (a), FALSE);
  g_return_val_if_fail (NL_IS_PROGRAM (b), FALSE);

  return nodes_equal (G_OBJECT (a), G_OBJECT (b));
}
