/* nl-figure.h — model results → what the diagram and the plots show
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only render file that reads the model: it turns a timeline (and the
 * motor-unit pool of a day) into the plain NlDiagramState and NlPlot the
 * drawing code takes.  The command line, the export dialog and the window
 * all go through it.
 */
#pragma once

#include "nl-diagram-state.h"
#include "nl-plot.h"
#include "nl-program-snapshot.h"
#include "nl-timeline.h"

G_BEGIN_DECLS

typedef enum {
  NL_FIGURE_DIAGRAM,      /* the signalling diagram */
  NL_FIGURE_STRENGTH,     /* strength as neural + muscular shares, the other side */
  NL_FIGURE_NEURAL,       /* voluntary activation, corticospinal excitability, coactivation */
  NL_FIGURE_RATES,        /* peak motor-unit discharge rate */
  NL_FIGURE_RECRUITMENT,  /* recruitment ceiling */
  NL_FIGURE_MUSCLE,       /* cross-sectional area, true and apparent */
  NL_FIGURE_FATIGUE,      /* acute loss of maximal force */
  NL_FIGURE_BDNF,         /* post-session BDNF and IL-6 peaks, resting BDNF */
  NL_N_FIGURES,
} NlFigure;

/* Antagonist activation at a maximal effort before training, as a fraction
 * of the antagonist's own maximum.  The model gives only its relative
 * change; hamstring coactivation during knee-extension MVCs is typically
 * 10–20 % (not in SCIENCE.md: a display assumption, stated as such). */
#define NL_FIGURE_COACTIVATION_BASELINE 0.15

const char     *nl_figure_to_string        (NlFigure          figure);
gboolean        nl_figure_from_string      (const char       *str,
                                            NlFigure         *out);
/* "diagram, strength, …" for help texts. */
char           *nl_figure_list_names       (void);

/* The state of @track on @day at @effort (0…1 of a maximal voluntary
 * effort).  NULL with @error set when @track or @day is out of range. */
NlDiagramState *nl_figure_diagram_state_new (const NlTimeline *timeline,
                                             guint             track,
                                             guint             day,
                                             double            effort,
                                             GError          **error);

/* A plot of @figure (not NL_FIGURE_DIAGRAM) for @track.  With @compare
 * (may be NULL) the same muscle and side of a second programme is drawn
 * dashed and labelled @compare_label; when @compare does not train that
 * muscle and side, a series without samples carries a note saying so,
 * which the legend shows as text alone.  @selected_day may be NAN. */
NlPlot         *nl_figure_plot_new          (NlFigure          figure,
                                             const NlTimeline *timeline,
                                             guint             track,
                                             const NlTimeline *compare,
                                             const char       *compare_label,
                                             double            selected_day);

/* Shades the programme's phases on @plot when the timeline carried none. */
void            nl_figure_plot_add_programme_phases (NlPlot                  *plot,
                                                     const NlProgramSnapshot *snapshot);

G_END_DECLS
