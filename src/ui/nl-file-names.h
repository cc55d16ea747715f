/* nl-file-names.h — names for the files a programme is saved to
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* As data/io.github.neurolift.Neurolift.mime.xml names it. */
#define NL_PROGRAMME_MIME_TYPE "application/x-neurolift+xml"

char  *nl_file_name_for_title (const char *title);
GFile *nl_file_with_extension (GFile      *file,
                               const char *extension);

G_END_DECLS
