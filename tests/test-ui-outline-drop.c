/* test-ui-outline-drop.c — the line that shows where a dragged row lands
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "nl-test-app.h"
#include "nl-test-outline.h"
#include "nl-test-widgets.h"
#include "nl-window-private.h"

static NlApplication *app;

typedef struct {
  NlWindow  *win;
  NlProgram *program;
  NlPhase   *train, *off;
  NlSession *day1, *day3, *day5;
} Fixture;

static GtkWidget *
row_widget (NlWindow *win,
            GObject  *item)
{
  GtkWidget *row = _nl_window_outline_row_widget (win, outline_row_position (win, item));

  g_assert_nonnull (row);
  return row;
}

/* The outline's drop target, the one a real drag talks to: one for the
 * whole list. */
static GtkDropTarget *
list_drop_target (NlWindow *win)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (win->outline_view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

/* The drag source of @item's row (transfer full). */
static GtkDragSource *
row_drag_source (NlWindow *win,
                 GObject  *item)
{
  GtkWidget *child = gtk_widget_get_first_child (row_widget (win, item));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (child);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        return g_object_ref (GTK_DRAG_SOURCE (controller));
    }
  g_assert_not_reached ();
}

/* Where @item's row is, in the list view's coordinates. */
static graphene_rect_t
row_bounds (NlWindow *win,
            GObject  *item)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (row_widget (win, item), GTK_WIDGET (win->outline_view), &bounds));
  g_assert_cmpfloat (bounds.size.height, >, 4);
  return bounds;
}

/* The middle of @item's row across, in the list view's coordinates. */
static double
row_x (NlWindow *win,
       GObject  *item)
{
  graphene_rect_t bounds = row_bounds (win, item);

  return bounds.origin.x + bounds.size.width / 2;
}

/* A height in the upper (@lower FALSE) or lower quarter of @item's row, in
 * the list view's coordinates. */
static double
row_y (NlWindow *win,
       GObject  *item,
       gboolean  lower)
{
  graphene_rect_t bounds = row_bounds (win, item);

  return bounds.origin.y + bounds.size.height * (lower ? 0.75 : 0.25);
}

/* How many rows carry one of the indicator classes; the one that does in
 * @marked, the class in @css_class. */
static guint
count_marked_rows (NlWindow    *win,
                   GtkWidget  **marked,
                   const char **css_class)
{
  static const char * const classes[] = { "drop-before", "drop-after", "drop-into" };
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (win->outline_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
      if (gtk_widget_has_css_class (row, classes[i]))
        {
          n++;
          if (marked != NULL)
            *marked = row;
          if (css_class != NULL)
            *css_class = classes[i];
        }
  return n;
}

/* A drag's pointer at (@x, @y) in the list view's coordinates. */
static GdkDragAction
emit_motion (NlWindow *win,
             double    x,
             double    y)
{
  GdkDragAction action = 0;

  g_signal_emit_by_name (list_drop_target (win), "motion", x, y, &action);
  return action;
}

/* @dragged released at (@x, @y) in the list view's coordinates. */
static gboolean
emit_drop (NlWindow *win,
           GObject  *dragged,
           double    x,
           double    y)
{
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, G_OBJECT_TYPE (dragged));
  g_value_set_object (&value, dragged);
  g_signal_emit_by_name (list_drop_target (win), "drop", &value, x, y, &dropped);
  g_value_unset (&value);
  return dropped;
}

/* A motion on @item's row, on its lower half if @lower. */
static GdkDragAction
emit_motion_on (NlWindow *win,
                GObject  *item,
                gboolean  lower)
{
  return emit_motion (win, row_x (win, item), row_y (win, item, lower));
}

