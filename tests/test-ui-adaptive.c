/* test-ui-adaptive.c — the window in narrow sizes: the sidebar and the
 * explanation panels fold rather than squeeze the figures
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's sidebar and the pages' explanations are AdwFlaps
 * (nl-window.ui, nl-diagram-page.ui, nl-trends-page.ui).  AdwFlap is
 * deprecated from libadwaita 1.4, so the tests read and set it through its
 * properties rather than its functions.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nl-application.h"
#include "nl-test-app.h"
#include "nl-diagram-page.h"
#include "nl-explanation-box.h"
#include "nl-resize-handle.h"
#include "nl-trends-page.h"
#include "nl-window.h"
#include "nl-test-widgets.h"

static NlApplication *app;

/* Whether every flap under @widget has finished revealing or hiding. */
static gboolean
flaps_at_rest (GtkWidget *widget)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwFlap"))
    {
      double progress = 0;

      g_object_get (widget, "reveal-progress", &progress, NULL);
      if (progress > 0 && progress < 1)
        return FALSE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!flaps_at_rest (child))
      return FALSE;
  return TRUE;
}

/* Sizes the window as a window manager or a user would, and waits until
 * it is laid out at that size (give or take the few pixels of its frame),
 * the flaps' animations have ended and it is drawn. */
static void
resize (NlWindow *win,
        int       width,
        int       height)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (win), width, height);
  while ((ABS (gtk_widget_get_width (GTK_WIDGET (win)) - width) > 16
          || ABS (gtk_widget_get_height (GTK_WIDGET (win)) - height) > 16)
         && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (win)) - width), <=, 16);
  g_assert_cmpint (ABS (gtk_widget_get_height (GTK_WIDGET (win)) - height), <=, 16);
  /* A fold and a reveal each take a quarter of a second or so. */
  do
    spin_for (300);
  while (!flaps_at_rest (GTK_WIDGET (win)) && g_get_monotonic_time () < end);
  g_assert_true (flaps_at_rest (GTK_WIDGET (win)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  iterate_until_idle ();
}

static NlWindow *
open_window (int width,
             int height)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "valid", "issue-example.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NlWindow *win = nl_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (win), width, height);
  gtk_window_present (GTK_WINDOW (win));
  g_assert_true (nl_window_open (win, file));
  nl_simulation_wait (nl_window_get_simulation (win));
  resize (win, width, height);
  return win;
}

static void
close_window (NlWindow *win)
{
  gtk_window_destroy (GTK_WINDOW (win));
  iterate_until_idle ();
}

static gboolean
get_bool (gpointer    object,
          const char *property)
{
  gboolean value = FALSE;

  g_object_get (object, property, &value, NULL);
  return value;
}

/* The toggle button under @widget that shows @icon_name. */
static GtkWidget *
find_toggle_with_icon (GtkWidget  *widget,
                       const char *icon_name)
{
  if (GTK_IS_TOGGLE_BUTTON (widget)
      && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle_with_icon (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Lets the window lay out and draw again at the size it has. */
static void
settle (NlWindow *win)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  resize (win, width, height);
}

static GtkWidget *
doc_flap (NlWindow *win)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (win), NL_TYPE_WINDOW, "doc_flap"));
}

static GtkWidget *
sidebar (NlWindow *win)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (win), NL_TYPE_WINDOW, "sidebar"));
}

/* The width the document's page has: the window's less its frame. */
static int
page_width (NlWindow *win)
{
  return gtk_widget_get_width (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (win), NL_TYPE_WINDOW, "main_stack")));
}

static GtkWidget *
views (NlWindow *win)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (win), NL_TYPE_WINDOW, "view_stack"));
}

/* Presses Escape where the focus is, as the keyboard would: through the
 * shortcuts of @widget and its ancestors short of the window (whose own
 * Escape leaves presentation mode, and which gathers the shortcuts its
 * children manage for it). */
static void
press_escape (GtkWidget *widget)
{
  for (; widget != NULL && !GTK_IS_ROOT (widget); widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
              || gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_NONE)
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger)
                  && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape
                  && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0
                  && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                   gtk_shortcut_get_arguments (shortcut)))
                return;
            }
        }
    }
  g_assert_not_reached ();
}

