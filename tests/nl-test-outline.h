/* nl-test-outline.h — finding an item's row in the window's outline
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "nl-window.h"

/* The position of @item's row in the outline as shown; it must have one. */
static inline guint
outline_row_position (NlWindow *win,
                      GObject  *item)
{
  GListModel *rows = nl_window_get_outline_model (win);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) candidate = gtk_tree_list_row_get_item (row);

      if (candidate == item)
        return i;
    }
  g_assert_not_reached ();
}
