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
#include <math.h>
#include <string.h>

#include "nl-raster.h"
#include "nl-signal-diagram.h"
#include "nl-signal-diagram-private.h"

struct _NlDiagramCache {
  cairo_surface_t *still;        /* the still layer, device pixels */
  NlDiagramState  *state;        /* what it shows */
  NlDiagramState  *compare;      /* NULL unless side by side */
  NlRenderStyle    style;
  int              width;
  int              height;
  cairo_matrix_t   matrix;       /* the target's user → device transform */
  NlDiagramMemo    memo;
  guint            redraws;      /* times the still layer was drawn */
};

static void
ctx_init (NlDiagramCtx        *ctx,
          cairo_t             *cr,
          const NlRenderStyle *style,
          double               t,
          int                  width,
          int                  height,
          NlDiagramPass        pass,
          NlDiagramMemo       *memo)
{
  ctx->style = style;
  ctx->s = nl_render_style_text_size (style, width, height);
  ctx->t = t;
  ctx->pass = pass;
  ctx->memo = memo;
  _nl_text_kit_init (&ctx->kit, cr, style, ctx->s);
  if (pass != NL_DIAGRAM_PASS_DYNAMIC)
    memo->small_line_h = _nl_text_line_height (&ctx->kit, NL_TEXT_SMALL);
}

/* The legend along the bottom.  On a small canvas it keeps its most
 * important entries only, so it never takes more than a quarter of the
 * height from the drawing it explains. */
static NlRect
place_legend (cairo_t              *cr,
              NlDiagramCtx         *c,
              const NlDiagramState *state,
              double                m,
              int                   width,
              int                   height,
              guint                *n_items)
{
  NlRect legend = { m, 0, width - 2 * m, 0 };
  guint n = NL_DIAGRAM_LEGEND_ITEMS;

  legend.height = _nl_diagram_legend (NULL, c, state, &legend, n);
  while (n > 3 && legend.height > height * 0.25)
    legend.height = _nl_diagram_legend (NULL, c, state, &legend, --n);
  legend.y = height - m - legend.height;
  if (cr != NULL)
    _nl_diagram_legend (cr, c, state, &legend, n);
  if (n_items != NULL)
    *n_items = n;
  return legend;
}

/* The background, but for the inside of the panels drawn over it: their
 * opaque fills would only paint those pixels again. */
static void
fill_background_around (cairo_t             *cr,
                        const NlRenderStyle *style,
                        double               s,
                        int                  width,
                        int                  height,
                        const NlRect        *panels,
                        guint                n_panels)
{
  NlRect holes[5];
  guint n = 0;

  /* A see-through panel (a theme may give one) shows the background. */
  for (guint i = 0; i < n_panels && n < G_N_ELEMENTS (holes) && style->panel.alpha >= 1; i++)
    if (panels[i].width > 0 && panels[i].height > 0)
      holes[n++] = _nl_rounded_panel_hole (cr, &panels[i], s * 0.5, 1.0 / style->scale_factor);
  _nl_fill_rect_except (cr, 0, 0, width, height, &style->background, holes, n);
}

/* The title of a single day: its day and effort, after the figure's
 * heading when @heading; the effort alone for a state without a day. */
static char *
single_title (const NlDiagramState *state,
              gboolean              heading)
{
  double effort = 100 * state->effort;
  gboolean day = state->day_label != NULL && *state->day_label != '\0';

  if (heading && day)
    /* Translators: e.g. "From motor cortex to muscle — Week 8, 80 % effort". */
    return g_strdup_printf (_("From motor cortex to muscle — %s, %.0f %% effort"), state->day_label, effort);
  if (heading)
    /* Translators: e.g. "From motor cortex to muscle — 80 % effort". */
    return g_strdup_printf (_("From motor cortex to muscle — %.0f %% effort"), effort);
  if (day)
    /* Translators: the diagram's title where the long one does not fit,
     * e.g. "Week 8, 80 % effort". */
    return g_strdup_printf (_("%s, %.0f %% effort"), state->day_label, effort);
  /* Translators: e.g. "80 % effort". */
  return g_strdup_printf (_("%.0f %% effort"), effort);
}

