/* test-render-text.c — labels wrap between words, never inside one
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every text layout a figure makes goes through the per-thread layout
 * cache of nl-render-text.c.  These tests empty that cache, draw a figure
 * on a small canvas and then read back every layout it shaped: each line
 * must start where Pango's line-breaking rules (UAX #14) allow a break,
 * so no word is split ("Periph-" / "eral nerve"), and no line may be wider
 * than the width it was laid out in.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nl-glyph-warm.h"
#include "nl-layout-record.h"
#include "nl-render-private.h"
#include "nl-signal-diagram.h"
#include "nl-trend-plot.h"
#include "test-render-fixtures.h"

/* Small canvases, where boxes are narrow and single words overflow. */
static const int small_sizes[][2] = {
  { 480, 300 }, { 560, 340 }, { 640, 360 }, { 640, 400 }, { 800, 450 }, { 1024, 576 },
};

typedef struct {
  guint wrapped;    /* layouts with a width, so wrapped */
  guint broken;     /* … with a line that starts inside a word */
  guint overflow;   /* … with a line wider than that width */
} Tally;

/* The per-thread layout cache that every figure function on this thread
 * fills. */
static GHashTable *
layout_cache (void)
{
  NlRenderStyle style;
  NlTextKit kit;
  GHashTable *layouts;

  nl_render_style_init (&style, NL_THEME_LIGHT);
  _nl_text_kit_init (&kit, NULL, &style, 10);
  layouts = kit.layouts;   /* the thread keeps its own reference */
  _nl_text_kit_clear (&kit);
  return layouts;
}

/* Whether @layout has a line that starts where no line break is allowed,
 * that is inside a word. */
static gboolean
layout_breaks_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  int n_attrs;
  gboolean broken = FALSE;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong offset;

      if (line->start_index == 0)
        continue;
      offset = g_utf8_pointer_to_offset (text, text + line->start_index);
      g_assert_cmpint (offset, <, n_attrs);
      if (!attrs[offset].is_line_break && !attrs[offset].is_mandatory_break)
        broken = TRUE;
    }
  return broken;
}

/* Whether a line of @layout is wider than the width it was laid out in. */
static gboolean
layout_overflows (PangoLayout *layout)
{
  int width = pango_layout_get_width (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (l->data, NULL, &logical);
      /* Half a unit of slack for rounding. */
      if (logical.width > width + PANGO_SCALE / 2)
        return TRUE;
    }
  return FALSE;
}

static void
tally_cache (Tally      *tally,
             const char *what)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, layout_cache ());
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PangoLayout *layout = value;

      if (pango_layout_get_width (layout) < 0)
        continue;
      tally->wrapped++;
      if (layout_breaks_word (layout))
        {
          tally->broken++;
          g_test_message ("%s: “%s” breaks inside a word", what, pango_layout_get_text (layout));
        }
      if (layout_overflows (layout))
        {
          tally->overflow++;
          g_test_message ("%s: “%s” is wider than its box", what, pango_layout_get_text (layout));
        }
    }
}

