/* nl-render-text.c — text and shape helpers shared by the figure files
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nl-glyph-warm.h"
#include "nl-render-private.h"

/* Each thread keeps one Pango context and the layouts it has shaped.
 * Labels repeat from frame to frame and figure to figure, and shaping is
 * most of the cost of text; a layout never changes once made, so handing
 * out references to cached ones is safe. */
#define TEXT_CACHE_MAX 4096

typedef struct {
  PangoContext *context;
  GHashTable   *layouts;   /* LayoutKey → PangoLayout */
} TextCache;

/* What makes a layout: sizes in 1/10000 of a unit, as they are compared. */
typedef struct {
  int     role;
  int     markup;
  int     align;
  gint64  size;
  gint64  max_width;
  gint64  max_height;
  char   *family;
  char   *text;
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *k = data;
  guint h = g_str_hash (k->text);

  h = h * 31 + g_str_hash (k->family);
  h = h * 31 + (guint) (k->role | k->markup << 4 | k->align << 5);
  h = h * 31 + (guint) k->size;
  h = h * 31 + (guint) k->max_width;
  return h * 31 + (guint) k->max_height;
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a, *y = b;

  return x->role == y->role && x->markup == y->markup && x->align == y->align
         && x->size == y->size && x->max_width == y->max_width && x->max_height == y->max_height
         && strcmp (x->text, y->text) == 0 && strcmp (x->family, y->family) == 0;
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *k = data;

  g_free (k->family);
  g_free (k->text);
  g_free (k);
}

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_clear_pointer (&cache->layouts, g_hash_table_unref);
  g_clear_object (&cache->context);
  g_free (cache);
}

static GPrivate text_cache = G_PRIVATE_INIT (text_cache_free);

static TextCache *
text_cache_get (void)
{
  TextCache *cache = g_private_get (&text_cache);

  if (cache == NULL)
    {
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      cairo_font_options_t *options = cairo_font_options_create ();

      cache = g_new0 (TextCache, 1);
      cache->context = pango_font_map_create_context (map);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (cache->context, options);
      cairo_font_options_destroy (options);
      cache->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free,
                                              g_object_unref);
      g_private_set (&text_cache, cache);
    }
  return cache;
}

void
_nl_text_kit_init (NlTextKit           *kit,
                   cairo_t             *cr,
                   const NlRenderStyle *style,
                   double               size)
{
  TextCache *cache = text_cache_get ();

  kit->context = g_object_ref (cache->context);
  kit->layouts = g_hash_table_ref (cache->layouts);
  kit->style = style;
  kit->size = size;
  kit->record = cr != NULL ? nl_layout_record_get (cr) : NULL;
  kit->markup = FALSE;
}

void
_nl_text_kit_clear (NlTextKit *kit)
{
  g_clear_object (&kit->context);
  g_clear_pointer (&kit->layouts, g_hash_table_unref);
}

double
_nl_text_role_size (NlTextKit  *kit,
                    NlTextRole  role)
{
  switch (role)
    {
    case NL_TEXT_SMALL:
      return kit->size * 0.86;
    case NL_TEXT_HEADING:
      return kit->size * 1.1;
    case NL_TEXT_TITLE:
      return kit->size * 1.4;
    case NL_TEXT_BODY:
    default:
      return kit->size;
    }
}

/* Text wraps between words only: a word split across lines ("Periph-" /
 * "eral nerve") reads as a slip on a projected diagram.  Text with a word
 * wider than its box is drawn smaller instead, in steps of 5 % down to 80 %
 * of its role's size (steps, so a label does not change size with every
 * pixel of a resized window).  Text whose word is too wide even then keeps
 * its size, like its neighbours, and is cut at that word with an ellipsis,
 * which the layout record reports: smaller text is worth it only where it
 * makes a label whole. */
#define TEXT_SHRINK_STEP_PCT  5
#define TEXT_SHRINK_FLOOR_PCT 80

