/* nl-diagram-page.c — the Diagram view: animated diagram, controls, explanations
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-diagram-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nl-defer.h"
#include "nl-diagram-page.h"
#include "nl-export.h"
#include "nl-export-dialog.h"
#include "nl-frames-dialog.h"
#include "nl-explanation.h"
#include "nl-explanation-box.h"
#include "nl-figure.h"
#include "nl-signal-diagram.h"
#include "nl-tooltip.h"
#include "nl-view-adapters.h"
#include "nl-view-style.h"

/* Size of exported figures and frames (a 1080p slide). */
#define EXPORT_WIDTH  1920
#define EXPORT_HEIGHT 1080
/* Explanation rows on the first frame: as many as a window of up to about
 * 1200 pixels shows; the rest follow once that frame is painted. */
#define FIRST_ROWS    4

struct _NlDiagramPage
{
  GtkWidget      parent_instance;

  NlSimulation  *simulation;
  GSettings     *settings;      /* NULL without an installed schema */
  gulong         timeline_id;
  gulong         error_id;

  guint          day;
  double         effort;
  int            compare_day;
  gboolean       playing;
  gboolean       exporting_frames;
  NlFramesOptions frames_options;   /* as last chosen */
  GFile         *frames_folder;     /* where the folder dialog starts */
  double         speed;

  /* Rows of the explanation panel, one per series in diagram_series[]. */
  GtkWidget     *rows[16];

  /* Template widgets. */
  GtkToggleButton *compare_button;
  GtkAdjustment   *compare_adjustment;
  GtkLabel        *compare_label;
  GtkScale        *compare_scale;
  GtkAdjustment   *day_adjustment;
  GtkLabel        *day_label;
  GtkScale        *day_scale;
  GtkAdjustment   *effort_adjustment;
  GtkLabel        *effort_label;
  GtkLabel        *error_label;
  GtkRevealer     *error_revealer;
  GtkBox          *explanation_box;
  GtkWidget       *explanation_flap;
  GtkButton       *play_button;
  GtkAdjustment   *speed_adjustment;
  NlDiagramView   *view;
};

