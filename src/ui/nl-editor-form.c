/* nl-editor-form.c — the form for the item selected in the outline
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "nl-accessible.h"
#include "nl-editor-form.h"
#include "nl-name-list.h"
#include "nl-outline.h"

typedef enum {
  FIELD_ENTRY,
  FIELD_SPIN,
  FIELD_COMBO,
  FIELD_SWITCH,
} FieldKind;

typedef struct _Field Field;

/* Returns why @text cannot be committed (a message for the user), or NULL. */
typedef char *(*ValidateFunc) (NlEditorForm *self,
                               Field        *field,
                               const char   *text);

struct _Field {
  NlEditorForm *form;
  FieldKind     kind;
  GObject      *item;
  GParamSpec   *pspec;
  GtkWidget    *input;
  GtkWidget    *row;
  gulong        notify_id;
  GPtrArray    *ids;      /* combo of string ids (exercise, muscle), else NULL */
  const guint  *values;   /* enum/flags combo: the value of each choice, else NULL */
  guint         n_values;
  ValidateFunc  validate; /* entry: text that must not reach the document */
  gboolean      on_apply; /* entry: committed on Enter or the apply button only */
  char         *invalid;  /* entry: why the text typed is refused, or NULL */
};

struct _NlEditorForm
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkWidget   *problem_label;
  NlProgram   *program;
  NlUndoStack *undo_stack;
  GObject     *item;
  GPtrArray   *fields;      /* of Field */
  char        *problems_text;
  gboolean     updating;

  /* The phase form's rows that depend on the phase's kind. */
  gulong       phase_notify_id;
  GtkWidget   *weeks_row;
  GtkWidget   *cast_row;          /* None, Left, Right, Both */
  GtkWidget   *immobilised_row;   /* Left, Right, Both */
  GtkWidget   *progression_row;
};

G_DEFINE_FINAL_TYPE (NlEditorForm, nl_editor_form, GTK_TYPE_WIDGET)

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_signal_handler (&field->notify_id, field->item);
  g_clear_object (&field->item);
  g_clear_pointer (&field->ids, g_ptr_array_unref);
  g_free (field->invalid);
  g_free (field);
}

static void field_set_invalid (Field      *field,
                               const char *message);

/* Model → widget. */
static void
field_sync (Field *field)
{
  NlEditorForm *self = field->form;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, field->pspec->value_type);
  g_object_get_property (field->item, field->pspec->name, &value);
  self->updating = TRUE;

  switch (field->kind)
    {
    case FIELD_ENTRY:
      {
        const char *text = g_value_get_string (&value);

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->input)), text ? text : "") != 0)
          {
            gtk_editable_set_text (GTK_EDITABLE (field->input), text ? text : "");
            /* The entry shows the document's value again. */
            if (field->invalid != NULL)
              field_set_invalid (field, NULL);
          }
      }
      break;

    case FIELD_SPIN:
      if (G_VALUE_HOLDS_UINT (&value))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->input), g_value_get_uint (&value));
      else
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->input), g_value_get_double (&value));
      break;

    case FIELD_COMBO:
      {
        guint selected = GTK_INVALID_LIST_POSITION;

        if (field->ids != NULL)
          {
            const char *id = g_value_get_string (&value);

            for (guint i = 0; i < field->ids->len; i++)
              if (g_strcmp0 (g_ptr_array_index (field->ids, i), id) == 0)
                selected = i;
          }
        else if (field->values != NULL)
          {
            guint v = G_VALUE_HOLDS_ENUM (&value) ? (guint) g_value_get_enum (&value)
                                                  : g_value_get_flags (&value);

            for (guint i = 0; i < field->n_values; i++)
              if (field->values[i] == v)
                selected = i;
          }
        else if (G_VALUE_HOLDS_ENUM (&value))
          selected = (guint) g_value_get_enum (&value);
        else
          selected = g_value_get_flags (&value);
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), selected);
      }
      break;

    case FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->input), g_value_get_boolean (&value));
      break;

    default:
      g_assert_not_reached ();
    }

  self->updating = FALSE;
}

static void update_problem_label (NlEditorForm *self);

/* Shows why the text typed in @field is refused (@message), or that it is
 * fine (NULL): the row's error style, its accessible state and a line in
 * the form's problem label. */
