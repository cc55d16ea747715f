/* nl-export-dialog.h — file dialogs for export and for opening a comparison
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkFileChooserNative on GTK 4.8, GtkFileDialog from GTK 4.10.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  NL_FILE_DIALOG_SAVE,
  NL_FILE_DIALOG_OPEN,
  NL_FILE_DIALOG_FOLDER,
} NlFileDialogMode;

/* Called with the chosen file, never when the user cancels. */
typedef void (*NlFileChosenFunc) (GObject *owner,
                                  GFile   *file);

/* @owner is kept alive until the dialog closes. */
void nl_export_dialog_run        (GtkWindow        *parent,
                                  NlFileDialogMode  mode,
                                  const char       *title,
                                  const char       *initial_name,
                                  GObject          *owner,
                                  NlFileChosenFunc  callback);

/* A modal message with the error's text. */
void nl_export_dialog_show_error (GtkWindow        *parent,
                                  const char       *heading,
                                  const GError     *error);
/* A toast in @widget's window (through its "win.toast" action; nothing
 * outside a window): @message, or "Exported “NAME”" for @file. */
void nl_export_dialog_show_toast  (GtkWidget        *widget,
                                  const char       *message);
void nl_export_dialog_show_done   (GtkWidget        *widget,
                                  GFile            *file);

G_END_DECLS
