/* nl-diagram-pathway.c — motor cortex → corticospinal tract → motoneuron pools → muscles
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panel is split into three columns that never share space: cortex over
 * spinal cord on the left, the peripheral nerve in the middle, agonist over
 * antagonist muscle on the right.  Every label has a strip of its own, so
 * text cannot land on a structure at any size.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-signal-diagram-private.h"

#define AXON_POINTS 30

typedef struct {
  double x[AXON_POINTS];
  double y[AXON_POINTS];
  double len[AXON_POINTS];   /* cumulative length */
  int    n;
} Polyline;

typedef struct {
  double cx, cy, r;          /* soma */
  double fx0, fx1, fy, fw;   /* fibre: ends, centre line, thickness */
  Polyline axon;
  const NlDiagramUnit *unit;
  double phase;
} ShownUnit;

guint
_nl_diagram_shown_index (guint k,
                         guint shown,
                         guint n_units)
{
  if (shown <= 1 || n_units <= 1)
    return 0;
  return (guint) lround ((double) k * (n_units - 1) / (shown - 1));
}

double
_nl_diagram_since_spike (const NlDiagramUnit *unit,
                         double               phase,
                         double               slow_factor,
                         double               t)
{
  double f;

  if (!unit->recruited || unit->rate <= 0 || slow_factor <= 0)
    return G_MAXDOUBLE;
  f = unit->rate / slow_factor;
  return t - (floor (f * t - phase) + phase) / f;
}

double
_nl_diagram_twitch (const NlDiagramUnit *unit,
                    double               phase,
                    double               slow_factor,
                    double               t)
{
  double f, tc, sum = 0;
  double last;

  if (!unit->recruited || unit->rate <= 0 || slow_factor <= 0)
    return 0;
  f = unit->rate / slow_factor;
  tc = MAX (unit->contraction_time, 0.005) * slow_factor;
  /* Arrivals at the junction are emissions delayed by the travel time. */
  last = floor (f * (t - NL_DIAGRAM_TRAVEL_S) - phase);
  for (double j = last; j > last - 400; j--)
    {
      double x = (t - NL_DIAGRAM_TRAVEL_S - (j + phase) / f) / tc;

      if (x > 6)
        break;
      if (x >= 0)
        sum += x * exp (1 - x);
    }
  return sum;
}

static void
polyline_add (Polyline *p,
              double    x,
              double    y)
{
  if (p->n >= AXON_POINTS)
    return;
  p->x[p->n] = x;
  p->y[p->n] = y;
  p->len[p->n] = p->n == 0 ? 0 : p->len[p->n - 1] + hypot (x - p->x[p->n - 1], y - p->y[p->n - 1]);
  p->n++;
}

static void
polyline_add_curve (Polyline *p,
                    double x0, double y0, double x1, double y1,
                    double x2, double y2, double x3, double y3,
                    int       steps)
{
  for (int i = p->n == 0 ? 0 : 1; i <= steps; i++)
    {
      double u = (double) i / steps, v = 1 - u;
      polyline_add (p,
                    v * v * v * x0 + 3 * v * v * u * x1 + 3 * v * u * u * x2 + u * u * u * x3,
                    v * v * v * y0 + 3 * v * v * u * y1 + 3 * v * u * u * y2 + u * u * u * y3);
    }
}

static void
polyline_at (const Polyline *p,
             double          frac,
             double         *x,
             double         *y)
{
  double target = CLAMP (frac, 0, 1) * p->len[p->n - 1];
  int i = 1;

  while (i < p->n - 1 && p->len[i] < target)
    i++;
  {
    double seg = p->len[i] - p->len[i - 1];
    double u = seg > 0 ? (target - p->len[i - 1]) / seg : 0;
    *x = p->x[i - 1] + u * (p->x[i] - p->x[i - 1]);
    *y = p->y[i - 1] + u * (p->y[i] - p->y[i - 1]);
  }
}

static void
polyline_stroke (cairo_t        *cr,
                 const Polyline *p)
{
  cairo_move_to (cr, p->x[0], p->y[0]);
  for (int i = 1; i < p->n; i++)
    cairo_line_to (cr, p->x[i], p->y[i]);
  cairo_stroke (cr);
}

