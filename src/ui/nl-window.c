/* nl-window.c — a Neurolift window: one programme, its outline, editor and views
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nl-accessible.h"
#include "nl-defer.h"
#include "nl-diagram-page.h"
#include "nl-editor-form.h"
#include "nl-error.h"
#include "nl-file-names.h"
#include "nl-first-frame.h"
#include "nl-font-warm.h"
#include "nl-program-xml.h"
#include "nl-recovery.h"
#include "nl-simulation.h"
#include "nl-tooltip.h"
#include "nl-trends-page.h"
#include "nl-window-private.h"

#define SETTINGS_SCHEMA_ID "io.github.neurolift.Neurolift"
#define REFRESH_DELAY_MS   50
/* The range of the sidebar's width, as in the sidebar-width setting. */
#define SIDEBAR_MIN_WIDTH  300
#define SIDEBAR_MAX_WIDTH  640

G_DEFINE_FINAL_TYPE (NlWindow, nl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DAY,
  PROP_PRESENTATION,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Settings: optional (uninstalled runs and tests may lack the schema). */

gboolean
_nl_window_settings_has (NlWindow   *self,
                         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return FALSE;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  _nl_window_toast (NL_WINDOW (widget), g_variant_get_string (param, NULL));
}

void
_nl_window_toast (NlWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Title and actions. */

/* The file's place as people read it: ~/Documents/plan.neurolift. */
static char *
display_path (GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);
  const char *home = g_get_home_dir ();
  gsize n = home ? strlen (home) : 0;

  if (n > 1 && g_str_has_prefix (name, home) && name[n] == G_DIR_SEPARATOR)
    return g_strconcat ("~", name + n, NULL);
  return g_steal_pointer (&name);
}

static void
update_title (NlWindow *self)
{
  const char *title = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = nl_window_get_modified (self);

  if (self->program != NULL)
    title = nl_program_get_title (self->program);
  if ((title == NULL || *title == '\0') && self->file != NULL)
    title = basename = g_file_get_basename (self->file);
  if (title == NULL || *title == '\0')
    title = self->program ? _("Untitled programme") : _("Neurolift");

  g_free (self->title_text);
  /* The mark GNOME editors use for unsaved changes. */
  self->title_text = modified ? g_strdup_printf ("• %s", title) : g_strdup (title);
  adw_window_title_set_title (self->window_title, self->title_text);

  if (self->presentation && self->program != NULL)
    subtitle = g_strdup_printf (_("Week %u of %u"), self->day / 7 + 1,
                                MAX (1, nl_program_get_n_weeks (self->program)));
  else if (self->file != NULL)
    subtitle = display_path (self->file);
  else if (self->program != NULL)
    subtitle = g_strdup (_("Not saved yet"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), self->title_text);
}

GObject *
_nl_window_selected_item (NlWindow *self)
{
  GtkTreeListRow *row;

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;
  return gtk_tree_list_row_get_item (row);   /* transfer full */
}

void
_nl_window_update_actions (NlWindow *self)
{
  g_autoptr(GObject) item = _nl_window_selected_item (self);
  gboolean has_doc = self->program != NULL;
  /* Editing the outline needs the outline on screen: no shortcut removes
   * or moves an item the user cannot see. */
  gboolean outline_shown = self->sidebar_revealed && !self->presentation;
  gboolean movable = FALSE, can_up = FALSE, can_down = FALSE;
  GObject *container = NULL;
  guint position = 0;

  if (outline_shown && item != NULL && !NL_IS_PROGRAM (item)
      && _nl_window_find_container (self->program, item, &container, &position))
    {
      movable = TRUE;
      can_up = position > 0;
      can_down = position + 1 < _nl_window_container_length (container, G_OBJECT_TYPE (item));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_doc && nl_undo_stack_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_doc && nl_undo_stack_can_redo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add", has_doc && outline_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-item", has_doc && outline_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-phase", has_doc && outline_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-session",
                                 has_doc && outline_shown && _nl_window_can_add (self, "session"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-sets",
                                 has_doc && outline_shown && _nl_window_can_add (self, "sets"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-exercise", has_doc && outline_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove", movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-up", can_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-down", can_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.presentation", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-figure", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-frames", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-week", self->presentation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-week", self->presentation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-presentation", self->presentation);
}

/* Refresh after edits: outline page, problems banner, title. */

static gboolean
refresh_cb (gpointer user_data)
{
  NlWindow *self = user_data;
  g_autoptr(GString) banner = g_string_new (NULL);

  self->refresh_id = 0;
  if (self->program == NULL)
    return G_SOURCE_REMOVE;

  _nl_window_update_outline_text (self);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = nl_program_check (self->program);
  g_clear_pointer (&self->problems_first, g_free);
  if (self->problems->len > 0)
    {
      NlProblem *first = g_ptr_array_index (self->problems, 0);

      self->problems_first = g_strdup (first->message);
    }
  {
    NlProblem *first_error = NULL, *first_warning = NULL;
    guint n_errors = 0, n_warnings = 0;

    for (guint i = 0; i < self->problems->len; i++)
      {
        NlProblem *problem = g_ptr_array_index (self->problems, i);

        if (problem->warning)
          {
            first_warning = first_warning ? first_warning : problem;
            n_warnings++;
          }
        else
          {
            first_error = first_error ? first_error : problem;
            n_errors++;
          }
      }
    /* Errors stop the model; warnings (an implausible load, say) do not. */
    if (n_errors == 1)
      g_string_printf (banner, _("This programme has a problem the model cannot run with: %s"),
                       first_error->message);
    else if (n_errors > 1)
      g_string_printf (banner, _("This programme has %u problems the model cannot run with; the first: %s"),
                       n_errors, first_error->message);
    else if (n_warnings == 1)
      g_string_printf (banner, _("Worth checking: %s"), first_warning->message);
    else if (n_warnings > 1)
      g_string_printf (banner, _("%u things worth checking; the first: %s"),
                       n_warnings, first_warning->message);
    if (n_errors == 0)
      gtk_widget_add_css_class (GTK_WIDGET (self->problems_revealer), "warnings-only");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->problems_revealer), "warnings-only");
  }
  /* One line (a wrapping label in a revealer upsets GTK 4.8's
   * height-for-width); every problem in the tooltip. */
  gtk_label_set_text (GTK_LABEL (self->problems_label), banner->str);
  {
    g_autoptr(GString) all = g_string_new (NULL);

    for (guint i = 0; i < self->problems->len; i++)
      g_string_append_printf (all, "%s• %s", i > 0 ? "\n" : "",
                              ((NlProblem *) g_ptr_array_index (self->problems, i))->message);
    nl_tooltip_set (self->problems_label, all->len > 0 ? all->str : NULL);
  }
  gtk_revealer_set_reveal_child (self->problems_revealer, self->problems->len > 0);
  nl_editor_form_show_problems (self->editor_form, self->problems);

  update_title (self);
  _nl_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (NlWindow *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
program_changed_cb (NlWindow *self)
{
  queue_refresh (self);
}

static void
modified_changed_cb (NlWindow *self)
{
  if (self->recovery != NULL)
    nl_recovery_set_modified (self->recovery, nl_undo_stack_get_modified (self->undo_stack));
  update_title (self);
  _nl_window_update_actions (self);
}

/* Documents. */

static void
clear_document (NlWindow *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  nl_editor_form_set_item (self->editor_form, NULL, NULL, NULL);
  gtk_list_view_set_model (self->outline_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->outline_rows);
  g_clear_object (&self->tree);
  if (self->program != NULL)
    g_clear_signal_handler (&self->program_changed_id, self->program);
  if (self->undo_stack != NULL)
    g_clear_signal_handler (&self->modified_id, self->undo_stack);
  if (self->simulation != NULL)
    nl_simulation_set_program (self->simulation, NULL);
  g_clear_object (&self->recovery);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->program);
  g_clear_object (&self->file);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problems_first, g_free);
  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
}

/* Once the window's first frame is on screen: the rest of the outline, and
 * the programme's form unless the user has already picked something. */
static void
select_program_later (GtkWidget *widget)
{
  NlWindow *self = NL_WINDOW (widget);

  _nl_window_show_whole_outline (self);
  if (self->program != NULL && nl_window_get_selected_item (self) == NULL)
    nl_window_select_item (self, G_OBJECT (self->program));
}

void
_nl_window_set_document (NlWindow   *self,
                         NlProgram  *program,
                         GFile      *file,
                         NlRecovery *recovery)
{
  g_autoptr(GListStore) root = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) program_store = g_list_store_new (NL_TYPE_PROGRAM);
  GtkFlattenListModel *flat;

  clear_document (self);
  self->program = g_object_ref (program);
  self->file = file ? g_object_ref (file) : NULL;
  self->undo_stack = nl_undo_stack_new ();
  self->recovery = recovery ? g_object_ref (recovery) : nl_recovery_new (program, NULL);
  nl_recovery_set_origin (self->recovery, file);
  nl_recovery_set_interval (self->recovery, self->autosave_ms);
  self->day = 0;
  /* A new document has no edits to wait for: setting it starts the model
   * at once, on its worker, and it is usually done before the window's
   * first frame. */
  nl_simulation_set_program (self->simulation, program);

  self->program_changed_id = g_signal_connect_swapped (program, "changed",
                                                       G_CALLBACK (program_changed_cb), self);
  self->modified_id = g_signal_connect_swapped (self->undo_stack, "notify::modified",
                                                G_CALLBACK (modified_changed_cb), self);

  g_list_store_append (program_store, program);
  g_list_store_append (root, program_store);
  g_list_store_append (root, nl_program_get_phases (program));
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)));
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (flat), FALSE, TRUE,
                                        _nl_window_create_child_model, NULL, NULL);
  /* Nothing is selected for the first frame, so start-up does not build a
   * form before the window is on screen; the programme is selected (and
   * its form built) right after that frame, see select_program_later(). */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->outline_rows = _nl_window_outline_rows_new (self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->outline_rows));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (_nl_window_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (self->selection));
  /* The form stays empty for the first frame: the programme is selected
   * right after it, so a hint to select something would only flash.  It
   * says how to edit when the user unselects everything. */
  nl_editor_form_set_item (self->editor_form, NULL, NULL, NULL);
  _nl_window_update_actions (self);
  nl_defer_after_paint (GTK_WIDGET (self), select_program_later);

  gtk_stack_set_visible_child_name (self->main_stack, "document");
  /* The keyboard starts on the figure, where Space plays and pauses, not
   * on the first button of the header bar (where Space would open a file). */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "diagram") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (nl_diagram_page_get_view (self->diagram_page)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  refresh_cb (self);
}

