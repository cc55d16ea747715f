/* nl-source-location.h — finding elements and attributes in the source text
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 records only the line of an element.  To say "file:line:column"
 * precisely, the reader looks the element's start tag (and an attribute
 * inside it) up in the original text, walking forward in document order.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *text;
  gsize       length;
  gsize       cursor;   /* byte offset after which the next element starts */
  gsize       memo_offset;  /* the last offset located, and where it is */
  guint       memo_line;
  guint       memo_column;
} NlSourceText;

typedef struct {
  guint line;     /* 1-based */
  guint column;   /* 1-based, in characters */
} NlLocation;

void       _nl_source_text_init        (NlSourceText *src,
                                        const char   *text,
                                        gsize         length);
/* Finds the next start tag "<@qname" at or after the cursor and moves the
 * cursor past it.  Returns its byte offset, or -1. */
gssize     _nl_source_text_next_tag    (NlSourceText *src,
                                        const char   *qname);
/* Finds attribute @name inside the start tag at @tag_offset; returns its
 * byte offset or @tag_offset when it is not there. */
gsize      _nl_source_text_find_attr   (NlSourceText *src,
                                        gsize         tag_offset,
                                        const char   *name);
NlLocation _nl_source_text_location    (NlSourceText *src,
                                        gsize         offset);

G_END_DECLS
