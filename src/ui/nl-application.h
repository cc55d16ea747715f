/* nl-application.h — the Neurolift application
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NL_TYPE_APPLICATION (nl_application_get_type ())

G_DECLARE_FINAL_TYPE (NlApplication, nl_application, NL, APPLICATION, AdwApplication)

NlApplication *nl_application_new                 (void);

/* The directory of the example programmes (templates): $NEUROLIFT_EXAMPLES_DIR
 * for uninstalled runs, else the installed one. */
char          *nl_application_get_examples_dir    (void);
/* The file of the example called @name (without extension), or NULL. */
GFile         *nl_application_find_example        (const char *name);

/* Opens @file in a new window (or the current empty one). */
GtkWindow     *nl_application_open_file           (NlApplication *self,
                                                   GFile         *file);

/* Whether startup offers to restore recovery files (off in tests). */
void           nl_application_set_offer_recovery  (NlApplication *self,
                                                   gboolean       offer);

G_END_DECLS