/* Grid with the largest cell that holds @n circles in @area. */
static void
pool_grid (const NlRect *area,
           guint         n,
           guint        *cols_out,
           double       *cell_out)
{
  double best = 0;
  guint best_cols = 1;

  for (guint cols = 1; cols <= MAX (n, 1); cols++)
    {
      guint rows = (n + cols - 1) / cols;
      double cell = MIN (area->width / cols, area->height / rows);

      if (cell > best)
        {
          best = cell;
          best_cols = cols;
        }
    }
  *cols_out = best_cols;
  *cell_out = best;
}

static void
place_pool (const NlDiagramPool *pool,
            const NlRect        *area,
            ShownUnit           *units,
            guint                shown)
{
  guint cols;
  double cell, ox, oy;
  guint rows;

  pool_grid (area, shown, &cols, &cell);
  rows = (shown + cols - 1) / cols;
  ox = area->x + (area->width - cols * cell) / 2;
  oy = area->y + (area->height - rows * cell) / 2;

  for (guint k = 0; k < shown; k++)
    {
      guint i = _nl_diagram_shown_index (k, shown, pool->n_units);
      const NlDiagramUnit *unit = &pool->units[i];
      double size = CLAMP (unit->size, 0, 1);

      units[k].unit = unit;
      units[k].cx = ox + (k % cols + 0.5) * cell;
      units[k].cy = oy + (k / cols + 0.5) * cell;
      units[k].r = cell * 0.44 * (0.4 + 0.6 * sqrt (size));
      /* Irrational steps keep the units from firing in lockstep. */
      units[k].phase = fmod ((i + 1) * 0.6180339887, 1.0);
    }
}

/* Fibres stacked in the muscle belly, thickness by unit size, each as long
 * as the spindle-shaped outline allows at its height. */
static void
place_fibres (const NlRect *muscle,
              ShownUnit    *units,
              guint         shown)
{
  double total = 0, y;
  NlRect belly = _nl_rect_inset (muscle, muscle->width * 0.06, muscle->height * 0.1);
  double cx = muscle->x + muscle->width / 2, cy = muscle->y + muscle->height / 2;

  for (guint k = 0; k < shown; k++)
    total += 0.5 + CLAMP (units[k].unit->size, 0, 1);
  y = belly.y;
  for (guint k = 0; k < shown; k++)
    {
      double h = belly.height * (0.5 + CLAMP (units[k].unit->size, 0, 1)) / total;
      double fy = y + h / 2;
      /* The outline is close to a parabola: at a fraction v of the
       * half-height from the centre it is √(1 − v) of its half-length wide.
       * Keep the fibre and its round caps inside. */
      double edge = (fabs (fy - cy) + h * 0.36) / (muscle->height / 2);
      double half = muscle->width / 2 * sqrt (MAX (1 - edge, 0)) * 0.9 - h * 0.36;

      units[k].fy = fy;
      units[k].fw = MAX (h * 0.72, 0.8);
      units[k].fx0 = cx - MAX (half, muscle->width * 0.04);
      units[k].fx1 = cx + MAX (half, muscle->width * 0.04);
      y += h;
    }
}

static void
route_axons (ShownUnit    *units,
             guint         shown,
             const NlRect *nerve)
{
  double lane = nerve->height / MAX (shown, 1);

  for (guint k = 0; k < shown; k++)
    {
      ShownUnit *u = &units[k];
      Polyline *p = &u->axon;
      double sx = u->cx + u->r, sy = u->cy;
      double ly = nerve->y + (k + 0.5) * lane;
      double nx0 = nerve->x, nx1 = nerve->x + nerve->width;
      double ex = u->fx0 + (u->fx1 - u->fx0) * 0.12, ey = u->fy;
      double d0 = MAX (nx0 - sx, 1) * 0.5, d1 = MAX (ex - nx1, 1) * 0.5;

      p->n = 0;
      polyline_add_curve (p, sx, sy, sx + d0, sy, nx0 - d0, ly, nx0, ly, 12);
      polyline_add (p, nx1, ly);
      polyline_add_curve (p, nx1, ly, nx1 + d1, ly, ex - d1, ey, ex, ey, 12);
    }
}

void
_nl_draw_arrow_head (cairo_t *cr,
                     double   x,
                     double   y,
                     double   angle,
                     double   size)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, -size, -size * 0.55);
  cairo_line_to (cr, -size, size * 0.55);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
