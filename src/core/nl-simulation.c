/* nl-simulation.c — keeps a programme's timeline up to date in the background
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-simulation"

#include "config.h"

#include <glib/gi18n.h>

#include "nl-adaptation-model.h"
#include "nl-error.h"
#include "nl-simulation.h"

struct _NlSimulation
{
  GObject       parent_instance;

  NlProgram    *program;
  gulong        changed_id;
  guint         debounce_id;

  /* The newest run's cancellable; a finished run whose cancellable is not
   * this one is stale and is dropped. */
  GCancellable *cancellable;

  NlTimeline   *timeline;
  char         *error;
  double        progress;
  guint         population;
  guint         seed;
  gboolean      running;
  guint         runs_started;
};

G_DEFINE_FINAL_TYPE (NlSimulation, nl_simulation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRAM,
  PROP_TIMELINE,
  PROP_RUNNING,
  PROP_PROGRESS,
  PROP_ERROR,
  PROP_POPULATION,
  PROP_SEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Everything the worker needs, copied on the main thread. */
typedef struct {
  NlProgramSnapshot *snapshot;
  NlModelOptions     options;
  GCancellable      *cancellable;
  GWeakRef           self;
  double             last_progress;  /* worker-side throttle */
} RunData;

/* A progress report travelling from the worker to the main thread. */
typedef struct {
  GWeakRef      self;
  GCancellable *cancellable;
  double        fraction;
} ProgressReport;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_clear_pointer (&run->snapshot, nl_program_snapshot_unref);
  g_clear_object (&run->cancellable);
  g_weak_ref_clear (&run->self);
  g_free (run);
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  g_weak_ref_clear (&report->self);
  g_clear_object (&report->cancellable);
  g_free (report);
}

