/* nl-child-list.h — an owned list of document nodes that forwards ::changed
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the document classes.  Every node type has a ::changed signal;
 * a child list connects each child's ::changed to its owner's, so an edit
 * anywhere bubbles up to NlProgram::changed.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  GListStore *store;
  GObject    *owner;
} NlChildList;

void        _nl_child_list_init    (NlChildList *list,
                                    GObject     *owner,
                                    GType        item_type);
void        _nl_child_list_clear   (NlChildList *list);
void        _nl_child_list_insert  (NlChildList *list,
                                    guint        position,
                                    gpointer     item);
void        _nl_child_list_remove  (NlChildList *list,
                                    guint        position);
void        _nl_child_list_move    (NlChildList *list,
                                    guint        from,
                                    guint        to);
guint       _nl_child_list_length  (NlChildList *list);
gpointer    _nl_child_list_peek    (NlChildList *list,
                                    guint        position);

/* Installs the ::changed signal on a document class. */
guint       _nl_node_install_changed_signal (GObjectClass *klass);
/* Makes every property notification of @node also emit ::changed. */
void        _nl_node_forward_notify         (GObject      *node);

/* Like g_set_str() (GLib 2.76): replaces *@ptr with a copy of @str when they
 * differ.  Returns TRUE when it changed. */
gboolean    _nl_set_str                     (char        **ptr,
                                             const char   *str);
/* Like _nl_set_str() for an optional name: a blank name is stored as NULL. */
gboolean    _nl_set_optional_name           (char        **ptr,
                                             const char   *str);

G_END_DECLS