G_DEFINE_FINAL_TYPE (NlDiagramPage, nl_diagram_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIMULATION,
  PROP_DAY,
  PROP_EFFORT,
  PROP_COMPARE_DAY,
  PROP_PLAYING,
  PROP_SPEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the diagram draws, in the order the panel explains it. */
static const NlSeries diagram_series[] = {
  NL_SERIES_CORTICOSPINAL,
  NL_SERIES_VOLUNTARY_ACTIVATION,
  NL_SERIES_RECRUITMENT_CEILING,
  NL_SERIES_PEAK_RATE,
  NL_SERIES_COACTIVATION,
  NL_SERIES_STRENGTH,
  NL_SERIES_NEURAL,
  NL_SERIES_MUSCULAR,
  NL_SERIES_IL6,
  NL_SERIES_BDNF_ACUTE,
};

static NlTimeline *
get_timeline (NlDiagramPage *self)
{
  return self->simulation ? nl_simulation_get_timeline (self->simulation) : NULL;
}

static void
update_explanations (NlDiagramPage *self,
                     NlTimeline    *timeline,
                     guint          track)
{
  for (guint i = 0; i < G_N_ELEMENTS (diagram_series); i++)
    {
      const NlSeriesInfo *info = nl_series_get_info (diagram_series[i]);
      const double *values = timeline ? nl_timeline_get_series (timeline, track, diagram_series[i]) : NULL;
      g_autofree char *text = NULL;

      if (values != NULL)
        {
          /* Rounded first, so that -0.04 does not read "-0.0". */
          double v = round (10 * values[MIN (self->day, nl_timeline_get_n_days (timeline) - 1)]) / 10;

          text = g_strdup_printf ("%.1f %s", v == 0 ? 0.0 : v, _(info->unit));
        }
      if (self->rows[i] != NULL)
        nl_explanation_row_set_value (self->rows[i], text);
    }
}

/* A screen reader reads a scale's value as its number, the day index that
 * counts from 0; it reads the day's name instead, as the label beside it. */
static void
set_scale_value_text (GtkWidget  *scale,
                      const char *text)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
update_labels (NlDiagramPage *self)
{
  g_autofree char *day = nl_view_format_day (self->day);
  g_autofree char *effort = g_strdup_printf (_("%.0f %% of maximum"), 100 * self->effort);

  gtk_label_set_label (self->day_label, day);
  set_scale_value_text (GTK_WIDGET (self->day_scale), day);
  gtk_label_set_label (self->effort_label, effort);
  if (self->compare_day >= 0)
    {
      g_autofree char *other = nl_view_format_day (self->compare_day);

      gtk_label_set_label (self->compare_label, other);
      set_scale_value_text (GTK_WIDGET (self->compare_scale), other);
    }
  else
    {
      gtk_label_set_label (self->compare_label, _("Off"));
      set_scale_value_text (GTK_WIDGET (self->compare_scale), _("Off"));
    }
}

/* Rebuilds the diagram's states from the timeline, day, effort, comparison. */
static void
refresh (NlDiagramPage *self)
{
  NlTimeline *timeline = get_timeline (self);
  g_autoptr(NlDiagramState) state = NULL;
  g_autoptr(NlDiagramState) compare = NULL;
  guint track = 0;

  update_labels (self);

  if (timeline == NULL)
    {
      nl_diagram_view_set_states (self->view, NULL, NULL);
      update_explanations (self, NULL, 0);
      return;
    }

  track = nl_timeline_get_default_track (timeline);
  if (self->compare_day >= 0)
    {
      /* Earlier day on the left, so the change reads left to right. */
      guint a = MIN (self->day, (guint) self->compare_day);
      guint b = MAX (self->day, (guint) self->compare_day);

      state = nl_figure_diagram_state_new (timeline, track, a, self->effort, NULL);
      compare = nl_figure_diagram_state_new (timeline, track, b, self->effort, NULL);
    }
  else
    state = nl_figure_diagram_state_new (timeline, track, self->day, self->effort, NULL);

  nl_diagram_view_set_states (self->view, state, compare);
  update_explanations (self, timeline, track);
}

static void
timeline_changed_cb (NlDiagramPage *self)
{
  NlTimeline *timeline = get_timeline (self);
  double upper = timeline ? nl_timeline_get_n_days (timeline) - 1 : 0;

  gtk_adjustment_set_upper (self->day_adjustment, upper);
  gtk_adjustment_set_upper (self->compare_adjustment, upper);
  gtk_scale_clear_marks (self->day_scale);
  if (timeline != NULL)
    {
      guint last = nl_timeline_get_n_days (timeline) - 1;

      /* A tick where each phase starts, so the scrubber reads like the plot. */
      for (guint i = 1; i < nl_timeline_get_n_phases (timeline); i++)
        gtk_scale_add_mark (self->day_scale, nl_timeline_get_phase (timeline, i)->first_day,
                            GTK_POS_BOTTOM, NULL);

      if (self->day > last)
        nl_diagram_page_set_day (self, last);
      if (self->compare_day > (int) last)
        nl_diagram_page_set_compare_day (self, last);
    }
  gtk_adjustment_set_value (self->day_adjustment, self->day);

  refresh (self);
}

static void
error_changed_cb (NlDiagramPage *self)
{
  const char *error = self->simulation ? nl_simulation_get_error (self->simulation) : NULL;

  /* The window's banner says what is wrong; here, say what that means for
   * the figure, with the reason one hover away. */
  if (error != NULL)
    {
      gtk_label_set_label (self->error_label,
                           get_timeline (self) != NULL
                           ? _("The diagram shows the last version of the programme that could be simulated.")
                           : _("Nothing to show until the programme can be simulated."));
      nl_tooltip_set (GTK_WIDGET (self->error_label), error);
    }
  /* A folded revealer keeps its child in the accessibility tree: a screen
   * reader would still read the old message. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
}

static void
day_value_changed_cb (NlDiagramPage *self,
                      GtkAdjustment *adjustment)
{
  nl_diagram_page_set_day (self, (guint) round (gtk_adjustment_get_value (adjustment)));
}

static void
compare_value_changed_cb (NlDiagramPage *self,
                          GtkAdjustment *adjustment)
{
  if (gtk_toggle_button_get_active (self->compare_button))
    nl_diagram_page_set_compare_day (self, (int) round (gtk_adjustment_get_value (adjustment)));
}

static void
compare_toggled_cb (NlDiagramPage   *self,
                    GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    {
      double upper = gtk_adjustment_get_upper (self->compare_adjustment);
      double other = gtk_adjustment_get_value (self->compare_adjustment);

      /* Start from the change over the programme: beside the last day, or
       * beside the first when the last is on show; never the same day. */
      if (other == 0 || round (other) == self->day)
        gtk_adjustment_set_value (self->compare_adjustment, self->day == (guint) upper ? 0 : upper);
      nl_diagram_page_set_compare_day (self, (int) round (gtk_adjustment_get_value (self->compare_adjustment)));
    }
  else
    nl_diagram_page_set_compare_day (self, -1);
}

