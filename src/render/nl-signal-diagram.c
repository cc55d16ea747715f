/* nl-signal-diagram.c — the animated motor-cortex-to-muscle signalling diagram
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout: a title row, the legend at the bottom, and between them the
 * pathway panel beside a column with the readouts and the myokine panel.
 * All boxes are cut from the canvas, so they cannot overlap; text inside
 * them wraps and is cut with an ellipsis rather than spilling out.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nl-signal-diagram.h"
#include "nl-signal-diagram-private.h"

static void
ctx_init (NlDiagramCtx        *ctx,
          cairo_t             *cr,
          const NlRenderStyle *style,
          double               t,
          int                  width,
          int                  height)
{
  ctx->style = style;
  ctx->s = nl_render_style_text_size (style, width, height);
  ctx->t = t;
  _nl_text_kit_init (&ctx->kit, cr, style, ctx->s);
}

static void
fill_background (cairo_t             *cr,
                 const NlRenderStyle *style,
                 int                  width,
                 int                  height)
{
  cairo_rectangle (cr, 0, 0, width, height);
  _nl_set_colour (cr, &style->background);
  cairo_fill (cr);
}

void
nl_signal_diagram_draw (cairo_t              *cr,
                        const NlDiagramState *state,
                        double                t_seconds,
                        const NlRenderStyle  *style,
                        int                   width,
                        int                   height)
{
  NlDiagramCtx ctx;
  double m, title_h, legend_h, right_w = 0, gap, readouts_h = 0;
  gboolean icons = TRUE, compact = FALSE;
  NlRect title, legend, body, pathway, readouts, myokines, line;
  g_autofree char *title_text = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (state != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  ctx_init (&ctx, cr, style, t_seconds, width, height);
  fill_background (cr, style, width, height);

  m = ctx.s * 0.8;
  gap = ctx.s * 0.6;
  title_h = _nl_text_line_height (&ctx.kit, NL_TEXT_TITLE) * 1.1;
  title = (NlRect) { m, m, width - 2 * m, title_h };
  /* Translators: e.g. "From motor cortex to muscle — Week 8, 80 % effort". */
  title_text = g_strdup_printf (_("From motor cortex to muscle — %s, %.0f %% effort"),
                                state->day_label ? state->day_label : "", 100 * state->effort);
  _nl_text_draw_in_box (&ctx.kit, cr, NL_TEXT_TITLE, title_text, &title, 0, 0.5,
                        &style->foreground, "title");

  legend = (NlRect) { m, 0, width - 2 * m, 0 };
  legend_h = _nl_diagram_legend (NULL, &ctx, state, &legend);
  legend.y = height - m - legend_h;
  legend.height = legend_h;
  _nl_diagram_legend (cr, &ctx, state, &legend);

  body = (NlRect) { m, title.y + title_h + gap, width - 2 * m, 0 };
  body.height = legend.y - gap - body.y;

  /* The right column grows, then drops the pictograms, then gives the
   * read-outs' panel up for one line under the title, until the evidence
   * text fits uncut: the caveats are the point of that panel. */
  line = (NlRect) { m, title.y + title_h, width - 2 * m, 0 };
  line.height = _nl_diagram_readouts_line (NULL, &ctx, state, &line);
  {
    static const double shares[] = { 0.30, 0.36, 0.42 };
    gboolean fitted = FALSE;

    for (guint pass = 0; pass < 4 && !fitted; pass++)
      for (guint i = 0; i < G_N_ELEMENTS (shares) && !fitted; i++)
        {
          double column_h = body.height;

          compact = pass >= 2;
          icons = pass % 2 == 0;
          right_w = MIN (MAX (body.width * shares[i], ctx.s * 14), body.width * 0.45);
          readouts_h = compact ? 0 : _nl_diagram_readouts_height (&ctx, right_w);
          column_h -= compact ? line.height + gap * 0.5 : readouts_h + gap;
          fitted = _nl_diagram_myokines_fit (&ctx, state, right_w, column_h, icons);
        }
  }
  if (compact)
    {
      _nl_diagram_readouts_line (cr, &ctx, state, &line);
      body.y += line.height + gap * 0.5;
      body.height -= line.height + gap * 0.5;
    }
  pathway = (NlRect) { body.x, body.y, body.width - right_w - gap, body.height };
  readouts = (NlRect) { pathway.x + pathway.width + gap, body.y, right_w, readouts_h };
  myokines = (NlRect) { readouts.x, body.y + (compact ? 0 : readouts_h + gap), right_w, 0 };
  myokines.height = body.y + body.height - myokines.y;

  _nl_diagram_draw_pathway (cr, &ctx, state, &pathway);
  if (!compact)
    _nl_diagram_draw_readouts (cr, &ctx, state, &readouts);
  _nl_diagram_draw_myokines (cr, &ctx, state, &myokines, icons);

  _nl_text_kit_clear (&ctx.kit);
  cairo_restore (cr);
}