static PangoLayout *
text_layout_new (NlTextKit      *kit,
                 NlTextRole      role,
                 const char     *text,
                 double          size,
                 double          max_width,
                 PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (kit->context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, kit->style->font_family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (role == NL_TEXT_HEADING || role == NL_TEXT_TITLE)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (kit->markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, align);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) floor (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
    }
  return layout;
}

/* Whether @layout (wrapped between words only) has a line that starts
 * with a word wider than the layout, which shrinking the text could show
 * whole.  With an ellipsis at @height (Pango units, ≤ 0: none) the lines
 * it hides do not count, nor does the ellipsized line, which is cut
 * anyway, unless it is the text's last line and so needs no ellipsis if
 * it fits.  Gives the width of the widest line that counts and the bottom
 * of the first, in Pango units. */
static gboolean
text_overflows (PangoLayout *layout,
                int          height,
                int         *widest,
                int         *first_bottom)
{
  int width = pango_layout_get_width (layout);
  PangoLayoutIter *iter;
  gboolean found = FALSE, last = FALSE;

  *widest = 0;
  *first_bottom = 0;
  if (width < 0)
    return FALSE;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      /* Pango makes a line the last, ellipsized one when less than two
       * lines' height is left below its top. */
      last = height > 0 && 2 * logical.height > height - logical.y;
      if (logical.width > width && (!last || pango_layout_iter_at_last_line (iter)))
        {
          *widest = MAX (*widest, logical.width);
          if (!found)
            *first_bottom = logical.y + logical.height + logical.height / 2;
          found = TRUE;
        }
    }
  while (!last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return found;
}

/* A layout of @text at @size wrapped between words at @max_width, made
 * smaller or cut where a word does not fit (see above), and cut with an
 * ellipsis at @max_height. */
static PangoLayout *
text_layout_fitted (NlTextKit      *kit,
                    NlTextRole      role,
                    const char     *text,
                    double          size,
                    double          max_width,
                    double          max_height,
                    PangoAlignment  align)
{
  PangoLayout *layout = text_layout_new (kit, role, text, size, max_width, align);
  int widest, bottom, height = max_height > 0 ? (int) floor (max_height * PANGO_SCALE) : -1;
  gboolean cut = FALSE;

  if (text_overflows (layout, height, &widest, &bottom))
    {
      /* From the largest step at which the widest word could fit down to
       * the floor, the first at which every word does. */
      int pct = (int) floor (100.0 * pango_layout_get_width (layout) / widest
                             / TEXT_SHRINK_STEP_PCT + 1e-6) * TEXT_SHRINK_STEP_PCT;
      gboolean fitted = FALSE;

      for (pct = MIN (pct, 100 - TEXT_SHRINK_STEP_PCT); !fitted && pct >= TEXT_SHRINK_FLOOR_PCT;
           pct -= TEXT_SHRINK_STEP_PCT)
        {
          PangoLayout *smaller = text_layout_new (kit, role, text, size * pct / 100.0, max_width, align);
          int smaller_widest, smaller_bottom;

          fitted = !text_overflows (smaller, height, &smaller_widest, &smaller_bottom);
          if (fitted)
            g_set_object (&layout, smaller);
          g_object_unref (smaller);
        }
      /* Too wide even at the floor: the lines before the word stay and
       * the word's line is the last, ending in an ellipsis. */
      cut = !fitted;
      if (cut)
        height = height > 0 ? MIN (height, bottom) : bottom;
    }
  /* Text that fits the height as it is needs no ellipsis, and Pango need
   * not lay it out a second time. */
  if (!cut && height > 0)
    {
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      if (logical.height <= height)
        height = -1;
    }
  /* In this order: Pango lays a measured layout out again when the height
   * changes with an ellipsis set, but not when the ellipsis is set on a
   * layout of one unwrapped line. */
  if (height > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, height);
    }
  return layout;
}

