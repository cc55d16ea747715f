/* nl-window-edit.c — the window's editing actions: undo, add, duplicate, remove, move
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nl-outline.h"
#include "nl-program-xml.h"
#include "nl-window-private.h"

/* Editing actions. */

/* The first row an undo or redo adds to the outline: the item it brings
 * back or moves. */
static void
tree_items_changed_cb (GListModel *tree,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GObject   **first_added)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (added == 0 || *first_added != NULL)
    return;
  row = g_list_model_get_item (tree, position);
  if (row != NULL)
    *first_added = gtk_tree_list_row_get_item (row);
}

/* Undoes or redoes a step, then selects what it brought back or moved;
 * if it took the selected item away, the item that takes its place. */
static void
undo_or_redo (NlWindow *self,
              gboolean  undo)
{
  g_autoptr(GObject) selected = NULL;
  g_autoptr(GObject) neighbour = NULL;
  g_autoptr(GObject) first_added = NULL;
  GObject *changed;
  gboolean focus = _nl_window_outline_has_focus (self);
  gulong id;

  if (self->undo_stack == NULL || self->tree == NULL)
    return;
  if (undo ? !nl_undo_stack_can_undo (self->undo_stack) : !nl_undo_stack_can_redo (self->undo_stack))
    return;
  _nl_window_show_whole_outline (self);
  selected = _nl_window_selected_item (self);
  if (selected != NULL)
    neighbour = _nl_window_neighbour_of (self, selected);

  id = g_signal_connect (self->tree, "items-changed", G_CALLBACK (tree_items_changed_cb), &first_added);
  if (undo)
    nl_undo_stack_undo (self->undo_stack);
  else
    nl_undo_stack_redo (self->undo_stack);
  g_signal_handler_disconnect (self->tree, id);

  changed = nl_undo_stack_get_last_changed (self->undo_stack);
  if (first_added != NULL && _nl_window_select_item_full (self, first_added, focus))
    ;
  /* A field of another item than the one on show: show that item, so the
   * change can be seen (the programme's form holds the trainee's). */
  else if (changed != NULL && changed != selected
           && _nl_window_select_item_full (self, changed, focus || _nl_window_form_has_focus (self)))
    ;
  else if (selected != NULL && _nl_window_select_item_full (self, selected, focus))
    ;
  else if (!_nl_window_select_item_full (self, neighbour, focus))
    _nl_window_select_item_full (self, G_OBJECT (self->program), focus);
  _nl_window_update_actions (self);
}

void
_nl_window_undo_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  undo_or_redo (NL_WINDOW (widget), TRUE);
}

void
_nl_window_redo_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  undo_or_redo (NL_WINDOW (widget), FALSE);
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

/* The number of set groups that name the custom exercise @id. */
static guint
count_uses (NlProgram  *program,
            const char *id)
{
  guint n = 0;

  for (guint p = 0; p < nl_program_get_n_phases (program); p++)
    {
      GListModel *sessions = nl_phase_get_sessions (nl_program_get_phase (program, p));

      for (guint s = 0; s < g_list_model_get_n_items (sessions); s++)
        {
          g_autoptr(NlSession) session = g_list_model_get_item (sessions, s);
          GListModel *sets = nl_session_get_sets (session);

          for (guint i = 0; i < g_list_model_get_n_items (sets); i++)
            {
              g_autoptr(NlSetGroup) group = g_list_model_get_item (sets, i);

              n += g_strcmp0 (nl_set_group_get_exercise (group), id) == 0;
            }
        }
    }
  return n;
}

/* FALSE, with a message saying why, when @container is full: a file cannot
 * hold more (the loader refuses past these limits). */
static gboolean
has_room (NlWindow *self,
          GObject  *container,
          GType     type)
{
  g_autofree char *message = NULL;

  if (type == NL_TYPE_PHASE && nl_program_get_n_phases (self->program) >= NL_MAX_PHASES)
    message = g_strdup_printf (_("A programme holds at most %d phases"), NL_MAX_PHASES);
  else if (type == NL_TYPE_EXERCISE
           && g_list_model_get_n_items (nl_program_get_exercises (self->program)) >= NL_MAX_CUSTOM_EXERCISES)
    message = g_strdup_printf (_("A programme holds at most %d custom exercises"),
                               NL_MAX_CUSTOM_EXERCISES);
  else if (type == NL_TYPE_SET_GROUP
           && g_list_model_get_n_items (nl_session_get_sets (NL_SESSION (container))) >= NL_MAX_SETS_PER_SESSION)
    message = g_strdup_printf (_("A session holds at most %d set groups"), NL_MAX_SETS_PER_SESSION);
  if (message == NULL)
    return TRUE;
  _nl_window_toast (self, message);
  return FALSE;
}

