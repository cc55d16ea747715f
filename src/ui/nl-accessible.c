/* nl-accessible.c — small fixes to what screen readers are told
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-accessible"

#include "config.h"

#include <string.h>

#include "nl-accessible.h"

/* Whether a connection to @address can be made and authenticated (the
 * one GTK makes next would then succeed too). */
static gboolean
bus_reachable (const char *address)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_dbus_connection_new_for_address_sync (address, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT,
                                                       NULL, NULL, &error);
  if (connection == NULL)
    {
      g_debug ("Accessibility bus %s: %s", address, error->message);
      return FALSE;
    }
  g_dbus_connection_close_sync (connection, NULL, NULL);
  return TRUE;
}

void
nl_accessible_start (GApplication *app)
{
  const char *address = g_getenv ("AT_SPI_BUS_ADDRESS");

  g_return_if_fail (G_IS_APPLICATION (app));

  if (g_getenv ("GTK_A11Y") != NULL || g_application_get_dbus_connection (app) != NULL)
    return;
  if (address != NULL && *address != '\0' && bus_reachable (address))
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