static void
draw_figure (FixtureFigure        figure,
             const NlRenderStyle *style,
             int                  width,
             int                  height)
{
  g_autoptr(NlDiagramState) before = fixture_diagram_state (FALSE);
  g_autoptr(NlDiagramState) after = fixture_diagram_state (TRUE);
  g_autoptr(NlPlot) plot = fixture_plot (365);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  /* Long names, as a full-body programme has them. */
  nl_diagram_state_set_labels (before, "Week 1, day 1", "Latissimus dorsi", "Deltoid");
  nl_diagram_state_set_labels (after, "Week 12, day 7", "Latissimus dorsi", "Deltoid");
  fixture_draw_figure (cr, figure, before, after, plot, style, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Every figure at every small size, at desktop and presentation text
 * scale, with text that follows the canvas and text of fixed size. */
static void
test_no_broken_words (void)
{
  Tally total = { 0 };

  for (int figure = 0; figure < N_FIXTURE_FIGURES; figure++)
    for (int presentation = 0; presentation <= 1; presentation++)
      for (int fixed = 0; fixed <= 1; fixed++)
        for (guint i = 0; i < G_N_ELEMENTS (small_sizes); i++)
          {
            int w = small_sizes[i][0], h = small_sizes[i][1];
            g_autofree char *what = g_strdup_printf ("figure %d at %d×%d, presentation %d, fixed %d",
                                                     figure, w, h, presentation, fixed);
            NlRenderStyle style;

            nl_render_style_init (&style, NL_THEME_LIGHT);
            nl_render_style_set_font (&style, "DejaVu Sans", 11);
            nl_render_style_set_presentation (&style, presentation);
            style.fixed_text_size = fixed;
            g_hash_table_remove_all (layout_cache ());
            draw_figure ((FixtureFigure) figure, &style, w, h);
            tally_cache (&total, what);
          }
  g_test_message ("%u wrapped layouts, %u broken inside a word, %u wider than their box",
                  total.wrapped, total.broken, total.overflow);
  /* The matrix must have had wrapped text to look at. */
  g_assert_cmpuint (total.wrapped, >, 100);
  g_assert_cmpuint (total.broken, ==, 0);
  g_assert_cmpuint (total.overflow, ==, 0);
}

/* A text kit at 12 units on a context with a layout record, as a figure
 * has it. */
typedef struct {
  NlRenderStyle    style;
  NlTextKit        kit;
  NlLayoutRecord  *record;
  cairo_surface_t *surface;
  cairo_t         *cr;
} Bench;

static void
bench_init (Bench *b)
{
  nl_render_style_init (&b->style, NL_THEME_LIGHT);
  nl_render_style_set_font (&b->style, "DejaVu Sans", 11);
  b->record = nl_layout_record_new ();
  b->surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  b->cr = cairo_create (b->surface);
  nl_layout_record_attach (b->record, b->cr);
  _nl_text_kit_init (&b->kit, b->cr, &b->style, 12);
}

static void
bench_clear (Bench *b)
{
  _nl_text_kit_clear (&b->kit);
  cairo_destroy (b->cr);
  cairo_surface_destroy (b->surface);
  nl_layout_record_free (b->record);
}

/* Width of @text on one line at @role's size. */
static double
natural_width (Bench      *b,
               NlTextRole  role,
               const char *text)
{
  g_autoptr(PangoLayout) layout = _nl_text_layout (&b->kit, role, text, -1, -1, PANGO_ALIGN_LEFT);

  return _nl_text_extents (layout).width;
}

/* The size @layout's text is drawn at, as a share of @role's size. */
static double
size_share (Bench       *b,
            NlTextRole   role,
            PangoLayout *layout)
{
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);

  return pango_font_description_get_size (desc) / (double) PANGO_SCALE / _nl_text_role_size (&b->kit, role);
}

static const NlLayoutElement *
last_element (Bench *b)
{
  guint n = nl_layout_record_get_n (b->record);

  g_assert_cmpuint (n, >, 0);
  return nl_layout_record_get_nth (b->record, n - 1);
}

/* Text whose words all fit is laid out exactly as before, with breaks
 * between words allowed to fall back to breaks inside one: the same size
 * and the same lines. */
static void
test_fitting_text_unchanged (void)
{
  static const char *texts[] = {
    "Peripheral nerve", "Corticospinal tract", "Motor cortex (arm area)",
    "Spinal cord: α-motoneuron pools (16 of 120 units shown)", "Latissimus dorsi (agonist)",
  };
  Bench b;

  bench_init (&b);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (double slack = 1; slack <= 40; slack += 13)
      {
        /* Just wider than the text's widest word. */
        g_auto(GStrv) words = g_strsplit (texts[i], " ", -1);
        double widest = 0, width;
        g_autoptr(PangoLayout) ours = NULL;
        g_autoptr(PangoLayout) plain = pango_layout_new (b.kit.context);
        PangoFontDescription *desc = pango_font_description_new ();
        GSList *a, *c;

        for (guint w = 0; words[w] != NULL; w++)
          widest = MAX (widest, natural_width (&b, NL_TEXT_SMALL, words[w]));
        width = widest + slack;
        ours = _nl_text_layout (&b.kit, NL_TEXT_SMALL, texts[i], width, -1, PANGO_ALIGN_CENTER);

        pango_font_description_set_family (desc, b.style.font_family);
        pango_font_description_set_absolute_size (desc, _nl_text_role_size (&b.kit, NL_TEXT_SMALL) * PANGO_SCALE);
        pango_layout_set_font_description (plain, desc);
        pango_font_description_free (desc);
        pango_layout_set_text (plain, texts[i], -1);
        pango_layout_set_alignment (plain, PANGO_ALIGN_CENTER);
        pango_layout_set_width (plain, (int) floor (width * PANGO_SCALE));
        pango_layout_set_wrap (plain, PANGO_WRAP_WORD_CHAR);

        g_assert_cmpfloat_with_epsilon (size_share (&b, NL_TEXT_SMALL, ours), 1.0, 1e-3);
        g_assert_false (pango_layout_is_ellipsized (ours));
        g_assert_cmpint (pango_layout_get_line_count (ours), ==, pango_layout_get_line_count (plain));
        for (a = pango_layout_get_lines_readonly (ours), c = pango_layout_get_lines_readonly (plain);
             a != NULL && c != NULL; a = a->next, c = c->next)
          g_assert_cmpint (((PangoLayoutLine *) a->data)->start_index, ==,
                           ((PangoLayoutLine *) c->data)->start_index);
      }
  bench_clear (&b);
}

/* A word a little wider than its box makes the text a little smaller, in
 * whole words, not cut. */
static void
test_long_word_shrinks (void)
{
  Bench b;
  double word;
  NlRect box, drawn;
  g_autoptr(PangoLayout) layout = NULL;
  const NlLayoutElement *e;
  double share;

  bench_init (&b);
  word = natural_width (&b, NL_TEXT_SMALL, "Peripheral");
  box = (NlRect) { 10, 10, word * 0.9, _nl_text_line_height (&b.kit, NL_TEXT_SMALL) * 3 };
  drawn = _nl_text_draw_in_box (&b.kit, b.cr, NL_TEXT_SMALL, "Peripheral nerve", &box, 0.5, 0.5,
                                &b.style.foreground, "nerve label");
  e = last_element (&b);
  g_assert_cmpstr (e->name, ==, "nerve label");
  g_assert_false (e->cut);
  g_assert_true (nl_rect_contains (&box, &drawn, 0.01));

  layout = _nl_text_layout (&b.kit, NL_TEXT_SMALL, "Peripheral nerve", box.width, box.height,
                            PANGO_ALIGN_CENTER);
  share = size_share (&b, NL_TEXT_SMALL, layout);
  g_test_message ("drawn at %.0f %% of the role's size", share * 100);
  g_assert_cmpfloat (share, <, 0.91);
  g_assert_cmpfloat (share, >=, 0.8);
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 2);
  g_assert_cmpint (pango_layout_get_line_readonly (layout, 1)->start_index, ==, strlen ("Peripheral "));
  g_assert_false (layout_overflows (layout));
  bench_clear (&b);
}

