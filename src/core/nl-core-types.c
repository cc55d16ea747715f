/* nl-core-types.c — file-format keywords for the core enums
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nl-core-types.h"

static int
lookup (const char * const *names,
        guint               n_names,
        const char         *str)
{
  if (str == NULL)
    return -1;
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], str) == 0)
      return (int) i;
  return -1;
}

#define DEFINE_KEYWORDS(TypeName, type_name, ...)                          \
  static const char * const type_name##_names[] = { __VA_ARGS__ };        \
  const char *                                                             \
  type_name##_to_string (TypeName value)                                   \
  {                                                                        \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (type_name##_names), NULL); \
    return type_name##_names[value];                                       \
  }                                                                        \
  gboolean                                                                 \
  type_name##_from_string (const char *str,                                \
                           TypeName   *out)                                \
  {                                                                        \
    int i = lookup (type_name##_names, G_N_ELEMENTS (type_name##_names), str); \
    if (i < 0)                                                             \
      return FALSE;                                                        \
    *out = (TypeName) i;                                                   \
    return TRUE;                                                           \
  }

DEFINE_KEYWORDS (NlPhaseKind, nl_phase_kind, "training", "detraining", "immobilization")
DEFINE_KEYWORDS (NlSide, nl_side, "both", "left", "right")
DEFINE_KEYWORDS (NlExerciseMode, nl_exercise_mode, "dynamic", "isometric", "ballistic", "eccentric")
DEFINE_KEYWORDS (NlLaterality, nl_laterality, "bilateral", "unilateral")
DEFINE_KEYWORDS (NlJoints, nl_joints, "single", "multi")
DEFINE_KEYWORDS (NlSex, nl_sex, "female", "male", "unspecified")
DEFINE_KEYWORDS (NlTrainingStatus, nl_training_status, "untrained", "recreational", "trained")

const char *
nl_limbs_to_string (NlLimbs limbs)
{
  switch (limbs)
    {
    case NL_LIMB_LEFT:  return "left";
    case NL_LIMB_RIGHT: return "right";
    case NL_LIMB_BOTH:  return "both";
    case NL_LIMB_NONE:
    default:            return NULL;
    }
}

gboolean
nl_limbs_from_string (const char *str,
                      NlLimbs    *out)
{
  NlSide side;

  if (!nl_side_from_string (str, &side))
    return FALSE;
  *out = side == NL_SIDE_LEFT ? NL_LIMB_LEFT : side == NL_SIDE_RIGHT ? NL_LIMB_RIGHT : NL_LIMB_BOTH;
  return TRUE;
}

gboolean
nl_id_is_valid (const char *text)
{
  gsize len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len == 0 || len > 64 || text[0] == '-' || text[len - 1] == '-' || strstr (text, "--"))
    return FALSE;
  return strspn (text, "abcdefghijklmnopqrstuvwxyz0123456789-") == len;
}
