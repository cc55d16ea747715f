/* nl-name-list.c — drop-down lists whose open list shows whole names
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nl-name-list.h"

/* Wide enough for most catalogue names on one line; longer ones wrap. */
#define LIST_MAX_WIDTH_CHARS 40
#define SHORT_MIN_WIDTH_CHARS 6    /* "Whole…", not "…" */
/* As wide as libadwaita's own combo rows show their value. */
#define ROW_MAX_WIDTH_CHARS 20

static const char *
item_name (GtkListItem *item)
{
  gpointer object = gtk_list_item_get_item (item);

  return GTK_IS_STRING_OBJECT (object) ? gtk_string_object_get_string (object) : "";
}

/* The name of @widget's selected item, or NULL. */
static const char *
selected_name (GObject *widget)
{
  g_autoptr(GObject) selected = NULL;

  g_object_get (widget, "selected-item", &selected, NULL);
  /* The model holds the item: its string outlives this reference. */
  return GTK_IS_STRING_OBJECT (selected) ? gtk_string_object_get_string (GTK_STRING_OBJECT (selected)) : NULL;
}

/* The closed widget: one line, cut at the end, the whole name on hover. */
static void
setup_short_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  max_width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_width_chars));
  /* Squeezed, it keeps the start of the name, not an ellipsis alone. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (SHORT_MIN_WIDTH_CHARS, GPOINTER_TO_INT (max_width_chars)));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, label);
}

static void
bind_short_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *name = item_name (item);

  gtk_label_set_label (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (label, name);
}

/* The open list: whole names, wrapped when long, and the check mark the
 * toolkit's own list shows on the selected one. */
static void
setup_whole_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), LIST_MAX_WIDTH_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
update_check (GtkListItem *item,
              GObject     *widget)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autoptr(GObject) selected = NULL;

  if (box == NULL)
    return;
  g_object_get (widget, "selected-item", &selected, NULL);
  gtk_widget_set_opacity (gtk_widget_get_last_child (box),
                          selected != NULL && selected == gtk_list_item_get_item (item) ? 1 : 0);
}

static void
selected_item_changed_cb (GObject     *widget,
                          GParamSpec  *pspec,
                          GtkListItem *item)
{
  update_check (item, widget);
}

static void
bind_whole_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GObject                  *widget)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  gulong id;

  gtk_label_set_label (GTK_LABEL (label), item_name (item));
#if GTK_CHECK_VERSION (4, 12, 0)
  /* A screen reader names the row from it (GTK 4.8 has no such call). */
  gtk_list_item_set_accessible_label (item, item_name (item));
#endif
  update_check (item, widget);
  id = g_signal_connect (widget, "notify::selected-item", G_CALLBACK (selected_item_changed_cb), item);
  g_object_set_data (G_OBJECT (item), "nl-name-list-handler", GSIZE_TO_POINTER ((gsize) id));
}

static void
unbind_whole_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GObject                  *widget)
{
  gulong id = (gulong) GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "nl-name-list-handler"));

  if (id != 0)
    g_signal_handler_disconnect (widget, id);
}

/* The closed widget shows the name cut short: its label has the whole
 * name as tooltip (bind_short_cb), and a screen reader hears it as the
 * widget's description.  The widget's own tooltip says what it is for. */
static void
describe_selected_cb (GObject    *widget,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  const char *name = selected_name (widget);

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static GtkListItemFactory *
short_factory_new (int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_short_cb), GINT_TO_POINTER (max_width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_short_cb), NULL);
  return factory;
}

/* @widget owns the factory, so it outlives every item the factory binds. */
static GtkListItemFactory *
whole_factory_new (GObject *widget)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_whole_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_whole_cb), widget);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_whole_cb), widget);
  return factory;
}

void
nl_name_list_setup_drop_down (GtkDropDown *drop_down,
                              int          max_width_chars)
{
  g_autoptr(GtkListItemFactory) factory = short_factory_new (max_width_chars);
  g_autoptr(GtkListItemFactory) list_factory = whole_factory_new (G_OBJECT (drop_down));

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (describe_selected_cb), NULL);
  describe_selected_cb (G_OBJECT (drop_down), NULL, NULL);
}

void
nl_name_list_setup_combo_row (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = short_factory_new (ROW_MAX_WIDTH_CHARS);
  g_autoptr(GtkListItemFactory) list_factory = whole_factory_new (G_OBJECT (row));

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_list_factory (row, list_factory);
  g_signal_connect (row, "notify::selected-item", G_CALLBACK (describe_selected_cb), NULL);
  describe_selected_cb (G_OBJECT (row), NULL, NULL);
}