void
_nl_window_add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) NL_PROGRAMME_MIME_TYPE,
    .app_name = (char *) "Neurolift",
    .app_exec = (char *) "neurolift %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* A file that did not open is no longer offered as recent, even when the
 * file chooser, which records what it returns, has just added it. */
void
_nl_window_forget_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

void
_nl_window_remember_folder (NlWindow *self,
                            GFile    *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent != NULL && _nl_window_settings_has (self, "last-folder"))
    {
      g_autofree char *uri = g_file_get_uri (parent);

      g_settings_set_string (self->settings, "last-folder", uri);
    }
}

static void
show_error (NlWindow     *self,
            GFile        *file,
            GPtrArray    *diagnostics,
            const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      NlDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s:%u:%u: %s", name, d->line, d->column, d->message);
    }
  if (text->len == 0 && error != NULL)
    g_string_append (text, error->message);

  clear_document (self);
  _nl_window_ensure_status_pages (self);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Could Not Open “%s”"), basename);
  adw_status_page_set_title (self->error_page, title);
  /* A file that could not be read at all (missing, no permission) has no
   * places to point at: say so rather than blame its contents. */
  adw_status_page_set_description (self->error_page,
                                   diagnostics != NULL && diagnostics->len > 0
                                   ? _("The file does not hold a programme Neurolift can read. "
                                       "Each line below names the place of a problem as file:line:column.")
                                   : _("Neurolift could not read the file. The reason is given below."));
  gtk_label_set_text (GTK_LABEL (self->error_label), text->str);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  update_title (self);
  _nl_window_update_actions (self);
}