static void
draw_single (cairo_t              *cr,
             NlDiagramCtx         *c,
             const NlDiagramState *state,
             int                   width,
             int                   height)
{
  const NlRenderStyle *style = c->style;
  NlDiagramMemo *memo = c->memo;
  double m, title_h, right_w = 0, gap, readouts_h = 0;
  gboolean icons = TRUE, compact = FALSE, fitted = FALSE;
  NlRect title, legend, body, pathway, readouts, myokines, line, para = { 0 };
  guint n_legend;
  g_autofree char *title_text = NULL;

  /* The moving pass only needs the panels the still pass placed. */
  if (!NL_DIAGRAM_DRAWS_STILL (c))
    {
      if (memo->pathway[0].width > 0)
        _nl_diagram_draw_pathway (cr, c, state, &memo->pathway[0]);
      if (memo->myokines.width > 0)
        _nl_diagram_draw_myokines (cr, c, state, &memo->myokines, memo->icons);
      return;
    }

  /* Everything is placed first, so the background can leave out the
   * panels; then drawn in the same order as ever. */
  m = c->s * 0.8;
  gap = c->s * 0.6;
  title_h = _nl_text_line_height (&c->kit, NL_TEXT_TITLE) * 1.1;
  title = (NlRect) { m, m, width - 2 * m, title_h };
  title_text = single_title (state, TRUE);
  /* Too long for the canvas: the day and the effort matter more than the
   * heading the figure itself shows, so the heading goes first. */
  {
    g_autoptr(PangoLayout) probe = _nl_text_layout (&c->kit, NL_TEXT_TITLE, title_text, -1, -1,
                                                    PANGO_ALIGN_LEFT);

    if (_nl_text_extents (probe).width > title.width)
      {
        g_free (title_text);
        title_text = single_title (state, FALSE);
      }
  }

  legend = place_legend (NULL, c, state, m, width, height, &n_legend);

  body = (NlRect) { m, title.y + title_h + gap, width - 2 * m, 0 };
  body.height = legend.y - gap - body.y;

  /* The right column grows, then drops the pictograms, then gives the
   * read-outs' panel up for one line under the title, until the evidence
   * text fits uncut: the caveats are the point of that panel. */
  line = (NlRect) { m, title.y + title_h, width - 2 * m, 0 };
  line.height = _nl_diagram_readouts_line (NULL, c, state, &line);
  line.height = CLAMP (line.height, 0, legend.y - gap - line.y);
  {
    static const double shares[] = { 0.30, 0.36, 0.42 };

    for (guint pass = 0; pass < 4 && !fitted; pass++)
      for (guint i = 0; i < G_N_ELEMENTS (shares) && !fitted; i++)
        {
          double column_h = body.height;

          compact = pass >= 2;
          icons = pass % 2 == 0;
          right_w = MIN (MAX (body.width * shares[i], c->s * 14), body.width * 0.45);
          readouts_h = compact ? 0 : _nl_diagram_readouts_height (c, right_w);
          column_h -= compact ? line.height + gap * 0.5 : readouts_h + gap;
          fitted = _nl_diagram_myokines_fit (c, state, right_w, column_h, icons);
        }
  }
  /* No column holds the evidence uncut: the panel becomes one paragraph
   * under the pathway, each statement still with its caveat.  Where there
   * is no room for both, the read-out line gives way to it. */
  if (!fitted)
    {
      para = (NlRect) { body.x, 0, body.width, 0 };
      para.height = _nl_diagram_myokines_line (NULL, c, state, &para);
      if (para.height + gap > body.height - (line.height + gap * 0.5) - c->s * 4)
        line.height = 0;
      para.y = body.y + body.height - para.height;
      body.height -= para.height + gap;
      right_w = 0;
    }
  if (compact && line.height > 0)
    {
      body.y += line.height + gap * 0.5;
      body.height -= line.height + gap * 0.5;
    }
  if (right_w <= 0)
    gap = 0;
  pathway = (NlRect) { body.x, body.y, body.width - right_w - gap, body.height };
  readouts = (NlRect) { pathway.x + pathway.width + gap, body.y, right_w, readouts_h };
  myokines = (NlRect) { readouts.x, body.y + (compact ? 0 : readouts_h + gap), right_w, 0 };
  myokines.height = body.y + body.height - myokines.y;

  /* A canvas too small for any panel keeps its title and legend only. */
  if (pathway.height < c->s * 2 || pathway.width < c->s * 2)
    pathway.width = pathway.height = 0;
  if (myokines.height < c->s * 2 || right_w <= 0)
    myokines.width = myokines.height = 0;
  if (readouts.y + readouts.height > body.y + body.height)
    compact = TRUE;
  memo->pathway[0] = pathway;
  memo->myokines = myokines;
  memo->icons = icons;

  {
    NlRect panels[3] = { pathway, myokines, readouts };

    if (compact)
      panels[2].width = 0;
    fill_background_around (cr, style, c->s, width, height, panels, 3);
  }
  _nl_text_draw_in_box (&c->kit, cr, NL_TEXT_TITLE, title_text, &title, 0, 0.5,
                        &style->foreground, "title");
  _nl_diagram_legend (cr, c, state, &legend, n_legend);
  if (para.width > 0)
    _nl_diagram_myokines_line (cr, c, state, &para);
  if (compact && line.height > 0)
    _nl_diagram_readouts_line (cr, c, state, &line);
  if (pathway.width > 0)
    _nl_diagram_draw_pathway (cr, c, state, &pathway);
  if (!compact)
    _nl_diagram_draw_readouts (cr, c, state, &readouts);
  if (myokines.width > 0)
    _nl_diagram_draw_myokines (cr, c, state, &myokines, icons);
}

