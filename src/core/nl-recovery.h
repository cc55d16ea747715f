/* nl-recovery.h — autosave of unsaved edits into recovery files
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a document has unsaved edits, its canonical XML is written every few
 * seconds (atomically) to DIR/ID.neurolift, with DIR/ID.ini saying which file
 * it belongs to.  Saving or closing without saving removes both.  After a
 * crash, nl_recovery_list() finds them so the next start can offer to restore
 * them; a recovery file is never written over the user's own file.
 * GLib only: no GTK here.
 */
#pragma once

#include <gio/gio.h>

#include "nl-program.h"

G_BEGIN_DECLS

#define NL_TYPE_RECOVERY (nl_recovery_get_type ())

G_DECLARE_FINAL_TYPE (NlRecovery, nl_recovery, NL, RECOVERY, GObject)

/* Seconds between autosaves of a modified document. */
#define NL_RECOVERY_INTERVAL_S 5

/* g_get_user_state_dir()/neurolift/recovery */
char       *nl_recovery_get_default_dir  (void);

/* Watches @program; @dir NULL means the default directory. */
NlRecovery *nl_recovery_new              (NlProgram    *program,
                                          const char   *dir);
/* Takes over an existing recovery file (after restoring it). */
NlRecovery *nl_recovery_new_for_path     (NlProgram    *program,
                                          const char   *recovery_path);

/* The user's file this document belongs to, or NULL for a new one. */
void        nl_recovery_set_origin       (NlRecovery   *self,
                                          GFile        *origin);
/* While TRUE, the document is written every interval; FALSE stops that (it
 * does not remove the file: call nl_recovery_discard() when saved). */
void        nl_recovery_set_modified     (NlRecovery   *self,
                                          gboolean      modified);
void        nl_recovery_set_interval     (NlRecovery   *self,
                                          guint         ms);
/* Writes the recovery file now. */
gboolean    nl_recovery_write            (NlRecovery   *self,
                                          GError      **error);
/* Removes the recovery file (after a save or a close without saving). */
void        nl_recovery_discard          (NlRecovery   *self);
const char *nl_recovery_get_path         (NlRecovery   *self);
/* Number of writes so far (for tests and benchmarks). */
guint       nl_recovery_get_n_writes     (NlRecovery   *self);

typedef struct {
  char      *path;         /* the recovery file */
  char      *origin_uri;   /* the user's file, or NULL for an unsaved new one */
  char      *title;        /* the programme's title, or NULL */
  GDateTime *saved;        /* when it was written */
} NlRecoveryEntry;

void        nl_recovery_entry_free       (NlRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlRecoveryEntry, nl_recovery_entry_free)

/* The recovery files in @dir (NULL: the default), newest first; an array of
 * NlRecoveryEntry, empty when there is nothing to restore. */
GPtrArray  *nl_recovery_list             (const char   *dir);
/* Loads a recovery file; the programme is the one to mark as modified. */
NlProgram  *nl_recovery_load             (NlRecoveryEntry *entry,
                                          GError         **error);
/* Removes a recovery file the user chose not to restore. */
void        nl_recovery_entry_delete     (NlRecoveryEntry *entry);

G_END_DECLS