static void
playing_changed_cb (NlDiagramPage *self)
{
  gtk_button_set_icon_name (self->play_button,
                            self->playing ? "media-playback-pause-symbolic"
                                          : "media-playback-start-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->playing ? _("Pause animation") : _("Play animation"),
                                  -1);
}

static void
draw_export_cb (cairo_t  *cr,
                int       width,
                int       height,
                double    t,
                gpointer  user_data)
{
  NlDiagramPage *self = user_data;
  const NlDiagramState *state = nl_diagram_view_get_state (self->view);
  const NlDiagramState *compare = nl_diagram_view_get_compare (self->view);
  NlRenderStyle style;

  nl_view_style_init_for_export (&style, GTK_WIDGET (self));
  if (compare != NULL)
    nl_signal_diagram_draw_compare (cr, state, compare, t, &style, width, height);
  else
    nl_signal_diagram_draw (cr, state, t, &style, width, height);
}

/* The rows below the fold are built after the first frame (nl-defer.h). */
static void
show_all_rows (GtkWidget *widget)
{
  NlDiagramPage *self = NL_DIAGRAM_PAGE (widget);
  NlTimeline *timeline = get_timeline (self);

  for (guint i = 0; i < G_N_ELEMENTS (diagram_series); i++)
    if (self->rows[i] == NULL)
      {
        self->rows[i] = nl_explanation_row_new (diagram_series[i]);
        gtk_box_append (self->explanation_box, self->rows[i]);
      }
  update_explanations (self, timeline, timeline ? nl_timeline_get_default_track (timeline) : 0);
}

static gboolean
check_has_figure (NlDiagramPage  *self,
                  GError        **error)
{
  if (nl_diagram_view_get_state (self->view) != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("There is no diagram to export yet: open a programme that can be simulated."));
  return FALSE;
}

static void
export_file_chosen_cb (GObject *owner,
                       GFile   *file)
{
  NlDiagramPage *self = NL_DIAGRAM_PAGE (owner);
  g_autoptr(GError) error = NULL;

  if (!nl_diagram_page_export_to_file (self, file, EXPORT_WIDTH, EXPORT_HEIGHT, &error))
    nl_export_dialog_show_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 _("Could not export the figure"), error);
  else
    nl_export_dialog_show_done (GTK_WIDGET (self), file);
}

static void
frames_exported_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  NlDiagramPage *self = NL_DIAGRAM_PAGE (source);
  g_autoptr(GFile) folder = user_data;
  g_autoptr(GError) error = NULL;

  if (!nl_diagram_page_export_frames_finish (self, result, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      nl_export_dialog_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could not export the animation"), error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (folder);
      guint n = nl_frames_options_n_frames (&self->frames_options);
      /* Translators: %u is a number of image files, %s a folder's name */
      g_autofree char *message = g_strdup_printf (ngettext ("Exported %u frame to “%s”",
                                                            "Exported %u frames to “%s”", n),
                                                  n, name);

      nl_export_dialog_show_toast (GTK_WIDGET (self), message);
    }
}

static void
export_folder_chosen_cb (GObject *owner,
                         GFile   *folder)
{
  NlDiagramPage *self = NL_DIAGRAM_PAGE (owner);

  if (self->exporting_frames)
    {
      nl_export_dialog_show_toast (GTK_WIDGET (self), _("The animation is still being exported"));
      return;
    }
  nl_export_dialog_show_toast (GTK_WIDGET (self), _("Exporting the animation…"));
  nl_diagram_page_export_frames_async (self, folder, nl_frames_options_n_frames (&self->frames_options),
                                       self->frames_options.fps, self->frames_options.width,
                                       self->frames_options.height,
                                       frames_exported_cb, g_object_ref (folder));
}

static void
frames_options_chosen_cb (GObject               *owner,
                          const NlFramesOptions *options)
{
  NlDiagramPage *self = NL_DIAGRAM_PAGE (owner);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->frames_options = *options;
  nl_export_dialog_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NL_FILE_DIALOG_FOLDER,
                        NL_FILE_KIND_ANY, _("Export Animation Frames"), NULL, self->frames_folder,
                        G_OBJECT (self), export_folder_chosen_cb);
}

