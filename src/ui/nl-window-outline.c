/* nl-window-outline.c — the programme outline in the window's sidebar
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-defer.h"
#include "nl-outline.h"
#include "nl-program-xml.h"
#include "nl-window-private.h"

/* Where @item sits in the document: its container and position. */
gboolean
_nl_window_find_container (NlProgram *program,
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

guint
_nl_window_container_length (GObject *container,
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

/* The outline in the sidebar. */

GListModel *
_nl_window_create_child_model (gpointer item,
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

/* The smallest height of an outline row: libadwaita's stylesheet gives a
 * row of a navigation sidebar 36 pixels and a margin of 2. */
#define MIN_ROW_HEIGHT 32

/* GTK 4.8's list view builds a row widget for every item of a model of up
 * to a few hundred items, visible or not, and each costs about as much as
 * the rest of the sidebar.  Until the window's first frame is painted the
 * outline is therefore a slice of the tree with more rows than the sidebar
 * can show at its height (the position of its paned, as the window opens;
 * the list's own height once it has one); _nl_window_show_whole_outline()
 * then lets it show all of it, right after the next frame (and at once
 * when something is selected).  The same goes for a document opened in a
 * window already on screen, with the default example or from a file.  Rows past the slice are off screen, and
 * the overlay scroll bar that would tell them apart is hidden until the
 * pointer moves, which it cannot before the first frame. */
GtkSliceListModel *
_nl_window_outline_rows_new (NlWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->outline_view));

  if (height <= 0)
    height = gtk_paned_get_position (GTK_PANED (self->sidebar));
  if (height <= 0)
    return gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->tree)), 0, G_MAXUINT);
  return gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->tree)), 0,
                                   height / MIN_ROW_HEIGHT + 2);
}

void
_nl_window_show_whole_outline (NlWindow *self)
{
  if (self->outline_rows != NULL)
    gtk_slice_list_model_set_size (self->outline_rows, G_MAXUINT);
}

void
_nl_window_selection_changed_cb (NlWindow *self)
{
  g_autoptr(GObject) item = _nl_window_selected_item (self);

  if (item == nl_editor_form_get_item (self->editor_form))
    return;
  nl_editor_form_set_item (self->editor_form, self->program, self->undo_stack, item);
  if (self->problems != NULL)
    nl_editor_form_show_problems (self->editor_form, self->problems);
  _nl_window_update_actions (self);
}

/* The item that takes the place of @item when it goes: its next sibling,
 * else the previous one, else its parent (transfer full), or NULL. */
GObject *
_nl_window_neighbour_of (NlWindow *self,
                         GObject  *item)
{
  GObject *container = NULL;
  guint position = 0;
  GListModel *siblings = NULL;
  guint n;

  if (self->program == NULL || NL_IS_PROGRAM (item)
      || !_nl_window_find_container (self->program, item, &container, &position))
    return NULL;
  if (NL_IS_PROGRAM (container))
    siblings = NL_IS_PHASE (item) ? nl_program_get_phases (NL_PROGRAM (container))
                                  : nl_program_get_exercises (NL_PROGRAM (container));
  else if (NL_IS_PHASE (container))
    siblings = nl_phase_get_sessions (NL_PHASE (container));
  else
    siblings = nl_session_get_sets (NL_SESSION (container));
  n = g_list_model_get_n_items (siblings);
  if (position + 1 < n)
    return g_list_model_get_item (siblings, position + 1);
  if (position > 0)
    return g_list_model_get_item (siblings, position - 1);
  return g_object_ref (container);
}

/* Whether the keyboard focus is on a row of the outline. */
gboolean
_nl_window_outline_has_focus (NlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == GTK_WIDGET (self->outline_view)
                           || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->outline_view)));
}

gboolean
_nl_window_form_has_focus (NlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor_form));
}

#if !GTK_CHECK_VERSION (4, 12, 0)
/* GTK 4.8's list view takes Tab to the next row, so a keyboard user
 * pressed Tab once per row to reach the form.  Tab and Shift+Tab on a row
 * now leave the list: the window moves the focus as Tab always does, with
 * the list left out of the chain for that one move.  The arrows still move
 * between rows, and the selection stays. */
