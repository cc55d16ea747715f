/* nl-undo-stack.c — undo and redo for edits of a programme document
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-undo-stack.h"

typedef enum {
  CMD_PROPERTY,
  CMD_INSERT,
  CMD_REMOVE,
  CMD_MOVE,
  CMD_GROUP,
} CmdKind;

typedef struct {
  CmdKind     kind;
  char       *label;
  GObject    *object;      /* the node (property) or the container (lists) */
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
  gint64      time;
  GObject    *item;        /* inserted or removed item */
  GType       item_type;
  guint       position;    /* insert/remove position, move source */
  guint       to;          /* move destination */
  GPtrArray  *children;    /* group */
} Cmd;

struct _NlUndoStack
{
  GObject    parent_instance;

  GPtrArray *commands;     /* of Cmd; [0, position) are applied */
  guint      position;
  int        clean;        /* position of the saved state, -1 if unreachable */
  Cmd       *group;        /* the open group */
  guint      group_depth;
  guint      coalesce_ms;
  gboolean   coalesce_broken;
  GObject   *last_changed;  /* whose property the last undo or redo set */
};

G_DEFINE_FINAL_TYPE (NlUndoStack, nl_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cmd_free (gpointer data)
{
  Cmd *cmd = data;

  g_free (cmd->label);
  g_clear_object (&cmd->object);
  g_clear_object (&cmd->item);
  if (G_IS_VALUE (&cmd->old_value))
    g_value_unset (&cmd->old_value);
  if (G_IS_VALUE (&cmd->new_value))
    g_value_unset (&cmd->new_value);
  g_clear_pointer (&cmd->children, g_ptr_array_unref);
  g_free (cmd);
}

static void
notify_state (NlUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Lists of the document, by container and item type. */

static GListModel *
list_for (gpointer container,
          GType    item_type)
{
  if (NL_IS_PROGRAM (container) && item_type == NL_TYPE_PHASE)
    return nl_program_get_phases (container);
  if (NL_IS_PROGRAM (container) && item_type == NL_TYPE_EXERCISE)
    return nl_program_get_exercises (container);
  if (NL_IS_PHASE (container) && item_type == NL_TYPE_SESSION)
    return nl_phase_get_sessions (container);
  if (NL_IS_SESSION (container) && item_type == NL_TYPE_SET_GROUP)
    return nl_session_get_sets (container);
  g_critical ("No list of %s in a %s", g_type_name (item_type), G_OBJECT_TYPE_NAME (container));
  return NULL;
}

static void
list_insert (gpointer container,
             guint    position,
             gpointer item)
{
  if (NL_IS_PROGRAM (container) && NL_IS_PHASE (item))
    nl_program_insert_phase (container, position, item);
  else if (NL_IS_PROGRAM (container) && NL_IS_EXERCISE (item))
    nl_program_insert_exercise (container, position, item);
  else if (NL_IS_PHASE (container) && NL_IS_SESSION (item))
    nl_phase_insert_session (container, position, item);
  else if (NL_IS_SESSION (container) && NL_IS_SET_GROUP (item))
    nl_session_insert_sets (container, position, item);
  else
    g_critical ("Cannot insert a %s into a %s", G_OBJECT_TYPE_NAME (item),
                G_OBJECT_TYPE_NAME (container));
}

static void
list_remove (gpointer container,
             GType    item_type,
             guint    position)
{
  if (NL_IS_PROGRAM (container) && item_type == NL_TYPE_PHASE)
    nl_program_remove_phase (container, position);
  else if (NL_IS_PROGRAM (container) && item_type == NL_TYPE_EXERCISE)
    nl_program_remove_exercise (container, position);
  else if (NL_IS_PHASE (container))
    nl_phase_remove_session (container, position);
  else if (NL_IS_SESSION (container))
    nl_session_remove_sets (container, position);
}

static void
list_move (gpointer container,
           GType    item_type,
           guint    from,
           guint    to)
{
  if (NL_IS_PROGRAM (container) && item_type == NL_TYPE_PHASE)
    nl_program_move_phase (container, from, to);
  else if (NL_IS_PROGRAM (container) && item_type == NL_TYPE_EXERCISE)
    nl_program_move_exercise (container, from, to);
  else if (NL_IS_PHASE (container))
    nl_phase_move_session (container, from, to);
  else if (NL_IS_SESSION (container))
    nl_session_move_sets (container, from, to);
}

static void
cmd_apply (Cmd      *cmd,
           gboolean  forward)
{
  switch (cmd->kind)
    {
    case CMD_PROPERTY:
      g_object_set_property (cmd->object, cmd->pspec->name,
                             forward ? &cmd->new_value : &cmd->old_value);
      break;

    case CMD_INSERT:
      if (forward)
        list_insert (cmd->object, cmd->position, cmd->item);
      else
        list_remove (cmd->object, cmd->item_type, cmd->position);
      break;

    case CMD_REMOVE:
      if (forward)
        list_remove (cmd->object, cmd->item_type, cmd->position);
      else
        list_insert (cmd->object, cmd->position, cmd->item);
      break;

    case CMD_MOVE:
      if (forward)
        list_move (cmd->object, cmd->item_type, cmd->position, cmd->to);
      else
        list_move (cmd->object, cmd->item_type, cmd->to, cmd->position);
      break;

    case CMD_GROUP:
      if (forward)
        for (guint i = 0; i < cmd->children->len; i++)
          cmd_apply (g_ptr_array_index (cmd->children, i), TRUE);
      else
        for (guint i = cmd->children->len; i > 0; i--)
          cmd_apply (g_ptr_array_index (cmd->children, i - 1), FALSE);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Records an already applied command. */
static void
push (NlUndoStack *self,
      Cmd         *cmd)
{
  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, cmd);
      return;
    }

  /* A new edit drops what could have been redone. */
  if (self->position < self->commands->len)
    g_ptr_array_remove_range (self->commands, self->position,
                              self->commands->len - self->position);
  if (self->clean > (int) self->position)
    self->clean = -1;
  g_ptr_array_add (self->commands, cmd);
  self->position++;
  self->coalesce_broken = FALSE;
  notify_state (self);
}

static char *
property_label (GParamSpec *pspec)
{
  /* Translators: an undo step; %s is a property such as "reps" or "load-pct" */
  return g_strdup_printf (_("Change %s"), pspec->name);
}

gboolean
nl_undo_stack_set_property (NlUndoStack  *self,
                            GObject      *object,
                            const char   *property,
                            const GValue *value)
{
  GParamSpec *pspec;
  Cmd *top = NULL;
  GValue old_value = G_VALUE_INIT;
  GValue new_value = G_VALUE_INIT;
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (NL_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, FALSE);

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &old_value);
  g_object_set_property (object, pspec->name, value);
  /* Read back: setters clamp and round. */
  g_value_init (&new_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &new_value);

  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    {
      g_value_unset (&old_value);
      g_value_unset (&new_value);
      return FALSE;
    }

  if (self->group == NULL && self->position > 0
      && self->position == self->commands->len
      && self->clean != (int) self->position
      && !self->coalesce_broken)
    top = g_ptr_array_index (self->commands, self->position - 1);

  if (top != NULL && top->kind == CMD_PROPERTY && top->object == object
      && top->pspec == pspec && now - top->time <= (gint64) self->coalesce_ms * 1000)
    {
      g_value_unset (&top->new_value);
      top->new_value = new_value;
      top->time = now;
      g_value_unset (&old_value);
      notify_state (self);
      return TRUE;
    }

  {
    Cmd *cmd = g_new0 (Cmd, 1);

    cmd->kind = CMD_PROPERTY;
    cmd->label = property_label (pspec);
    cmd->object = g_object_ref (object);
    cmd->pspec = pspec;
    cmd->old_value = old_value;
    cmd->new_value = new_value;
    cmd->time = now;
    push (self, cmd);
  }
  return TRUE;
}

gboolean
nl_undo_stack_set_string (NlUndoStack *self,
                          gpointer     object,
                          const char  *property,
                          const char  *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return nl_undo_stack_set_property (self, object, property, &v);
}

gboolean
nl_undo_stack_set_uint (NlUndoStack *self,
                        gpointer     object,
                        const char  *property,
                        guint        value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_UINT);
  g_value_set_uint (&v, value);
  return nl_undo_stack_set_property (self, object, property, &v);
}

