/* nl-set-group.c — one <sets> line of a session
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "nl-child-list.h"
#include "nl-set-group.h"

struct _NlSetGroup
{
  GObject   parent_instance;

  char     *exercise;
  NlSide    side;
  guint     count;
  guint     reps;
  double    load_pct;
  guint     rir;
  guint     rest_s;
  gboolean  bfr;
};

G_DEFINE_FINAL_TYPE (NlSetGroup, nl_set_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXERCISE,
  PROP_SIDE,
  PROP_COUNT,
  PROP_REPS,
  PROP_LOAD_PCT,
  PROP_RIR,
  PROP_REST_S,
  PROP_BFR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nl_set_group_finalize (GObject *object)
{
  NlSetGroup *self = NL_SET_GROUP (object);

  g_clear_pointer (&self->exercise, g_free);
  G_OBJECT_CLASS (nl_set_group_parent_class)->finalize (object);
}

static void
nl_set_group_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NlSetGroup *self = NL_SET_GROUP (object);

  switch (prop_id)
    {
    case PROP_EXERCISE: g_value_set_string (value, self->exercise); break;
    case PROP_SIDE:     g_value_set_enum (value, self->side); break;
    case PROP_COUNT:    g_value_set_uint (value, self->count); break;
    case PROP_REPS:     g_value_set_uint (value, self->reps); break;
    case PROP_LOAD_PCT: g_value_set_double (value, self->load_pct); break;
    case PROP_RIR:      g_value_set_uint (value, self->rir); break;
    case PROP_REST_S:   g_value_set_uint (value, self->rest_s); break;
    case PROP_BFR:      g_value_set_boolean (value, self->bfr); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_set_group_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NlSetGroup *self = NL_SET_GROUP (object);

  switch (prop_id)
    {
    case PROP_EXERCISE: nl_set_group_set_exercise (self, g_value_get_string (value)); break;
    case PROP_SIDE:     nl_set_group_set_side (self, g_value_get_enum (value)); break;
    case PROP_COUNT:    nl_set_group_set_count (self, g_value_get_uint (value)); break;
    case PROP_REPS:     nl_set_group_set_reps (self, g_value_get_uint (value)); break;
    case PROP_LOAD_PCT: nl_set_group_set_load_pct (self, g_value_get_double (value)); break;
    case PROP_RIR:      nl_set_group_set_rir (self, g_value_get_uint (value)); break;
    case PROP_REST_S:   nl_set_group_set_rest_s (self, g_value_get_uint (value)); break;
    case PROP_BFR:      nl_set_group_set_bfr (self, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_set_group_class_init (NlSetGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nl_set_group_finalize;
  object_class->get_property = nl_set_group_get_property;
  object_class->set_property = nl_set_group_set_property;

  properties[PROP_EXERCISE] = g_param_spec_string ("exercise", NULL, NULL, NULL, flags);
  properties[PROP_SIDE] = g_param_spec_enum ("side", NULL, NULL, NL_TYPE_SIDE, NL_SIDE_BOTH, flags);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL,
                                              NL_SETS_COUNT_MIN, NL_SETS_COUNT_MAX, 3, flags);
  properties[PROP_REPS] = g_param_spec_uint ("reps", NULL, NULL,
                                             NL_SETS_REPS_MIN, NL_SETS_REPS_MAX, 10, flags);
  properties[PROP_LOAD_PCT] = g_param_spec_double ("load-pct", NULL, NULL,
                                                   NL_SETS_LOAD_MIN, NL_SETS_LOAD_MAX, 70, flags);
  properties[PROP_RIR] = g_param_spec_uint ("rir", NULL, NULL,
                                            NL_SETS_RIR_MIN, NL_SETS_RIR_MAX,
                                            NL_SETS_RIR_DEFAULT, flags);
  properties[PROP_REST_S] = g_param_spec_uint ("rest-s", NULL, NULL, 0, NL_SETS_REST_MAX, 0, flags);
  properties[PROP_BFR] = g_param_spec_boolean ("bfr", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nl_node_install_changed_signal (object_class);
}

static void
nl_set_group_init (NlSetGroup *self)
{
  self->side = NL_SIDE_BOTH;
  self->count = 3;
  self->reps = 10;
  self->load_pct = 70;
  self->rir = NL_SETS_RIR_DEFAULT;
  _nl_node_forward_notify (G_OBJECT (self));
}

/**
 * nl_set_group_new:
 * @exercise: a catalogue or custom exercise id
 *
 * Returns: (transfer full): 3 × 10 at 70 % 1RM, 2 reps in reserve, both sides.
 */
NlSetGroup *
nl_set_group_new (const char *exercise)
{
  return g_object_new (NL_TYPE_SET_GROUP, "exercise", exercise, NULL);
}

