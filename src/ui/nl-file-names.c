/* nl-file-names.c — names for the files a programme is saved to
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nl-file-names"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nl-file-names.h"

/* @title as a file name that every common file system accepts (USB sticks
 * are often FAT): "A: b" becomes "A - b", any other reserved sign "-". */
char *
nl_file_name_for_title (const char *title)
{
  GString *name = g_string_new (NULL);

  g_return_val_if_fail (title != NULL, NULL);

  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == ':' && p[1] == ' ')
        g_string_append (name, " -");
      else if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
        g_string_append_c (name, '-');
      else
        g_string_append_c (name, *p);
    }
  /* Trailing dots and spaces vanish on some of them. */
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, _("Programme"));
  return g_string_free (name, FALSE);
}

/* Whether @name ends in an extension: a dot, not the first character,
 * then one to five letters or digits ("plan.xml"; not "Dr. Smith"). */
static gboolean
has_extension (const char *name)
{
  const char *dot = strrchr (name, '.');
  gsize n;

  if (dot == NULL || dot == name)
    return FALSE;
  n = strlen (dot + 1);
  if (n < 1 || n > 5)
    return FALSE;
  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* A name typed without any extension gets @extension (".neurolift"), so
 * that the file is listed among its kind by every file chooser and opens
 * with the right program; unless a file of that name exists, which the
 * save dialog did not ask about replacing. */
GFile *
nl_file_with_extension (GFile      *file,
                        const char *extension)
{
  g_autofree char *name = NULL;
  g_autofree char *with = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) candidate = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (extension != NULL && extension[0] == '.', NULL);

  name = g_file_get_basename (file);
  parent = g_file_get_parent (file);
  if (name == NULL || parent == NULL || has_extension (name))
    return g_object_ref (file);
  with = g_strconcat (name, extension, NULL);
  candidate = g_file_get_child (parent, with);
  if (g_file_query_exists (candidate, NULL))
    return g_object_ref (file);
  return g_steal_pointer (&candidate);
}
