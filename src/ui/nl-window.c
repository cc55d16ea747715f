/* nl-window.c — a Neurolift window: one programme, its outline, editor and views
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-editor-form.h"
#include "nl-error.h"
#include "nl-outline.h"
#include "nl-program-xml.h"
#include "nl-recovery.h"
#include "nl-window.h"

#define SETTINGS_SCHEMA_ID "io.github.neurolift.Neurolift"
#define REFRESH_DELAY_MS   50

struct _NlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children. */
  GtkWidget            *doc_paned;
  NlEditorForm         *editor_form;
  GtkWidget            *error_label;
  AdwStatusPage        *error_page;
  AdwHeaderBar         *header_bar;
  GtkStack             *main_stack;
  GtkListView          *outline_view;
  GtkWidget            *outline_label;
  GtkWidget            *problems_label;
  GtkRevealer          *problems_revealer;
  GMenu                *recent_submenu;
  GtkWidget            *sidebar;
  GtkListBox           *templates_list;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkWidget            *view_switcher;
  AdwWindowTitle       *window_title;

  /* The document. */
  NlProgram            *program;
  GFile                *file;
  NlUndoStack          *undo_stack;
  NlRecovery           *recovery;
  GtkTreeListModel     *tree;
  GtkSingleSelection   *selection;
  gulong                program_changed_id;
  gulong                modified_id;
  guint                 refresh_id;
  GPtrArray            *problems;

  char                 *title_text;
  char                 *problems_first;
  GSettings            *settings;
  GtkCssProvider       *presentation_css;
  guint                 day;
  guint                 autosave_ms;
  gboolean              presentation;
  gboolean              close_after_save;
  gboolean              close_confirmed;
};