static void
expand_all (NlWindow *win)
{
  GListModel *rows = nl_window_get_outline_model (win);

  /* Expanding a row adds rows after it, which the loop then reaches. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "valid", "issue-example.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *sessions;

  f->win = nl_window_new (app);
  /* Tall enough for every row of the example. */
  gtk_window_set_default_size (GTK_WINDOW (f->win), 1200, 900);
  gtk_window_present (GTK_WINDOW (f->win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
  g_assert_true (nl_window_open (f->win, file));
  f->program = nl_window_get_program (f->win);
  f->train = nl_program_get_phase (f->program, 0);
  f->off = nl_program_get_phase (f->program, 1);
  sessions = nl_phase_get_sessions (f->train);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 3);
  /* The document keeps them alive. */
  f->day1 = g_list_model_get_item (sessions, 0);
  f->day3 = g_list_model_get_item (sessions, 1);
  f->day5 = g_list_model_get_item (sessions, 2);
  g_object_unref (f->day1);
  g_object_unref (f->day3);
  g_object_unref (f->day5);

  _nl_window_show_whole_outline (f->win);
  expand_all (f->win);
  /* The outline takes most of the sidebar, so every row is laid out. */
  gtk_paned_set_position (GTK_PANED (f->win->sidebar), 700);
  /* The new rows get their sizes over the next frames. */
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
      iterate_until_idle ();
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  nl_undo_stack_set_clean (nl_window_get_undo_stack (f->win));
  gtk_window_destroy (GTK_WINDOW (f->win));
  iterate_until_idle ();
}

static GObject *
first_set_of (NlSession *session)
{
  g_autoptr(GObject) sets = g_list_model_get_item (nl_session_get_sets (session), 0);

  return sets;   /* the session keeps it alive */
}

static guint
session_index (NlPhase   *phase,
               NlSession *session)
{
  GListModel *sessions = nl_phase_get_sessions (phase);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NlSession) candidate = g_list_model_get_item (sessions, i);

      if (candidate == session)
        return i;
    }
  return G_MAXUINT;
}

/* The lower half of a session's row: a line under the session, below the
 * rows of its sets, which is where the drop puts it. */
