/* nl-trends-page.c — the Trends view: adaptation curves over the programme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-trends-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-accessible.h"
#include "nl-csv.h"
#include "nl-explanation.h"
#include "nl-explanation-box.h"
#include "nl-export.h"
#include "nl-export-dialog.h"
#include "nl-name-list.h"
#include "nl-program-xml.h"
#include "nl-tooltip.h"
#include "nl-trend-plot.h"
#include "nl-trends-page.h"
#include "nl-view-adapters.h"
#include "nl-view-style.h"

#define EXPORT_WIDTH  1600
#define EXPORT_HEIGHT 900

struct _NlTrendsPage
{
  GtkWidget      parent_instance;

  NlSimulation  *simulation;
  NlSimulation  *compare;       /* the second programme, or NULL */
  char          *compare_label;

  guint          day;
  NlFigure       figure;
  int            zoom_phase;
  gboolean       show_bands;
  guint32        hidden;        /* bit i: curve i of the figure is hidden */
  guint          n_curves;      /* check buttons in series_box */
  gboolean       updating;      /* guards programmatic changes of the controls */
  GSettings     *settings;      /* show-population-bands, or NULL without the schema */

  /* Template widgets. */
  GtkToggleButton *bands_button;
  GtkButton       *clear_compare_button;
  GtkButton       *compare_button;
  GtkLabel        *error_label;
  GtkRevealer     *error_revealer;
  GtkBox          *explanation_box;
  GtkWidget       *explanation_flap;
  GtkDropDown     *figure_dropdown;
  GtkProgressBar  *progress_bar;
  GtkLabel        *readout_label;
  GtkBox          *series_box;
  NlTrendView     *view;
  GtkDropDown     *zoom_dropdown;
};

G_DEFINE_FINAL_TYPE (NlTrendsPage, nl_trends_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIMULATION,
  PROP_DAY,
  PROP_SHOW_BANDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  const char *label;
  NlSeries    series[4];      /* explained in the panel; NL_N_SERIES ends the list */
} FigureInfo;

/* Indexed by NlFigure; the diagram is on the other page. */
static const FigureInfo figures[NL_N_FIGURES] = {
  [NL_FIGURE_DIAGRAM] = { NULL, { NL_N_SERIES } },
  [NL_FIGURE_STRENGTH] = { N_("Strength"),
                           { NL_SERIES_STRENGTH, NL_SERIES_NEURAL, NL_SERIES_MUSCULAR, NL_N_SERIES } },
  [NL_FIGURE_NEURAL] = { N_("Neural"),
                         { NL_SERIES_VOLUNTARY_ACTIVATION, NL_SERIES_CORTICOSPINAL,
                           NL_SERIES_COACTIVATION, NL_SERIES_SYNCHRONISATION } },
  [NL_FIGURE_RATES] = { N_("Discharge rates"), { NL_SERIES_PEAK_RATE, NL_N_SERIES } },
  [NL_FIGURE_RECRUITMENT] = { N_("Recruitment"), { NL_SERIES_RECRUITMENT_CEILING, NL_N_SERIES } },
  [NL_FIGURE_MUSCLE] = { N_("Muscle size"),
                         { NL_SERIES_CSA, NL_SERIES_APPARENT_CSA, NL_SERIES_EDEMA, NL_N_SERIES } },
  [NL_FIGURE_FATIGUE] = { N_("Fatigue"), { NL_SERIES_FATIGUE, NL_N_SERIES } },
  [NL_FIGURE_BDNF] = { N_("BDNF and IL-6"),
                       { NL_SERIES_IL6, NL_SERIES_BDNF_ACUTE, NL_SERIES_BDNF_RESTING, NL_N_SERIES } },
};

static NlTimeline *
get_timeline (NlTrendsPage *self)
{
  return self->simulation ? nl_simulation_get_timeline (self->simulation) : NULL;
}