/* Where the myokine panel of a comparison goes. */
typedef enum {
  MYOKINES_RIGHT,    /* a column beside the two pathways */
  MYOKINES_BOTTOM,   /* a strip under them */
  MYOKINES_LINE,     /* one paragraph under them (small canvases) */
  MYOKINES_NONE,
} MyokinePlace;

/* Cuts the myokine panel of a comparison from @body and returns where it
 * went; @body keeps what is left for the two states. */
static MyokinePlace
place_compare_myokines (NlDiagramCtx         *c,
                        const NlDiagramState *after,
                        NlRect               *body,
                        double                gap,
                        NlRect               *panel,
                        gboolean             *icons)
{
  static const double shares[] = { 0.24, 0.30, 0.36 };
  double s = c->s;
  gboolean wide = body->width >= body->height * 1.3;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      /* A wide canvas tries the column first, a tall one the strip. */
      if (wide == (attempt == 0))
        {
          for (int pass = 0; pass < 2; pass++)
            for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
              {
                double w = MAX (body->width * shares[i], s * 14);
                double column_w = (body->width - w - 2 * gap) / 2;

                *icons = pass == 0;
                if (column_w < s * 16)
                  continue;
                if (_nl_diagram_myokines_fit (c, after, w, body->height, *icons))
                  {
                    *panel = (NlRect) { body->x + body->width - w, body->y, w, body->height };
                    body->width -= w + gap;
                    return MYOKINES_RIGHT;
                  }
              }
        }
      else
        {
          for (int pass = 0; pass < 2; pass++)
            {
              double h;

              *icons = pass == 0;
              h = _nl_diagram_myokines_height (c, after, body->width, *icons);
              if (body->height - h - gap >= s * 14)
                {
                  *panel = (NlRect) { body->x, body->y + body->height - h, body->width, h };
                  body->height -= h + gap;
                  return MYOKINES_BOTTOM;
                }
            }
        }
    }

  *icons = FALSE;
  *panel = (NlRect) { body->x, 0, body->width, 0 };
  panel->height = _nl_diagram_myokines_line (NULL, c, after, panel);
  panel->y = body->y + body->height - panel->height;
  if (body->height - panel->height - gap >= s * 4)
    {
      body->height -= panel->height + gap;
      return MYOKINES_LINE;
    }
  panel->width = panel->height = 0;
  return MYOKINES_NONE;
}