/* FALSE, with a message, when @phase is not a training phase: only a
 * training phase holds sessions, so nothing is added to another. */
static gboolean
holds_sessions (NlWindow *self,
                NlPhase  *phase)
{
  switch (nl_phase_get_kind (phase))
    {
    case NL_PHASE_TRAINING:
      return TRUE;
    case NL_PHASE_DETRAINING:
      _nl_window_toast (self, _("A detraining phase has no sessions; set its kind to Training to add some"));
      return FALSE;
    case NL_PHASE_IMMOBILIZATION:
    default:
      _nl_window_toast (self, _("An immobilisation phase has no sessions; set its kind to Training to add some"));
      return FALSE;
    }
}

/* The item of @type that @item is or lies in, with its container and
 * position; FALSE if there is none. */
static gboolean
find_ancestor (NlProgram *program,
               GObject   *item,
               GType      type,
               GObject  **ancestor,
               GObject  **container,
               guint     *position)
{
  while (item != NULL && !NL_IS_PROGRAM (item))
    {
      GObject *parent = NULL;
      guint index = 0;

      if (!_nl_window_find_container (program, item, &parent, &index))
        return FALSE;
      if (G_OBJECT_TYPE (item) == type)
        {
          *ancestor = item;
          *container = parent;
          *position = index;
          return TRUE;
        }
      item = parent;
    }
  return FALSE;
}

/* The phase a new session goes into: the selected session's (then
 * @after_selected, with the session's @position), the selected phase or
 * the one the selection lies in, else the last; NULL without phases. */
static NlPhase *
session_target (NlWindow *self,
                GObject  *selected,
                gboolean *after_selected,
                guint    *position)
{
  GObject *ancestor = NULL, *container = NULL;

  *after_selected = FALSE;
  if (find_ancestor (self->program, selected, NL_TYPE_SESSION, &ancestor, &container, position))
    {
      *after_selected = TRUE;
      return NL_PHASE (container);
    }
  if (find_ancestor (self->program, selected, NL_TYPE_PHASE, &ancestor, &container, position))
    return NL_PHASE (ancestor);
  if (nl_program_get_n_phases (self->program) > 0)
    return nl_program_get_phase (self->program, nl_program_get_n_phases (self->program) - 1);
  return NULL;
}

/* The session new sets go into: the selected one, or the selected sets'
 * (whose exercise they take, in @exercise); NULL otherwise. */
static NlSession *
sets_target (NlWindow    *self,
             GObject     *selected,
             const char **exercise,
             GObject    **container,
             guint       *position)
{
  if (NL_IS_SESSION (selected))
    return NL_SESSION (selected);
  if (NL_IS_SET_GROUP (selected) && _nl_window_find_container (self->program, selected, container, position))
    {
      *exercise = nl_set_group_get_exercise (NL_SET_GROUP (selected));
      return NL_SESSION (*container);
    }
  return NULL;
}

static gboolean
in_training_phase (NlWindow  *self,
                   NlSession *session)
{
  GObject *phase = NULL;
  guint index;

  return _nl_window_find_container (self->program, G_OBJECT (session), &phase, &index)
         && nl_phase_get_kind (NL_PHASE (phase)) == NL_PHASE_TRAINING;
}

gboolean
_nl_window_can_add (NlWindow   *self,
                    const char *kind)
{
  g_autoptr(GObject) selected = NULL;

  if (self->program == NULL)
    return FALSE;
  selected = _nl_window_selected_item (self);
  if (g_str_equal (kind, "session"))
    {
      gboolean after;
      guint position;
      NlPhase *phase = session_target (self, selected, &after, &position);

      return phase != NULL && nl_phase_get_kind (phase) == NL_PHASE_TRAINING;
    }
  if (g_str_equal (kind, "sets"))
    {
      const char *exercise = NULL;
      GObject *container = NULL;
      guint position;
      NlSession *session = sets_target (self, selected, &exercise, &container, &position);

      return session != NULL && in_training_phase (self, session);
    }
  return TRUE;
}

/* Inserts a new item of @kind near the selection and selects it: right
 * after the selected item of that kind, or after the one the selection
 * lies in (a session after the session of the selected sets, a phase
 * after the phase of the selected session); else at the end of the
 * selected container, or of the programme. */