static gboolean
tab_direction (guint             keyval,
               GdkModifierType   state,
               GtkDirectionType *direction)
{
  state &= gtk_accelerator_get_default_mod_mask ();
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if (state == GDK_SHIFT_MASK || (state == 0 && keyval == GDK_KEY_ISO_Left_Tab))
    *direction = GTK_DIR_TAB_BACKWARD;
  else if (state == 0)
    *direction = GTK_DIR_TAB_FORWARD;
  else
    return FALSE;
  return TRUE;
}

static gboolean
outline_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        NlWindow              *self)
{
  GtkWidget *list = GTK_WIDGET (self->outline_view);
  GtkDirectionType direction;
  gboolean moved;

  if (!tab_direction (keyval, state, &direction) || !_nl_window_outline_has_focus (self))
    return FALSE;

  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (list, TRUE);
  if (moved)
    gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
  /* Nothing else takes the focus: it stays on the row. */
  return TRUE;
}
#endif

/* Tab from a row goes on to the widgets after the outline rather than to
 * the next row. */
void
_nl_window_outline_setup_tab (NlWindow *self)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_view_set_tab_behavior (self->outline_view, GTK_LIST_TAB_ITEM);
#else
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* In the capture phase: before the list view moves to the next row. */
  gtk_event_controller_set_name (keys, "nl-outline-tab");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (outline_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->outline_view), keys);
#endif
}

static void
scroll_to_position (NlWindow *self,
                    guint     position,
                    gboolean  focus)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_view_scroll_to (self->outline_view, position,
                           focus ? GTK_LIST_SCROLL_FOCUS : GTK_LIST_SCROLL_NONE, NULL);
#else
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (self->outline_view), "list.scroll-to-item", "u", position);
  /* GTK 4.8 has no call to focus a row: its widget takes the focus. */
  if (focus && (row = _nl_window_outline_row_widget (self, position)) != NULL)
    gtk_widget_grab_focus (row);
#endif
}

/* A row just added has no height until the list lays it out, so GTK 4.8
 * takes it for visible: the outline scrolls to the selection once more
 * after the next frame. */
static void
scroll_to_selection_later (GtkWidget *widget)
{
  NlWindow *self = NL_WINDOW (widget);
  guint position;

  if (self->selection == NULL)
    return;
  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_position (self, position, FALSE);
}

/* The row of @item in the outline as shown, and its @position; NULL when
 * no row shows it. */
static GtkTreeListRow *
find_row (NlWindow *self,
          GObject  *item,
          guint    *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GObject) candidate = gtk_tree_list_row_get_item (row);

      if (candidate == item)
        {
          *position = i;
          return g_steal_pointer (&row);
        }
    }
  return NULL;
}

/* Expands the rows of @item's phase and session, outermost first, so that
 * it has a row of its own (the user may have collapsed them). */
static void
expand_ancestors (NlWindow *self,
                  GObject  *item)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  GObject *container = NULL;
  guint position;

  if (NL_IS_PROGRAM (item) || !_nl_window_find_container (self->program, item, &container, &position)
      || container == NULL || NL_IS_PROGRAM (container))
    return;
  expand_ancestors (self, container);
  row = find_row (self, container, &position);
  if (row != NULL)
    gtk_tree_list_row_set_expanded (row, TRUE);
}

/* Selects @item, shows its row and, if @focus, puts the keyboard focus on
 * it. */
gboolean
_nl_window_select_item_full (NlWindow *self,
                             GObject  *item,
                             gboolean  focus)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  if (self->tree == NULL || item == NULL)
    return FALSE;
  /* The selection's positions are the tree's once it shows all of it. */
  _nl_window_show_whole_outline (self);
  expand_ancestors (self, item);
  row = find_row (self, item, &position);
  if (row == NULL)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  _nl_window_selection_changed_cb (self);
  scroll_to_position (self, position, focus);
  nl_defer_after_paint (GTK_WIDGET (self), scroll_to_selection_later);
  return TRUE;
}

gboolean
nl_window_select_item (NlWindow *self,
                       GObject  *item)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);

  return _nl_window_select_item_full (self, item, _nl_window_outline_has_focus (self));
}

/* Enter on a row (or a double click): the item's form takes the focus, at
 * its first field. */