static void
nl_diagram_page_dispose (GObject *object)
{
  GtkWidget *child;
  NlDiagramPage *self = NL_DIAGRAM_PAGE (object);

  if (self->simulation != NULL)
    {
      g_clear_signal_handler (&self->timeline_id, self->simulation);
      g_clear_signal_handler (&self->error_id, self->simulation);
      g_clear_object (&self->simulation);
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->frames_folder);
  gtk_widget_dispose_template (GTK_WIDGET (self), NL_TYPE_DIAGRAM_PAGE);
  /* The template's root box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->rows, 0, sizeof self->rows);

  G_OBJECT_CLASS (nl_diagram_page_parent_class)->dispose (object);
}

static void
nl_diagram_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NlDiagramPage *self = NL_DIAGRAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIMULATION:
      g_value_set_object (value, self->simulation);
      break;
    case PROP_DAY:
      g_value_set_uint (value, self->day);
      break;
    case PROP_EFFORT:
      g_value_set_double (value, self->effort);
      break;
    case PROP_COMPARE_DAY:
      g_value_set_int (value, self->compare_day);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_diagram_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NlDiagramPage *self = NL_DIAGRAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIMULATION:
      nl_diagram_page_set_simulation (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      nl_diagram_page_set_day (self, g_value_get_uint (value));
      break;
    case PROP_EFFORT:
      nl_diagram_page_set_effort (self, g_value_get_double (value));
      break;
    case PROP_COMPARE_DAY:
      nl_diagram_page_set_compare_day (self, g_value_get_int (value));
      break;
    case PROP_PLAYING:
      nl_diagram_page_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_SPEED:
      nl_diagram_page_set_speed (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_diagram_page_class_init (NlDiagramPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nl_diagram_page_dispose;
  object_class->get_property = nl_diagram_page_get_property;
  object_class->set_property = nl_diagram_page_set_property;

  properties[PROP_SIMULATION] =
    g_param_spec_object ("simulation", NULL, NULL, NL_TYPE_SIMULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_uint ("day", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EFFORT] =
    g_param_spec_double ("effort", NULL, NULL, 0.0, 1.0, 0.8,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE_DAY] =
    g_param_spec_int ("compare-day", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.1, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "diagram.playing", "playing");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "diagram.playing", NULL);

  g_type_ensure (NL_TYPE_DIAGRAM_VIEW);
  g_type_ensure (NL_TYPE_EXPLANATION_BOX);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/neurolift/Neurolift/views/nl-diagram-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, compare_adjustment);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, compare_label);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, compare_scale);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, day_adjustment);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, day_scale);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, effort_adjustment);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, effort_label);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, explanation_box);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, explanation_flap);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, speed_adjustment);
  gtk_widget_class_bind_template_child (widget_class, NlDiagramPage, view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nldiagrampage");
}

/* Set here, not in nl-diagram-page.ui: see nl-tooltip.h. */
static const NlTooltip tooltips[] = {
  { "play_button", N_("Play or pause the animation (Space)") },
  { "compare_button", N_("Show a second day beside the first") },
};

static void
nl_diagram_page_init (NlDiagramPage *self)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (diagram_series) <= G_N_ELEMENTS (self->rows));

  self->effort = 0.8;
  self->compare_day = -1;
  self->speed = 1.0;
  nl_frames_options_init (&self->frames_options);

  gtk_widget_init_template (GTK_WIDGET (self));
  nl_tooltip_set_all (GTK_WIDGET (self), tooltips, G_N_ELEMENTS (tooltips));

  for (guint i = 0; i < MIN (FIRST_ROWS, G_N_ELEMENTS (diagram_series)); i++)
    {
      self->rows[i] = nl_explanation_row_new (diagram_series[i]);
      gtk_box_append (self->explanation_box, self->rows[i]);
    }
  nl_defer_after_paint (GTK_WIDGET (self), show_all_rows);

  g_object_bind_property (self, "effort", self->effort_adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "speed", self->speed_adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "playing", self->view, "playing", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "speed", self->view, "speed", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->day_adjustment, "value-changed",
                           G_CALLBACK (day_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_adjustment, "value-changed",
                           G_CALLBACK (compare_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_button, "toggled",
                           G_CALLBACK (compare_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::playing", G_CALLBACK (playing_changed_cb), NULL);

  self->settings = nl_view_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "animation-speed", self, "speed", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "effort", self, "effort", G_SETTINGS_BIND_DEFAULT);
    }

  refresh (self);
}

GtkWidget *
nl_diagram_page_new (void)
{
  return g_object_new (NL_TYPE_DIAGRAM_PAGE, NULL);
}

NlSimulation *
nl_diagram_page_get_simulation (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), NULL);
  return self->simulation;
}