void
nl_signal_diagram_draw_compare (cairo_t              *cr,
                                const NlDiagramState *before,
                                const NlDiagramState *after,
                                double                t_seconds,
                                const NlRenderStyle  *style,
                                int                   width,
                                int                   height)
{
  const NlDiagramState *states[2] = { before, after };
  NlDiagramCtx ctx;
  double m, gap, title_h, head_h, legend_h, col_w;
  NlRect title, legend;
  g_autofree char *title_text = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (before != NULL && after != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  ctx_init (&ctx, cr, style, t_seconds, width, height);
  fill_background (cr, style, width, height);

  m = ctx.s * 0.8;
  gap = ctx.s * 0.6;
  title_h = _nl_text_line_height (&ctx.kit, NL_TEXT_TITLE) * 1.1;
  head_h = _nl_text_line_height (&ctx.kit, NL_TEXT_HEADING) * 1.2;
  title = (NlRect) { m, m, width - 2 * m, title_h };
  /* Translators: e.g. "Week 0 and Week 8 at 80 % effort". */
  title_text = g_strdup_printf (_("%s and %s at %.0f %% effort"),
                                before->day_label ? before->day_label : "",
                                after->day_label ? after->day_label : "", 100 * after->effort);
  _nl_text_draw_in_box (&ctx.kit, cr, NL_TEXT_TITLE, title_text, &title, 0, 0.5,
                        &style->foreground, "title");

  legend = (NlRect) { m, 0, width - 2 * m, 0 };
  legend_h = _nl_diagram_legend (NULL, &ctx, after, &legend);
  legend.y = height - m - legend_h;
  legend.height = legend_h;
  _nl_diagram_legend (cr, &ctx, after, &legend);

  col_w = (width - 2 * m - gap) / 2;
  for (int i = 0; i < 2; i++)
    {
      double x = m + i * (col_w + gap);
      double top = title.y + title_h + gap;
      double readouts_h = _nl_diagram_readouts_height (&ctx, col_w);
      NlRect head = { x, top, col_w, head_h };
      NlRect readouts = { x, legend.y - gap - readouts_h, col_w, readouts_h };
      NlRect pathway = { x, top + head_h, col_w, readouts.y - gap - top - head_h };

      /* On a small canvas the read-outs shrink to a line under the heading. */
      if (pathway.height < ctx.s * 16)
        {
          NlRect line = { x, top + head_h, col_w, 0 };

          line.height = _nl_diagram_readouts_line (NULL, &ctx, states[i], &line);
          readouts.height = 0;
          pathway.y = line.y + line.height + gap * 0.5;
          pathway.height = legend.y - gap - pathway.y;
          _nl_diagram_readouts_line (cr, &ctx, states[i], &line);
        }

      _nl_text_draw_in_box (&ctx.kit, cr, NL_TEXT_HEADING,
                            states[i]->day_label ? states[i]->day_label : "", &head, 0.5, 0.5,
                            &style->foreground, i == 0 ? "before heading" : "after heading");
      _nl_diagram_draw_pathway (cr, &ctx, states[i], &pathway);
      if (readouts.height > 0)
        _nl_diagram_draw_readouts (cr, &ctx, states[i], &readouts);
    }

  _nl_text_kit_clear (&ctx.kit);
  cairo_restore (cr);
}
