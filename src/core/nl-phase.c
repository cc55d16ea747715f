/* nl-phase.c — one phase of a programme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "nl-child-list.h"
#include "nl-phase.h"

struct _NlPhase
{
  GObject      parent_instance;

  char        *name;
  NlPhaseKind  kind;
  guint        weeks;
  NlLimbs      immobilized;
  double       load_pct_per_week;
  NlChildList  sessions;
};

G_DEFINE_FINAL_TYPE (NlPhase, nl_phase, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_WEEKS,
  PROP_IMMOBILIZED,
  PROP_LOAD_PCT_PER_WEEK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nl_phase_dispose (GObject *object)
{
  NlPhase *self = NL_PHASE (object);

  _nl_child_list_clear (&self->sessions);
  G_OBJECT_CLASS (nl_phase_parent_class)->dispose (object);
}

static void
nl_phase_finalize (GObject *object)
{
  NlPhase *self = NL_PHASE (object);

  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (nl_phase_parent_class)->finalize (object);
}

static void
nl_phase_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NlPhase *self = NL_PHASE (object);

  switch (prop_id)
    {
    case PROP_NAME:              g_value_set_string (value, self->name); break;
    case PROP_KIND:              g_value_set_enum (value, self->kind); break;
    case PROP_WEEKS:             g_value_set_uint (value, self->weeks); break;
    case PROP_IMMOBILIZED:       g_value_set_flags (value, self->immobilized); break;
    case PROP_LOAD_PCT_PER_WEEK: g_value_set_double (value, self->load_pct_per_week); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_phase_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  NlPhase *self = NL_PHASE (object);

  switch (prop_id)
    {
    case PROP_NAME:        nl_phase_set_name (self, g_value_get_string (value)); break;
    case PROP_KIND:        nl_phase_set_kind (self, g_value_get_enum (value)); break;
    case PROP_WEEKS:       nl_phase_set_weeks (self, g_value_get_uint (value)); break;
    case PROP_IMMOBILIZED: nl_phase_set_immobilized (self, g_value_get_flags (value)); break;
    case PROP_LOAD_PCT_PER_WEEK:
      nl_phase_set_load_pct_per_week (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_phase_class_init (NlPhaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = nl_phase_dispose;
  object_class->finalize = nl_phase_finalize;
  object_class->get_property = nl_phase_get_property;
  object_class->set_property = nl_phase_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL,
                                             NL_TYPE_PHASE_KIND, NL_PHASE_TRAINING, flags);
  properties[PROP_WEEKS] = g_param_spec_uint ("weeks", NULL, NULL,
                                              NL_PHASE_WEEKS_MIN, NL_PHASE_WEEKS_MAX, 4, flags);
  properties[PROP_IMMOBILIZED] = g_param_spec_flags ("immobilized", NULL, NULL,
                                                     NL_TYPE_LIMBS, NL_LIMB_NONE, flags);
  properties[PROP_LOAD_PCT_PER_WEEK] = g_param_spec_double ("load-pct-per-week", NULL, NULL,
                                                            NL_PROGRESSION_MIN,
                                                            NL_PROGRESSION_MAX, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nl_node_install_changed_signal (object_class);
}

static void
nl_phase_init (NlPhase *self)
{
  self->kind = NL_PHASE_TRAINING;
  self->weeks = 4;
  _nl_child_list_init (&self->sessions, G_OBJECT (self), NL_TYPE_SESSION);
  _nl_node_forward_notify (G_OBJECT (self));
}

NlPhase *
nl_phase_new (NlPhaseKind kind,
              guint       weeks)
{
  return g_object_new (NL_TYPE_PHASE, "kind", kind, "weeks", weeks, NULL);
}

/**
 * nl_phase_copy:
 *
 * Returns: (transfer full): a deep copy with copies of every session.
 */
