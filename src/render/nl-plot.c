/* nl-plot.c — the data a trend plot shows, independent of the model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nl-plot.h"

static void
series_free (gpointer data)
{
  NlPlotSeries *series = data;

  g_free (series->label);
  g_free (series->x);
  g_free (series->y);
  g_free (series->lo);
  g_free (series->hi);
  g_free (series);
}

static void
phase_clear (gpointer data)
{
  NlPlotPhase *phase = data;

  g_clear_pointer (&phase->name, g_free);
}

NlPlot *
nl_plot_new (const char *title,
             const char *y_label,
             const char *y_unit)
{
  NlPlot *self = g_new0 (NlPlot, 1);

  self->title = g_strdup (title);
  self->y_label = g_strdup (y_label);
  self->y_unit = g_strdup (y_unit);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->phases = g_array_new (FALSE, TRUE, sizeof (NlPlotPhase));
  g_array_set_clear_func (self->phases, phase_clear);
  self->selected_day = NAN;
  return self;
}

void
nl_plot_free (NlPlot *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->y_label);
  g_free (self->y_unit);
  g_ptr_array_unref (self->series);
  g_array_unref (self->phases);
  g_free (self);
}

NlPlotSeries *
nl_plot_add_series (NlPlot       *self,
                    NlPlotKind    kind,
                    const char   *label,
                    const double *x,
                    const double *y,
                    guint         n)
{
  NlPlotSeries *series;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), NULL);

  if (self->series->len >= NL_PLOT_MAX_SERIES)
    return NULL;

  series = g_new0 (NlPlotSeries, 1);
  series->label = g_strdup (label);
  series->kind = kind;
  series->n = n;
  series->x = g_memdup2 (x, sizeof (double) * n);
  series->y = g_memdup2 (y, sizeof (double) * n);
  series->colour = self->series->len;
  g_ptr_array_add (self->series, series);
  return series;
}

NlPlotSeries *
nl_plot_add_note (NlPlot     *self,
                  const char *text)
{
  NlPlotSeries *note = nl_plot_add_series (self, NL_PLOT_LINE, text, NULL, NULL, 0);

  if (note != NULL)
    note->note = TRUE;
  return note;
}

void
nl_plot_series_set_band (NlPlotSeries *series,
                         const double *lo,
                         const double *hi)
{
  g_return_if_fail (series != NULL);

  g_free (series->lo);
  g_free (series->hi);
  series->lo = lo != NULL ? g_memdup2 (lo, sizeof (double) * series->n) : NULL;
  series->hi = hi != NULL ? g_memdup2 (hi, sizeof (double) * series->n) : NULL;
}

void
nl_plot_add_phase (NlPlot      *self,
                   const char  *name,
                   NlPhaseKind  kind,
                   double       start_day,
                   double       end_day)
{
  NlPlotPhase phase = { g_strdup (name), kind, start_day, end_day };

  g_return_if_fail (self != NULL);
  g_array_append_val (self->phases, phase);
}

double
nl_plot_series_value_at (const NlPlotSeries *series,
                         double              day,
                         double             *sample_day)
{
  guint lo = 0, hi;

  if (series->n == 0)
    {
      if (sample_day != NULL)
        *sample_day = NAN;
      return NAN;
    }

  /* Binary search for the last sample not after @day. */
  hi = series->n - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (series->x[mid] <= day)
        lo = mid;
      else
        hi = mid - 1;
    }
  if (lo + 1 < series->n && fabs (series->x[lo + 1] - day) < fabs (series->x[lo] - day))
    lo++;
  if (sample_day != NULL)
    *sample_day = series->x[lo];
  return series->y[lo];
}

NlPlot *
nl_plot_copy (const NlPlot *self)
{
  NlPlot *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = nl_plot_new (self->title, self->y_label, self->y_unit);
  for (guint k = 0; k < self->series->len; k++)
    {
      const NlPlotSeries *s = g_ptr_array_index (self->series, k);
      NlPlotSeries *c = nl_plot_add_series (copy, s->kind, s->label, s->x, s->y, s->n);

      nl_plot_series_set_band (c, s->lo, s->hi);
      c->colour = s->colour;
      c->dashed = s->dashed;
      c->note = s->note;
    }
  for (guint p = 0; p < self->phases->len; p++)
    {
      const NlPlotPhase *phase = &g_array_index (self->phases, NlPlotPhase, p);
      nl_plot_add_phase (copy, phase->name, phase->kind, phase->start_day, phase->end_day);
    }
  copy->selected_day = self->selected_day;
  copy->y_from_zero = self->y_from_zero;
  return copy;
}

static gboolean
arrays_equal (const double *a,
              const double *b,
              guint         n)
{
  if (a == NULL || b == NULL)
    return a == b;
  return memcmp (a, b, sizeof (double) * n) == 0;
}

gboolean
nl_plot_equal (const NlPlot *a,
               const NlPlot *b,
               gboolean      with_selection)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (g_strcmp0 (a->title, b->title) != 0 || g_strcmp0 (a->y_label, b->y_label) != 0
      || g_strcmp0 (a->y_unit, b->y_unit) != 0 || a->y_from_zero != b->y_from_zero
      || a->series->len != b->series->len || a->phases->len != b->phases->len)
    return FALSE;
  if (with_selection && memcmp (&a->selected_day, &b->selected_day, sizeof (double)) != 0)
    return FALSE;
  for (guint k = 0; k < a->series->len; k++)
    {
      const NlPlotSeries *sa = g_ptr_array_index (a->series, k);
      const NlPlotSeries *sb = g_ptr_array_index (b->series, k);

      if (g_strcmp0 (sa->label, sb->label) != 0 || sa->kind != sb->kind || sa->n != sb->n
          || sa->colour != sb->colour || sa->dashed != sb->dashed || sa->note != sb->note
          || !arrays_equal (sa->x, sb->x, sa->n) || !arrays_equal (sa->y, sb->y, sa->n)
          || !arrays_equal (sa->lo, sb->lo, sa->n) || !arrays_equal (sa->hi, sb->hi, sa->n))
        return FALSE;
    }
  for (guint p = 0; p < a->phases->len; p++)
    {
      const NlPlotPhase *pa = &g_array_index (a->phases, NlPlotPhase, p);
      const NlPlotPhase *pb = &g_array_index (b->phases, NlPlotPhase, p);

      if (g_strcmp0 (pa->name, pb->name) != 0 || pa->kind != pb->kind
          || pa->start_day != pb->start_day || pa->end_day != pb->end_day)
        return FALSE;
    }
  return TRUE;
}
