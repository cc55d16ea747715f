/* nl-test-load.h — loading the programme files the tests use
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include "nl-program-xml.h"

/* Loads the programme at the path made of the elements given, below the
 * tests' source folder (so "..", "data", "examples", … for an example);
 * the test fails if it does not load. */
static inline NlProgram * G_GNUC_NULL_TERMINATED
nl_test_load_program (const char *first_element,
                      ...)
{
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  NlProgram *program;
  va_list args;

  va_start (args, first_element);
  relative = g_build_filename_valist (first_element, &args);
  va_end (args);
  path = g_build_filename (NL_TEST_SRCDIR, relative, NULL);
  file = g_file_new_for_path (path);
  program = nl_program_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (program);
  return program;
}
