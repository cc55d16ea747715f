/* bench-motor-pool.c — speed of the Fuglevand pool
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints medians; asserts nothing about time.  Goal (issue 3): one 120-unit
 * pool swept over 101 effort levels under 0.5 ms.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "nl-motor-unit-pool.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  NlMotorUnitPoolParams params;
  double times[1001];
  double checksum = 0.0;

  nl_motor_unit_pool_params_init (&params);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(NlMotorUnitPool) pool = nl_motor_unit_pool_new (&params, NULL);
      double e_max = nl_motor_unit_pool_get_max_excitation (pool);

      for (guint k = 0; k <= 100; k++)
        {
          NlMotorUnitPoolPoint point;

          nl_motor_unit_pool_evaluate (pool, e_max * k / 100.0, &point);
          checksum += point.force;
        }
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  printf ("motor pool, 120 units, build + 101 effort levels: median %.4f ms (goal < 0.5 ms)\n",
          times[G_N_ELEMENTS (times) / 2]);
  printf ("# checksum %.6f\n", checksum / G_N_ELEMENTS (times));
  return 0;
}
