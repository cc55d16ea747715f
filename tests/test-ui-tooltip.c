/* test-ui-tooltip.c — tooltips set without asking the display server
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk_widget_set_tooltip_text() on a visible widget asks the X server
 * where the pointer is, three round trips, even before the widget is on
 * screen; nl_tooltip_set() must not, and must leave the widget as GTK
 * would (the tooltip, the accessible description, the visibility).  The
 * requests sent are counted with Xlib's request serial.
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "nl-test-app.h"
#include "nl-test-widgets.h"
#include "nl-tooltip.h"
#include "nl-window.h"

static NlApplication *app;

/* Requests sent to the X server so far: the serial of the next one. */
static gulong
x_requests (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return XNextRequest (gdk_x11_display_get_xdisplay (display));
}

static void
assert_tooltip (GtkWidget  *widget,
                const char *text)
{
  g_autofree char *wrong = NULL;

  g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, text);
  g_assert_true (gtk_widget_get_has_tooltip (widget));
  /* What GTK gives screen readers with a tooltip. */
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  g_assert_null (wrong);
}

static void
test_unrealized (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *quiet = gtk_button_new_with_label ("Quiet");
  GtkWidget *plain = gtk_button_new_with_label ("Plain");
  gulong before;

  gtk_box_append (GTK_BOX (box), quiet);
  gtk_box_append (GTK_BOX (box), plain);
  gtk_window_set_child (GTK_WINDOW (window), box);

  /* The cost avoided: GTK's own call asks the server. */
  before = x_requests ();
  gtk_widget_set_tooltip_text (plain, "Plain tooltip");
  g_assert_cmpuint (x_requests (), >, before);

  before = x_requests ();
  nl_tooltip_set (quiet, "Open a programme (Ctrl+O)");
  g_assert_cmpuint (x_requests (), ==, before);
  assert_tooltip (quiet, "Open a programme (Ctrl+O)");
  g_assert_true (gtk_widget_get_visible (quiet));

  /* Changed, and taken away. */
  nl_tooltip_set (quiet, "Open");
  assert_tooltip (quiet, "Open");
  nl_tooltip_set (quiet, NULL);
  g_assert_null (gtk_widget_get_tooltip_text (quiet));
  g_assert_false (gtk_widget_get_has_tooltip (quiet));
  g_assert_cmpuint (x_requests (), ==, before);
  g_assert_true (gtk_widget_get_visible (quiet));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_hidden (void)
{
  g_autoptr(GtkWidget) button = g_object_ref_sink (gtk_button_new ());
  gulong before;

  gtk_widget_set_visible (button, FALSE);
  before = x_requests ();
  nl_tooltip_set (button, "Hidden");
  g_assert_cmpuint (x_requests (), ==, before);
  assert_tooltip (button, "Hidden");
  g_assert_false (gtk_widget_get_visible (button));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_realized (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("Shown");
  guint visibility_changes = 0;
  gulong before;

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (button))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect_swapped (button, "notify::visible", G_CALLBACK (count_cb), &visibility_changes);

  /* On screen, it may show a tooltip: GTK updates it, and the button is
   * not hidden for a moment (that would lay the window out again). */
  nl_tooltip_set (button, "Shown tooltip");
  assert_tooltip (button, "Shown tooltip");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpuint (visibility_changes, ==, 0);

  /* The same text again costs nothing. */
  before = x_requests ();
  nl_tooltip_set (button, "Shown tooltip");
  g_assert_cmpuint (x_requests (), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char ui[] =
  "<interface>"
  "  <object class='GtkBox' id='box'>"
  "    <child><object class='GtkButton' id='first'/></child>"
  "    <child><object class='GtkBox'>"
  "      <child><object class='GtkToggleButton' id='nested'/></child>"
  "    </object></child>"
  "    <child><object class='GtkButton' id='untouched'/></child>"
  "  </object>"
  "</interface>";

static const NlTooltip tooltips[] = {
  { "nested", "Nested tooltip" },
  { "first", "First tooltip" },
};

static void
test_set_all (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (ui, -1);
  GtkWidget *box = GTK_WIDGET (gtk_builder_get_object (builder, "box"));
  GtkWidget *untouched;
  gulong before = x_requests ();

  nl_tooltip_set_all (box, tooltips, G_N_ELEMENTS (tooltips));
  g_assert_cmpuint (x_requests (), ==, before);
  assert_tooltip (GTK_WIDGET (gtk_builder_get_object (builder, "first")), "First tooltip");
  assert_tooltip (GTK_WIDGET (gtk_builder_get_object (builder, "nested")), "Nested tooltip");
  untouched = GTK_WIDGET (gtk_builder_get_object (builder, "untouched"));
  g_assert_null (gtk_widget_get_tooltip_text (untouched));
}

static void
test_set_all_missing (void)
{
  static const NlTooltip misspelt[] = { { "frist", "First tooltip" } };

  if (g_test_subprocess ())
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (ui, -1);

      nl_tooltip_set_all (GTK_WIDGET (gtk_builder_get_object (builder, "box")),
                          misspelt, G_N_ELEMENTS (misspelt));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*No widget*frist*under GtkBox for its tooltip*");
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  text)
{
  return (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

/* The window's template: no request for any of its tooltips, so no more
 * requests than a bare window's (GtkWindow asks for the pointer once). */
static void
test_window (void)
{
  static const char *const expected[] = {
    "Show the programme's outline and form (F9)",
    "Open a programme (Ctrl+O)",
    "Undo (Ctrl+Z)",
    "Main menu (F10)",
    "Save the programme (Ctrl+S)",
    "Duplicate (Ctrl+D)",
    "Move down (Alt+Down)",
    "Play or pause the animation (Space)",
    "Show a second day beside the first",
  };
  gulong before, bare_requests;
  GtkWidget *bare;
  NlWindow *window;

  /* What a first window pays once is paid here. */
  gtk_window_destroy (GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app))));
  before = x_requests ();
  bare = adw_application_window_new (GTK_APPLICATION (app));
  bare_requests = x_requests () - before;
  gtk_window_destroy (GTK_WINDOW (bare));

  /* GTK's own call would add 5 requests a tooltip. */
  before = x_requests ();
  window = nl_window_new (app);
  g_assert_cmpuint (x_requests () - before, <=, bare_requests);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *button = find_widget (GTK_WIDGET (window), is_button_with_tooltip, expected[i]);

      g_test_message ("%s", expected[i]);
      g_assert_nonnull (button);
      assert_tooltip (button, expected[i]);
      g_assert_true (gtk_widget_get_visible (button));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = nl_test_app_new (&argc, &argv, "tooltip", NULL);
  g_test_add_func ("/tooltip/set/unrealized", test_unrealized);
  g_test_add_func ("/tooltip/set/hidden", test_hidden);
  g_test_add_func ("/tooltip/set/realized", test_realized);
  g_test_add_func ("/tooltip/set-all/ids", test_set_all);
  g_test_add_func ("/tooltip/set-all/missing-id", test_set_all_missing);
  g_test_add_func ("/tooltip/window", test_window);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