PangoLayout *
_nl_text_layout (NlTextKit      *kit,
                 NlTextRole      role,
                 const char     *text,
                 double          max_width,
                 double          max_height,
                 PangoAlignment  align)
{
  double size = _nl_text_role_size (kit, role);
  LayoutKey key = {
    role, kit->markup, align, llround (size * 1e4), llround (max_width * 1e4),
    llround (max_height * 1e4), (char *) kit->style->font_family, (char *) text,
  };
  PangoLayout *layout = g_hash_table_lookup (kit->layouts, &key);
  LayoutKey *owned;

  if (layout != NULL)
    return g_object_ref (layout);

  layout = text_layout_fitted (kit, role, text, size, max_width, max_height, align);

  /* Shape it now, once, while it is only ours. */
  pango_layout_get_extents (layout, NULL, NULL);
  if (g_hash_table_size (kit->layouts) >= TEXT_CACHE_MAX)
    g_hash_table_remove_all (kit->layouts);
  owned = g_memdup2 (&key, sizeof key);
  owned->family = g_strdup (key.family);
  owned->text = g_strdup (key.text);
  g_hash_table_insert (kit->layouts, owned, g_object_ref (layout));
  return layout;
}

NlRect
_nl_text_extents (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (NlRect) { (double) logical.x / PANGO_SCALE, (double) logical.y / PANGO_SCALE,
                    (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE };
}

double
_nl_text_line_height (NlTextKit  *kit,
                      NlTextRole  role)
{
  g_autoptr(PangoLayout) layout = _nl_text_layout (kit, role, "Hg", -1, -1, PANGO_ALIGN_LEFT);

  return _nl_text_extents (layout).height;
}

void
_nl_record (NlTextKit     *kit,
            NlElementKind  kind,
            const NlRect  *rect,
            const char    *name)
{
  if (kit->record != NULL)
    nl_layout_record_add (kit->record, kind, rect, name);
}

NlRect
_nl_text_show (NlTextKit    *kit,
               cairo_t      *cr,
               PangoLayout  *layout,
               double        x,
               double        y,
               const NlRgba *colour,
               const char   *name)
{
  NlRect extents = _nl_text_extents (layout);
  NlRect placed = { x + extents.x, y + extents.y, extents.width, extents.height };

  _nl_set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  /* Drop the current point, or the next arc would start with a line from here. */
  cairo_new_path (cr);
  _nl_record (kit, NL_ELEMENT_TEXT, &placed, name);
  if (kit->record != NULL && pango_layout_is_ellipsized (layout))
    nl_layout_record_mark_cut (kit->record);
  return placed;
}

/* How Pango aligns the lines of a box's text placed at @xalign. */
static PangoAlignment
box_alignment (double xalign)
{
  return xalign < 0.25 ? PANGO_ALIGN_LEFT : xalign > 0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
}

NlRect
_nl_text_draw_in_box (NlTextKit    *kit,
                      cairo_t      *cr,
                      NlTextRole    role,
                      const char   *text,
                      const NlRect *box,
                      double        xalign,
                      double        yalign,
                      const NlRgba *colour,
                      const char   *name)
{
  PangoAlignment align = box_alignment (xalign);
  g_autoptr(PangoLayout) layout = NULL;
  NlRect extents;
  double x, y;

  if (box->width <= 1 || box->height <= 1)
    return (NlRect) { box->x, box->y, 0, 0 };

  layout = _nl_text_layout (kit, role, text, box->width, box->height, align);
  extents = _nl_text_extents (layout);

  /* A single line that still does not fit is cut at its end. */
  if (extents.height > box->height + 0.01)
    return (NlRect) { box->x, box->y, 0, 0 };

  /* With a set width Pango aligns inside it; only the vertical place is ours. */
  x = box->x;
  y = box->y + (box->height - extents.height) * yalign - extents.y;
  return _nl_text_show (kit, cr, layout, x, y, colour, name);
}

NlRect
_nl_text_draw_first_fitting (NlTextKit          *kit,
                             cairo_t            *cr,
                             NlTextRole          role,
                             const char * const *texts,
                             const NlRect       *box,
                             double              xalign,
                             double              yalign,
                             const NlRgba       *colour,
                             const char         *name)
{
  PangoAlignment align = box_alignment (xalign);
  guint i;

  g_return_val_if_fail (texts != NULL && texts[0] != NULL, ((NlRect) { box->x, box->y, 0, 0 }));

  for (i = 0; texts[i + 1] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      if (box->width <= 1 || box->height <= 1)
        break;
      layout = _nl_text_layout (kit, role, texts[i], box->width, box->height, align);
      if (!pango_layout_is_ellipsized (layout) && _nl_text_extents (layout).height <= box->height + 0.01)
        break;
    }
  return _nl_text_draw_in_box (kit, cr, role, texts[i], box, xalign, yalign, colour, name);
}

NlRect
_nl_text_draw_markup_in_box (NlTextKit    *kit,
                             cairo_t      *cr,
                             NlTextRole    role,
                             const char   *markup,
                             const NlRect *box,
                             double        xalign,
                             double        yalign,
                             const NlRgba *colour,
                             const char   *name)
{
  NlRect rect;

  kit->markup = TRUE;
  rect = _nl_text_draw_in_box (kit, cr, role, markup, box, xalign, yalign, colour, name);
  kit->markup = FALSE;
  return rect;
}

void
_nl_set_colour (cairo_t      *cr,
                const NlRgba *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

void
_nl_set_colour_alpha (cairo_t      *cr,
                      const NlRgba *colour,
                      double        alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

NlRgba
_nl_colour_over (const NlRgba *colour,
                 double        alpha,
                 const NlRgba *under)
{
  double a = CLAMP (colour->alpha * alpha, 0, 1);

  return (NlRgba) { under->red + (colour->red - under->red) * a,
                    under->green + (colour->green - under->green) * a,
                    under->blue + (colour->blue - under->blue) * a, under->alpha };
}

void
_nl_set_colour_over (cairo_t      *cr,
                     const NlRgba *colour,
                     double        alpha,
                     const NlRgba *under)
{
  NlRgba mixed = _nl_colour_over (colour, alpha, under);

  _nl_set_colour (cr, &mixed);
}

void
_nl_fill_under_outline (cairo_t *cr)
{
  cairo_antialias_t antialias = cairo_get_antialias (cr);

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_fill_preserve (cr);
  cairo_set_antialias (cr, antialias);
}

void
_nl_rounded_rect (cairo_t      *cr,
                  const NlRect *r,
                  double        radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

double
_nl_snap (double v,
          double scale_factor)
{
  if (scale_factor <= 0)
    scale_factor = 1;
  return (floor (v * scale_factor) + 0.5) / scale_factor;
}

NlRect
_nl_rect_inset (const NlRect *rect,
                double        dx,
                double        dy)
{
  return (NlRect) { rect->x + dx, rect->y + dy,
                    MAX (0, rect->width - 2 * dx), MAX (0, rect->height - 2 * dy) };
}

void
_nl_text_warm (NlTextKit  *kit,
               const char *sample)
{
  static const NlTextRole roles[] = { NL_TEXT_SMALL, NL_TEXT_BODY, NL_TEXT_HEADING, NL_TEXT_TITLE };
  /* At the scale the figure is shown at. */
  cairo_t *cr = nl_glyph_warm_context_new (kit->style->scale_factor);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    for (int bold = 0; bold < (roles[i] == NL_TEXT_BODY ? 2 : 1); bold++)
      {
        g_autoptr(PangoLayout) layout = text_layout_new (kit, roles[i], sample,
                                                         _nl_text_role_size (kit, roles[i]),
                                                         NL_GLYPH_WARM_WIDTH, PANGO_ALIGN_LEFT);

        if (bold)
          {
            g_autoptr(PangoFontDescription) desc =
              pango_font_description_copy (pango_layout_get_font_description (layout));

            pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
            pango_layout_set_font_description (layout, desc);
          }
        pango_cairo_show_layout (cr, layout);
      }
  cairo_destroy (cr);
}
