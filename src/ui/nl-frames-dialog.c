/* nl-frames-dialog.c — how long, how smooth and how large an exported animation is
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-frames-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nl-frames-dialog.h"

#define MAX_SECONDS 30

static const guint rates[] = { 24, 25, 30, 60 };
static const struct { int width, height; const char *name; } sizes[] = {
  { 1280, 720, N_("1280 × 720 (HD)") },
  { 1920, 1080, N_("1920 × 1080 (Full HD)") },
  { 3840, 2160, N_("3840 × 2160 (4K)") },
};

typedef struct {
  GtkSpinButton      *seconds;
  AdwComboRow        *rate;
  AdwComboRow        *size;
  GtkLabel           *count;
  GObject            *owner;
  NlFramesChosenFunc  callback;
} DialogParts;

static void
dialog_parts_free (DialogParts *parts)
{
  g_clear_object (&parts->owner);
  g_free (parts);
}

void
nl_frames_options_init (NlFramesOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (NlFramesOptions) { 2, 30, 1920, 1080 };
}

guint
nl_frames_options_n_frames (const NlFramesOptions *options)
{
  g_return_val_if_fail (options != NULL, 0);

  return options->seconds * options->fps;
}

void
nl_frames_dialog_get_options (GtkWidget       *dialog,
                              NlFramesOptions *options)
{
  DialogParts *parts = g_object_get_data (G_OBJECT (dialog), "nl-frames-parts");
  guint rate, size;

  g_return_if_fail (parts != NULL && options != NULL);

  rate = adw_combo_row_get_selected (parts->rate);
  size = adw_combo_row_get_selected (parts->size);
  options->seconds = (guint) gtk_spin_button_get_value_as_int (parts->seconds);
  options->fps = rates[MIN (rate, G_N_ELEMENTS (rates) - 1)];
  options->width = sizes[MIN (size, G_N_ELEMENTS (sizes) - 1)].width;
  options->height = sizes[MIN (size, G_N_ELEMENTS (sizes) - 1)].height;
}

void
nl_frames_dialog_set_options (GtkWidget             *dialog,
                              const NlFramesOptions *options)
{
  DialogParts *parts = g_object_get_data (G_OBJECT (dialog), "nl-frames-parts");

  g_return_if_fail (parts != NULL && options != NULL);

  gtk_spin_button_set_value (parts->seconds, CLAMP (options->seconds, 1, MAX_SECONDS));
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (rates[i] == options->fps)
      adw_combo_row_set_selected (parts->rate, i);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (sizes[i].width == options->width && sizes[i].height == options->height)
      adw_combo_row_set_selected (parts->size, i);
}

static void
update_count (GtkWidget *dialog)
{
  DialogParts *parts = g_object_get_data (G_OBJECT (dialog), "nl-frames-parts");
  NlFramesOptions options;
  guint n;
  g_autofree char *text = NULL;

  nl_frames_dialog_get_options (dialog, &options);
  n = nl_frames_options_n_frames (&options);
  text = g_strdup_printf (ngettext ("%u image, frame-0000.png to frame-%04u.png",
                                    "%u images, frame-0000.png to frame-%04u.png", n),
                          n, n > 0 ? n - 1 : 0);
  gtk_label_set_text (parts->count, text);
}

static void
changed_cb (GtkWidget *dialog)
{
  update_count (dialog);
}

static void
response_cb (GtkWidget  *dialog,
             const char *response)
{
  DialogParts *parts = g_object_get_data (G_OBJECT (dialog), "nl-frames-parts");

  if (g_strcmp0 (response, "choose") == 0)
    {
      NlFramesOptions options;

      nl_frames_dialog_get_options (dialog, &options);
      parts->callback (parts->owner, &options);
    }
}

static AdwComboRow *
new_combo_row (const char  *title,
               const char **names,
               guint        n_names)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_names; i++)
    gtk_string_list_append (list, names[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  return row;
}

GtkWidget *
nl_frames_dialog_new (GtkWindow             *parent,
                      const NlFramesOptions *initial,
                      GObject               *owner,
                      NlFramesChosenFunc     callback)
{
  GtkWidget *dialog;
  GtkWidget *box, *group, *seconds_row;
  DialogParts *parts;
  const char *rate_names[G_N_ELEMENTS (rates)];
  const char *size_names[G_N_ELEMENTS (sizes)];
  g_autoptr(GPtrArray) rate_text = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (initial != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (callback != NULL, NULL);

  dialog = adw_message_dialog_new (parent, _("Export Animation"),
                                   _("The animation is saved as numbered PNG images in a folder, "
                                     "which video editors and ffmpeg read as a film."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "choose", _("C_hoose Folder…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  parts = g_new0 (DialogParts, 1);
  parts->owner = g_object_ref (owner);
  parts->callback = callback;
  g_object_set_data_full (G_OBJECT (dialog), "nl-frames-parts", parts, (GDestroyNotify) dialog_parts_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (box), group);

  seconds_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (seconds_row), _("Length"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (seconds_row), _("Seconds"));
  parts->seconds = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, MAX_SECONDS, 1));
  gtk_widget_set_valign (GTK_WIDGET (parts->seconds), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->seconds), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Length in seconds"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (seconds_row), GTK_WIDGET (parts->seconds));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (seconds_row), GTK_WIDGET (parts->seconds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), seconds_row);

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      /* Translators: a frame rate, %u frames per second */
      g_ptr_array_add (rate_text, g_strdup_printf (_("%u frames per second"), rates[i]));
      rate_names[i] = g_ptr_array_index (rate_text, i);
    }
  parts->rate = new_combo_row (_("Frame rate"), rate_names, G_N_ELEMENTS (rates));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (parts->rate));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    size_names[i] = _(sizes[i].name);
  parts->size = new_combo_row (_("Size"), size_names, G_N_ELEMENTS (sizes));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (parts->size));

  parts->count = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (parts->count, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (parts->count), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (parts->count));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  nl_frames_dialog_set_options (dialog, initial);
  update_count (dialog);
  g_signal_connect_swapped (parts->seconds, "value-changed", G_CALLBACK (changed_cb), dialog);
  g_signal_connect_swapped (parts->rate, "notify::selected", G_CALLBACK (changed_cb), dialog);
  g_signal_connect_swapped (parts->size, "notify::selected", G_CALLBACK (changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  return dialog;
}