void
_nl_window_outline_activate_cb (GtkListView *view,
                                guint        position,
                                NlWindow    *self)
{
  GtkWidget *form = GTK_WIDGET (self->editor_form);

  gtk_single_selection_set_selected (self->selection, position);
  _nl_window_selection_changed_cb (self);
  gtk_widget_child_focus (form, GTK_DIR_TAB_FORWARD);
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
  /* The row a screen reader lands on is named by its expander (GTK 4.8
   * gives the list item no name of its own): the row's text. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_item_set_accessible_label (list_item, text);
#endif
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

/* Dragging and dropping rows.
 *
 * One function decides what a drop does, _nl_window_plan_drop(): the drop
 * itself carries out its plan, and while a drag hovers a row the same plan
 * draws the line where the item will land (or, for a drop into a
 * container, a frame round the container's row).  A drop the plan refuses
 * shows nothing and the pointer says it is not allowed. */

static const char * const indicator_classes[] = {
  [NL_DROP_BEFORE] = "drop-before",
  [NL_DROP_AFTER] = "drop-after",
  [NL_DROP_INTO] = "drop-into",
};

gboolean
_nl_window_plan_drop (NlWindow   *self,
                      GObject    *dragged,
                      GObject    *target,
                      gboolean    after,
                      NlDropPlan *plan)
{
  GObject *from_container = NULL, *to_container = NULL;
  guint from = 0, to = 0;
  NlDropPlace place;
  GType type;

  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  *plan = (NlDropPlan) { NL_DROP_NONE, NULL, 0 };
  if (self->program == NULL || dragged == NULL || target == NULL || dragged == target
      || !_nl_window_find_container (self->program, dragged, &from_container, &from))
    return FALSE;

  type = G_OBJECT_TYPE (dragged);
  if (G_OBJECT_TYPE (target) == type)
    {
      /* Before or after an item of its own kind, in that item's list. */
      if (!_nl_window_find_container (self->program, target, &to_container, &to))
        return FALSE;
      place = after ? NL_DROP_AFTER : NL_DROP_BEFORE;
      if (after)
        to++;
      /* Its own place, further up the same list, is given up first. */
      if (to_container == from_container && from < to)
        to--;
    }
  else if ((type == NL_TYPE_SET_GROUP && NL_IS_SESSION (target))
           || (type == NL_TYPE_SESSION && NL_IS_PHASE (target))
           || ((type == NL_TYPE_PHASE || type == NL_TYPE_EXERCISE) && NL_IS_PROGRAM (target)))
    {
      /* Into a container: at the end of its list. */
      place = NL_DROP_INTO;
      to_container = target;
      to = _nl_window_container_length (target, type);
      if (to_container == from_container)
        to--;
    }
  else
    return FALSE;

  /* A drop that would leave the item where it is means nothing. */
  if (to_container == from_container && to == from)
    return FALSE;

  plan->place = place;
  plan->container = to_container;
  plan->position = to;
  return TRUE;
}

/* Moves @dragged as @plan says, as one undo step. */
static void
carry_out_drop (NlWindow         *self,
                GObject          *dragged,
                const NlDropPlan *plan)
{
  GObject *from_container = NULL;
  guint from = 0;
  GType type = G_OBJECT_TYPE (dragged);

  if (!_nl_window_find_container (self->program, dragged, &from_container, &from))
    g_return_if_reached ();

  if (plan->container == from_container)
    nl_undo_stack_move (self->undo_stack, from_container, type, from, plan->position);
  else
    {
      g_autoptr(GObject) keep = g_object_ref (dragged);

      nl_undo_stack_begin_group (self->undo_stack, _("Move"));
      nl_undo_stack_remove (self->undo_stack, from_container, type, from);
      nl_undo_stack_insert (self->undo_stack, plan->container, plan->position, keep);
      nl_undo_stack_end_group (self->undo_stack);
    }
  nl_window_select_item (self, dragged);
}

gboolean
nl_window_drop_item (NlWindow *self,
                     GObject  *dragged,
                     GObject  *target)
{
  NlDropPlan plan;

  g_return_val_if_fail (NL_IS_WINDOW (self), FALSE);

  /* As on the upper half of the target's row. */
  if (!_nl_window_plan_drop (self, dragged, target, FALSE, &plan))
    return FALSE;
  carry_out_drop (self, dragged, &plan);
  return TRUE;
}

/* The list item that the outline's row widget @row shows an item in, or
 * NULL (a row being recycled shows none). */
static GtkListItem *
row_list_item (GtkWidget *row)
{
  GtkWidget *child = gtk_widget_get_first_child (row);
  GtkListItem *list_item = child ? g_object_get_data (G_OBJECT (child), "nl-list-item") : NULL;

  return list_item != NULL && gtk_list_item_get_item (list_item) != NULL ? list_item : NULL;
}

/* The widget of the outline's row at @position, if it has one. */
GtkWidget *
_nl_window_outline_row_widget (NlWindow *self,
                               guint     position)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkListItem *list_item = row_list_item (row);

      if (list_item != NULL && gtk_list_item_get_position (list_item) == position)
        return row;
    }
  return NULL;
}

