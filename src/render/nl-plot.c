/* nl-plot.c — the data a trend plot shows, independent of the model
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

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