gboolean
nl_undo_stack_set_double (NlUndoStack *self,
                          gpointer     object,
                          const char  *property,
                          double       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  return nl_undo_stack_set_property (self, object, property, &v);
}

gboolean
nl_undo_stack_set_boolean (NlUndoStack *self,
                           gpointer     object,
                           const char  *property,
                           gboolean     value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  return nl_undo_stack_set_property (self, object, property, &v);
}

gboolean
nl_undo_stack_set_enum (NlUndoStack *self,
                        gpointer     object,
                        const char  *property,
                        int          value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, FALSE);

  g_value_init (&v, pspec->value_type);
  if (G_IS_PARAM_SPEC_FLAGS (pspec))
    g_value_set_flags (&v, (guint) value);
  else
    g_value_set_enum (&v, value);
  return nl_undo_stack_set_property (self, object, property, &v);
}

void
nl_undo_stack_insert (NlUndoStack *self,
                      gpointer     container,
                      guint        position,
                      gpointer     item)
{
  Cmd *cmd;

  g_return_if_fail (NL_IS_UNDO_STACK (self));
  g_return_if_fail (G_IS_OBJECT (item));

  list_insert (container, position, item);
  cmd = g_new0 (Cmd, 1);
  cmd->kind = CMD_INSERT;
  cmd->label = g_strdup (_("Add"));
  cmd->object = g_object_ref (container);
  cmd->item = g_object_ref (item);
  cmd->item_type = G_OBJECT_TYPE (item);
  cmd->position = position;
  push (self, cmd);
}

