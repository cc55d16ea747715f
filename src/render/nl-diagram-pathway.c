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

#include "nl-raster.h"
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
  if (p->n == 0)
    p->len[0] = 0;
  else
    {
      double dx = x - p->x[p->n - 1], dy = y - p->y[p->n - 1];

      /* sqrt, not hypot(): the lengths are small and hypot() is slow. */
      p->len[p->n] = p->len[p->n - 1] + sqrt (dx * dx + dy * dy);
    }
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

  gyrus_point (&b, area_position (state->area), &sx, &sy);
  *spot_x = sx;
  *spot_y = sy;
  if (!NL_DIAGRAM_DRAWS_STILL (ctx))
    return;

  _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &b, "brain");

  _nl_draw_brain_shape (cr, &b);
  _nl_set_colour (cr, &style->panel);
  _nl_fill_under_outline (cr);
  _nl_stroke_outline (cr, MAX (1.0, ctx->s * 0.1), &style->foreground);

  /* Precentral gyrus (primary motor cortex), kept inside the outline. */
  cairo_save (cr);
  _nl_draw_brain_shape (cr, &b);
  cairo_clip (cr);
  gyrus_point (&b, 0, &x0, &y0);
  gyrus_point (&b, 1, &x1, &y1);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, bw * 0.07);
  _nl_set_colour_over (cr, &style->cortex, 0.45, &style->panel);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  /* Central sulcus behind it. */
  cairo_set_line_width (cr, MAX (1.0, ctx->s * 0.08));
  _nl_set_colour_over (cr, &style->foreground, 0.6, &style->panel);
  cairo_move_to (cr, x0 + bw * 0.06, y0);
  cairo_line_to (cr, x1 + bw * 0.06, y1);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The limb's area glows with the descending drive. */
  {
    NlRgba glow = _nl_colour_over (&style->cortex, 0.35 + 0.65 * drive, &style->panel);

    _nl_disc_outlined (cr, sx, sy, bw * 0.065, &glow, MAX (1.0, ctx->s * 0.08), &style->foreground);
  }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
end_plate (cairo_t      *cr,
           NlRaster     *raster,
           NlDiagramCtx *ctx,
           ShownUnit    *u)
{
  const NlRenderStyle *style = ctx->style;
  const NlRgba *colour = u->unit->recruited ? &style->foreground : &style->unrecruited;
  double ex = u->axon.x[u->axon.n - 1];
  double r = MAX (MIN (u->fw * 0.6, ctx->s * 0.3), 1.5);

  if (raster != NULL)
    {
      _nl_raster_ellipse (raster, ex, u->fy, r, r * 0.55, colour);
      return;
    }
  cairo_save (cr);
  cairo_translate (cr, ex, u->fy);
  cairo_scale (cr, 1.0, 0.55);
  cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
  cairo_restore (cr);
  _nl_set_colour (cr, colour);
  cairo_fill (cr);
}

/* A filled disc: written straight into the pixels when @raster is set,
 * else through cairo (vector targets). */
static void
fill_disc (cairo_t      *cr,
           NlRaster     *raster,
           double        cx,
           double        cy,
           double        radius,
           const NlRgba *colour)
{
  if (raster != NULL)
    {
      _nl_raster_disc (raster, cx, cy, radius, colour);
      return;
    }
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  _nl_set_colour (cr, colour);
  cairo_fill (cr);
}

/* A fibre: a capsule from @x0 to @x1 along @y, @w thick. */
static void
fill_capsule (cairo_t      *cr,
              NlRaster     *raster,
              double        x0,
              double        x1,
              double        y,
              double        w,
              const NlRgba *colour)
{
  NlRect capsule = { x0 - w / 2, y - w / 2, x1 - x0 + w, w };

  if (raster != NULL)
    {
      _nl_raster_capsule (raster, x0, x1, y, w, colour);
      return;
    }
  _nl_rounded_rect (cr, &capsule, w / 2);
  _nl_set_colour (cr, colour);
  cairo_fill (cr);
}

static NlRaster *
raster_begin (NlRaster *store,
              cairo_t  *cr)
{
  return _nl_raster_begin (store, cr) ? store : NULL;
}

