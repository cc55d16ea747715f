/* nl-accessible.c — small fixes to what screen readers are told
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-accessible"

#include "config.h"

#include <string.h>

#include "nl-accessible.h"

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