_nl_draw_muscle_shape (cairo_t      *cr,
                       const NlRect *r)
{
  double cy = r->y + r->height / 2;

  cairo_move_to (cr, r->x, cy);
  /* Control points a sixth beyond the box put the curve's widest point on
   * its edge: the bulge of a cubic is ¾ of its control-point offset. */
  cairo_curve_to (cr, r->x + r->width * 0.25, r->y - r->height / 6,
                  r->x + r->width * 0.75, r->y - r->height / 6, r->x + r->width, cy);
  cairo_curve_to (cr, r->x + r->width * 0.75, r->y + r->height * 7 / 6,
                  r->x + r->width * 0.25, r->y + r->height * 7 / 6, r->x, cy);
  cairo_close_path (cr);
}

void
_nl_draw_brain_shape (cairo_t      *cr,
                      const NlRect *r)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;

  /* A lateral view, frontal lobe to the left. */
  cairo_move_to (cr, x + w * 0.08, y + h * 0.62);
  cairo_curve_to (cr, x - w * 0.02, y + h * 0.30, x + w * 0.18, y + h * 0.02, x + w * 0.45, y + h * 0.02);
  cairo_curve_to (cr, x + w * 0.75, y + h * 0.00, x + w * 1.00, y + h * 0.22, x + w * 0.98, y + h * 0.55);
  cairo_curve_to (cr, x + w * 0.97, y + h * 0.78, x + w * 0.85, y + h * 0.86, x + w * 0.70, y + h * 0.84);
  cairo_curve_to (cr, x + w * 0.55, y + h * 0.82, x + w * 0.45, y + h * 0.90, x + w * 0.30, y + h * 0.86);
  cairo_curve_to (cr, x + w * 0.18, y + h * 0.84, x + w * 0.10, y + h * 0.76, x + w * 0.08, y + h * 0.62);
  cairo_close_path (cr);
}

/* Point on the precentral gyrus: @u = 0 at the top (midline), 1 low on the side. */
static void
gyrus_point (const NlRect *b,
             double        u,
             double       *x,
             double       *y)
{
  *x = b->x + b->width * (0.50 - 0.16 * u);
  *y = b->y + b->height * (0.05 + 0.62 * u);
}

static double
area_position (NlBodyArea area)
{
  switch (area)
    {
    case NL_BODY_AREA_LEG:
      return 0.08;
    case NL_BODY_AREA_TRUNK:
      return 0.22;
    case NL_BODY_AREA_ARM:
      return 0.38;
    case NL_BODY_AREA_HAND:
    default:
      return 0.55;
    }
}

static void
draw_cortex (cairo_t              *cr,
             NlDiagramCtx         *ctx,
             const NlDiagramState *state,
             const NlRect         *box,
             double               *spot_x,
             double               *spot_y)
{
  const NlRenderStyle *style = ctx->style;
  double bw = MIN (box->width, box->height * 1.55);
  double bh = bw / 1.55;
  NlRect b = { box->x + (box->width - bw) / 2, box->y + (box->height - bh) / 2, bw, bh };
  double drive = CLAMP (state->corticospinal_drive, 0, 1);
  double x0, y0, x1, y1, sx, sy;

  _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &b, "brain");

  _nl_draw_brain_shape (cr, &b);
  _nl_set_colour_alpha (cr, &style->panel, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (1.0, ctx->s * 0.1));
  _nl_set_colour (cr, &style->foreground);
  cairo_stroke (cr);

  /* Precentral gyrus (primary motor cortex). */
  gyrus_point (&b, 0, &x0, &y0);
  gyrus_point (&b, 1, &x1, &y1);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, bw * 0.07);
  _nl_set_colour_alpha (cr, &style->cortex, 0.45);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  /* Central sulcus behind it. */
  cairo_set_line_width (cr, MAX (1.0, ctx->s * 0.08));
  _nl_set_colour_alpha (cr, &style->foreground, 0.6);
  cairo_move_to (cr, x0 + bw * 0.06, y0);
  cairo_line_to (cr, x1 + bw * 0.06, y1);
  cairo_stroke (cr);

  /* The limb's area glows with the descending drive. */
  gyrus_point (&b, area_position (state->area), &sx, &sy);
  cairo_arc (cr, sx, sy, bw * 0.065, 0, 2 * G_PI);
  _nl_set_colour_alpha (cr, &style->cortex, 0.35 + 0.65 * drive);
  cairo_fill_preserve (cr);
  _nl_set_colour (cr, &style->foreground);
  cairo_set_line_width (cr, MAX (1.0, ctx->s * 0.08));
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  *spot_x = sx;
  *spot_y = sy;
}

