/* nl-window-pages.c — the views and windows built when first shown
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window opens on the Diagram view.  The Trends and Outline views, the
 * keyboard-shortcuts window and the recent-files list are not on its first
 * frame, so they are built when first asked for (or, for the recent list,
 * once that frame is on screen) rather than with the window: that keeps
 * start-up to what the first frame shows.
 */

#define G_LOG_DOMAIN "nl-window"

#include "config.h"

#include "nl-accessible.h"
#include "nl-defer.h"
#include "nl-outline.h"
#include "nl-window-private.h"

NlTrendsPage *
_nl_window_ensure_trends_page (NlWindow *self)
{
  if (self->trends_page != NULL)
    return self->trends_page;

  self->trends_page = NL_TRENDS_PAGE (nl_trends_page_new ());
  nl_trends_page_set_simulation (self->trends_page, self->simulation);
  /* Both views show the window's day; presentation mode steps it. */
  g_object_bind_property (self, "day", self->trends_page, "day",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->trends_bin, GTK_WIDGET (self->trends_page));
  return self->trends_page;
}

void
_nl_window_update_outline_text (NlWindow *self)
{
  g_autofree char *markup = NULL;

  if (self->outline_label == NULL)
    return;
  if (self->program != NULL)
    markup = nl_outline_build_markup (self->program);
  gtk_label_set_markup (GTK_LABEL (self->outline_label), markup ? markup : "");
}

void
_nl_window_ensure_status_pages (NlWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->empty_page != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/nl-window-status-pages.ui");
  self->empty_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "empty_page"));
  self->templates_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "templates_page"));
  self->templates_list = GTK_LIST_BOX (gtk_builder_get_object (builder, "templates_list"));
  self->error_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "error_page"));
  self->error_label = GTK_WIDGET (gtk_builder_get_object (builder, "error_label"));
  g_signal_connect (self->templates_list, "row-activated",
                    G_CALLBACK (_nl_window_templates_row_activated_cb), self);
  adw_bin_set_child (self->empty_bin, GTK_WIDGET (self->empty_page));
  adw_bin_set_child (self->templates_bin, GTK_WIDGET (gtk_builder_get_object (builder, "templates_scroller")));
  adw_bin_set_child (self->error_bin, GTK_WIDGET (gtk_builder_get_object (builder, "error_scroller")));
  nl_accessible_fix_mnemonic_names (GTK_WIDGET (self->empty_bin));
  nl_accessible_fix_mnemonic_names (GTK_WIDGET (self->templates_bin));
  nl_accessible_fix_mnemonic_names (GTK_WIDGET (self->error_bin));
}

static void
ensure_outline_page (NlWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->outline_label != NULL)
    return;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/nl-window-outline-page.ui");
  self->outline_label = GTK_WIDGET (gtk_builder_get_object (builder, "outline_label"));
  adw_bin_set_child (self->outline_bin, GTK_WIDGET (gtk_builder_get_object (builder, "outline_page")));
  _nl_window_update_outline_text (self);
}

static void
visible_page_changed_cb (NlWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GtkWidget *flap = NULL;

  if (g_strcmp0 (name, "diagram") == 0)
    flap = nl_diagram_page_get_explanation_flap (self->diagram_page);
  else if (g_strcmp0 (name, "trends") == 0)
    flap = nl_trends_page_get_explanation_flap (_nl_window_ensure_trends_page (self));
  else if (g_strcmp0 (name, "outline") == 0)
    ensure_outline_page (self);
  /* The Explanation toggle shows and hides the page's explanation: beside
   * the figure, or over it where the page is narrow. */
  g_binding_group_set_source (self->explanation_bindings, flap);
  gtk_widget_set_visible (self->explanation_button, flap != NULL);
}

GtkWindow *
nl_window_get_shortcuts_window (NlWindow *self)
{
  g_return_val_if_fail (NL_IS_WINDOW (self), NULL);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/nl-shortcuts-window.ui");

      /* Kept (hidden on close) for the next time, and destroyed with us. */
      self->shortcuts_window = GTK_WINDOW (g_object_ref_sink (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }
  return self->shortcuts_window;
}

static void
show_help_overlay_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  gtk_window_present (nl_window_get_shortcuts_window (NL_WINDOW (user_data)));
}

/* Recent files: reading the list parses a file of every application's
 * recent documents and checks that each still exists, which need not
 * delay the first frame. */

static void
update_recent_menu_cb (NlWindow *self)
{
  _nl_window_update_recent_menu (self);
}

static void
flush_recent (GtkWidget *widget)
{
  NlWindow *self = NL_WINDOW (widget);
  g_autoptr(GFile) file = g_steal_pointer (&self->recent_pending);

  if (file != NULL)
    _nl_window_add_to_recent (file);
  _nl_window_watch_recent (self);
}

void
_nl_window_add_to_recent_later (NlWindow *self,
                                GFile    *file)
{
  gboolean queued = self->recent_pending != NULL;

  g_set_object (&self->recent_pending, file);
  if (!queued)
    nl_defer_after_paint (GTK_WIDGET (self), flush_recent);
}

void
_nl_window_watch_recent (NlWindow *self)
{
  /* Not once the window is being destroyed. */
  if (self->recent_watched || self->recent_submenu == NULL)
    return;
  self->recent_watched = TRUE;
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu_cb), self, G_CONNECT_SWAPPED);
  _nl_window_update_recent_menu (self);
}

static void
watch_recent (GtkWidget *widget)
{
  _nl_window_watch_recent (NL_WINDOW (widget));
}

void
_nl_window_setup_pages (NlWindow *self)
{
  g_autoptr(GSimpleAction) help = g_simple_action_new ("show-help-overlay", NULL);

  self->explanation_bindings = g_binding_group_new ();
  g_binding_group_bind (self->explanation_bindings, "reveal-flap",
                        self->explanation_button, "active",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);

  g_signal_connect_object (help, "activate", G_CALLBACK (show_help_overlay_activated), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help));

  nl_defer_after_paint (GTK_WIDGET (self), watch_recent);
}
