/* nl-preferences.c — the preferences window
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is bound to its GSettings key, so a change applies at once and
 * the views that read the same keys follow.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-name-list.h"
#include "nl-preferences.h"

static const char *color_schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (nick, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_scheme (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (color_schemes))
    return NULL;
  return g_variant_new_string (color_schemes[index]);
}

static gboolean
has_key (GSettings  *settings,
         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void
add_spin_row (AdwPreferencesGroup *group,
              GSettings           *settings,
              const char          *key,
              const char          *title,
              const char          *subtitle,
              double               min,
              double               max,
              double               step)
{
  GtkWidget *row;
  GtkWidget *spin;

  if (!has_key (settings, key))
    return;
  row = adw_action_row_new ();
  spin = gtk_spin_button_new_with_range (min, max, step);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_settings_bind (settings, key, gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_name (spin, key);
  adw_preferences_group_add (group, row);
}

static GtkWidget *
build_page (GSettings *settings)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Appearance"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  if (has_key (settings, "color-scheme"))
    {
      const char *labels[] = { _("Follow the system"), _("Light"), _("Dark"), NULL };
      g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Style"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      /* As the form's: a screen reader hears the choice with the row. */
      nl_name_list_setup_combo_row (ADW_COMBO_ROW (row));
      g_settings_bind_with_mapping (settings, "color-scheme", row, "selected",
                                    G_SETTINGS_BIND_DEFAULT,
                                    scheme_to_index, index_to_scheme, NULL, NULL);
      gtk_widget_set_name (row, "color-scheme");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (has_key (settings, "export-style"))
    {
      const char *labels[] = { _("As shown"), _("Light"), _("Dark"), NULL };
      g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Exported figures"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Light figures suit most slides and documents"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      /* As the form's: a screen reader hears the choice with the row. */
      nl_name_list_setup_combo_row (ADW_COMBO_ROW (row));
      g_settings_bind_with_mapping (settings, "export-style", row, "selected",
                                    G_SETTINGS_BIND_DEFAULT,
                                    scheme_to_index, index_to_scheme, NULL, NULL);
      gtk_widget_set_name (row, "export-style");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  add_spin_row (ADW_PREFERENCES_GROUP (group), settings, "presentation-text-scale",
                _("Text size in presentation mode"),
                _("How much larger text is drawn, for the back of a lecture room"), 1.0, 3.0, 0.25);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Diagram and Trends"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  add_spin_row (ADW_PREFERENCES_GROUP (group), settings, "animation-speed",
                _("Animation speed"), _("Relative to real time"), 0.1, 4.0, 0.25);
  if (has_key (settings, "show-population-bands"))
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Population bands"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Shade the spread of published results around the predicted mean"));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_settings_bind (settings, "show-population-bands", sw, "active", G_SETTINGS_BIND_DEFAULT);
      gtk_widget_set_name (sw, "show-population-bands");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return page;
}

GtkWidget *
nl_preferences_present (GtkWindow *parent,
                        GSettings *settings)
{
  GtkWidget *page;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  page = build_page (settings);
#if ADW_CHECK_VERSION(1, 5, 0)
  {
    AdwDialog *dialog = adw_preferences_dialog_new ();

    adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog), ADW_PREFERENCES_PAGE (page));
    adw_dialog_present (dialog, parent ? GTK_WIDGET (parent) : NULL);
    return GTK_WIDGET (dialog);
  }
#else
  {
    GtkWidget *window = adw_preferences_window_new ();

    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
    adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
    if (parent != NULL)
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
    gtk_window_set_modal (GTK_WINDOW (window), TRUE);
    gtk_window_present (GTK_WINDOW (window));
    return window;
  }
#endif
}