static void
test_line_after (Fixture       *f,
                 gconstpointer  data)
{
  GObject *day1 = G_OBJECT (f->day1), *day3 = G_OBJECT (f->day3);
  g_autoptr(GObject) source = G_OBJECT (row_drag_source (f->win, day1));
  GtkWidget *marked = NULL;
  const char *css_class = NULL;
  NlDropPlan plan;
  double x = row_x (f->win, day3), y = row_y (f->win, day3, TRUE);

  g_assert_true (_nl_window_plan_drop (f->win, day1, day3, TRUE, &plan));
  g_assert_cmpint (plan.place, ==, NL_DROP_AFTER);
  g_assert_true (plan.container == G_OBJECT (f->train));
  g_assert_cmpuint (plan.position, ==, 1);

  _nl_window_outline_drag_begin (f->win, day1);
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-after");
  /* Day 3 is expanded: the line goes under its set group's row, which is
   * just above Day 5's. */
  g_assert_true (marked == row_widget (f->win, first_set_of (f->day3)));
  g_assert_cmpuint (outline_row_position (f->win, first_set_of (f->day3)) + 1, ==,
                    outline_row_position (f->win, G_OBJECT (f->day5)));

  g_signal_emit_by_name (list_drop_target (f->win), "leave");
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);

  /* The drop goes where the line was. */
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_true (emit_drop (f->win, day1, x, y));
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);
  g_assert_cmpuint (session_index (f->train, f->day3), ==, 0);
  g_assert_cmpuint (session_index (f->train, f->day1), ==, plan.position);
  g_assert_cmpuint (session_index (f->train, f->day5), ==, 2);
  g_assert_true (nl_window_get_selected_item (f->win) == day1);

  /* The drag ends after the drop, when the row it started from may be
   * gone: the move rebuilt the rows. */
  g_assert_cmpint (emit_motion_on (f->win, G_OBJECT (f->day5), TRUE), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 1);
  iterate_until_idle ();
  g_signal_emit_by_name (source, "drag-end", NULL, TRUE);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);
  g_assert_null (f->win->drag_item);
  g_assert_null (f->win->drop_target);
  g_assert_cmpuint (f->win->drop_refresh_id, ==, 0);

  /* One step undoes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL));
  g_assert_cmpuint (session_index (f->train, f->day1), ==, 0);
}

/* The upper half of a row: a line above it; from another list too. */
static void
test_line_before (Fixture       *f,
                  gconstpointer  data)
{
  GObject *day5 = G_OBJECT (f->day5), *day1 = G_OBJECT (f->day1);
  GObject *sets = first_set_of (f->day5);
  GObject *target_sets = first_set_of (f->day1);
  GtkWidget *marked = NULL;
  const char *css_class = NULL;
  NlDropPlan plan;
  double x = row_x (f->win, day1), y = row_y (f->win, day1, FALSE);

  _nl_window_outline_drag_begin (f->win, day5);
  g_assert_true (_nl_window_plan_drop (f->win, day5, day1, FALSE, &plan));
  g_assert_cmpint (plan.place, ==, NL_DROP_BEFORE);
  g_assert_cmpuint (plan.position, ==, 0);
  g_assert_cmpint (_nl_window_outline_drag_motion (f->win, day5, x, y),
                   ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-before");
  g_assert_true (marked == row_widget (f->win, day1));
  g_assert_true (_nl_window_outline_drag_drop (f->win, day5, x, y));
  g_assert_cmpuint (session_index (f->train, f->day5), ==, plan.position);
  _nl_window_outline_drag_end (f->win);

  /* Day 5's sets onto the upper half of Day 1's: into Day 1, first. */
  _nl_window_outline_drag_begin (f->win, sets);
  x = row_x (f->win, target_sets);
  y = row_y (f->win, target_sets, FALSE);
  g_assert_true (_nl_window_plan_drop (f->win, sets, target_sets, FALSE, &plan));
  g_assert_true (plan.container == day1);
  g_assert_cmpuint (plan.position, ==, 0);
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-before");
  g_assert_true (marked == row_widget (f->win, target_sets));
  g_assert_true (_nl_window_outline_drag_drop (f->win, sets, x, y));
  {
    g_autoptr(GObject) first = g_list_model_get_item (nl_session_get_sets (f->day1), 0);

    g_assert_true (first == sets);
    g_assert_cmpuint (g_list_model_get_n_items (nl_session_get_sets (f->day5)), ==, 0);
  }
  _nl_window_outline_drag_end (f->win);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);
}

static void
set_expanded (NlWindow *win,
              GObject  *item,
              gboolean  expanded)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (nl_window_get_outline_model (win),
                                                         outline_row_position (win, item));

  gtk_tree_list_row_set_expanded (row, expanded);
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      iterate_until_idle ();
    }
}

/* GtkTreeExpander expands a row a drag rests on: the line "after" it
 * follows, under a pointer that has not moved. */
