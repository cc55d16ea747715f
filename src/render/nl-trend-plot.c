/* nl-trend-plot.c — model series over the days of a programme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows from the top: title, legend, axis header (y label, selected day),
 * phase names, the data area, x tick labels, x axis title.  The same
 * layout function serves drawing and hit-testing so they always agree.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nl-day-label.h"
#include "nl-plot-axis.h"
#include "nl-raster.h"
#include "nl-render-private.h"
#include "nl-trend-plot.h"

typedef struct {
  double     s;
  NlRect     title;
  NlRect     legend;
  NlRect     header;
  NlRect     phases;
  NlRect     area;
  NlRect     xticks;
  NlRect     xtitle;
  NlPlotAxis xaxis;
  NlPlotAxis yaxis;
  gboolean   weeks;
  double     tick_w;
} PlotLayout;

static const char *
series_label (const NlPlotSeries *series)
{
  return series->label != NULL ? series->label : "";
}

/* The value of @series on @day, as nl_plot_series_value_at() gives it;
 * @hint is where @day probably is (the series of one figure mostly share
 * their days), which spares the search. */
static double
value_at_hint (const NlPlotSeries *series,
               double              day,
               guint               hint)
{
  /* The last sample not after @day, and the next one is after it. */
  if (hint < series->n && series->x[hint] == day
      && (hint + 1 == series->n || series->x[hint + 1] > day))
    return series->y[hint];
  return nl_plot_series_value_at (series, day, NULL);
}

/* A stacked series as drawn: each sample's base and top edge.  Where the
 * series changes sign between two samples, two samples of no height are
 * put at the crossing, one on each stack; the line of the top edge is
 * lifted between them (@lift marks a sample the pen moves to).  Where a
 * series below it changes sign, its base bends there: a sample is put at
 * that crossing too. */
typedef struct {
  guint     n;
  double   *x;
  double   *base;
  double   *top;
  gboolean *lift;
} StackOutline;

static void
stack_outline_add (StackOutline *o,
                   double        x,
                   double        base,
                   double        top,
                   gboolean      lift)
{
  o->x[o->n] = x;
  o->base[o->n] = base;
  o->top[o->n] = top;
  o->lift[o->n] = lift;
  o->n++;
}

/* Stacked series @j's value at @t (0 to 1) of the way from sample @i - 1
 * of @s to sample @i (at sample @i itself when @t is 1): between samples
 * every series is a straight line. */
static double
stacked_between (const NlPlot       *plot,
                 guint               j,
                 const NlPlotSeries *s,
                 guint               i,
                 double              t)
{
  const NlPlotSeries *other = g_ptr_array_index (plot->series, j);
  double a, b = value_at_hint (other, s->x[i], i);

  if (t >= 1)
    return b;
  a = value_at_hint (other, s->x[i - 1], i - 1);
  return a + t * (b - a);
}

/* The stacked total below series @index at @t of the way from sample
 * @i - 1 of @s to sample @i (at sample @i when @t is 1): the sum of the
 * earlier stacked series' values of the same sign as @positive.  As in any
 * diverging stacked chart, positive parts stack upward from zero and
 * negative parts downward, so a negative share is never drawn over a
 * positive one. */
static double
stack_base (const NlPlot       *plot,
            guint               index,
            const NlPlotSeries *s,
            guint               i,
            double              t,
            gboolean            positive)
{
  double base = 0;

  for (guint j = 0; j < index; j++)
    if (((const NlPlotSeries *) g_ptr_array_index (plot->series, j))->kind == NL_PLOT_STACKED_AREA)
      {
        double v = stacked_between (plot, j, s, i, t);

        if (isfinite (v) && (v >= 0) == positive)
          base += v;
      }
  return base;
}

