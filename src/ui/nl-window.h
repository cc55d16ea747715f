/* nl-window.h — a Neurolift window: one programme, its outline, editor and views
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "nl-application.h"
#include "nl-program.h"
#include "nl-simulation.h"
#include "nl-undo-stack.h"

G_BEGIN_DECLS

#define NL_TYPE_WINDOW (nl_window_get_type ())

G_DECLARE_FINAL_TYPE (NlWindow, nl_window, NL, WINDOW, AdwApplicationWindow)

NlWindow    *nl_window_new                (NlApplication *application);

/* Loads @file; on failure shows the error page with every problem as
 * FILE:LINE:COLUMN: message.  Returns whether it loaded. */
gboolean     nl_window_open               (NlWindow      *self,
                                           GFile         *file);
/* As nl_window_open() with the result of loading @file already at hand:
 * @program, or NULL and the load's @diagnostics and @error. */
gboolean     nl_window_open_loaded        (NlWindow      *self,
                                           GFile         *file,
                                           NlProgram     *program,
                                           GPtrArray     *diagnostics,
                                           const GError  *error);
/* Shows @program as a new document with no file (from a template). */
void         nl_window_set_new_program    (NlWindow      *self,
                                           NlProgram     *program);
void         nl_window_show_templates     (NlWindow      *self);
/* Offers the recovery files found at start; returns TRUE if there were any. */
gboolean     nl_window_offer_recovery     (NlWindow      *self);
/* TRUE when the window shows no document (empty, templates or error page). */
gboolean     nl_window_is_empty           (NlWindow      *self);

/* Saves to @file (no dialog); the document becomes that file's. */
gboolean     nl_window_save_to_file       (NlWindow      *self,
                                           GFile         *file,
                                           GError       **error);

/* Milliseconds between autosaves of unsaved edits (default
 * NL_RECOVERY_INTERVAL_S seconds); applies to the open and later documents. */
void         nl_window_set_autosave_interval (NlWindow   *self,
                                              guint       ms);
/* The recovery file of the open document. */
const char  *nl_window_get_recovery_path  (NlWindow      *self);

/* What dropping the row of @dragged onto the row of @target does (one undo
 * step): reorders within a list, moves into another list of the same kind,
 * or appends into a container (sets onto a session, a session onto a
 * phase).  Returns FALSE when such a drop means nothing. */
gboolean     nl_window_drop_item          (NlWindow      *self,
                                           GObject       *dragged,
                                           GObject       *target);

/* Accessors, also for tests. */
NlProgram   *nl_window_get_program        (NlWindow      *self);
GFile       *nl_window_get_file           (NlWindow      *self);
NlUndoStack *nl_window_get_undo_stack     (NlWindow      *self);
gboolean     nl_window_get_modified       (NlWindow      *self);
/* The title as shown in the header bar, with its unsaved-changes mark. */
const char  *nl_window_get_title_text     (NlWindow      *self);
/* "empty", "templates", "error" or "document". */
const char  *nl_window_get_page           (NlWindow      *self);
/* The text of the error page. */
const char  *nl_window_get_error_text     (NlWindow      *self);
/* The sidebar's rows: a GListModel of GtkTreeListRow. */
GListModel  *nl_window_get_outline_model  (NlWindow      *self);
gboolean     nl_window_select_item        (NlWindow      *self,
                                           GObject       *item);
GObject     *nl_window_get_selected_item  (NlWindow      *self);
GtkWidget   *nl_window_get_editor_form    (NlWindow      *self);
/* The first line of the problems banner, or NULL when hidden. */
const char  *nl_window_get_problems_text  (NlWindow      *self);
/* The day shown by the views (0 = the programme's first day). */
guint        nl_window_get_day            (NlWindow      *self);
/* The model run for the open programme (shared by the views). */
NlSimulation *nl_window_get_simulation    (NlWindow      *self);
/* The Trends view, or NULL until it has first been shown. */
GtkWidget   *nl_window_get_trends_page    (NlWindow      *self);
/* The keyboard-shortcuts window, built on the first call. */
GtkWindow   *nl_window_get_shortcuts_window (NlWindow    *self);

G_END_DECLS