/* The position of the last row of the outline inside the row at @position
 * (itself when it is collapsed or has nothing inside): an item dropped
 * after the row's item lands below that row. */
static guint
last_row_inside (NlWindow *self,
                 guint     position)
{
  GListModel *rows = G_LIST_MODEL (self->outline_rows);
  g_autoptr(GtkTreeListRow) row = NULL;
  guint depth, last = position;

  if (rows == NULL || (row = g_list_model_get_item (rows, position)) == NULL)
    return position;
  depth = gtk_tree_list_row_get_depth (row);
  for (guint i = position + 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) next = g_list_model_get_item (rows, i);

      if (gtk_tree_list_row_get_depth (next) <= depth)
        break;
      last = i;
    }
  return last;
}

/* Shows @place on the row widget @marked (none when NULL) and takes the
 * indicator off every other row. */
static void
show_indicator (NlWindow    *self,
                GtkWidget   *marked,
                NlDropPlace  place)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    for (guint i = NL_DROP_BEFORE; i < G_N_ELEMENTS (indicator_classes); i++)
      {
        if (row == marked && place == i)
          gtk_widget_add_css_class (row, indicator_classes[i]);
        else
          gtk_widget_remove_css_class (row, indicator_classes[i]);
      }
}

/* The item of the row @list_item shows (transfer full), or NULL. */
static GObject *
list_item_dup_item (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* The item of the outline's row nearest to the height @y, in the list
 * view's coordinates (transfer full), its @position, and whether @y is
 * on the row's lower half (@after); NULL when no row is shown.
 *
 * libadwaita's sidebar leaves a gap of 2 pixels between rows and a margin
 * of 6 on each side, which no row covers: a point there belongs to the
 * nearest row above or below, and takes the half of it that faces the
 * point.  The rows are as wide as the list, so only the height counts,
 * which gives the margins beside a row, and the space above the first
 * row and below the last, to that row too. */
static GObject *
dup_item_at_height (NlWindow *self,
                    double    y,
                    guint    *position,
                    gboolean *after)
{
  GtkWidget *view = GTK_WIDGET (self->outline_view);
  GtkListItem *nearest = NULL;
  double best = G_MAXDOUBLE, middle = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (view);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkListItem *list_item = row_list_item (row);
      graphene_rect_t bounds;
      double top, bottom, distance;

      if (list_item == NULL || !gtk_widget_get_mapped (row) || !gtk_widget_compute_bounds (row, view, &bounds)
          || bounds.size.height <= 0)
        continue;
      top = bounds.origin.y;
      bottom = top + bounds.size.height;
      distance = y < top ? top - y : y > bottom ? y - bottom : 0;
      if (distance < best)
        {
          best = distance;
          nearest = list_item;
          middle = (top + bottom) / 2.0;
        }
    }
  if (nearest == NULL)
    return NULL;
  *position = gtk_list_item_get_position (nearest);
  *after = y >= middle;
  return list_item_dup_item (nearest);
}

/* Marks the row of @target, at @position in the outline, with what
 * dropping @dragged there (on the row's lower half if @after) does;
 * returns the drop's action, 0 when it is refused. */
