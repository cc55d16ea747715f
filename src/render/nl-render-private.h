/* nl-render-private.h — text and shape helpers shared by the figure files
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "nl-layout-record.h"
#include "nl-render-style.h"

G_BEGIN_DECLS

typedef enum {
  NL_TEXT_SMALL,
  NL_TEXT_BODY,
  NL_TEXT_HEADING,
  NL_TEXT_TITLE,
} NlTextRole;

/* Text for one figure.  Metrics are unhinted so a layout measures the same
 * at every scale factor, which keeps HiDPI output and hit-testing in step
 * with the 1× layout.  Layouts are shared through a per-thread cache. */
typedef struct {
  PangoContext        *context;
  GHashTable          *layouts;
  const NlRenderStyle *style;
  double               size;      /* body text size, user units */
  NlLayoutRecord      *record;    /* NULL unless a test attached one */
  gboolean             markup;    /* set while laying out markup */
} NlTextKit;

void         _nl_text_kit_init      (NlTextKit           *kit,
                                     cairo_t             *cr,
                                     const NlRenderStyle *style,
                                     double               size);
void         _nl_text_kit_clear     (NlTextKit           *kit);
double       _nl_text_role_size     (NlTextKit           *kit,
                                     NlTextRole           role);

/* Loads the fonts of every role (and of bold body text, which markup
 * asks for) on the calling thread's default font map, and draws @sample
 * in each once, so that their glyphs are measured and rasterized: text
 * drawn later with the same font map, on any thread, finds them ready. */
void         _nl_text_warm          (NlTextKit           *kit,
                                     const char          *sample);

/* A layout of @text, wrapped between words at @max_width (≤ 0: no
 * wrapping) and cut with an ellipsis at @max_height (≤ 0: no limit).  Text
 * with a word wider than @max_width is laid out up to 20 % smaller than
 * @role's size where that makes the word fit, else cut with an ellipsis at
 * that word; a word is never split across lines. */
PangoLayout *_nl_text_layout        (NlTextKit           *kit,
                                     NlTextRole           role,
                                     const char          *text,
                                     double               max_width,
                                     double               max_height,
                                     PangoAlignment       align);
/* The logical extents of @layout relative to its origin. */
NlRect       _nl_text_extents       (PangoLayout         *layout);
/* Shows @layout with its origin at (@x, @y) and records its extents. */
NlRect       _nl_text_show          (NlTextKit           *kit,
                                     cairo_t             *cr,
                                     PangoLayout         *layout,
                                     double               x,
                                     double               y,
                                     const NlRgba        *colour,
                                     const char          *name);
/* Lays out @text inside @box (wrapping, ellipsis at the bottom), places it
 * by @xalign/@yalign (0 = left/top … 1 = right/bottom), shows it and
 * returns the rectangle it took. */
NlRect       _nl_text_draw_in_box   (NlTextKit           *kit,
                                     cairo_t             *cr,
                                     NlTextRole           role,
                                     const char          *text,
                                     const NlRect        *box,
                                     double               xalign,
                                     double               yalign,
                                     const NlRgba        *colour,
                                     const char          *name);
/* As _nl_text_draw_in_box() with the first of @texts (NULL-terminated,
 * longest first: a label and its shorter forms) that the box shows whole,
 * or else the last, cut at its end. */
NlRect       _nl_text_draw_first_fitting (NlTextKit          *kit,
                                          cairo_t            *cr,
                                          NlTextRole          role,
                                          const char * const *texts,
                                          const NlRect       *box,
                                          double              xalign,
                                          double              yalign,
                                          const NlRgba       *colour,
                                          const char         *name);
/* The same with Pango markup (for our own strings only: bold lead-ins). */
NlRect       _nl_text_draw_markup_in_box (NlTextKit      *kit,
                                     cairo_t             *cr,
                                     NlTextRole           role,
                                     const char          *markup,
                                     const NlRect        *box,
                                     double               xalign,
                                     double               yalign,
                                     const NlRgba        *colour,
                                     const char          *name);
/* Height of one line of @role text. */
double       _nl_text_line_height   (NlTextKit           *kit,
                                     NlTextRole           role);

void         _nl_set_colour         (cairo_t             *cr,
                                     const NlRgba        *colour);
void         _nl_set_colour_alpha   (cairo_t             *cr,
                                     const NlRgba        *colour,
                                     double               alpha);
/* Sets @colour at @alpha as it looks over the opaque @under, as an opaque
 * colour.  Where a shape lies on one known colour this draws the same
 * pixels as the translucent colour, and cairo's image backend fills an
 * opaque colour several times faster. */
NlRgba       _nl_colour_over        (const NlRgba        *colour,
                                     double               alpha,
                                     const NlRgba        *under);
void         _nl_set_colour_over    (cairo_t             *cr,
                                     const NlRgba        *colour,
                                     double               alpha,
                                     const NlRgba        *under);
/* Fills the current path and keeps it, without antialiasing: only for a
 * shape whose outline (one device pixel wide or more) is stroked next,
 * which covers the fill's edge.  cairo fills that way several times
 * faster, and the figure looks the same. */
void         _nl_fill_under_outline (cairo_t             *cr);
void         _nl_rounded_rect       (cairo_t             *cr,
                                     const NlRect        *rect,
                                     double               radius);
/* Coordinate of a crisp one-device-pixel line near @v. */
double       _nl_snap               (double               v,
                                     double               scale_factor);
void         _nl_record             (NlTextKit           *kit,
                                     NlElementKind        kind,
                                     const NlRect        *rect,
                                     const char          *name);
NlRect       _nl_rect_inset         (const NlRect        *rect,
                                     double               dx,
                                     double               dy);

G_END_DECLS