static void
raster_end (NlRaster *raster)
{
  if (raster != NULL)
    _nl_raster_end (raster);
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
  NlRaster store, *raster;

  if (NL_DIAGRAM_DRAWS_STILL (ctx))
    {
      /* Axons under the somata, then the resting fibres with their end
       * plates.  On an image the many small shapes of a pool are written
       * straight into the pixels (nl-raster.h says why). */
      raster = raster_begin (&store, cr);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
      for (guint k = 0; k < shown; k++)
        {
          double width = MAX (0.8, ctx->s * (0.05 + 0.07 * units[k].unit->size));
          NlRgba colour = units[k].unit->recruited
            ? _nl_colour_over (&style->foreground, 0.55, &style->panel)
            : _nl_colour_over (&style->unrecruited, 0.9, &style->panel);

          if (raster != NULL)
            _nl_raster_polyline (raster, units[k].axon.x, units[k].axon.y, units[k].axon.n,
                                 width, &colour);
          else
            {
              cairo_set_line_width (cr, width);
              _nl_set_colour (cr, &colour);
              polyline_stroke (cr, &units[k].axon);
            }
        }
      for (guint k = 0; k < shown; k++)
        fill_capsule (cr, raster, units[k].fx0, units[k].fx1, units[k].fy, units[k].fw,
                      &style->muscle);
      for (guint k = 0; k < shown; k++)
        end_plate (cr, raster, ctx, &units[k]);
      raster_end (raster);
    }

  /* Active fibres shorten and light up while their unit's twitches sum;
   * the fibres do not overlap, so their end plates can follow them all. */
  raster = raster_begin (&store, cr);
  if (NL_DIAGRAM_DRAWS_MOVING (ctx))
    for (guint k = 0; k < shown; k++)
      {
        ShownUnit *u = &units[k];
        double a = MIN (_nl_diagram_twitch (u->unit, u->phase, slow, ctx->t), 2.0) / 2.0;
        double len = u->fx1 - u->fx0, shrink = len * 0.07 * a, mid = (u->fx0 + u->fx1) / 2;
        NlRgba colour = *lit;

        if (a <= 0)
          continue;
        colour.alpha *= 0.25 + 0.75 * a;
        fill_capsule (cr, raster, u->fx0 + shrink + (mid - u->fx0) * 0.1,
                      u->fx1 - shrink - (u->fx1 - mid) * 0.1, u->fy, u->fw, &colour);
      }

  if (NL_DIAGRAM_DRAWS_MOVING (ctx))
    for (guint k = 0; k < shown; k++)
      if (_nl_diagram_twitch (units[k].unit, units[k].phase, slow, ctx->t) > 0)
        end_plate (cr, raster, ctx, &units[k]);

  /* Somata, lit when recruited: a disc in the outline's colour under a
   * smaller one in the fill colour draws the ring with two fills. */
  if (NL_DIAGRAM_DRAWS_STILL (ctx))
    for (guint k = 0; k < shown; k++)
      {
        const NlRgba *fill = units[k].unit->recruited ? lit : &style->unrecruited;
        double alpha = units[k].unit->recruited ? 0.9 : 0.35;
        double lw = MAX (1.0, ctx->s * 0.08);
        NlRgba ring = _nl_colour_over (&style->foreground, alpha, fill);

        fill_disc (cr, raster, units[k].cx, units[k].cy, units[k].r + lw / 2, &ring);
        fill_disc (cr, raster, units[k].cx, units[k].cy, MAX (units[k].r - lw / 2, 0.5), fill);
      }

  if (NL_DIAGRAM_DRAWS_MOVING (ctx))
    {
      /* A flash as each discharge leaves the soma, inside its still outline. */
      for (guint k = 0; k < shown; k++)
        {
          ShownUnit *u = &units[k];
          double since = _nl_diagram_since_spike (u->unit, u->phase, slow, ctx->t);
          double flash = since < 0.25 ? 1 - since / 0.25 : 0;
          NlRgba colour = style->spike;

          if (flash <= 0)
            continue;
          colour.alpha *= flash;
          fill_disc (cr, raster, u->cx, u->cy, MAX (u->r - MAX (1.0, ctx->s * 0.08) / 2, 0.5),
                     &colour);
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
              /* A dark rim (a larger disc) around the coloured dot. */
              polyline_at (&u->axon, p, &x, &y);
              fill_disc (cr, raster, x, y, dot + MAX (0.75, dot * 0.3) / 2, &style->foreground);
              fill_disc (cr, raster, x, y, dot - MAX (0.75, dot * 0.3) / 2, &style->spike);
            }
        }
    }
  raster_end (raster);
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

  NlRaster store, *raster;

  if (drive <= 0.01)
    return;
  raster = raster_begin (&store, cr);
  for (double j = ceil (f * (ctx->t - travel)); j / f <= ctx->t; j++)
    {
      double p = (ctx->t - j / f) / travel, x, y;

      if (p < 0 || p > 1)
        continue;
      polyline_at (path, p, &x, &y);
      fill_disc (cr, raster, x, y, radius, &ctx->style->drive);
    }
  raster_end (raster);
}

