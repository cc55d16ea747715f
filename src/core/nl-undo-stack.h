/* nl-undo-stack.h — undo and redo for edits of a programme document
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit goes through the stack: a property change of any document node,
 * or an insert, remove or move in one of its lists.  Consecutive changes of
 * the same property of the same node within the coalescing timeout merge into
 * one step, so typing a word is undone at once.  GLib only: no GTK here.
 */
#pragma once

#include <glib-object.h>

#include "nl-program.h"

G_BEGIN_DECLS

#define NL_TYPE_UNDO_STACK (nl_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (NlUndoStack, nl_undo_stack, NL, UNDO_STACK, GObject)

/* Default for the coalescing timeout, in milliseconds. */
#define NL_UNDO_COALESCE_MS 1500

NlUndoStack *nl_undo_stack_new                  (void);

/* Sets @property of @object (a document node) to @value and records the
 * change.  Returns FALSE (and records nothing) when the value is unchanged. */
gboolean     nl_undo_stack_set_property         (NlUndoStack  *self,
                                                 GObject      *object,
                                                 const char   *property,
                                                 const GValue *value);
/* Convenience wrappers for nl_undo_stack_set_property(). */
gboolean     nl_undo_stack_set_string           (NlUndoStack  *self,
                                                 gpointer      object,
                                                 const char   *property,
                                                 const char   *value);
gboolean     nl_undo_stack_set_uint             (NlUndoStack  *self,
                                                 gpointer      object,
                                                 const char   *property,
                                                 guint         value);
gboolean     nl_undo_stack_set_double           (NlUndoStack  *self,
                                                 gpointer      object,
                                                 const char   *property,
                                                 double        value);
gboolean     nl_undo_stack_set_boolean          (NlUndoStack  *self,
                                                 gpointer      object,
                                                 const char   *property,
                                                 gboolean      value);
/* For enum and flags properties. */
gboolean     nl_undo_stack_set_enum             (NlUndoStack  *self,
                                                 gpointer      object,
                                                 const char   *property,
                                                 int           value);

/* Structural edits.  @container is the NlProgram (for an NlPhase or an
 * NlExercise @item), an NlPhase (NlSession) or an NlSession (NlSetGroup). */
void         nl_undo_stack_insert               (NlUndoStack  *self,
                                                 gpointer      container,
                                                 guint         position,
                                                 gpointer      item);
void         nl_undo_stack_remove               (NlUndoStack  *self,
                                                 gpointer      container,
                                                 GType         item_type,
                                                 guint         position);
void         nl_undo_stack_move                 (NlUndoStack  *self,
                                                 gpointer      container,
                                                 GType         item_type,
                                                 guint         from,
                                                 guint         to);

/* Several edits as one step (nestable). */
void         nl_undo_stack_begin_group          (NlUndoStack  *self,
                                                 const char   *label);
void         nl_undo_stack_end_group            (NlUndoStack  *self);

gboolean     nl_undo_stack_can_undo             (NlUndoStack  *self);
gboolean     nl_undo_stack_can_redo             (NlUndoStack  *self);
gboolean     nl_undo_stack_undo                 (NlUndoStack  *self);
gboolean     nl_undo_stack_redo                 (NlUndoStack  *self);
/* The node whose property the last undo or redo set (for a group of
 * steps, the first such node), so that an editor can show it; NULL when
 * it only added, removed or moved nodes. */
GObject     *nl_undo_stack_get_last_changed     (NlUndoStack  *self);
/* What the next undo or redo would do, e.g. "Change count", or NULL. */
const char  *nl_undo_stack_get_undo_label       (NlUndoStack  *self);
const char  *nl_undo_stack_get_redo_label       (NlUndoStack  *self);
guint        nl_undo_stack_get_n_steps          (NlUndoStack  *self);

/* The next edit starts a new step even if it could merge. */
void         nl_undo_stack_break_coalescing     (NlUndoStack  *self);
void         nl_undo_stack_set_coalesce_timeout (NlUndoStack  *self,
                                                 guint         ms);

/* The document as it is now is the saved one; "modified" turns FALSE and
 * becomes TRUE again on any edit, undo or redo away from this state. */
void         nl_undo_stack_set_clean            (NlUndoStack  *self);
/* Marks the document modified with no step to undo back to clean (e.g. a
 * restored recovery file). */
void         nl_undo_stack_set_unclean          (NlUndoStack  *self);
gboolean     nl_undo_stack_get_modified         (NlUndoStack  *self);
void         nl_undo_stack_clear                (NlUndoStack  *self);

G_END_DECLS
