/* nl-application.c — the Neurolift application: windows, app actions, startup
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-accessible.h"
#include "nl-application.h"
#include "nl-font-warm.h"
#include "nl-icon-preload.h"
#include "nl-load-ahead.h"
#include "nl-preferences.h"
#include "nl-recovery.h"
#include "nl-reference.h"
#include "nl-theme-start.h"
#include "nl-window.h"

#define SETTINGS_SCHEMA_ID "io.github.neurolift.Neurolift"

struct _NlApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gboolean   offer_recovery;
};

G_DEFINE_FINAL_TYPE (NlApplication, nl_application, ADW_TYPE_APPLICATION)

static void setup_settings (NlApplication *self);

char *
nl_application_get_examples_dir (void)
{
  const char *env = g_getenv ("NEUROLIFT_EXAMPLES_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_strdup (NL_EXAMPLES_DIR);
}

GFile *
nl_application_find_example (const char *name)
{
  g_autofree char *dir = nl_application_get_examples_dir ();
  g_autofree char *basename = g_strconcat (name, ".neurolift", NULL);
  g_autofree char *path = g_build_filename (dir, basename, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_file_new_for_path (path);
}

/* A window that shows nothing yet, to reuse instead of opening another. */
static NlWindow *
find_empty_window (NlApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (NL_IS_WINDOW (l->data) && nl_window_is_empty (NL_WINDOW (l->data)))
      return NL_WINDOW (l->data);
  return NULL;
}

GtkWindow *
nl_application_open_file (NlApplication *self,
                          GFile         *file)
{
  NlWindow *window;

  g_return_val_if_fail (NL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A file already open is shown, not opened twice. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (NL_IS_WINDOW (l->data) && nl_window_get_file (l->data) != NULL
        && g_file_equal (nl_window_get_file (l->data), file))
      {
        gtk_window_present (l->data);
        return l->data;
      }

  window = find_empty_window (self);
  if (window == NULL)
    {
      /* Load the file on a second processor while this one builds the
       * window: the same load, its errors shown the same way. */
      NlLoadAhead *ahead = nl_load_ahead_start (file);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NlProgram) program = NULL;

      window = nl_window_new (self);
      program = nl_load_ahead_finish (ahead, &diagnostics, &error);
      nl_window_open_loaded (window, file, program, diagnostics, error);
    }
  else
    nl_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

void
nl_application_set_offer_recovery (NlApplication *self,
                                   gboolean       offer)
{
  g_return_if_fail (NL_IS_APPLICATION (self));
  self->offer_recovery = !!offer;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  NlApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its unsaved changes before it goes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const char *developers[] = { "The Neurolift authors", NULL };

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  /* The model's sources as the explanation panels and the command line
   * cite them (docs/model.md §8), with volume and pages; the section is
   * markup, and "Moritani & deVries" has an ampersand. */
  g_autoptr(GString) references = g_string_new (NULL);
#if ADW_CHECK_VERSION(1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();
#define ABOUT(fn, ...) adw_about_dialog_##fn (ADW_ABOUT_DIALOG (about), __VA_ARGS__)
#else
  GtkWidget *about = adw_about_window_new ();
#define ABOUT(fn, ...) adw_about_window_##fn (ADW_ABOUT_WINDOW (about), __VA_ARGS__)
#endif

  for (guint i = 0; i < nl_reference_get_n (); i++)
    {
      g_autofree char *reference = nl_reference_format (nl_reference_get (i), TRUE);
      g_autofree char *escaped = g_markup_escape_text (reference, -1);

      /* A blank line between entries: they run over several lines. */
      g_string_append_printf (references, "%s%s", i > 0 ? "\n\n" : "", escaped);
    }

  ABOUT (set_application_name, _("Neurolift"));
  ABOUT (set_application_icon, APP_ID);
  ABOUT (set_version, PACKAGE_VERSION);
  ABOUT (set_developer_name, _("The Neurolift authors"));
  ABOUT (set_developers, developers);
  ABOUT (set_license_type, GTK_LICENSE_GPL_3_0);
  ABOUT (set_comments, _("See how resistance training changes the nervous system and the muscle, "
                         "and plan training and rehabilitation programmes."));
  ABOUT (set_copyright, "© 2026 The Neurolift authors");
  /* Translators: heading of the literature list in the About window */
  ABOUT (add_legal_section, _("Model references"), NULL, GTK_LICENSE_CUSTOM, references->str);
#undef ABOUT

#if ADW_CHECK_VERSION(1, 5, 0)
  adw_dialog_present (about, parent ? GTK_WIDGET (parent) : NULL);
#else
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
new_activated (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  NlApplication *self = user_data;
  NlWindow *window = find_empty_window (self);

  if (window == NULL)
    window = nl_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  nl_window_show_templates (window);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  NlApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!NL_IS_WINDOW (window))
    {
      window = GTK_WINDOW (nl_window_new (self));
      gtk_window_present (window);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  NlApplication *self = user_data;

  if (self->settings == NULL)
    return;
  nl_preferences_present (gtk_application_get_active_window (GTK_APPLICATION (self)), self->settings);
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "new", .activate = new_activated },
  { .name = "open", .activate = open_activated },
  { .name = "preferences", .activate = preferences_activated },
};

static void
nl_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    /* GTK sets this one only for a gtk/help-overlay.ui resource, which
     * Neurolift does not use (see nl-window-pages.c). */
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.presentation", { "F5", "F11", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.add", { "<Control>plus", "<Control>KP_Add", NULL } },
    { "win.duplicate", { "<Control>d", NULL } },
    { "win.remove", { "<Control>Delete", NULL } },
    { "win.move-up", { "<Alt>Up", NULL } },
    { "win.move-down", { "<Alt>Down", NULL } },
    { "win.show-page::diagram", { "<Alt>1", NULL } },
    { "win.show-page::trends", { "<Alt>2", NULL } },
    { "win.show-page::outline", { "<Alt>3", NULL } },
  };

  /* Only the first instance starts GTK: one that hands its files over
   * to it does not.  GtkApplication says so when there is no display. */
  nl_theme_start ();
  /* GApplication has just tried the session bus; GTK reads GTK_A11Y with
   * its first widget. */
  nl_accessible_start (app);
  /* Before libadwaita starts: the thread has that long to load the
   * fonts of the first window (taken when it is realized). */
  nl_font_warm_start ();
  G_APPLICATION_CLASS (nl_application_parent_class)->startup (app);

  /* GtkApplication and libadwaita have added their icon paths by now. */
  if (gdk_display_get_default () != NULL)
    nl_icon_preload_start (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
  /* Enabled once the settings schema is found. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences")), FALSE);
  setup_settings (NL_APPLICATION (app));
}

static void
nl_application_shutdown (GApplication *app)
{
  /* Quit before a window took the fonts: not with the thread at work. */
  nl_font_warm_stop ();

  G_APPLICATION_CLASS (nl_application_parent_class)->shutdown (app);
}