static void
test_line_follows_expanding (Fixture       *f,
                             gconstpointer  data)
{
  GObject *day1 = G_OBJECT (f->day1), *day3 = G_OBJECT (f->day3);
  GtkWidget *marked = NULL;
  const char *css_class = NULL;

  set_expanded (f->win, day3, FALSE);
  _nl_window_outline_drag_begin (f->win, day1);
  g_assert_cmpint (emit_motion_on (f->win, day3, TRUE), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-after");
  g_assert_true (marked == row_widget (f->win, day3));

  set_expanded (f->win, day3, TRUE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-after");
  g_assert_true (marked == row_widget (f->win, first_set_of (f->day3)));

  set_expanded (f->win, day3, FALSE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_true (marked == row_widget (f->win, day3));

  _nl_window_outline_drag_end (f->win);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);
}

/* Onto a container's row: a frame round it; the item goes last. */
static void
test_frame_into (Fixture       *f,
                 gconstpointer  data)
{
  GObject *day3 = G_OBJECT (f->day3), *off = G_OBJECT (f->off);
  GtkWidget *marked = NULL;
  const char *css_class = NULL;
  NlDropPlan plan;
  double x = row_x (f->win, off), y = row_y (f->win, off, TRUE);

  _nl_window_outline_drag_begin (f->win, day3);
  g_assert_true (_nl_window_plan_drop (f->win, day3, off, TRUE, &plan));
  g_assert_cmpint (plan.place, ==, NL_DROP_INTO);
  g_assert_true (plan.container == off);
  g_assert_cmpuint (plan.position, ==, 0);
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-into");
  g_assert_true (marked == row_widget (f->win, off));

  /* Cancelling the drag takes the frame away. */
  _nl_window_outline_drag_end (f->win);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);

  _nl_window_outline_drag_begin (f->win, day3);
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_true (_nl_window_outline_drag_drop (f->win, day3, x, y));
  g_assert_cmpuint (session_index (f->off, f->day3), ==, plan.position);
  g_assert_cmpuint (g_list_model_get_n_items (nl_phase_get_sessions (f->train)), ==, 2);
  _nl_window_outline_drag_end (f->win);
}

/* Where a drop is refused, or would change nothing: no line, and the
 * drop target answers that no action is possible. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  GObject *day1 = G_OBJECT (f->day1), *day3 = G_OBJECT (f->day3);
  GObject *train = G_OBJECT (f->train);
  GObject *sets = first_set_of (f->day1);
  g_autoptr(NlProgram) original = nl_program_copy (f->program);
  NlDropPlan plan;

  /* Sets onto a phase's row. */
  _nl_window_outline_drag_begin (f->win, sets);
  g_assert_false (_nl_window_plan_drop (f->win, sets, train, TRUE, &plan));
  g_assert_cmpint (plan.place, ==, NL_DROP_NONE);
  g_assert_cmpint (emit_motion_on (f->win, train, TRUE), ==, 0);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);
  g_assert_false (emit_drop (f->win, sets, row_x (f->win, train), row_y (f->win, train, TRUE)));
  _nl_window_outline_drag_end (f->win);

  /* A line that showed goes as the pointer moves on to a refused row. */
  _nl_window_outline_drag_begin (f->win, day1);
  g_assert_cmpint (emit_motion_on (f->win, day3, TRUE), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 1);
  g_assert_cmpint (emit_motion_on (f->win, sets, TRUE), ==, 0);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);

  /* Day 1 onto its own row, or just before Day 3 where it already is. */
  g_assert_cmpint (emit_motion_on (f->win, day1, FALSE), ==, 0);
  g_assert_false (_nl_window_plan_drop (f->win, day1, day3, FALSE, &plan));
  g_assert_cmpint (emit_motion_on (f->win, day3, FALSE), ==, 0);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);
  g_assert_false (_nl_window_outline_drag_drop (f->win, day1, row_x (f->win, day3), row_y (f->win, day3, FALSE)));
  _nl_window_outline_drag_end (f->win);

  g_assert_true (nl_program_equal (f->program, original));
  g_assert_false (nl_undo_stack_can_undo (nl_window_get_undo_stack (f->win)));
}

/* Whether (@x, @y), in the list view's coordinates, is on no row: in the
 * gap between rows or the margin beside one. */
static gboolean
is_between_rows (NlWindow *win,
                 double    x,
                 double    y)
{
  GtkWidget *view = GTK_WIDGET (win->outline_view);

  return gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT) == view;
}

/* libadwaita leaves 2 pixels between a sidebar's rows and 6 beside them,
 * which no row covers: there the nearest row counts, so the line does not
 * go off as the pointer crosses the gap, and a drop there is carried out
 * where the line showed. */
