/* nl-window-files.c — open and save dialogs, recent files
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-export-dialog.h"
#include "nl-file-names.h"
#include "nl-outline.h"
#include "nl-program-xml.h"
#include "nl-window-private.h"

/* File dialogs. */

static void
save_chosen (NlWindow *self,
             GFile    *chosen)
{
  g_autoptr(GFile) file = nl_file_with_extension (chosen, ".neurolift");

  _nl_window_save_or_report (self, file);
}

#if GTK_CHECK_VERSION(4, 10, 0)
static void
open_dialog_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(NlWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    nl_application_open_file (NL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
}

static void
save_dialog_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(NlWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    save_chosen (self, file);
  else
    self->close_after_save = FALSE;
}
#else
static void
add_programme_filter (GtkFileChooser *chooser)
{
  g_autoptr(GListStore) filters = nl_export_dialog_new_filters (NL_FILE_KIND_PROGRAMME);
  g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), 0);

  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_native_response (GtkNativeDialog *dialog,
                      int              response,
                      NlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        nl_application_open_file (NL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_native_response (GtkNativeDialog *dialog,
                      int              response,
                      NlWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    save_chosen (self, file);
  else
    self->close_after_save = FALSE;
  g_object_unref (dialog);
  g_object_unref (self);
}
#endif

GFile *
_nl_window_initial_folder (NlWindow *self)
{
  g_autofree char *last = NULL;

  if (self->file != NULL)
    return g_file_get_parent (self->file);
  if (_nl_window_settings_has (self, "last-folder"))
    last = g_settings_get_string (self->settings, "last-folder");
  if (last != NULL && *last != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (last);

      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        return g_steal_pointer (&folder);
    }
  return NULL;
}

void
_nl_window_open_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GFile) folder = _nl_window_initial_folder (self);
#if GTK_CHECK_VERSION(4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = nl_export_dialog_new_filters (NL_FILE_KIND_PROGRAMME);

  gtk_file_dialog_set_title (dialog, _("Open Programme"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  if (folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, folder);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, open_dialog_done, g_object_ref (self));
#else
  GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Open Programme"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN,
                                                              _("_Open"), _("_Cancel"));

  add_programme_filter (GTK_FILE_CHOOSER (native));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  g_signal_connect (native, "response", G_CALLBACK (open_native_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

void
_nl_window_save_as (NlWindow *self)
{
  g_autoptr(GFile) folder = _nl_window_initial_folder (self);
  const char *title = nl_program_get_title (self->program);
  g_autofree char *name = NULL;

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else
    {
      g_autofree char *base = nl_file_name_for_title (title != NULL && *title ? title : _("Programme"));

      name = g_strconcat (base, ".neurolift", NULL);
    }

#if GTK_CHECK_VERSION(4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Save Programme"));
    gtk_file_dialog_set_initial_name (dialog, name);
    if (folder != NULL)
      gtk_file_dialog_set_initial_folder (dialog, folder);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_dialog_done, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Save Programme"), GTK_WINDOW (self),
                                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                _("_Save"), _("_Cancel"));

    add_programme_filter (GTK_FILE_CHOOSER (native));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    if (folder != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    g_signal_connect (native, "response", G_CALLBACK (save_native_response), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

void
_nl_window_save_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);

  if (self->program == NULL)
    return;
  if (self->file == NULL)
    _nl_window_save_as (self);
  else if (_nl_window_save_or_report (self, self->file))
    _nl_window_toast (self, _("Saved"));
}

void
_nl_window_save_as_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  if (NL_WINDOW (widget)->program != NULL)
    _nl_window_save_as (NL_WINDOW (widget));
}

void
_nl_window_open_recent_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  nl_application_open_file (NL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
}

void
_nl_window_update_recent_menu (NlWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, ".neurolift") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_submenu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}
