/* nl-diagram-legend.c — the legend and the numbers beside the signalling diagram
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-raster.h"
#include "nl-signal-diagram-private.h"

#define N_READOUTS 6

typedef enum {
  SWATCH_RECRUITED,
  SWATCH_UNRECRUITED,
  SWATCH_SPIKE,
  SWATCH_DRIVE,
  SWATCH_COACTIVATION,
  SWATCH_INTERNEURON,
  SWATCH_JUNCTION,
  N_SWATCHES
} Swatch;

static double
readout_row_height (NlDiagramCtx *ctx)
{
  return _nl_text_line_height (&ctx->kit, NL_TEXT_BODY) * 1.2;
}

/* The read-outs' names, and a value as wide as their widest, for the
 * layout, which is made before the values are known. */
static const char *readout_labels[N_READOUTS] = {
  N_("Effort"),
  N_("Voluntary activation"),
  N_("Corticospinal drive"),
  N_("Units recruited"),
  N_("Mean discharge rate"),
  N_("Antagonist coactivation"),
};
/* What a name shortens to in a narrow panel, rather than being cut. */
static const char *readout_short_labels[N_READOUTS] = {
  N_("Effort"),
  N_("Activation"),
  N_("Drive"),
  N_("Units"),
  N_("Mean rate"),
  N_("Coactivation"),
};
static const char *readout_samples[N_READOUTS] = {
  "100 %", "100 %", "100 %", "120 / 120", "99.9 Hz", "100 %",
};

/* Two columns where both fit whole, each as wide as its longest name and
 * value need, the room left shared out; else one column.  Returns the
 * number of columns and fills @col_w. */
static guint
readout_columns (NlDiagramCtx *ctx,
                 double        width,
                 double        col_w[2])
{
  double need[2] = { 0, 0 }, gap = ctx->s * 0.3, total;
  guint rows = (N_READOUTS + 1) / 2;

  for (guint i = 0; i < N_READOUTS; i++)
    {
      g_autoptr(PangoLayout) label = _nl_text_layout (&ctx->kit, NL_TEXT_SMALL, _(readout_labels[i]),
                                                      -1, -1, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) value = _nl_text_layout (&ctx->kit, NL_TEXT_HEADING, readout_samples[i],
                                                      -1, -1, PANGO_ALIGN_LEFT);
      double w = _nl_text_extents (label).width + gap + _nl_text_extents (value).width + 1;

      need[i / rows] = MAX (need[i / rows], w);
    }
  total = need[0] + need[1] + ctx->s;
  if (width >= total)
    {
      double extra = (width - total) / 2;

      col_w[0] = need[0] + extra;
      col_w[1] = need[1] + extra;
      return 2;
    }
  col_w[0] = width;
  col_w[1] = 0;
  return 1;
}

double
_nl_diagram_readouts_height (NlDiagramCtx *ctx,
                             double        width)
{
  double col_w[2];
  guint cols = readout_columns (ctx, width - ctx->s * 1.2, col_w);
  guint rows = (N_READOUTS + cols - 1) / cols;

  return rows * readout_row_height (ctx) + ctx->s * 1.0;
}

