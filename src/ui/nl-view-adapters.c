/* nl-view-adapters.c — small helpers between the render layer's data and the pages
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nl-day-label.h"
#include "nl-view-adapters.h"

char *
nl_view_format_day (guint day)
{
  /* The same words as the figures' titles and the exported figures. */
  return nl_day_label_dup (day);
}

static NlPlot *
plot_new_like (const NlPlot *plot)
{
  NlPlot *copy = nl_plot_new (plot->title, plot->y_label, plot->y_unit);

  copy->selected_day = plot->selected_day;
  copy->y_from_zero = plot->y_from_zero;
  return copy;
}

static void
copy_series_range (NlPlot             *to,
                   const NlPlotSeries *series,
                   guint               i0,
                   guint               n,
                   gboolean            bands)
{
  NlPlotSeries *copy;

  /* A note has no points (and NULL arrays, no offset to add). */
  copy = nl_plot_add_series (to, series->kind, series->label,
                             n > 0 ? series->x + i0 : NULL, n > 0 ? series->y + i0 : NULL, n);
  if (copy == NULL)
    return;
  copy->colour = series->colour;
  copy->dashed = series->dashed;
  copy->note = series->note;
  if (bands && n > 0 && series->lo != NULL && series->hi != NULL)
    nl_plot_series_set_band (copy, series->lo + i0, series->hi + i0);
}

NlPlot *
nl_view_plot_slice (const NlPlot *plot,
                    double        first_day,
                    double        last_day)
{
  NlPlot *copy;

  g_return_val_if_fail (plot != NULL, NULL);

  copy = plot_new_like (plot);
  for (guint s = 0; s < plot->series->len; s++)
    {
      const NlPlotSeries *series = g_ptr_array_index (plot->series, s);
      guint i0 = 0, i1;

      while (i0 < series->n && series->x[i0] < first_day)
        i0++;
      i1 = i0;
      while (i1 < series->n && series->x[i1] <= last_day)
        i1++;
      /* A note of the legend (a compared programme that does not train
       * the muscle) holds for every phase. */
      if (i1 > i0 || series->note)
        copy_series_range (copy, series, i0, i1 - i0, TRUE);
    }

  for (guint p = 0; p < plot->phases->len; p++)
    {
      const NlPlotPhase *phase = &g_array_index (plot->phases, NlPlotPhase, p);

      if (phase->end_day <= first_day || phase->start_day > last_day)
        continue;
      nl_plot_add_phase (copy, phase->name, phase->kind,
                         MAX (phase->start_day, first_day), MIN (phase->end_day, last_day + 1));
    }

  return copy;
}

NlPlot *
nl_view_plot_filter (const NlPlot *plot,
                     guint32       hidden,
                     gboolean      bands)
{
  NlPlot *copy;

  g_return_val_if_fail (plot != NULL, NULL);

  copy = plot_new_like (plot);
  for (guint s = 0; s < plot->series->len; s++)
    {
      const NlPlotSeries *series = g_ptr_array_index (plot->series, s);

      /* A note of the legend is no curve, and has no check button to
       * bring it back. */
      if (s < 32 && (hidden & (1u << s)) != 0 && !series->note)
        continue;
      copy_series_range (copy, series, 0, series->n, bands);
    }
  for (guint p = 0; p < plot->phases->len; p++)
    {
      const NlPlotPhase *phase = &g_array_index (plot->phases, NlPlotPhase, p);

      nl_plot_add_phase (copy, phase->name, phase->kind, phase->start_day, phase->end_day);
    }
  return copy;
}