/* At 800x600 the sidebar folds: hidden at first, over the views (not
 * taking their width) when asked for, dismissed by Escape; back beside
 * the views, as the user left it, once the window is wide again. */
static void
test_sidebar_folds (void)
{
  NlWindow *win = open_window (1200, 760);
  GtkWidget *flap = doc_flap (win);

  /* Wide: side by side. */
  g_assert_false (get_bool (flap, "folded"));
  g_assert_true (get_bool (win, "show-sidebar"));
  g_assert_true (gtk_widget_get_mapped (sidebar (win)));
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)) + gtk_widget_get_width (views (win)), <=,
                   gtk_widget_get_width (flap));
  g_assert_cmpint (gtk_widget_get_width (views (win)), <, page_width (win) - 300);

  resize (win, 800, 600);
  g_assert_true (get_bool (flap, "folded"));
  g_assert_false (get_bool (win, "show-sidebar"));
  g_assert_false (get_bool (flap, "reveal-flap"));
  g_assert_false (gtk_widget_get_mapped (sidebar (win)));
  g_assert_cmpint (gtk_widget_get_width (views (win)), ==, page_width (win));
  /* Hidden, the outline takes no editing shortcut. */
  g_assert_false (nl_window_get_modified (win));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.add-item", "s", "phase");
  g_assert_false (nl_window_get_modified (win));

  /* F9: over the views, which keep their width; the keyboard goes to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-sidebar", NULL));
  g_assert_true (get_bool (win, "show-sidebar"));
  g_assert_true (get_bool (flap, "reveal-flap"));
  resize (win, 800, 600);
  g_assert_true (get_bool (flap, "folded"));
  g_assert_true (gtk_widget_get_mapped (sidebar (win)));
  g_assert_cmpint (gtk_widget_get_width (views (win)), ==, page_width (win));
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), >=, 320);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), <, page_width (win) / 2 + 100);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (win)), sidebar (win)));
  /* On screen, the outline takes its editing shortcuts again. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.add-item", "s", "phase");
  g_assert_true (nl_window_get_modified (win));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL));
  g_assert_false (nl_window_get_modified (win));
  g_assert_true (get_bool (flap, "reveal-flap"));
  if (!gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (win)), sidebar (win)))
    gtk_widget_grab_focus (sidebar (win));

  /* Escape dismisses it, and the keyboard goes back to the figure. */
  press_escape (gtk_root_get_focus (GTK_ROOT (win)));
  g_assert_false (get_bool (flap, "reveal-flap"));
  g_assert_false (get_bool (win, "show-sidebar"));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (win)), sidebar (win)));

  /* Wide again: beside the views, as the user had it. */
  resize (win, 1200, 760);
  g_assert_false (get_bool (flap, "folded"));
  g_assert_true (get_bool (win, "show-sidebar"));
  g_assert_true (gtk_widget_get_mapped (sidebar (win)));
  g_assert_cmpint (gtk_widget_get_width (views (win)), <, page_width (win) - 300);

  /* Hidden by the user while wide, it stays hidden through a fold. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-sidebar", NULL));
  g_assert_false (get_bool (win, "show-sidebar"));
  resize (win, 800, 600);
  g_assert_false (get_bool (win, "show-sidebar"));
  resize (win, 1200, 760);
  g_assert_false (get_bool (win, "show-sidebar"));
  g_assert_false (get_bool (flap, "reveal-flap"));
  g_assert_cmpint (gtk_widget_get_width (views (win)), ==, page_width (win));

  close_window (win);
}

/* A window opened narrow shows its first frame with the sidebar already
 * folded away, not over the views about to slide off; one opened wide,
 * with it beside them. */