G_DEFINE_FINAL_TYPE (NlWindow, nl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DAY,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (NlWindow *self);
static void save_as (NlWindow *self);

/* Settings: optional (uninstalled runs and tests may lack the schema). */

static gboolean
settings_has (NlWindow   *self,
              const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return FALSE;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void
toast (NlWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Title and actions. */

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
    subtitle = g_strdup_printf (_("Week %u of %u"), (self->day + 6) / 7,
                                MAX (1, nl_program_get_n_weeks (self->program)));
  else if (self->file != NULL)
    subtitle = g_file_get_parse_name (self->file);
  else if (self->program != NULL)
    subtitle = g_strdup (_("Not saved yet"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), self->title_text);
}

static GObject *
selected_item (NlWindow *self)
{
  GtkTreeListRow *row;

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;
  return gtk_tree_list_row_get_item (row);   /* transfer full */
}

/* Where @item sits in the document: its container and position. */
static gboolean
find_container (NlProgram *program,
                GObject   *item,
                GObject  **container,
                guint     *position)
{
  GListModel *list = NULL;
  GObject *owner = NULL;

  if (NL_IS_PHASE (item) || NL_IS_EXERCISE (item))
    {
      owner = G_OBJECT (program);
      list = NL_IS_PHASE (item) ? nl_program_get_phases (program) : nl_program_get_exercises (program);
    }
  else
    {
      for (guint i = 0; i < nl_program_get_n_phases (program) && list == NULL; i++)
        {
          NlPhase *phase = nl_program_get_phase (program, i);
          GListModel *sessions = nl_phase_get_sessions (phase);

          if (NL_IS_SESSION (item))
            {
              owner = G_OBJECT (phase);
              list = sessions;
              break;
            }
          for (guint j = 0; j < g_list_model_get_n_items (sessions); j++)
            {
              g_autoptr(NlSession) session = g_list_model_get_item (sessions, j);
              GListModel *sets = nl_session_get_sets (session);

              for (guint k = 0; k < g_list_model_get_n_items (sets); k++)
                {
                  g_autoptr(GObject) candidate = g_list_model_get_item (sets, k);

                  if (candidate == item)
                    {
                      *container = G_OBJECT (session);
                      *position = k;
                      return TRUE;
                    }
                }
            }
        }
      if (NL_IS_SESSION (item))
        {
          for (guint i = 0; i < nl_program_get_n_phases (program); i++)
            {
              NlPhase *phase = nl_program_get_phase (program, i);
              GListModel *sessions = nl_phase_get_sessions (phase);

              for (guint j = 0; j < g_list_model_get_n_items (sessions); j++)
                {
                  g_autoptr(GObject) candidate = g_list_model_get_item (sessions, j);

                  if (candidate == item)
                    {
                      *container = G_OBJECT (phase);
                      *position = j;
                      return TRUE;
                    }
                }
            }
        }
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (list, i);

      if (candidate == item)
        {
          *container = owner;
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
container_length (GObject *container,
                  GType    item_type)
{
  if (NL_IS_PROGRAM (container))
    return g_list_model_get_n_items (item_type == NL_TYPE_PHASE
                                     ? nl_program_get_phases (NL_PROGRAM (container))
                                     : nl_program_get_exercises (NL_PROGRAM (container)));
  if (NL_IS_PHASE (container))
    return g_list_model_get_n_items (nl_phase_get_sessions (NL_PHASE (container)));
  return g_list_model_get_n_items (nl_session_get_sets (NL_SESSION (container)));
}

static void
update_actions (NlWindow *self)
{
  g_autoptr(GObject) item = selected_item (self);
  gboolean has_doc = self->program != NULL;
  gboolean movable = FALSE, can_up = FALSE, can_down = FALSE;
  GObject *container = NULL;
  guint position = 0;

  if (item != NULL && !NL_IS_PROGRAM (item)
      && find_container (self->program, item, &container, &position))
    {
      movable = TRUE;
      can_up = position > 0;
      can_down = position + 1 < container_length (container, G_OBJECT_TYPE (item));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_doc && nl_undo_stack_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_doc && nl_undo_stack_can_redo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-item", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove", movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-up", can_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-down", can_down);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.presentation", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-week", self->presentation);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-week", self->presentation);
}

/* Refresh after edits: outline page, problems banner, title. */

static gboolean
refresh_cb (gpointer user_data)
{
  NlWindow *self = user_data;
  g_autofree char *markup = NULL;
  g_autoptr(GString) banner = g_string_new (NULL);

  self->refresh_id = 0;
  if (self->program == NULL)
    return G_SOURCE_REMOVE;

  markup = nl_outline_build_markup (self->program);
  gtk_label_set_markup (GTK_LABEL (self->outline_label), markup);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = nl_program_check (self->program);
  g_clear_pointer (&self->problems_first, g_free);
  if (self->problems->len > 0)
    {
      NlProblem *first = g_ptr_array_index (self->problems, 0);

      self->problems_first = g_strdup (first->message);
    }
  if (self->problems->len == 1)
    {
      NlProblem *first = g_ptr_array_index (self->problems, 0);

      g_string_printf (banner, _("This programme has a problem the model cannot run with: %s"),
                       first->message);
    }
  else if (self->problems->len > 1)
    {
      NlProblem *first = g_ptr_array_index (self->problems, 0);

      g_string_printf (banner, _("This programme has %u problems the model cannot run with; the first: %s"),
                       self->problems->len, first->message);
    }
  gtk_label_set_text (GTK_LABEL (self->problems_label), banner->str);
  gtk_revealer_set_reveal_child (self->problems_revealer, self->problems->len > 0);
  nl_editor_form_show_problems (self->editor_form, self->problems);

  update_title (self);
  update_actions (self);
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
  update_actions (self);
}

/* The outline in the sidebar. */

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  if (NL_IS_PROGRAM (item))
    return g_object_ref (nl_program_get_exercises (NL_PROGRAM (item)));
  if (NL_IS_PHASE (item))
    return g_object_ref (nl_phase_get_sessions (NL_PHASE (item)));
  if (NL_IS_SESSION (item))
    return g_object_ref (nl_session_get_sets (NL_SESSION (item)));
  return NULL;
}

static void
selection_changed_cb (NlWindow *self)
{
  g_autoptr(GObject) item = selected_item (self);

  if (item == nl_editor_form_get_item (self->editor_form))
    return;
  nl_editor_form_set_item (self->editor_form, self->program, self->undo_stack, item);
  if (self->problems != NULL)
    nl_editor_form_show_problems (self->editor_form, self->problems);
  update_actions (self);
}

gboolean
nl_window_select_item (NlWindow *self,
                       GObject  *item)
{
  guint n;

  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);

  if (self->tree == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GObject) candidate = gtk_tree_list_row_get_item (row);

      if (candidate == item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          selection_changed_cb (self);
          return TRUE;
        }
    }
  return FALSE;
}

static void
row_update_label (GtkListItem *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  NlWindow *self = g_object_get_data (G_OBJECT (list_item), "nl-window");
  g_autoptr(GObject) item = NULL;
  g_autofree char *text = NULL;

  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  text = nl_outline_describe_item (self->program, item);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), nl_outline_icon_for_item (item));
  if (NL_IS_PROGRAM (item) || NL_IS_PHASE (item))
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  if (NL_IS_PROGRAM (item))
    return NULL;
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (item), item);
}

