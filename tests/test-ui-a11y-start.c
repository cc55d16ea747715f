/* test-ui-a11y-start.c — accessibility turned off only when no screen reader can connect
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nl_accessible_start() decides from the session bus, AT_SPI_BUS_ADDRESS
 * and the X root window's AT_SPI_BUS property.  GTK reads GTK_A11Y only
 * with its first widget, and these cases make none.
 */
#include "config.h"

#include <string.h>

#include <X11/Xatom.h>
#include <gdk/x11/gdkx.h>
#include <gtk/gtk.h>

#include "nl-accessible.h"

/* A registered application without a session bus (the tests have none). */
static GApplication *
app_new (void)
{
  static guint n;
  g_autofree char *id = g_strdup_printf ("io.github.neurolift.A11yStart%u", n++);
  GApplication *app = g_application_new (id, G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (g_application_get_dbus_connection (app));
  return app;
}

static void
test_no_bus (void)
{
  g_autoptr(GApplication) app = app_new ();

  g_unsetenv ("GTK_A11Y");
  nl_accessible_start (app);
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "none");
}

static void
test_bus_address (void)
{
  g_autoptr(GApplication) app = app_new ();

  g_unsetenv ("GTK_A11Y");
  g_setenv ("AT_SPI_BUS_ADDRESS", "unix:path=/nonexistent/at-spi-bus", TRUE);
  nl_accessible_start (app);
  g_assert_null (g_getenv ("GTK_A11Y"));
  /* Empty is none. */
  g_setenv ("AT_SPI_BUS_ADDRESS", "", TRUE);
  nl_accessible_start (app);
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "none");
  g_unsetenv ("AT_SPI_BUS_ADDRESS");
}

static void
test_root_property (void)
{
  g_autoptr(GApplication) app = app_new ();
  GdkDisplay *display = gdk_display_get_default ();
  Display *xdisplay;
  Atom atom;
  const char *address = "unix:path=/nonexistent/at-spi-bus";

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  xdisplay = gdk_x11_display_get_xdisplay (display);
  atom = gdk_x11_get_xatom_by_name_for_display (display, "AT_SPI_BUS");
  XChangeProperty (xdisplay, DefaultRootWindow (xdisplay), atom, XA_STRING, 8, PropModeReplace,
                   (const unsigned char *) address, (int) strlen (address));
  XSync (xdisplay, False);

  g_unsetenv ("GTK_A11Y");
  nl_accessible_start (app);
  g_assert_null (g_getenv ("GTK_A11Y"));

  XDeleteProperty (xdisplay, DefaultRootWindow (xdisplay), atom);
  XSync (xdisplay, False);
  nl_accessible_start (app);
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "none");
}

static void
test_asked_for (void)
{
  g_autoptr(GApplication) app = app_new ();

  g_setenv ("GTK_A11Y", "atspi", TRUE);
  nl_accessible_start (app);
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "atspi");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  g_unsetenv ("AT_SPI_BUS_ADDRESS");
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/a11y-start/no-bus", test_no_bus);
  g_test_add_func ("/a11y-start/bus-address", test_bus_address);
  g_test_add_func ("/a11y-start/root-property", test_root_property);
  g_test_add_func ("/a11y-start/asked-for", test_asked_for);
  return g_test_run ();
}