static gboolean
add_item (NlWindow   *self,
          const char *kind)
{
  g_autoptr(GObject) selected = _nl_window_selected_item (self);
  g_autoptr(GObject) item = NULL;
  GObject *container = NULL;
  GObject *ancestor = NULL;
  GObject *sel_container = NULL;
  guint sel_position = 0;
  guint position;

  if (g_str_equal (kind, "phase"))
    {
      NlPhase *phase;

      if (!has_room (self, G_OBJECT (self->program), NL_TYPE_PHASE))
        return FALSE;
      phase = nl_phase_new (NL_PHASE_TRAINING, 4);

      nl_phase_set_name (phase, _("New phase"));
      item = G_OBJECT (phase);
      container = G_OBJECT (self->program);
      position = nl_program_get_n_phases (self->program);
      if (find_ancestor (self->program, selected, NL_TYPE_PHASE, &ancestor, &sel_container, &sel_position))
        position = sel_position + 1;
    }
  else if (g_str_equal (kind, "exercise"))
    {
      g_autofree char *id = NULL;
      const NlMuscleInfo *muscle = nl_catalog_get_muscle (nl_catalog_get_default (), 0);

      if (!has_room (self, G_OBJECT (self->program), NL_TYPE_EXERCISE))
        return FALSE;
      id = free_exercise_id (self->program);
      item = G_OBJECT (nl_exercise_new (id, _("Custom exercise"), muscle->id));
      container = G_OBJECT (self->program);
      position = g_list_model_get_n_items (nl_program_get_exercises (self->program));
      if (find_ancestor (self->program, selected, NL_TYPE_EXERCISE, &ancestor, &sel_container, &sel_position))
        position = sel_position + 1;
    }
  else if (g_str_equal (kind, "session"))
    {
      gboolean after_selected = FALSE;
      NlPhase *phase = session_target (self, selected, &after_selected, &sel_position);

      if (phase == NULL)
        {
          _nl_window_toast (self, _("Add a phase first"));
          return FALSE;
        }
      if (!holds_sessions (self, phase))
        return FALSE;
      item = G_OBJECT (nl_session_new (free_day (phase)));
      container = G_OBJECT (phase);
      position = g_list_model_get_n_items (nl_phase_get_sessions (phase));
      if (after_selected)
        position = sel_position + 1;
    }
  else if (g_str_equal (kind, "sets"))
    {
      NlSetGroup *sets;
      const char *exercise = nl_catalog_get_exercise (nl_catalog_get_default (), 0)->id;
      NlSession *session = sets_target (self, selected, &exercise, &sel_container, &sel_position);

      if (session == NULL)
        {
          _nl_window_toast (self, _("Select a session to add sets to"));
          return FALSE;
        }
      {
        GObject *phase = NULL;
        guint index;

        if (_nl_window_find_container (self->program, G_OBJECT (session), &phase, &index)
            && !holds_sessions (self, NL_PHASE (phase)))
          return FALSE;
      }
      if (!has_room (self, G_OBJECT (session), NL_TYPE_SET_GROUP))
        return FALSE;
      sets = nl_set_group_new (exercise);
      nl_set_group_set_count (sets, 3);
      nl_set_group_set_reps (sets, 10);
      nl_set_group_set_load_pct (sets, 70);
      item = G_OBJECT (sets);
      container = G_OBJECT (session);
      position = g_list_model_get_n_items (nl_session_get_sets (session));
      if (G_OBJECT (session) == sel_container)
        position = sel_position + 1;
    }
  else
    return FALSE;

  nl_undo_stack_insert (self->undo_stack, container, position, item);
  nl_window_select_item (self, item);
  return TRUE;
}

void
_nl_window_add_item_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  add_item (NL_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* win.add-phase, win.add-session, …: one action a kind, so that the menu
 * greys out what the selection's phase cannot hold. */
void
_nl_window_add_kind_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  add_item (NL_WINDOW (widget), action_name + strlen ("win.add-"));
}

void
_nl_window_add_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GObject) selected = _nl_window_selected_item (self);
  const char *kind = "phase";

  if (NL_IS_EXERCISE (selected))
    kind = "exercise";
  else if (NL_IS_SESSION (selected))
    kind = "session";
  else if (NL_IS_SET_GROUP (selected))
    kind = "sets";
  add_item (self, kind);
}

