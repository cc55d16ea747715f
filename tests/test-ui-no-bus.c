/* test-ui-no-bus.c — the application started without a session bus
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The other GUI tests set GTK_A11Y=test.  This one starts as a person
 * would without a session bus (a bare X session, a container): no
 * GTK_A11Y.  GTK 4.8's AT-SPI support then logs criticals (which GTest
 * makes fatal) and crashed when a drop in the outline rebuilt its rows.
 */
#include "config.h"

#include <adwaita.h>

#include "nl-test-app.h"
#include "nl-test-outline.h"
#include "nl-window-private.h"

static NlApplication *app;

static void
test_accessibility_off (void)
{
  g_assert_null (g_application_get_dbus_connection (G_APPLICATION (app)));
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "none");
}

/* A choice made in the environment stays. */
static void
test_asked_for (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "test");
      return;
    }
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_setenv ("GTK_A11Y", "none", TRUE);
}

/* A session dropped on another's row: the outline builds its rows again. */
static void
test_drop (void)
{
  g_autofree char *path = g_build_filename (NL_TEST_SRCDIR, "data", "valid", "issue-example.neurolift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NlWindow *win = nl_window_new (app);
  g_autoptr(NlSession) first = NULL;
  g_autoptr(NlSession) last = NULL;
  g_autoptr(NlSession) now_first = NULL;
  GListModel *sessions;
  GtkWidget *row;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (win), 1200, 900);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  g_assert_true (nl_window_open (win, file));
  _nl_window_show_whole_outline (win);
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      iterate_until_idle ();
    }

  sessions = nl_phase_get_sessions (nl_program_get_phase (nl_window_get_program (win), 0));
  first = g_list_model_get_item (sessions, 0);
  last = g_list_model_get_item (sessions, g_list_model_get_n_items (sessions) - 1);
  g_assert_true (first != last);
  row = _nl_window_outline_row_widget (win, outline_row_position (win, G_OBJECT (first)));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (win->outline_view), &bounds));

  /* On the upper quarter of the first session's row: before it. */
  _nl_window_outline_drag_begin (win, G_OBJECT (last));
  g_assert_cmpint (_nl_window_outline_drag_motion (win, G_OBJECT (last), bounds.origin.x + 20,
                                                   bounds.origin.y + bounds.size.height / 4),
                   ==, GDK_ACTION_MOVE);
  g_assert_true (_nl_window_outline_drag_drop (win, G_OBJECT (last), bounds.origin.x + 20,
                                               bounds.origin.y + bounds.size.height / 4));
  _nl_window_outline_drag_end (win);
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      iterate_until_idle ();
    }
  now_first = g_list_model_get_item (sessions, 0);
  g_assert_true (now_first == last);

  nl_undo_stack_set_clean (nl_window_get_undo_stack (win));
  gtk_window_destroy (GTK_WINDOW (win));
  iterate_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  gboolean subprocess = FALSE;
  int status;

  /* Before GTK starts (so before g_test_init()): a subprocess keeps what
   * its parent set for it. */
  for (int i = 1; i < argc; i++)
    subprocess |= g_str_equal (argv[i], "--GTestSubprocess");
  if (!subprocess)
    g_unsetenv ("GTK_A11Y");
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  g_unsetenv ("AT_SPI_BUS_ADDRESS");
  app = nl_test_app_new (&argc, &argv, "no-bus", NULL);
  g_test_add_func ("/no-bus/accessibility-off", test_accessibility_off);
  g_test_add_func ("/no-bus/asked-for", test_asked_for);
  g_test_add_func ("/no-bus/drop", test_drop);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