static void
draw_units (cairo_t      *cr,
            NlDiagramCtx *ctx,
            ShownUnit    *units,
            guint         shown,
            const NlRgba *lit,
            double        slow)
{
  const NlRenderStyle *style = ctx->style;
  double line = MAX (1.0, ctx->s * 0.08);

  /* Axons under the somata. */
  for (guint k = 0; k < shown; k++)
    {
      cairo_set_line_width (cr, MAX (0.8, ctx->s * (0.05 + 0.07 * units[k].unit->size)));
      if (units[k].unit->recruited)
        _nl_set_colour_alpha (cr, &style->foreground, 0.55);
      else
        _nl_set_colour_alpha (cr, &style->unrecruited, 0.9);
      polyline_stroke (cr, &units[k].axon);
    }

  /* Muscle fibres: shorten and darken while their unit's twitches sum. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint k = 0; k < shown; k++)
    {
      ShownUnit *u = &units[k];
      double a = MIN (_nl_diagram_twitch (u->unit, u->phase, slow, ctx->t), 2.0) / 2.0;
      double len = u->fx1 - u->fx0, shrink = len * 0.07 * a, mid = (u->fx0 + u->fx1) / 2;

      cairo_set_line_width (cr, u->fw);
      _nl_set_colour_alpha (cr, &style->muscle, 1.0);
      cairo_move_to (cr, u->fx0 + shrink, u->fy);
      cairo_line_to (cr, u->fx1 - shrink, u->fy);
      cairo_stroke (cr);
      if (a > 0)
        {
          _nl_set_colour_alpha (cr, lit, 0.25 + 0.75 * a);
          cairo_move_to (cr, u->fx0 + shrink + (mid - u->fx0) * 0.1, u->fy);
          cairo_line_to (cr, u->fx1 - shrink - (u->fx1 - mid) * 0.1, u->fy);
          cairo_stroke (cr);
        }
      /* The neuromuscular junction (end plate). */
      {
        double ex = u->axon.x[u->axon.n - 1];
        cairo_save (cr);
        cairo_translate (cr, ex, u->fy);
        cairo_scale (cr, 1.0, 0.55);
        cairo_arc (cr, 0, 0, MAX (MIN (u->fw * 0.6, ctx->s * 0.3), 1.5), 0, 2 * G_PI);
        cairo_restore (cr);
        _nl_set_colour (cr, u->unit->recruited ? &style->foreground : &style->unrecruited);
        cairo_fill (cr);
      }
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* Somata: lit when recruited, a flash as each discharge leaves. */
  for (guint k = 0; k < shown; k++)
    {
      ShownUnit *u = &units[k];
      double since = _nl_diagram_since_spike (u->unit, u->phase, slow, ctx->t);
      double flash = since < 0.25 ? 1 - since / 0.25 : 0;

      cairo_arc (cr, u->cx, u->cy, u->r, 0, 2 * G_PI);
      if (u->unit->recruited)
        _nl_set_colour (cr, lit);
      else
        _nl_set_colour (cr, &style->unrecruited);
      cairo_fill_preserve (cr);
      if (flash > 0)
        {
          _nl_set_colour_alpha (cr, &style->spike, flash);
          cairo_fill_preserve (cr);
        }
      cairo_set_line_width (cr, line);
      _nl_set_colour_alpha (cr, &style->foreground, u->unit->recruited ? 0.9 : 0.35);
      cairo_stroke (cr);
    }

  /* Action potentials on their way to the junctions. */
  for (guint k = 0; k < shown; k++)
    {
      ShownUnit *u = &units[k];
      double f, first, dot = MAX (ctx->s * 0.22, 2.0);

      if (!u->unit->recruited || u->unit->rate <= 0 || slow <= 0)
        continue;
      f = u->unit->rate / slow;
      first = ceil (f * (ctx->t - NL_DIAGRAM_TRAVEL_S) - u->phase);
      for (double j = first; (j + u->phase) / f <= ctx->t; j++)
        {
          double p = (ctx->t - (j + u->phase) / f) / NL_DIAGRAM_TRAVEL_S, x, y;

          if (p < 0 || p > 1)
            continue;
          polyline_at (&u->axon, p, &x, &y);
          cairo_arc (cr, x, y, dot, 0, 2 * G_PI);
          _nl_set_colour (cr, &style->spike);
          cairo_fill_preserve (cr);
          _nl_set_colour (cr, &style->foreground);
          cairo_set_line_width (cr, MAX (0.75, dot * 0.3));
          cairo_stroke (cr);
        }
    }
}