gboolean
nl_window_open (NlWindow *self,
                GFile    *file)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = NULL;

  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  program = nl_program_load_from_file (file, &diagnostics, &error);
  return nl_window_open_loaded (self, file, program, diagnostics, error);
}

gboolean
nl_window_open_loaded (NlWindow     *self,
                       GFile        *file,
                       NlProgram    *program,
                       GPtrArray    *diagnostics,
                       const GError *error)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (program != NULL || error != NULL, FALSE);

  if (program == NULL)
    {
      show_error (self, file, diagnostics, error);
      _nl_window_forget_recent (file);
      return FALSE;
    }

  _nl_window_set_document (self, program, file, NULL);
  _nl_window_add_to_recent_later (self, file);
  _nl_window_remember_folder (self, file);
  return TRUE;
}

void
nl_window_set_new_program (NlWindow  *self,
                           NlProgram *program)
{
  g_return_if_fail (NL_IS_WINDOW (self));
  g_return_if_fail (NL_IS_PROGRAM (program));

  _nl_window_set_document (self, program, NULL, NULL);
}

gboolean
nl_window_save_to_file (NlWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->program != NULL, FALSE);

  if (!nl_program_save_to_file (self->program, file, error))
    return FALSE;

  g_set_object (&self->file, file);
  nl_undo_stack_set_clean (self->undo_stack);
  nl_recovery_set_origin (self->recovery, file);
  nl_recovery_discard (self->recovery);
  _nl_window_add_to_recent (file);
  _nl_window_remember_folder (self, file);
  update_title (self);
  return TRUE;
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has finished its response: destroying
 * the parent inside the dialog's handler would leave it a dangling one. */
static void
close_later (NlWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

gboolean
_nl_window_save_or_report (NlWindow *self,
                           GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!nl_window_save_to_file (self, file, &error))
    {
      /* Translators: %s is why saving failed */
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      _nl_window_toast (self, message);
      self->close_after_save = FALSE;
      return FALSE;
    }
  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      close_later (self);
    }
  return TRUE;
}

/* Presentation mode. */

/* The last day the views can show: the model's timeline (which may follow
 * the programme with days of rest), else the programme's last day. */