void
_nl_window_duplicate_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GObject) selected = _nl_window_selected_item (self);
  g_autoptr(GObject) copy = NULL;
  GObject *container = NULL;
  guint position;

  if (selected == NULL || !_nl_window_find_container (self->program, selected, &container, &position))
    return;
  if (!has_room (self, container, G_OBJECT_TYPE (selected)))
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

void
_nl_window_remove_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GObject) selected = _nl_window_selected_item (self);
  GObject *container = NULL;
  guint position;
  g_autoptr(GObject) neighbour = NULL;
  gboolean focus = _nl_window_outline_has_focus (self);

  if (selected == NULL || !_nl_window_find_container (self->program, selected, &container, &position))
    return;
  /* A custom exercise that set groups name stays: removing it would leave
   * them naming an unknown exercise. */
  if (NL_IS_EXERCISE (selected))
    {
      guint uses = count_uses (self->program, nl_exercise_get_id (NL_EXERCISE (selected)));

      if (uses > 0)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "“%s” is used by %u set group; choose another exercise there first",
                                                  "“%s” is used by %u set groups; choose another exercise there first",
                                                  uses),
                                     nl_exercise_get_name (NL_EXERCISE (selected))
                                     ? nl_exercise_get_name (NL_EXERCISE (selected))
                                     : nl_exercise_get_id (NL_EXERCISE (selected)),
                                     uses);
          _nl_window_toast (self, message);
          return;
        }
    }
  /* As in any list editor, the selection moves on to the item beside. */
  neighbour = _nl_window_neighbour_of (self, selected);
  {
    g_autofree char *what = nl_outline_describe_item (self->program, selected);
    /* Translators: %s is what was removed, as the outline names it */
    g_autofree char *message = g_strdup_printf (_("Removed “%s”"), what);
    AdwToast *toast = adw_toast_new (message);

    /* A whole phase can go with one key: say so, with the way back. */
    adw_toast_set_button_label (toast, _("_Undo"));
    adw_toast_set_action_name (toast, "win.undo");
    nl_undo_stack_remove (self->undo_stack, container, G_OBJECT_TYPE (selected), position);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
  if (!_nl_window_select_item_full (self, neighbour, focus))
    _nl_window_select_item_full (self, G_OBJECT (self->program), focus);
  _nl_window_update_actions (self);
}

void
_nl_window_move_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GObject) selected = _nl_window_selected_item (self);
  gboolean up = g_str_equal (action_name, "win.move-up");
  GObject *container = NULL;
  guint position, n;

  if (selected == NULL || !_nl_window_find_container (self->program, selected, &container, &position))
    return;
  n = _nl_window_container_length (container, G_OBJECT_TYPE (selected));
  if ((up && position == 0) || (!up && position + 1 >= n))
    return;
  nl_undo_stack_move (self->undo_stack, container, G_OBJECT_TYPE (selected),
                      position, up ? position - 1 : position + 1);
  nl_window_select_item (self, selected);
}

void
_nl_window_show_page_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, name);
  GtkWidget *focus;

  if (page == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  /* The keyboard follows (Alt+1…3): to the page's first control, not
   * left on whatever held it, which may now be hidden. */
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  /* A selectable label selects all its text as it takes the focus: the
   * whole Outline page would turn blue.  Its cursor goes to the start
   * instead, to select or copy from there. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (GTK_IS_LABEL (focus) && gtk_label_get_selectable (GTK_LABEL (focus)))
    gtk_label_select_region (GTK_LABEL (focus), 0, 0);
}

void
_nl_window_show_templates_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  nl_window_show_templates (NL_WINDOW (widget));
}

void
_nl_window_export_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  NlWindow *self = NL_WINDOW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  /* Where the document is, or where the last file was opened. */
  g_autoptr(GFile) folder = _nl_window_initial_folder (self);

  if (g_str_equal (action_name, "win.export-frames"))
    nl_diagram_page_export_frames (self->diagram_page, GTK_WINDOW (self), folder);
  else if (g_str_equal (action_name, "win.export-csv"))
    nl_trends_page_export_csv (_nl_window_ensure_trends_page (self), GTK_WINDOW (self), folder);
  else if (g_str_equal (action_name, "win.compare"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "trends");
      nl_trends_page_choose_compare (_nl_window_ensure_trends_page (self), GTK_WINDOW (self), folder);
    }
  /* The figure of the view on show. */
  else if (g_strcmp0 (page, "trends") == 0)
    nl_trends_page_export (_nl_window_ensure_trends_page (self), GTK_WINDOW (self), folder);
  else
    nl_diagram_page_export (self->diagram_page, GTK_WINDOW (self), folder);
}