NlSetGroup *
nl_set_group_copy (NlSetGroup *self)
{
  NlSetGroup *copy;

  g_return_val_if_fail (NL_IS_SET_GROUP (self), NULL);

  copy = nl_set_group_new (self->exercise);
  copy->side = self->side;
  copy->count = self->count;
  copy->reps = self->reps;
  copy->load_pct = self->load_pct;
  copy->rir = self->rir;
  copy->rest_s = self->rest_s;
  copy->bfr = self->bfr;
  return copy;
}

const char *
nl_set_group_get_exercise (NlSetGroup *self)
{
  g_return_val_if_fail (NL_IS_SET_GROUP (self), NULL);
  return self->exercise;
}

void
nl_set_group_set_exercise (NlSetGroup *self,
                           const char *exercise)
{
  g_return_if_fail (NL_IS_SET_GROUP (self));

  if (_nl_set_str (&self->exercise, exercise))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE]);
}

NlSide
nl_set_group_get_side (NlSetGroup *self)
{
  g_return_val_if_fail (NL_IS_SET_GROUP (self), NL_SIDE_BOTH);
  return self->side;
}

void
nl_set_group_set_side (NlSetGroup *self,
                       NlSide      side)
{
  g_return_if_fail (NL_IS_SET_GROUP (self));
  g_return_if_fail (side <= NL_SIDE_RIGHT);

  if (self->side == side)
    return;
  self->side = side;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

#define SET_UINT(field, PROP, lo, hi)                                   \
  G_STMT_START {                                                        \
    guint v_ = CLAMP (field##_value, (guint) (lo), (guint) (hi));       \
    if (self->field == v_)                                              \
      return;                                                           \
    self->field = v_;                                                   \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);       \
  } G_STMT_END

guint
nl_set_group_get_count (NlSetGroup *self)
{
  g_return_val_if_fail (NL_IS_SET_GROUP (self), 0);
  return self->count;
}

void
nl_set_group_set_count (NlSetGroup *self,
                        guint       count_value)
{
  g_return_if_fail (NL_IS_SET_GROUP (self));
  SET_UINT (count, PROP_COUNT, NL_SETS_COUNT_MIN, NL_SETS_COUNT_MAX);
}

guint
nl_set_group_get_reps (NlSetGroup *self)
{
  g_return_val_if_fail (NL_IS_SET_GROUP (self), 0);
  return self->reps;
}

void
nl_set_group_set_reps (NlSetGroup *self,
                       guint       reps_value)
{
  g_return_if_fail (NL_IS_SET_GROUP (self));
  SET_UINT (reps, PROP_REPS, NL_SETS_REPS_MIN, NL_SETS_REPS_MAX);
}

double
nl_set_group_get_load_pct (NlSetGroup *self)
{
  g_return_val_if_fail (NL_IS_SET_GROUP (self), 0);
  return self->load_pct;
}

void
nl_set_group_set_load_pct (NlSetGroup *self,
                           double      load_pct)
{
  g_return_if_fail (NL_IS_SET_GROUP (self));

  if (!isfinite (load_pct))
    return;
  /* The file stores two decimals; keeping the same precision in memory makes
   * save-then-load give an equal document. */
  load_pct = round (CLAMP (load_pct, NL_SETS_LOAD_MIN, NL_SETS_LOAD_MAX) * 100.0) / 100.0;
  if (self->load_pct == load_pct)
    return;
  self->load_pct = load_pct;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_PCT]);
}

guint
nl_set_group_get_rir (NlSetGroup *self)
{
  g_return_val_if_fail (NL_IS_SET_GROUP (self), 0);
  return self->rir;
}

void
nl_set_group_set_rir (NlSetGroup *self,
                      guint       rir_value)
{
  g_return_if_fail (NL_IS_SET_GROUP (self));
  /* NL_SETS_RIR_MIN is 0: only the upper bound can be crossed. */
  rir_value = MIN (rir_value, (guint) NL_SETS_RIR_MAX);
  if (self->rir == rir_value)
    return;
  self->rir = rir_value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RIR]);
}

guint
nl_set_group_get_rest_s (NlSetGroup *self)
{
  g_return_val_if_fail (NL_IS_SET_GROUP (self), 0);
  return self->rest_s;
}

void
nl_set_group_set_rest_s (NlSetGroup *self,
                         guint       rest_s_value)
{
  g_return_if_fail (NL_IS_SET_GROUP (self));

  /* 0 means "not given"; anything else is kept inside the format's range. */
  if (rest_s_value == 0)
    {
      if (self->rest_s == 0)
        return;
      self->rest_s = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REST_S]);
      return;
    }
  SET_UINT (rest_s, PROP_REST_S, NL_SETS_REST_MIN, NL_SETS_REST_MAX);
}

gboolean
nl_set_group_get_bfr (NlSetGroup *self)
{
  g_return_val_if_fail (NL_IS_SET_GROUP (self), FALSE);
  return self->bfr;
}

void
nl_set_group_set_bfr (NlSetGroup *self,
                      gboolean    bfr)
{
  g_return_if_fail (NL_IS_SET_GROUP (self));

  bfr = !!bfr;
  if (self->bfr == bfr)
    return;
  self->bfr = bfr;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BFR]);
}