/* Where everything of one pathway panel goes. */
typedef struct {
  NlRect    inner;
  double    label_h, wa, wb, wc;
  NlRect    cortex_label, brain, tract_zone, cord, cord_label, nerve_label;
  NlRect    ag_label, ag_muscle, ant_label, ant_muscle;
  NlRect    ag_area, ant_area, ag_nerve, ant_nerve;
  double    tract_x, inter_x, inter_y, inter_r;
  guint     n_ag, n_ant;
} PathwayLayout;

static gboolean
pathway_layout (NlDiagramCtx         *ctx,
                const NlDiagramState *state,
                const NlRect         *panel,
                PathwayLayout        *L)
{
  double s = ctx->s, avail, muscles_h, ag_h, ant_h, muscle_gap;

  /* A small panel keeps a thinner margin. */
  double pad = MIN (s * 0.6, MIN (panel->width, panel->height) * 0.06);

  L->inner = _nl_rect_inset (panel, pad, pad);
  L->wa = L->inner.width * 0.36;
  L->wb = L->inner.width * 0.24;
  L->wc = L->inner.width - L->wa - L->wb;
  /* Labels get two lines; in a low panel one, and in a very low one none
   * (the legend still names the parts): the drawing keeps the room. */
  L->label_h = ctx->memo->small_line_h * 2.15;
  if (L->inner.height - 2 * L->label_h < s * 4)
    L->label_h = ctx->memo->small_line_h * 1.1;
  if (L->inner.height - 2 * L->label_h < s * 4)
    L->label_h = 0;
  avail = L->inner.height - 2 * L->label_h;
  /* Below this there is no drawing a teacher could point at. */
  if (avail < s * 1.5 || L->inner.width < s * 6)
    return FALSE;

  L->cortex_label = (NlRect) { L->inner.x, L->inner.y, L->wa, L->label_h };
  L->brain = (NlRect) { L->inner.x, L->inner.y + L->label_h, L->wa, avail * 0.30 };
  L->tract_zone = (NlRect) { L->inner.x, L->brain.y + L->brain.height, L->wa, avail * 0.14 };
  L->cord = (NlRect) { L->inner.x + L->wa * 0.04, L->tract_zone.y + L->tract_zone.height,
                       L->wa * 0.92, avail * 0.56 };
  /* The nerve column is empty at the bottom, so the cord's label may use it. */
  L->cord_label = (NlRect) { L->inner.x, L->cord.y + L->cord.height, L->wa + L->wb, L->label_h };
  L->nerve_label = (NlRect) { L->inner.x + L->wa + s * 0.4, L->inner.y, L->wb - s * 0.8, L->label_h };

  /* On a tall canvas the muscles keep a muscle's proportions; their labels
   * stay right above them. */
  muscles_h = L->inner.height - 2 * L->label_h;
  ag_h = MIN (muscles_h * 0.62, L->wc * 1.1);
  ant_h = MIN (muscles_h * 0.38, L->wc * 0.6);
  muscle_gap = (muscles_h - ag_h - ant_h) / 2;
  L->ag_label = (NlRect) { L->inner.x + L->wa + L->wb, L->inner.y + muscle_gap * 0.5, L->wc, L->label_h };
  L->ag_muscle = (NlRect) { L->ag_label.x, L->ag_label.y + L->label_h, L->wc, ag_h };
  L->ant_label = (NlRect) { L->ag_label.x, L->ag_muscle.y + ag_h + muscle_gap, L->wc, L->label_h };
  L->ant_muscle = (NlRect) { L->ag_label.x + L->wc * 0.1, L->ant_label.y + L->label_h, L->wc * 0.8, ant_h };

  L->tract_x = L->cord.x + L->cord.width * 0.16;
  L->ag_area = (NlRect) { L->cord.x + L->cord.width * 0.30, L->cord.y + L->cord.height * 0.04,
                          L->cord.width * 0.66, L->cord.height * 0.58 };
  L->ant_area = (NlRect) { L->ag_area.x, L->cord.y + L->cord.height * 0.76, L->ag_area.width,
                           L->cord.height * 0.21 };
  L->inter_x = L->ag_area.x + L->ag_area.width * 0.5;
  L->inter_y = L->cord.y + L->cord.height * 0.68;
  L->inter_r = MAX (s * 0.28, MIN (L->cord.height * 0.05, s * 0.5));
  L->n_ag = MIN (state->agonist.n_units, NL_DIAGRAM_MAX_SHOWN_UNITS);
  L->n_ant = MIN (state->antagonist.n_units, 5);

  L->ag_nerve = (NlRect) { L->inner.x + L->wa + L->wb * 0.18, 0, L->wb * 0.64,
                           MIN (L->n_ag * s * 0.3, L->ag_muscle.height * 0.5) };
  L->ant_nerve = (NlRect) { L->ag_nerve.x, 0, L->ag_nerve.width,
                            MIN (L->n_ant * s * 0.3, L->ant_muscle.height * 0.5) };
  L->ag_nerve.y = (L->ag_area.y + L->ag_area.height / 2 + L->ag_muscle.y + L->ag_muscle.height / 2) / 2
                  - L->ag_nerve.height / 2;
  L->ant_nerve.y = MAX ((L->ant_area.y + L->ant_area.height / 2 + L->ant_muscle.y + L->ant_muscle.height / 2) / 2
                        - L->ant_nerve.height / 2,
                        L->ag_nerve.y + L->ag_nerve.height + s * 0.8);
  return TRUE;
}

