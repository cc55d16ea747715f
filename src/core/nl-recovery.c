/* nl-recovery.c — autosave of unsaved edits into recovery files
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nl-atomic-file.h"
#include "nl-program-xml.h"
#include "nl-recovery.h"

#define INFO_GROUP "Recovery"

struct _NlRecovery
{
  GObject    parent_instance;

  NlProgram *program;
  gulong     changed_id;
  char      *path;          /* DIR/ID.neurolift */
  GFile     *origin;
  guint      interval_ms;
  guint      timeout_id;
  guint      n_writes;
  gboolean   modified;
};

G_DEFINE_FINAL_TYPE (NlRecovery, nl_recovery, G_TYPE_OBJECT)

char *
nl_recovery_get_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "neurolift", "recovery", NULL);
}

static char *
info_path_for (const char *path)
{
  g_autofree char *stem = NULL;

  g_assert (g_str_has_suffix (path, ".neurolift"));
  stem = g_strndup (path, strlen (path) - strlen (".neurolift"));
  return g_strconcat (stem, ".ini", NULL);
}

static gboolean
write_timeout_cb (gpointer user_data)
{
  NlRecovery *self = user_data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;
  if (self->modified && !nl_recovery_write (self, &error))
    g_warning ("Could not write the recovery file %s: %s", self->path, error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule (NlRecovery *self)
{
  if (self->modified && self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->interval_ms, write_timeout_cb, self);
}

static void
program_changed_cb (NlRecovery *self)
{
  schedule (self);
}

NlRecovery *
nl_recovery_new_for_path (NlProgram  *program,
                          const char *recovery_path)
{
  NlRecovery *self;

  g_return_val_if_fail (NL_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (recovery_path != NULL, NULL);
  g_return_val_if_fail (g_str_has_suffix (recovery_path, ".neurolift"), NULL);

  self = g_object_new (NL_TYPE_RECOVERY, NULL);
  self->program = g_object_ref (program);
  self->path = g_strdup (recovery_path);
  self->changed_id = g_signal_connect_swapped (program, "changed",
                                               G_CALLBACK (program_changed_cb), self);
  return self;
}

NlRecovery *
nl_recovery_new (NlProgram  *program,
                 const char *dir)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *basename = g_strconcat (uuid, ".neurolift", NULL);
  g_autofree char *path = NULL;

  if (dir == NULL)
    dir = default_dir = nl_recovery_get_default_dir ();
  path = g_build_filename (dir, basename, NULL);
  return nl_recovery_new_for_path (program, path);
}

void
nl_recovery_set_origin (NlRecovery *self,
                        GFile      *origin)
{
  g_return_if_fail (NL_IS_RECOVERY (self));
  g_set_object (&self->origin, origin);
}

void
nl_recovery_set_modified (NlRecovery *self,
                          gboolean    modified)
{
  g_return_if_fail (NL_IS_RECOVERY (self));

  self->modified = !!modified;
  if (self->modified)
    schedule (self);
  else
    g_clear_handle_id (&self->timeout_id, g_source_remove);
}

void
nl_recovery_set_interval (NlRecovery *self,
                          guint       ms)
{
  g_return_if_fail (NL_IS_RECOVERY (self));
  self->interval_ms = MAX (ms, 1);
}

gboolean
nl_recovery_write (NlRecovery  *self,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) info_file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  gsize length = 0;
  gsize info_length = 0;

  g_return_val_if_fail (NL_IS_RECOVERY (self), FALSE);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The document first, then the note saying whose it is: a crash between
   * the two leaves a restorable document with no origin, never the reverse. */
  xml = nl_program_to_xml (self->program, &length);
  file = g_file_new_for_path (self->path);
  if (!nl_atomic_file_replace (file, xml, length, error))
    return FALSE;

  if (self->origin != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->origin);

      g_key_file_set_string (keyfile, INFO_GROUP, "origin", uri);
    }
  if (nl_program_get_title (self->program) != NULL)
    g_key_file_set_string (keyfile, INFO_GROUP, "title", nl_program_get_title (self->program));
  g_key_file_set_string (keyfile, INFO_GROUP, "saved", stamp);
  info = g_key_file_to_data (keyfile, &info_length, NULL);
  info_path = info_path_for (self->path);
  info_file = g_file_new_for_path (info_path);
  if (!nl_atomic_file_replace (info_file, info, info_length, error))
    return FALSE;

  self->n_writes++;
  return TRUE;
}

