/* nl-layout-record.c — the rectangles a figure laid out, for overlap checks
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nl-layout-record.h"

struct _NlLayoutRecord {
  GArray *elements;
};

static const cairo_user_data_key_t record_key;

static void
clear_element (gpointer data)
{
  NlLayoutElement *element = data;

  g_clear_pointer (&element->name, g_free);
}

NlLayoutRecord *
nl_layout_record_new (void)
{
  NlLayoutRecord *self = g_new0 (NlLayoutRecord, 1);

  self->elements = g_array_new (FALSE, TRUE, sizeof (NlLayoutElement));
  g_array_set_clear_func (self->elements, clear_element);
  return self;
}

void
nl_layout_record_free (NlLayoutRecord *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->elements);
  g_free (self);
}

/**
 * nl_layout_record_attach:
 * @self: a record, which must outlive every drawing on @cr
 * @cr: the context the figure functions will draw on
 */
void
nl_layout_record_attach (NlLayoutRecord *self,
                         cairo_t        *cr)
{
  cairo_set_user_data (cr, &record_key, self, NULL);
}

NlLayoutRecord *
nl_layout_record_get (cairo_t *cr)
{
  return cairo_get_user_data (cr, &record_key);
}

void
nl_layout_record_add (NlLayoutRecord *self,
                      NlElementKind   kind,
                      const NlRect   *rect,
                      const char     *name)
{
  NlLayoutElement element = { kind, *rect, g_strdup (name), FALSE };

  if (self == NULL)
    return;
  g_array_append_val (self->elements, element);
}

void
nl_layout_record_mark_cut (NlLayoutRecord *self)
{
  if (self == NULL || self->elements->len == 0)
    return;
  g_array_index (self->elements, NlLayoutElement, self->elements->len - 1).cut = TRUE;
}

guint
nl_layout_record_get_n (NlLayoutRecord *self)
{
  return self->elements->len;
}

const NlLayoutElement *
nl_layout_record_get_nth (NlLayoutRecord *self,
                          guint           i)
{
  g_return_val_if_fail (i < self->elements->len, NULL);
  return &g_array_index (self->elements, NlLayoutElement, i);
}

gboolean
nl_rect_intersects (const NlRect *a,
                    const NlRect *b,
                    double        tolerance)
{
  return a->x + a->width - tolerance > b->x
         && b->x + b->width - tolerance > a->x
         && a->y + a->height - tolerance > b->y
         && b->y + b->height - tolerance > a->y;
}

gboolean
nl_rect_contains (const NlRect *outer,
                  const NlRect *inner,
                  double        tolerance)
{
  return inner->x >= outer->x - tolerance
         && inner->y >= outer->y - tolerance
         && inner->x + inner->width <= outer->x + outer->width + tolerance
         && inner->y + inner->height <= outer->y + outer->height + tolerance;
}

static void
append_problem (GString               *problems,
                const char            *what,
                const NlLayoutElement *a,
                const NlLayoutElement *b)
{
  g_string_append_printf (problems, "%s: “%s” (%.1f,%.1f %.1f×%.1f)", what, a->name,
                          a->rect.x, a->rect.y, a->rect.width, a->rect.height);
  if (b != NULL)
    g_string_append_printf (problems, " and “%s” (%.1f,%.1f %.1f×%.1f)", b->name,
                            b->rect.x, b->rect.y, b->rect.width, b->rect.height);
  g_string_append_c (problems, '\n');
}

char *
nl_layout_record_check (NlLayoutRecord *self,
                        double          width,
                        double          height)
{
  /* Half a unit of slack: antialiased edges of touching boxes may share a pixel. */
  const double tol = 0.5;
  NlRect canvas = { 0, 0, width, height };
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < self->elements->len; i++)
    {
      const NlLayoutElement *a = &g_array_index (self->elements, NlLayoutElement, i);

      if (!nl_rect_contains (&canvas, &a->rect, tol))
        append_problem (problems, "outside the canvas", a, NULL);

      for (guint j = i + 1; j < self->elements->len; j++)
        {
          const NlLayoutElement *b = &g_array_index (self->elements, NlLayoutElement, j);

          if (!nl_rect_intersects (&a->rect, &b->rect, tol))
            continue;

          if (a->kind == NL_ELEMENT_PANEL && b->kind == NL_ELEMENT_PANEL)
            {
              if (!nl_rect_contains (&a->rect, &b->rect, tol)
                  && !nl_rect_contains (&b->rect, &a->rect, tol))
                append_problem (problems, "panels cross", a, b);
            }
          else if (a->kind == NL_ELEMENT_TEXT && b->kind == NL_ELEMENT_TEXT)
            append_problem (problems, "text overlaps text", a, b);
          else if ((a->kind == NL_ELEMENT_TEXT && b->kind == NL_ELEMENT_SHAPE)
                   || (a->kind == NL_ELEMENT_SHAPE && b->kind == NL_ELEMENT_TEXT))
            append_problem (problems, "text overlaps a shape", a, b);
          else if ((a->kind == NL_ELEMENT_TEXT && b->kind == NL_ELEMENT_PANEL
                    && !nl_rect_contains (&b->rect, &a->rect, tol))
                   || (a->kind == NL_ELEMENT_PANEL && b->kind == NL_ELEMENT_TEXT
                       && !nl_rect_contains (&a->rect, &b->rect, tol)))
            append_problem (problems, "text crosses a panel edge", a, b);
        }
    }

  if (problems->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&problems), FALSE);
}
