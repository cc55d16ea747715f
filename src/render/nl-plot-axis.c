/* nl-plot-axis.c — value ↔ pixel mapping and nice tick values
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nice numbers after Heckbert, "Nice numbers for graph labels", Graphics
 * Gems (1990), with 2.5 added so 0–10 can be split in quarters.
 */
#include "config.h"

#include <math.h>

#include "nl-plot-axis.h"

double
nl_plot_axis_nice_number (double   x,
                          gboolean round)
{
  double exponent, fraction, nice;

  g_return_val_if_fail (x > 0 && isfinite (x), 1.0);

  exponent = floor (log10 (x));
  fraction = x / pow (10, exponent);

  if (round)
    {
      if (fraction < 1.5)
        nice = 1;
      else if (fraction < 2.25)
        nice = 2;
      else if (fraction < 3.5)
        nice = 2.5;
      else if (fraction < 7.5)
        nice = 5;
      else
        nice = 10;
    }
  else
    {
      /* A small slack so 2.0000000001 is still 2. */
      if (fraction <= 1 + 1e-9)
        nice = 1;
      else if (fraction <= 2 + 1e-9)
        nice = 2;
      else if (fraction <= 2.5 + 1e-9)
        nice = 2.5;
      else if (fraction <= 5 + 1e-9)
        nice = 5;
      else
        nice = 10;
    }
  return nice * pow (10, exponent);
}

double
nl_plot_axis_nice_step (double span,
                        guint  max_ticks)
{
  if (max_ticks < 1)
    max_ticks = 1;
  if (!(span > 0) || !isfinite (span))
    return 1.0;
  return nl_plot_axis_nice_number (span / max_ticks, FALSE);
}

double
nl_plot_axis_day_step (double span_days,
                       guint  max_ticks)
{
  static const double steps[] = { 1, 2, 7, 14, 28, 56, 91, 182, 364 };

  if (max_ticks < 1)
    max_ticks = 1;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span_days / steps[i] <= max_ticks + 1e-9)
      return steps[i];
  /* Beyond seven years: whole years of 52 weeks. */
  return 364 * ceil (span_days / 364 / max_ticks);
}

void
nl_plot_axis_set_exact (NlPlotAxis *axis,
                        double      lo,
                        double      hi,
                        double      step)
{
  axis->min = lo;
  axis->max = hi;
  axis->step = step > 0 ? step : 1.0;
}

void
nl_plot_axis_set_nice (NlPlotAxis *axis,
                       double      lo,
                       double      hi,
                       guint       max_ticks)
{
  double step;

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-12)
    {
      double pad = fabs (lo) > 1e-12 ? fabs (lo) * 0.1 : 1.0;
      lo -= pad;
      hi += pad;
    }

  step = nl_plot_axis_nice_step (hi - lo, max_ticks);
  /* Widening can add an interval; take a larger step until it fits. */
  for (int guard = 0; guard < 8; guard++)
    {
      double nlo = floor (lo / step + 1e-9) * step;
      double nhi = ceil (hi / step - 1e-9) * step;

      if ((nhi - nlo) / step <= max_ticks + 1e-9 || max_ticks < 1)
        {
          lo = nlo;
          hi = nhi;
          break;
        }
      step = nl_plot_axis_nice_number (step * 1.01, FALSE);
    }
  nl_plot_axis_set_exact (axis, lo, hi, step);
}

void
nl_plot_axis_set_pixels (NlPlotAxis *axis,
                         double      pixel_min,
                         double      pixel_max)
{
  axis->pixel_min = pixel_min;
  axis->pixel_max = pixel_max;
}

double
nl_plot_axis_to_pixel (const NlPlotAxis *axis,
                       double            value)
{
  double span = axis->max - axis->min;

  if (span == 0)
    return axis->pixel_min;
  return axis->pixel_min + (value - axis->min) / span * (axis->pixel_max - axis->pixel_min);
}

double
nl_plot_axis_from_pixel (const NlPlotAxis *axis,
                         double            pixel)
{
  double span = axis->pixel_max - axis->pixel_min;

  if (span == 0)
    return axis->min;
  return axis->min + (pixel - axis->pixel_min) / span * (axis->max - axis->min);
}

guint
nl_plot_axis_ticks (const NlPlotAxis *axis,
                    double           *ticks,
                    guint             n_ticks)
{
  double first = ceil (axis->min / axis->step - 1e-9) * axis->step;
  guint n = 0;

  for (double v = first; v <= axis->max + axis->step * 1e-9 && n < n_ticks; v = first + n * axis->step)
    {
      /* Print −0 as 0. */
      ticks[n++] = fabs (v) < axis->step * 1e-9 ? 0.0 : v;
    }
  return n;
}

char *
nl_plot_axis_format (double value,
                     double step)
{
  int decimals = 0;

  if (step > 0 && step < 1)
    {
      double d = -floor (log10 (step) + 1e-9);
      decimals = (int) d;
      /* 0.25 needs two places, 2.5 one. */
      if (fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
        decimals++;
    }
  else if (step > 0 && fabs (step - round (step)) > 1e-9)
    decimals = 1;
  if (fabs (value) < 1e-12)
    value = 0;
  return g_strdup_printf ("%.*f", decimals, value);
}
