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
/* What the dialog's filters list. */
typedef enum {
  NL_FILE_KIND_ANY,
  NL_FILE_KIND_FIGURE,      /* PNG, SVG or PDF */
  NL_FILE_KIND_CSV,
  NL_FILE_KIND_PROGRAMME,
} NlFileKind;

typedef void (*NlFileChosenFunc) (GObject *owner,
                                  GFile   *file);

/* @owner is kept alive until the dialog closes. */
/* The file filters for @kind (GtkFileFilter), the first the default; none
 * for any file. */
GListStore *nl_export_dialog_new_filters (NlFileKind kind);

/* @initial_folder may be NULL (the toolkit's choice).  A file chosen to
 * save to whose name has no extension gets @kind's usual one (.png for a
 * figure, .csv), as long as no file of that name exists. */
void nl_export_dialog_run        (GtkWindow        *parent,
                                  NlFileDialogMode  mode,
                                  NlFileKind        kind,
                                  const char       *title,
                                  const char       *initial_name,
                                  GFile            *initial_folder,
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
