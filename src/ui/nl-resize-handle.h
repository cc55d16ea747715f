/* nl-resize-handle.h — a thin edge that the user drags to size a pane
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NL_TYPE_RESIZE_HANDLE (nl_resize_handle_get_type ())

G_DECLARE_FINAL_TYPE (NlResizeHandle, nl_resize_handle, NL, RESIZE_HANDLE, GtkWidget)

GtkWidget *nl_resize_handle_new       (void);
int        nl_resize_handle_get_value (NlResizeHandle *self);
void       nl_resize_handle_set_value (NlResizeHandle *self,
                                       int             value);
int        nl_resize_handle_get_lower (NlResizeHandle *self);
int        nl_resize_handle_get_upper (NlResizeHandle *self);
void       nl_resize_handle_set_range (NlResizeHandle *self,
                                       int             lower,
                                       int             upper);
void       nl_resize_handle_move      (NlResizeHandle *self,
                                       int             value);
void       nl_resize_handle_finish    (NlResizeHandle *self);

G_END_DECLS