static void
field_set_invalid (Field      *field,
                   const char *message)
{
  if (g_strcmp0 (field->invalid, message) == 0)
    return;
  g_free (field->invalid);
  field->invalid = g_strdup (message);
  if (message != NULL)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
  if (message != NULL && field->form->problem_label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    field->form->problem_label, NULL, -1);
  else if (message == NULL)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  update_problem_label (field->form);
}

/* Changing a phase's kind is one step that leaves a phase the kind allows:
 * an immobilisation phase gets a limb in the cast (the left one when none
 * was chosen), leaving immobilisation takes the cast off, a detraining
 * phase has no cast, and only a training phase keeps a load progression.
 * Sessions are kept (a problem the banner shows): removing them is the
 * user's choice, in the outline. */
static void
commit_phase_kind (NlEditorForm *self,
                   NlPhase      *phase,
                   NlPhaseKind   kind)
{
  NlPhaseKind old = nl_phase_get_kind (phase);
  NlLimbs limbs = nl_phase_get_immobilized (phase);

  if (kind == old)
    return;
  nl_undo_stack_begin_group (self->undo_stack, _("Change kind"));
  nl_undo_stack_set_enum (self->undo_stack, phase, "kind", (int) kind);
  if (kind == NL_PHASE_IMMOBILIZATION && limbs == NL_LIMB_NONE)
    nl_undo_stack_set_enum (self->undo_stack, phase, "immobilized", NL_LIMB_LEFT);
  else if ((old == NL_PHASE_IMMOBILIZATION || kind == NL_PHASE_DETRAINING)
           && kind != NL_PHASE_IMMOBILIZATION)
    nl_undo_stack_set_enum (self->undo_stack, phase, "immobilized", NL_LIMB_NONE);
  if (kind != NL_PHASE_TRAINING)
    nl_undo_stack_set_double (self->undo_stack, phase, "load-pct-per-week", 0);
  nl_undo_stack_end_group (self->undo_stack);
}

/* Renaming a custom exercise renames it where set groups name it, as one
 * step. */
static void
commit_exercise_id (NlEditorForm *self,
                    NlExercise   *exercise,
                    const char   *id)
{
  g_autofree char *old = g_strdup (nl_exercise_get_id (exercise));

  if (g_strcmp0 (old, id) == 0)
    return;
  nl_undo_stack_begin_group (self->undo_stack, _("Rename exercise"));
  nl_undo_stack_set_string (self->undo_stack, exercise, "id", id);
  for (guint p = 0; self->program != NULL && old != NULL && p < nl_program_get_n_phases (self->program); p++)
    {
      GListModel *sessions = nl_phase_get_sessions (nl_program_get_phase (self->program, p));

      for (guint s = 0; s < g_list_model_get_n_items (sessions); s++)
        {
          g_autoptr(NlSession) session = g_list_model_get_item (sessions, s);
          GListModel *sets = nl_session_get_sets (session);

          for (guint i = 0; i < g_list_model_get_n_items (sets); i++)
            {
              g_autoptr(NlSetGroup) group = g_list_model_get_item (sets, i);

              if (g_strcmp0 (nl_set_group_get_exercise (group), old) == 0)
                nl_undo_stack_set_string (self->undo_stack, group, "exercise", id);
            }
        }
    }
  nl_undo_stack_end_group (self->undo_stack);
}

/* Widget → model, through the undo stack.  With @apply, an entry that
 * commits on Enter only is committed too. */