static void
draw_labels (cairo_t              *cr,
             NlDiagramCtx         *ctx,
             const NlDiagramState *state,
             const PathwayLayout  *L,
             double                tract_right)
{
  const NlRenderStyle *style = ctx->style;
  g_autofree char *cortex_text = NULL;
  g_autofree char *cord_text = NULL;
  g_autofree char *cord_short = NULL;
  g_autofree char *ag_text = NULL;
  g_autofree char *ant_text = NULL;
  NlRect tract_label = { tract_right + ctx->s * 0.5, L->tract_zone.y,
                         L->inner.x + L->wa - tract_right - ctx->s * 0.5, L->tract_zone.height };

  cortex_text = g_strdup_printf (_("Motor cortex (%s)"), nl_body_area_to_label (state->area));
  _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, cortex_text, &L->cortex_label, 0.5, 0.5,
                        &style->foreground, "cortex label");
  /* Where a label does not fit whole (side by side, in large text), a
   * shorter form of it: a cut "Perip…" says nothing. */
  cord_text = g_strdup_printf (_("Spinal cord: α-motoneuron pools (%u of %u units shown)"),
                               L->n_ag, state->agonist.n_units);
  cord_short = g_strdup_printf (_("α-motoneurons (%u of %u shown)"), L->n_ag, state->agonist.n_units);
  _nl_text_draw_first_fitting (&ctx->kit, cr, NL_TEXT_SMALL,
                               (const char *[]) { cord_text, cord_short,
                                                  /* TRANSLATORS: short for "Spinal cord: α-motoneuron pools" */
                                                  C_("diagram label", "α-motoneurons"), NULL },
                               &L->cord_label, 0, 0.5, &style->foreground, "cord label");
  _nl_text_draw_first_fitting (&ctx->kit, cr, NL_TEXT_SMALL,
                               (const char *[]) { _("Peripheral nerve"),
                                                  /* TRANSLATORS: short for "Peripheral nerve" */
                                                  C_("diagram label", "Nerve"), NULL },
                               &L->nerve_label, 0.5, 0.5, &style->foreground, "nerve label");
  ag_text = g_strdup_printf (_("%s (agonist)"), state->agonist.muscle ? state->agonist.muscle : _("Muscle"));
  _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, ag_text, &L->ag_label, 0.5, 0.5,
                        &style->foreground, "agonist label");
  ant_text = g_strdup_printf (_("%s (antagonist)"),
                              state->antagonist.muscle ? state->antagonist.muscle : _("Antagonist"));
  _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, ant_text, &L->ant_label, 0.5, 0.5,
                        &style->foreground, "antagonist label");
  _nl_text_draw_first_fitting (&ctx->kit, cr, NL_TEXT_SMALL,
                               (const char *[]) { _("Corticospinal tract"),
                                                  /* TRANSLATORS: short for "Corticospinal tract" */
                                                  C_("diagram label", "Tract"), NULL },
                               &tract_label, 0.0, 0.5, &style->drive, "tract label");
}

