/* nl-diagram-myokines.c — what the evidence says about myokines and BDNF
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three statements, each with its caveat beside it (SCIENCE.md §7):
 *  - IL-6 leaves the working muscle for the blood (modest after resistance
 *    exercise; Raines et al.; APNM multi-joint study 0.87 → 2.03 pg/mL).
 *  - BDNF made in muscle acts locally and is not released into the blood
 *    (Matthews et al. 2009; Pedersen et al. 2009).
 *  - The brief rise of blood BDNF comes mostly from the brain (70–80 %,
 *    Rasmussen et al. 2009) and the platelets that store it; resting BDNF
 *    does not reliably change with resistance training (Dinoff et al. 2016).
 * Deliberately absent: any arrow of muscle BDNF travelling to the brain.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nl-raster.h"
#include "nl-signal-diagram-private.h"

typedef enum {
  ICON_IL6,
  ICON_MUSCLE_BDNF,
  ICON_BLOOD_BDNF,
} IconKind;

static void
draw_vessel (cairo_t             *cr,
             const NlRenderStyle *style,
             const NlRect        *r)
{
  _nl_rounded_rect (cr, r, r->height / 2);
  _nl_set_colour_over (cr, &style->inhibitory, 0.18, &style->panel);
  cairo_fill_preserve (cr);
  {
    NlRgba edge = _nl_colour_over (&style->inhibitory, 0.8, &style->panel);
    _nl_stroke_outline (cr, cairo_get_line_width (cr), &edge);
  }
}

/* Molecules moving from (x0, y0) to (x1, y1), @rate per second. */
static void
draw_flow (cairo_t      *cr,
           NlDiagramCtx *ctx,
           const NlRgba *colour,
           double        x0,
           double        y0,
           double        x1,
           double        y1,
           double        rate,
           double        radius)
{
  double travel = 1.2;

  if (NL_DIAGRAM_DRAWS_STILL (ctx))
    {
      cairo_set_line_width (cr, MAX (1.0, ctx->s * 0.08));
      _nl_set_colour_over (cr, colour, 0.8, &ctx->style->panel);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
      _nl_draw_arrow_head (cr, x1, y1, atan2 (y1 - y0, x1 - x0), radius * 3);
    }

  if (rate <= 0 || !NL_DIAGRAM_DRAWS_MOVING (ctx))
    return;
  _nl_set_colour (cr, colour);
  for (double j = ceil (rate * (ctx->t - travel)); j / rate <= ctx->t; j++)
    {
      double p = (ctx->t - j / rate) / travel;

      if (p < 0 || p > 0.85)
        continue;
      cairo_arc (cr, x0 + (x1 - x0) * p, y0 + (y1 - y0) * p, radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_icon (cairo_t              *cr,
           NlDiagramCtx         *ctx,
           const NlDiagramState *state,
           IconKind              kind,
           const NlRect         *box)
{
  const NlRenderStyle *style = ctx->style;
  double u = MIN (box->width / 4.0, box->height / 2.4);
  double cx = box->x + box->width / 2, cy = box->y + box->height / 2;
  double dot = MAX (u * 0.12, 1.5);
  NlRect vessel = { cx + u * 0.3, cy + u * 0.45, u * 1.6, u * 0.55 };
  gboolean still = NL_DIAGRAM_DRAWS_STILL (ctx);

  if (u <= 1)
    return;
  cairo_set_line_width (cr, MAX (1.0, ctx->s * 0.08));
  if (still)
    _nl_record (&ctx->kit, NL_ELEMENT_SHAPE, box, "myokine icon");

  switch (kind)
    {
    case ICON_IL6:
      {
        NlRect muscle = { cx - u * 1.9, cy - u * 0.9, u * 1.7, u * 0.9 };
        double rate = 0.5 + 0.6 * (isfinite (state->il6_fold) ? MAX (state->il6_fold - 1, 0) : 0);

        if (still)
          {
            _nl_draw_muscle_shape (cr, &muscle);
            _nl_set_colour_over (cr, &style->muscle, 0.8, &style->panel);
            cairo_fill_preserve (cr);
            _nl_stroke_outline (cr, cairo_get_line_width (cr), &style->foreground);
            draw_vessel (cr, style, &vessel);
          }
        draw_flow (cr, ctx, &style->myokine, muscle.x + muscle.width * 0.7, muscle.y + muscle.height,
                   vessel.x + vessel.width * 0.3, vessel.y, rate, dot);
      }
      break;

    case ICON_MUSCLE_BDNF:
      {
        NlRect muscle = { cx - u * 1.6, cy - u * 0.75, u * 3.2, u * 1.5 };
        double angle = ctx->t * 1.6 * (0.3 + 0.4 * (isfinite (state->muscle_bdnf_fold)
                                                    ? MAX (state->muscle_bdnf_fold - 1, 0) : 0.5));
        double rx = u * 0.9, ry = u * 0.38;

        if (still)
          {
            _nl_draw_muscle_shape (cr, &muscle);
            _nl_set_colour_over (cr, &style->muscle, 0.8, &style->panel);
            cairo_fill_preserve (cr);
            _nl_stroke_outline (cr, cairo_get_line_width (cr), &style->foreground);
            /* A loop that stays inside the muscle: local (autocrine/paracrine) action. */
            cairo_save (cr);
            cairo_translate (cr, cx, cy);
            cairo_scale (cr, rx, ry);
            cairo_arc (cr, 0, 0, 1, 0.3, 2 * G_PI - 0.3);
            cairo_restore (cr);
            _nl_stroke_outline (cr, cairo_get_line_width (cr), &style->bdnf);
            _nl_draw_arrow_head (cr, cx + rx * cos (0.3), cy - ry * sin (0.3), -G_PI / 2 - 0.5, dot * 3);
          }
        _nl_set_colour (cr, &style->bdnf);
        for (int i = 0; i < 3 && NL_DIAGRAM_DRAWS_MOVING (ctx); i++)
          {
            double a = angle + i * 2 * G_PI / 3;
            cairo_arc (cr, cx + rx * cos (a), cy + ry * sin (a), dot, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      }
      break;

    case ICON_BLOOD_BDNF:
      {
        NlRect brain = { cx - u * 1.9, cy - u * 1.1, u * 1.3, u * 0.9 };
        double px = cx - u * 0.9, py = cy + u * 0.75;
        double rate = 0.4 + 1.2 * (isfinite (state->serum_bdnf_fold) ? MAX (state->serum_bdnf_fold - 1, 0) : 0);

        if (still)
          {
            _nl_draw_brain_shape (cr, &brain);
            _nl_set_colour_over (cr, &style->cortex, 0.5, &style->panel);
            cairo_fill_preserve (cr);
            _nl_stroke_outline (cr, cairo_get_line_width (cr), &style->foreground);
            /* A platelet. */
            cairo_save (cr);
            cairo_translate (cr, px, py);
            cairo_scale (cr, 1.0, 0.5);
            cairo_arc (cr, 0, 0, u * 0.3, 0, 2 * G_PI);
            cairo_restore (cr);
            _nl_set_colour_over (cr, &style->inhibitory, 0.5, &style->panel);
            cairo_fill_preserve (cr);
            _nl_stroke_outline (cr, cairo_get_line_width (cr), &style->foreground);
            draw_vessel (cr, style, &vessel);
          }
        /* Most from the brain, some from platelets: two flows, the first heavier. */
        draw_flow (cr, ctx, &style->bdnf, brain.x + brain.width, brain.y + brain.height * 0.6,
                   vessel.x + vessel.width * 0.35, vessel.y, rate, dot);
        draw_flow (cr, ctx, &style->bdnf, px + u * 0.3, py, vessel.x, vessel.y + vessel.height / 2,
                   rate * 0.35, dot * 0.8);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  char       *statements[3];
  const char *caveats[3];
} Texts;

/* "×2.1 → ×2.3" when the earlier state of a comparison gives another
 * level than the later one, else NULL. */
static char *
fold_change_text (const NlDiagramState *before,
                  double                earlier,
                  double                later,
                  int                   digits)
{
  if (before == NULL || !isfinite (earlier) || !isfinite (later)
      || fabs (earlier - later) < 0.5 * pow (10, -digits))
    return NULL;
  /* Translators: fold changes on the earlier and the later day of a comparison. */
  return g_strdup_printf (_("×%.*f → ×%.*f"), digits, earlier, digits, later);
}

/* " ×2.3" (with a leading space), the same with the earlier day's level,
 * or "" when unknown. */
static char *
fold_text (const NlDiagramState *before,
           double                earlier,
           double                later,
           int                   digits)
{
  char *change = fold_change_text (before, earlier, later, digits);

  if (change != NULL)
    {
      char *spaced = g_strconcat (" ", change, NULL);
      g_free (change);
      return spaced;
    }
  return isfinite (later) ? g_strdup_printf (" ×%.*f", digits, later) : g_strdup ("");
}

static void
texts_init (Texts                *texts,
            const NlDiagramState *state,
            const NlDiagramState *before)
{
  g_autofree char *il6 = fold_change_text (before, before ? before->il6_fold : NAN,
                                           state->il6_fold, 1);
  g_autofree char *muscle = fold_change_text (before, before ? before->muscle_bdnf_fold : NAN,
                                              state->muscle_bdnf_fold, 1);
  g_autofree char *blood = fold_change_text (before, before ? before->serum_bdnf_fold : NAN,
                                             state->serum_bdnf_fold, 2);

  /* A level the model does not give (NAN) is left out rather than guessed;
   * side by side, a level that changed is given for both days. */
  /* Translators: ×%.1f is a fold change relative to rest. */
  texts->statements[0] = il6 != NULL
    /* Translators: %s is a change of fold level such as "×2.1 → ×2.3". */
    ? g_strdup_printf (_("<b>IL-6 %s</b> — a myokine released by the working muscle into the "
                         "blood."), il6)
    : isfinite (state->il6_fold)
    ? g_strdup_printf (_("<b>IL-6 ×%.1f</b> — a myokine released by the working muscle into the "
                         "blood."), state->il6_fold)
    : g_strdup (_("<b>IL-6</b> — a myokine released by the working muscle into the blood."));
  texts->statements[1] = muscle != NULL
    ? g_strdup_printf (_("<b>Muscle BDNF %s</b> — made in the muscle, acts locally (fat "
                         "oxidation)."), muscle)
    : isfinite (state->muscle_bdnf_fold)
    ? g_strdup_printf (_("<b>Muscle BDNF ×%.1f</b> — made in the muscle, acts locally (fat "
                         "oxidation)."), state->muscle_bdnf_fold)
    : g_strdup (_("<b>Muscle BDNF</b> — made in the muscle, acts locally (fat oxidation)."));
  texts->statements[2] = blood != NULL
    ? g_strdup_printf (_("<b>Blood BDNF %s</b> — a brief rise, mostly from the brain and "
                         "platelets."), blood)
    : isfinite (state->serum_bdnf_fold)
    ? g_strdup_printf (_("<b>Blood BDNF ×%.2f</b> — a brief rise, mostly from the brain and "
                         "platelets."), state->serum_bdnf_fold)
    : g_strdup (_("<b>Blood BDNF</b> — a brief rise, mostly from the brain and platelets."));
  texts->caveats[0] = _("Evidence: modest after resistance exercise (about ×2); some protocols show "
                        "no rise.");
  texts->caveats[1] = _("Evidence: not released into the blood (Matthews 2009).");
  texts->caveats[2] = _("Evidence: small, back to baseline within ~1\u00a0h; resting BDNF barely changes "
                        "with resistance training (Dinoff 2016).");
}

static void
texts_clear (Texts *texts)
{
  for (int i = 0; i < 3; i++)
    g_free (texts->statements[i]);
}

static double
icon_width (NlDiagramCtx *ctx,
            double        inner_width,
            gboolean      icons)
{
  return icons ? MIN (ctx->s * 6.5, inner_width * 0.34) : 0;
}

/* Height each item needs for its statement and caveat at @inner_width. */
static void
measure_items (NlDiagramCtx *ctx,
               const Texts  *texts,
               double        inner_width,
               gboolean      icons,
               double        needed[3])
{
  double text_w = inner_width - icon_width (ctx, inner_width, icons) - (icons ? ctx->s * 0.5 : 0);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(PangoLayout) said = NULL;
      g_autoptr(PangoLayout) caveat = NULL;

      ctx->kit.markup = TRUE;
      said = _nl_text_layout (&ctx->kit, NL_TEXT_BODY, texts->statements[i], text_w, -1, PANGO_ALIGN_LEFT);
      ctx->kit.markup = FALSE;
      caveat = _nl_text_layout (&ctx->kit, NL_TEXT_SMALL, texts->caveats[i], text_w, -1, PANGO_ALIGN_LEFT);
      needed[i] = _nl_text_extents (said).height + _nl_text_extents (caveat).height + ctx->s * 0.75;
      if (icons)
        needed[i] = MAX (needed[i], ctx->s * 3.2);
    }
}

static double
heading_height (NlDiagramCtx *ctx)
{
  return _nl_text_line_height (&ctx->kit, NL_TEXT_HEADING) * 1.15;
}

double
_nl_diagram_myokines_height (NlDiagramCtx         *ctx,
                             const NlDiagramState *state,
                             double                width,
                             gboolean              icons)
{
  double pad = ctx->s * 0.6, needed[3];
  Texts texts = { { NULL } };

  texts_init (&texts, state, ctx->before);
  measure_items (ctx, &texts, width - 2 * pad, icons, needed);
  texts_clear (&texts);
  return needed[0] + needed[1] + needed[2] + heading_height (ctx) + 2 * pad;
}

gboolean
_nl_diagram_myokines_fit (NlDiagramCtx         *ctx,
                          const NlDiagramState *state,
                          double                width,
                          double                height,
                          gboolean              icons)
{
  return _nl_diagram_myokines_height (ctx, state, width, icons) <= height;
}

void
_nl_diagram_draw_myokines (cairo_t              *cr,
                           NlDiagramCtx         *ctx,
                           const NlDiagramState *state,
                           const NlRect         *panel,
                           gboolean              icons)
{
  const NlRenderStyle *style = ctx->style;
  gboolean still = NL_DIAGRAM_DRAWS_STILL (ctx);
  double s = ctx->s, pad = s * 0.6;
  NlRect inner = _nl_rect_inset (panel, pad, pad);
  double icon_w = icon_width (ctx, inner.width, icons);
  double *needed = ctx->memo->myokine_needed, head_h, total, spare, y;
  Texts texts = { { NULL } };

  /* The moving pass reuses what the still pass measured. */
  if (still)
    {
      ctx->memo->myokine_head_h = heading_height (ctx);
      texts_init (&texts, state, ctx->before);
      measure_items (ctx, &texts, inner.width, icons, needed);

      _nl_rounded_panel (cr, panel, s * 0.5, &style->panel, 1.0 / style->scale_factor,
                         &style->panel_border);
      _nl_record (&ctx->kit, NL_ELEMENT_PANEL, panel, "myokine panel");
    }
  head_h = ctx->memo->myokine_head_h;
  /* No room even for the heading: an empty panel rather than spilt text. */
  if (inner.height < head_h + ctx->memo->small_line_h)
    {
      if (still)
        texts_clear (&texts);
      return;
    }
  if (still)
    {
      NlRect heading = { inner.x, inner.y, inner.width, head_h };
      _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_HEADING, _("Myokines and BDNF"), &heading, 0, 0.5,
                            &style->foreground, "myokine heading");
    }

  total = needed[0] + needed[1] + needed[2];
  spare = inner.height - head_h - total;
  y = inner.y + head_h;

  for (int i = 0; i < 3; i++)
    {
      /* Spare room is shared out; a shortfall shrinks every item alike. */
      double item_h = spare >= 0 ? needed[i] + spare / 3
                                 : needed[i] * (inner.height - head_h) / total;
      NlRect item = { inner.x, y, inner.width, item_h };
      NlRect text = { item.x + icon_w + (icons ? s * 0.5 : 0), item.y + s * 0.25,
                      item.width - icon_w - (icons ? s * 0.5 : 0), item_h - s * 0.5 };

      y += item_h;
      if (icons)
        {
          NlRect icon = { item.x, item.y + s * 0.25, icon_w, MIN (item_h - s * 0.5, icon_w * 0.75) };
          draw_icon (cr, ctx, state, (IconKind) i, &icon);
        }
      if (!still)
        continue;

      if (i > 0)
        {
          cairo_set_line_width (cr, 1.0 / style->scale_factor);
          _nl_set_colour (cr, &style->panel_border);
          cairo_move_to (cr, item.x, _nl_snap (item.y, style->scale_factor));
          cairo_line_to (cr, item.x + item.width, _nl_snap (item.y, style->scale_factor));
          cairo_stroke (cr);
        }
      {
        NlRect said, caveat_box;
        char name[32];

        g_snprintf (name, sizeof name, "myokine statement %d", i);
        said = _nl_text_draw_markup_in_box (&ctx->kit, cr, NL_TEXT_BODY, texts.statements[i], &text,
                                            0, 0, &style->foreground, name);
        caveat_box = (NlRect) { text.x, said.y + said.height + s * 0.15, text.width, 0 };
        caveat_box.height = text.y + text.height - caveat_box.y;
        g_snprintf (name, sizeof name, "myokine caveat %d", i);
        _nl_text_draw_in_box (&ctx->kit, cr, NL_TEXT_SMALL, texts.caveats[i], &caveat_box, 0, 0,
                              &style->secondary, name);
      }
    }
  if (still)
    texts_clear (&texts);
}

/* The panel's content in one wrapped paragraph of small text, for a canvas
 * with no room for the full panel: every statement keeps its caveat. */
static char *
line_markup (NlDiagramCtx         *ctx,
             const NlDiagramState *state)
{
  const NlDiagramState *before = ctx->before;
  g_autofree char *il6 = fold_text (before, before ? before->il6_fold : NAN, state->il6_fold, 1);
  g_autofree char *muscle = fold_text (before, before ? before->muscle_bdnf_fold : NAN,
                                       state->muscle_bdnf_fold, 1);
  g_autofree char *blood = fold_text (before, before ? before->serum_bdnf_fold : NAN,
                                      state->serum_bdnf_fold, 2);

  /* Translators: the myokine panel of a small diagram in one paragraph;
   * each %s is empty or a fold change with its leading space (" ×2.3"). */
  return g_strdup_printf (_("<b>Myokines and BDNF:</b> IL-6%s leaves the working muscle for the "
                            "blood (modest evidence) · muscle BDNF%s acts locally, not released "
                            "into the blood · blood BDNF%s rises briefly, mostly from the brain "
                            "and platelets"),
                          il6, muscle, blood);
}

double
_nl_diagram_myokines_line (cairo_t              *cr,
                           NlDiagramCtx         *ctx,
                           const NlDiagramState *state,
                           const NlRect         *rect)
{
  const NlRenderStyle *style = ctx->style;
  double pad = ctx->s * 0.4;
  g_autofree char *markup = line_markup (ctx, state);
  g_autoptr(PangoLayout) layout = NULL;
  NlRect inner = _nl_rect_inset (rect, pad, pad);
  double height;

  if (inner.width <= 1)
    return 0;
  ctx->kit.markup = TRUE;
  layout = _nl_text_layout (&ctx->kit, NL_TEXT_SMALL, markup, inner.width, -1, PANGO_ALIGN_LEFT);
  ctx->kit.markup = FALSE;
  height = _nl_text_extents (layout).height + 2 * pad;
  if (cr != NULL && rect->height >= height - 0.01)
    {
      _nl_rounded_panel (cr, rect, ctx->s * 0.5, &style->panel, 1.0 / style->scale_factor,
                         &style->panel_border);
      _nl_record (&ctx->kit, NL_ELEMENT_PANEL, rect, "myokine panel");
      _nl_text_draw_markup_in_box (&ctx->kit, cr, NL_TEXT_SMALL, markup, &inner, 0, 0.5,
                                   &style->foreground, "myokine line");
    }
  return height;
}