static void
field_commit_full (Field    *field,
                   gboolean  apply)
{
  NlEditorForm *self = field->form;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->undo_stack == NULL)
    return;

  g_value_init (&value, field->pspec->value_type);
  switch (field->kind)
    {
    case FIELD_ENTRY:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (field->input));
        g_autofree char *invalid = NULL;

        /* What the file could not hold never reaches the document. */
        if (field->validate != NULL)
          invalid = field->validate (self, field, text);
        field_set_invalid (field, invalid);
        if (invalid != NULL || (field->on_apply && !apply))
          return;
        if (NL_IS_EXERCISE (field->item) && g_str_equal (field->pspec->name, "id"))
          {
            commit_exercise_id (self, NL_EXERCISE (field->item), text);
            field_sync (field);
            return;
          }
        g_value_set_string (&value, *text ? text : NULL);
      }
      break;

    case FIELD_SPIN:
      {
        double v = gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->input));

        if (G_VALUE_HOLDS_UINT (&value))
          g_value_set_uint (&value, (guint) MAX (0, lround (v)));
        else
          g_value_set_double (&value, v);
      }
      break;

    case FIELD_COMBO:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->input));

        if (selected == GTK_INVALID_LIST_POSITION)
          return;
        if (field->ids != NULL)
          {
            if (selected >= field->ids->len)
              return;
            g_value_set_string (&value, g_ptr_array_index (field->ids, selected));
          }
        else
          {
            guint v = selected;

            if (field->values != NULL)
              {
                if (selected >= field->n_values)
                  return;
                v = field->values[selected];
              }
            if (NL_IS_PHASE (field->item) && g_str_equal (field->pspec->name, "kind"))
              {
                commit_phase_kind (self, NL_PHASE (field->item), (NlPhaseKind) v);
                field_sync (field);
                return;
              }
            if (G_VALUE_HOLDS_ENUM (&value))
              g_value_set_enum (&value, (int) v);
            else
              g_value_set_flags (&value, v);
          }
      }
      break;

    case FIELD_SWITCH:
      g_value_set_boolean (&value, gtk_switch_get_active (GTK_SWITCH (field->input)));
      break;

    default:
      g_assert_not_reached ();
    }

  nl_undo_stack_set_property (self->undo_stack, field->item, field->pspec->name, &value);
  /* Show what the document kept (setters clamp and round). */
  field_sync (field);
}

static void
field_commit (Field *field)
{
  field_commit_full (field, FALSE);
}

static void
field_notify_cb (GObject    *item,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  field_sync (user_data);
}

static Field *
field_new (NlEditorForm *self,
           FieldKind     kind,
           GObject      *item,
           const char   *property,
           GtkWidget    *row,
           GtkWidget    *input)
{
  Field *field = g_new0 (Field, 1);
  g_autofree char *detailed = g_strconcat ("notify::", property, NULL);

  field->form = self;
  field->kind = kind;
  field->item = g_object_ref (item);
  field->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_assert (field->pspec != NULL);
  field->row = row;
  field->input = input;
  g_object_set_data (G_OBJECT (row), "nl-property", (gpointer) field->pspec->name);
  g_ptr_array_add (self->fields, field);
  return field;
}

static void
field_connect (Field *field)
{
  g_autofree char *detailed = g_strconcat ("notify::", field->pspec->name, NULL);

  field_sync (field);
  field->notify_id = g_signal_connect (field->item, detailed, G_CALLBACK (field_notify_cb), field);
}

static void
entry_changed_cb (GtkEditable *editable,
                  Field       *field)
{
  field_commit (field);
}

static void
entry_apply_cb (AdwEntryRow *row,
                Field       *field)
{
  field_commit_full (field, TRUE);
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 Field         *field)
{
  field_commit (field);
}

static void
combo_selected_cb (GObject    *combo,
                   GParamSpec *pspec,
                   Field      *field)
{
  field_commit (field);
}

static void
switch_active_cb (GObject    *sw,
                  GParamSpec *pspec,
                  Field      *field)
{
  field_commit (field);
}