static void
draw_compare (cairo_t              *cr,
              NlDiagramCtx         *c,
              const NlDiagramState *before,
              const NlDiagramState *after,
              int                   width,
              int                   height)
{
  const NlDiagramState *states[2] = { before, after };
  const NlRenderStyle *style = c->style;
  NlDiagramMemo *memo = c->memo;
  double m, gap, title_h, head_h, col_w;
  NlRect title, legend, body, panel, heads[2], readouts[2], pathways[2], lines[2];
  MyokinePlace place;
  guint n_legend;
  gboolean icons = FALSE;
  g_autofree char *title_text = NULL;

  if (!NL_DIAGRAM_DRAWS_STILL (c))
    {
      for (int i = 0; i < 2; i++)
        if (memo->pathway[i].width > 0)
          _nl_diagram_draw_pathway (cr, c, states[i], &memo->pathway[i]);
      if (memo->myokines.width > 0)
        _nl_diagram_draw_myokines (cr, c, after, &memo->myokines, memo->icons);
      return;
    }

  /* Everything is placed first, so the background can leave out the
   * panels; then drawn in the same order as ever. */
  m = c->s * 0.8;
  gap = c->s * 0.6;
  title_h = _nl_text_line_height (&c->kit, NL_TEXT_TITLE) * 1.1;
  head_h = _nl_text_line_height (&c->kit, NL_TEXT_HEADING) * 1.2;
  title = (NlRect) { m, m, width - 2 * m, title_h };
  /* Translators: e.g. "Week 0 and Week 8 at 80 % effort". */
  title_text = g_strdup_printf (_("%s and %s at %.0f %% effort"),
                                before->day_label ? before->day_label : "",
                                after->day_label ? after->day_label : "", 100 * after->effort);

  legend = place_legend (NULL, c, after, m, width, height, &n_legend);
  body = (NlRect) { m, title.y + title_h + gap, width - 2 * m, 0 };
  body.height = legend.y - gap - body.y;

  /* The myokine panel is shared: its levels are given for both days. */
  memo->myokines.width = 0;
  memo->icons = FALSE;
  place = place_compare_myokines (c, after, &body, gap, &panel, &icons);
  if (place != MYOKINES_LINE && place != MYOKINES_NONE)
    {
      memo->myokines = panel;
      memo->icons = icons;
    }

  col_w = (body.width - gap) / 2;
  for (int i = 0; i < 2; i++)
    {
      double x = body.x + i * (col_w + gap);
      double top = body.y, bottom = body.y + body.height;
      double readouts_h = _nl_diagram_readouts_height (c, col_w);

      heads[i] = (NlRect) { x, top, col_w, head_h };
      readouts[i] = (NlRect) { x, bottom - readouts_h, col_w, readouts_h };
      pathways[i] = (NlRect) { x, top + head_h, col_w, readouts[i].y - gap - top - head_h };
      lines[i] = (NlRect) { 0 };

      /* Smaller, the read-outs shrink to a line under the heading; smaller
       * still they go, and the pathway keeps the room. */
      if (pathways[i].height < c->s * 16)
        {
          NlRect line = { x, top + head_h, col_w, 0 };

          line.height = _nl_diagram_readouts_line (NULL, c, states[i], &line);
          readouts[i].height = 0;
          if (bottom - gap - (line.y + line.height + gap * 0.5) >= c->s * 8)
            {
              lines[i] = line;
              pathways[i].y = line.y + line.height + gap * 0.5;
            }
          else
            pathways[i].y = top + head_h;
          pathways[i].height = bottom - pathways[i].y;
        }
      if (pathways[i].height < c->s * 2)
        pathways[i].width = pathways[i].height = 0;
      memo->pathway[i] = pathways[i];
    }

  {
    NlRect panels[5] = { pathways[0], pathways[1], readouts[0], readouts[1], memo->myokines };

    for (int i = 2; i < 4; i++)
      if (panels[i].height <= 0)
        panels[i].width = 0;
    fill_background_around (cr, style, c->s, width, height, panels, 5);
  }
  _nl_text_draw_in_box (&c->kit, cr, NL_TEXT_TITLE, title_text, &title, 0, 0.5,
                        &style->foreground, "title");
  _nl_diagram_legend (cr, c, after, &legend, n_legend);
  if (place == MYOKINES_LINE)
    _nl_diagram_myokines_line (cr, c, after, &panel);
  else if (place != MYOKINES_NONE)
    _nl_diagram_draw_myokines (cr, c, after, &panel, icons);
  for (int i = 0; i < 2; i++)
    {
      if (lines[i].width > 0)
        _nl_diagram_readouts_line (cr, c, states[i], &lines[i]);
      _nl_text_draw_in_box (&c->kit, cr, NL_TEXT_HEADING,
                            states[i]->day_label ? states[i]->day_label : "", &heads[i], 0.5, 0.5,
                            &style->foreground, i == 0 ? "before heading" : "after heading");
      if (pathways[i].width > 0)
        _nl_diagram_draw_pathway (cr, c, states[i], &pathways[i]);
      if (readouts[i].height > 0)
        _nl_diagram_draw_readouts (cr, c, states[i], &readouts[i]);
    }
}