static void
nl_application_finalize (GObject *object)
{
  g_clear_object (&NL_APPLICATION (object)->settings);
  G_OBJECT_CLASS (nl_application_parent_class)->finalize (object);
}

static void
apply_color_scheme (NlApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1: adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT); break;
    case 2: adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK); break;
    /* "default" follows the system, light when it has no preference. */
    default: adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_PREFER_LIGHT); break;
    }
}

/* The settings are optional: uninstalled runs may lack the schema, and
 * g_settings_new() aborts on a missing one. */
static void
setup_settings (NlApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    return;

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")), TRUE);
  g_signal_connect_swapped (self->settings, "changed::color-scheme",
                            G_CALLBACK (apply_color_scheme), self);
  apply_color_scheme (self);
  {
    g_autoptr(GAction) action = g_settings_create_action (self->settings, "color-scheme");

    g_action_map_add_action (G_ACTION_MAP (self), action);
  }
}

static gboolean
open_example_or_templates (NlApplication *self,
                           NlWindow      *window)
{
  g_autoptr(GFile) example = nl_application_find_example ("novice-full-body");

  if (example == NULL)
    return FALSE;
  nl_window_open (window, example);
  return TRUE;
}

static void
nl_application_activate (GApplication *app)
{
  NlApplication *self = NL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gboolean restored = FALSE;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (nl_window_new (self));
  if (self->offer_recovery)
    {
      g_autoptr(GPtrArray) entries = nl_recovery_list (NULL);

      if (entries->len > 0)
        {
          /* Shown first, so that the recovery question stays above it. */
          gtk_window_present (window);
          restored = nl_window_offer_recovery (NL_WINDOW (window));
        }
    }
  if (restored)
    return;
  /* Opened before it is shown, so that its first frame shows the
   * programme rather than a cross-fade from the empty page. */
  if (!open_example_or_templates (self, NL_WINDOW (window)))
    nl_window_show_templates (NL_WINDOW (window));
  gtk_window_present (window);
}

static void
nl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    nl_application_open_file (NL_APPLICATION (app), files[i]);
}

static void
nl_application_class_init (NlApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = nl_application_finalize;

  app_class->startup = nl_application_startup;
  app_class->shutdown = nl_application_shutdown;
  app_class->activate = nl_application_activate;
  app_class->open = nl_application_open;
}

static void
nl_application_init (NlApplication *self)
{
  self->offer_recovery = TRUE;
}

NlApplication *
nl_application_new (void)
{
  return g_object_new (NL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