void
_nl_diagram_draw_readouts (cairo_t              *cr,
                           NlDiagramCtx         *ctx,
                           const NlDiagramState *state,
                           const NlRect         *panel)
{
  const NlRenderStyle *style = ctx->style;
  NlRect inner = _nl_rect_inset (panel, ctx->s * 0.6, ctx->s * 0.5);
  double col_w[2];
  guint cols = readout_columns (ctx, inner.width, col_w);
  double row_h = readout_row_height (ctx);
  char *values[N_READOUTS];

  _nl_rounded_panel (cr, panel, ctx->s * 0.5, &style->panel, 1.0 / style->scale_factor,
                     &style->panel_border);
  _nl_record (&ctx->kit, NL_ELEMENT_PANEL, panel, "readouts panel");

  values[0] = g_strdup_printf ("%.0f %%", 100 * state->effort);
  values[1] = g_strdup_printf ("%.0f %%", 100 * state->voluntary_activation);
  values[2] = g_strdup_printf ("%.0f %%", 100 * state->corticospinal_drive);
  values[3] = g_strdup_printf ("%u / %u", nl_diagram_pool_count_recruited (&state->agonist),
                               state->agonist.n_units);
  /* Translators: Hz = impulses per second. */
  values[4] = g_strdup_printf (_("%.1f Hz"), nl_diagram_pool_mean_rate (&state->agonist));
  values[5] = g_strdup_printf ("%.0f %%", 100 * state->coactivation);

  for (guint i = 0; i < N_READOUTS; i++)
    {
      guint rows = (N_READOUTS + cols - 1) / cols;
      guint col = i / rows, row = i % rows;
      NlRect cell = { inner.x + (col > 0 ? col_w[0] + ctx->s : 0), inner.y + row * row_h, col_w[col], row_h };
      g_autoptr(PangoLayout) probe = _nl_text_layout (&ctx->kit, NL_TEXT_HEADING, values[i], -1, -1,
                                                      PANGO_ALIGN_LEFT);
      double value_w = MIN (_nl_text_extents (probe).width + 1, cell.width * 0.5);
      NlRect label_box = { cell.x, cell.y, cell.width - value_w - ctx->s * 0.3, row_h };
      NlRect value_box = { cell.x + cell.width - value_w, cell.y, value_w, row_h };
      char name[32];

      g_autoptr(PangoLayout) whole = _nl_text_layout (&ctx->kit, NL_TEXT_SMALL, _(readout_labels[i]),
                                                      -1, -1, PANGO_ALIGN_LEFT);
      const char *label = _nl_text_extents (whole).width <= label_box.width
                          ? _(readout_labels[i]) : _(readout_short_labels[i]);

      g_snprintf (name, sizeof name, "readout label %u", i);
      _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, label, &label_box, 0, 0.5,
                            &style->secondary, name);
      g_snprintf (name, sizeof name, "readout value %u", i);
      _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_HEADING, values[i], &value_box, 1, 0.5,
                            &style->foreground, name);
      g_free (values[i]);
    }
}

double
_nl_diagram_readouts_line (cairo_t              *cr,
                           NlDiagramCtx         *ctx,
                           const NlDiagramState *state,
                           const NlRect         *rect)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  NlRect ext;

  /* Translators: the compact read-out line of a small diagram. */
  /* Non-breaking spaces keep each number with its unit. */
  text = g_strdup_printf (_("Voluntary activation %.0f\u00a0%% · corticospinal drive %.0f\u00a0%% · "
                            "units recruited %u\u00a0/\u00a0%u · mean rate %.1f\u00a0Hz · "
                            "antagonist coactivation %.0f\u00a0%%"),
                          100 * state->voluntary_activation, 100 * state->corticospinal_drive,
                          nl_diagram_pool_count_recruited (&state->agonist), state->agonist.n_units,
                          nl_diagram_pool_mean_rate (&state->agonist), 100 * state->coactivation);
  layout = _nl_text_layout (&ctx->kit, NL_TEXT_SMALL, text, rect->width, -1, PANGO_ALIGN_LEFT);
  ext = _nl_text_extents (layout);
  if (cr != NULL)
    _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, text, rect, 0, 0.5,
                          &ctx->style->secondary, "readout line");
  return ext.height;
}