static void
draw_pass (cairo_t              *cr,
           NlDiagramPass         pass,
           NlDiagramMemo        *memo,
           const NlDiagramState *state,
           const NlDiagramState *compare,
           double                t,
           const NlRenderStyle  *style,
           int                   width,
           int                   height)
{
  NlDiagramCtx ctx;

  cairo_save (cr);
  /* The moving parts are small and short-lived: a coarser flattening of
   * their curves (a third of a device pixel) halves their cost unseen. */
  if (pass == NL_DIAGRAM_PASS_DYNAMIC)
    cairo_set_tolerance (cr, 0.35);
  ctx_init (&ctx, cr, style, t, width, height, pass, memo);
  ctx.before = compare;
  if (compare != NULL)
    draw_compare (cr, &ctx, compare, state, width, height);
  else
    draw_single (cr, &ctx, state, width, height);
  _nl_text_kit_clear (&ctx.kit);
  cairo_restore (cr);
}

void
nl_signal_diagram_draw (cairo_t              *cr,
                        const NlDiagramState *state,
                        double                t_seconds,
                        const NlRenderStyle  *style,
                        int                   width,
                        int                   height)
{
  NlDiagramMemo memo = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (state != NULL);
  g_return_if_fail (style != NULL);

  if (width > 0 && height > 0)
    draw_pass (cr, NL_DIAGRAM_PASS_ALL, &memo, state, NULL, t_seconds, style, width, height);
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
  NlDiagramMemo memo = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (before != NULL && after != NULL);
  g_return_if_fail (style != NULL);

  if (width > 0 && height > 0)
    draw_pass (cr, NL_DIAGRAM_PASS_ALL, &memo, after, before, t_seconds, style, width, height);
}

NlDiagramCache *
nl_diagram_cache_new (void)
{
  return g_new0 (NlDiagramCache, 1);
}

static void
cache_clear (NlDiagramCache *self)
{
  g_clear_pointer (&self->still, cairo_surface_destroy);
  g_clear_pointer (&self->state, nl_diagram_state_free);
  g_clear_pointer (&self->compare, nl_diagram_state_free);
}

void
nl_diagram_cache_free (NlDiagramCache *self)
{
  if (self == NULL)
    return;
  cache_clear (self);
  g_free (self);
}

static gboolean
pools_equal (const NlDiagramPool *a,
             const NlDiagramPool *b)
{
  return a->n_units == b->n_units && a->drive == b->drive
         && g_strcmp0 (a->muscle, b->muscle) == 0
         && memcmp (a->units, b->units, sizeof (NlDiagramUnit) * a->n_units) == 0;
}

