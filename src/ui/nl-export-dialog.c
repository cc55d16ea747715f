/* nl-export-dialog.c — file dialogs for export and for opening a comparison
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nl-export-dialog.h"
#include "nl-file-names.h"

typedef struct {
  GObject          *owner;
  NlFileChosenFunc  callback;
  NlFileDialogMode  mode;
  NlFileKind        kind;
} DialogData;

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern,
            const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  /* What a bare name gets while this filter is chosen ("*.svg" → ".svg"). */
  g_object_set_data_full (G_OBJECT (filter), "nl-extension", g_strdup (pattern + 1), g_free);
  return filter;
}

GListStore *
nl_export_dialog_new_filters (NlFileKind kind)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  switch (kind)
    {
    case NL_FILE_KIND_FIGURE:
      {
        g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
        g_autoptr(GtkFileFilter) png = new_filter (_("PNG image"), "*.png", "image/png");
        g_autoptr(GtkFileFilter) svg = new_filter (_("SVG image"), "*.svg", "image/svg+xml");
        g_autoptr(GtkFileFilter) pdf = new_filter (_("PDF document"), "*.pdf", "application/pdf");

        gtk_file_filter_set_name (all, _("Figures (PNG, SVG or PDF)"));
        gtk_file_filter_add_suffix (all, "png");
        gtk_file_filter_add_suffix (all, "svg");
        gtk_file_filter_add_suffix (all, "pdf");
        g_list_store_append (filters, all);
        g_list_store_append (filters, png);
        g_list_store_append (filters, svg);
        g_list_store_append (filters, pdf);
      }
      break;
    case NL_FILE_KIND_CSV:
      {
        g_autoptr(GtkFileFilter) csv = new_filter (_("CSV tables"), "*.csv", "text/csv");

        g_list_store_append (filters, csv);
      }
      break;
    case NL_FILE_KIND_PROGRAMME:
      {
        g_autoptr(GtkFileFilter) programmes = new_filter (_("Neurolift programmes"), "*.neurolift",
                                                          NL_PROGRAMME_MIME_TYPE);

        g_list_store_append (filters, programmes);
      }
      break;
    case NL_FILE_KIND_ANY:
    default:
      break;
    }
  return filters;
}

/* @filter: the filter chosen in the dialog, when the toolkit tells. */
static void
file_chosen (DialogData    *data,
             GFile         *file,
             GtkFileFilter *filter)
{
  static const char *extensions[] = {
    [NL_FILE_KIND_ANY] = NULL,
    [NL_FILE_KIND_FIGURE] = ".png",
    [NL_FILE_KIND_CSV] = ".csv",
    [NL_FILE_KIND_PROGRAMME] = ".neurolift",
  };
  g_autoptr(GFile) chosen = NULL;
  const char *extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), "nl-extension") : NULL;

  if (extension == NULL)
    extension = extensions[data->kind];
  if (data->mode == NL_FILE_DIALOG_SAVE && extension != NULL)
    chosen = nl_file_with_extension (file, extension);
  else
    chosen = g_object_ref (file);
  data->callback (data->owner, chosen);
}

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->owner);
  g_free (data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  DialogData *data = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  g_autoptr(GFile) file = NULL;

  switch (data->mode)
    {
    case NL_FILE_DIALOG_SAVE:
      file = gtk_file_dialog_save_finish (dialog, result, NULL);
      break;
    case NL_FILE_DIALOG_OPEN:
      file = gtk_file_dialog_open_finish (dialog, result, NULL);
      break;
    case NL_FILE_DIALOG_FOLDER:
    default:
      file = gtk_file_dialog_select_folder_finish (dialog, result, NULL);
      break;
    }

  /* GtkFileDialog does not say which filter was chosen. */
  if (file != NULL)
    file_chosen (data, file, NULL);
  dialog_data_free (data);
}
#else
static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  DialogData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        file_chosen (data, file, gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native)));
    }
  dialog_data_free (data);
  g_object_unref (native);
}
#endif

void
nl_export_dialog_run (GtkWindow        *parent,
                      NlFileDialogMode  mode,
                      NlFileKind        kind,
                      const char       *title,
                      const char       *initial_name,
                      GFile            *initial_folder,
                      GObject          *owner,
                      NlFileChosenFunc  callback)
{
  g_autoptr(GListStore) filters = nl_export_dialog_new_filters (mode == NL_FILE_DIALOG_FOLDER ? NL_FILE_KIND_ANY : kind);
  DialogData *data;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (callback != NULL);

  data = g_new0 (DialogData, 1);
  data->owner = g_object_ref (owner);
  data->callback = callback;
  data->mode = mode;
  data->kind = kind;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    if (g_list_model_get_n_items (G_LIST_MODEL (filters)) > 0)
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    if (initial_folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, initial_folder);
    if (initial_name != NULL && mode == NL_FILE_DIALOG_SAVE)
      gtk_file_dialog_set_initial_name (dialog, initial_name);

    switch (mode)
      {
      case NL_FILE_DIALOG_SAVE:
        gtk_file_dialog_save (dialog, parent, NULL, file_dialog_done_cb, data);
        break;
      case NL_FILE_DIALOG_OPEN:
        gtk_file_dialog_open (dialog, parent, NULL, file_dialog_done_cb, data);
        break;
      case NL_FILE_DIALOG_FOLDER:
      default:
        gtk_file_dialog_select_folder (dialog, parent, NULL, file_dialog_done_cb, data);
        break;
      }
  }
#else
  {
    static const GtkFileChooserAction actions[] = {
      [NL_FILE_DIALOG_SAVE] = GTK_FILE_CHOOSER_ACTION_SAVE,
      [NL_FILE_DIALOG_OPEN] = GTK_FILE_CHOOSER_ACTION_OPEN,
      [NL_FILE_DIALOG_FOLDER] = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
    };
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (title, parent, actions[mode],
                                          mode == NL_FILE_DIALOG_OPEN ? _("_Open")
                                          : mode == NL_FILE_DIALOG_SAVE ? _("_Export")
                                          : _("_Select"),
                                          _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      }
    if (initial_folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), initial_folder, NULL);
    if (initial_name != NULL && mode == NL_FILE_DIALOG_SAVE)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);
    g_signal_connect (native, "response", G_CALLBACK (native_response_cb), data);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

void
nl_export_dialog_show_error (GtkWindow    *parent,
                             const char   *heading,
                             const GError *error)
{
  g_return_if_fail (error != NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  {
    AdwDialog *dialog = adw_alert_dialog_new (heading, error->message);

    adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
    adw_dialog_present (dialog, parent ? GTK_WIDGET (parent) : NULL);
  }
#else
  {
    GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
#endif
}

void
nl_export_dialog_show_toast (GtkWidget  *widget,
                             const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  gtk_widget_activate_action (widget, "win.toast", "s", message);
}

void
nl_export_dialog_show_done (GtkWidget *widget,
                            GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the file written */
  message = g_strdup_printf (_("Exported “%s”"), name);
  nl_export_dialog_show_toast (widget, message);
}