void
nl_undo_stack_remove (NlUndoStack *self,
                      gpointer     container,
                      GType        item_type,
                      guint        position)
{
  GListModel *list;
  Cmd *cmd;

  g_return_if_fail (NL_IS_UNDO_STACK (self));

  list = list_for (container, item_type);
  g_return_if_fail (list != NULL);
  g_return_if_fail (position < g_list_model_get_n_items (list));

  cmd = g_new0 (Cmd, 1);
  cmd->kind = CMD_REMOVE;
  cmd->label = g_strdup (_("Remove"));
  cmd->object = g_object_ref (container);
  cmd->item = g_list_model_get_item (list, position);
  cmd->item_type = item_type;
  cmd->position = position;
  list_remove (container, item_type, position);
  push (self, cmd);
}

void
nl_undo_stack_move (NlUndoStack *self,
                    gpointer     container,
                    GType        item_type,
                    guint        from,
                    guint        to)
{
  GListModel *list;
  guint n;
  Cmd *cmd;

  g_return_if_fail (NL_IS_UNDO_STACK (self));

  list = list_for (container, item_type);
  g_return_if_fail (list != NULL);
  n = g_list_model_get_n_items (list);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  list_move (container, item_type, from, to);
  cmd = g_new0 (Cmd, 1);
  cmd->kind = CMD_MOVE;
  cmd->label = g_strdup (_("Move"));
  cmd->object = g_object_ref (container);
  cmd->item_type = item_type;
  cmd->position = from;
  cmd->to = to;
  push (self, cmd);
}

void
nl_undo_stack_begin_group (NlUndoStack *self,
                           const char  *label)
{
  g_return_if_fail (NL_IS_UNDO_STACK (self));

  if (self->group_depth++ > 0)
    return;
  self->group = g_new0 (Cmd, 1);
  self->group->kind = CMD_GROUP;
  self->group->label = g_strdup (label);
  self->group->children = g_ptr_array_new_with_free_func (cmd_free);
}

