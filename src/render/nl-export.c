/* nl-export.c — PNG, SVG and PDF files around the same drawing functions
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nl-export.h"

typedef struct {
  GOutputStream *stream;
  GError        *error;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Closing a replace stream normally would put the half-written file in
 * place; closing it cancelled keeps the original. */
static void
abandon_stream (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancel = g_cancellable_new ();

  g_cancellable_cancel (cancel);
  g_output_stream_close (stream, cancel, NULL);
}

gboolean
nl_export_format_from_string (const char     *str,
                              NlExportFormat *out)
{
  if (g_strcmp0 (str, "png") == 0)
    *out = NL_EXPORT_PNG;
  else if (g_strcmp0 (str, "svg") == 0)
    *out = NL_EXPORT_SVG;
  else if (g_strcmp0 (str, "pdf") == 0)
    *out = NL_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

gboolean
nl_export_format_from_path (const char     *path,
                            NlExportFormat *out)
{
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;
  g_autofree char *ext = NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  ext = g_ascii_strdown (dot + 1, -1);
  return nl_export_format_from_string (ext, out);
}

gboolean
nl_export_format_for_file (GFile           *file,
                           NlExportFormat  *out,
                           GError         **error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (nl_export_format_from_path (name, out))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” does not end in .png, .svg or .pdf"), name);
  return FALSE;
}

gboolean
nl_export_figure (GFile             *file,
                  NlExportFormat     format,
                  int                width,
                  int                height,
                  double             scale,
                  double             t,
                  const char        *title,
                  NlExportDrawFunc   draw,
                  gpointer           user_data,
                  GError           **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *name = NULL;
  Sink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);

  name = g_file_get_parse_name (file);
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384 || !(scale > 0 && scale <= 8)
      || width * scale > 32767 || height * scale > 32767)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot write %s: a figure of %d × %d at scale %g is not possible"),
                   name, width, height, scale);
      return FALSE;
    }

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  sink.stream = G_OUTPUT_STREAM (out);

  switch (format)
    {
    case NL_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_cb, &sink, width, height);
      break;
    case NL_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Neurolift");
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      break;
    case NL_EXPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale),
                                            (int) (height * scale));
      break;
    }

  cr = cairo_create (surface);
  if (format == NL_EXPORT_PNG)
    cairo_scale (cr, scale, scale);
  draw (cr, width, height, t, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == NL_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, &sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_prefixed_error (error, sink.error, _("Cannot write %s: "), name);
      abandon_stream (G_OUTPUT_STREAM (out));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write %s: %s"), name,
                   cairo_status_to_string (status));
      abandon_stream (G_OUTPUT_STREAM (out));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

gboolean
nl_export_frames (GFile             *dir,
                  guint              n_frames,
                  double             fps,
                  int                width,
                  int                height,
                  double             scale,
                  NlExportDrawFunc   draw,
                  gpointer           user_data,
                  GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (fps > 0, FALSE);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < n_frames; i++)
    {
      g_autofree char *name = g_strdup_printf ("frame-%04u.png", i);
      g_autoptr(GFile) file = g_file_get_child (dir, name);

      if (!nl_export_figure (file, NL_EXPORT_PNG, width, height, scale, i / fps, NULL,
                             draw, user_data, error))
        return FALSE;
    }
  return TRUE;
}
