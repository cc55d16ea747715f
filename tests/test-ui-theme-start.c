/* test-ui-theme-start.c — GTK started on the empty theme, libadwaita styled
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nl_theme_start() changes the process's environment and starts GTK, so
 * each case runs in a subprocess of its own.
 */
#include "config.h"

#include <adwaita.h>

#include "nl-test-subprocess.h"
#include "nl-theme-start.h"

/* The font size CSS gives a label with @css_class, in Pango units. */
static int
label_font_size (const char *css_class)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Size");
  const PangoFontDescription *desc;
  int size;

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_window_set_child (GTK_WINDOW (window), label);
  desc = pango_context_get_font_description (gtk_widget_get_pango_context (label));
  size = pango_font_description_get_size (desc);
  gtk_window_destroy (GTK_WINDOW (window));
  return size;
}

/* A plain button's smallest height: GTK's default theme pads it (34
 * pixels on GTK 4.8), the empty theme does not. */
static int
button_min_height (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("Size");
  int minimum = 0;

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &minimum, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  return minimum;
}

static void
start_default (void)
{
  g_autofree char *theme = NULL;

  g_unsetenv ("GTK_THEME");
  g_assert_true (nl_theme_start ());
  /* GTK is up, on the empty theme, and the variable is gone again, so
   * that libadwaita loads its style sheet (and children do not inherit
   * it). */
  g_assert_true (gtk_is_initialized ());
  g_assert_null (g_getenv ("GTK_THEME"));
  /* GTK started on the empty theme, before libadwaita switched to it. */
  g_assert_cmpint (button_min_height (), <, 24);

  adw_init ();
  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme, NULL);
  g_assert_cmpstr (theme, ==, "Adwaita-empty");
  /* libadwaita's style classes apply: "title-1" is its, not GTK's. */
  g_assert_cmpint (label_font_size ("title-1"), >, label_font_size (NULL) * 3 / 2);
}

/* A theme the user asks for with GTK_THEME is kept. */
static void
start_user_theme (void)
{
  g_autofree char *theme = NULL;

  g_setenv ("GTK_THEME", "Adwaita", TRUE);
  g_assert_true (nl_theme_start ());
  g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, "Adwaita");
  /* GTK's own theme, as asked (the case above would catch the empty
   * one only if the two differ). */
  g_assert_cmpint (button_min_height (), >=, 24);
  adw_init ();
  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme, NULL);
  g_assert_cmpstr (theme, !=, "Adwaita-empty");
}

/* Without a display nothing starts, and the environment is as it was. */
/* Once GTK runs (as in the tests of the application) nothing changes. */
static void
start_started (void)
{
  g_unsetenv ("GTK_THEME");
  g_assert_true (gtk_init_check ());
  g_assert_true (nl_theme_start ());
  g_assert_null (g_getenv ("GTK_THEME"));
  g_assert_cmpint (button_min_height (), >=, 24);
}

static void
start_no_display (void)
{
  g_unsetenv ("GTK_THEME");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_setenv ("DISPLAY", ":no-such-display", TRUE);
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_assert_false (nl_theme_start ());
  g_assert_null (g_getenv ("GTK_THEME"));
}

int
main (int   argc,
      char *argv[])
{
  /* Not gtk_test_init(): starting GTK is what is tested. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/theme-start/default", start_default, nl_test_in_subprocess);
  g_test_add_data_func ("/theme-start/user-theme", start_user_theme, nl_test_in_subprocess);
  g_test_add_data_func ("/theme-start/started", start_started, nl_test_in_subprocess);
  g_test_add_data_func ("/theme-start/no-display", start_no_display, nl_test_in_subprocess);
  return g_test_run ();
}