static guint
last_day (NlWindow *self)
{
  NlTimeline *timeline = self->simulation ? nl_simulation_get_timeline (self->simulation) : NULL;

  if (timeline != NULL && nl_timeline_get_n_days (timeline) > 0)
    return nl_timeline_get_n_days (timeline) - 1;
  return MAX (1, (self->program ? nl_program_get_n_weeks (self->program) : 1) * 7) - 1;
}

static void
set_day (NlWindow *self,
         guint     day)
{
  day = MIN (day, last_day (self));
  if (day == self->day)
    return;
  self->day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  update_title (self);
}

static void
week_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);

  if (g_str_equal (action_name, "win.next-week"))
    set_day (self, self->day + 7);
  else
    set_day (self, self->day >= 7 ? self->day - 7 : 0);
}

/* Labels, and the figures' text, grow by the presentation-text-scale
 * setting in presentation mode: the views take their text size from their
 * CSS font (nl-view-style.c). */
static void
update_presentation_css (NlWindow *self)
{
  double scale = 1.5;
  g_autofree char *css = NULL;

  if (_nl_window_settings_has (self, "presentation-text-scale"))
    scale = g_settings_get_double (self->settings, "presentation-text-scale");
  css = g_strdup_printf ("window.presentation label, window.presentation nldiagramview, "
                         "window.presentation nltrendview { font-size: %.0f%%; }", scale * 100);
#if GTK_CHECK_VERSION(4, 12, 0)
  gtk_css_provider_load_from_string (self->presentation_css, css);
#else
  gtk_css_provider_load_from_data (self->presentation_css, css, -1);
#endif
}

/* The sidebar (doc_flap in nl-window.ui).  Beside the views it is shown or
 * hidden as the user chose (sidebar_shown, F9).  Where the window is too
 * narrow for both, the flap folds: the sidebar is then hidden unless the
 * user asks for it (F9 again), and shows over the views (sidebar_overlaid)
 * until Escape or a click on the views hides it.  Unfolding brings back
 * the side-by-side choice.  show-sidebar tells which of the two is in
 * force, so that the header's toggle, F9 and the outline's editing
 * shortcuts follow what is on screen.  AdwFlap is deprecated from
 * libadwaita 1.4, and only these functions call it. */

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static gboolean
sidebar_folded (NlWindow *self)
{
  return adw_flap_get_folded (ADW_FLAP (self->doc_flap));
}

/* @by_user: F9, the header's toggle or Escape rather than a fold. */
static void
update_sidebar (NlWindow *self,
                gboolean  by_user)
{
  gboolean shown = sidebar_folded (self) ? self->sidebar_overlaid : self->sidebar_shown;
  gboolean reveal = shown && !self->presentation;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *handle = GTK_WIDGET (self->sidebar_handle);

  /* The keyboard goes to the figure rather than nowhere. */
  if (!reveal && focus != NULL && (gtk_widget_is_ancestor (focus, self->sidebar) || focus == handle))
    gtk_widget_grab_focus (GTK_WIDGET (nl_diagram_page_get_view (self->diagram_page)));
  /* The edge that resizes the sidebar is on screen, and so in the Tab
   * order, only with the sidebar beside the views. */
  gtk_widget_set_focusable (handle, reveal && !sidebar_folded (self));
  adw_flap_set_reveal_flap (ADW_FLAP (self->doc_flap), reveal);
  /* Over the views, the sidebar takes the keyboard until it is dismissed. */
  if (reveal && by_user && sidebar_folded (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->outline_view));

  if (shown != self->sidebar_revealed)
    {
      self->sidebar_revealed = shown;
      _nl_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
    }
}

static void
sidebar_folded_cb (NlWindow *self)
{
  /* Folding hides the sidebar, unfolding brings back the user's choice. */
  self->sidebar_overlaid = FALSE;
  update_sidebar (self, FALSE);
}

static void
sidebar_reveal_cb (NlWindow *self)
{
  /* Escape, or a click on the views, dismissed the sidebar over them. */
  if (sidebar_folded (self) && self->sidebar_overlaid && !self->presentation
      && !adw_flap_get_reveal_flap (ADW_FLAP (self->doc_flap)))
    {
      self->sidebar_overlaid = FALSE;
      update_sidebar (self, TRUE);
    }
}

static void
sync_sidebar (GtkWidget *widget)
{
  update_sidebar (NL_WINDOW (widget), FALSE);
}

/* The flap folds when it is first laid out, and a sidebar it then hides
 * would slide away over the views after the first frame.  So a window
 * opened narrower than the sidebar and the views together starts with
 * the sidebar hidden, set while the flap is not mapped yet and so without
 * animating; once the first frame is painted, the sidebar follows the
 * flap in case the window came out wider than asked for. */
/* The width of the edge between the sidebar and the views (the flap's
 * separator, sidebar_handle), which sits beside both. */