NlPhase *
nl_phase_copy (NlPhase *self)
{
  NlPhase *copy;

  g_return_val_if_fail (NL_IS_PHASE (self), NULL);

  copy = nl_phase_new (self->kind, self->weeks);
  nl_phase_set_name (copy, self->name);
  copy->immobilized = self->immobilized;
  copy->load_pct_per_week = self->load_pct_per_week;
  for (guint i = 0; i < _nl_child_list_length (&self->sessions); i++)
    {
      g_autoptr(NlSession) session = nl_session_copy (_nl_child_list_peek (&self->sessions, i));

      nl_phase_insert_session (copy, i, session);
    }
  return copy;
}

const char *
nl_phase_get_name (NlPhase *self)
{
  g_return_val_if_fail (NL_IS_PHASE (self), NULL);
  return self->name;
}

/* An empty or blank name is stored as no name (the file has no blank names). */
void
nl_phase_set_name (NlPhase    *self,
                   const char *name)
{
  g_return_if_fail (NL_IS_PHASE (self));

  if (_nl_set_optional_name (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

NlPhaseKind
nl_phase_get_kind (NlPhase *self)
{
  g_return_val_if_fail (NL_IS_PHASE (self), NL_PHASE_TRAINING);
  return self->kind;
}

void
nl_phase_set_kind (NlPhase     *self,
                   NlPhaseKind  kind)
{
  g_return_if_fail (NL_IS_PHASE (self));
  g_return_if_fail (kind <= NL_PHASE_IMMOBILIZATION);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

guint
nl_phase_get_weeks (NlPhase *self)
{
  g_return_val_if_fail (NL_IS_PHASE (self), 0);
  return self->weeks;
}

void
nl_phase_set_weeks (NlPhase *self,
                    guint    weeks)
{
  g_return_if_fail (NL_IS_PHASE (self));

  weeks = CLAMP (weeks, NL_PHASE_WEEKS_MIN, NL_PHASE_WEEKS_MAX);
  if (self->weeks == weeks)
    return;
  self->weeks = weeks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKS]);
}

NlLimbs
nl_phase_get_immobilized (NlPhase *self)
{
  g_return_val_if_fail (NL_IS_PHASE (self), NL_LIMB_NONE);
  return self->immobilized;
}

void
nl_phase_set_immobilized (NlPhase *self,
                          NlLimbs  limbs)
{
  g_return_if_fail (NL_IS_PHASE (self));

  limbs &= NL_LIMB_BOTH;
  if (self->immobilized == limbs)
    return;
  self->immobilized = limbs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMMOBILIZED]);
}

double
nl_phase_get_load_pct_per_week (NlPhase *self)
{
  g_return_val_if_fail (NL_IS_PHASE (self), 0);
  return self->load_pct_per_week;
}

void
nl_phase_set_load_pct_per_week (NlPhase *self,
                                double   pct)
{
  g_return_if_fail (NL_IS_PHASE (self));

  if (!isfinite (pct))
    return;
  pct = round (CLAMP (pct, NL_PROGRESSION_MIN, NL_PROGRESSION_MAX) * 100.0) / 100.0;
  if (self->load_pct_per_week == pct)
    return;
  self->load_pct_per_week = pct;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_PCT_PER_WEEK]);
}

GListModel *
nl_phase_get_sessions (NlPhase *self)
{
  g_return_val_if_fail (NL_IS_PHASE (self), NULL);
  return G_LIST_MODEL (self->sessions.store);
}

void
nl_phase_insert_session (NlPhase   *self,
                         guint      position,
                         NlSession *session)
{
  g_return_if_fail (NL_IS_PHASE (self));
  g_return_if_fail (NL_IS_SESSION (session));
  _nl_child_list_insert (&self->sessions, position, session);
}

void
nl_phase_remove_session (NlPhase *self,
                         guint    position)
{
  g_return_if_fail (NL_IS_PHASE (self));
  _nl_child_list_remove (&self->sessions, position);
}

void
nl_phase_move_session (NlPhase *self,
                       guint    from,
                       guint    to)
{
  g_return_if_fail (NL_IS_PHASE (self));
  _nl_child_list_move (&self->sessions, from, to);
}
