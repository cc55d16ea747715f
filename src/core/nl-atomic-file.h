/* nl-atomic-file.h — replacing a file so that a crash never damages it
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes @data to a temporary file beside @file, flushes it to the disk,
 * gives it the permissions of the file it replaces (or the umask's for a new
 * file) and renames it over @file.  At every moment the path holds either
 * the complete old content or the complete new content.  On failure the old
 * file is untouched and the temporary file removed. */
gboolean nl_atomic_file_replace (GFile       *file,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error);

G_END_DECLS