static void
test_gaps_and_margins (Fixture       *f,
                       gconstpointer  data)
{
  GObject *day1 = G_OBJECT (f->day1), *day3 = G_OBJECT (f->day3), *day5 = G_OBJECT (f->day5);
  graphene_rect_t upper, lower;
  GtkWidget *marked = NULL;
  const char *css_class = NULL;
  NlDropPlan plan;
  double x, y;

  set_expanded (f->win, day1, FALSE);
  set_expanded (f->win, day3, FALSE);
  upper = row_bounds (f->win, day1);
  lower = row_bounds (f->win, day3);
  x = row_x (f->win, day1);
  /* Day 1 and Day 3 are next to each other, with a gap between them. */
  g_assert_cmpuint (outline_row_position (f->win, day1) + 1, ==, outline_row_position (f->win, day3));
  g_assert_cmpfloat (lower.origin.y - (upper.origin.y + upper.size.height), >=, 1);
  g_assert_false (is_between_rows (f->win, x, row_y (f->win, day1, TRUE)));
  _nl_window_outline_drag_begin (f->win, day5);

  /* The upper part of the gap: after Day 1. */
  y = upper.origin.y + upper.size.height + 0.5;
  g_assert_true (is_between_rows (f->win, x, y));
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-after");
  g_assert_true (marked == row_widget (f->win, day1));

  /* The lower part: before Day 3, the same place. */
  y = lower.origin.y - 0.5;
  g_assert_true (is_between_rows (f->win, x, y));
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-before");
  g_assert_true (marked == row_widget (f->win, day3));

  /* The margins beside Day 1's row: as on the row. */
  g_assert_cmpfloat (upper.origin.x, >=, 4);
  y = row_y (f->win, day1, FALSE);
  g_assert_true (is_between_rows (f->win, upper.origin.x - 3, y));
  g_assert_cmpint (emit_motion (f->win, upper.origin.x - 3, y), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-before");
  g_assert_true (marked == row_widget (f->win, day1));
  y = row_y (f->win, day1, TRUE);
  g_assert_true (is_between_rows (f->win, upper.origin.x + upper.size.width + 3, y));
  g_assert_cmpint (emit_motion (f->win, upper.origin.x + upper.size.width + 3, y), ==, GDK_ACTION_MOVE);
  g_assert_cmpuint (count_marked_rows (f->win, &marked, &css_class), ==, 1);
  g_assert_cmpstr (css_class, ==, "drop-after");
  g_assert_true (marked == row_widget (f->win, day1));

  /* Down from the top of Day 1 to the middle of Day 3, half a pixel at a
   * time: one line all the way, never none. */
  for (y = upper.origin.y; y < lower.origin.y + lower.size.height / 2; y += 0.5)
    {
      g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
      g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 1);
    }

  /* Released in the gap, Day 5 goes where the line showed: second. */
  y = lower.origin.y - 0.5;
  g_assert_true (_nl_window_plan_drop (f->win, day5, day3, FALSE, &plan));
  g_assert_cmpuint (plan.position, ==, 1);
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_true (emit_drop (f->win, day5, x, y));
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);
  g_assert_cmpuint (session_index (f->train, f->day1), ==, 0);
  g_assert_cmpuint (session_index (f->train, f->day5), ==, plan.position);
  g_assert_cmpuint (session_index (f->train, f->day3), ==, 2);
  _nl_window_outline_drag_end (f->win);
  g_assert_cmpuint (count_marked_rows (f->win, NULL, NULL), ==, 0);
}

/* The rows marked hovered, as GTK marks the one under the pointer. */
static guint
count_hovered_rows (NlWindow   *win,
                    GtkWidget **hovered)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (win->outline_view));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_PRELIGHT)
      {
        n++;
        *hovered = row;
      }
  return n;
}

/* GTK marks hovered the row under the pointer as a drag ends, and the
 * drop moves that row's item, with its row, elsewhere: once the rows are
 * laid out again, the row at the drop is the one marked.  A drag that
 * moved nothing leaves GTK's mark alone. */
