/* nl-tooltip.c — tooltips that cost no round trip to the display server
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-tooltip"

#include "config.h"

#include <glib/gi18n.h>

#include "nl-tooltip.h"

void
nl_tooltip_set (GtkWidget  *widget,
                const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;
  if (gtk_widget_get_visible (widget) && !gtk_widget_get_realized (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (widget, text);
}

/* Returns how many of @tooltips are left to set. */
static gsize
set_all (GtkWidget       *widget,
         const NlTooltip *tooltips,
         gsize            n_tooltips,
         gboolean        *found,
         gsize            n_left)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  for (gsize i = 0; id != NULL && i < n_tooltips; i++)
    if (!found[i] && g_str_equal (id, tooltips[i].id))
      {
        nl_tooltip_set (widget, _(tooltips[i].text));
        found[i] = TRUE;
        n_left--;
        break;
      }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && n_left > 0; child = gtk_widget_get_next_sibling (child))
    n_left = set_all (child, tooltips, n_tooltips, found, n_left);
  return n_left;
}

void
nl_tooltip_set_all (GtkWidget       *root,
                    const NlTooltip *tooltips,
                    gsize            n_tooltips)
{
  g_autofree gboolean *found = NULL;

  g_return_if_fail (GTK_IS_WIDGET (root));

  found = g_new0 (gboolean, n_tooltips);
  if (set_all (root, tooltips, n_tooltips, found, n_tooltips) == 0)
    return;
  for (gsize i = 0; i < n_tooltips; i++)
    if (!found[i])
      g_critical ("No widget “%s” under %s for its tooltip",
                  tooltips[i].id, G_OBJECT_TYPE_NAME (root));
}
