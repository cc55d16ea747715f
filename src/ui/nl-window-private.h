/* nl-window-private.h — what the parts of NlWindow share
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * NlWindow is split by concern: nl-window.c (the object, the document,
 * title, presentation mode, closing), nl-window-outline.c (the sidebar),
 * nl-window-edit.c (editing actions), nl-window-files.c (file dialogs,
 * recent files), nl-window-start.c (templates, restoring unsaved work) and
 * nl-window-pages.c (the views and windows built when first shown).
 */
#pragma once

#include "nl-diagram-page.h"
#include "nl-editor-form.h"
#include "nl-recovery.h"
#include "nl-resize-handle.h"
#include "nl-simulation.h"
#include "nl-trends-page.h"
#include "nl-window.h"

G_BEGIN_DECLS

struct _NlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children. */
  GtkMenuButton        *add_button;
  GMenuModel           *add_menu;
  NlDiagramPage        *diagram_page;
  GtkWidget            *doc_flap;
  NlEditorForm         *editor_form;
  AdwBin               *empty_bin;
  AdwBin               *error_bin;
  GtkWidget            *explanation_button;
  AdwHeaderBar         *header_bar;
  GtkStack             *main_stack;
  GtkMenuButton        *menu_button;
  AdwBin               *outline_bin;
  GtkListView          *outline_view;
  GMenuModel           *primary_menu;
  GtkWidget            *problems_label;
  GtkRevealer          *problems_revealer;
  GMenu                *recent_submenu;
  GtkWidget            *sidebar;
  NlResizeHandle       *sidebar_handle;
  AdwBin               *templates_bin;
  AdwToastOverlay      *toast_overlay;
  AdwBin               *trends_bin;
  AdwViewStack         *view_stack;
  GtkWidget            *view_switcher;
  AdwWindowTitle       *window_title;

  /* Built when first needed (nl-window-pages.c); NULL until then. */
  AdwStatusPage        *empty_page;
  GtkWidget            *error_label;
  AdwStatusPage        *error_page;
  GtkListBox           *templates_list;
  AdwStatusPage        *templates_page;
  NlTrendsPage         *trends_page;
  GtkWidget            *outline_label;
  GtkWindow            *shortcuts_window;
  GBindingGroup        *explanation_bindings;  /* the page on show's explanation and its toggle */

  /* The document. */
  NlProgram            *program;
  GFile                *file;
  NlUndoStack          *undo_stack;
  NlRecovery           *recovery;
  NlSimulation         *simulation;
  GtkTreeListModel     *tree;
  /* The part of the tree the outline shows: the rows that fit until the
   * first frame is painted, then all of it (nl-window-outline.c). */
  GtkSliceListModel    *outline_rows;
  /* A drag over the outline (nl-window-outline.c): the item dragged from
   * it, the item of the row hovered and whether on its lower half, and
   * the tick callback that marks that row again before the next frame. */
  GObject              *drag_item;
  GObject              *drop_target;
  gboolean              drop_after;
  guint                 drop_refresh_id;
  double                drop_x, drop_y;   /* where the last drop was */
  GtkSingleSelection   *selection;
  gulong                program_changed_id;
  gulong                modified_id;
  guint                 refresh_id;
  GPtrArray            *problems;

  char                 *title_text;
  char                 *problems_first;
  GSettings            *settings;
  GtkCssProvider       *presentation_css;
  guint                 day;
  guint                 autosave_ms;
  gboolean              presentation;
  gboolean              sidebar_shown;     /* the user's choice beside the views; presentation mode hides it too */
  gboolean              sidebar_overlaid;  /* shown over the views while the window is too narrow for both */
  gboolean              sidebar_revealed;  /* what show-sidebar says: the one of the two above in force */
  gboolean              close_after_save;
  gboolean              close_confirmed;
  gboolean              recent_watched;   /* the Open Recent menu follows the list */
  GFile                *recent_pending;   /* opened, not yet in the recent list */
};

gboolean _nl_window_settings_has (NlWindow *self,
                                  const char *key);
void _nl_window_toast (NlWindow *self,
                       const char *message);
GObject *_nl_window_selected_item (NlWindow *self);
gboolean _nl_window_find_container (NlProgram *program,
                                    GObject *item,
                                    GObject **container,
                                    guint *position);
guint _nl_window_container_length (GObject *container,
                                   GType item_type);
void _nl_window_update_actions (NlWindow *self);
void _nl_window_set_document (NlWindow *self,
                              NlProgram *program,
                              GFile *file,
                              NlRecovery *recovery);
gboolean _nl_window_save_or_report (NlWindow *self,
                                    GFile *file);
void _nl_window_save_as (NlWindow *self);
GFile *_nl_window_initial_folder (NlWindow *self);
GListModel *_nl_window_create_child_model (gpointer item,
                                           gpointer user_data);
void _nl_window_selection_changed_cb (NlWindow *self);
void _nl_window_ensure_status_pages (NlWindow *self);
GtkSliceListModel *_nl_window_outline_rows_new (NlWindow *self);
void _nl_window_show_whole_outline (NlWindow *self);
GObject *_nl_window_neighbour_of (NlWindow *self,
                                  GObject *item);
