/* fuzz-program.c — libFuzzer harness for the programme loader and writer
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: loading must never crash, hang or leak, and a refusal must
 * come with a "FILE:LINE:COLUMN: message" error.  Whatever loads must
 * survive the round trip: its canonical text loads again, to an equal
 * document whose canonical text is byte-identical.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nl-program-xml.h"

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

static void
die (const char *what,
     const char *detail,
     const char *text)
{
  fprintf (stderr, "fuzz-program: %s\n%s\n--- canonical text ---\n%s\n",
           what, detail ? detail : "", text ? text : "");
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning from the core is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NlProgram) program = NULL;
  g_autoptr(NlProgram) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;
  guint n_problems = 0;

  program = nl_program_load_from_data ((const char *) data, size, "fuzz.neurolift",
                                       &diagnostics, &error);
  if (program == NULL)
    {
      NlDiagnostic *d;

      if (error == NULL || diagnostics == NULL || diagnostics->len == 0)
        die ("refused without an error or a diagnostic", NULL, NULL);
      if (!g_str_has_prefix (error->message, "fuzz.neurolift:"))
        die ("error does not start with FILE:", error->message, NULL);
      d = g_ptr_array_index (diagnostics, 0);
      if (d->line == 0 || d->column == 0 || d->message == NULL || d->message[0] == '\0')
        die ("diagnostic without a position or a message", error->message, NULL);
      if (!g_utf8_validate (error->message, -1, NULL))
        die ("error message is not UTF-8", NULL, NULL);
      return 0;
    }
  /* A programme that loads may have problems of meaning, and then exactly
   * those nl_program_check() finds. */
  if (error != NULL)
    die ("loaded, yet set an error", error->message, NULL);
  {
    g_autoptr(GPtrArray) problems = nl_program_check (program);
    guint n_errors = 0;

    /* Warnings (implausible training) are not diagnostics. */
    for (guint p = 0; p < problems->len; p++)
      n_errors += !((NlProblem *) g_ptr_array_index (problems, p))->warning;
    /* The loader stops after 100 diagnostics. */
    if (n_errors != diagnostics->len && !(diagnostics->len == 100 && n_errors > 100))
      die ("the diagnostics of a loaded programme are not its problems", NULL, NULL);
    n_problems = diagnostics->len;
  }

  first = nl_program_to_xml (program, &first_len);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  again = nl_program_load_from_data (first, first_len, "canonical.neurolift", &diagnostics,
                                     &error);
  if (again == NULL)
    die ("the canonical text of a loaded programme does not load",
         error ? error->message : NULL, first);
  if (diagnostics->len != n_problems)
    die ("the canonical text has other problems than the programme", NULL, first);

  second = nl_program_to_xml (again, &second_len);
  if (first_len != second_len || memcmp (first, second, first_len) != 0)
    die ("save → load → save is not byte-identical", second, first);
  if (!nl_program_equal (program, again))
    die ("save → load gives a different document", NULL, first);
  return 0;
}