static GdkDragAction
mark_drop (NlWindow *self,
           GObject  *dragged,
           GObject  *target,
           gboolean  after,
           guint     position)
{
  NlDropPlan plan;

  if (!_nl_window_plan_drop (self, dragged, target, after, &plan))
    {
      show_indicator (self, NULL, NL_DROP_NONE);
      return 0;
    }
  if (plan.place == NL_DROP_AFTER)
    position = last_row_inside (self, position);
  show_indicator (self, _nl_window_outline_row_widget (self, position), plan.place);
  return GDK_ACTION_MOVE;
}

/* The row under a drag can change under a still pointer: GtkTreeExpander
 * expands a row the drag rests on, which moves where "after" it is.  The
 * row hovered is remembered, and whenever rows are bound or unbound while
 * it is, the mark is worked out again before the next frame. */
static gboolean
refresh_mark_cb (GtkWidget     *view,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  NlWindow *self = user_data;
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position = 0;

  self->drop_refresh_id = 0;
  if (self->drag_item != NULL && self->drop_target != NULL
      && (row = find_row (self, self->drop_target, &position)) != NULL)
    mark_drop (self, self->drag_item, self->drop_target, self->drop_after, position);
  else
    show_indicator (self, NULL, NL_DROP_NONE);
  return G_SOURCE_REMOVE;
}

static void
refresh_mark_later (NlWindow *self)
{
  /* Rows are unbound as the window goes too. */
  if (self->outline_view == NULL || self->drop_target == NULL || self->drop_refresh_id != 0)
    return;
  self->drop_refresh_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->outline_view),
                                                        refresh_mark_cb, self, NULL);
}

/* Takes the mark off and forgets the row hovered. */
static void
clear_mark (NlWindow *self)
{
  if (self->drop_refresh_id != 0 && self->outline_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->outline_view), self->drop_refresh_id);
  self->drop_refresh_id = 0;
  g_clear_object (&self->drop_target);
  if (self->outline_view != NULL)
    show_indicator (self, NULL, NL_DROP_NONE);
}

GdkDragAction
_nl_window_outline_drag_motion (NlWindow *self,
                                GObject  *dragged,
                                double    x,
                                double    y)
{
  guint position = 0;
  gboolean after = FALSE;
  g_autoptr(GObject) target = dup_item_at_height (self, y, &position, &after);

  if (target == NULL)
    {
      clear_mark (self);
      return 0;
    }
  g_set_object (&self->drop_target, target);
  self->drop_after = after;
  return mark_drop (self, dragged, target, after, position);
}

void
_nl_window_outline_drag_leave (NlWindow *self)
{
  clear_mark (self);
}

/* As a drag ends GTK marks hovered the row under the pointer, and the
 * drop moves that row's item, with its row widget, elsewhere; GTK marks
 * the row now under the pointer only once the pointer crosses into it.
 * Once the rows are laid out again, the row at the drop is marked, and
 * only it. */
static void
hover_after_drop (GtkWidget *widget)
{
  NlWindow *self = NL_WINDOW (widget);
  graphene_point_t drop = GRAPHENE_POINT_INIT (self->drop_x, self->drop_y);

  if (self->outline_view == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->outline_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (row, GTK_WIDGET (self->outline_view), &bounds)
          && graphene_rect_contains_point (&bounds, &drop))
        gtk_widget_set_state_flags (row, GTK_STATE_FLAG_PRELIGHT, FALSE);
      else
        gtk_widget_unset_state_flags (row, GTK_STATE_FLAG_PRELIGHT);
    }
}

/* The drop may rebuild every row, so nothing here is read after it but
 * the window and the items, which the document keeps. */
gboolean
_nl_window_outline_drag_drop (NlWindow *self,
                              GObject  *dragged,
                              double    x,
                              double    y)
{
  guint position = 0;
  gboolean after = FALSE;
  g_autoptr(GObject) target = dup_item_at_height (self, y, &position, &after);
  NlDropPlan plan;

  clear_mark (self);
  if (!_nl_window_plan_drop (self, dragged, target, after, &plan))
    return FALSE;
  carry_out_drop (self, dragged, &plan);
  self->drop_x = x;
  self->drop_y = y;
  nl_defer_after_paint (GTK_WIDGET (self), hover_after_drop);
  return TRUE;
}

