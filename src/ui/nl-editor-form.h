/* nl-editor-form.h — the form for the item selected in the outline
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the fields of a programme, custom exercise, phase, session or set
 * group.  Every change goes through the undo stack; changes made elsewhere
 * (undo, redo) show up in the fields at once.
 */
#pragma once

#include <adwaita.h>

#include "nl-program.h"
#include "nl-undo-stack.h"

G_BEGIN_DECLS

#define NL_TYPE_EDITOR_FORM (nl_editor_form_get_type ())

G_DECLARE_FINAL_TYPE (NlEditorForm, nl_editor_form, NL, EDITOR_FORM, GtkWidget)

GtkWidget *nl_editor_form_new              (void);
void       nl_editor_form_set_item         (NlEditorForm *self,
                                            NlProgram    *program,
                                            NlUndoStack  *undo_stack,
                                            GObject      *item);
GObject   *nl_editor_form_get_item         (NlEditorForm *self);
/* The input widget for @property of the current item (for tests and
 * keyboard focus), or NULL. */
GtkWidget *nl_editor_form_get_field        (NlEditorForm *self,
                                            const char   *property);
/* Marks the fields that nl_program_check() finds fault with. */
void       nl_editor_form_show_problems    (NlEditorForm *self,
                                            GPtrArray    *problems);

G_END_DECLS
