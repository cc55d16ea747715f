/* nl-atomic-file.c — replacing a file so that a crash never damages it
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nl-atomic-file.h"
#include "nl-error.h"

static gboolean
fail (GError    **error,
      const char *path,
      const char *what,
      int         saved_errno)
{
  g_set_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO,
               _("Could not save “%s”: %s (%s)"), path, what, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
nl_atomic_file_replace (GFile       *file,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *target = NULL;
  struct stat st;
  gboolean keep_mode = FALSE;
  mode_t mode = 0;
  int saved_errno;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO,
                   _("Could not save: only local files can be written"));
      return FALSE;
    }

  if (stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        return fail (error, path, _("it is not a regular file"), EINVAL);
      keep_mode = TRUE;
      mode = st.st_mode & 07777;
      /* Saving through a symbolic link replaces the file it points to; the
       * link stays a link. */
      target = realpath (path, NULL);
    }

  dir = g_path_get_dirname (target ? target : path);
  base = g_path_get_basename (target ? target : path);
  /* A hidden name in the same directory: rename() is atomic only within one
   * file system.  A new file gets 0666 less the umask from the kernel
   * (reading the umask with umask() would race with other threads). */
  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, keep_mode ? 0600 : 0666);
  if (fd < 0)
    return fail (error, path, _("cannot create a temporary file in its folder"), errno);

  if (!write_all (fd, data, length))
    goto failed;
  if (keep_mode && fchmod (fd, mode) != 0)
    goto failed;
  if (fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_rename (tmpl, target ? target : path) != 0)
    goto failed;

  /* Make the rename itself durable. */
  {
    int dfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (dfd >= 0)
      {
        fsync (dfd);
        close (dfd);
      }
  }
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmpl);
  return fail (error, path, _("writing failed"), saved_errno);
}
