/* nl-test-subprocess.h — test cases that need a process of their own
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Runs @body, a GTestFunc, in a subprocess of its own: for cases that
 * change what a process does only once (its environment, GTK's start,
 * its threads).  Register a case with
 * g_test_add_data_func (path, body, nl_test_in_subprocess). */
static inline void
nl_test_in_subprocess (gconstpointer body)
{
  if (g_test_subprocess ())
    {
      ((GTestFunc) body) ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}