/* Drops @dragged onto the row of @target: reorders within a list, moves
 * into another list of the same kind, or appends into a container. */
static gboolean
drop_item (NlWindow *self,
           GObject  *dragged,
           GObject  *target)
{
  GObject *from_container = NULL, *to_container = NULL;
  guint from = 0, to = 0;
  GType type = G_OBJECT_TYPE (dragged);

  if (dragged == target || !find_container (self->program, dragged, &from_container, &from))
    return FALSE;

  if (G_OBJECT_TYPE (target) == type)
    {
      if (!find_container (self->program, target, &to_container, &to))
        return FALSE;
    }
  else if ((type == NL_TYPE_SET_GROUP && NL_IS_SESSION (target))
           || (type == NL_TYPE_SESSION && NL_IS_PHASE (target))
           || ((type == NL_TYPE_PHASE || type == NL_TYPE_EXERCISE) && NL_IS_PROGRAM (target)))
    {
      to_container = target;
      to = container_length (target, type);
      if (to_container == from_container)
        to = to > 0 ? to - 1 : 0;
    }
  else
    return FALSE;

  if (to_container == from_container)
    nl_undo_stack_move (self->undo_stack, from_container, type, from, to);
  else
    {
      g_autoptr(GObject) keep = g_object_ref (dragged);

      nl_undo_stack_begin_group (self->undo_stack, _("Move"));
      nl_undo_stack_remove (self->undo_stack, from_container, type, from);
      nl_undo_stack_insert (self->undo_stack, to_container, to, keep);
      nl_undo_stack_end_group (self->undo_stack);
    }
  nl_window_select_item (self, dragged);
  return TRUE;
}

static gboolean
row_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             GtkListItem   *list_item)
{
  NlWindow *self = g_object_get_data (G_OBJECT (list_item), "nl-window");
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !G_VALUE_HOLDS_OBJECT (value))
    return FALSE;
  item = gtk_tree_list_row_get_item (row);
  return drop_item (self, g_value_get_object (value), item);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              NlWindow                 *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);
  GType types[] = { NL_TYPE_PHASE, NL_TYPE_SESSION, NL_TYPE_SET_GROUP, NL_TYPE_EXERCISE };

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
  g_object_set_data (G_OBJECT (list_item), "nl-window", self);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (source));
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (row_drop_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
}