static void
draw_swatch (cairo_t      *cr,
             NlDiagramCtx *ctx,
             Swatch        swatch,
             const NlRect *r)
{
  const NlRenderStyle *style = ctx->style;
  double cx = r->x + r->width / 2, cy = r->y + r->height / 2;
  double rad = MIN (r->width, r->height) * 0.36;
  double lw = MAX (1.0, ctx->s * 0.08);
  NlRgba line;

  cairo_set_line_width (cr, lw);
  switch (swatch)
    {
    /* Circles and straight strokes with butt ends (rectangles) go
     * straight into the pixels where nl-raster can draw them. */
    case SWATCH_RECRUITED:
    case SWATCH_UNRECRUITED:
      line = style->foreground;
      line.alpha *= swatch == SWATCH_RECRUITED ? 0.9 : 0.35;
      _nl_disc_outlined (cr, cx, cy, rad,
                         swatch == SWATCH_RECRUITED ? &style->recruited : &style->unrecruited,
                         lw, &line);
      break;

    case SWATCH_SPIKE:
      line = style->foreground;
      line.alpha *= 0.55;
      _nl_fill_rect (cr, r->x, cy - lw / 2, r->width, lw, &line);
      _nl_disc_outlined (cr, cx, cy, rad * 0.6, &style->spike, lw, &style->foreground);
      break;

    case SWATCH_DRIVE:
    case SWATCH_COACTIVATION:
      {
        double w = swatch == SWATCH_DRIVE ? ctx->s * 0.5 : ctx->s * 0.2;

        line = swatch == SWATCH_DRIVE ? style->drive : style->antagonist;
        line.alpha *= 0.8;
        _nl_fill_rect (cr, r->x, cy - w / 2, r->width, w, &line);
      }
      break;

    case SWATCH_INTERNEURON:
      {
        double wb = MAX (1.5, ctx->s * 0.14);

        _nl_fill_rect (cr, r->x, cy - lw / 2, r->width, lw, &style->inhibitory);
        _nl_fill_rect (cr, r->x + r->width - wb / 2, cy - rad, wb, 2 * rad, &style->inhibitory);
        _nl_disc_outlined (cr, r->x + rad * 0.8, cy, rad * 0.6, &style->background, lw,
                           &style->inhibitory);
      }
      break;

    case SWATCH_JUNCTION:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, rad);
      _nl_set_colour (cr, &style->muscle);
      cairo_move_to (cr, r->x + rad, cy);
      cairo_line_to (cr, r->x + r->width - rad * 0.5, cy);
      cairo_stroke (cr);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_save (cr);
      cairo_translate (cr, r->x + rad * 1.4, cy);
      cairo_scale (cr, 1.0, 0.55);
      cairo_arc (cr, 0, 0, rad * 0.8, 0, 2 * G_PI);
      cairo_restore (cr);
      _nl_set_colour (cr, &style->foreground);
      cairo_fill (cr);
      break;

    case N_SWATCHES:
    default:
      g_assert_not_reached ();
    }
}

double
_nl_diagram_legend (cairo_t              *cr,
                    NlDiagramCtx         *ctx,
                    const NlDiagramState *state,
                    const NlRect         *rect,
                    guint                 n_items)
{
  const NlRenderStyle *style = ctx->style;
  double s = ctx->s;
  double sw = s * 1.8, gap = s * 0.4, spacing = s * 1.2;
  double line_h = _nl_text_line_height (&ctx->kit, NL_TEXT_SMALL);
  double row_h = MAX (line_h, s) * 1.25;
  double x = rect->x, y = rect->y;
  g_autofree char *spike = g_strdup_printf (_("Action potential (%.0f× slower than life)"),
                                            state->slow_factor);
  const char *texts[N_SWATCHES] = {
    _("Motor unit recruited (circle size = unit size)"),
    _("Not recruited"),
    spike,
    _("Corticospinal drive (width = drive)"),
    _("Coactivation drive to the antagonist"),
    _("Ia inhibitory interneuron (reciprocal inhibition)"),
    _("Neuromuscular junction; fibres shorten as twitches sum"),
  };

  G_STATIC_ASSERT (N_SWATCHES == NL_DIAGRAM_LEGEND_ITEMS);
  for (guint i = 0; i < MIN (n_items, N_SWATCHES); i++)
    {
      double max_text = rect->width - sw - gap;
      g_autoptr(PangoLayout) layout = _nl_text_layout (&ctx->kit, NL_TEXT_SMALL, texts[i],
                                                       max_text, line_h * 1.05, PANGO_ALIGN_LEFT);
      NlRect ext = _nl_text_extents (layout);
      double item_w = sw + gap + ext.width;

      if (x > rect->x && x + item_w > rect->x + rect->width)
        {
          x = rect->x;
          y += row_h;
        }
      if (cr != NULL)
        {
          NlRect swatch = { x, y + (row_h - s) / 2, sw, s };
          char name[32];

          draw_swatch (cr, ctx, (Swatch) i, &swatch);
          _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, &swatch, "legend swatch");
          g_snprintf (name, sizeof name, "legend %u", i);
          _nl_text_show (&ctx->kit, cr, layout, x + sw + gap,
                         y + (row_h - ext.height) / 2 - ext.y, &style->foreground, name);
        }
      x += item_w + spacing;
    }
  return y + row_h - rect->y;
}
