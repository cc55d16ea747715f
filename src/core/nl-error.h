/* nl-error.h — error domains of the core library
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NL_PROGRAM_ERROR (nl_program_error_quark ())

typedef enum {
  NL_PROGRAM_ERROR_IO = 1,     /* cannot read or write the file */
  NL_PROGRAM_ERROR_TOO_LARGE,  /* over the size limit */
  NL_PROGRAM_ERROR_SYNTAX,     /* not well-formed XML, bad encoding */
  NL_PROGRAM_ERROR_FORBIDDEN,  /* DOCTYPE, entities, processing the format refuses */
  NL_PROGRAM_ERROR_SCHEMA,     /* does not follow the file format */
  NL_PROGRAM_ERROR_MEANING,    /* well-formed and schema-valid but inconsistent */
} NlProgramError;

#define NL_MODEL_ERROR (nl_model_error_quark ())

typedef enum {
  NL_MODEL_ERROR_INVALID = 1,  /* the options do not fit the programme */
  NL_MODEL_ERROR_CANCELLED,
} NlModelError;

GQuark nl_program_error_quark (void);
GQuark nl_model_error_quark   (void);

G_END_DECLS
