/* nl-session.c — one session of a phase's weekly template
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nl-child-list.h"
#include "nl-core-types.h"
#include "nl-session.h"

struct _NlSession
{
  GObject      parent_instance;

  guint        day;
  char        *name;
  NlChildList  sets;
};

G_DEFINE_FINAL_TYPE (NlSession, nl_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAY,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nl_session_dispose (GObject *object)
{
  NlSession *self = NL_SESSION (object);

  _nl_child_list_clear (&self->sets);
  G_OBJECT_CLASS (nl_session_parent_class)->dispose (object);
}

static void
nl_session_finalize (GObject *object)
{
  NlSession *self = NL_SESSION (object);

  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (nl_session_parent_class)->finalize (object);
}

static void
nl_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NlSession *self = NL_SESSION (object);

  switch (prop_id)
    {
    case PROP_DAY:  g_value_set_uint (value, self->day); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NlSession *self = NL_SESSION (object);

  switch (prop_id)
    {
    case PROP_DAY:  nl_session_set_day (self, g_value_get_uint (value)); break;
    case PROP_NAME: nl_session_set_name (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_session_class_init (NlSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = nl_session_dispose;
  object_class->finalize = nl_session_finalize;
  object_class->get_property = nl_session_get_property;
  object_class->set_property = nl_session_set_property;

  properties[PROP_DAY] = g_param_spec_uint ("day", NULL, NULL,
                                            NL_SESSION_DAY_MIN, NL_SESSION_DAY_MAX, 1, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nl_node_install_changed_signal (object_class);
}

static void
nl_session_init (NlSession *self)
{
  self->day = 1;
  _nl_child_list_init (&self->sets, G_OBJECT (self), NL_TYPE_SET_GROUP);
  _nl_node_forward_notify (G_OBJECT (self));
}

NlSession *
nl_session_new (guint day)
{
  return g_object_new (NL_TYPE_SESSION, "day", day, NULL);
}

/**
 * nl_session_copy:
 *
 * Returns: (transfer full): a deep copy with copies of every set group.
 */
NlSession *
nl_session_copy (NlSession *self)
{
  NlSession *copy;

  g_return_val_if_fail (NL_IS_SESSION (self), NULL);

  copy = nl_session_new (self->day);
  nl_session_set_name (copy, self->name);
  for (guint i = 0; i < _nl_child_list_length (&self->sets); i++)
    {
      g_autoptr(NlSetGroup) sets = nl_set_group_copy (_nl_child_list_peek (&self->sets, i));

      nl_session_insert_sets (copy, i, sets);
    }
  return copy;
}

guint
nl_session_get_day (NlSession *self)
{
  g_return_val_if_fail (NL_IS_SESSION (self), 0);
  return self->day;
}

void
nl_session_set_day (NlSession *self,
                    guint      day)
{
  g_return_if_fail (NL_IS_SESSION (self));

  day = CLAMP (day, NL_SESSION_DAY_MIN, NL_SESSION_DAY_MAX);
  if (self->day == day)
    return;
  self->day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

const char *
nl_session_get_name (NlSession *self)
{
  g_return_val_if_fail (NL_IS_SESSION (self), NULL);
  return self->name;
}

/* An empty or blank name is stored as no name (the file has no blank names). */
void
nl_session_set_name (NlSession  *self,
                     const char *name)
{
  g_return_if_fail (NL_IS_SESSION (self));

  if (_nl_set_optional_name (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

GListModel *
nl_session_get_sets (NlSession *self)
{
  g_return_val_if_fail (NL_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->sets.store);
}

void
nl_session_insert_sets (NlSession  *self,
                        guint       position,
                        NlSetGroup *sets)
{
  g_return_if_fail (NL_IS_SESSION (self));
  g_return_if_fail (NL_IS_SET_GROUP (sets));
  _nl_child_list_insert (&self->sets, position, sets);
}

void
nl_session_remove_sets (NlSession *self,
                        guint      position)
{
  g_return_if_fail (NL_IS_SESSION (self));
  _nl_child_list_remove (&self->sets, position);
}

void
nl_session_move_sets (NlSession *self,
                      guint      from,
                      guint      to)
{
  g_return_if_fail (NL_IS_SESSION (self));
  _nl_child_list_move (&self->sets, from, to);
}