static GtkWidget *
add_group (NlEditorForm *self,
           const char   *title,
           const char   *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

static Field *
add_entry (NlEditorForm *self,
           GtkWidget    *group,
           GObject      *item,
           const char   *property,
           const char   *title)
{
  GtkWidget *row = adw_entry_row_new ();
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Undo is the document's, not the entry's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  field = field_new (self, FIELD_ENTRY, item, property, row, row);
  field_connect (field);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return field;
}

/* Text the file must not hold blank (the title, an exercise's name). */
static char *
validate_not_blank (NlEditorForm *self,
                    Field        *field,
                    const char   *text)
{
  if (text[strspn (text, " \t\n\r")] != '\0')
    return NULL;
  if (NL_IS_PROGRAM (field->item))
    return g_strdup (_("The programme needs a title."));
  return g_strdup (_("A custom exercise needs a name."));
}

/* A custom exercise's identifier: valid, and naming no other exercise. */
static char *
validate_exercise_id (NlEditorForm *self,
                      Field        *field,
                      const char   *text)
{
  NlExercise *other;

  if (!nl_id_is_valid (text))
    return g_strdup (_("An identifier is made of lower-case letters, digits and single "
                       "hyphens, such as “sled-push”, at most 64 characters."));
  if (nl_catalog_lookup_exercise (nl_catalog_get_default (), text) != NULL)
    return g_strdup_printf (_("“%s” is the identifier of a built-in exercise; choose another."),
                            text);
  other = self->program != NULL ? nl_program_lookup_custom_exercise (self->program, text) : NULL;
  if (other != NULL && G_OBJECT (other) != field->item)
    return g_strdup_printf (_("Another custom exercise has the identifier “%s”."), text);
  return NULL;
}

static void
add_spin (NlEditorForm *self,
          GtkWidget    *group,
          GObject      *item,
          const char   *property,
          const char   *title,
          const char   *subtitle,
          double        min,
          double        max,
          double        step,
          guint         digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  field = field_new (self, FIELD_SPIN, item, property, row, spin);
  field_connect (field);
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static Field *
add_combo_values (NlEditorForm       *self,
                  GtkWidget          *group,
                  GObject            *item,
                  const char         *property,
                  const char         *title,
                  const char * const *labels,
                  GPtrArray          *ids,
                  const guint        *values,
                  guint               n_values)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  /* Catalogue names can be long and differ only at the end. */
  nl_name_list_setup_combo_row (ADW_COMBO_ROW (row));
  field = field_new (self, FIELD_COMBO, item, property, row, row);
  field->ids = ids;
  field->values = values;
  field->n_values = n_values;
  field_connect (field);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return field;
}

static Field *
add_combo (NlEditorForm       *self,
           GtkWidget          *group,
           GObject            *item,
           const char         *property,
           const char         *title,
           const char * const *labels,
           GPtrArray          *ids)
{
  return add_combo_values (self, group, item, property, title, labels, ids, NULL, 0);
}

static void
add_switch (NlEditorForm *self,
            GtkWidget    *group,
            GObject      *item,
            const char   *property,
            const char   *title,
            const char   *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  field = field_new (self, FIELD_SWITCH, item, property, row, sw);
  field_connect (field);
  g_signal_connect (sw, "notify::active", G_CALLBACK (switch_active_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
build_program_form (NlEditorForm *self,
                    NlProgram    *program)
{
  static const char *sexes[] = { N_("Female"), N_("Male"), N_("Unspecified"), NULL };
  static const char *statuses[] = { N_("Untrained"), N_("Recreationally trained"), N_("Trained"), NULL };
  const char *sex_labels[G_N_ELEMENTS (sexes)] = { NULL };
  const char *status_labels[G_N_ELEMENTS (statuses)] = { NULL };
  GObject *item = G_OBJECT (program);
  GtkWidget *group;
  GtkWidget *button;

  for (guint i = 0; sexes[i]; i++)
    sex_labels[i] = _(sexes[i]);
  for (guint i = 0; statuses[i]; i++)
    status_labels[i] = _(statuses[i]);

  group = add_group (self, _("Programme"), NULL);
  add_entry (self, group, item, "title", _("Title"))->validate = validate_not_blank;
  add_entry (self, group, item, "description", _("Description"));

  group = add_group (self, _("Trainee"), _("The person the model predicts for."));
  add_spin (self, group, item, "trainee-age", _("Age"), _("Years"), NL_AGE_MIN, NL_AGE_MAX, 1, 0);
  add_combo (self, group, item, "trainee-sex", _("Sex"), sex_labels, NULL);
  add_combo (self, group, item, "training-status", _("Training status"), status_labels, NULL);

  group = add_group (self, _("Custom Exercises"),
                     _("Exercises beside the built-in catalogue; they appear under the programme in the outline."));
  button = gtk_button_new_with_mnemonic (_("_Add Custom Exercise"));
  nl_accessible_fix_mnemonic_names (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "exercise");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
}

static void
build_exercise_form (NlEditorForm *self,
                     NlExercise   *exercise)
{
  static const char *modes[] = { N_("Dynamic"), N_("Isometric"), N_("Ballistic"), N_("Eccentric"), NULL };
  static const char *lateralities[] = { N_("Both limbs together"), N_("One limb at a time"), NULL };
  static const char *joints[] = { N_("Single joint"), N_("Several joints"), NULL };
  const NlCatalog *catalog = nl_catalog_get_default ();
  guint n_muscles = nl_catalog_get_n_muscles (catalog);
  g_autofree const char **muscle_labels = g_new0 (const char *, n_muscles + 1);
  const char *labels[5] = { NULL };
  GPtrArray *muscle_ids = g_ptr_array_new_with_free_func (g_free);
  GObject *item = G_OBJECT (exercise);
  GtkWidget *group;
  Field *field;

  for (guint i = 0; i < n_muscles; i++)
    {
      const NlMuscleInfo *muscle = nl_catalog_get_muscle (catalog, i);

      muscle_labels[i] = _(muscle->name);
      g_ptr_array_add (muscle_ids, g_strdup (muscle->id));
    }

  group = add_group (self, _("Custom Exercise"), NULL);
  /* Renaming changes the set groups that name the exercise too: it is
   * committed when typed in full (Enter or the apply button), and only if
   * valid. */
  field = add_entry (self, group, item, "id", _("Identifier"));
  field->validate = validate_exercise_id;
  field->on_apply = TRUE;
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (field->row), TRUE);
  g_signal_connect (field->row, "apply", G_CALLBACK (entry_apply_cb), field);
  add_entry (self, group, item, "name", _("Name"))->validate = validate_not_blank;
  add_combo (self, group, item, "muscle", _("Muscle"), muscle_labels, muscle_ids);
  for (guint i = 0; modes[i]; i++)
    labels[i] = _(modes[i]);
  add_combo (self, group, item, "mode", _("Contraction"), labels, NULL);
  memset (labels, 0, sizeof labels);
  for (guint i = 0; lateralities[i]; i++)
    labels[i] = _(lateralities[i]);
  add_combo (self, group, item, "laterality", _("Limbs"), labels, NULL);
  memset (labels, 0, sizeof labels);
  for (guint i = 0; joints[i]; i++)
    labels[i] = _(joints[i]);
  add_combo (self, group, item, "joints", _("Joints"), labels, NULL);
}

/* Shows the rows that apply to the phase's kind: the cast choices of a
 * training phase (None too) or of an immobilisation phase (a limb is
 * needed), the load progression only in training.  A row that does not
 * apply stays on show while it holds something, so that a file's problem
 * can still be put right here. */
static void
update_phase_rows (NlEditorForm *self)
{
  NlPhase *phase = NL_PHASE (self->item);
  NlPhaseKind kind = nl_phase_get_kind (phase);
  NlLimbs limbs = nl_phase_get_immobilized (phase);

  gtk_widget_set_visible (self->cast_row,
                          kind == NL_PHASE_TRAINING
                          || (kind == NL_PHASE_DETRAINING && limbs != NL_LIMB_NONE));
  gtk_widget_set_visible (self->immobilised_row, kind == NL_PHASE_IMMOBILIZATION);
  gtk_widget_set_visible (self->progression_row,
                          kind == NL_PHASE_TRAINING || nl_phase_get_load_pct_per_week (phase) != 0);
  switch (kind)
    {
    case NL_PHASE_DETRAINING:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->weeks_row), _("Weeks without training"));
      break;
    case NL_PHASE_IMMOBILIZATION:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->weeks_row), _("Weeks in the cast"));
      break;
    case NL_PHASE_TRAINING:
    default:
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->weeks_row), _("Its sessions repeat every week"));
      break;
    }
}

