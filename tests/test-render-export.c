/* test-render-export.c — PNG, SVG and PDF files and animation frames
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "nl-export.h"
#include "nl-signal-diagram.h"
#include "nl-trend-plot.h"
#include "test-render-fixtures.h"

typedef struct {
  NlRenderStyle   style;
  NlDiagramState *state;
  NlPlot         *plot;
} Figures;

static void
draw_diagram (cairo_t  *cr,
              int       width,
              int       height,
              double    t,
              gpointer  user_data)
{
  Figures *f = user_data;

  nl_signal_diagram_draw (cr, f->state, t, &f->style, width, height);
}

static void
draw_plot (cairo_t  *cr,
           int       width,
           int       height,
           double    t,
           gpointer  user_data)
{
  Figures *f = user_data;

  nl_trend_plot_draw (cr, f->plot, &f->style, width, height);
}

static void
figures_init (Figures *f)
{
  nl_render_style_init (&f->style, NL_THEME_LIGHT);
  nl_render_style_set_font (&f->style, "DejaVu Sans", 11);
  f->state = fixture_diagram_state (TRUE);
  f->plot = fixture_plot (120);
}

static void
figures_clear (Figures *f)
{
  nl_diagram_state_free (f->state);
  nl_plot_free (f->plot);
}

static char *
tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("nl-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static char *
read_all (const char *path,
          gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

/* Binary-safe: a PDF holds NUL bytes, so g_strstr_len would stop early. */
static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
export (Figures          *f,
        const char       *path,
        NlExportFormat    format,
        int               w,
        int               h,
        double            scale,
        NlExportDrawFunc  draw)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (nl_export_figure (file, format, w, h, scale, 0.8, "Neurolift figure", draw, f, &error));
  g_assert_no_error (error);
}

static void
test_png (void)
{
  Figures f;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "diagram.png", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *png;
  gsize length;

  figures_init (&f);
  /* A HiDPI export: 640 × 400 units at scale 2. */
  export (&f, path, NL_EXPORT_PNG, 640, 400, 2.0, draw_diagram);
  contents = read_all (path, &length);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpint (memcmp (contents, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 800);
  cairo_surface_destroy (png);
  figures_clear (&f);
  remove_tree (dir);
}

static guint
count_elements (xmlNode    *node,
                const char *name)
{
  guint n = 0;

  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0)
        n++;
      n += count_elements (node->children, name);
    }
  return n;
}

static void
test_svg (void)
{
  Figures f;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "plot.svg", NULL);
  xmlDoc *doc;
  xmlNode *root;
  xmlChar *width;

  figures_init (&f);
  export (&f, path, NL_EXPORT_SVG, 800, 450, 1.0, draw_plot);
  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  width = xmlGetProp (root, (const xmlChar *) "width");
  g_assert_cmpstr ((const char *) width, ==, "800pt");
  xmlFree (width);
  /* Cairo writes text as glyph symbols used in place: one use per glyph
   * drawn, so a plot with a title, legend and ticks has many. */
  g_assert_cmpuint (count_elements (root, "symbol"), >, 20);
  g_assert_cmpuint (count_elements (root, "use"), >, 100);
  /* The series are paths. */
  g_assert_cmpuint (count_elements (root, "path"), >, 10);
  xmlFreeDoc (doc);
  figures_clear (&f);
  remove_tree (dir);
}

static void
test_pdf (void)
{
  Figures f;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "diagram.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize length;

  figures_init (&f);
  export (&f, path, NL_EXPORT_PDF, 960, 540, 1.0, draw_diagram);
  contents = read_all (path, &length);
  g_assert_cmpint (memcmp (contents, "%PDF-", 5), ==, 0);
  g_assert_true (contains (contents, length, "(Neurolift figure)"));
  g_assert_true (contains (contents, length, "(Neurolift)"));
  /* Embedded fonts with a Unicode map: the text is real, selectable text. */
  g_assert_true (contains (contents, length, "/FontFile"));
  g_assert_true (contains (contents, length, "/ToUnicode"));

  /* Where poppler's pdftotext is installed, read the words back. */
  if (pdftotext != NULL)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;
      const char *argv[] = { pdftotext, "-q", path, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &text, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "Corticospinal tract"));
      g_assert_nonnull (strstr (text, "Myokines and BDNF"));
      g_assert_nonnull (strstr (text, "not released into the blood"));
    }
  else
    g_test_message ("pdftotext not installed: checked the PDF's fonts and metadata only");
  figures_clear (&f);
  remove_tree (dir);
}

static void
test_frames (void)
{
  Figures f;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *frames = g_build_filename (dir, "frames", NULL);
  g_autoptr(GFile) frames_dir = g_file_new_for_path (frames);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize la, lb;

  figures_init (&f);
  g_assert_true (nl_export_frames (frames_dir, 3, 5.0, 640, 400, 1.0, draw_diagram, &f, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("frame-%04u.png", i);
      g_autofree char *path = g_build_filename (frames, name, NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  {
    g_autofree char *p0 = g_build_filename (frames, "frame-0000.png", NULL);
    g_autofree char *p2 = g_build_filename (frames, "frame-0002.png", NULL);
    a = read_all (p0, &la);
    b = read_all (p2, &lb);
    /* 0.4 s apart: the animation moved. */
    g_assert_true (la != lb || memcmp (a, b, la) != 0);
  }
  figures_clear (&f);
  remove_tree (dir);
}

static void
test_errors (void)
{
  Figures f;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "keep.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir", "x.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  NlExportFormat format;

  figures_init (&f);
  g_assert_true (g_file_set_contents (path, "original", -1, NULL));

  /* Impossible sizes are refused and the old file stays. */
  g_assert_false (nl_export_figure (file, NL_EXPORT_PNG, 0, 100, 1.0, 0, NULL, draw_plot, &f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (nl_export_figure (file, NL_EXPORT_PNG, 20000, 100, 1.0, 0, NULL, draw_plot, &f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "original");

  /* A folder that does not exist. */
  g_assert_false (nl_export_figure (nowhere, NL_EXPORT_PDF, 100, 100, 1.0, 0, NULL, draw_plot, &f, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (nl_export_format_from_path ("a/b/figure.PDF", &format));
  g_assert_cmpint (format, ==, NL_EXPORT_PDF);
  g_assert_true (nl_export_format_from_path ("x.svg", &format));
  g_assert_cmpint (format, ==, NL_EXPORT_SVG);
  g_assert_false (nl_export_format_from_path ("x.jpeg", &format));
  g_assert_false (nl_export_format_from_path ("dir.png/file", &format));
  g_assert_false (nl_export_format_from_string ("PNG", &format));
  figures_clear (&f);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export/png", test_png);
  g_test_add_func ("/render/export/svg", test_svg);
  g_test_add_func ("/render/export/pdf", test_pdf);
  g_test_add_func ("/render/export/frames", test_frames);
  g_test_add_func ("/render/export/errors", test_errors);

  return g_test_run ();
}
