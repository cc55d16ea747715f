/* nl-layout-record.h — the rectangles a figure laid out, for overlap checks
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attach a record to a cairo_t before drawing and every figure function
 * appends the boxes it computed (panels, text extents, shapes) in user
 * coordinates.  Tests use it to prove that no label collides with another
 * label or with a drawn structure at any canvas size.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double x;
  double y;
  double width;
  double height;
} NlRect;

typedef enum {
  NL_ELEMENT_PANEL,   /* a container; panels may nest but not cross */
  NL_ELEMENT_TEXT,    /* the logical extents of laid-out text */
  NL_ELEMENT_SHAPE,   /* a drawn structure that text must not cover */
} NlElementKind;

typedef struct {
  NlElementKind kind;
  NlRect        rect;
  char         *name;
  gboolean      cut;    /* text that did not fit and was ellipsized */
} NlLayoutElement;

typedef struct _NlLayoutRecord NlLayoutRecord;

NlLayoutRecord        *nl_layout_record_new       (void);
void                   nl_layout_record_free      (NlLayoutRecord *self);
void                   nl_layout_record_attach    (NlLayoutRecord *self,
                                                   cairo_t        *cr);
NlLayoutRecord        *nl_layout_record_get       (cairo_t        *cr);
void                   nl_layout_record_add       (NlLayoutRecord *self,
                                                   NlElementKind   kind,
                                                   const NlRect   *rect,
                                                   const char     *name);
/* Marks the element added last as text that had to be cut short. */
void                   nl_layout_record_mark_cut  (NlLayoutRecord *self);
guint                  nl_layout_record_get_n     (NlLayoutRecord *self);
const NlLayoutElement *nl_layout_record_get_nth   (NlLayoutRecord *self,
                                                   guint           i);
/* Returns NULL when the layout is clean, else one line per problem: an
 * element outside the canvas, two crossing panels, text over text, text
 * over a shape or text crossing the edge of a panel. */
char                  *nl_layout_record_check     (NlLayoutRecord *self,
                                                   double          width,
                                                   double          height);

gboolean               nl_rect_intersects         (const NlRect   *a,
                                                   const NlRect   *b,
                                                   double          tolerance);
gboolean               nl_rect_contains           (const NlRect   *outer,
                                                   const NlRect   *inner,
                                                   double          tolerance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlLayoutRecord, nl_layout_record_free)

G_END_DECLS