static void
phase_notify_cb (GObject    *phase,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  update_phase_rows (user_data);
}

static void
build_phase_form (NlEditorForm *self,
                  NlPhase      *phase)
{
  static const char *kinds[] = { N_("Training"), N_("Detraining"), N_("Immobilisation"), NULL };
  static const char *limbs[] = { N_("None"), N_("Left"), N_("Right"), N_("Both"), NULL };
  static const guint limb_values[] = { NL_LIMB_NONE, NL_LIMB_LEFT, NL_LIMB_RIGHT, NL_LIMB_BOTH };
  const char *labels[5] = { NULL };
  GObject *item = G_OBJECT (phase);
  GtkWidget *group;

  group = add_group (self, _("Phase"), NULL);
  add_entry (self, group, item, "name", _("Name"));
  for (guint i = 0; kinds[i]; i++)
    labels[i] = _(kinds[i]);
  add_combo (self, group, item, "kind", _("Kind"), labels, NULL);
  add_spin (self, group, item, "weeks", _("Weeks"), _("Its sessions repeat every week"),
            NL_PHASE_WEEKS_MIN, NL_PHASE_WEEKS_MAX, 1, 0);
  self->weeks_row = ((Field *) g_ptr_array_index (self->fields, self->fields->len - 1))->row;
  memset (labels, 0, sizeof labels);
  for (guint i = 0; limbs[i]; i++)
    labels[i] = _(limbs[i]);
  self->cast_row = add_combo_values (self, group, item, "immobilized", _("Limb in a cast"),
                                     labels, NULL, limb_values, G_N_ELEMENTS (limb_values))->row;
  /* An immobilisation phase has a limb in the cast: no "None". */
  self->immobilised_row = add_combo_values (self, group, item, "immobilized", _("Limb in a cast"),
                                            labels + 1, NULL, limb_values + 1,
                                            G_N_ELEMENTS (limb_values) - 1)->row;
  add_spin (self, group, item, "load-pct-per-week", _("Load progression"),
            _("Percentage points of maximum added each week"),
            NL_PROGRESSION_MIN, NL_PROGRESSION_MAX, 0.5, 1);
  self->progression_row = ((Field *) g_ptr_array_index (self->fields, self->fields->len - 1))->row;
  self->phase_notify_id = g_signal_connect (phase, "notify", G_CALLBACK (phase_notify_cb), self);
  update_phase_rows (self);
}

