/* nl-window-start.c — new programmes from templates, restoring unsaved work
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-outline.h"
#include "nl-program-xml.h"
#include "nl-window-private.h"

/* Templates. */

static void
template_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       NlWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "nl-path");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = nl_program_load_from_file (file, NULL, &error);

  if (program == NULL)
    {
      _nl_window_toast (self, error->message);
      return;
    }
  nl_window_set_new_program (self, program);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

void
nl_window_show_templates (NlWindow *self)
{
  g_autofree char *dir = nl_application_get_examples_dir ();
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *child;
  const char *name;

  g_return_if_fail (NL_IS_WINDOW (self));

  _nl_window_ensure_status_pages (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->templates_list))) != NULL)
    gtk_list_box_remove (self->templates_list, child);

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".neurolift"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  /* An empty programme first. */
  {
    GtkWidget *row = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Empty programme"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("One training phase of four weeks"));
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    g_object_set_data (G_OBJECT (row), "nl-path", NULL);
    gtk_list_box_append (self->templates_list, row);
  }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(NlProgram) program = nl_program_load_from_file (file, NULL, NULL);
      GtkWidget *row;

      if (program == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     nl_program_get_title (program) ? nl_program_get_title (program)
                                                                    : (const char *) g_ptr_array_index (names, i));
      if (nl_program_get_description (program) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), nl_program_get_description (program));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "nl-path", g_steal_pointer (&path), g_free);
      gtk_list_box_append (self->templates_list, row);
    }

  if (self->program == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "templates");
  else
    {
      /* A window with a document opens the chooser in a new window. */
      NlWindow *other = nl_window_new (NL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

      gtk_window_present (GTK_WINDOW (other));
      nl_window_show_templates (other);
    }
}

static void
empty_template_activated (NlWindow *self)
{
  g_autoptr(NlProgram) program = nl_program_new ();
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 4);
  g_autoptr(NlSession) session = nl_session_new (1);
  g_autoptr(NlSetGroup) sets = nl_set_group_new ("back-squat");

  nl_program_set_title (program, _("New programme"));
  nl_phase_set_name (phase, _("Training"));
  nl_session_insert_sets (session, 0, sets);
  nl_phase_insert_session (phase, 0, session);
  nl_program_insert_phase (program, 0, phase);
  nl_window_set_new_program (self, program);
}

void
_nl_window_templates_row_activated_cb (GtkListBox    *list,
                                       GtkListBoxRow *row,
                                       NlWindow      *self)
{
  if (g_object_get_data (G_OBJECT (row), "nl-path") == NULL)
    empty_template_activated (self);
  else
    template_activated_cb (list, row, self);
}

/* Recovery. */

typedef struct {
  NlWindow  *window;
  GPtrArray *entries;
} RecoveryOffer;

static void
restore_entry (NlWindow        *self,
               NlRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = nl_recovery_load (entry, &error);
  g_autoptr(NlRecovery) recovery = NULL;
  g_autoptr(GFile) origin = NULL;

  if (program == NULL)
    {
      _nl_window_toast (self, error->message);
      return;
    }
  if (entry->origin_uri != NULL)
    origin = g_file_new_for_uri (entry->origin_uri);
  recovery = nl_recovery_new_for_path (program, entry->path);
  _nl_window_set_document (self, program, origin, recovery);
  /* A restored document is unsaved work: it stays marked until saved. */
  nl_undo_stack_set_unclean (self->undo_stack);
}

static void
open_default (NlWindow *self)
{
  g_autoptr(GFile) example = nl_application_find_example ("novice-full-body");

  if (example != NULL)
    nl_window_open (self, example);
  else
    nl_window_show_templates (self);
}

static void
recovery_response_cb (GtkWidget     *dialog,
                      const char    *response,
                      RecoveryOffer *offer)
{
  NlWindow *self = offer->window;

  if (g_str_equal (response, "restore"))
    {
      for (guint i = 0; i < offer->entries->len; i++)
        {
          NlWindow *target = self;

          if (i > 0)
            {
              target = nl_window_new (NL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
              gtk_window_present (GTK_WINDOW (target));
            }
          restore_entry (target, g_ptr_array_index (offer->entries, i));
        }
    }
  else
    {
      if (g_str_equal (response, "discard"))
        for (guint i = 0; i < offer->entries->len; i++)
          nl_recovery_entry_delete (g_ptr_array_index (offer->entries, i));
      open_default (self);
    }
  g_ptr_array_unref (offer->entries);
  g_object_unref (offer->window);
  g_free (offer);
}

gboolean
nl_window_offer_recovery (NlWindow *self)
{
  g_autoptr(GPtrArray) entries = nl_recovery_list (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  RecoveryOffer *offer;
  GtkWidget *dialog;

  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);

  if (entries->len == 0)
    return FALSE;

  g_string_append (body, _("Neurolift closed without saving these programmes. "
                           "Restored programmes open as unsaved changes; your own files are not touched until you save."));
  for (guint i = 0; i < entries->len; i++)
    {
      NlRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = g_date_time_format (entry->saved, "%x %X");

      g_string_append_printf (body, "\n• %s (%s)", entry->title ? entry->title : _("Untitled programme"), when);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "later", _("_Not Now"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  offer = g_new0 (RecoveryOffer, 1);
  offer->window = g_object_ref (self);
  offer->entries = g_steal_pointer (&entries);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
