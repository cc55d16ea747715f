/* nl-explanation-box.h — the column of an explanation panel, 40 characters wide
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NL_TYPE_EXPLANATION_BOX (nl_explanation_box_get_type ())

G_DECLARE_FINAL_TYPE (NlExplanationBox, nl_explanation_box, NL, EXPLANATION_BOX, GtkWidget)

GtkWidget *nl_explanation_box_new       (void);
GtkWidget *nl_explanation_box_get_child (NlExplanationBox *self);
void       nl_explanation_box_set_child (NlExplanationBox *self,
                                         GtkWidget        *child);
int        nl_explanation_box_get_min_width_chars (NlExplanationBox *self);
void       nl_explanation_box_set_min_width_chars (NlExplanationBox *self,
                                                   int               n_chars);

G_END_DECLS