static void
build_session_form (NlEditorForm *self,
                    NlSession    *session)
{
  GObject *item = G_OBJECT (session);
  GtkWidget *group;

  group = add_group (self, _("Session"), _("One day of the weekly template."));
  add_spin (self, group, item, "day", _("Day of the week"), _("1 to 7, unique in the phase"),
            NL_SESSION_DAY_MIN, NL_SESSION_DAY_MAX, 1, 0);
  add_entry (self, group, item, "name", _("Name"));
}

static void
build_sets_form (NlEditorForm *self,
                 NlSetGroup   *sets)
{
  static const char *sides[] = { N_("Both"), N_("Left"), N_("Right"), NULL };
  const NlCatalog *catalog = nl_catalog_get_default ();
  guint n_catalog = nl_catalog_get_n_exercises (catalog);
  GListModel *custom = self->program ? nl_program_get_exercises (self->program) : NULL;
  guint n_custom = custom ? g_list_model_get_n_items (custom) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *current = nl_set_group_get_exercise (sets);
  gboolean found = FALSE;
  const char *labels[4] = { NULL };
  GObject *item = G_OBJECT (sets);
  GtkWidget *group;

  for (guint i = 0; i < n_custom; i++)
    {
      g_autoptr(NlExercise) exercise = g_list_model_get_item (custom, i);
      const char *id = nl_exercise_get_id (exercise);

      if (id == NULL)
        continue;
      g_ptr_array_add (ids, g_strdup (id));
      /* Translators: a custom exercise in the drop-down */
      g_ptr_array_add (names, g_strdup_printf (_("%s (custom)"),
                                               nl_exercise_get_name (exercise) ? nl_exercise_get_name (exercise) : id));
      found |= g_strcmp0 (id, current) == 0;
    }
  for (guint i = 0; i < n_catalog; i++)
    {
      const NlExerciseInfo *info = nl_catalog_get_exercise (catalog, i);

      g_ptr_array_add (ids, g_strdup (info->id));
      g_ptr_array_add (names, g_strdup (_(info->name)));
      found |= g_strcmp0 (info->id, current) == 0;
    }
  /* Keep an unknown id selectable so the form shows what the file says. */
  if (!found && current != NULL)
    {
      g_ptr_array_add (ids, g_strdup (current));
      g_ptr_array_add (names, nl_outline_exercise_name (self->program, current));
    }
  g_ptr_array_add (names, NULL);

  group = add_group (self, _("Sets"), NULL);
  {
    Field *field = add_combo (self, group, item, "exercise", _("Exercise"),
                              (const char * const *) names->pdata, ids);

#if ADW_CHECK_VERSION(1, 4, 0)
    /* Type to find an exercise in the long list. */
    adw_combo_row_set_expression (ADW_COMBO_ROW (field->row),
                                  gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
    adw_combo_row_set_enable_search (ADW_COMBO_ROW (field->row), TRUE);
#else
    (void) field;
#endif
  }
  for (guint i = 0; sides[i]; i++)
    labels[i] = _(sides[i]);
  add_combo (self, group, item, "side", _("Side"), labels, NULL);
  add_spin (self, group, item, "count", _("Sets"), NULL, NL_SETS_COUNT_MIN, NL_SETS_COUNT_MAX, 1, 0);
  add_spin (self, group, item, "reps", _("Repetitions"), NULL, NL_SETS_REPS_MIN, NL_SETS_REPS_MAX, 1, 0);
  add_spin (self, group, item, "load-pct", _("Load"),
    /* xgettext:no-c-format */
    _("% of the one-repetition maximum (or of MVC)"),
            NL_SETS_LOAD_MIN, NL_SETS_LOAD_MAX, 2.5, 1);
  add_spin (self, group, item, "rir", _("Reps in reserve"), _("Repetitions left before failure"),
            NL_SETS_RIR_MIN, NL_SETS_RIR_MAX, 1, 0);
  add_spin (self, group, item, "rest-s", _("Rest"), _("Seconds between sets; 0 when not given"),
            0, NL_SETS_REST_MAX, 5, 0);
  add_switch (self, group, item, "bfr", _("Blood-flow restriction"), _("A cuff limits the blood flow"));
}

/* The document stops updating the fields (before their rows go). */
static void
disconnect_fields (NlEditorForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      g_clear_signal_handler (&field->notify_id, field->item);
    }
}

