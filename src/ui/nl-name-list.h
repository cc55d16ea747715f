/* nl-name-list.h — drop-down lists whose open list shows whole names
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown or AdwComboRow of a GtkStringList ellipsizes long names by
 * default, in the closed button and in the open list alike, so two
 * catalogue exercises that differ only at the end look the same.  These
 * helpers give such a widget a list factory whose labels wrap and are
 * never cut, with a check mark on the selected name, and keep the closed
 * widget short (ellipsized) but with the whole name as its tooltip and as
 * its accessible description.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @max_width_chars: width of the name in the closed button (-1: as wide
 * as it needs). */
void nl_name_list_setup_drop_down (GtkDropDown *drop_down,
                                   int          max_width_chars);
void nl_name_list_setup_combo_row (AdwComboRow *row);

G_END_DECLS