static void
test_sidebar_first_frame (void)
{
  static const struct { int width, height; gboolean folded; } sizes[] = {
    { 800, 600, TRUE },
    { 1200, 760, FALSE },
  };
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "valid", "issue-example.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      NlWindow *win = nl_window_new (app);
      double progress = -1;

      /* As the application opens a file given at start. */
      gtk_window_set_default_size (GTK_WINDOW (win), sizes[i].width, sizes[i].height);
      g_assert_true (nl_window_open (win, file));
      gtk_window_present (GTK_WINDOW (win));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      g_object_get (doc_flap (win), "reveal-progress", &progress, NULL);
      g_test_message ("first frame at %d pixels: folded %d, sidebar revealed %g", sizes[i].width,
                      get_bool (doc_flap (win), "folded"), progress);
      g_assert_cmpint (get_bool (doc_flap (win), "folded"), ==, sizes[i].folded);
      g_assert_cmpfloat (progress, ==, sizes[i].folded ? 0.0 : 1.0);
      g_assert_cmpint (get_bool (win, "show-sidebar"), ==, !sizes[i].folded);
      nl_simulation_wait (nl_window_get_simulation (win));
      close_window (win);
    }
}

/* Presentation mode hides the sidebar over the views too, and leaving it
 * leaves the sidebar hidden in a narrow window. */