static void
clear_form (NlEditorForm *self)
{
  GtkWidget *child;

  if (self->item != NULL)
    g_clear_signal_handler (&self->phase_notify_id, self->item);
  self->weeks_row = self->cast_row = self->immobilised_row = self->progression_row = NULL;
  g_clear_pointer (&self->problems_text, g_free);
  /* The rows first: taking a focused entry away can make it emit "changed"
   * (an input method committing), whose handler uses its Field. */
  disconnect_fields (self);
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_ptr_array_set_size (self->fields, 0);
  self->problem_label = NULL;
}

void
nl_editor_form_set_item (NlEditorForm *self,
                         NlProgram    *program,
                         NlUndoStack  *undo_stack,
                         GObject      *item)
{
  g_return_if_fail (NL_IS_EDITOR_FORM (self));

  clear_form (self);
  g_set_object (&self->program, program);
  g_set_object (&self->undo_stack, undo_stack);
  g_set_object (&self->item, item);
  if (item == NULL)
    {
      /* The form is built for what the outline selects, nothing at first. */
      if (program != NULL)
        {
          GtkWidget *hint = gtk_label_new (_("Select the programme, a phase, a session or sets in the outline to edit them."));

          gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
          gtk_label_set_xalign (GTK_LABEL (hint), 0);
          gtk_widget_add_css_class (hint, "dim-label");
          gtk_box_append (GTK_BOX (self->box), hint);
        }
      return;
    }

  self->problem_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->problem_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->problem_label), 0);
  gtk_widget_add_css_class (self->problem_label, "error");
  gtk_widget_set_visible (self->problem_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->problem_label);

  if (NL_IS_PROGRAM (item))
    build_program_form (self, NL_PROGRAM (item));
  else if (NL_IS_EXERCISE (item))
    build_exercise_form (self, NL_EXERCISE (item));
  else if (NL_IS_PHASE (item))
    build_phase_form (self, NL_PHASE (item));
  else if (NL_IS_SESSION (item))
    build_session_form (self, NL_SESSION (item));
  else if (NL_IS_SET_GROUP (item))
    build_sets_form (self, NL_SET_GROUP (item));
}