/* Spinal cord segment with its grey matter, nerve sheaths, muscle bellies. */
static void
draw_structures (cairo_t             *cr,
                 NlDiagramCtx        *ctx,
                 const PathwayLayout *L)
{
  const NlRenderStyle *style = ctx->style;
  double s = ctx->s;
  NlRect grey = { L->cord.x + L->cord.width * 0.27, L->cord.y + L->cord.height * 0.02,
                  L->cord.width * 0.71, L->cord.height * 0.96 };
  NlRgba grey_fill = _nl_colour_over (&style->grid, 0.8, &style->background);
  NlRgba sheath_fill = _nl_colour_over (&style->grid, 0.9, &style->panel);

  _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &L->cord, "spinal cord");
  _nl_rounded_panel (cr, &L->cord, L->cord.width * 0.12, &style->background, MAX (1.0, s * 0.1),
                     &style->foreground);
  _nl_rounded_panel (cr, &grey, L->cord.width * 0.1, &grey_fill, 0, NULL);

  for (int i = 0; i < 2; i++)
    {
      NlRect sheath = _nl_rect_inset (i == 0 ? &L->ag_nerve : &L->ant_nerve, 0, -s * 0.25);
      _nl_rounded_panel (cr, &sheath, sheath.height / 2, &sheath_fill, 0, NULL);
    }

  for (int i = 0; i < 2; i++)
    {
      _nl_draw_muscle_shape (cr, i == 0 ? &L->ag_muscle : &L->ant_muscle);
      _nl_set_colour_over (cr, &style->muscle, 0.35, &style->panel);
      _nl_fill_under_outline (cr);
      _nl_stroke_outline (cr, MAX (1.0, s * 0.1), &style->foreground);
    }
  _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &L->ag_muscle, "agonist muscle");
  _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &L->ant_muscle, "antagonist muscle");
}

/* Ia inhibitory interneuron: excited with the agonist, inhibits the antagonist. */
static void
draw_interneuron (cairo_t             *cr,
                  NlDiagramCtx        *ctx,
                  const PathwayLayout *L)
{
  const NlRenderStyle *style = ctx->style;
  double s = ctx->s, bar = s * 0.45, ant_top = L->ant_area.y + s * 0.1;

  double w = MAX (1.0, s * 0.09), wb = MAX (1.5, s * 0.14);

  /* Straight strokes with butt ends are rectangles. */
  _nl_fill_rect (cr, L->tract_x, L->inter_y - w / 2, L->inter_x - L->inter_r - L->tract_x, w,
                 &style->drive);
  _nl_fill_rect (cr, L->inter_x - w / 2, L->inter_y + L->inter_r, w,
                 ant_top - L->inter_y - L->inter_r, &style->inhibitory);
  _nl_fill_rect (cr, L->inter_x - bar / 2, ant_top - wb / 2, bar, wb, &style->inhibitory);
  _nl_disc_outlined (cr, L->inter_x, L->inter_y, L->inter_r, &style->background, MAX (1.0, s * 0.1),
                     &style->inhibitory);
}