static void
test_sidebar_presentation (void)
{
  NlWindow *win = open_window (800, 600);
  GtkWidget *flap = doc_flap (win);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-sidebar", NULL));
  g_assert_true (get_bool (flap, "reveal-flap"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.presentation", NULL));
  g_assert_false (get_bool (flap, "reveal-flap"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.leave-presentation", NULL));
  iterate_until_idle ();
  resize (win, 800, 600);
  g_assert_true (get_bool (flap, "folded"));
  g_assert_false (get_bool (flap, "reveal-flap"));
  g_assert_false (get_bool (win, "show-sidebar"));
  close_window (win);
}

/* The explanation panel under @page is readable: on screen at no less
 * than its minimum width, or folded behind the window's Explanation
 * toggle, which shows it, unclipped, over the figure until Escape.  The
 * toggle is there on both pages, and hides the panel beside a wide figure
 * too. */
static void
check_explanation (NlWindow   *win,
                   GtkWidget  *page,
                   const char *name)
{
  GtkWidget *box = find_widget_of_type (page, NL_TYPE_EXPLANATION_BOX);
  GtkWidget *panel = gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *button = find_toggle_with_icon (GTK_WIDGET (win), "sidebar-show-right-symbolic");
  int minimum;

  g_test_message ("%s page, %d pixels wide", name, gtk_widget_get_width (page));
  g_assert_nonnull (panel);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), !=, NULL);
  gtk_widget_measure (panel, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, >, 150);
  if (gtk_widget_get_mapped (panel))
    {
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
      g_assert_cmpint (gtk_widget_get_width (panel), >=, minimum);
      return;
    }

  /* Folded: the button shows it over the figure. */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  settle (win);
  g_assert_true (gtk_widget_get_mapped (panel));
  g_assert_cmpint (gtk_widget_get_width (panel), >=, minimum);
  g_assert_cmpint (gtk_widget_get_width (panel), <=, gtk_widget_get_width (page));
  press_escape (panel);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  settle (win);
  g_assert_false (gtk_widget_get_mapped (panel));
}

static void
check_both_pages (NlWindow *win)
{
  GtkWidget *diagram = find_widget_of_type (GTK_WIDGET (win), NL_TYPE_DIAGRAM_PAGE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-page", "s", "diagram"));
  settle (win);
  check_explanation (win, diagram, "Diagram");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-page", "s", "trends"));
  settle (win);
  check_explanation (win, find_widget_of_type (GTK_WIDGET (win), NL_TYPE_TRENDS_PAGE), "Trends");
  /* The outline page has no explanation, nor the toggle. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-page", "s", "outline"));
  settle (win);
  g_assert_false (gtk_widget_get_mapped (find_toggle_with_icon (GTK_WIDGET (win), "sidebar-show-right-symbolic")));
}

/* Whether the explanation of the view @name is beside its figure. */
static gboolean
panel_on_screen (NlWindow   *win,
                 const char *name)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-page", "s", name));
  settle (win);
  page = find_widget_of_type (GTK_WIDGET (win), g_str_equal (name, "diagram") ? NL_TYPE_DIAGRAM_PAGE : NL_TYPE_TRENDS_PAGE);
  return gtk_widget_get_mapped (gtk_widget_get_ancestor (find_widget_of_type (page, NL_TYPE_EXPLANATION_BOX),
                                                         GTK_TYPE_SCROLLED_WINDOW));
}

/* At 900 pixels, with the sidebar shown and hidden, and at 1100 where the
 * sidebar stays beside narrower views, no explanation is clipped. */
static void
test_explanation_not_clipped (void)
{
  NlWindow *win = open_window (900, 650);
  GtkWidget *flap = doc_flap (win);

  check_both_pages (win);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-sidebar", NULL));
  check_both_pages (win);
  press_escape (sidebar (win));
  g_assert_false (get_bool (flap, "reveal-flap"));

  resize (win, 1100, 700);
  g_assert_false (get_bool (flap, "folded"));
  g_assert_true (get_bool (win, "show-sidebar"));
  check_both_pages (win);
  /* There the pages are too narrow for both: the panels fold. */
  g_assert_false (panel_on_screen (win, "trends"));
  g_assert_false (panel_on_screen (win, "diagram"));

  /* At the default size everything is side by side, as before. */
  resize (win, 1200, 760);
  check_both_pages (win);
  g_assert_true (panel_on_screen (win, "trends"));
  g_assert_true (panel_on_screen (win, "diagram"));
  close_window (win);
}

/* The sidebar's width: the edge between the sidebar and the views
 * (nl-resize-handle.c) sets it, and the sidebar-width setting keeps it. */

static NlResizeHandle *
sidebar_handle (NlWindow *win)
{
  return NL_RESIZE_HANDLE (gtk_widget_get_template_child (GTK_WIDGET (win), NL_TYPE_WINDOW, "sidebar_handle"));
}

static GSettings *
app_settings (void)
{
  return g_settings_new ("io.github.neurolift.Neurolift");
}

static int
views_minimum (NlWindow *win)
{
  int minimum = 0;

  gtk_widget_measure (gtk_widget_get_parent (views (win)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Moves the edge to @width as a drag does (nl-resize-handle.c's drag
 * handlers make the same calls): one move, several steps, its end. */
static void
drag_sidebar_edge (NlWindow *win,
                   int       width)
{
  NlResizeHandle *handle = sidebar_handle (win);
  int from = nl_resize_handle_get_value (handle);

  for (int i = 1; i <= 5; i++)
    nl_resize_handle_move (handle, from + (width - from) * i / 5);
  nl_resize_handle_finish (handle);
  settle (win);
}

/* Presses @keyval on @widget through its own key bindings, as the keyboard
 * does when @widget has the focus. */
static gboolean
press_key_on (GtkWidget *widget,
              guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static void
count_cb (GSettings  *settings,
          const char *key,
          int        *count)
{
  (*count)++;
}

/* Dragging the edge sets the sidebar's width, within 300 to 640 pixels and
 * never taking the views below their minimum; the setting is written once
 * a move ends, not at each step; a fold and an unfold keep the width. */
static void
test_sidebar_resize (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  NlWindow *win;
  NlResizeHandle *handle;
  GtkWidget *flap;
  int writes = 0, handle_width, upper;

  g_settings_reset (settings, "sidebar-width");
  win = open_window (1400, 800);
  handle = sidebar_handle (win);
  flap = doc_flap (win);
  handle_width = gtk_widget_get_width (GTK_WIDGET (handle));
  g_signal_connect (settings, "changed::sidebar-width", G_CALLBACK (count_cb), &writes);
  g_settings_get_int (settings, "sidebar-width");   /* "changed" needs a read first */

  /* At first the default, as before, and a separator a screen reader can move. */
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 400);
  g_assert_cmpint (nl_resize_handle_get_value (handle), ==, 400);
  g_assert_cmpint (handle_width, >=, 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (handle)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (handle)));
  g_assert_nonnull (gtk_widget_get_cursor (GTK_WIDGET (handle)));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (handle))), ==, "col-resize");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_ROLE_SEPARATOR);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL, "Resize sidebar");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 400.0);

  /* Wider: the views give up what the sidebar takes; one write. */
  drag_sidebar_edge (win, 520);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 520);
  g_assert_cmpint (gtk_widget_get_width (views (win)), ==, gtk_widget_get_width (flap) - 520 - handle_width);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 520);
  g_assert_cmpint (writes, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 520.0);

  /* Clamped at both ends. */
  drag_sidebar_edge (win, 100);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 300);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 300);
  drag_sidebar_edge (win, 2000);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 640);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 640.0);
  g_assert_cmpint (writes, ==, 3);

  /* In a window with less room the views keep their minimum: the
   * sidebar does not fold away under the pointer. */
  resize (win, 1200, 760);
  drag_sidebar_edge (win, 400);
  drag_sidebar_edge (win, 2000);
  upper = gtk_widget_get_width (flap) - handle_width - views_minimum (win);
  g_test_message ("widest sidebar in a %d-pixel flap: %d", gtk_widget_get_width (flap), upper);
  g_assert_cmpint (upper, <, 640);
  g_assert_false (get_bool (flap, "folded"));
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, upper);
  g_assert_cmpint (gtk_widget_get_width (views (win)), >=, views_minimum (win));
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, upper);

  /* Folded and unfolded, the width stays the one chosen. */
  drag_sidebar_edge (win, 480);
  resize (win, 800, 600);
  g_assert_true (get_bool (flap, "folded"));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (handle)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-sidebar", NULL));
  settle (win);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 480);
  g_assert_cmpint (gtk_widget_get_width (views (win)), ==, page_width (win));
  press_escape (gtk_root_get_focus (GTK_ROOT (win)));
  resize (win, 1200, 760);
  g_assert_false (get_bool (flap, "folded"));
  g_assert_true (get_bool (win, "show-sidebar"));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (handle)));
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 480);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 480);

  /* A sidebar wider than fits beside the views folds, and unfolds where
   * both fit again. */
  resize (win, 1400, 800);
  drag_sidebar_edge (win, 600);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 600);
  resize (win, 1200, 760);
  g_assert_true (get_bool (flap, "folded"));
  resize (win, 1400, 800);
  g_assert_false (get_bool (flap, "folded"));
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 600);

  close_window (win);
  g_signal_handlers_disconnect_by_func (settings, count_cb, &writes);
  g_settings_reset (settings, "sidebar-width");
}

