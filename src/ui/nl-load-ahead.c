/* nl-load-ahead.c — a programme file loaded on a worker thread
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-load-ahead"

#include "config.h"

#include "nl-load-ahead.h"
#include "nl-program-xml.h"

struct _NlLoadAhead
{
  GThread   *thread;
  GFile     *file;
  /* Written by the thread, read after joining it. */
  NlProgram *program;
  GPtrArray *diagnostics;
  GError    *error;
};

static gpointer
load_thread (gpointer data)
{
  NlLoadAhead *self = data;

  self->program = nl_program_load_from_file (self->file, &self->diagnostics, &self->error);
  return NULL;
}

NlLoadAhead *
nl_load_ahead_start (GFile *file)
{
  NlLoadAhead *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  nl_program_xml_init ();
  self = g_new0 (NlLoadAhead, 1);
  self->file = g_object_ref (file);
  self->thread = g_thread_new ("nl-load-ahead", load_thread, self);
  return self;
}

NlProgram *
nl_load_ahead_finish (NlLoadAhead  *self,
                      GPtrArray   **diagnostics,
                      GError      **error)
{
  NlProgram *program;

  g_return_val_if_fail (self != NULL, NULL);

  g_thread_join (self->thread);
  program = g_steal_pointer (&self->program);
  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&self->diagnostics);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));
  g_object_unref (self->file);
  g_free (self);
  return program;
}