static void
fill_explanations (NlTrendsPage *self)
{
  GtkWidget *child;
  GtkWidget *heading;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->explanation_box))) != NULL)
    gtk_box_remove (self->explanation_box, child);

  heading = gtk_label_new (_("What the curves mean"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (self->explanation_box, heading);

  for (guint i = 0; i < G_N_ELEMENTS (figures[self->figure].series); i++)
    {
      NlSeries series = figures[self->figure].series[i];

      if (series == NL_N_SERIES)
        break;
      gtk_box_append (self->explanation_box, nl_explanation_row_new (series));
    }
}

static void
curve_toggled_cb (NlTrendsPage   *self,
                  GtkCheckButton *check)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "nl-curve"));

  if (!self->updating)
    nl_trends_page_set_series_visible (self, index, gtk_check_button_get_active (check));
}

/* One check button per curve of @plot (labels change with the comparison). */
static void
fill_series_box (NlTrendsPage *self,
                 const NlPlot *plot)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->series_box))) != NULL)
    gtk_box_remove (self->series_box, child);

  self->n_curves = MIN (plot->series->len, 32);
  for (guint i = 0; i < self->n_curves; i++)
    {
      const NlPlotSeries *series = g_ptr_array_index (plot->series, i);
      GtkWidget *check = gtk_check_button_new_with_label (series->label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (self->hidden & (1u << i)) == 0);
      g_object_set_data (G_OBJECT (check), "nl-curve", GUINT_TO_POINTER (i));
      g_signal_connect_object (check, "toggled", G_CALLBACK (curve_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      /* A note of the legend (e.g. a compared programme that does not
       * train the muscle) is no curve to show or hide. */
      gtk_widget_set_visible (check, !series->note);
      gtk_box_append (self->series_box, check);
    }
}

/* Whether the check buttons are those of @plot's curves: the same number,
 * labels and notes (a compared curve and the note that replaces it have
 * the same place, so the number alone does not tell). */
static gboolean
series_box_matches (NlTrendsPage *self,
                    const NlPlot *plot)
{
  GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->series_box));

  if (MIN (plot->series->len, 32) != self->n_curves)
    return FALSE;
  for (guint i = 0; i < self->n_curves && check != NULL; i++, check = gtk_widget_get_next_sibling (check))
    {
      const NlPlotSeries *series = g_ptr_array_index (plot->series, i);

      if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), series->label) != 0
          || gtk_widget_get_visible (check) != !series->note)
        return FALSE;
    }
  return TRUE;
}