/* Descending volleys: dots travelling down a path, more often with more drive. */
static void
draw_volleys (cairo_t        *cr,
              NlDiagramCtx   *ctx,
              const Polyline *path,
              double          drive,
              double          radius)
{
  double f = 0.6 + 2.4 * drive, travel = 0.8;

  if (drive <= 0.01)
    return;
  _nl_set_colour (cr, &ctx->style->drive);
  for (double j = ceil (f * (ctx->t - travel)); j / f <= ctx->t; j++)
    {
      double p = (ctx->t - j / f) / travel, x, y;

      if (p < 0 || p > 1)
        continue;
      polyline_at (path, p, &x, &y);
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

void
_nl_diagram_draw_pathway (cairo_t              *cr,
                          NlDiagramCtx         *ctx,
                          const NlDiagramState *state,
                          const NlRect         *panel)
{
  const NlRenderStyle *style = ctx->style;
  double s = ctx->s, pad = s * 0.6;
  NlRect inner = _nl_rect_inset (panel, pad, pad);
  double label_h = _nl_text_line_height (&ctx->kit, NL_TEXT_SMALL) * 2.15;
  double wa = inner.width * 0.36, wb = inner.width * 0.24, wc = inner.width - wa - wb;
  double avail = inner.height - 2 * label_h;
  NlRect cortex_label = { inner.x, inner.y, wa, label_h };
  NlRect brain = { inner.x, inner.y + label_h, wa, avail * 0.30 };
  NlRect tract_zone = { inner.x, brain.y + brain.height, wa, avail * 0.14 };
  NlRect cord = { inner.x + wa * 0.04, tract_zone.y + tract_zone.height, wa * 0.92, avail * 0.56 };
  /* The nerve column is empty at the bottom, so the cord's label may use it. */
  NlRect cord_label = { inner.x, cord.y + cord.height, wa + wb, label_h };
  NlRect nerve_label = { inner.x + wa + s * 0.4, inner.y, wb - s * 0.8, label_h };
  double muscles_h = inner.height - 2 * label_h;
  /* On a tall canvas the muscles keep a muscle's proportions; their labels
   * stay right above them. */
  double ag_h = MIN (muscles_h * 0.62, wc * 1.1), ant_h = MIN (muscles_h * 0.38, wc * 0.6);
  double muscle_gap = (muscles_h - ag_h - ant_h) / 2;
  NlRect ag_label = { inner.x + wa + wb, inner.y + muscle_gap * 0.5, wc, label_h };
  NlRect ag_muscle = { ag_label.x, ag_label.y + label_h, wc, ag_h };
  NlRect ant_label = { ag_label.x, ag_muscle.y + ag_h + muscle_gap, wc, label_h };
  NlRect ant_muscle = { ag_label.x + wc * 0.1, ant_label.y + label_h, wc * 0.8, ant_h };
  double tract_x = cord.x + cord.width * 0.16;
  NlRect ag_area = { cord.x + cord.width * 0.30, cord.y + cord.height * 0.04,
                     cord.width * 0.66, cord.height * 0.58 };
  NlRect ant_area = { ag_area.x, cord.y + cord.height * 0.76, ag_area.width, cord.height * 0.21 };
  ShownUnit ag[NL_DIAGRAM_MAX_SHOWN_UNITS], ant[NL_DIAGRAM_MAX_SHOWN_UNITS];
  guint n_ag = MIN (state->agonist.n_units, NL_DIAGRAM_MAX_SHOWN_UNITS);
  guint n_ant = MIN (state->antagonist.n_units, 5);
  double spot_x, spot_y, drive = CLAMP (state->corticospinal_drive, 0, 1);
  double coact = CLAMP (state->coactivation, 0, 1);
  double inter_x = ag_area.x + ag_area.width * 0.5;
  double inter_y = cord.y + cord.height * 0.68;
  double inter_r = MAX (s * 0.28, MIN (cord.height * 0.05, s * 0.5));
  Polyline tract = { 0 }, branch = { 0 };
  g_autofree char *cortex_text = NULL;
  g_autofree char *cord_text = NULL;
  g_autofree char *ag_text = NULL;
  g_autofree char *ant_text = NULL;

  /* Panel. */
  _nl_rounded_rect (cr, panel, s * 0.5);
  _nl_set_colour (cr, &style->panel);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.0 / style->scale_factor);
  _nl_set_colour (cr, &style->panel_border);
  cairo_stroke (cr);
  _nl_record (&ctx->kit, NL_ELEMENT_PANEL, panel, "pathway panel");

  /* Below this there is no drawing a teacher could point at. */
  if (avail < s * 4 || inner.width < s * 8)
    return;

  /* Labels, each in its own strip. */
  cortex_text = g_strdup_printf (_("Motor cortex (%s)"), nl_body_area_to_label (state->area));
  _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, cortex_text, &cortex_label, 0.5, 0.5,
                        &style->foreground, "cortex label");
  cord_text = g_strdup_printf (_("Spinal cord: α-motoneuron pools (%u of %u units shown)"),
                               n_ag, state->agonist.n_units);
  _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, cord_text, &cord_label, 0, 0.5,
                        &style->foreground, "cord label");
  _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, _("Peripheral nerve"),
                        &nerve_label, 0.5, 0.5, &style->foreground, "nerve label");
  ag_text = g_strdup_printf (_("%s (agonist)"), state->agonist.muscle ? state->agonist.muscle : _("Muscle"));
  _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, ag_text, &ag_label, 0.5, 0.5,
                        &style->foreground, "agonist label");
  ant_text = g_strdup_printf (_("%s (antagonist)"),
                              state->antagonist.muscle ? state->antagonist.muscle : _("Antagonist"));
  _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, ant_text, &ant_label, 0.5, 0.5,
                        &style->foreground, "antagonist label");
  {
    NlRect tract_label = { tract_x + s * 0.9, tract_zone.y, inner.x + wa - tract_x - s * 0.9,
                           tract_zone.height };
    _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, _("Corticospinal tract"), &tract_label,
                          0.0, 0.5, &style->drive, "tract label");
  }

  draw_cortex (cr, ctx, state, &brain, &spot_x, &spot_y);

  /* Spinal cord segment with its grey matter. */
  _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &cord, "spinal cord");
  _nl_rounded_rect (cr, &cord, cord.width * 0.12);
  _nl_set_colour (cr, &style->background);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (1.0, s * 0.1));
  _nl_set_colour (cr, &style->foreground);
  cairo_stroke (cr);
  {
    NlRect grey = { cord.x + cord.width * 0.27, cord.y + cord.height * 0.02,
                    cord.width * 0.71, cord.height * 0.96 };
    _nl_rounded_rect (cr, &grey, cord.width * 0.1);
    _nl_set_colour_alpha (cr, &style->grid, 0.8);
    cairo_fill (cr);
  }

  /* Place units, muscles and axons. */
  place_pool (&state->agonist, &ag_area, ag, n_ag);
  place_pool (&state->antagonist, &ant_area, ant, n_ant);
  place_fibres (&ag_muscle, ag, n_ag);
  place_fibres (&ant_muscle, ant, n_ant);
  {
    NlRect ag_nerve = { inner.x + wa + wb * 0.18, 0, wb * 0.64, MIN (n_ag * s * 0.3, ag_muscle.height * 0.5) };
    NlRect ant_nerve = { ag_nerve.x, 0, ag_nerve.width, MIN (n_ant * s * 0.3, ant_muscle.height * 0.5) };
    double ag_mid = (ag_area.y + ag_area.height / 2 + ag_muscle.y + ag_muscle.height / 2) / 2;
    double ant_mid = (ant_area.y + ant_area.height / 2 + ant_muscle.y + ant_muscle.height / 2) / 2;

    ag_nerve.y = ag_mid - ag_nerve.height / 2;
    ant_nerve.y = MAX (ant_mid - ant_nerve.height / 2, ag_nerve.y + ag_nerve.height + s * 0.8);
    route_axons (ag, n_ag, &ag_nerve);
    route_axons (ant, n_ant, &ant_nerve);

    /* Nerve sheaths. */
    for (int i = 0; i < 2; i++)
      {
        NlRect sheath = _nl_rect_inset (i == 0 ? &ag_nerve : &ant_nerve, 0, -s * 0.25);
        _nl_rounded_rect (cr, &sheath, sheath.height / 2);
        _nl_set_colour_alpha (cr, &style->grid, 0.9);
        cairo_fill (cr);
      }
  }

  /* Muscle bellies. */
  _nl_draw_muscle_shape (cr, &ag_muscle);
  _nl_set_colour_alpha (cr, &style->muscle, 0.35);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (1.0, s * 0.1));
  _nl_set_colour (cr, &style->foreground);
  cairo_stroke (cr);
  _nl_draw_muscle_shape (cr, &ant_muscle);
  _nl_set_colour_alpha (cr, &style->muscle, 0.35);
  cairo_fill_preserve (cr);
  _nl_set_colour (cr, &style->foreground);
  cairo_stroke (cr);

  /* Corticospinal tract: from the limb's area down the lateral column. */
  {
    double width = s * (0.15 + 0.55 * drive);
    double top = cord.y + cord.height * 0.02;
    double ag_y = ag_area.y + ag_area.height / 2;

    polyline_add_curve (&tract, spot_x, spot_y, spot_x, spot_y + (top - spot_y) * 0.5,
                        tract_x, top - (top - spot_y) * 0.4, tract_x, top, 12);
    polyline_add (&tract, tract_x, ag_y);
    polyline_add (&tract, ag_area.x, ag_y);
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width (cr, width);
    _nl_set_colour_alpha (cr, &style->drive, 0.35 + 0.5 * drive);
    polyline_stroke (cr, &tract);

    /* The smaller coactivation drive to the antagonist pool. */
    polyline_add (&branch, tract_x, ag_y);
    polyline_add (&branch, tract_x, ant_area.y + ant_area.height / 2);
    polyline_add (&branch, ant_area.x, ant_area.y + ant_area.height / 2);
    cairo_set_line_width (cr, s * (0.08 + 0.55 * coact));
    _nl_set_colour_alpha (cr, &style->antagonist, 0.4 + 0.5 * coact);
    polyline_stroke (cr, &branch);

    draw_volleys (cr, ctx, &tract, drive, MAX (width * 0.6, 2.0));
    draw_volleys (cr, ctx, &branch, coact, MAX (s * 0.15, 1.5));
  }

  /* Ia inhibitory interneuron: excited with the agonist, inhibits the antagonist. */
  {
    double bar = s * 0.45;
    double ant_top = ant_area.y + s * 0.1;

    cairo_set_line_width (cr, MAX (1.0, s * 0.09));
    _nl_set_colour (cr, &style->drive);
    cairo_move_to (cr, tract_x, inter_y);
    cairo_line_to (cr, inter_x - inter_r, inter_y);
    cairo_stroke (cr);
    _nl_set_colour (cr, &style->inhibitory);
    cairo_move_to (cr, inter_x, inter_y + inter_r);
    cairo_line_to (cr, inter_x, ant_top);
    cairo_stroke (cr);
    cairo_set_line_width (cr, MAX (1.5, s * 0.14));
    cairo_move_to (cr, inter_x - bar / 2, ant_top);
    cairo_line_to (cr, inter_x + bar / 2, ant_top);
    cairo_stroke (cr);
    cairo_arc (cr, inter_x, inter_y, inter_r, 0, 2 * G_PI);
    _nl_set_colour (cr, &style->background);
    cairo_fill_preserve (cr);
    cairo_set_line_width (cr, MAX (1.0, s * 0.1));
    _nl_set_colour (cr, &style->inhibitory);
    cairo_stroke (cr);
  }

  draw_units (cr, ctx, ag, n_ag, &style->recruited, state->slow_factor);
  draw_units (cr, ctx, ant, n_ant, &style->antagonist, state->slow_factor);

  {
    NlRect ag_box, ant_box;
    ag_box = (NlRect) { ag_muscle.x, ag_muscle.y, ag_muscle.width, ag_muscle.height };
    ant_box = (NlRect) { ant_muscle.x, ant_muscle.y, ant_muscle.width, ant_muscle.height };
    _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &ag_box, "agonist muscle");
    _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &ant_box, "antagonist muscle");
  }
}