/* Without a mouse: the edge takes the keyboard focus, Left and Right move
 * it by steps, Home and End to its ends, each written to the setting; it
 * leaves the Tab order while the sidebar is hidden. */
static void
test_sidebar_resize_keyboard (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  NlWindow *win;
  GtkWidget *handle;
  int step;

  g_settings_reset (settings, "sidebar-width");
  win = open_window (1400, 800);
  handle = GTK_WIDGET (sidebar_handle (win));

  g_assert_true (gtk_widget_grab_focus (handle));
  g_assert_true (gtk_widget_has_focus (handle));
  g_assert_true (press_key_on (handle, GDK_KEY_Right));
  settle (win);
  step = gtk_widget_get_width (sidebar (win)) - 400;
  g_test_message ("a key moves the edge by %d pixels", step);
  g_assert_cmpint (step, >=, 8);
  g_assert_cmpint (step, <=, 32);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 400 + step);
  g_assert_true (press_key_on (handle, GDK_KEY_Left));
  g_assert_true (press_key_on (handle, GDK_KEY_Left));
  settle (win);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 400 - step);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 400 - step);
  g_assert_true (press_key_on (handle, GDK_KEY_End));
  settle (win);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 640);
  g_assert_true (press_key_on (handle, GDK_KEY_Home));
  settle (win);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, 300);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 300);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 300.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 300.0);

  /* Hidden with the sidebar (F9), the keyboard goes back to the figure. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-sidebar", NULL));
  g_assert_false (gtk_widget_get_focusable (handle));
  g_assert_false (gtk_widget_has_focus (handle));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-sidebar", NULL));
  g_assert_true (gtk_widget_get_focusable (handle));

  close_window (win);
  g_settings_reset (settings, "sidebar-width");
}

/* Right to left, the sidebar is on the right: Left widens it, Right
 * narrows it, the arrows moving its edge the way they point. */