static void
row_item_changed_cb (GtkListItem *list_item)
{
  row_update_label (list_item);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             NlWindow                 *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  gulong id;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  row_update_label (list_item);
  id = g_signal_connect_swapped (item, "changed", G_CALLBACK (row_item_changed_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "nl-changed-id", GSIZE_TO_POINTER (id));
  g_object_set_data_full (G_OBJECT (list_item), "nl-bound-item", g_object_ref (item), g_object_unref);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               NlWindow                 *self)
{
  GObject *item = g_object_get_data (G_OBJECT (list_item), "nl-bound-item");
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "nl-changed-id"));

  if (item != NULL && id != 0)
    g_signal_handler_disconnect (item, id);
  g_object_set_data (G_OBJECT (list_item), "nl-changed-id", NULL);
  g_object_set_data (G_OBJECT (list_item), "nl-bound-item", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

/* Documents. */

static void
clear_document (NlWindow *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  nl_editor_form_set_item (self->editor_form, NULL, NULL, NULL);
  gtk_list_view_set_model (self->outline_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  if (self->program != NULL)
    g_clear_signal_handler (&self->program_changed_id, self->program);
  if (self->undo_stack != NULL)
    g_clear_signal_handler (&self->modified_id, self->undo_stack);
  g_clear_object (&self->recovery);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->program);
  g_clear_object (&self->file);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problems_first, g_free);
  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
}

static void
set_document (NlWindow   *self,
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
  self->day = 1;

  self->program_changed_id = g_signal_connect_swapped (program, "changed",
                                                       G_CALLBACK (program_changed_cb), self);
  self->modified_id = g_signal_connect_swapped (self->undo_stack, "notify::modified",
                                                G_CALLBACK (modified_changed_cb), self);

  g_list_store_append (program_store, program);
  g_list_store_append (root, program_store);
  g_list_store_append (root, nl_program_get_phases (program));
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)));
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (flat), FALSE, TRUE,
                                        create_child_model, NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (self->selection));
  selection_changed_cb (self);

  gtk_stack_set_visible_child_name (self->main_stack, "document");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  refresh_cb (self);
}

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-neurolift",
    .app_name = (char *) "Neurolift",
    .app_exec = (char *) "neurolift %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
remember_folder (NlWindow *self,
                 GFile    *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent != NULL && settings_has (self, "last-folder"))
    {
      g_autofree char *uri = g_file_get_uri (parent);

      g_settings_set_string (self->settings, "last-folder", uri);
    }
}

static void
show_error (NlWindow   *self,
            GFile      *file,
            GPtrArray  *diagnostics,
            GError     *error)
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
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Could Not Open “%s”"), basename);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page,
                                   _("The file does not hold a programme Neurolift can read. "
                                     "Each line below names the place of a problem as file:line:column."));
  gtk_label_set_text (GTK_LABEL (self->error_label), text->str);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  update_title (self);
  update_actions (self);
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
  if (program == NULL)
    {
      show_error (self, file, diagnostics, error);
      return FALSE;
    }

  set_document (self, program, file, NULL);
  add_to_recent (file);
  remember_folder (self, file);
  return TRUE;
}

void
nl_window_set_new_program (NlWindow  *self,
                           NlProgram *program)
{
  g_return_if_fail (NL_IS_WINDOW (self));
  g_return_if_fail (NL_IS_PROGRAM (program));

  set_document (self, program, NULL, NULL);
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
  add_to_recent (file);
  remember_folder (self, file);
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

static gboolean
save_or_report (NlWindow *self,
                GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!nl_window_save_to_file (self, file, &error))
    {
      /* Translators: %s is why saving failed */
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      toast (self, message);
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
      toast (self, error->message);
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

static void
templates_row_activated_cb (GtkListBox    *list,
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
      toast (self, error->message);
      return;
    }
  if (entry->origin_uri != NULL)
    origin = g_file_new_for_uri (entry->origin_uri);
  recovery = nl_recovery_new_for_path (program, entry->path);
  set_document (self, program, origin, recovery);
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

/* File dialogs. */

#if GTK_CHECK_VERSION(4, 10, 0)
static GtkFileFilter *
programme_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Neurolift programmes"));
  gtk_file_filter_add_pattern (filter, "*.neurolift");
  return filter;
}

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
    save_or_report (self, file);
  else
    self->close_after_save = FALSE;
}
#else
static void
add_programme_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Neurolift programmes"));
  gtk_file_filter_add_pattern (filter, "*.neurolift");
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
    save_or_report (self, file);
  else
    self->close_after_save = FALSE;
  g_object_unref (dialog);
  g_object_unref (self);
}
#endif