gboolean _nl_window_outline_has_focus (NlWindow *self);
gboolean _nl_window_form_has_focus (NlWindow *self);
void _nl_window_outline_setup_tab (NlWindow *self);
/* The outline's one drop target, on the whole list (nl-window-outline.c). */
void _nl_window_outline_setup_drop (NlWindow *self);
gboolean _nl_window_select_item_full (NlWindow *self,
                                      GObject *item,
                                      gboolean focus);
void _nl_window_outline_activate_cb (GtkListView *view,
                                     guint position,
                                     NlWindow *self);
void _nl_window_row_setup_cb (GtkSignalListItemFactory *factory,
                              GtkListItem *list_item,
                              NlWindow *self);
void _nl_window_row_bind_cb (GtkSignalListItemFactory *factory,
                             GtkListItem *list_item,
                             NlWindow *self);
void _nl_window_row_unbind_cb (GtkSignalListItemFactory *factory,
                               GtkListItem *list_item,
                               NlWindow *self);
/* Where a dragged item would land (nl-window-outline.c). */
typedef enum
{
  NL_DROP_NONE,
  NL_DROP_BEFORE,   /* before the target, in the target's list */
  NL_DROP_AFTER,    /* after the target, in the target's list */
  NL_DROP_INTO,     /* at the end of the target's own list */
} NlDropPlace;

typedef struct
{
  NlDropPlace  place;
  GObject     *container;   /* the list's owner (not owned) */
  guint        position;    /* the item's position there after the drop */
} NlDropPlan;

/* What dropping @dragged on the row of @target does, on the row's lower
 * half if @after: the one decision behind both the drop and the line
 * shown while dragging.  FALSE (and NL_DROP_NONE) when the drop is refused
 * or would change nothing. */
gboolean _nl_window_plan_drop (NlWindow *self,
                               GObject *dragged,
                               GObject *target,
                               gboolean after,
                               NlDropPlan *plan);
GtkWidget *_nl_window_outline_row_widget (NlWindow *self,
                                          guint position);
/* The outline's drop target, on the whole list view: @x and @y are in the
 * list view's coordinates, and a point between or beside rows counts as
 * on the nearest row. */
GdkDragAction _nl_window_outline_drag_motion (NlWindow *self,
                                              GObject *dragged,
                                              double x,
                                              double y);
void _nl_window_outline_drag_leave (NlWindow *self);
gboolean _nl_window_outline_drag_drop (NlWindow *self,
                                       GObject *dragged,
                                       double x,
                                       double y);
void _nl_window_outline_drag_begin (NlWindow *self,
                                    GObject *dragged);
void _nl_window_outline_drag_end (NlWindow *self);
GtkWidget *_nl_window_outline_drag_icon_new (NlWindow *self,
                                             GObject *item);
void _nl_window_update_recent_menu (NlWindow *self);
void _nl_window_templates_row_activated_cb (GtkListBox *list,
                                            GtkListBoxRow *row,
                                            NlWindow *self);
void _nl_window_add_to_recent (GFile *file);
gboolean _nl_window_can_add (NlWindow *self,
                             const char *kind);
void _nl_window_add_kind_action (GtkWidget *widget,
                                 const char *action_name,
                                 GVariant *param);
void _nl_window_forget_recent (GFile *file);
void _nl_window_add_to_recent_later (NlWindow *self,
                                     GFile *file);
void _nl_window_watch_recent (NlWindow *self);
NlTrendsPage *_nl_window_ensure_trends_page (NlWindow *self);
void _nl_window_update_outline_text (NlWindow *self);
void _nl_window_setup_pages (NlWindow *self);
void _nl_window_remember_folder (NlWindow *self,
                                 GFile *file);
void _nl_window_open_action (GtkWidget *widget,
                             const char *action_name,
                             GVariant *param);
void _nl_window_open_recent_action (GtkWidget *widget,
                                    const char *action_name,
                                    GVariant *param);
void _nl_window_save_action (GtkWidget *widget,
                             const char *action_name,
                             GVariant *param);
void _nl_window_save_as_action (GtkWidget *widget,
                                const char *action_name,
                                GVariant *param);
void _nl_window_undo_action (GtkWidget *widget,
                             const char *action_name,
                             GVariant *param);
void _nl_window_redo_action (GtkWidget *widget,
                             const char *action_name,
                             GVariant *param);
void _nl_window_add_action (GtkWidget *widget,
                            const char *action_name,
                            GVariant *param);
void _nl_window_add_item_action (GtkWidget *widget,
                                 const char *action_name,
                                 GVariant *param);
void _nl_window_duplicate_action (GtkWidget *widget,
                                  const char *action_name,
                                  GVariant *param);
void _nl_window_remove_action (GtkWidget *widget,
                               const char *action_name,
                               GVariant *param);
void _nl_window_move_action (GtkWidget *widget,
                             const char *action_name,
                             GVariant *param);
void _nl_window_show_page_action (GtkWidget *widget,
                                  const char *action_name,
                                  GVariant *param);
void _nl_window_show_templates_action (GtkWidget *widget,
                                       const char *action_name,
                                       GVariant *param);
void _nl_window_export_action (GtkWidget *widget,
                               const char *action_name,
                               GVariant *param);

G_END_DECLS
