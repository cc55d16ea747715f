/* nl-diagram-page.h — the Diagram view: animated diagram, controls, explanations
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nl-diagram-view.h"
#include "nl-simulation.h"

G_BEGIN_DECLS

#define NL_TYPE_DIAGRAM_PAGE (nl_diagram_page_get_type ())

G_DECLARE_FINAL_TYPE (NlDiagramPage, nl_diagram_page, NL, DIAGRAM_PAGE, GtkWidget)

GtkWidget     *nl_diagram_page_new            (void);

NlSimulation  *nl_diagram_page_get_simulation (NlDiagramPage *self);
void           nl_diagram_page_set_simulation (NlDiagramPage *self,
                                               NlSimulation  *simulation);
guint          nl_diagram_page_get_day        (NlDiagramPage *self);
void           nl_diagram_page_set_day        (NlDiagramPage *self,
                                               guint          day);
double         nl_diagram_page_get_effort     (NlDiagramPage *self);
void           nl_diagram_page_set_effort     (NlDiagramPage *self,
                                               double         effort);
/* -1 when compare mode is off. */
int            nl_diagram_page_get_compare_day (NlDiagramPage *self);
void           nl_diagram_page_set_compare_day (NlDiagramPage *self,
                                                int            day);
gboolean       nl_diagram_page_get_playing    (NlDiagramPage *self);
void           nl_diagram_page_set_playing    (NlDiagramPage *self,
                                               gboolean       playing);
double         nl_diagram_page_get_speed      (NlDiagramPage *self);
void           nl_diagram_page_set_speed      (NlDiagramPage *self,
                                               double         speed);

NlDiagramView *nl_diagram_page_get_view       (NlDiagramPage *self);
/* The AdwFlap that holds the explanation beside the figure, or over it
 * where the page is narrow (reveal-flap shows it there).  AdwFlap is
 * deprecated from libadwaita 1.4: use its properties. */
GtkWidget     *nl_diagram_page_get_explanation_flap (NlDiagramPage *self);

/* Export dialogs (the window's actions call these). */
void           nl_diagram_page_export         (NlDiagramPage *self,
                                               GtkWindow     *parent,
                                               GFile         *initial_folder);
void           nl_diagram_page_export_frames  (NlDiagramPage *self,
                                               GtkWindow     *parent,
                                               GFile         *initial_folder);

/* What the dialogs do once a file is chosen; also for tests.  The format
 * follows the file name's extension (png, svg, pdf). */
gboolean       nl_diagram_page_export_to_file (NlDiagramPage *self,
                                               GFile         *file,
                                               int            width,
                                               int            height,
                                               GError       **error);
/* @n_frames PNG frames frame-0000.png … at @fps into @folder, drawn on a
 * worker thread from a copy of what the diagram shows now: a minute of
 * frames takes seconds, and the window goes on meanwhile. */
void           nl_diagram_page_export_frames_async  (NlDiagramPage       *self,
                                                     GFile               *folder,
                                                     guint                n_frames,
                                                     double               fps,
                                                     int                  width,
                                                     int                  height,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       nl_diagram_page_export_frames_finish (NlDiagramPage       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
gboolean       nl_diagram_page_is_exporting_frames  (NlDiagramPage       *self);

G_END_DECLS
