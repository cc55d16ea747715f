/* nl-child-list.c — an owned list of document nodes that forwards ::changed
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nl-child-list.h"

static void
child_changed_cb (GObject *child,
                  GObject *owner)
{
  g_signal_emit_by_name (owner, "changed");
}

static void
notify_cb (GObject    *node,
           GParamSpec *pspec,
           gpointer    user_data)
{
  g_signal_emit_by_name (node, "changed");
}

guint
_nl_node_install_changed_signal (GObjectClass *klass)
{
  /**
   * ::changed:
   *
   * Emitted after the node or anything below it changed.
   */
  return g_signal_new ("changed",
                       G_TYPE_FROM_CLASS (klass),
                       G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL,
                       G_TYPE_NONE, 0);
}

void
_nl_node_forward_notify (GObject *node)
{
  g_signal_connect (node, "notify", G_CALLBACK (notify_cb), NULL);
}

void
_nl_child_list_init (NlChildList *list,
                     GObject     *owner,
                     GType        item_type)
{
  list->store = g_list_store_new (item_type);
  list->owner = owner;
}

void
_nl_child_list_clear (NlChildList *list)
{
  if (list->store == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list->store)); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (G_LIST_MODEL (list->store), i);

      g_signal_handlers_disconnect_by_func (child, child_changed_cb, list->owner);
    }
  g_clear_object (&list->store);
}

void
_nl_child_list_insert (NlChildList *list,
                       guint        position,
                       gpointer     item)
{
  g_return_if_fail (G_IS_OBJECT (item));

  position = MIN (position, _nl_child_list_length (list));
  g_signal_connect (item, "changed", G_CALLBACK (child_changed_cb), list->owner);
  g_list_store_insert (list->store, position, item);
  g_signal_emit_by_name (list->owner, "changed");
}

void
_nl_child_list_remove (NlChildList *list,
                       guint        position)
{
  g_autoptr(GObject) child = NULL;

  g_return_if_fail (position < _nl_child_list_length (list));

  child = g_list_model_get_item (G_LIST_MODEL (list->store), position);
  g_signal_handlers_disconnect_by_func (child, child_changed_cb, list->owner);
  g_list_store_remove (list->store, position);
  g_signal_emit_by_name (list->owner, "changed");
}

void
_nl_child_list_move (NlChildList *list,
                     guint        from,
                     guint        to)
{
  g_autoptr(GObject) child = NULL;
  guint n = _nl_child_list_length (list);

  g_return_if_fail (from < n);
  g_return_if_fail (to < n);

  if (from == to)
    return;

  child = g_list_model_get_item (G_LIST_MODEL (list->store), from);
  g_list_store_remove (list->store, from);
  g_list_store_insert (list->store, to, child);
  g_signal_emit_by_name (list->owner, "changed");
}

guint
_nl_child_list_length (NlChildList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list->store));
}

gpointer
_nl_child_list_peek (NlChildList *list,
                     guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list->store), position);

  /* The store keeps its own reference. */
  return item;
}

/* @text as the document keeps it: valid UTF-8 without the characters XML
 * 1.0 cannot hold (most control characters, U+FFFE, U+FFFF).  Leaving them
 * out here rather than only when saving keeps "what the document holds is
 * what is written" true for text pasted into a name. */
static char *
text_for_document (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        continue;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

gboolean
_nl_set_str (char       **ptr,
             const char  *str)
{
  g_autofree char *text = text_for_document (str);

  if (g_strcmp0 (*ptr, text) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_steal_pointer (&text);
  return TRUE;
}

gboolean
_nl_set_optional_name (char       **ptr,
                       const char  *str)
{
  g_autofree char *text = text_for_document (str);

  /* The file has no blank names: a blank one is no name. */
  if (text != NULL && text[strspn (text, " \t\n\r")] == '\0')
    g_clear_pointer (&text, g_free);
  if (g_strcmp0 (*ptr, text) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_steal_pointer (&text);
  return TRUE;
}
