/* nl-explanation-box.c — the column of an explanation panel, 40 characters wide
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An explanation panel's paragraphs wrap at 40 characters.  Giving each of
 * its labels max-width-chars does that too, but makes GTK lay every
 * paragraph out once more at that width whenever it measures the label
 * (pango shapes the whole text again each time), which cost about a
 * quarter of the Diagram view's start-up.  This bin asks for its child's
 * natural width up to 40 characters of the panel's text instead, measured
 * the way GtkLabel measures max-width-chars, from the first paragraph's
 * font (so that it follows the presentation mode's larger text); the
 * paragraphs then wrap at the width they are given.  Its width never
 * depends on its height, so it also keeps a wrapping heading beside a
 * value from being asked for widths that fit heights.
 *
 * A panel's box also has a minimum width of its own (min-width-chars):
 * GtkPaned first shows a panel that does not resize at its minimum width,
 * and the panel's rows are built as they scroll into view, so without it
 * the panel would widen, and the figure beside it shrink, each time a row
 * with a longer word than the ones before arrived.
 */

#define G_LOG_DOMAIN "nl-explanation-box"

#include "config.h"

#include "nl-explanation-box.h"

#define WIDTH_CHARS 40

struct _NlExplanationBox
{
  GtkWidget  parent_instance;
  GtkWidget *child;
  int        min_width_chars;
};

G_DEFINE_FINAL_TYPE (NlExplanationBox, nl_explanation_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_MIN_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The first wrapping label under @widget that is not a heading: a
 * paragraph of the panel. */
static GtkWidget *
find_paragraph (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget))
      && !gtk_widget_has_css_class (widget, "heading"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_paragraph (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* @n_chars characters in pixels, as GtkLabel computes max-width-chars. */
static int
chars_width (NlExplanationBox *self,
             int               n_chars)
{
  GtkWidget *paragraph = find_paragraph (self->child);
  PangoFontMetrics *metrics;
  int char_width, digit_width;

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (paragraph ? paragraph : GTK_WIDGET (self)),
                                       NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  digit_width = pango_font_metrics_get_approximate_digit_width (metrics);
  pango_font_metrics_unref (metrics);
  return PANGO_PIXELS_CEIL (MAX (char_width, digit_width) * n_chars);
}

static void
nl_explanation_box_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  NlExplanationBox *self = NL_EXPLANATION_BOX (widget);

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;
  /* A column's width does not depend on its height: asked for the width
   * that fits a height, a wrapping GtkLabel searches for it by laying its
   * text out at one width after another. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_widget_measure (self->child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int margins = gtk_widget_get_margin_start (self->child) + gtk_widget_get_margin_end (self->child);
      int width = chars_width (self, WIDTH_CHARS) + margins;

      if (self->min_width_chars > 0)
        *minimum = MAX (*minimum, chars_width (self, self->min_width_chars) + margins);
      *natural = MAX (*minimum, MIN (*natural, width));
    }
}

static void
nl_explanation_box_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  NlExplanationBox *self = NL_EXPLANATION_BOX (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
nl_explanation_box_get_request_mode (GtkWidget *widget)
{
  NlExplanationBox *self = NL_EXPLANATION_BOX (widget);

  return self->child ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
nl_explanation_box_dispose (GObject *object)
{
  NlExplanationBox *self = NL_EXPLANATION_BOX (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (nl_explanation_box_parent_class)->dispose (object);
}

static void
nl_explanation_box_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NlExplanationBox *self = NL_EXPLANATION_BOX (object);

  switch (prop_id)
    {
    case PROP_CHILD: g_value_set_object (value, self->child); break;
    case PROP_MIN_WIDTH_CHARS: g_value_set_int (value, self->min_width_chars); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_explanation_box_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NlExplanationBox *self = NL_EXPLANATION_BOX (object);

  switch (prop_id)
    {
    case PROP_CHILD: nl_explanation_box_set_child (self, g_value_get_object (value)); break;
    case PROP_MIN_WIDTH_CHARS: nl_explanation_box_set_min_width_chars (self, g_value_get_int (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_explanation_box_class_init (NlExplanationBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nl_explanation_box_dispose;
  object_class->get_property = nl_explanation_box_get_property;
  object_class->set_property = nl_explanation_box_set_property;
  widget_class->measure = nl_explanation_box_measure;
  widget_class->size_allocate = nl_explanation_box_size_allocate;
  widget_class->get_request_mode = nl_explanation_box_get_request_mode;

  properties[PROP_CHILD] = g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_WIDTH_CHARS] =
    g_param_spec_int ("min-width-chars", NULL, NULL, 0, WIDTH_CHARS, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "explanationbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
nl_explanation_box_init (NlExplanationBox *self)
{
}

GtkWidget *
nl_explanation_box_new (void)
{
  return g_object_new (NL_TYPE_EXPLANATION_BOX, NULL);
}

GtkWidget *
nl_explanation_box_get_child (NlExplanationBox *self)
{
  g_return_val_if_fail (NL_IS_EXPLANATION_BOX (self), NULL);
  return self->child;
}

void
nl_explanation_box_set_child (NlExplanationBox *self,
                              GtkWidget        *child)
{
  g_return_if_fail (NL_IS_EXPLANATION_BOX (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

int
nl_explanation_box_get_min_width_chars (NlExplanationBox *self)
{
  g_return_val_if_fail (NL_IS_EXPLANATION_BOX (self), 0);
  return self->min_width_chars;
}

/* The box's minimum width: at least @n_chars characters of its
 * paragraphs' font (and its child's minimum); 0 for the child's alone. */
void
nl_explanation_box_set_min_width_chars (NlExplanationBox *self,
                                        int               n_chars)
{
  g_return_if_fail (NL_IS_EXPLANATION_BOX (self));

  n_chars = CLAMP (n_chars, 0, WIDTH_CHARS);
  if (self->min_width_chars == n_chars)
    return;
  self->min_width_chars = n_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_WIDTH_CHARS]);
}