GObject *
nl_editor_form_get_item (NlEditorForm *self)
{
  g_return_val_if_fail (NL_IS_EDITOR_FORM (self), NULL);
  return self->item;
}

GtkWidget *
nl_editor_form_get_field (NlEditorForm *self,
                          const char   *property)
{
  g_return_val_if_fail (NL_IS_EDITOR_FORM (self), NULL);

  /* Some properties have a row per kind of item: the one on show. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->fields->len; i++)
      {
        Field *field = g_ptr_array_index (self->fields, i);

        if (g_strcmp0 (field->pspec->name, property) == 0
            && (pass == 1 || gtk_widget_get_visible (field->row)))
          return field->input;
      }
  return NULL;
}

/* Problem attributes are the file's; a few differ from the properties. */
static const char *
property_for_attribute (GObject    *item,
                        const char *attribute)
{
  if (attribute == NULL)
    return NULL;
  if (NL_IS_PROGRAM (item) && g_str_equal (attribute, "age"))
    return "trainee-age";
  if (NL_IS_PROGRAM (item) && g_str_equal (attribute, "sex"))
    return "trainee-sex";
  if (NL_IS_PHASE (item) && g_str_equal (attribute, "side"))
    return "immobilized";
  return attribute;
}

void
nl_editor_form_show_problems (NlEditorForm *self,
                              GPtrArray    *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (NL_IS_EDITOR_FORM (self));

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->invalid == NULL)
        {
          gtk_widget_remove_css_class (field->row, "error");
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
        }
      gtk_widget_remove_css_class (field->row, "warning");
    }

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      NlProblem *problem = g_ptr_array_index (problems, i);
      const char *property = property_for_attribute (problem->item, problem->attribute);

      if (problem->item != self->item)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
      for (guint j = 0; property != NULL && j < self->fields->len; j++)
        {
          Field *field = g_ptr_array_index (self->fields, j);

          /* A warning (an implausible load) is not an error: the model runs. */
          if (g_str_equal (field->pspec->name, property))
            {
              gtk_widget_add_css_class (field->row, problem->warning ? "warning" : "error");
              /* A screen reader on the field reads why, too. */
              if (self->problem_label != NULL)
                gtk_accessible_update_relation (GTK_ACCESSIBLE (field->input),
                                                GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->problem_label, NULL,
                                                -1);
            }
        }
    }

  g_free (self->problems_text);
  self->problems_text = g_string_free (g_steal_pointer (&text), FALSE);
  update_problem_label (self);
}

/* The problem label: what is wrong with the text being typed, then the
 * document's problems with this item. */
static void
update_problem_label (NlEditorForm *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->problem_label == NULL)
    return;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->invalid != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", field->invalid);
    }
  if (self->problems_text != NULL && *self->problems_text != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", self->problems_text);
  gtk_label_set_text (GTK_LABEL (self->problem_label), text->str);
  gtk_widget_set_visible (self->problem_label, text->len > 0);
}

static void
nl_editor_form_dispose (GObject *object)
{
  NlEditorForm *self = NL_EDITOR_FORM (object);

  if (self->item != NULL)
    g_clear_signal_handler (&self->phase_notify_id, self->item);
  if (self->fields != NULL)
    disconnect_fields (self);
  g_clear_pointer (&self->problems_text, g_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->fields != NULL)
    g_ptr_array_set_size (self->fields, 0);
  g_clear_object (&self->item);
  g_clear_object (&self->program);
  g_clear_object (&self->undo_stack);
  G_OBJECT_CLASS (nl_editor_form_parent_class)->dispose (object);
}

static void
nl_editor_form_finalize (GObject *object)
{
  NlEditorForm *self = NL_EDITOR_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  G_OBJECT_CLASS (nl_editor_form_parent_class)->finalize (object);
}

static void
nl_editor_form_class_init (NlEditorFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nl_editor_form_dispose;
  object_class->finalize = nl_editor_form_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "editorform");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nl_editor_form_init (NlEditorForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Selected item"), -1);
}

GtkWidget *
nl_editor_form_new (void)
{
  return g_object_new (NL_TYPE_EDITOR_FORM, NULL);
}