void
nl_diagram_page_set_simulation (NlDiagramPage *self,
                                NlSimulation  *simulation)
{
  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));
  g_return_if_fail (simulation == NULL || NL_IS_SIMULATION (simulation));

  if (self->simulation == simulation)
    return;

  if (self->simulation != NULL)
    {
      g_clear_signal_handler (&self->timeline_id, self->simulation);
      g_clear_signal_handler (&self->error_id, self->simulation);
    }
  g_set_object (&self->simulation, simulation);
  if (simulation != NULL)
    {
      self->timeline_id = g_signal_connect_object (simulation, "notify::timeline",
                                                   G_CALLBACK (timeline_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
      self->error_id = g_signal_connect_object (simulation, "notify::error",
                                                G_CALLBACK (error_changed_cb), self,
                                                G_CONNECT_SWAPPED);
    }

  timeline_changed_cb (self);
  error_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMULATION]);
}

guint
nl_diagram_page_get_day (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), 0);
  return self->day;
}

void
nl_diagram_page_set_day (NlDiagramPage *self,
                         guint          day)
{
  NlTimeline *timeline;

  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));

  timeline = get_timeline (self);
  if (timeline != NULL)
    day = MIN (day, nl_timeline_get_n_days (timeline) - 1);
  if (self->day == day)
    return;

  self->day = day;
  if ((guint) round (gtk_adjustment_get_value (self->day_adjustment)) != day)
    gtk_adjustment_set_value (self->day_adjustment, day);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

double
nl_diagram_page_get_effort (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), 0.0);
  return self->effort;
}

void
nl_diagram_page_set_effort (NlDiagramPage *self,
                            double         effort)
{
  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));

  effort = CLAMP (effort, 0.0, 1.0);
  if (self->effort == effort)
    return;
  self->effort = effort;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFORT]);
}

int
nl_diagram_page_get_compare_day (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), -1);
  return self->compare_day;
}

void
nl_diagram_page_set_compare_day (NlDiagramPage *self,
                                 int            day)
{
  NlTimeline *timeline;

  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));

  day = MAX (day, -1);
  timeline = get_timeline (self);
  if (timeline != NULL && day >= 0)
    day = MIN (day, (int) nl_timeline_get_n_days (timeline) - 1);
  if (self->compare_day == day)
    return;

  self->compare_day = day;
  gtk_toggle_button_set_active (self->compare_button, day >= 0);
  if (day >= 0 && (int) round (gtk_adjustment_get_value (self->compare_adjustment)) != day)
    gtk_adjustment_set_value (self->compare_adjustment, day);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE_DAY]);
}

gboolean
nl_diagram_page_get_playing (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), FALSE);
  return self->playing;
}

void
nl_diagram_page_set_playing (NlDiagramPage *self,
                             gboolean       playing)
{
  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));

  playing = !!playing;
  if (self->playing == playing)
    return;
  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

double
nl_diagram_page_get_speed (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), 1.0);
  return self->speed;
}

void
nl_diagram_page_set_speed (NlDiagramPage *self,
                           double         speed)
{
  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));

  speed = CLAMP (speed, 0.1, 4.0);
  if (self->speed == speed)
    return;
  self->speed = speed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

NlDiagramView *
nl_diagram_page_get_view (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), NULL);
  return self->view;
}

GtkWidget *
nl_diagram_page_get_explanation_flap (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), NULL);
  return self->explanation_flap;
}

gboolean
nl_diagram_page_export_to_file (NlDiagramPage  *self,
                                GFile          *file,
                                int             width,
                                int             height,
                                GError        **error)
{
  NlExportFormat format;

  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_has_figure (self, error))
    return FALSE;

  if (!nl_export_format_for_file (file, &format, error))
    return FALSE;

  return nl_export_figure (file, format, width, height, 1.0,
                           nl_diagram_view_get_time (self->view),
                           _("Neurolift signalling diagram"),
                           draw_export_cb, self, error);
}

/* What a worker needs to draw the frames: copies, nothing shared. */
typedef struct {
  NlDiagramState *state;
  NlDiagramState *compare;
  NlRenderStyle   style;
  GFile          *folder;
  guint           n_frames;
  double          fps;
  int             width;
  int             height;
} FramesJob;

