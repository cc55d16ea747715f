/* nl-trends-page.h — the Trends view: adaptation curves over the programme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "nl-figure.h"
#include "nl-simulation.h"
#include "nl-trend-view.h"

G_BEGIN_DECLS

/* Virtual trainees simulated while population bands are shown. */
#define NL_TRENDS_BANDS_POPULATION 200

#define NL_TYPE_TRENDS_PAGE (nl_trends_page_get_type ())

G_DECLARE_FINAL_TYPE (NlTrendsPage, nl_trends_page, NL, TRENDS_PAGE, GtkWidget)

GtkWidget    *nl_trends_page_new             (void);

NlSimulation *nl_trends_page_get_simulation  (NlTrendsPage *self);
void          nl_trends_page_set_simulation  (NlTrendsPage *self,
                                              NlSimulation *simulation);
guint         nl_trends_page_get_day         (NlTrendsPage *self);
void          nl_trends_page_set_day         (NlTrendsPage *self,
                                              guint         day);
NlFigure      nl_trends_page_get_figure      (NlTrendsPage *self);
void          nl_trends_page_set_figure      (NlTrendsPage *self,
                                              NlFigure      figure);
/* -1 for the whole programme, else the index of the timeline's phase. */
int           nl_trends_page_get_zoom_phase  (NlTrendsPage *self);
void          nl_trends_page_set_zoom_phase  (NlTrendsPage *self,
                                              int           phase);
gboolean      nl_trends_page_get_show_bands  (NlTrendsPage *self);
void          nl_trends_page_set_show_bands  (NlTrendsPage *self,
                                              gboolean      show_bands);
/* Hides (or shows again) curve @index of the current figure. */
void          nl_trends_page_set_series_visible (NlTrendsPage *self,
                                                 guint         index,
                                                 gboolean      visible);

/* Loads @file as the comparison programme; NULL stops comparing. */
gboolean      nl_trends_page_set_compare_file (NlTrendsPage *self,
                                               GFile        *file,
                                               GError      **error);
/* The comparison's simulation, or NULL. */
NlSimulation *nl_trends_page_get_compare_simulation (NlTrendsPage *self);

NlTrendView  *nl_trends_page_get_view        (NlTrendsPage *self);
/* The AdwFlap that holds the explanation beside the plot, or over it
 * where the page is narrow (reveal-flap shows it there).  AdwFlap is
 * deprecated from libadwaita 1.4: use its properties. */
GtkWidget    *nl_trends_page_get_explanation_flap (NlTrendsPage *self);

/* Export dialogs (the window's actions call these). */
void          nl_trends_page_export          (NlTrendsPage *self,
                                              GtkWindow    *parent,
                                              GFile        *initial_folder);
void          nl_trends_page_export_csv      (NlTrendsPage *self,
                                              GtkWindow    *parent,
                                              GFile        *initial_folder);
void          nl_trends_page_choose_compare  (NlTrendsPage *self,
                                              GtkWindow    *parent,
                                              GFile        *initial_folder);

/* What the dialogs do once a file is chosen; also for tests. */
gboolean      nl_trends_page_export_to_file  (NlTrendsPage *self,
                                              GFile        *file,
                                              int           width,
                                              int           height,
                                              GError      **error);
gboolean      nl_trends_page_export_csv_to_file (NlTrendsPage *self,
                                                 GFile        *file,
                                                 GError      **error);

G_END_DECLS
