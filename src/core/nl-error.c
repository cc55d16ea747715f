/* nl-error.c
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nl-error.h"

G_DEFINE_QUARK (nl-program-error-quark, nl_program_error)
G_DEFINE_QUARK (nl-model-error-quark, nl_model_error)