static gboolean
states_equal (const NlDiagramState *a,
              const NlDiagramState *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->day_label, b->day_label) == 0 && a->area == b->area
         && a->effort == b->effort && a->voluntary_activation == b->voluntary_activation
         && a->corticospinal_drive == b->corticospinal_drive && a->coactivation == b->coactivation
         && memcmp (&a->il6_fold, &b->il6_fold, sizeof (double)) == 0
         && memcmp (&a->muscle_bdnf_fold, &b->muscle_bdnf_fold, sizeof (double)) == 0
         && memcmp (&a->serum_bdnf_fold, &b->serum_bdnf_fold, sizeof (double)) == 0
         && a->slow_factor == b->slow_factor
         && pools_equal (&a->agonist, &b->agonist) && pools_equal (&a->antagonist, &b->antagonist);
}

static gboolean
matrices_equal (const cairo_matrix_t *a,
                const cairo_matrix_t *b)
{
  return a->xx == b->xx && a->yx == b->yx && a->xy == b->xy && a->yy == b->yy
         && a->x0 == b->x0 && a->y0 == b->y0;
}

void
nl_signal_diagram_warm_text (const NlRenderStyle *style,
                             int                  width,
                             int                  height)
{
  /* What the diagram's labels, read-outs and panel are written in. */
  static const char sample[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
    ".,:;!?'\"()[]%+-/=<>&×·—–−…→α";
  NlTextKit kit;

  g_return_if_fail (style != NULL);

  _nl_text_kit_init (&kit, NULL, style, nl_render_style_text_size (style, width, height));
  _nl_text_warm (&kit, sample);
  _nl_text_kit_clear (&kit);
}

void
nl_signal_diagram_draw_cached (cairo_t              *cr,
                               NlDiagramCache       *cache,
                               const NlDiagramState *state,
                               const NlDiagramState *compare,
                               double                t_seconds,
                               const NlRenderStyle  *style,
                               int                   width,
                               int                   height)
{
  cairo_surface_t *target;
  cairo_matrix_t matrix;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (cache != NULL);
  g_return_if_fail (state != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  /* Only a raster target drawn at a plain scale can take a raster layer;
   * anything else (PDF, SVG, recordings, rotations) is drawn whole. */
  target = cairo_get_target (cr);
  /* With the target's device scale: the layer is copied pixel for pixel. */
  _nl_pixel_matrix (cr, &matrix);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE
      || matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || matrix.yy <= 0)
    {
      NlDiagramMemo memo = { 0 };
      draw_pass (cr, NL_DIAGRAM_PASS_ALL, &memo, state, compare, t_seconds, style, width, height);
      return;
    }

  if (cache->still == NULL || cache->width != width || cache->height != height
      || !matrices_equal (&cache->matrix, &matrix)
      || memcmp (&cache->style, style, sizeof *style) != 0
      || !states_equal (cache->state, state) || !states_equal (cache->compare, compare))
    {
      int pw = (int) ceil (width * matrix.xx), ph = (int) ceil (height * matrix.yy);
      cairo_t *still;

      cache_clear (cache);
      cache->still = cairo_surface_create_similar_image (target, CAIRO_FORMAT_ARGB32, pw, ph);
      cairo_surface_set_device_scale (cache->still, matrix.xx, matrix.yy);
      still = cairo_create (cache->still);
      memset (&cache->memo, 0, sizeof cache->memo);
      draw_pass (still, NL_DIAGRAM_PASS_STATIC, &cache->memo, state, compare, t_seconds, style,
                 width, height);
      cairo_destroy (still);
      cache->state = nl_diagram_state_copy (state);
      cache->compare = compare != NULL ? nl_diagram_state_copy (compare) : NULL;
      cache->style = *style;
      cache->width = width;
      cache->height = height;
      cache->matrix = matrix;
      cache->redraws++;
    }

  /* The layer is opaque (it has the background): a plain copy. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, cache->still, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  draw_pass (cr, NL_DIAGRAM_PASS_DYNAMIC, &cache->memo, state, compare, t_seconds, style, width, height);
}

guint
_nl_diagram_cache_get_redraws (NlDiagramCache *cache)
{
  return cache->redraws;
}