static int
compare_crossings (const void *a,
                   const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static StackOutline *
stack_outline_new (const NlPlot *plot,
                   guint         index)
{
  const NlPlotSeries *s = g_ptr_array_index (plot->series, index);
  StackOutline *o = g_new0 (StackOutline, 1);
  /* A sample, and per gap up to two samples for each series' crossing. */
  guint size = MAX ((2 * index + 3) * s->n, 1);
  double crossings[2 * NL_PLOT_MAX_SERIES];

  o->x = g_new (double, size);
  o->base = g_new (double, size);
  o->top = g_new (double, size);
  o->lift = g_new (gboolean, size);
  for (guint i = 0; i < s->n; i++)
    {
      double y = s->y[i], base;
      gboolean positive = !(y < 0);
      guint n_crossings = 0;

      /* Where this series and those below it cross zero on the way from
       * the previous sample (the fraction of the way, and which). */
      for (guint j = 0; i > 0 && j <= index; j++)
        {
          const NlPlotSeries *other = g_ptr_array_index (plot->series, j);
          double a, b;

          if (other->kind != NL_PLOT_STACKED_AREA)
            continue;
          a = value_at_hint (other, s->x[i - 1], i - 1);
          b = value_at_hint (other, s->x[i], i);
          if (isfinite (a) && isfinite (b) && (a >= 0) != (b >= 0))
            {
              crossings[n_crossings++] = a / (a - b);
              crossings[n_crossings++] = j;
            }
        }
      qsort (crossings, n_crossings / 2, 2 * sizeof (double), compare_crossings);
      for (guint c = 0; c < n_crossings; c += 2)
        {
          double t = crossings[c];
          double xc = s->x[i - 1] + t * (s->x[i] - s->x[i - 1]);

          if ((guint) crossings[c + 1] == index)
            /* Zero at the crossing, on the stack it leaves, then on the
             * one it joins. */
            for (int side = 0; side < 2; side++)
              {
                double b = stack_base (plot, index, s, i, t, side == 0 ? !positive : positive);

                stack_outline_add (o, xc, b, b, side == 1);
              }
          else
            {
              double v = stacked_between (plot, index, s, i, t);
              double b = stack_base (plot, index, s, i, t, !(v < 0));

              stack_outline_add (o, xc, b, b + v, FALSE);
            }
        }
      base = stack_base (plot, index, s, i, 1, positive);
      stack_outline_add (o, s->x[i], base, base + y, FALSE);
    }
  return o;
}

static void
stack_outline_free (StackOutline *o)
{
  if (o == NULL)
    return;
  g_free (o->x);
  g_free (o->base);
  g_free (o->top);
  g_free (o->lift);
  g_free (o);
}

static void
data_range (const NlPlot *plot,
            double       *x0,
            double       *x1,
            double       *y0,
            double       *y1)
{
  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;

  for (guint k = 0; k < plot->series->len; k++)
    {
      const NlPlotSeries *s = g_ptr_array_index (plot->series, k);

      for (guint i = 0; i < s->n; i++)
        {
          double base = s->kind == NL_PLOT_STACKED_AREA ? stack_base (plot, k, s, i, 1, !(s->y[i] < 0)) : 0;
          double v = s->y[i] + base;

          if (!isfinite (s->x[i]) || !isfinite (v))
            continue;
          *x0 = MIN (*x0, s->x[i]);
          *x1 = MAX (*x1, s->x[i]);
          if (s->kind != NL_PLOT_BAND)
            {
              *y0 = MIN (*y0, v);
              *y1 = MAX (*y1, v);
            }
          if (s->lo != NULL && isfinite (s->lo[i]))
            *y0 = MIN (*y0, s->lo[i]);
          if (s->hi != NULL && isfinite (s->hi[i]))
            *y1 = MAX (*y1, s->hi[i]);
        }
    }
  for (guint p = 0; p < plot->phases->len; p++)
    {
      const NlPlotPhase *phase = &g_array_index (plot->phases, NlPlotPhase, p);
      *x0 = MIN (*x0, phase->start_day);
      *x1 = MAX (*x1, phase->end_day);
    }
  if (*x0 > *x1)
    *x0 = 0, *x1 = 7;
  if (*y0 > *y1)
    *y0 = 0, *y1 = 1;
  if (plot->y_from_zero)
    *y0 = MIN (*y0, 0);
}

static char *
x_tick_text (const PlotLayout *L,
             double            day)
{
  if (L->weeks)
    return g_strdup_printf ("%.0f", day / 7);
  return g_strdup_printf ("%.0f", day);
}

static double
legend_layout (cairo_t             *cr,
               NlTextKit           *kit,
               const NlPlot        *plot,
               const NlRect        *rect,
               const NlRenderStyle *style)
{
  double s = kit->size, sw = s * 1.6, gap = s * 0.4, spacing = s * 1.1;
  double line_h = _nl_text_line_height (kit, NL_TEXT_SMALL);
  double row_h = line_h * 1.3;
  double x = rect->x, y = rect->y;

  for (guint k = 0; k < plot->series->len; k++)
    {
      const NlPlotSeries *series = g_ptr_array_index (plot->series, k);
      /* A note (e.g. that the compared programme has no such curve): its
       * text alone, no swatch. */
      gboolean note = series->note;
      double text_x = note ? 0 : sw + gap;
      g_autoptr(PangoLayout) layout = _nl_text_layout (kit, NL_TEXT_SMALL, series_label (series),
                                                       rect->width - text_x, line_h * 1.05,
                                                       PANGO_ALIGN_LEFT);
      NlRect ext = _nl_text_extents (layout);
      double item_w = text_x + ext.width;

      if (x > rect->x && x + item_w > rect->x + rect->width)
        {
          x = rect->x;
          y += row_h;
        }
      if (cr != NULL)
        {
          const NlRgba *colour = &style->series[series->colour % NL_RENDER_N_SERIES_COLOURS];
          double cy = y + row_h / 2;
          NlRect swatch = { x, y + row_h * 0.15, sw, row_h * 0.7 };
          char name[32];

          if (note)
            {
              g_snprintf (name, sizeof name, "legend note %u", k);
              _nl_text_show (kit, cr, layout, x, y + (row_h - ext.height) / 2 - ext.y,
                             &style->secondary, name);
              x += item_w + spacing;
              continue;
            }
          if (series->kind == NL_PLOT_LINE)
            {
              static const double dash[] = { 4, 3 };
              cairo_set_line_width (cr, MAX (1.5, s * 0.15));
              cairo_set_dash (cr, dash, series->dashed ? 2 : 0, 0);
              _nl_set_colour (cr, colour);
              cairo_move_to (cr, x, cy);
              cairo_line_to (cr, x + sw, cy);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          else if (series->kind == NL_PLOT_STEMS)
            {
              cairo_set_line_width (cr, MAX (1.5, s * 0.18));
              _nl_set_colour (cr, colour);
              for (int b = 0; b < 3; b++)
                {
                  double bx = x + sw * (0.2 + 0.3 * b);
                  cairo_move_to (cr, bx, swatch.y + swatch.height);
                  cairo_line_to (cr, bx, swatch.y + swatch.height * (b == 1 ? 0.0 : 0.4));
                }
              cairo_stroke (cr);
            }
          else
            {
              NlRgba fill = *colour;

              fill.alpha *= series->kind == NL_PLOT_BAND ? 0.25 : 0.55;
              _nl_fill_rect (cr, swatch.x, swatch.y, swatch.width, swatch.height, &fill);
            }
          _nl_record (kit, NL_ELEMENT_SHAPE, &swatch, "legend swatch");
          g_snprintf (name, sizeof name, "legend %u", k);
          _nl_text_show (kit, cr, layout, x + sw + gap, y + (row_h - ext.height) / 2 - ext.y,
                         &style->foreground, name);
        }
      x += item_w + spacing;
    }
  return plot->series->len > 0 ? y + row_h - rect->y : 0;
}

static void
compute_layout (NlTextKit           *kit,
                const NlPlot        *plot,
                const NlRenderStyle *style,
                int                  width,
                int                  height,
                PlotLayout          *L)
{
  double s = kit->size, m = s * 0.8;
  double title_h = _nl_text_line_height (kit, NL_TEXT_HEADING) * 1.2;
  double small_h = _nl_text_line_height (kit, NL_TEXT_SMALL);
  double x0, x1, y0, y1, top, bottom, legend_h;
  double ticks[NL_PLOT_AXIS_MAX_TICKS];
  guint n_ticks, max_ticks;

  L->s = s;
  L->title = (NlRect) { m, m, width - 2 * m, title_h };
  L->legend = (NlRect) { m, L->title.y + title_h, width - 2 * m, 0 };
  legend_h = legend_layout (NULL, kit, plot, &L->legend, style);
  L->legend.height = legend_h;
  L->header = (NlRect) { m, L->legend.y + legend_h + s * 0.3, width - 2 * m, small_h * 1.2 };
  /* Half a line more: the top tick label is centred on the area's edge. */
  top = L->header.y + L->header.height + small_h * 0.6;
  L->phases = (NlRect) { 0, top, 0, plot->phases->len > 0 ? small_h * 1.3 : 0 };
  L->xtitle = (NlRect) { m, height - m - small_h * 1.1, width - 2 * m, small_h * 1.1 };
  L->xticks = (NlRect) { 0, L->xtitle.y - small_h * 1.3, 0, small_h * 1.3 };
  bottom = L->xticks.y - s * 0.3;

  data_range (plot, &x0, &x1, &y0, &y1);
  max_ticks = (guint) CLAMP ((bottom - top - L->phases.height) / (s * 2.6), 2, 10);
  nl_plot_axis_set_nice (&L->yaxis, y0, y1, max_ticks);

  /* Widest y tick label sets the left margin. */
  L->tick_w = 0;
  n_ticks = nl_plot_axis_ticks (&L->yaxis, ticks, G_N_ELEMENTS (ticks));
  for (guint i = 0; i < n_ticks; i++)
    {
      g_autofree char *text = nl_plot_axis_format (ticks[i], L->yaxis.step);
      g_autoptr(PangoLayout) layout = _nl_text_layout (kit, NL_TEXT_SMALL, text, -1, -1, PANGO_ALIGN_LEFT);
      L->tick_w = MAX (L->tick_w, _nl_text_extents (layout).width);
    }

  L->area.x = m + L->tick_w + s * 0.5;
  L->area.width = MAX (width - m - s * 0.5 - L->area.x, 1);
  L->area.y = top + L->phases.height;
  L->area.height = MAX (bottom - L->area.y, 1);
  L->phases.x = L->area.x;
  L->phases.width = L->area.width;
  L->xticks.x = m;
  L->xticks.width = width - 2 * m;

  /* Time axis: whole weeks once the span is long enough. */
  {
    double span = x1 - x0;
    guint max_x = (guint) CLAMP (L->area.width / (s * 3.5), 2, 20);
    double step = nl_plot_axis_day_step (span, max_x);

    L->weeks = step >= 7;
    nl_plot_axis_set_exact (&L->xaxis, x0, x1, step);
  }
  nl_plot_axis_set_pixels (&L->xaxis, L->area.x, L->area.x + L->area.width);
  nl_plot_axis_set_pixels (&L->yaxis, L->area.y + L->area.height, L->area.y);
}

typedef enum {
  PASS_AREAS,
  PASS_BANDS,
  PASS_LINES,
} Pass;

/* Drops the vertices of the outline (@x[i], @y[i]) that lie within @tol
 * of a straight run through their neighbours; returns how many are left.
 * A fill's cost grows with its edges, and model curves are mostly smooth:
 * a tenth of a device pixel is far below what shows. */
static int
simplify_outline (double *x,
                  double *y,
                  int     n,
                  double  tol)
{
  int out = 1, start = 0;

  for (int i = 0; i < n; i++)
    if (!isfinite (x[i]) || !isfinite (y[i]))
      return n;
  for (int i = 2; i < n; i++)
    {
      /* Does the run from the last kept vertex reach i straight? */
      double ax = x[out - 1], ay = y[out - 1], dx = x[i] - ax, dy = y[i] - ay;
      double len = sqrt (dx * dx + dy * dy);
      gboolean straight = len > 0 && i - start < 32;

      for (int j = start + 1; j < i && straight; j++)
        straight = fabs ((x[j] - ax) * dy - (y[j] - ay) * dx) <= tol * len;
      if (!straight)
        {
          /* Keep the run's last vertex; a new run starts there. */
          x[out] = x[i - 1];
          y[out] = y[i - 1];
          out++;
          start = i - 1;
        }
    }
  if (n > 1)
    {
      x[out] = x[n - 1];
      y[out] = y[n - 1];
      out++;
    }
  return out;
}

static void
draw_series (cairo_t             *cr,
             const NlPlot        *plot,
             guint                k,
             Pass                 pass,
             const PlotLayout    *L,
             const NlRenderStyle *style,
             const StackOutline  *stack)
{
  const NlPlotSeries *series = g_ptr_array_index (plot->series, k);
  const NlRgba *colour = &style->series[series->colour % NL_RENDER_N_SERIES_COLOURS];
  static const double dash[] = { 6, 4 };

  if (series->n == 0)
    return;

  /* Area and band fills cover hundreds of thousands of pixels under a
   * many-edged outline: on an image nl-raster fills them (exact coverage,
   * blended in wide steps); elsewhere cairo does, with the fast kind of
   * antialiasing. */
  cairo_set_antialias (cr, pass == PASS_LINES ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_FAST);

  /* Areas, then bands over them, then every line on top. */
  if (pass == PASS_BANDS && series->lo != NULL && series->hi != NULL)
    {
      /* hi forward, lo back: one closed outline of 2n vertices. */
      g_autofree double *bx = g_new (double, 2 * series->n);
      g_autofree double *by = g_new (double, 2 * series->n);

      for (guint i = 0; i < series->n; i++)
        {
          double px = nl_plot_axis_to_pixel (&L->xaxis, series->x[i]);

          bx[i] = bx[2 * series->n - 1 - i] = px;
          by[i] = nl_plot_axis_to_pixel (&L->yaxis, series->hi[i]);
          by[2 * series->n - 1 - i] = nl_plot_axis_to_pixel (&L->yaxis, series->lo[i]);
        }
      NlRgba band = *colour;

      band.alpha *= 0.18;
      _nl_fill_polygon (cr, bx, by,
                        simplify_outline (bx, by, (int) (2 * series->n),
                                          0.1 / MAX (style->scale_factor, 1.0)),
                        &band);
    }

  if (series->kind == NL_PLOT_BAND)
    return;

  if (pass == PASS_AREAS && series->kind == NL_PLOT_STACKED_AREA)
    {
      /* Its top forward, its base back: one closed outline of 2n
       * vertices, filled straight into the pixels on an image. */
      guint n = stack->n;
      g_autofree double *ax = g_new (double, 2 * n);
      g_autofree double *ay = g_new (double, 2 * n);
      NlRgba area = *colour;

      for (guint i = 0; i < n; i++)
        {
          ax[i] = ax[2 * n - 1 - i] = nl_plot_axis_to_pixel (&L->xaxis, stack->x[i]);
          ay[i] = nl_plot_axis_to_pixel (&L->yaxis, stack->top[i]);
          ay[2 * n - 1 - i] = nl_plot_axis_to_pixel (&L->yaxis, stack->base[i]);
        }
      area.alpha *= 0.55;
      _nl_fill_polygon (cr, ax, ay,
                        simplify_outline (ax, ay, (int) (2 * n),
                                          0.1 / MAX (style->scale_factor, 1.0)),
                        &area);
    }

  if (pass != PASS_LINES)
    return;

  if (series->kind == NL_PLOT_STEMS)
    {
      double zero = nl_plot_axis_to_pixel (&L->yaxis, 0);
      double day_px = L->area.width / MAX (L->xaxis.max - L->xaxis.min, 1);

      double width = CLAMP (day_px * 0.6, 1.0, L->s * 0.5);
      guint index = 0, total = 0;

      /* Stems of several series on one day stand side by side. */
      for (guint j = 0; j < plot->series->len; j++)
        if (((NlPlotSeries *) g_ptr_array_index (plot->series, j))->kind == NL_PLOT_STEMS)
          {
            if (j < k)
              index++;
            total++;
          }
      width /= total;
      cairo_set_line_width (cr, width);
      _nl_set_colour (cr, colour);
      for (guint i = 0; i < series->n; i++)
        {
          double px, py;

          if (!isfinite (series->y[i]) || series->y[i] == 0)
            continue;
          /* The day's group of stems is kept inside the area, or the first
           * and last days' stems would be clipped away. */
          px = CLAMP (nl_plot_axis_to_pixel (&L->xaxis, series->x[i]), L->area.x + total * width / 2,
                      L->area.x + L->area.width - total * width / 2);
          px += (index - (total - 1) / 2.0) * width;
          py = nl_plot_axis_to_pixel (&L->yaxis, series->y[i]);
          cairo_move_to (cr, px, zero);
          cairo_line_to (cr, px, py);
        }
      cairo_stroke (cr);
      return;
    }

  /* The line (for an area: its top edge); a missing value breaks it.
   * Points that all stay within a fifth of a device pixel of a straight
   * run are merged into it: stroking cost grows with the vertices, and
   * model curves are mostly smooth. */
  {
    double tolerance = 0.2 / MAX (style->scale_factor, 1.0);
    double ax = 0, ay = 0, run_x[64], run_y[64];
    guint n_run = 0, n = stack != NULL ? stack->n : series->n;
    gboolean pen_down = FALSE;

    for (guint i = 0; i <= n; i++)
      {
        double px = NAN, py = NAN, dx, dy, len;
        gboolean straight = TRUE, lift = FALSE;

        if (i < n && stack != NULL)
          {
            px = nl_plot_axis_to_pixel (&L->xaxis, stack->x[i]);
            py = nl_plot_axis_to_pixel (&L->yaxis, stack->top[i]);
            lift = stack->lift[i];
          }
        else if (i < n)
          {
            px = nl_plot_axis_to_pixel (&L->xaxis, series->x[i]);
            py = nl_plot_axis_to_pixel (&L->yaxis, series->y[i]);
          }
        if (lift)
          {
            /* The other stack's edge: the line goes on from there. */
            if (n_run > 0)
              cairo_line_to (cr, run_x[n_run - 1], run_y[n_run - 1]);
            pen_down = FALSE;
            n_run = 0;
          }
        if (!isfinite (px) || !isfinite (py))
          {
            if (n_run > 0)
              cairo_line_to (cr, run_x[n_run - 1], run_y[n_run - 1]);
            pen_down = FALSE;
            n_run = 0;
            continue;
          }
        if (!pen_down)
          {
            cairo_move_to (cr, px, py);
            ax = px, ay = py;
            pen_down = TRUE;
            continue;
          }

        /* Can the run from (ax, ay) reach this point straight? */
        dx = px - ax, dy = py - ay, len = sqrt (dx * dx + dy * dy);
        for (guint j = 0; j < n_run && straight; j++)
          straight = len > 0 && fabs ((run_x[j] - ax) * dy - (run_y[j] - ay) * dx) / len <= tolerance;
        if (!straight || n_run == G_N_ELEMENTS (run_x))
          {
            /* End the run at its last point and start a new one there. */
            ax = run_x[n_run - 1], ay = run_y[n_run - 1];
            cairo_line_to (cr, ax, ay);
            n_run = 0;
          }
        run_x[n_run] = px;
        run_y[n_run] = py;
        n_run++;
      }
  }
  {
    double width = MAX (1.5, L->s * (series->kind == NL_PLOT_LINE ? 0.16 : 0.1));
    NlRaster raster;

    /* On an image the line is written straight into its pixels
     * (nl-raster.h says why); other targets use cairo. */
    if (_nl_raster_begin (&raster, cr))
      {
        _nl_raster_stroke_path (&raster, cr, width, series->dashed ? dash : NULL, colour);
        _nl_raster_end (&raster);
        return;
      }
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
    cairo_set_line_width (cr, width);
    cairo_set_dash (cr, dash, series->dashed ? 2 : 0, 0);
    _nl_set_colour (cr, colour);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }
}

static void
add_rect (GArray       *shapes,
          GArray       *colours,
          double        x,
          double        y,
          double        width,
          double        height,
          const NlRgba *colour)
{
  NlRect rect = { x, y, width, height };

  g_array_append_val (shapes, rect);
  g_array_append_val (colours, *colour);
}

/* Phase @p's shaded box: its days across the data area, on whole device
 * pixels. */
static void
phase_box (const NlPlot     *plot,
           guint             p,
           const PlotLayout *L,
           double            snap,
           NlRect           *box)
{
  const NlPlotPhase *phase = &g_array_index (plot->phases, NlPlotPhase, p);
  double x0 = round (nl_plot_axis_to_pixel (&L->xaxis, phase->start_day) * snap) / snap;
  double x1 = round (nl_plot_axis_to_pixel (&L->xaxis, phase->end_day) * snap) / snap;
  double y0 = round (L->area.y * snap) / snap, y1 = round ((L->area.y + L->area.height) * snap) / snap;

  *box = (NlRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* Everything but the selected day's marker.  Fills @layout and, in
 * @marker_box, the header space left for the marker's label. */
static void
draw_still (cairo_t             *cr,
            const NlPlot        *plot,
            const NlRenderStyle *style,
            int                  width,
            int                  height,
            PlotLayout          *layout,
            NlRect              *marker_box)
{
  NlTextKit kit;
  GArray *shapes, *colours;
  PlotLayout L;
  double ticks[NL_PLOT_AXIS_MAX_TICKS];
  guint n_ticks;
  double snap = style->scale_factor;

  cairo_save (cr);
  _nl_text_kit_init (&kit, cr, style, nl_render_style_text_size (style, width, height));
  compute_layout (&kit, plot, style, width, height, &L);

  /* The phases' opaque shading covers most of the data area next: the
   * background leaves it out rather than paint it twice. */
  {
    g_autofree NlRect *holes = g_new (NlRect, MAX (plot->phases->len, 1));

    for (guint p = 0; p < plot->phases->len; p++)
      phase_box (plot, p, &L, snap, &holes[p]);
    _nl_fill_rect_except (cr, 0, 0, width, height, &style->background, holes, plot->phases->len);
  }

  _nl_text_draw_in_box (&kit, cr, NL_TEXT_HEADING, plot->title ? plot->title : "", &L.title,
                        0, 0.5, &style->foreground, "title");
  legend_layout (cr, &kit, plot, &L.legend, style);

  {
    g_autofree char *ylabel = plot->y_unit != NULL && *plot->y_unit != '\0'
      ? g_strdup_printf ("%s (%s)", plot->y_label ? plot->y_label : "", plot->y_unit)
      : g_strdup (plot->y_label ? plot->y_label : "");
    NlRect said = _nl_text_draw_in_box (&kit, cr, NL_TEXT_SMALL, ylabel, &L.header, 0, 0.5,
                                        &style->secondary, "y label");
    double left = said.x + said.width + L.s;

    /* The selected day is named at the right of the header row. */
    *marker_box = (NlRect) { left, L.header.y, L.header.x + L.header.width - left, L.header.height };
  }

  _nl_record (&kit, NL_ELEMENT_PANEL, &L.area, "data area");

  /* The shading and the grid are rectangles, filled together below in
   * the order they are listed (row by row: one pass over the area's
   * memory); no text overlaps them. */
  shapes = g_array_new (FALSE, FALSE, sizeof (NlRect));
  colours = g_array_new (FALSE, FALSE, sizeof (NlRgba));

  /* Phases: shading in the data area, names in the strip above it. */
  for (guint p = 0; p < plot->phases->len; p++)
    {
      const NlPlotPhase *phase = &g_array_index (plot->phases, NlPlotPhase, p);
      double a = nl_plot_axis_to_pixel (&L.xaxis, phase->start_day);
      double b = nl_plot_axis_to_pixel (&L.xaxis, phase->end_day);
      NlRect name_box = { a + L.s * 0.2, L.phases.y, b - a - L.s * 0.4, L.phases.height };
      char name[32];

      /* On whole device pixels a shaded box is a plain fill, many times
       * cheaper than an antialiased one. */
      {
        NlRect box;

        phase_box (plot, p, &L, snap, &box);
        /* Nothing but the background is below yet: the shade can be
         * blended here once and written opaque, a plain memory fill. */
        const NlRgba *shade = &style->phase_shade[CLAMP ((int) phase->kind, 0, 2)];
        NlRgba mixed = {
          style->background.red + (shade->red - style->background.red) * shade->alpha,
          style->background.green + (shade->green - style->background.green) * shade->alpha,
          style->background.blue + (shade->blue - style->background.blue) * shade->alpha,
          1.0,
        };

        add_rect (shapes, colours, box.x, box.y, box.width, box.height, &mixed);
      }
      /* One-device-pixel lines on pixel centres are whole-pixel rows or
       * columns: filled as rectangles, cheaper than stroked. */
      if (p > 0)
        add_rect (shapes, colours, _nl_snap (a, snap) - 0.5 / snap, L.phases.y, 1.0 / snap,
                  L.area.y + L.area.height - L.phases.y, &style->panel_border);
      g_snprintf (name, sizeof name, "phase %u", p);
      _nl_text_draw_in_box (&kit, cr, NL_TEXT_SMALL, phase->name ? phase->name : "", &name_box,
                            0.5, 0.5, &style->secondary, name);
    }

  /* Grid and y ticks. */
  n_ticks = nl_plot_axis_ticks (&L.yaxis, ticks, G_N_ELEMENTS (ticks));
  for (guint i = 0; i < n_ticks; i++)
    {
      double py = _nl_snap (nl_plot_axis_to_pixel (&L.yaxis, ticks[i]), snap);
      g_autofree char *text = nl_plot_axis_format (ticks[i], L.yaxis.step);
      double lh = _nl_text_line_height (&kit, NL_TEXT_SMALL);
      NlRect box = { L.area.x - L.s * 0.5 - L.tick_w, py - lh / 2, L.tick_w, lh };
      char name[32];

      add_rect (shapes, colours, L.area.x, py - 0.5 / snap, L.area.width, 1.0 / snap, &style->grid);
      g_snprintf (name, sizeof name, "y tick %u", i);
      _nl_text_draw_in_box (&kit, cr, NL_TEXT_SMALL, text, &box, 1, 0.5, &style->secondary, name);
    }

  /* X ticks: labels centred under their tick, skipped when they would collide. */
  {
    double last_right = -G_MAXDOUBLE;

    n_ticks = nl_plot_axis_ticks (&L.xaxis, ticks, G_N_ELEMENTS (ticks));
    for (guint i = 0; i < n_ticks; i++)
      {
        double px = _nl_snap (nl_plot_axis_to_pixel (&L.xaxis, ticks[i]), snap);
        g_autofree char *text = x_tick_text (&L, ticks[i]);
        g_autoptr(PangoLayout) layout = _nl_text_layout (&kit, NL_TEXT_SMALL, text, -1, -1,
                                                         PANGO_ALIGN_LEFT);
        NlRect ext = _nl_text_extents (layout);
        double left = CLAMP (px - ext.width / 2, L.xticks.x, L.xticks.x + L.xticks.width - ext.width);
        char name[32];

        add_rect (shapes, colours, px - 0.5 / snap, L.area.y, 1.0 / snap, L.area.height, &style->grid);
        if (left < last_right + L.s * 0.5)
          continue;
        g_snprintf (name, sizeof name, "x tick %u", i);
        _nl_text_show (&kit, cr, layout, left - ext.x, L.xticks.y + L.s * 0.2 - ext.y,
                       &style->secondary, name);
        last_right = left + ext.width;
      }
    /* Elapsed time, so the ticks count from 0: the tick 4 of weeks is where
     * week 5 begins.  Days and weeks named in words count from 1. */
    _nl_text_draw_in_box (&kit, cr, NL_TEXT_SMALL,
                          L.weeks ? _("Weeks since the start") : _("Days since the start"), &L.xtitle,
                          0.5, 0.5, &style->secondary, "x title");
  }
  _nl_fill_rects (cr, (NlRect *) shapes->data, (NlRgba *) colours->data, shapes->len);
  g_array_unref (shapes);
  g_array_unref (colours);

  /* Series, clipped to the data area, on whole device pixels: cairo
   * applies such a clip for free and nl-raster can honour it. */
  cairo_save (cr);
  {
    double x0 = round (L.area.x * snap) / snap, x1 = round ((L.area.x + L.area.width) * snap) / snap;
    double y0 = round (L.area.y * snap) / snap, y1 = round ((L.area.y + L.area.height) * snap) / snap;

    cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  }
  cairo_clip (cr);
  {
    /* Each stacked series' outline, worked out once for all passes. */
    g_autofree StackOutline **stacks = g_new0 (StackOutline *, plot->series->len);

    for (guint k = 0; k < plot->series->len; k++)
      if (((NlPlotSeries *) g_ptr_array_index (plot->series, k))->kind == NL_PLOT_STACKED_AREA)
        stacks[k] = stack_outline_new (plot, k);
    for (Pass pass = PASS_AREAS; pass <= PASS_LINES; pass++)
      for (guint k = 0; k < plot->series->len; k++)
        draw_series (cr, plot, k, pass, &L, style, stacks[k]);
    for (guint k = 0; k < plot->series->len; k++)
      stack_outline_free (stacks[k]);
  }
  cairo_restore (cr);

  /* Axes: the y axis down to the corner (the mitred join's square), the
   * x axis on from it. */
  {
    double ax = _nl_snap (L.area.x, snap), ay = _nl_snap (L.area.y + L.area.height, snap);
    double h = 0.5 / snap;

    _nl_fill_rect (cr, ax - h, L.area.y, 2 * h, ay + h - L.area.y, &style->secondary);
    _nl_fill_rect (cr, ax + h, ay - h, L.area.x + L.area.width - ax - h, 2 * h, &style->secondary);
  }

  _nl_text_kit_clear (&kit);
  cairo_restore (cr);
  *layout = L;
}

/* The selected day: a line through the data area, named in the header. */
static void
draw_marker (cairo_t             *cr,
             const NlPlot        *plot,
             const NlRenderStyle *style,
             const PlotLayout    *L,
             const NlRect        *marker_box)
{
  g_autofree char *text = NULL;
  double px, snap = style->scale_factor;
  NlTextKit kit;

  if (!isfinite (plot->selected_day))
    return;

  cairo_save (cr);
  _nl_text_kit_init (&kit, cr, style, L->s);
  text = nl_trend_plot_dup_selected_label (plot);
  _nl_text_draw_in_box (&kit, cr, NL_TEXT_SMALL, text, marker_box, 1, 0.5, &style->foreground,
                        "selected day label");
  _nl_text_kit_clear (&kit);

  /* The line, kept inside the data area. */
  px = _nl_snap (nl_plot_axis_to_pixel (&L->xaxis, plot->selected_day), snap);
  {
    double half = MAX (1.0, L->s * 0.12) / 2;
    double x0 = MAX (px - half, L->area.x), x1 = MIN (px + half, L->area.x + L->area.width);

    if (x1 > x0)
      _nl_fill_rect (cr, x0, L->area.y, x1 - x0, L->area.height, &style->foreground);
  }
  cairo_restore (cr);
}

char *
nl_trend_plot_dup_selected_label (const NlPlot *plot)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (plot != NULL, NULL);

  if (!isfinite (plot->selected_day))
    return NULL;
  day = nl_day_label_dup ((guint) MAX (floor (plot->selected_day), 0));
  /* Translators: %s is a day, e.g. "Week 3, day 2" */
  return g_strdup_printf (_("Selected: %s"), day);
}

void
nl_trend_plot_draw (cairo_t             *cr,
                    const NlPlot        *plot,
                    const NlRenderStyle *style,
                    int                  width,
                    int                  height)
{
  PlotLayout L;
  NlRect marker_box;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (plot != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;
  draw_still (cr, plot, style, width, height, &L, &marker_box);
  draw_marker (cr, plot, style, &L, &marker_box);
}

struct _NlPlotCache {
  cairo_surface_t *still;
  NlPlot          *plot;       /* a copy of what the layer shows */
  NlRenderStyle    style;
  int              width;
  int              height;
  cairo_matrix_t   matrix;
  PlotLayout       layout;
  NlRect           marker_box;
};

NlPlotCache *
nl_plot_cache_new (void)
{
  return g_new0 (NlPlotCache, 1);
}

void
nl_plot_cache_free (NlPlotCache *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->still, cairo_surface_destroy);
  g_clear_pointer (&self->plot, nl_plot_free);
  g_free (self);
}

void
nl_trend_plot_draw_cached (cairo_t             *cr,
                           NlPlotCache         *cache,
                           const NlPlot        *plot,
                           const NlRenderStyle *style,
                           int                  width,
                           int                  height)
{
  cairo_surface_t *target;
  cairo_matrix_t m;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (cache != NULL);
  g_return_if_fail (plot != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  target = cairo_get_target (cr);
  /* With the target's device scale: the layer is copied pixel for pixel. */
  _nl_pixel_matrix (cr, &m);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE || m.xy != 0 || m.yx != 0
      || m.xx <= 0 || m.yy <= 0)
    {
      nl_trend_plot_draw (cr, plot, style, width, height);
      return;
    }

  if (cache->still == NULL || cache->width != width || cache->height != height
      || memcmp (&cache->matrix, &m, sizeof m) != 0
      || memcmp (&cache->style, style, sizeof *style) != 0
      || !nl_plot_equal (cache->plot, plot, FALSE))
    {
      cairo_t *still;

      g_clear_pointer (&cache->still, cairo_surface_destroy);
      g_clear_pointer (&cache->plot, nl_plot_free);
      cache->still = cairo_surface_create_similar_image (target, CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (width * m.xx),
                                                         (int) ceil (height * m.yy));
      cairo_surface_set_device_scale (cache->still, m.xx, m.yy);
      still = cairo_create (cache->still);
      draw_still (still, plot, style, width, height, &cache->layout, &cache->marker_box);
      cairo_destroy (still);
      cache->plot = nl_plot_copy (plot);
      cache->style = *style;
      cache->width = width;
      cache->height = height;
      cache->matrix = m;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, cache->still, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  draw_marker (cr, plot, style, &cache->layout, &cache->marker_box);
}



/* The layout of a plot with series drawn at a size, without drawing. */
static gboolean
layout_for_pointer (const NlPlot        *plot,
                    const NlRenderStyle *style,
                    int                  width,
                    int                  height,
                    PlotLayout          *L)
{
  NlTextKit kit;

  if (width <= 0 || height <= 0 || plot->series->len == 0)
    return FALSE;
  _nl_text_kit_init (&kit, NULL, style, nl_render_style_text_size (style, width, height));
  compute_layout (&kit, plot, style, width, height, L);
  _nl_text_kit_clear (&kit);
  return TRUE;
}

gboolean
nl_trend_plot_get_data_area (const NlPlot        *plot,
                             const NlRenderStyle *style,
                             int                  width,
                             int                  height,
                             double              *x,
                             double              *y,
                             double              *area_width,
                             double              *area_height)
{
  PlotLayout L;

  g_return_val_if_fail (plot != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  if (!layout_for_pointer (plot, style, width, height, &L))
    return FALSE;
  if (x != NULL)
    *x = L.area.x;
  if (y != NULL)
    *y = L.area.y;
  if (area_width != NULL)
    *area_width = L.area.width;
  if (area_height != NULL)
    *area_height = L.area.height;
  return TRUE;
}

gboolean
nl_trend_plot_hit_test (const NlPlot        *plot,
                        const NlRenderStyle *style,
                        int                  width,
                        int                  height,
                        double               x,
                        double               y,
                        NlPlotHit           *hit)
{
  PlotLayout L;
  double day, nearest = NAN;

  g_return_val_if_fail (plot != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (!layout_for_pointer (plot, style, width, height, &L))
    return FALSE;

  if (x < L.area.x || x > L.area.x + L.area.width || y < L.area.y || y > L.area.y + L.area.height)
    return FALSE;

  day = nl_plot_axis_from_pixel (&L.xaxis, x);
  hit->n_values = plot->series->len;
  for (guint k = 0; k < plot->series->len; k++)
    {
      const NlPlotSeries *series = g_ptr_array_index (plot->series, k);
      double sample_day;

      hit->values[k] = nl_plot_series_value_at (series, day, &sample_day);
      if (k == 0 || (!isfinite (nearest) && isfinite (sample_day)))
        nearest = sample_day;
    }
  hit->day = isfinite (nearest) ? nearest : day;
  return TRUE;
}

char *
nl_trend_plot_dup_readout (const NlPlot    *plot,
                           const NlPlotHit *hit,
                           const char      *separator)
{
  g_autofree char *day = NULL;
  GString *text;

  g_return_val_if_fail (plot != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);
  g_return_val_if_fail (separator != NULL, NULL);

  day = nl_day_label_dup ((guint) MAX (floor (hit->day), 0));
  text = g_string_new (day);
  for (guint i = 0; i < hit->n_values && i < plot->series->len; i++)
    {
      const NlPlotSeries *series = g_ptr_array_index (plot->series, i);

      if (isnan (hit->values[i]))
        continue;
      g_string_append_printf (text, "%s%s: %.1f", separator, series->label, hit->values[i]);
      if (plot->y_unit != NULL && plot->y_unit[0] != '\0')
        g_string_append_printf (text, " %s", plot->y_unit);
    }
  return g_string_free (text, FALSE);
}

char *
nl_trend_plot_dup_selected_readout (const NlPlot *plot,
                                    const char   *separator)
{
  NlPlotHit hit = { 0 };

  g_return_val_if_fail (plot != NULL, NULL);
  g_return_val_if_fail (separator != NULL, NULL);

  if (!isfinite (plot->selected_day))
    return NULL;

  /* The day itself, as "Selected: …" names it; a series says nothing for a
   * day its samples do not reach (a zoomed plot, another phase's day). */
  hit.day = plot->selected_day;
  hit.n_values = MIN (plot->series->len, NL_PLOT_MAX_SERIES);
  for (guint k = 0; k < hit.n_values; k++)
    {
      const NlPlotSeries *series = g_ptr_array_index (plot->series, k);
      double sample_day;

      hit.values[k] = NAN;
      if (series->n == 0
          || plot->selected_day < series->x[0] - 0.5
          || plot->selected_day > series->x[series->n - 1] + 0.5)
        continue;
      hit.values[k] = nl_plot_series_value_at (series, plot->selected_day, &sample_day);
    }
  return nl_trend_plot_dup_readout (plot, &hit, separator);
}
