/* nl-program-xml.h — reading and writing programme files (format version 1)
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "nl-program.h"

G_BEGIN_DECLS

#define NL_PROGRAM_NAMESPACE   "urn:neurolift:program:1"
#define NL_PROGRAM_MAX_BYTES   (16 * 1024 * 1024)
#define NL_PROGRAM_MAX_DEPTH   16

/* One problem found in a file, with its position (1-based; 0 if unknown). */
typedef struct {
  guint line;
  guint column;
  char *message;
} NlDiagnostic;

void        nl_diagnostic_free            (NlDiagnostic  *diagnostic);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NlDiagnostic, nl_diagnostic_free)

/* Loads a programme from @data (of @length bytes).  @filename is only used in
 * messages.
 *
 * Malformed input (not XML, unknown elements or attributes, values of the
 * wrong type or out of range, ids that are not valid, …) is refused: NULL is
 * returned and @error is set; its message is the first problem as
 * "FILE:LINE:COLUMN: message".  A well-formed programme with problems of
 * meaning (those nl_program_check() finds: an unknown exercise, sessions in
 * a detraining phase, …) loads: the programme is returned, @error is not
 * set, and the problems are in @diagnostics.  Whatever nl_program_to_xml()
 * writes loads again this way.
 *
 * If @diagnostics is not NULL it receives every problem found (an array of
 * NlDiagnostic): the reasons for refusing, or the problems of meaning of a
 * loaded programme (empty when it has none). */
NlProgram  *nl_program_load_from_data     (const char    *data,
                                           gsize          length,
                                           const char    *filename,
                                           GPtrArray    **diagnostics,
                                           GError       **error);
NlProgram  *nl_program_load_from_file     (GFile         *file,
                                           GPtrArray    **diagnostics,
                                           GError       **error);
/* Loading is safe on any thread once the XML parser is initialised: call
 * this on the main thread before the first load on another, since other
 * libraries of the process (image loaders) may initialise it at the same
 * time.  The schema is compiled once per process, by the first load. */
void        nl_program_xml_init           (void);

/* The canonical form: load then save gives byte-identical output. */
char       *nl_program_to_xml             (NlProgram     *self,
                                           gsize         *length);
/* Atomic: the old file survives a crash or a full disk mid-save; the file's
 * permissions are kept. */
gboolean    nl_program_save_to_file       (NlProgram     *self,
                                           GFile         *file,
                                           GError       **error);

G_END_DECLS
