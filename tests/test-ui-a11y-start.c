/* test-ui-a11y-start.c — accessibility turned off only when no screen reader can connect
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nl_accessible_start() decides from the session bus and AT_SPI_BUS_ADDRESS,
 * and whether the bus that names answers (a D-Bus server of the test's
 * own, or none).  GTK reads GTK_A11Y only with its first widget, and these
 * cases make none.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

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

/* A bus that answers: a D-Bus server of this process's own, on a thread
 * with its own main context (the sync connection under test blocks the
 * main one, where the server would otherwise accept). */
typedef struct {
  GMainContext *context;
  gint          stop;   /* atomic */
  GDBusServer  *server;
  GThread      *thread;
  char         *dir;
  char         *address;
  GMutex        lock;
  GCond         ready;
} Bus;

static gboolean
accept_cb (GDBusServer     *server,
           GDBusConnection *connection,
           gpointer         user_data)
{
  return FALSE;   /* closed: being reached was all */
}

static gpointer
bus_thread (gpointer data)
{
  Bus *bus = data;
  g_autofree char *guid = g_dbus_generate_guid ();
  g_autofree char *listen = g_strdup_printf ("unix:tmpdir=%s", bus->dir);
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (bus->context);
  bus->server = g_dbus_server_new_sync (listen, G_DBUS_SERVER_FLAGS_NONE, guid, NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (bus->server, "new-connection", G_CALLBACK (accept_cb), NULL);
  g_dbus_server_start (bus->server);
  g_mutex_lock (&bus->lock);
  bus->address = g_strdup (g_dbus_server_get_client_address (bus->server));
  g_cond_signal (&bus->ready);
  g_mutex_unlock (&bus->lock);
  while (!g_atomic_int_get (&bus->stop))
    g_main_context_iteration (bus->context, TRUE);
  g_dbus_server_stop (bus->server);
  g_clear_object (&bus->server);
  g_main_context_pop_thread_default (bus->context);
  return NULL;
}

static void
bus_start (Bus *bus)
{
  g_autoptr(GError) error = NULL;

  memset (bus, 0, sizeof *bus);
  bus->dir = g_dir_make_tmp ("nl-a11y-bus-XXXXXX", &error);
  g_assert_no_error (error);
  bus->context = g_main_context_new ();
  g_mutex_init (&bus->lock);
  g_cond_init (&bus->ready);
  g_mutex_lock (&bus->lock);
  bus->thread = g_thread_new ("bus", bus_thread, bus);
  while (bus->address == NULL)
    g_cond_wait (&bus->ready, &bus->lock);
  g_mutex_unlock (&bus->lock);
}

static void
bus_stop (Bus *bus)
{
  /* Seen by the thread whether or not it is waiting yet. */
  g_atomic_int_set (&bus->stop, TRUE);
  g_main_context_wakeup (bus->context);
  g_thread_join (bus->thread);
  g_main_context_unref (bus->context);
  g_mutex_clear (&bus->lock);
  g_cond_clear (&bus->ready);
  /* The socket is abstract, or gone with the server. */
  g_rmdir (bus->dir);
  g_clear_pointer (&bus->dir, g_free);
  g_clear_pointer (&bus->address, g_free);
}

static void
test_bus_address (void)
{
  g_autoptr(GApplication) app = app_new ();
  Bus bus;

  bus_start (&bus);
  g_unsetenv ("GTK_A11Y");
  g_setenv ("AT_SPI_BUS_ADDRESS", bus.address, TRUE);
  nl_accessible_start (app);
  g_assert_null (g_getenv ("GTK_A11Y"));
  bus_stop (&bus);

  /* A bus that is gone, and an empty address. */
  g_setenv ("AT_SPI_BUS_ADDRESS", "unix:path=/nonexistent/at-spi-bus", TRUE);
  nl_accessible_start (app);
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "none");
  g_unsetenv ("GTK_A11Y");
  g_setenv ("AT_SPI_BUS_ADDRESS", "", TRUE);
  nl_accessible_start (app);
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "none");
  g_unsetenv ("AT_SPI_BUS_ADDRESS");
}

/* The X root window's AT_SPI_BUS property is not taken: it may be another
 * session's, or left by a launcher that has gone. */
static void
test_root_property_ignored (void)
{
  g_autoptr(GApplication) app = app_new ();
  GdkDisplay *display = gdk_display_get_default ();
  Display *xdisplay;
  Atom atom;
  Bus bus;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  xdisplay = gdk_x11_display_get_xdisplay (display);
  atom = gdk_x11_get_xatom_by_name_for_display (display, "AT_SPI_BUS");
  bus_start (&bus);
  XChangeProperty (xdisplay, DefaultRootWindow (xdisplay), atom, XA_STRING, 8, PropModeReplace,
                   (const unsigned char *) bus.address, (int) strlen (bus.address));
  XSync (xdisplay, False);
  g_unsetenv ("GTK_A11Y");
  nl_accessible_start (app);
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "none");
  XDeleteProperty (xdisplay, DefaultRootWindow (xdisplay), atom);
  XSync (xdisplay, False);
  bus_stop (&bus);
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
  g_test_add_func ("/a11y-start/root-property-ignored", test_root_property_ignored);
  g_test_add_func ("/a11y-start/asked-for", test_asked_for);
  return g_test_run ();
}