/* Whether @a and @b hold the same strings. */
static gboolean
string_lists_equal (GListModel *a,
                    GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (!GTK_IS_STRING_LIST (a) || !GTK_IS_STRING_LIST (b) || n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

static void
fill_zoom_dropdown (NlTrendsPage *self)
{
  NlTimeline *timeline = get_timeline (self);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n_phases = timeline ? nl_timeline_get_n_phases (timeline) : 0;

  gtk_string_list_append (list, _("Whole Programme"));
  for (guint i = 0; i < n_phases; i++)
    {
      const NlTimelinePhase *phase = nl_timeline_get_phase (timeline, i);
      g_autofree char *name = NULL;

      if (phase->name != NULL && phase->name[0] != '\0')
        name = g_strdup (phase->name);
      else
        name = g_strdup_printf (_("Phase %u"), i + 1);
      gtk_string_list_append (list, name);
    }

  if (self->zoom_phase >= (int) n_phases)
    self->zoom_phase = -1;

  /* Most edits leave the phases as they were: a new model would rebuild
   * the drop-down's list and cost the edit a millisecond on its way to
   * the plot. */
  if (gtk_drop_down_get_model (self->zoom_dropdown) != NULL
      && string_lists_equal (gtk_drop_down_get_model (self->zoom_dropdown), G_LIST_MODEL (list)))
    {
      if (gtk_drop_down_get_selected (self->zoom_dropdown) != (guint) (self->zoom_phase + 1))
        {
          self->updating = TRUE;
          gtk_drop_down_set_selected (self->zoom_dropdown, self->zoom_phase + 1);
          self->updating = FALSE;
        }
      return;
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->zoom_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->zoom_dropdown, self->zoom_phase + 1);
  self->updating = FALSE;
}

static void readout_changed_cb (NlTrendsPage *self);

/* Rebuilds the plot from the timeline and the controls. */
static void
rebuild (NlTrendsPage *self)
{
  NlTimeline *timeline = get_timeline (self);
  NlTimeline *compare = self->compare ? nl_simulation_get_timeline (self->compare) : NULL;
  g_autoptr(NlPlot) base = NULL;
  g_autoptr(NlPlot) filtered = NULL;
  guint track;

  if (timeline == NULL)
    {
      nl_trend_view_take_plot (self->view, NULL);
      return;
    }

  track = nl_timeline_get_default_track (timeline);
  base = nl_figure_plot_new (self->figure, timeline, track, compare, self->compare_label, self->day);

  if (!series_box_matches (self, base))
    {
      self->updating = TRUE;
      fill_series_box (self, base);
      self->updating = FALSE;
    }

  filtered = nl_view_plot_filter (base, self->hidden, self->show_bands);
  if (self->zoom_phase >= 0 && self->zoom_phase < (int) nl_timeline_get_n_phases (timeline))
    {
      const NlTimelinePhase *phase = nl_timeline_get_phase (timeline, self->zoom_phase);

      nl_trend_view_take_plot (self->view,
                               nl_view_plot_slice (filtered, phase->first_day,
                                                   phase->first_day + phase->n_days - 1));
    }
  else
    nl_trend_view_take_plot (self->view, g_steal_pointer (&filtered));
  readout_changed_cb (self);
}

static void
timeline_changed_cb (NlTrendsPage *self)
{
  fill_zoom_dropdown (self);
  rebuild (self);
}

static void
status_changed_cb (NlTrendsPage *self)
{
  const char *error = self->simulation ? nl_simulation_get_error (self->simulation) : NULL;
  gboolean busy = self->simulation != NULL
                  && nl_simulation_get_running (self->simulation)
                  && nl_simulation_get_population (self->simulation) > 0;

  /* The window's banner says what is wrong; here, say what that means for
   * the figure, with the reason one hover away. */
  if (error != NULL)
    {
      gtk_label_set_label (self->error_label,
                           get_timeline (self) != NULL
                           ? _("The plot shows the last version of the programme that could be simulated.")
                           : _("Nothing to show until the programme can be simulated."));
      nl_tooltip_set (GTK_WIDGET (self->error_label), error);
    }
  /* A folded revealer keeps its child in the accessibility tree. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  if (busy)
    {
      double fraction = nl_simulation_get_progress (self->simulation);
      /* Translators: progress of a population run, e.g. "Simulating trainees… 40 %". */
      g_autofree char *text = g_strdup_printf (_("Simulating trainees… %.0f %%"), 100 * fraction);

      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
}

/* Under the plot: what the pointer reads; else, while the keys move the
 * plot's day, what it reads on that day; else how to use it. */
static void
readout_changed_cb (NlTrendsPage *self)
{
  const NlPlot *plot = nl_trend_view_get_plot (self->view);
  g_autofree char *line = g_strdup (nl_trend_view_get_readout (self->view));

  if (line == NULL && plot != NULL && gtk_widget_has_focus (GTK_WIDGET (self->view)))
    line = nl_trend_plot_dup_selected_readout (plot, "\n");
  if (line != NULL)
    {
      g_strdelimit (line, "\n", ' ');
      gtk_label_set_label (self->readout_label, line);
    }
  else
    gtk_label_set_label (self->readout_label,
                         _("Point at the plot or use the arrow keys to read values and choose the day."));
}

static void
figure_selected_cb (NlTrendsPage *self)
{
  if (!self->updating)
    nl_trends_page_set_figure (self, gtk_drop_down_get_selected (self->figure_dropdown) + NL_FIGURE_STRENGTH);
}

static void
zoom_selected_cb (NlTrendsPage *self)
{
  if (!self->updating)
    nl_trends_page_set_zoom_phase (self, (int) gtk_drop_down_get_selected (self->zoom_dropdown) - 1);
}

static void
bands_toggled_cb (NlTrendsPage *self)
{
  nl_trends_page_set_show_bands (self, gtk_toggle_button_get_active (self->bands_button));
}

static void
compare_chosen_cb (GObject *owner,
                   GFile   *file)
{
  NlTrendsPage *self = NL_TRENDS_PAGE (owner);
  g_autoptr(GError) error = NULL;

  if (!nl_trends_page_set_compare_file (self, file, &error))
    nl_export_dialog_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 _("Could not open the programme to compare"), error);
}

static void
compare_clicked_cb (NlTrendsPage *self)
{
  nl_trends_page_choose_compare (self, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL);
}

static void
clear_compare_clicked_cb (NlTrendsPage *self)
{
  nl_trends_page_set_compare_file (self, NULL, NULL);
}

static void
draw_export_cb (cairo_t  *cr,
                int       width,
                int       height,
                double    t,
                gpointer  user_data)
{
  NlTrendsPage *self = user_data;
  NlRenderStyle style;

  nl_view_style_init_for_export (&style, GTK_WIDGET (self));
  nl_trend_plot_draw (cr, nl_trend_view_get_plot (self->view), &style, width, height);
}

static void
export_file_chosen_cb (GObject *owner,
                       GFile   *file)
{
  NlTrendsPage *self = NL_TRENDS_PAGE (owner);
  g_autoptr(GError) error = NULL;

  if (!nl_trends_page_export_to_file (self, file, EXPORT_WIDTH, EXPORT_HEIGHT, &error))
    nl_export_dialog_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 _("Could not export the plot"), error);
  else
    nl_export_dialog_show_done (GTK_WIDGET (self), file);
}