static void
frames_job_free (FramesJob *job)
{
  g_clear_pointer (&job->state, nl_diagram_state_free);
  g_clear_pointer (&job->compare, nl_diagram_state_free);
  g_clear_object (&job->folder);
  g_free (job);
}

static void
draw_job_cb (cairo_t  *cr,
             int       width,
             int       height,
             double    t,
             gpointer  user_data)
{
  FramesJob *job = user_data;

  if (job->compare != NULL)
    nl_signal_diagram_draw_compare (cr, job->state, job->compare, t, &job->style, width, height);
  else
    nl_signal_diagram_draw (cr, job->state, t, &job->style, width, height);
}

static void
export_frames_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  FramesJob *job = task_data;
  GError *error = NULL;

  if (nl_export_frames (job->folder, job->n_frames, job->fps, job->width, job->height, 1.0,
                        draw_job_cb, job, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Who asked for the frames.  The task has no source object: its last
 * reference may go on the worker, and a widget must be finalized on the
 * main thread; the page is released here, in the completion. */
typedef struct {
  NlDiagramPage       *self;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  GApplication        *app;      /* held, so that closing the window does not cut the files short */
} FramesCall;

static void
frames_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  FramesCall *call = data;

  call->self->exporting_frames = FALSE;
  if (call->callback != NULL)
    call->callback (G_OBJECT (call->self), result, call->user_data);
  if (call->app != NULL)
    {
      g_application_release (call->app);
      g_object_unref (call->app);
    }
  g_object_unref (call->self);
  g_free (call);
}

void
nl_diagram_page_export_frames_async (NlDiagramPage       *self,
                                     GFile               *folder,
                                     guint                n_frames,
                                     double               fps,
                                     int                  width,
                                     int                  height,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const NlDiagramState *compare;
  FramesCall *call;
  FramesJob *job;

  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));
  g_return_if_fail (G_IS_FILE (folder));

  call = g_new0 (FramesCall, 1);
  call->self = g_object_ref (self);
  call->callback = callback;
  call->user_data = user_data;
  if (g_application_get_default () != NULL)
    {
      call->app = g_object_ref (g_application_get_default ());
      g_application_hold (call->app);
    }
  task = g_task_new (NULL, NULL, frames_done_cb, call);
  g_task_set_source_tag (task, nl_diagram_page_export_frames_async);
  if (!check_has_figure (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (FramesJob, 1);
  job->state = nl_diagram_state_copy (nl_diagram_view_get_state (self->view));
  compare = nl_diagram_view_get_compare (self->view);
  job->compare = compare != NULL ? nl_diagram_state_copy (compare) : NULL;
  nl_view_style_init_for_export (&job->style, GTK_WIDGET (self));
  job->folder = g_object_ref (folder);
  job->n_frames = n_frames;
  job->fps = fps;
  job->width = width;
  job->height = height;
  g_task_set_task_data (task, job, (GDestroyNotify) frames_job_free);
  self->exporting_frames = TRUE;
  g_task_run_in_thread (task, export_frames_thread);
}

gboolean
nl_diagram_page_export_frames_finish (NlDiagramPage  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
nl_diagram_page_is_exporting_frames (NlDiagramPage *self)
{
  g_return_val_if_fail (NL_IS_DIAGRAM_PAGE (self), FALSE);

  return self->exporting_frames;
}

void
nl_diagram_page_export (NlDiagramPage *self,
                        GtkWindow     *parent,
                        GFile         *initial_folder)
{
  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));

  nl_export_dialog_run (parent, NL_FILE_DIALOG_SAVE, NL_FILE_KIND_FIGURE, _("Export Diagram"),
                        /* Translators: default file name; keep the extension. */
                        _("diagram.png"), initial_folder, G_OBJECT (self), export_file_chosen_cb);
}

void
nl_diagram_page_export_frames (NlDiagramPage *self,
                               GtkWindow     *parent,
                               GFile         *initial_folder)
{
  GtkWidget *dialog;

  g_return_if_fail (NL_IS_DIAGRAM_PAGE (self));

  if (self->exporting_frames)
    {
      nl_export_dialog_show_toast (GTK_WIDGET (self), _("The animation is still being exported"));
      return;
    }
  g_set_object (&self->frames_folder, initial_folder);
  /* How long, how smooth, how large; then where. */
  dialog = nl_frames_dialog_new (parent, &self->frames_options, G_OBJECT (self), frames_options_chosen_cb);
  gtk_window_present (GTK_WINDOW (dialog));
}