static int
handle_width (NlWindow *self)
{
  int width = 0;

  gtk_widget_measure (GTK_WIDGET (self->sidebar_handle), GTK_ORIENTATION_HORIZONTAL, -1,
                      &width, NULL, NULL, NULL);
  return width;
}

static void
fold_sidebar_before_map (NlWindow *self)
{
  int width = 0, height = 0, sidebar_width = 0, views_width = 0;

  if (gtk_widget_get_mapped (self->doc_flap)
      || gtk_window_is_maximized (GTK_WINDOW (self))
      || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;
  /* GTK 4.8 needs both out arguments. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_widget_get_size_request (self->sidebar, &sidebar_width, NULL);
  gtk_widget_get_size_request (gtk_widget_get_parent (GTK_WIDGET (self->view_stack)), &views_width, NULL);
  if (width <= 0 || width >= sidebar_width + handle_width (self) + views_width)
    return;
  adw_flap_set_reveal_flap (ADW_FLAP (self->doc_flap), FALSE);
  nl_defer_after_paint (GTK_WIDGET (self), sync_sidebar);
}

/* The sidebar's width.  The user drags the edge between the sidebar and
 * the views (sidebar_handle, the flap's separator), or moves it with the
 * arrow keys, and the width is kept in the sidebar-width setting when the
 * move ends, not at every pixel.  The width is the sidebar's size request,
 * which is what AdwFlap and fold_sidebar_before_map() fold by: a wider
 * sidebar folds in a wider window.  Folding leaves the request alone, so
 * that the sidebar over the views, and beside them again after, has the
 * width chosen.  A move never takes the views below their minimum: that
 * would fold the sidebar away under the pointer. */

static void
sidebar_handle_begin_cb (NlWindow *self)
{
  int upper = SIDEBAR_MAX_WIDTH;

  /* Folded, the sidebar is over the views and takes nothing from them. */
  if (!sidebar_folded (self) && gtk_widget_get_mapped (self->doc_flap))
    {
      int views_min = 0;

      gtk_widget_measure (gtk_widget_get_parent (GTK_WIDGET (self->view_stack)), GTK_ORIENTATION_HORIZONTAL, -1,
                          &views_min, NULL, NULL, NULL);
      upper = MIN (upper, gtk_widget_get_width (self->doc_flap) - handle_width (self) - views_min);
    }
  nl_resize_handle_set_range (self->sidebar_handle, SIDEBAR_MIN_WIDTH, MAX (SIDEBAR_MIN_WIDTH, upper));
}

static void
sidebar_width_cb (NlWindow *self)
{
  gtk_widget_set_size_request (self->sidebar, nl_resize_handle_get_value (self->sidebar_handle), -1);
}

static void
sidebar_handle_end_cb (NlWindow *self)
{
  int width = nl_resize_handle_get_value (self->sidebar_handle);

  if (_nl_window_settings_has (self, "sidebar-width")
      && g_settings_get_int (self->settings, "sidebar-width") != width)
    g_settings_set_int (self->settings, "sidebar-width", width);
}

/* The width last chosen, else the template's; before the window is
 * mapped, so that fold_sidebar_before_map() folds by it. */
static void
setup_sidebar_width (NlWindow *self)
{
  int width = 0;

  gtk_widget_get_size_request (self->sidebar, &width, NULL);
  if (_nl_window_settings_has (self, "sidebar-width"))
    width = g_settings_get_int (self->settings, "sidebar-width");
  nl_resize_handle_set_range (self->sidebar_handle, SIDEBAR_MIN_WIDTH, SIDEBAR_MAX_WIDTH);
  nl_resize_handle_set_value (self->sidebar_handle, width);
  sidebar_width_cb (self);
  g_signal_connect_object (self->sidebar_handle, "begin",
                           G_CALLBACK (sidebar_handle_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_handle, "notify::value",
                           G_CALLBACK (sidebar_width_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_handle, "end",
                           G_CALLBACK (sidebar_handle_end_cb), self, G_CONNECT_SWAPPED);
}

G_GNUC_END_IGNORE_DEPRECATIONS

static void
set_show_sidebar (NlWindow *self,
                  gboolean  shown)
{
  shown = !!shown;
  if (shown == self->sidebar_revealed)
    return;
  if (sidebar_folded (self))
    self->sidebar_overlaid = shown;
  else
    self->sidebar_shown = shown;
  update_sidebar (self, TRUE);
}

static void
set_presentation (NlWindow *self,
                  gboolean  presentation)
{
  presentation = !!presentation;
  if (presentation == self->presentation)
    return;
  self->presentation = presentation;
  /* The sidebar over the views is dismissed for good. */
  if (presentation)
    self->sidebar_overlaid = FALSE;

  if (presentation)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
  update_sidebar (self, TRUE);
  update_title (self);
  _nl_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

static void
leave_presentation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  set_presentation (NL_WINDOW (widget), FALSE);
}

/* Closing. */

static void
close_response_cb (GtkWidget  *dialog,
                   const char *response,
                   NlWindow   *self)
{
  if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      if (self->file != NULL)
        _nl_window_save_or_report (self, self->file);
      else
        _nl_window_save_as (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      close_later (self);
    }
}

static void
save_window_state (NlWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (_nl_window_settings_has (self, "window-maximized"))
    g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && !self->presentation)
    {
      if (_nl_window_settings_has (self, "window-width") && width > 0)
        g_settings_set_int (self->settings, "window-width", width);
      if (_nl_window_settings_has (self, "window-height") && height > 0)
        g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
nl_window_close_request (GtkWindow *window)
{
  NlWindow *self = NL_WINDOW (window);

  if (self->program != NULL && nl_window_get_modified (self) && !self->close_confirmed)
    {
      GtkWidget *dialog;
      const char *title = nl_program_get_title (self->program);
      g_autofree char *body = g_strdup_printf (_("“%s” has changes that are not saved. "
                                                 "Discarded changes cannot be restored."),
                                               title ? title : _("Untitled programme"));

      dialog = adw_message_dialog_new (window, _("Save Changes?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  /* Closing without saving: the unsaved edits were declined. */
  if (self->recovery != NULL)
    nl_recovery_discard (self->recovery);
  save_window_state (self);
  return GTK_WINDOW_CLASS (nl_window_parent_class)->close_request (window);
}

/* The main pages other than the document are status pages, built when
 * one is first on show (or needed), and their icons are SVG files, each
 * set when its page is first on show: a window opening on a document
 * builds and loads none of them. */
static void
main_page_changed_cb (NlWindow *self)
{
  const char *name;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  name = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (name, "document") != 0)
    _nl_window_ensure_status_pages (self);
  if (g_strcmp0 (name, "empty") == 0)
    adw_status_page_set_icon_name (self->empty_page, "document-open-symbolic");
  else if (g_strcmp0 (name, "templates") == 0)
    adw_status_page_set_icon_name (self->templates_page, "document-new-symbolic");
  else if (g_strcmp0 (name, "error") == 0)
    adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
}

static void
nl_window_map (GtkWidget *widget)
{
  fold_sidebar_before_map (NL_WINDOW (widget));
  GTK_WIDGET_CLASS (nl_window_parent_class)->map (widget);
  main_page_changed_cb (NL_WINDOW (widget));
}

/* Drag and drop of files onto the window. */

static gboolean
file_drop_cb (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              NlWindow      *self)
{
  GSList *files;
  NlApplication *app = NL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (self->program == NULL)
        nl_window_open (self, l->data);
      else
        nl_application_open_file (app, l->data);
    }
  return files != NULL;
}

/* GObject. */

static void
nl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NlWindow *self = NL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DAY: g_value_set_uint (value, self->day); break;
    case PROP_PRESENTATION: g_value_set_boolean (value, self->presentation); break;
    case PROP_SHOW_SIDEBAR: g_value_set_boolean (value, self->sidebar_revealed); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NlWindow *self = NL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DAY: set_day (self, g_value_get_uint (value)); break;
    case PROP_PRESENTATION: set_presentation (self, g_value_get_boolean (value)); break;
    case PROP_SHOW_SIDEBAR: set_show_sidebar (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_window_dispose (GObject *object)
{
  NlWindow *self = NL_WINDOW (object);

  if (self->presentation_css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->presentation_css));
      g_clear_object (&self->presentation_css);
    }
  if (self->editor_form != NULL)
    clear_document (self);
  if (self->simulation != NULL)
    nl_simulation_set_program (self->simulation, NULL);
  g_clear_object (&self->simulation);
  g_clear_object (&self->recent_pending);
  g_clear_object (&self->explanation_bindings);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  _nl_window_outline_drag_end (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NL_TYPE_WINDOW);
  /* Children of the bins, gone with them. */
  self->trends_page = NULL;
  self->outline_label = NULL;
  self->empty_page = NULL;
  self->error_label = NULL;
  self->error_page = NULL;
  self->templates_list = NULL;
  self->templates_page = NULL;
  G_OBJECT_CLASS (nl_window_parent_class)->dispose (object);
}

static void
nl_window_finalize (GObject *object)
{
  NlWindow *self = NL_WINDOW (object);

  g_free (self->title_text);
  g_free (self->problems_first);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (nl_window_parent_class)->finalize (object);
}

static void
nl_window_realize (GtkWidget *widget)
{
  /* The fonts loaded meanwhile (nl-font-warm.h), before anything is
   * measured: the first window takes them (later windows share the
   * default font map, whichever it is). */
  nl_font_warm_finish ();

  GTK_WIDGET_CLASS (nl_window_parent_class)->realize (widget);
}

static void
nl_window_class_init (NlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = nl_window_get_property;
  object_class->set_property = nl_window_set_property;
  object_class->dispose = nl_window_dispose;
  object_class->finalize = nl_window_finalize;
  window_class->close_request = nl_window_close_request;
  widget_class->realize = nl_window_realize;
  widget_class->map = nl_window_map;

  /* The day the views show (0 = the first day); presentation mode steps it by weeks. */
  properties[PROP_DAY] = g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] = g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The programme's outline and form: hidden (F9) to give a small screen
   * to the figures. */
  properties[PROP_SHOW_SIDEBAR] = g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NL_TYPE_DIAGRAM_PAGE);
  g_type_ensure (NL_TYPE_EDITOR_FORM);
  g_type_ensure (NL_TYPE_RESIZE_HANDLE);
  g_type_ensure (NL_TYPE_TRENDS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/nl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NlWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, add_menu);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, diagram_page);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, doc_flap);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, editor_form);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, empty_bin);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, error_bin);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, explanation_button);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, outline_bin);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, sidebar_handle);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, templates_bin);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, trends_bin);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, window_title);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, _nl_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", _nl_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, _nl_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, _nl_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, _nl_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, _nl_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.add", NULL, _nl_window_add_action);
  gtk_widget_class_install_action (widget_class, "win.add-item", "s", _nl_window_add_item_action);
  gtk_widget_class_install_action (widget_class, "win.add-phase", NULL, _nl_window_add_kind_action);
  gtk_widget_class_install_action (widget_class, "win.add-session", NULL, _nl_window_add_kind_action);
  gtk_widget_class_install_action (widget_class, "win.add-sets", NULL, _nl_window_add_kind_action);
  gtk_widget_class_install_action (widget_class, "win.add-exercise", NULL, _nl_window_add_kind_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, _nl_window_duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.remove", NULL, _nl_window_remove_action);
  gtk_widget_class_install_action (widget_class, "win.move-up", NULL, _nl_window_move_action);
  gtk_widget_class_install_action (widget_class, "win.move-down", NULL, _nl_window_move_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", _nl_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-templates", NULL, _nl_window_show_templates_action);
  gtk_widget_class_install_action (widget_class, "win.export-figure", NULL, _nl_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-frames", NULL, _nl_window_export_action);
  /* For the pages, which have no toast overlay of their own. */
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, _nl_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, _nl_window_export_action);
  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, leave_presentation_action);
  gtk_widget_class_install_action (widget_class, "win.next-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "win.previous-week", NULL, week_action);

}