static void
export_csv_chosen_cb (GObject *owner,
                      GFile   *file)
{
  NlTrendsPage *self = NL_TRENDS_PAGE (owner);
  g_autoptr(GError) error = NULL;

  if (!nl_trends_page_export_csv_to_file (self, file, &error))
    nl_export_dialog_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 _("Could not export the timeline"), error);
  else
    nl_export_dialog_show_done (GTK_WIDGET (self), file);
}

static void
nl_trends_page_dispose (GObject *object)
{
  GtkWidget *child;
  NlTrendsPage *self = NL_TRENDS_PAGE (object);

  nl_trends_page_set_simulation (self, NULL);
  g_clear_object (&self->compare);
  if (self->settings != NULL)
    g_settings_unbind (self, "show-bands");
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), NL_TYPE_TRENDS_PAGE);
  /* The template's root box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nl_trends_page_parent_class)->dispose (object);
}

static void
nl_trends_page_finalize (GObject *object)
{
  NlTrendsPage *self = NL_TRENDS_PAGE (object);

  g_clear_pointer (&self->compare_label, g_free);

  G_OBJECT_CLASS (nl_trends_page_parent_class)->finalize (object);
}

static void
nl_trends_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NlTrendsPage *self = NL_TRENDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIMULATION:
      g_value_set_object (value, self->simulation);
      break;
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    case PROP_SHOW_BANDS:
      g_value_set_boolean (value, self->show_bands);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_trends_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NlTrendsPage *self = NL_TRENDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIMULATION:
      nl_trends_page_set_simulation (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      nl_trends_page_set_day (self, g_value_get_uint (value));
      break;
    case PROP_SHOW_BANDS:
      nl_trends_page_set_show_bands (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_trends_page_class_init (NlTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nl_trends_page_dispose;
  object_class->finalize = nl_trends_page_finalize;
  object_class->get_property = nl_trends_page_get_property;
  object_class->set_property = nl_trends_page_set_property;

  properties[PROP_SIMULATION] =
    g_param_spec_object ("simulation", NULL, NULL, NL_TYPE_SIMULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BANDS] =
    g_param_spec_boolean ("show-bands", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NL_TYPE_TREND_VIEW);
  g_type_ensure (NL_TYPE_EXPLANATION_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/neurolift/Neurolift/views/nl-trends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, bands_button);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, clear_compare_button);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, explanation_box);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, explanation_flap);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, figure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, readout_label);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, series_box);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, view);
  gtk_widget_class_bind_template_child (widget_class, NlTrendsPage, zoom_dropdown);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nltrendspage");
}

/* Set here, not in nl-trends-page.ui: see nl-tooltip.h. */
static const NlTooltip tooltips[] = {
  { "figure_dropdown", N_("Which adaptations to plot") },
  { "series_button", N_("Show or hide single curves") },
  { "zoom_dropdown", N_("Zoom to a phase") },
  { "bands_button", N_("Simulate many virtual trainees and shade the 10th to 90th percentiles") },
  { "compare_button", N_("Overlay a second programme file") },
  { "clear_compare_button", N_("Stop comparing") },
};