void
nl_recovery_discard (NlRecovery *self)
{
  g_autofree char *info_path = NULL;

  g_return_if_fail (NL_IS_RECOVERY (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  info_path = info_path_for (self->path);
  g_unlink (self->path);
  g_unlink (info_path);
}

const char *
nl_recovery_get_path (NlRecovery *self)
{
  g_return_val_if_fail (NL_IS_RECOVERY (self), NULL);
  return self->path;
}

guint
nl_recovery_get_n_writes (NlRecovery *self)
{
  g_return_val_if_fail (NL_IS_RECOVERY (self), 0);
  return self->n_writes;
}

void
nl_recovery_entry_free (NlRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->origin_uri);
  g_free (entry->title);
  g_clear_pointer (&entry->saved, g_date_time_unref);
  g_free (entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const NlRecoveryEntry *ea = *(NlRecoveryEntry * const *) a;
  const NlRecoveryEntry *eb = *(NlRecoveryEntry * const *) b;

  return g_date_time_compare (eb->saved, ea->saved);
}

GPtrArray *
nl_recovery_list (const char *dir)
{
  g_autofree char *default_dir = NULL;
  g_autoptr(GDir) gdir = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nl_recovery_entry_free);
  const char *name;

  if (dir == NULL)
    dir = default_dir = nl_recovery_get_default_dir ();
  gdir = g_dir_open (dir, 0, NULL);
  if (gdir == NULL)
    return entries;

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autofree char *info_path = NULL;
      NlRecoveryEntry *entry;
      GStatBuf st;

      /* Atomic writes leave hidden temporary files behind only on a crash. */
      if (name[0] == '.' || !g_str_has_suffix (name, ".neurolift"))
        continue;

      entry = g_new0 (NlRecoveryEntry, 1);
      entry->path = g_build_filename (dir, name, NULL);
      info_path = info_path_for (entry->path);
      if (g_key_file_load_from_file (keyfile, info_path, G_KEY_FILE_NONE, NULL))
        {
          g_autofree char *saved = g_key_file_get_string (keyfile, INFO_GROUP, "saved", NULL);

          entry->origin_uri = g_key_file_get_string (keyfile, INFO_GROUP, "origin", NULL);
          entry->title = g_key_file_get_string (keyfile, INFO_GROUP, "title", NULL);
          if (saved != NULL)
            entry->saved = g_date_time_new_from_iso8601 (saved, NULL);
        }
      if (entry->saved == NULL && g_stat (entry->path, &st) == 0)
        entry->saved = g_date_time_new_from_unix_utc (st.st_mtime);
      if (entry->saved == NULL)
        entry->saved = g_date_time_new_now_utc ();
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

NlProgram *
nl_recovery_load (NlRecoveryEntry  *entry,
                  GError          **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  file = g_file_new_for_path (entry->path);
  return nl_program_load_from_file (file, NULL, error);
}

void
nl_recovery_entry_delete (NlRecoveryEntry *entry)
{
  g_autofree char *info_path = NULL;

  g_return_if_fail (entry != NULL);

  info_path = info_path_for (entry->path);
  g_unlink (entry->path);
  g_unlink (info_path);
}

static void
nl_recovery_finalize (GObject *object)
{
  NlRecovery *self = NL_RECOVERY (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->program);
  g_clear_object (&self->program);
  g_clear_object (&self->origin);
  g_free (self->path);
  G_OBJECT_CLASS (nl_recovery_parent_class)->finalize (object);
}

static void
nl_recovery_class_init (NlRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nl_recovery_finalize;
}

static void
nl_recovery_init (NlRecovery *self)
{
  self->interval_ms = NL_RECOVERY_INTERVAL_S * 1000;
}