static GFile *
initial_folder (NlWindow *self)
{
  g_autofree char *last = NULL;

  if (self->file != NULL)
    return g_file_get_parent (self->file);
  if (settings_has (self, "last-folder"))
    last = g_settings_get_string (self->settings, "last-folder");
  if (last != NULL && *last != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (last);

      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        return g_steal_pointer (&folder);
    }
  return NULL;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GFile) folder = initial_folder (self);
#if GTK_CHECK_VERSION(4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = programme_filter ();

  g_list_store_append (filters, filter);
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

static void
save_as (NlWindow *self)
{
  g_autoptr(GFile) folder = initial_folder (self);
  const char *title = nl_program_get_title (self->program);
  g_autofree char *name = NULL;

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else
    {
      g_autofree char *base = g_strdup (title != NULL && *title ? title : _("Programme"));

      g_strdelimit (base, "/\\:", '-');
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

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);

  if (self->program == NULL)
    return;
  if (self->file == NULL)
    save_as (self);
  else if (save_or_report (self, self->file))
    toast (self, _("Saved"));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  if (NL_WINDOW (widget)->program != NULL)
    save_as (NL_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  nl_application_open_file (NL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
}

static void
update_recent_menu (NlWindow *self)
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

/* Editing actions. */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);

  if (self->undo_stack != NULL)
    nl_undo_stack_undo (self->undo_stack);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);

  if (self->undo_stack != NULL)
    nl_undo_stack_redo (self->undo_stack);
}

static guint
free_day (NlPhase *phase)
{
  GListModel *sessions = nl_phase_get_sessions (phase);

  for (guint day = NL_SESSION_DAY_MIN; day <= NL_SESSION_DAY_MAX; day++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (sessions) && !used; i++)
        {
          g_autoptr(NlSession) session = g_list_model_get_item (sessions, i);

          used = nl_session_get_day (session) == day;
        }
      if (!used)
        return day;
    }
  return NL_SESSION_DAY_MIN;
}