static void
nl_trends_page_init (NlTrendsPage *self)
{
  g_autoptr(GtkStringList) figure_names = gtk_string_list_new (NULL);

  self->figure = NL_FIGURE_STRENGTH;
  self->zoom_phase = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  nl_tooltip_set_all (GTK_WIDGET (self), tooltips, G_N_ELEMENTS (tooltips));
  nl_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  /* The names the template gives the drop-downs, for the buttons inside. */
  nl_accessible_name_drop_down (self->figure_dropdown, _("Figure"));
  nl_accessible_name_drop_down (self->zoom_dropdown, _("Zoom to phase"));

  for (guint f = NL_FIGURE_STRENGTH; f < NL_N_FIGURES; f++)
    gtk_string_list_append (figure_names, _(figures[f].label));
  gtk_drop_down_set_model (self->figure_dropdown, G_LIST_MODEL (figure_names));
  /* Phase names can be long: a narrow button, whole names in the list. */
  nl_name_list_setup_drop_down (self->zoom_dropdown, 16);
  fill_zoom_dropdown (self);
  fill_explanations (self);

  g_object_bind_property (self, "day", self->view, "day",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->figure_dropdown, "notify::selected",
                           G_CALLBACK (figure_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zoom_dropdown, "notify::selected",
                           G_CALLBACK (zoom_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->bands_button, "toggled",
                           G_CALLBACK (bands_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_button, "clicked",
                           G_CALLBACK (compare_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clear_compare_button, "clicked",
                           G_CALLBACK (clear_compare_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::readout",
                           G_CALLBACK (readout_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::has-focus",
                           G_CALLBACK (readout_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::day",
                           G_CALLBACK (readout_changed_cb), self, G_CONNECT_SWAPPED);

  /* The Bands button and the preference are one setting, remembered. */
  self->settings = nl_view_settings_new ();
  if (self->settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      g_object_get (self->settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, "show-population-bands"))
        g_settings_bind (self->settings, "show-population-bands", self, "show-bands",
                         G_SETTINGS_BIND_DEFAULT);
      else
        g_clear_object (&self->settings);
    }
}

GtkWidget *
nl_trends_page_new (void)
{
  return g_object_new (NL_TYPE_TRENDS_PAGE, NULL);
}

NlSimulation *
nl_trends_page_get_simulation (NlTrendsPage *self)
{
  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), NULL);
  return self->simulation;
}

void
nl_trends_page_set_simulation (NlTrendsPage *self,
                               NlSimulation *simulation)
{
  g_return_if_fail (NL_IS_TRENDS_PAGE (self));
  g_return_if_fail (simulation == NULL || NL_IS_SIMULATION (simulation));

  if (self->simulation == simulation)
    return;

  if (self->simulation != NULL)
    g_signal_handlers_disconnect_by_data (self->simulation, self);
  g_set_object (&self->simulation, simulation);
  if (simulation != NULL)
    {
      g_signal_connect_object (simulation, "notify::timeline",
                               G_CALLBACK (timeline_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (simulation, "notify::error",
                               G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (simulation, "notify::running",
                               G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (simulation, "notify::progress",
                               G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
      if (self->show_bands)
        nl_simulation_set_population (simulation, NL_TRENDS_BANDS_POPULATION);
    }

  if (gtk_widget_get_realized (GTK_WIDGET (self)) || simulation != NULL)
    {
      timeline_changed_cb (self);
      status_changed_cb (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMULATION]);
}

guint
nl_trends_page_get_day (NlTrendsPage *self)
{
  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), 0);
  return self->day;
}

void
nl_trends_page_set_day (NlTrendsPage *self,
                        guint         day)
{
  g_return_if_fail (NL_IS_TRENDS_PAGE (self));

  if (self->day == day)
    return;
  self->day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

NlFigure
nl_trends_page_get_figure (NlTrendsPage *self)
{
  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), NL_FIGURE_STRENGTH);
  return self->figure;
}

void
nl_trends_page_set_figure (NlTrendsPage *self,
                           NlFigure      figure)
{
  g_return_if_fail (NL_IS_TRENDS_PAGE (self));
  g_return_if_fail (figure > NL_FIGURE_DIAGRAM && figure < NL_N_FIGURES);

  if (self->figure == figure)
    return;
  self->figure = figure;
  self->hidden = 0;
  self->n_curves = 0;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->figure_dropdown, figure - NL_FIGURE_STRENGTH);
  self->updating = FALSE;

  fill_explanations (self);
  rebuild (self);
}

int
nl_trends_page_get_zoom_phase (NlTrendsPage *self)
{
  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), -1);
  return self->zoom_phase;
}

void
nl_trends_page_set_zoom_phase (NlTrendsPage *self,
                               int           phase)
{
  g_return_if_fail (NL_IS_TRENDS_PAGE (self));

  phase = MAX (phase, -1);
  if (self->zoom_phase == phase)
    return;
  self->zoom_phase = phase;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->zoom_dropdown, phase + 1);
  self->updating = FALSE;

  rebuild (self);
}

gboolean
nl_trends_page_get_show_bands (NlTrendsPage *self)
{
  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), FALSE);
  return self->show_bands;
}