/* In presentation mode the arrows step weeks whatever has the focus, so
 * they are caught before the focused widget sees them; outside it the
 * actions are disabled and the keys go on to the focused widget. */
static void
add_presentation_keys (NlWindow *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Right, "win.next-week" },
    { GDK_KEY_Left, "win.previous-week" },
    { GDK_KEY_Page_Down, "win.next-week" },
    { GDK_KEY_Page_Up, "win.previous-week" },
    { GDK_KEY_Escape, "win.leave-presentation" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* A menu button's popover, with a widget for each item of its menu and
 * submenus, is built when it first opens rather than with the window.  The
 * button stays sensitive, and F10, Enter and the pointer open it as before. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/* For start-up measurements (nl-first-frame.h): a frame shows the opened
 * programme once the diagram, which waits for the model, is drawn too. */
static gboolean
shows_document (GtkWindow *window)
{
  NlWindow *self = NL_WINDOW (window);

  return self->program == NULL
         || nl_simulation_get_error (self->simulation) != NULL
         || nl_diagram_view_get_frame_count (nl_diagram_page_get_view (self->diagram_page)) > 0;
}

/* Work put off at start-up (nl-defer.h) waits for that too, but not for
 * a diagram nobody sees (the user went to another view). */
static gboolean
defer_ready (GtkWidget *root)
{
  NlWindow *self = NL_WINDOW (root);

  return shows_document (GTK_WINDOW (self))
         || !gtk_widget_get_mapped (GTK_WIDGET (nl_diagram_page_get_view (self->diagram_page)));
}

/* Set here, not in nl-window.ui: see nl-tooltip.h. */
static const NlTooltip tooltips[] = {
  { "sidebar_button", N_("Show the programme's outline and form (F9)") },
  { "open_button", N_("Open a programme (Ctrl+O)") },
  { "undo_button", N_("Undo (Ctrl+Z)") },
  { "redo_button", N_("Redo (Ctrl+Shift+Z)") },
  { "menu_button", N_("Main menu (F10)") },
  { "save_button", N_("Save the programme (Ctrl+S)") },
  { "presentation_button", N_("Presentation mode (F5)") },
  { "add_button", N_("Add a phase, session, sets or exercise") },
  { "duplicate_button", N_("Duplicate (Ctrl+D)") },
  { "remove_button", N_("Remove (Ctrl+Delete)") },
  { "move_up_button", N_("Move up (Alt+Up)") },
  { "move_down_button", N_("Move down (Alt+Down)") },
  { "explanation_button",
    N_("Show or hide what the curves mean, with their sources and evidence") },
};

static void
nl_window_init (NlWindow *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->sidebar_shown = TRUE;
  self->sidebar_revealed = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  nl_tooltip_set_all (GTK_WIDGET (self), tooltips, G_N_ELEMENTS (tooltips));
  /* The whole template, the Diagram page's included (the Trends page,
   * built later, does its own). */
  nl_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  g_signal_connect_object (self->doc_flap, "notify::folded",
                           G_CALLBACK (sidebar_folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->doc_flap, "notify::reveal-flap",
                           G_CALLBACK (sidebar_reveal_cb), self, G_CONNECT_SWAPPED);
  self->day = 0;
  self->simulation = nl_simulation_new ();
  nl_diagram_page_set_simulation (self->diagram_page, self->simulation);
  /* The views show the window's day; presentation mode steps it. */
  g_object_bind_property (self, "day", self->diagram_page, "day",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->autosave_ms = NL_RECOVERY_INTERVAL_S * 1000;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
      if (_nl_window_settings_has (self, "window-width") && _nl_window_settings_has (self, "window-height"))
        gtk_window_set_default_size (GTK_WINDOW (self),
                                     g_settings_get_int (self->settings, "window-width"),
                                     g_settings_get_int (self->settings, "window-height"));
      if (_nl_window_settings_has (self, "window-maximized") && g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  setup_sidebar_width (self);

  self->presentation_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->presentation_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  update_presentation_css (self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::presentation-text-scale",
                             G_CALLBACK (update_presentation_css), self, G_CONNECT_SWAPPED);

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->add_button, create_menu_cb, self->add_menu, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (_nl_window_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (_nl_window_row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (_nl_window_row_unbind_cb), self);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);
  /* Enter on a row goes to its form; the class scopes the focus ring's
   * style to the outline's rows. */
  g_signal_connect (self->outline_view, "activate", G_CALLBACK (_nl_window_outline_activate_cb), self);
  gtk_widget_add_css_class (GTK_WIDGET (self->outline_view), "programme-outline");
  /* Tab leaves the outline rather than stopping at every row. */
  _nl_window_outline_setup_tab (self);
  _nl_window_outline_setup_drop (self);


  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (file_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _nl_window_setup_pages (self);

  add_presentation_keys (self);

  /* In the outline, Delete removes and Insert adds like the selected item. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("win.remove")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Insert, 0),
                                                            gtk_named_action_new ("win.add")));
    gtk_widget_add_controller (GTK_WIDGET (self->outline_view), keys);
  }
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (main_page_changed_cb), self, G_CONNECT_SWAPPED);
  update_title (self);
  _nl_window_update_actions (self);
  nl_first_frame_watch (GTK_WINDOW (self), shows_document);
  nl_defer_set_ready (GTK_WIDGET (self), defer_ready);
}

NlWindow *
nl_window_new (NlApplication *application)
{
  return g_object_new (NL_TYPE_WINDOW, "application", application, NULL);
}

/* Accessors. */

NlProgram *
nl_window_get_program (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->program;
}

GFile *
nl_window_get_file (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->file;
}

NlUndoStack *
nl_window_get_undo_stack (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->undo_stack;
}

gboolean
nl_window_get_modified (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);
  return self->undo_stack != NULL && nl_undo_stack_get_modified (self->undo_stack);
}

const char *
nl_window_get_title_text (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->title_text;
}

const char *
nl_window_get_page (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
nl_window_get_error_text (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->error_label ? gtk_label_get_text (GTK_LABEL (self->error_label)) : "";
}

GListModel *
nl_window_get_outline_model (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->tree ? G_LIST_MODEL (self->tree) : NULL;
}

GObject *
nl_window_get_selected_item (NlWindow *self)
{
  GObject *item;

  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  item = _nl_window_selected_item (self);
  /* The document keeps it alive. */
  if (item != NULL)
    g_object_unref (item);
  return item;
}

GtkWidget *
nl_window_get_editor_form (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->editor_form);
}

const char *
nl_window_get_problems_text (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->problems_first;
}

NlSimulation *
nl_window_get_simulation (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->simulation;
}

GtkWidget *
nl_window_get_trends_page (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->trends_page ? GTK_WIDGET (self->trends_page) : NULL;
}

guint
nl_window_get_day (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), 0);
  return self->day;
}

gboolean
nl_window_is_empty (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);
  return self->program == NULL;
}

void
nl_window_set_autosave_interval (NlWindow *self,
                                 guint     ms)
{
  g_return_if_fail (NL_IS_WINDOW (self));

  self->autosave_ms = MAX (ms, 1);
  if (self->recovery != NULL)
    nl_recovery_set_interval (self->recovery, self->autosave_ms);
}

const char *
nl_window_get_recovery_path (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);
  return self->recovery ? nl_recovery_get_path (self->recovery) : NULL;
}