static char *
free_exercise_id (NlProgram *program)
{
  for (guint i = 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("custom-exercise-%u", i);

      if (nl_program_lookup_custom_exercise (program, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/* Inserts a new item of @kind near the selection and selects it. */
static gboolean
add_item (NlWindow   *self,
          const char *kind)
{
  g_autoptr(GObject) selected = selected_item (self);
  g_autoptr(GObject) item = NULL;
  GObject *container = NULL;
  GObject *sel_container = NULL;
  guint sel_position = 0;
  guint position;
  gboolean have_pos = selected != NULL && !NL_IS_PROGRAM (selected)
                      && find_container (self->program, selected, &sel_container, &sel_position);

  if (g_str_equal (kind, "phase"))
    {
      NlPhase *phase = nl_phase_new (NL_PHASE_TRAINING, 4);

      nl_phase_set_name (phase, _("New phase"));
      item = G_OBJECT (phase);
      container = G_OBJECT (self->program);
      position = nl_program_get_n_phases (self->program);
      if (NL_IS_PHASE (selected) && have_pos)
        position = sel_position + 1;
    }
  else if (g_str_equal (kind, "exercise"))
    {
      g_autofree char *id = free_exercise_id (self->program);
      const NlMuscleInfo *muscle = nl_catalog_get_muscle (nl_catalog_get_default (), 0);

      item = G_OBJECT (nl_exercise_new (id, _("Custom exercise"), muscle->id));
      container = G_OBJECT (self->program);
      position = g_list_model_get_n_items (nl_program_get_exercises (self->program));
      if (NL_IS_EXERCISE (selected) && have_pos)
        position = sel_position + 1;
    }
  else if (g_str_equal (kind, "session"))
    {
      NlPhase *phase = NULL;

      if (NL_IS_PHASE (selected))
        phase = NL_PHASE (selected);
      else if (NL_IS_SESSION (selected) && have_pos)
        phase = NL_PHASE (sel_container);
      else if (NL_IS_SET_GROUP (selected) && have_pos)
        {
          GObject *phase_obj = NULL;
          guint ignored;

          if (find_container (self->program, sel_container, &phase_obj, &ignored))
            phase = NL_PHASE (phase_obj);
        }
      else if (nl_program_get_n_phases (self->program) > 0)
        phase = nl_program_get_phase (self->program, nl_program_get_n_phases (self->program) - 1);
      if (phase == NULL)
        {
          toast (self, _("Add a phase first"));
          return FALSE;
        }
      item = G_OBJECT (nl_session_new (free_day (phase)));
      container = G_OBJECT (phase);
      position = g_list_model_get_n_items (nl_phase_get_sessions (phase));
      if (NL_IS_SESSION (selected) && have_pos)
        position = sel_position + 1;
    }
  else if (g_str_equal (kind, "sets"))
    {
      NlSession *session = NULL;
      NlSetGroup *sets;
      const char *exercise = nl_catalog_get_exercise (nl_catalog_get_default (), 0)->id;

      if (NL_IS_SESSION (selected))
        session = NL_SESSION (selected);
      else if (NL_IS_SET_GROUP (selected) && have_pos)
        {
          session = NL_SESSION (sel_container);
          exercise = nl_set_group_get_exercise (NL_SET_GROUP (selected));
        }
      if (session == NULL)
        {
          toast (self, _("Select a session to add sets to"));
          return FALSE;
        }
      sets = nl_set_group_new (exercise);
      nl_set_group_set_count (sets, 3);
      nl_set_group_set_reps (sets, 10);
      nl_set_group_set_load_pct (sets, 70);
      item = G_OBJECT (sets);
      container = G_OBJECT (session);
      position = g_list_model_get_n_items (nl_session_get_sets (session));
      if (NL_IS_SET_GROUP (selected) && have_pos)
        position = sel_position + 1;
    }
  else
    return FALSE;

  nl_undo_stack_insert (self->undo_stack, container, position, item);
  nl_window_select_item (self, item);
  return TRUE;
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  add_item (NL_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GObject) selected = selected_item (self);
  const char *kind = "phase";

  if (NL_IS_EXERCISE (selected))
    kind = "exercise";
  else if (NL_IS_SESSION (selected))
    kind = "session";
  else if (NL_IS_SET_GROUP (selected))
    kind = "sets";
  add_item (self, kind);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GObject) selected = selected_item (self);
  g_autoptr(GObject) copy = NULL;
  GObject *container = NULL;
  guint position;

  if (selected == NULL || !find_container (self->program, selected, &container, &position))
    return;

  if (NL_IS_PHASE (selected))
    copy = G_OBJECT (nl_phase_copy (NL_PHASE (selected)));
  else if (NL_IS_SESSION (selected))
    {
      copy = G_OBJECT (nl_session_copy (NL_SESSION (selected)));
      /* Days are unique in a phase: the copy takes a free one. */
      nl_session_set_day (NL_SESSION (copy), free_day (NL_PHASE (container)));
    }
  else if (NL_IS_SET_GROUP (selected))
    copy = G_OBJECT (nl_set_group_copy (NL_SET_GROUP (selected)));
  else if (NL_IS_EXERCISE (selected))
    {
      g_autofree char *id = free_exercise_id (self->program);

      copy = G_OBJECT (nl_exercise_copy (NL_EXERCISE (selected)));
      nl_exercise_set_id (NL_EXERCISE (copy), id);
    }
  else
    return;

  nl_undo_stack_insert (self->undo_stack, container, position + 1, copy);
  nl_window_select_item (self, copy);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GObject) selected = selected_item (self);
  GObject *container = NULL;
  guint position;

  if (selected == NULL || !find_container (self->program, selected, &container, &position))
    return;
  nl_undo_stack_remove (self->undo_stack, container, G_OBJECT_TYPE (selected), position);
  update_actions (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GObject) selected = selected_item (self);
  gboolean up = g_str_equal (action_name, "win.move-up");
  GObject *container = NULL;
  guint position, n;

  if (selected == NULL || !find_container (self->program, selected, &container, &position))
    return;
  n = container_length (container, G_OBJECT_TYPE (selected));
  if ((up && position == 0) || (!up && position + 1 >= n))
    return;
  nl_undo_stack_move (self->undo_stack, container, G_OBJECT_TYPE (selected),
                      position, up ? position - 1 : position + 1);
  nl_window_select_item (self, selected);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
show_templates_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  nl_window_show_templates (NL_WINDOW (widget));
}

/* Presentation mode. */

static guint
last_day (NlWindow *self)
{
  return MAX (1, (self->program ? nl_program_get_n_weeks (self->program) : 1) * 7);
}

static void
set_day (NlWindow *self,
         guint     day)
{
  day = CLAMP (day, 1, last_day (self));
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
    set_day (self, self->day > 7 ? self->day - 7 : 1);
}

static void
set_presentation (NlWindow *self,
                  gboolean  presentation)
{
  double scale = 1.6;
  g_autofree char *css = NULL;

  presentation = !!presentation;
  if (presentation == self->presentation)
    return;
  self->presentation = presentation;

  if (settings_has (self, "presentation-text-scale"))
    scale = g_settings_get_double (self->settings, "presentation-text-scale");
  css = g_strdup_printf ("window.presentation label { font-size: %.0f%%; }", scale * 100);
#if GTK_CHECK_VERSION(4, 12, 0)
  gtk_css_provider_load_from_string (self->presentation_css, css);
#else
  gtk_css_provider_load_from_data (self->presentation_css, css, -1);
#endif

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
  gtk_widget_set_visible (self->sidebar, !presentation);
  update_title (self);
  update_actions (self);
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
        save_or_report (self, self->file);
      else
        save_as (self);
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
  if (settings_has (self, "window-maximized"))
    g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && !self->presentation)
    {
      if (settings_has (self, "window-width") && width > 0)
        g_settings_set_int (self->settings, "window-width", width);
      if (settings_has (self, "window-height") && height > 0)
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
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NL_TYPE_WINDOW);
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

  /* The day the views show (1-based); presentation mode steps it by weeks. */
  properties[PROP_DAY] = g_param_spec_uint ("day", NULL, NULL, 1, G_MAXUINT, 1,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] = g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NL_TYPE_EDITOR_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/nl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NlWindow, doc_paned);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, editor_form);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, outline_label);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, templates_list);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, NlWindow, window_title);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-item", "s", add_item_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "win.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "win.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-templates", NULL, show_templates_action);
  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation");
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, leave_presentation_action);
  gtk_widget_class_install_action (widget_class, "win.next-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "win.previous-week", NULL, week_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "win.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "win.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presentation", NULL);
}

static void
nl_window_init (NlWindow *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->day = 1;
  self->autosave_ms = NL_RECOVERY_INTERVAL_S * 1000;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
      if (settings_has (self, "window-width") && settings_has (self, "window-height"))
        gtk_window_set_default_size (GTK_WINDOW (self),
                                     g_settings_get_int (self->settings, "window-width"),
                                     g_settings_get_int (self->settings, "window-height"));
      if (settings_has (self, "window-maximized") && g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  self->presentation_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->presentation_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);

  g_signal_connect (self->templates_list, "row-activated",
                    G_CALLBACK (templates_row_activated_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (file_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_swapped (gtk_recent_manager_get_default (), "changed",
                            G_CALLBACK (update_recent_menu), self);
  update_recent_menu (self);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_title (self);
  update_actions (self);
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
  return gtk_label_get_text (GTK_LABEL (self->error_label));
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
  item = selected_item (self);
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