static void
test_hover_after_drop (Fixture       *f,
                       gconstpointer  data)
{
  GObject *day1 = G_OBJECT (f->day1), *day5 = G_OBJECT (f->day5);
  GtkWidget *hovered = NULL;
  double x, y;

  /* Cancelled. */
  _nl_window_outline_drag_begin (f->win, day5);
  gtk_widget_set_state_flags (row_widget (f->win, day1), GTK_STATE_FLAG_PRELIGHT, FALSE);
  _nl_window_outline_drag_end (f->win);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
  iterate_until_idle ();
  g_assert_cmpuint (count_hovered_rows (f->win, &hovered), ==, 1);
  g_assert_true (hovered == row_widget (f->win, day1));

  /* Day 5 dropped on the upper half of Day 1's row, whose row GTK has
   * marked: Day 5 takes that place, and Day 1's row goes down a row. */
  x = row_x (f->win, day1);
  y = row_y (f->win, day1, FALSE);
  _nl_window_outline_drag_begin (f->win, day5);
  g_assert_cmpint (emit_motion (f->win, x, y), ==, GDK_ACTION_MOVE);
  g_assert_true (emit_drop (f->win, day5, x, y));
  _nl_window_outline_drag_end (f->win);
  g_assert_cmpuint (session_index (f->train, f->day5), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->win));
      iterate_until_idle ();
    }
  g_assert_cmpuint (count_hovered_rows (f->win, &hovered), ==, 1);
  g_assert_true (hovered == row_widget (f->win, day5));
  g_assert_true (hovered != row_widget (f->win, day1));
}

/* What the pointer carries: the dragged row's icon and name, on a card. */
static void
test_drag_icon (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *row = row_widget (f->win, G_OBJECT (f->day3));
  GtkWidget *row_label = find_widget_of_type (row, GTK_TYPE_LABEL);
  GtkWidget *row_image = find_widget_of_type (row, GTK_TYPE_IMAGE);
  GtkWidget *icon = g_object_ref_sink (_nl_window_outline_drag_icon_new (f->win, G_OBJECT (f->day3)));
  GtkWidget *label = find_widget_of_type (icon, GTK_TYPE_LABEL);
  GtkWidget *image = find_widget_of_type (icon, GTK_TYPE_IMAGE);
  int label_height, icon_height;

  g_assert_true (gtk_widget_has_css_class (icon, "outline-drag-icon"));
  g_assert_nonnull (row_label);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, gtk_label_get_text (GTK_LABEL (row_label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Day 3"));
  g_assert_nonnull (image);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==,
                   gtk_image_get_icon_name (GTK_IMAGE (row_image)));

  /* Styled by the application's sheet: padded round its name. */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &label_height, NULL, NULL, NULL);
  gtk_widget_measure (icon, GTK_ORIENTATION_VERTICAL, -1, &icon_height, NULL, NULL, NULL);
  g_assert_cmpint (icon_height, >=, label_height + 2 * 8);
  g_object_unref (icon);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  app = nl_test_app_new (&argc, &argv, "ui-outline-drop", NULL);

  g_test_add ("/outline-drop/line-after", Fixture, NULL, fixture_setup, test_line_after, fixture_teardown);
  g_test_add ("/outline-drop/line-before", Fixture, NULL, fixture_setup, test_line_before, fixture_teardown);
  g_test_add ("/outline-drop/line-follows-expanding", Fixture, NULL, fixture_setup,
              test_line_follows_expanding, fixture_teardown);
  g_test_add ("/outline-drop/frame-into", Fixture, NULL, fixture_setup, test_frame_into, fixture_teardown);
  g_test_add ("/outline-drop/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/outline-drop/gaps-and-margins", Fixture, NULL, fixture_setup, test_gaps_and_margins,
              fixture_teardown);
  g_test_add ("/outline-drop/drag-icon", Fixture, NULL, fixture_setup, test_drag_icon, fixture_teardown);
  g_test_add ("/outline-drop/hover-after-drop", Fixture, NULL, fixture_setup, test_hover_after_drop,
              fixture_teardown);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