void
nl_trends_page_set_show_bands (NlTrendsPage *self,
                               gboolean      show_bands)
{
  g_return_if_fail (NL_IS_TRENDS_PAGE (self));

  show_bands = !!show_bands;
  if (self->show_bands == show_bands)
    return;
  self->show_bands = show_bands;
  gtk_toggle_button_set_active (self->bands_button, show_bands);

  /* Bands need a population run; the new timeline arrives with them. */
  if (self->simulation != NULL)
    nl_simulation_set_population (self->simulation, show_bands ? NL_TRENDS_BANDS_POPULATION : 0);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BANDS]);
}

void
nl_trends_page_set_series_visible (NlTrendsPage *self,
                                   guint         index,
                                   gboolean      visible)
{
  guint32 hidden;
  GtkWidget *check;

  g_return_if_fail (NL_IS_TRENDS_PAGE (self));
  g_return_if_fail (index < 32);

  hidden = visible ? self->hidden & ~(1u << index) : self->hidden | (1u << index);
  if (hidden == self->hidden)
    return;
  self->hidden = hidden;

  check = gtk_widget_get_first_child (GTK_WIDGET (self->series_box));
  for (guint i = 0; check != NULL && i < index; i++)
    check = gtk_widget_get_next_sibling (check);
  if (check != NULL)
    {
      self->updating = TRUE;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), visible);
      self->updating = FALSE;
    }

  rebuild (self);
}

