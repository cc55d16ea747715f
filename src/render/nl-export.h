/* nl-export.h — PNG, SVG and PDF files around the same drawing functions
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  NL_EXPORT_PNG,
  NL_EXPORT_SVG,
  NL_EXPORT_PDF,
} NlExportFormat;

/* Draws a figure of @width × @height user units; for an animation @t is
 * the time in seconds. */
typedef void (*NlExportDrawFunc) (cairo_t  *cr,
                                  int       width,
                                  int       height,
                                  double    t,
                                  gpointer  user_data);

gboolean nl_export_format_from_string (const char       *str,
                                       NlExportFormat   *out);
/* From the file name's extension (.png, .svg, .pdf; any case). */
gboolean nl_export_format_from_path   (const char       *path,
                                       NlExportFormat   *out);
/* The same for a file a person chose, with a message for them when the
 * name has none of the three extensions. */
gboolean nl_export_format_for_file    (GFile            *file,
                                       NlExportFormat   *out,
                                       GError          **error);

/* Writes one figure to @file.  A PNG has @scale device pixels per unit
 * (2 for a HiDPI export); SVG and PDF are @width × @height points.  @title
 * (may be NULL) goes into the PDF's metadata.  The file is replaced only
 * when everything was written. */
gboolean nl_export_figure             (GFile            *file,
                                       NlExportFormat    format,
                                       int               width,
                                       int               height,
                                       double            scale,
                                       double            t,
                                       const char       *title,
                                       NlExportDrawFunc  draw,
                                       gpointer          user_data,
                                       GError          **error);

/* Writes @n_frames PNG frames at @fps into @dir as frame-0000.png, … */
gboolean nl_export_frames             (GFile            *dir,
                                       guint             n_frames,
                                       double            fps,
                                       int               width,
                                       int               height,
                                       double            scale,
                                       NlExportDrawFunc  draw,
                                       gpointer          user_data,
                                       GError          **error);

G_END_DECLS