static void
set_running (NlSimulation *self,
             gboolean      running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
set_progress (NlSimulation *self,
              double        progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_error (NlSimulation *self,
           const char   *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_timeline (NlSimulation *self,
              NlTimeline   *timeline)
{
  if (self->timeline == timeline)
    return;
  g_clear_pointer (&self->timeline, nl_timeline_unref);
  self->timeline = timeline ? nl_timeline_ref (timeline) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

static gboolean
deliver_progress_cb (gpointer data)
{
  ProgressReport *report = data;
  g_autoptr(NlSimulation) self = g_weak_ref_get (&report->self);

  if (self != NULL && self->cancellable == report->cancellable)
    set_progress (self, report->fraction);

  return G_SOURCE_REMOVE;
}

/* Called on the worker thread by the model. */
static void
run_progress_cb (double   fraction,
                 gpointer user_data)
{
  RunData *run = user_data;
  ProgressReport *report;

  /* At most about a hundred reports per run reach the main loop. */
  if (fraction < 1.0 && fraction - run->last_progress < 0.01)
    return;
  run->last_progress = fraction;

  report = g_new0 (ProgressReport, 1);
  g_weak_ref_init (&report->self, NULL);
  {
    g_autoptr(GObject) self = g_weak_ref_get (&run->self);
    g_weak_ref_set (&report->self, self);
  }
  report->cancellable = g_object_ref (run->cancellable);
  report->fraction = CLAMP (fraction, 0.0, 1.0);
  g_idle_add_full (G_PRIORITY_DEFAULT, deliver_progress_cb, report, progress_report_free);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  NlTimeline *timeline;

  /* Only the snapshot, the options and the cancellable are touched here:
   * never the programme, never @source_object. */
  timeline = nl_adaptation_model_run (run->snapshot, &run->options, cancellable,
                                      run_progress_cb, run, &error);
  if (timeline == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, timeline, (GDestroyNotify) nl_timeline_unref);
}

static void
run_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  NlSimulation *self = NL_SIMULATION (source_object);
  GTask *task = G_TASK (result);
  g_autoptr(NlTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = g_task_propagate_pointer (task, &error);

  /* A newer edit has started another run: this result is stale. */
  if (g_task_get_cancellable (task) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);

  if (timeline != NULL)
    {
      set_error (self, NULL);
      set_timeline (self, timeline);
      set_progress (self, 1.0);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
           && !g_error_matches (error, NL_MODEL_ERROR, NL_MODEL_ERROR_CANCELLED))
    {
      set_error (self, error->message);
    }

  if (self->debounce_id == 0)
    set_running (self, FALSE);
}

static void
start_run (NlSimulation *self)
{
  g_autoptr(NlProgramSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_clear_handle_id (&self->debounce_id, g_source_remove);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  if (self->program == NULL)
    {
      set_timeline (self, NULL);
      set_error (self, NULL);
      set_running (self, FALSE);
      return;
    }

  snapshot = nl_program_create_snapshot (self->program, &error);
  if (snapshot == NULL)
    {
      /* Keep the last good timeline on screen; say why it is not updating. */
      set_error (self, error->message);
      set_running (self, FALSE);
      return;
    }
  if (snapshot->n_days == 0)
    {
      set_error (self, _("The programme has no weeks to simulate."));
      set_running (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();

  run = g_new0 (RunData, 1);
  run->snapshot = g_steal_pointer (&snapshot);
  nl_model_options_init (&run->options);
  run->options.population = self->population;
  run->options.seed = self->seed;
  run->cancellable = g_object_ref (self->cancellable);
  g_weak_ref_init (&run->self, self);

  set_progress (self, 0.0);
  set_running (self, TRUE);

  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_task_set_source_tag (task, start_run);
  self->runs_started++;
  g_task_set_name (task, "[neurolift] simulation");
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

static gboolean
debounce_cb (gpointer user_data)
{
  NlSimulation *self = user_data;

  self->debounce_id = 0;
  start_run (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_run (NlSimulation *self)
{
  /* A newer programme exists: whatever is running now is already stale. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (NL_SIMULATION_DEBOUNCE_MS, debounce_cb, self);
  set_running (self, TRUE);
}

static void
program_changed_cb (NlSimulation *self,
                    NlProgram    *program)
{
  schedule_run (self);
}

static void
nl_simulation_dispose (GObject *object)
{
  NlSimulation *self = NL_SIMULATION (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->program);
  g_clear_object (&self->program);
  g_clear_pointer (&self->timeline, nl_timeline_unref);

  G_OBJECT_CLASS (nl_simulation_parent_class)->dispose (object);
}

static void
nl_simulation_finalize (GObject *object)
{
  NlSimulation *self = NL_SIMULATION (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (nl_simulation_parent_class)->finalize (object);
}

static void
nl_simulation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NlSimulation *self = NL_SIMULATION (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    case PROP_TIMELINE:
      g_value_set_pointer (value, self->timeline);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_POPULATION:
      g_value_set_uint (value, self->population);
      break;
    case PROP_SEED:
      g_value_set_uint (value, self->seed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_simulation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NlSimulation *self = NL_SIMULATION (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      nl_simulation_set_program (self, g_value_get_object (value));
      break;
    case PROP_POPULATION:
      nl_simulation_set_population (self, g_value_get_uint (value));
      break;
    case PROP_SEED:
      nl_simulation_set_seed (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nl_simulation_class_init (NlSimulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nl_simulation_dispose;
  object_class->finalize = nl_simulation_finalize;
  object_class->get_property = nl_simulation_get_property;
  object_class->set_property = nl_simulation_set_property;

  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL, NL_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* An NlTimeline*, owned by the simulation: ref it to keep it. */
  properties[PROP_TIMELINE] =
    g_param_spec_pointer ("timeline", NULL, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POPULATION] =
    g_param_spec_uint ("population", NULL, NULL, 0, NL_MODEL_MAX_POPULATION, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEED] =
    g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nl_simulation_init (NlSimulation *self)
{
  self->seed = 1;
}

NlSimulation *
nl_simulation_new (void)
{
  return g_object_new (NL_TYPE_SIMULATION, NULL);
}

void
nl_simulation_set_program (NlSimulation *self,
                           NlProgram    *program)
{
  g_return_if_fail (NL_IS_SIMULATION (self));
  g_return_if_fail (program == NULL || NL_IS_PROGRAM (program));

  if (self->program == program)
    return;

  g_clear_signal_handler (&self->changed_id, self->program);
  g_set_object (&self->program, program);
  if (program != NULL)
    self->changed_id = g_signal_connect_object (program, "changed",
                                                G_CALLBACK (program_changed_cb), self,
                                                G_CONNECT_SWAPPED);

  /* A different document: its first result should not wait. */
  set_timeline (self, NULL);
  start_run (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

NlProgram *
nl_simulation_get_program (NlSimulation *self)
{
  g_return_val_if_fail (NL_IS_SIMULATION (self), NULL);
  return self->program;
}

NlTimeline *
nl_simulation_get_timeline (NlSimulation *self)
{
  g_return_val_if_fail (NL_IS_SIMULATION (self), NULL);
  return self->timeline;
}

gboolean
nl_simulation_get_running (NlSimulation *self)
{
  g_return_val_if_fail (NL_IS_SIMULATION (self), FALSE);
  return self->running;
}

double
nl_simulation_get_progress (NlSimulation *self)
{
  g_return_val_if_fail (NL_IS_SIMULATION (self), 0.0);
  return self->progress;
}

const char *
nl_simulation_get_error (NlSimulation *self)
{
  g_return_val_if_fail (NL_IS_SIMULATION (self), NULL);
  return self->error;
}

guint
nl_simulation_get_population (NlSimulation *self)
{
  g_return_val_if_fail (NL_IS_SIMULATION (self), 0);
  return self->population;
}

void
nl_simulation_set_population (NlSimulation *self,
                              guint         population)
{
  g_return_if_fail (NL_IS_SIMULATION (self));

  population = MIN (population, NL_MODEL_MAX_POPULATION);
  if (self->population == population)
    return;
  self->population = population;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POPULATION]);
  nl_simulation_refresh (self);
}

guint
nl_simulation_get_seed (NlSimulation *self)
{
  g_return_val_if_fail (NL_IS_SIMULATION (self), 0);
  return self->seed;
}

void
nl_simulation_set_seed (NlSimulation *self,
                        guint         seed)
{
  g_return_if_fail (NL_IS_SIMULATION (self));

  if (self->seed == seed)
    return;
  self->seed = seed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED]);
  if (self->population > 0)
    nl_simulation_refresh (self);
}

guint
nl_simulation_get_runs_started (NlSimulation *self)
{
  g_return_val_if_fail (NL_IS_SIMULATION (self), 0);
  return self->runs_started;
}

void
nl_simulation_refresh (NlSimulation *self)
{
  g_return_if_fail (NL_IS_SIMULATION (self));

  if (self->program != NULL)
    start_run (self);
}

void
nl_simulation_wait (NlSimulation *self)
{
  g_return_if_fail (NL_IS_SIMULATION (self));

  g_object_ref (self);
  while (self->running)
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (self);
}