static void
test_sidebar_resize_rtl (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  NlWindow *win;
  GtkWidget *handle;
  graphene_rect_t sidebar_box, handle_box, views_box;

  g_settings_reset (settings, "sidebar-width");
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  win = open_window (1400, 800);
  handle = GTK_WIDGET (sidebar_handle (win));
  /* The sidebar is right of the views, the edge between them. */
  g_assert_cmpint (gtk_widget_get_direction (handle), ==, GTK_TEXT_DIR_RTL);
  g_assert_true (gtk_widget_compute_bounds (sidebar (win), GTK_WIDGET (win), &sidebar_box));
  g_assert_true (gtk_widget_compute_bounds (handle, GTK_WIDGET (win), &handle_box));
  g_assert_true (gtk_widget_compute_bounds (views (win), GTK_WIDGET (win), &views_box));
  g_assert_cmpfloat (views_box.origin.x, <, handle_box.origin.x);
  g_assert_cmpfloat (handle_box.origin.x, <, sidebar_box.origin.x);
  g_assert_true (press_key_on (handle, GDK_KEY_Left));
  settle (win);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), >, 400);
  g_assert_true (press_key_on (handle, GDK_KEY_Right));
  g_assert_true (press_key_on (handle, GDK_KEY_Right));
  settle (win);
  g_assert_cmpint (gtk_widget_get_width (sidebar (win)), <, 400);
  close_window (win);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_settings_reset (settings, "sidebar-width");
}

/* A new window starts at the width last chosen, folded from its first
 * frame where that width and the views do not fit side by side. */
static void
test_sidebar_stored_width (void)
{
  static const struct { int stored, window_width; gboolean folded; } cases[] = {
    { 560, 1400, FALSE },
    { 560, 1150, TRUE },
    { 400, 1150, FALSE },
    { 300, 1000, FALSE },
  };
  g_autoptr(GSettings) settings = app_settings ();
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "valid", "issue-example.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NlWindow *win;
      double progress = -1;

      g_settings_set_int (settings, "sidebar-width", cases[i].stored);
      win = nl_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (win), cases[i].window_width, 760);
      g_assert_true (nl_window_open (win, file));
      gtk_window_present (GTK_WINDOW (win));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      g_object_get (doc_flap (win), "reveal-progress", &progress, NULL);
      g_test_message ("%d-pixel sidebar in a %d-pixel window: folded %d, revealed %g", cases[i].stored,
                      cases[i].window_width, get_bool (doc_flap (win), "folded"), progress);
      g_assert_cmpint (get_bool (doc_flap (win), "folded"), ==, cases[i].folded);
      g_assert_cmpfloat (progress, ==, cases[i].folded ? 0.0 : 1.0);
      g_assert_cmpint (nl_resize_handle_get_value (sidebar_handle (win)), ==, cases[i].stored);
      nl_simulation_wait (nl_window_get_simulation (win));
      if (!cases[i].folded)
        {
          settle (win);
          g_assert_cmpint (gtk_widget_get_width (sidebar (win)), ==, cases[i].stored);
        }
      close_window (win);
    }
  g_settings_reset (settings, "sidebar-width");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = NULL;
  int ret;

  app = nl_test_app_new (&argc, &argv, "ui-adaptive", &tmp_dir);

  g_test_add_func ("/adaptive/sidebar/folds", test_sidebar_folds);
  g_test_add_func ("/adaptive/sidebar/first-frame", test_sidebar_first_frame);
  g_test_add_func ("/adaptive/sidebar/presentation", test_sidebar_presentation);
  g_test_add_func ("/adaptive/sidebar/resize", test_sidebar_resize);
  g_test_add_func ("/adaptive/sidebar/resize-keyboard", test_sidebar_resize_keyboard);
  g_test_add_func ("/adaptive/sidebar/resize-rtl", test_sidebar_resize_rtl);
  g_test_add_func ("/adaptive/sidebar/stored-width", test_sidebar_stored_width);
  g_test_add_func ("/adaptive/explanation/not-clipped", test_explanation_not_clipped);

  ret = g_test_run ();
  g_object_unref (app);
  return ret;
}
