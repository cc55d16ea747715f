/* nl-view-style.c — the render layer's style filled from the GTK theme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "nl-view-style.h"

/* The desktop font and the scale factor of @widget. */
static void
set_text_from_widget (NlRenderStyle *style,
                      GtkWidget     *widget)
{
  const PangoFontDescription *desc;
  const char *family;
  double size;

  /* The widget's own font, from CSS: the desktop font, which the
   * presentation mode's style sheet makes larger (nl-window.c). */
  desc = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  family = desc != NULL ? pango_font_description_get_family (desc) : NULL;
  size = desc != NULL ? (double) pango_font_description_get_size (desc) / PANGO_SCALE : 0;
  /* The render layer's sizes are points at 96 dpi. */
  if (desc != NULL && pango_font_description_get_size_is_absolute (desc))
    size *= 72.0 / 96.0;
  if (family != NULL && size > 0)
    nl_render_style_set_font (style, family, size);

  style->scale_factor = gtk_widget_get_scale_factor (widget);
}

void
nl_view_style_init (NlRenderStyle *style,
                    GtkWidget     *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  nl_render_style_init (style, adw_style_manager_get_dark (manager) ? NL_THEME_DARK
                                                                     : NL_THEME_LIGHT);
  set_text_from_widget (style, widget);
}

void
nl_view_style_init_text (NlRenderStyle *style,
                         GtkWidget     *widget)
{
  nl_render_style_init (style, NL_THEME_LIGHT);
  set_text_from_widget (style, widget);
}

GSettings *
nl_view_settings_new (void)
{
  static const char schema_id[] = "io.github.neurolift.Neurolift";
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, schema_id, TRUE);
  if (schema == NULL
      || !g_settings_schema_has_key (schema, "animation-speed")
      || !g_settings_schema_has_key (schema, "effort"))
    return NULL;
  return g_settings_new (schema_id);
}

void
nl_view_style_init_for_export (NlRenderStyle *style,
                               GtkWidget     *widget)
{
  g_autoptr(GSettings) settings = nl_view_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  NlRenderStyle shown;
  int scheme;

  nl_view_style_init (style, widget);
  style->scale_factor = 1;
  if (settings == NULL)
    return;
  g_object_get (settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, "export-style")
      || (scheme = g_settings_get_enum (settings, "export-style")) == 0)
    return;

  /* The colours of the style asked for; the rest as shown. */
  shown = *style;
  nl_render_style_init (style, scheme == 2 ? NL_THEME_DARK : NL_THEME_LIGHT);
  nl_render_style_set_font (style, shown.font_family, shown.font_size);
  style->text_scale = shown.text_scale;
  style->scale_factor = shown.scale_factor;
  style->fixed_text_size = shown.fixed_text_size;
}
