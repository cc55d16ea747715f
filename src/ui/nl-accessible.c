/* nl-accessible.c — small fixes to what screen readers are told
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-accessible"

#include "config.h"

#include <string.h>

#include "nl-accessible.h"

#if defined (GDK_WINDOWING_X11) && defined (NL_HAVE_X11)
#include <gdk/x11/gdkx.h>
#endif

/* Whether the X server tells where the accessibility bus is (as
 * at-spi-bus-launcher does, for applications without a session bus). */
static gboolean
x11_has_bus_address (GdkDisplay *display)
{
#if defined (GDK_WINDOWING_X11) && defined (NL_HAVE_X11)
  if (GDK_IS_X11_DISPLAY (display))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (display);
      Atom type = None;
      int format;
      unsigned long n_items, after;
      unsigned char *data = NULL;

      gdk_x11_display_error_trap_push (display);
      XGetWindowProperty (xdisplay, DefaultRootWindow (xdisplay),
                          gdk_x11_get_xatom_by_name_for_display (display, "AT_SPI_BUS"),
                          0, 0, False, AnyPropertyType, &type, &format, &n_items, &after, &data);
      gdk_x11_display_error_trap_pop_ignored (display);
      if (data != NULL)
        XFree (data);
      return type != None;
    }
#endif
  return FALSE;
}

void
nl_accessible_start (GApplication *app)
{
  const char *address = g_getenv ("AT_SPI_BUS_ADDRESS");
  GdkDisplay *display = gdk_display_get_default ();

  g_return_if_fail (G_IS_APPLICATION (app));

  if (g_getenv ("GTK_A11Y") != NULL || g_application_get_dbus_connection (app) != NULL
      || (address != NULL && *address != '\0')
      || (display != NULL && x11_has_bus_address (display)))
    return;
  g_debug ("No session bus and no accessibility bus: accessibility off");
  g_setenv ("GTK_A11Y", "none", TRUE);
}

static gboolean
has_mnemonic (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);

  return gtk_button_get_use_underline (button) && label != NULL && strchr (label, '_') != NULL;
}

void
nl_accessible_fix_mnemonic_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* A menu button's label is its inner toggle button's. */
  if (GTK_IS_BUTTON (root) && has_mnemonic (GTK_BUTTON (root)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    nl_accessible_fix_mnemonic_names (child);
}

static GtkWidget *
find_toggle_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_TOGGLE_BUTTON (child) ? child : find_toggle_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
nl_accessible_name_drop_down (GtkDropDown *drop_down,
                              const char  *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  button = find_toggle_button (GTK_WIDGET (drop_down));
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
