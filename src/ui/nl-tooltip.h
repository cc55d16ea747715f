/* nl-tooltip.h — tooltips that cost no round trip to the display server
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The tooltip of the object that a template gave the id @id. */
typedef struct {
  const char *id;
  const char *text;   /* marked with N_(): translated when it is set */
} NlTooltip;

/* As gtk_widget_set_tooltip_text(), which also sets the accessible
 * description.  GTK then updates any tooltip being shown, and to find it
 * asks the display server where the pointer is (three round trips on
 * X11) for every visible widget, even one not on screen yet: the first
 * window's 16 tooltips made its start about 5 % slower.  A widget that is
 * not realized shows no tooltip, so it is hidden while its tooltip is set;
 * a realized one is left to GTK.  Nothing happens when @text is the
 * tooltip already. */
void nl_tooltip_set     (GtkWidget       *widget,
                         const char      *text);

/* Sets each of @tooltips on the widget under @root (itself included) that
 * has its id, translated; an id that is not found is a programming error.
 * The walk goes into templates nested under @root, so an id must be unique
 * among all of them (the first widget found with it gets the tooltip). */
void nl_tooltip_set_all (GtkWidget       *root,
                         const NlTooltip *tooltips,
                         gsize            n_tooltips);

G_END_DECLS
