/* nl-accessible.h — small fixes to what screen readers are told
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8's AT-SPI support starts even when it cannot use the
 * accessibility bus, with no connection: it logs criticals from the first
 * window on and crashes when a list removes rows.  Without a session bus
 * it has only AT_SPI_BUS_ADDRESS (as Flatpak sets it) and, on X11, the
 * root window's AT_SPI_BUS property, which may be another session's or
 * one that a dead launcher left.  So when @app (registered) has no session
 * bus, GTK_A11Y is set to "none" unless AT_SPI_BUS_ADDRESS names a bus
 * that answers; a value set in the environment stays.  Call it once GTK
 * has opened its display and before the first widget is made. */
void nl_accessible_start (GApplication *app);

/* GTK 4.8 names a button whose label has a mnemonic twice, once with the
 * underscore ("_Open Open"): for every such button in @root and below
 * (and menu button), the label property GTK set is dropped, so that the
 * name comes from the visible label alone. */
void nl_accessible_fix_mnemonic_names (GtkWidget *root);

/* GTK 4.8 gives a drop-down's inner button, which takes the focus, no
 * name: it gets @label (the drop-down's own name, e.g. "Figure"). */
void nl_accessible_name_drop_down (GtkDropDown *drop_down,
                                   const char  *label);

G_END_DECLS