/* A word too wide even at 80 % is cut at its end at the role's size, the
 * lines before it kept whole; the record says so, and a layout measured
 * without a height limit agrees with the one drawn. */
static void
test_too_long_word_cut (void)
{
  const char *text = "Spinal electromyostimulation";
  Bench b;
  double line_h;
  NlRect box, drawn;
  g_autoptr(PangoLayout) measured = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  const NlLayoutElement *e;

  bench_init (&b);
  line_h = _nl_text_line_height (&b.kit, NL_TEXT_SMALL);
  box = (NlRect) { 10, 10, natural_width (&b, NL_TEXT_SMALL, "Spinal") * 1.2, line_h * 4 };
  g_assert_cmpfloat (natural_width (&b, NL_TEXT_SMALL, "electromyostimulation") * 0.8, >, box.width);
  drawn = _nl_text_draw_in_box (&b.kit, b.cr, NL_TEXT_SMALL, text, &box, 0, 0, &b.style.foreground,
                                "cut label");
  e = last_element (&b);
  g_assert_true (e->cut);
  g_assert_true (nl_rect_contains (&box, &drawn, 0.01));

  layout = _nl_text_layout (&b.kit, NL_TEXT_SMALL, text, box.width, box.height, PANGO_ALIGN_LEFT);
  measured = _nl_text_layout (&b.kit, NL_TEXT_SMALL, text, box.width, -1, PANGO_ALIGN_LEFT);
  for (PangoLayout **l = (PangoLayout *[]) { layout, measured, NULL }; *l != NULL; l++)
    {
      g_assert_cmpfloat_with_epsilon (size_share (&b, NL_TEXT_SMALL, *l), 1.0, 1e-3);
      g_assert_true (pango_layout_is_ellipsized (*l));
      g_assert_cmpint (pango_layout_get_line_count (*l), ==, 2);
      g_assert_cmpint (pango_layout_get_line_readonly (*l, 1)->start_index, ==, strlen ("Spinal "));
      g_assert_false (layout_breaks_word (*l));
      g_assert_false (layout_overflows (*l));
    }
  g_assert_cmpfloat_with_epsilon (_nl_text_extents (layout).height, _nl_text_extents (measured).height,
                                  1e-9);

  /* In a box of one line the word's line is the only one. */
  box.height = line_h * 1.05;
  g_clear_object (&layout);
  layout = _nl_text_layout (&b.kit, NL_TEXT_SMALL, "electromyostimulation", box.width, box.height,
                            PANGO_ALIGN_LEFT);
  g_assert_true (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  g_assert_false (layout_overflows (layout));
  bench_clear (&b);
}

/* In a box of one line a word that the ellipsis hides anyway does not make
 * the text smaller, while a label that is one word is made smaller to show
 * it whole. */
static void
test_one_line_box (void)
{
  Bench b;
  double line_h;
  NlRect box;
  g_autoptr(PangoLayout) hidden = NULL;
  g_autoptr(PangoLayout) whole = NULL;

  bench_init (&b);
  line_h = _nl_text_line_height (&b.kit, NL_TEXT_SMALL);
  box = (NlRect) { 0, 0, natural_width (&b, NL_TEXT_SMALL, "Familiarisation") * 0.92, line_h * 1.1 };
  g_assert_cmpfloat (natural_width (&b, NL_TEXT_SMALL, "Weeks 0–2:"), <, box.width);

  hidden = _nl_text_layout (&b.kit, NL_TEXT_SMALL, "Weeks 0–2: Familiarisation", box.width, box.height,
                            PANGO_ALIGN_LEFT);
  g_assert_cmpfloat_with_epsilon (size_share (&b, NL_TEXT_SMALL, hidden), 1.0, 1e-3);
  g_assert_true (pango_layout_is_ellipsized (hidden));
  g_assert_cmpint (pango_layout_get_line_count (hidden), ==, 1);

  whole = _nl_text_layout (&b.kit, NL_TEXT_SMALL, "Familiarisation", box.width, box.height,
                           PANGO_ALIGN_LEFT);
  g_assert_cmpfloat (size_share (&b, NL_TEXT_SMALL, whole), <, 0.93);
  g_assert_cmpfloat (size_share (&b, NL_TEXT_SMALL, whole), >=, 0.8);
  g_assert_false (pango_layout_is_ellipsized (whole));
  g_assert_false (layout_overflows (whole));
  bench_clear (&b);
}

/* The target text is drawn on once to cache its glyphs: alpha only, the
 * sample's size at the scale asked for, never below one pixel a unit. */
static void
test_glyph_warm_target (void)
{
  static const struct { double scale, expected; } cases[] = { { 1, 1 }, { 2, 2 }, { 1.5, 1.5 }, { 0.5, 1 }, { 0, 1 } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_t *cr = nl_glyph_warm_context_new (cases[i].scale);
      cairo_surface_t *target = cairo_get_target (cr);
      double sx, sy;

      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_format (target), ==, CAIRO_FORMAT_A8);
      cairo_surface_get_device_scale (target, &sx, &sy);
      g_assert_cmpfloat (sx, ==, cases[i].expected);
      g_assert_cmpfloat (sy, ==, cases[i].expected);
      g_assert_cmpint (cairo_image_surface_get_width (target), ==, (int) ceil (NL_GLYPH_WARM_WIDTH * cases[i].expected));
      g_assert_cmpint (cairo_image_surface_get_height (target), ==, (int) ceil (NL_GLYPH_WARM_HEIGHT * cases[i].expected));
      cairo_destroy (cr);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/text/fitting-text-unchanged", test_fitting_text_unchanged);
  g_test_add_func ("/render/text/long-word-shrinks", test_long_word_shrinks);
  g_test_add_func ("/render/text/too-long-word-cut", test_too_long_word_cut);
  g_test_add_func ("/render/text/one-line-box", test_one_line_box);
  g_test_add_func ("/render/text/no-broken-words", test_no_broken_words);
  g_test_add_func ("/render/text/glyph-warm-target", test_glyph_warm_target);

  return g_test_run ();
}
