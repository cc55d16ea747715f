/* nl-view-style.c — the render layer's style filled from the GTK theme
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "nl-view-style.h"

void
nl_view_style_init (NlRenderStyle *style,
                    GtkWidget     *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *font_name = NULL;
  GtkSettings *settings;

  nl_render_style_init (style, adw_style_manager_get_dark (manager) ? NL_THEME_DARK
                                                                     : NL_THEME_LIGHT);

  settings = gtk_widget_get_settings (widget);
  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font_name);
      const char *family = pango_font_description_get_family (desc);
      int size = pango_font_description_get_size (desc);

      if (family != NULL && size > 0)
        nl_render_style_set_font (style, family, (double) size / PANGO_SCALE);
    }

  style->scale_factor = gtk_widget_get_scale_factor (widget);
}