gboolean
nl_trends_page_set_compare_file (NlTrendsPage  *self,
                                 GFile         *file,
                                 GError       **error)
{
  g_autoptr(NlProgram) program = NULL;

  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file != NULL)
    {
      g_autoptr(GPtrArray) problems = NULL;

      program = nl_program_load_from_file (file, NULL, error);
      if (program == NULL)
        return FALSE;
      /* A file with problems opens, but the model cannot run it: say why
       * now rather than compare with a curve that never comes. */
      problems = nl_program_check (program);
      for (guint i = 0; i < problems->len; i++)
        {
          NlProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *name = NULL;

          if (problem->warning)
            continue;
          name = g_file_get_parse_name (file);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %s is a file, then what is wrong with it */
                       _("%s has a problem the model cannot run with, so there is nothing to compare: %s"),
                       name, problem->message);
          return FALSE;
        }
    }

  if (self->compare != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->compare, self);
      g_clear_object (&self->compare);
    }
  g_clear_pointer (&self->compare_label, g_free);

  if (program != NULL)
    {
      const char *title = nl_program_get_title (program);

      self->compare_label = title != NULL && title[0] != '\0' ? g_strdup (title)
                                                             : g_file_get_basename (file);
      self->compare = nl_simulation_new ();
      g_signal_connect_object (self->compare, "notify::timeline",
                               G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      nl_simulation_set_program (self->compare, program);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->clear_compare_button), self->compare != NULL);
  /* Curve labels change with the comparison. */
  self->n_curves = 0;
  rebuild (self);
  return TRUE;
}

NlSimulation *
nl_trends_page_get_compare_simulation (NlTrendsPage *self)
{
  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), NULL);
  return self->compare;
}

NlTrendView *
nl_trends_page_get_view (NlTrendsPage *self)
{
  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), NULL);
  return self->view;
}

GtkWidget *
nl_trends_page_get_explanation_flap (NlTrendsPage *self)
{
  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), NULL);
  return self->explanation_flap;
}

gboolean
nl_trends_page_export_to_file (NlTrendsPage  *self,
                               GFile         *file,
                               int            width,
                               int            height,
                               GError       **error)
{
  const NlPlot *plot;
  NlExportFormat format;

  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plot = nl_trend_view_get_plot (self->view);
  if (plot == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("There is no plot to export yet: open a programme that can be simulated."));
      return FALSE;
    }

  if (!nl_export_format_for_file (file, &format, error))
    return FALSE;

  return nl_export_figure (file, format, width, height, 1.0, 0.0, plot->title,
                           draw_export_cb, self, error);
}

gboolean
nl_trends_page_export_csv_to_file (NlTrendsPage  *self,
                                   GFile         *file,
                                   GError       **error)
{
  NlTimeline *timeline;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (NL_IS_TRENDS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  timeline = get_timeline (self);
  if (timeline == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("There is no timeline to export yet: open a programme that can be simulated."));
      return FALSE;
    }

  csv = nl_csv_format_timeline (timeline, nl_timeline_get_default_track (timeline));
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

void
nl_trends_page_export (NlTrendsPage *self,
                       GtkWindow    *parent,
                       GFile        *initial_folder)
{
  g_return_if_fail (NL_IS_TRENDS_PAGE (self));

  nl_export_dialog_run (parent, NL_FILE_DIALOG_SAVE, NL_FILE_KIND_FIGURE, _("Export Plot"),
                        /* Translators: default file name; keep the extension. */
                        _("trends.pdf"), initial_folder, G_OBJECT (self), export_file_chosen_cb);
}

void
nl_trends_page_export_csv (NlTrendsPage *self,
                           GtkWindow    *parent,
                           GFile        *initial_folder)
{
  g_return_if_fail (NL_IS_TRENDS_PAGE (self));

  nl_export_dialog_run (parent, NL_FILE_DIALOG_SAVE, NL_FILE_KIND_CSV, _("Export Timeline as CSV"),
                        /* Translators: default file name; keep the extension. */
                        _("timeline.csv"), initial_folder, G_OBJECT (self), export_csv_chosen_cb);
}

void
nl_trends_page_choose_compare (NlTrendsPage *self,
                               GtkWindow    *parent,
                               GFile        *initial_folder)
{
  g_return_if_fail (NL_IS_TRENDS_PAGE (self));

  nl_export_dialog_run (parent, NL_FILE_DIALOG_OPEN, NL_FILE_KIND_PROGRAMME, _("Compare With Programme"),
                        NULL, initial_folder, G_OBJECT (self), compare_chosen_cb);
}