void
_nl_diagram_draw_pathway (cairo_t              *cr,
                          NlDiagramCtx         *ctx,
                          const NlDiagramState *state,
                          const NlRect         *panel)
{
  const NlRenderStyle *style = ctx->style;
  gboolean still = NL_DIAGRAM_DRAWS_STILL (ctx);
  double s = ctx->s, spot_x, spot_y;
  double drive = CLAMP (state->corticospinal_drive, 0, 1), coact = CLAMP (state->coactivation, 0, 1);
  ShownUnit ag[NL_DIAGRAM_MAX_SHOWN_UNITS], ant[NL_DIAGRAM_MAX_SHOWN_UNITS];
  Polyline tract = { 0 }, branch = { 0 };
  PathwayLayout L;

  if (still)
    {
      _nl_rounded_panel (cr, panel, s * 0.5, &style->panel, 1.0 / style->scale_factor,
                         &style->panel_border);
      _nl_record (&ctx->kit, NL_ELEMENT_PANEL, panel, "pathway panel");
    }
  if (!pathway_layout (ctx, state, panel, &L))
    return;

  draw_cortex (cr, ctx, state, &L.brain, &spot_x, &spot_y);
  if (still)
    draw_structures (cr, ctx, &L);

  place_pool (&state->agonist, &L.ag_area, ag, L.n_ag);
  place_pool (&state->antagonist, &L.ant_area, ant, L.n_ant);
  place_fibres (&L.ag_muscle, ag, L.n_ag);
  place_fibres (&L.ant_muscle, ant, L.n_ant);
  route_axons (ag, L.n_ag, &L.ag_nerve);
  route_axons (ant, L.n_ant, &L.ant_nerve);

  /* Corticospinal tract from the limb's area down the lateral column, and
   * the smaller coactivation drive to the antagonist pool. */
  {
    double width = s * (0.15 + 0.55 * drive);
    double top = L.cord.y + L.cord.height * 0.02;
    double ag_y = L.ag_area.y + L.ag_area.height / 2;
    double ant_y = L.ant_area.y + L.ant_area.height / 2;

    polyline_add_curve (&tract, spot_x, spot_y, spot_x, spot_y + (top - spot_y) * 0.5,
                        L.tract_x, top - (top - spot_y) * 0.4, L.tract_x, top, 12);
    polyline_add (&tract, L.tract_x, ag_y);
    polyline_add (&tract, L.ag_area.x, ag_y);
    polyline_add (&branch, L.tract_x, ag_y);
    polyline_add (&branch, L.tract_x, ant_y);
    polyline_add (&branch, L.ant_area.x, ant_y);
    if (still)
      {
        /* The tract's label goes right of where the tract curves through
         * the label's strip. */
        double right = L.tract_x;

        for (int i = 0; i < tract.n; i++)
          if (tract.y[i] >= L.tract_zone.y && tract.y[i] <= L.tract_zone.y + L.tract_zone.height)
            right = MAX (right, tract.x[i]);
        draw_labels (cr, ctx, state, &L, right + width / 2);

        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_width (cr, width);
        _nl_set_colour_over (cr, &style->drive, 0.35 + 0.5 * drive, &style->panel);
        polyline_stroke (cr, &tract);
        cairo_set_line_width (cr, s * (0.08 + 0.55 * coact));
        _nl_set_colour_over (cr, &style->antagonist, 0.4 + 0.5 * coact, &style->background);
        polyline_stroke (cr, &branch);
        draw_interneuron (cr, ctx, &L);
      }
    if (NL_DIAGRAM_DRAWS_MOVING (ctx))
      {
        draw_volleys (cr, ctx, &tract, drive, MAX (width * 0.6, 2.0));
        draw_volleys (cr, ctx, &branch, coact, MAX (s * 0.15, 1.5));
      }
  }

  draw_units (cr, ctx, ag, L.n_ag, &style->recruited, state->slow_factor);
  draw_units (cr, ctx, ant, L.n_ant, &style->antagonist, state->slow_factor);
}