/* The item being dragged from this window's outline, while a drag is on:
 * the list's drop target asks for it as the pointer moves (the drop's own
 * value is read only when it is dropped). */
void
_nl_window_outline_drag_begin (NlWindow *self,
                               GObject  *dragged)
{
  g_set_object (&self->drag_item, dragged);
}

void
_nl_window_outline_drag_end (NlWindow *self)
{
  clear_mark (self);
  g_clear_object (&self->drag_item);
}

/* What the pointer carries while @item is dragged: its icon and name as
 * the outline shows them, on a card (GTK's default is a generic
 * document icon, the same for every row). */
GtkWidget *
_nl_window_outline_drag_icon_new (NlWindow *self,
                                  GObject  *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label;
  g_autofree char *text = nl_outline_describe_item (self->program, item);

  gtk_widget_add_css_class (box, "outline-drag-icon");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (nl_outline_icon_for_item (item)));
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "outline-text");
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkListItem   *list_item)
{
  NlWindow *self = g_object_get_data (G_OBJECT (list_item), "nl-window");
  g_autoptr(GObject) item = list_item_dup_item (list_item);
  GtkWidget *child;
  int hot_x;

  if (item == NULL)
    return;
  _nl_window_outline_drag_begin (self, item);
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)),
                           _nl_window_outline_drag_icon_new (self, item));
  /* Held by its icon, just inside the card's padding: at the card's
   * right end in a right-to-left language. */
  child = gtk_drag_icon_get_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)));
  hot_x = 16;
  if (gtk_widget_get_direction (child) == GTK_TEXT_DIR_RTL)
    {
      int width = 0;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      hot_x = MAX (0, width - 16);
    }
  gdk_drag_set_hotspot (drag, hot_x, 12);
}

/* The drag may end after its row has gone (a drop moves it): this and
 * "leave" are told the window, not the row. */
static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             NlWindow      *self)
{
  _nl_window_outline_drag_end (self);
}

/* "enter" and "motion" alike.  The window outlives its list view and the
 * list's drop target, but its pointer to the list is cleared as it is
 * disposed, before them. */
static GdkDragAction
outline_motion_cb (GtkDropTarget *target,
                   double         x,
                   double         y,
                   NlWindow      *self)
{
  if (self->outline_view == NULL)
    return 0;
  return _nl_window_outline_drag_motion (self, self->drag_item, x, y);
}

static void
outline_leave_cb (GtkDropTarget *target,
                  NlWindow      *self)
{
  if (self->outline_view != NULL)
    _nl_window_outline_drag_leave (self);
}

static gboolean
outline_drop_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 NlWindow      *self)
{
  if (self->outline_view == NULL || !G_VALUE_HOLDS_OBJECT (value))
    return FALSE;
  return _nl_window_outline_drag_drop (self, g_value_get_object (value), x, y);
}

/* One drop target for the whole list rather than one per row: the gaps
 * and margins round the rows then take drops too (see
 * dup_item_at_height()), and the drag does not leave and re-enter a target
 * at every gap, which made the line blink off between rows.  Made once,
 * with the window. */
void
_nl_window_outline_setup_drop (NlWindow *self)
{
  GtkDropTarget *drop;
  GType types[] = { NL_TYPE_PHASE, NL_TYPE_SESSION, NL_TYPE_SET_GROUP, NL_TYPE_EXERCISE };

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (drop), "nl-outline-drop");
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "enter", G_CALLBACK (outline_motion_cb), self);
  g_signal_connect (drop, "motion", G_CALLBACK (outline_motion_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (outline_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (outline_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->outline_view), GTK_EVENT_CONTROLLER (drop));
}

void
_nl_window_row_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         NlWindow                 *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
  g_object_set_data (G_OBJECT (list_item), "nl-window", self);
  g_object_set_data (G_OBJECT (expander), "nl-list-item", list_item);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), list_item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), list_item);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (source));
}

static void
row_item_changed_cb (GtkListItem *list_item)
{
  row_update_label (list_item);
}

void
_nl_window_row_bind_cb (GtkSignalListItemFactory *factory,
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
  refresh_mark_later (self);
}

void
_nl_window_row_unbind_cb (GtkSignalListItemFactory *factory,
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
  refresh_mark_later (self);
}