void
nl_undo_stack_end_group (NlUndoStack *self)
{
  Cmd *group;

  g_return_if_fail (NL_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    cmd_free (group);
  else
    push (self, group);
}

gboolean
nl_undo_stack_can_undo (NlUndoStack *self)
{
  g_return_val_if_fail (NL_IS_UNDO_STACK (self), FALSE);
  return self->group == NULL && self->position > 0;
}

gboolean
nl_undo_stack_can_redo (NlUndoStack *self)
{
  g_return_val_if_fail (NL_IS_UNDO_STACK (self), FALSE);
  return self->group == NULL && self->position < self->commands->len;
}

/* The node whose property @cmd sets (a group's first such node), or NULL. */
static GObject *
cmd_changed_object (Cmd *cmd)
{
  if (cmd->kind == CMD_PROPERTY)
    return cmd->object;
  if (cmd->kind == CMD_GROUP)
    for (guint i = 0; i < cmd->children->len; i++)
      {
        GObject *object = cmd_changed_object (g_ptr_array_index (cmd->children, i));

        if (object != NULL)
          return object;
      }
  return NULL;
}

GObject *
nl_undo_stack_get_last_changed (NlUndoStack *self)
{
  g_return_val_if_fail (NL_IS_UNDO_STACK (self), NULL);

  return self->last_changed;
}

gboolean
nl_undo_stack_undo (NlUndoStack *self)
{
  if (!nl_undo_stack_can_undo (self))
    return FALSE;
  self->position--;
  g_set_object (&self->last_changed, cmd_changed_object (g_ptr_array_index (self->commands, self->position)));
  cmd_apply (g_ptr_array_index (self->commands, self->position), FALSE);
  self->coalesce_broken = TRUE;
  notify_state (self);
  return TRUE;
}

gboolean
nl_undo_stack_redo (NlUndoStack *self)
{
  if (!nl_undo_stack_can_redo (self))
    return FALSE;
  g_set_object (&self->last_changed, cmd_changed_object (g_ptr_array_index (self->commands, self->position)));
  cmd_apply (g_ptr_array_index (self->commands, self->position), TRUE);
  self->position++;
  self->coalesce_broken = TRUE;
  notify_state (self);
  return TRUE;
}

const char *
nl_undo_stack_get_undo_label (NlUndoStack *self)
{
  Cmd *cmd;

  if (!nl_undo_stack_can_undo (self))
    return NULL;
  cmd = g_ptr_array_index (self->commands, self->position - 1);
  return cmd->label;
}

const char *
nl_undo_stack_get_redo_label (NlUndoStack *self)
{
  Cmd *cmd;

  if (!nl_undo_stack_can_redo (self))
    return NULL;
  cmd = g_ptr_array_index (self->commands, self->position);
  return cmd->label;
}

guint
nl_undo_stack_get_n_steps (NlUndoStack *self)
{
  g_return_val_if_fail (NL_IS_UNDO_STACK (self), 0);
  return self->commands->len;
}

void
nl_undo_stack_break_coalescing (NlUndoStack *self)
{
  g_return_if_fail (NL_IS_UNDO_STACK (self));
  self->coalesce_broken = TRUE;
}

void
nl_undo_stack_set_coalesce_timeout (NlUndoStack *self,
                                    guint        ms)
{
  g_return_if_fail (NL_IS_UNDO_STACK (self));
  self->coalesce_ms = ms;
}

void
nl_undo_stack_set_clean (NlUndoStack *self)
{
  g_return_if_fail (NL_IS_UNDO_STACK (self));
  self->clean = (int) self->position;
  self->coalesce_broken = TRUE;
  notify_state (self);
}

void
nl_undo_stack_set_unclean (NlUndoStack *self)
{
  g_return_if_fail (NL_IS_UNDO_STACK (self));
  self->clean = -1;
  notify_state (self);
}

gboolean
nl_undo_stack_get_modified (NlUndoStack *self)
{
  g_return_val_if_fail (NL_IS_UNDO_STACK (self), FALSE);
  return self->clean != (int) self->position;
}

void
nl_undo_stack_clear (NlUndoStack *self)
{
  g_return_if_fail (NL_IS_UNDO_STACK (self));
  g_ptr_array_set_size (self->commands, 0);
  self->position = 0;
  self->clean = 0;
  g_clear_object (&self->last_changed);
  notify_state (self);
}

static void
nl_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NlUndoStack *self = NL_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO: g_value_set_boolean (value, nl_undo_stack_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, nl_undo_stack_can_redo (self)); break;
    case PROP_MODIFIED: g_value_set_boolean (value, nl_undo_stack_get_modified (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_undo_stack_finalize (GObject *object)
{
  NlUndoStack *self = NL_UNDO_STACK (object);

  g_clear_pointer (&self->group, cmd_free);
  g_clear_pointer (&self->commands, g_ptr_array_unref);
  g_clear_object (&self->last_changed);
  G_OBJECT_CLASS (nl_undo_stack_parent_class)->finalize (object);
}

static void
nl_undo_stack_class_init (NlUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = nl_undo_stack_get_property;
  object_class->finalize = nl_undo_stack_finalize;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nl_undo_stack_init (NlUndoStack *self)
{
  self->commands = g_ptr_array_new_with_free_func (cmd_free);
  self->coalesce_ms = NL_UNDO_COALESCE_MS;
}

NlUndoStack *
nl_undo_stack_new (void)
{
  return g_object_new (NL_TYPE_UNDO_STACK, NULL);
}
