/* nl-program-reader.c — loading programme files safely, with precise errors
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Order of checks:
 *  1. size limit, before anything is parsed;
 *  2. libxml2 parse with no network, no DTD loading, no entity substitution;
 *     a document type declaration stops the parser at once, so no entity
 *     can ever be declared (no billion laughs, no external entities);
 *  3. a structural walk that builds the document and reports, in plain
 *     words, every element, attribute and value that breaks the format;
 *  4. the RELAX NG schema (a second opinion: if it rejects what the walk
 *     accepted, its message is reported rather than letting a file in);
 *  5. meaning checks (nl_program_check()) mapped back to file positions.
 *
 * Steps 1–4 find *malformed* input: the file is refused.  Step 5 finds
 * problems of a well-formed programme (an unknown exercise, a detraining
 * phase that still holds sessions, an immobilisation phase with no limb in
 * a cast): the programme loads, and the problems are its diagnostics.
 * Everything the editor can hold is well-formed when written, so a saved
 * file always opens again, problems and all.
 */
#define G_LOG_DOMAIN "nl-program-reader"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "nl-error.h"
#include "nl-program-reader-private.h"
#include "nl-program-xml.h"
#include "nl-source-location.h"

#define MAX_DIAGNOSTICS 100

typedef struct {
  const char   *filename;
  NlSourceText  src;
  GPtrArray    *diagnostics;    /* NlDiagnostic */
  GHashTable   *offsets;        /* GObject* -> byte offset of its start tag + 1 */
  NlProgramError first_code;
  gboolean      doctype;
  NlLocation    doctype_at;
} Reader;

void
nl_diagnostic_free (NlDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;
  g_free (diagnostic->message);
  g_free (diagnostic);
}

static void
add_at (Reader         *r,
        NlProgramError  code,
        guint           line,
        guint           column,
        const char     *message)
{
  NlDiagnostic *d;

  if (r->diagnostics->len >= MAX_DIAGNOSTICS)
    return;
  if (r->diagnostics->len == 0)
    r->first_code = code;
  d = g_new0 (NlDiagnostic, 1);
  d->line = line;
  d->column = column;
  /* libxml2 quotes raw bytes of the input in some messages, which may cut a
   * character in half or be no UTF-8 at all; a GError message must be UTF-8. */
  d->message = g_utf8_make_valid (message, -1);
  g_ptr_array_add (r->diagnostics, d);
}

static void G_GNUC_PRINTF (4, 5)
add_at_line (Reader         *r,
             NlProgramError  code,
             xmlNode        *node,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_at (r, code, (guint) MAX (1, xmlGetLineNo (node)), 1, message);
}

static void G_GNUC_PRINTF (4, 5)
add_at_offset (Reader         *r,
               NlProgramError  code,
               gsize           offset,
               const char     *format,
               ...)
{
  g_autofree char *message = NULL;
  NlLocation loc = _nl_source_text_location (&r->src, offset);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_at (r, code, loc.line, loc.column, message);
}

/* ---- Parsing ----------------------------------------------------------- */

static void
refuse_doctype_cb (void          *ctx,
                   const xmlChar *name,
                   const xmlChar *external_id,
                   const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  r->doctype = TRUE;
  r->doctype_at.line = (guint) MAX (1, xmlSAX2GetLineNumber (ctxt));
  r->doctype_at.column = (guint) MAX (1, xmlSAX2GetColumnNumber (ctxt));
  xmlStopParser (ctxt);
}

/* libxml2's messages are written for programmers; say the common ones in
 * plain words and keep the rest as they are. */
static char *
plain_syntax_message (xmlErrorPtr error)
{
  const char *msg = error->message ? error->message : "";

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("this is not an XML file: no start tag was found"));
    case XML_ERR_TAG_NAME_MISMATCH:
      if (error->str1 != NULL && error->str2 != NULL)
        return g_strdup_printf (_("the end tag </%s> does not match the start tag <%s> on line %d"),
                                error->str2, error->str1, error->int1);
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      if (error->str1 != NULL)
        return g_strdup_printf (_("“&%s;” is not a known entity; write a literal & as &amp;"),
                                error->str1);
      break;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      {
        const char *bytes = strstr (msg, "Bytes: ");

        if (bytes != NULL)
          {
            g_autofree char *first = g_strndup (bytes + 7, 4);

            return g_strdup_printf (_("the file is not valid UTF-8 text: byte %s cannot stand "
                                      "here; save the file as UTF-8"), first);
          }
        /* Valid UTF-8, but a character XML does not allow at all. */
        if (error->code == XML_ERR_INVALID_CHAR)
          {
            const char *value = strstr (msg, "Char value ");

            if (value != NULL)
              return g_strdup_printf (_("the file holds control character U+%04X, which a "
                                        "programme file cannot contain; remove it"),
                                      (guint) g_ascii_strtoull (value + 11, NULL, 10));
            return g_strdup (_("the file holds a control character (such as a vertical tab), "
                               "which a programme file cannot contain; remove it"));
          }
        return g_strdup (_("the file is not valid UTF-8 text; save the file as UTF-8"));
      }
    default:
      break;
    }
  if (strstr (msg, "Excessive depth") != NULL)
    return g_strdup (_("the elements are nested far too deeply; a programme file is only four "
                       "levels deep"));
  /* Keep the first line: libxml2 may append a copy of the offending input. */
  return g_strchomp (g_strndup (msg, strcspn (msg, "\n")));
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  Reader *r = user_data;
  g_autofree char *message = NULL;

  if (r->doctype || error == NULL || error->level < XML_ERR_ERROR)
    return;
  message = plain_syntax_message (error);
  add_at (r, NL_PROGRAM_ERROR_SYNTAX, MAX (1, error->line), MAX (1, error->int2), message);
}

static xmlDoc *
parse (Reader     *r,
       const char *data,
       gsize       length)
{
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      add_at (r, NL_PROGRAM_ERROR_IO, 1, 1, _("out of memory"));
      return NULL;
    }
  ctxt->_private = r;
  ctxt->sax->internalSubset = refuse_doctype_cb;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->resolveEntity = NULL;

  xmlSetStructuredErrorFunc (r, structured_error_cb);
  /* Deliberately absent: XML_PARSE_NOENT (entity substitution),
   * XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_XINCLUDE, XML_PARSE_HUGE. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, r->filename, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (r->doctype)
    {
      const char *at = g_strstr_len (data, (gssize) length, "<!DOCTYPE");

      /* libxml2 stops after the name; point at the declaration's start. */
      if (at != NULL)
        r->doctype_at = _nl_source_text_location (&r->src, (gsize) (at - data));
      g_ptr_array_set_size (r->diagnostics, 0);
      add_at (r, NL_PROGRAM_ERROR_FORBIDDEN, r->doctype_at.line, r->doctype_at.column,
              _("a document type declaration (<!DOCTYPE …>) is not allowed in a programme "
                "file: the format has none, and refusing it keeps entity tricks out"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc != NULL && !ctxt->wellFormed)
    g_clear_pointer (&doc, xmlFreeDoc);

  if (doc == NULL && r->diagnostics->len == 0)
    add_at (r, NL_PROGRAM_ERROR_SYNTAX, 1, 1, _("the file is not well-formed XML"));

  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* ---- Values ------------------------------------------------------------ */

typedef struct {
  Reader     *r;
  xmlNode    *node;
  gssize      tag;       /* byte offset of the start tag */
  GHashTable *known;     /* attribute names allowed on this element */
} Element;

static char *
qname (xmlNode *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", node->ns->prefix, node->name);
  return g_strdup ((const char *) node->name);
}

static gsize
attr_offset (Element    *e,
             const char *name)
{
  return _nl_source_text_find_attr (&e->r->src, (gsize) MAX (e->tag, 0), name);
}

static char *
get_attr (Element    *e,
          const char *name)
{
  xmlChar *value;
  char *ret;

  g_hash_table_add (e->known, (gpointer) name);
  value = xmlGetNoNsProp (e->node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  ret = g_strdup ((const char *) value);
  xmlFree (value);
  return ret;
}

static char *
require_attr (Element    *e,
              const char *name)
{
  char *value = get_attr (e, name);

  if (value == NULL)
    add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA, (gsize) MAX (e->tag, 0),
                   _("<%s> needs a “%s” attribute"), (const char *) e->node->name, name);
  return value;
}

static gboolean
parse_integer (Element    *e,
               const char *name,
               const char *text,
               gint64      min,
               gint64      max,
               guint      *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *digits = trimmed;
  gboolean negative = FALSE;
  gint64 value = 0;

  if (*digits == '+')
    digits++;
  else if (*digits == '-')
    {
      negative = TRUE;
      digits++;
    }
  /* "-0" is 0. */
  if (negative && *digits != '\0' && strspn (digits, "0") == strlen (digits))
    negative = FALSE;
  if (*digits == '\0' || strspn (digits, "0123456789") != strlen (digits))
    {
      add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (e, name),
                     _("%s=\"%s\" is not a whole number"), name, text);
      return FALSE;
    }
  /* Anything longer than 12 digits is out of range anyway; this also keeps
   * huge numbers from overflowing. */
  /* A negative whole number is one, only out of range (every minimum here
   * is 0 or more): say so, not that it is no number. */
  if (negative || strlen (digits) > 12 || (value = g_ascii_strtoll (digits, NULL, 10)) < min
      || value > max)
    {
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* The bounds are formatted first: xgettext cannot read a message
       * that has G_GINT64_FORMAT in it. */
      add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (e, name),
                     _("%s is %s, but it must be from %s to %s"), name, trimmed, lo, hi);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

static gboolean
parse_decimal (Element    *e,
               const char *name,
               const char *text,
               double      min,
               double      max,
               double     *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *p = trimmed;
  gsize int_digits, frac_digits = 0;
  double value;

  /* xsd:decimal: optional sign, digits, optional fraction; no exponent,
   * no NaN, no infinity. */
  if (*p == '+' || *p == '-')
    p++;
  int_digits = strspn (p, "0123456789");
  p += int_digits;
  if (*p == '.')
    {
      p++;
      frac_digits = strspn (p, "0123456789");
      p += frac_digits;
    }
  if (*p != '\0' || int_digits + frac_digits == 0)
    {
      add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (e, name),
                     _("%s=\"%s\" is not a plain decimal number such as 72.5"), name, text);
      return FALSE;
    }
  value = g_ascii_strtod (trimmed, NULL);
  if (!isfinite (value) || int_digits > 12 || value < min || value > max)
    {
      add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (e, name),
                     _("%s is %s, but it must be from %g to %g"), name, trimmed, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
parse_keyword (Element     *e,
               const char  *name,
               const char  *text,
               gboolean   (*from_string) (const char *, int *),
               const char  *choices,
               int         *out)
{
  if (from_string (text, out))
    return TRUE;
  add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (e, name),
                 _("%s=\"%s\" is not allowed; use one of: %s"), name, text, choices);
  return FALSE;
}

#define KEYWORD(e, name, text, fn, choices, out)                                     \
  G_STMT_START {                                                                     \
    int v_;                                                                          \
    if (parse_keyword (e, name, text, (gboolean (*) (const char *, int *)) fn,       \
                       choices, &v_))                                                \
      *(out) = v_;                                                                   \
  } G_STMT_END

static gboolean
is_nonblank (const char *text)
{
  for (const char *p = text; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}


static void
check_id (Element    *e,
          const char *name,
          const char *text)
{
  if (text != NULL && !nl_id_is_valid (text))
    add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (e, name),
                   _("%s=\"%s\" is not a valid id: use lower-case letters, digits and single "
                     "hyphens, such as “knee-extension”"), name, text);
}

static void
check_nonblank_attr (Element    *e,
                     const char *name,
                     const char *text)
{
  if (text != NULL && !is_nonblank (text))
    add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (e, name),
                   _("%s must not be empty"), name);
}

/* ---- Elements ---------------------------------------------------------- */

static gboolean
is_ours (xmlNode *node)
{
  return node->ns != NULL && xmlStrEqual (node->ns->href, (const xmlChar *) NL_PROGRAM_NAMESPACE);
}

static void
element_begin (Reader  *r,
               xmlNode *node,
               Element *e)
{
  g_autofree char *name = qname (node);

  e->r = r;
  e->node = node;
  e->tag = _nl_source_text_next_tag (&r->src, name);
  if (e->tag < 0)
    {
      /* Should not happen for a well-formed document; fall back to the line. */
      e->tag = 0;
    }
  e->known = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Reports attributes that were never asked for, and frees @e. */
static void
element_end (Element *e)
{
  for (xmlAttr *attr = e->node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns == NULL && g_hash_table_contains (e->known, attr->name))
        continue;
      add_at_offset (e->r, NL_PROGRAM_ERROR_SCHEMA,
                     attr_offset (e, (const char *) attr->name),
                     _("<%s> has no attribute “%s”"),
                     (const char *) e->node->name, (const char *) attr->name);
    }
  g_clear_pointer (&e->known, g_hash_table_unref);
}

/* Reports a problem at @node's start tag without reading the element.  With
 * @consume the search cursor moves past the tag, as element_begin() does;
 * without it, the element can still be read afterwards. */
static void G_GNUC_PRINTF (4, 5)
report_element (Reader     *r,
                xmlNode    *node,
                gboolean    consume,
                const char *format,
                ...)
{
  g_autofree char *name = qname (node);
  g_autofree char *message = NULL;
  gsize saved = r->src.cursor;
  gssize tag = _nl_source_text_next_tag (&r->src, name);
  va_list args;

  if (!consume)
    r->src.cursor = saved;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) MAX (tag, 0), "%s", message);
}

static void
remember (Reader   *r,
          gpointer  item,
          Element  *e)
{
  g_hash_table_insert (r->offsets, item, GSIZE_TO_POINTER ((gsize) e->tag + 1));
}

/* Walks the children of @parent: text must be blank, every child element
 * must be ours.  Calls @visit for each element child in order. */
typedef void (*VisitFunc) (Reader *r, xmlNode *child, gpointer user_data);

static void
walk_children (Reader    *r,
               Element   *parent,
               VisitFunc  visit,
               gpointer   user_data)
{
  for (xmlNode *child = parent->node->children; child != NULL; child = child->next)
    {
      /* Enough has been said; a hostile file must not keep the walk busy. */
      if (r->diagnostics->len >= MAX_DIAGNOSTICS)
        return;
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (is_nonblank ((const char *) child->content))
            add_at_line (r, NL_PROGRAM_ERROR_SCHEMA, child,
                         _("text is not allowed directly inside <%s>"),
                         (const char *) parent->node->name);
          continue;
        }
      if (child->type == XML_ENTITY_REF_NODE)
        {
          add_at_line (r, NL_PROGRAM_ERROR_FORBIDDEN, child, "%s",
                       _("entity references are not allowed in a programme file"));
          continue;
        }
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!is_ours (child))
        {
          g_autofree char *name = qname (child);

          /* Its attributes and children are not looked at. */
          report_element (r, child, TRUE,
                          _("<%s> is not part of the Neurolift format (namespace %s)"),
                          name, NL_PROGRAM_NAMESPACE);
          continue;
        }
      visit (r, child, user_data);
    }
}

/* No element may appear inside <sets>; walk_children() with this visitor
 * reports any that does. */
static void
refuse_child (Reader  *r,
              xmlNode *node,
              gpointer user_data)
{
  report_element (r, node, TRUE, _("<%s> is not allowed inside <%s>"),
                  (const char *) node->name, (const char *) node->parent->name);
}

typedef struct {
  NlSession *session;
  guint      n_sets;     /* <sets> elements seen, valid or not */
} SessionState;

static void
read_sets (Reader  *r,
           xmlNode *node,
           gpointer user_data)
{
  SessionState *state = user_data;
  NlSession *session = state->session;
  g_autoptr(NlSetGroup) sets = NULL;
  g_autofree char *exercise = NULL, *side = NULL, *count = NULL, *reps = NULL;
  g_autofree char *load = NULL, *rir = NULL, *rest = NULL, *bfr = NULL;
  guint errors = r->diagnostics->len;
  Element e;

  if (!xmlStrEqual (node->name, (const xmlChar *) "sets"))
    {
      report_element (r, node, TRUE,
                      _("<%s> is not allowed inside <session>; a session holds <sets> elements"),
                      (const char *) node->name);
      return;
    }

  element_begin (r, node, &e);

  /* Past the limit, say so once and skip the rest unread. */
  if (state->n_sets++ >= NL_MAX_SETS_PER_SESSION)
    {
      if (state->n_sets == NL_MAX_SETS_PER_SESSION + 1)
        add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) e.tag,
                       _("a session holds at most %d <sets> elements"), NL_MAX_SETS_PER_SESSION);
      g_clear_pointer (&e.known, g_hash_table_unref);
      return;
    }

  exercise = require_attr (&e, "exercise");
  side = get_attr (&e, "side");
  count = require_attr (&e, "count");
  reps = require_attr (&e, "reps");
  load = require_attr (&e, "load-pct");
  rir = get_attr (&e, "rir");
  rest = get_attr (&e, "rest-s");
  bfr = get_attr (&e, "bfr");

  sets = nl_set_group_new (exercise);
  check_id (&e, "exercise", exercise);
  if (side != NULL)
    {
      NlSide v = NL_SIDE_BOTH;

      KEYWORD (&e, "side", side, nl_side_from_string, "both, left, right", &v);
      nl_set_group_set_side (sets, v);
    }
  if (count != NULL)
    {
      guint v;

      if (parse_integer (&e, "count", count, NL_SETS_COUNT_MIN, NL_SETS_COUNT_MAX, &v))
        nl_set_group_set_count (sets, v);
    }
  if (reps != NULL)
    {
      guint v;

      if (parse_integer (&e, "reps", reps, NL_SETS_REPS_MIN, NL_SETS_REPS_MAX, &v))
        nl_set_group_set_reps (sets, v);
    }
  if (load != NULL)
    {
      double v;

      if (parse_decimal (&e, "load-pct", load, NL_SETS_LOAD_MIN, NL_SETS_LOAD_MAX, &v))
        nl_set_group_set_load_pct (sets, v);
    }
  if (rir != NULL)
    {
      guint v;

      if (parse_integer (&e, "rir", rir, NL_SETS_RIR_MIN, NL_SETS_RIR_MAX, &v))
        nl_set_group_set_rir (sets, v);
    }
  if (rest != NULL)
    {
      guint v;

      if (parse_integer (&e, "rest-s", rest, NL_SETS_REST_MIN, NL_SETS_REST_MAX, &v))
        nl_set_group_set_rest_s (sets, v);
    }
  if (bfr != NULL)
    {
      if (g_str_equal (bfr, "true"))
        nl_set_group_set_bfr (sets, TRUE);
      else if (!g_str_equal (bfr, "false"))
        add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (&e, "bfr"),
                       _("bfr=\"%s\" is not allowed; use true or false"), bfr);
    }
  element_end (&e);
  walk_children (r, &(Element) { .r = r, .node = node }, refuse_child, NULL);

  if (r->diagnostics->len == errors)
    {
      remember (r, sets, &e);
      nl_session_insert_sets (session, G_MAXUINT, sets);
    }
}

typedef struct {
  NlPhase     *phase;
  NlPhaseKind  kind;
  gboolean     seen_immobilize;
  gboolean     seen_progression;
} PhaseState;

static void
read_phase_child (Reader  *r,
                  xmlNode *node,
                  gpointer user_data)
{
  PhaseState *state = user_data;
  const char *name = (const char *) node->name;
  Element e;

  if (!g_str_equal (name, "session") && !g_str_equal (name, "immobilize")
      && !g_str_equal (name, "progression"))
    {
      report_element (r, node, TRUE,
                      _("<%s> is not allowed inside <phase>; a phase holds <session>, "
                        "<immobilize> and <progression>"), name);
      return;
    }

  /* Sessions and a progression in a phase of another kind are problems
   * nl_program_check() reports; they are read so that nothing is lost.  An
   * immobilisation phase names its limb with its side attribute, though, so
   * an <immobilize> in it would say it twice. */
  if (state->kind == NL_PHASE_IMMOBILIZATION && g_str_equal (name, "immobilize"))
    {
      report_element (r, node, TRUE,
                      _("<immobilize> is not allowed in a phase of kind=\"immobilization\": "
                        "the phase names the limb in the cast with its own side attribute"));
      return;
    }

  element_begin (r, node, &e);

  if (g_str_equal (name, "session"))
    {
      g_autofree char *day = require_attr (&e, "day");
      g_autofree char *sname = get_attr (&e, "name");
      g_autoptr(NlSession) session = nl_session_new (1);
      guint errors = r->diagnostics->len;
      guint v;

      if (day != NULL && parse_integer (&e, "day", day, NL_SESSION_DAY_MIN, NL_SESSION_DAY_MAX, &v))
        nl_session_set_day (session, v);
      check_nonblank_attr (&e, "name", sname);
      nl_session_set_name (session, sname);
      element_end (&e);
      walk_children (r, &(Element) { .r = r, .node = node }, read_sets,
                     &(SessionState) { .session = session });
      if (r->diagnostics->len == errors)
        {
          remember (r, session, &e);
          nl_phase_insert_session (state->phase, G_MAXUINT, session);
        }
      return;
    }

  if (g_str_equal (name, "immobilize"))
    {
      g_autofree char *side = require_attr (&e, "side");

      if (state->seen_immobilize)
        add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) e.tag,
                       _("a phase may have only one <immobilize>; use side=\"both\" for both limbs"));
      state->seen_immobilize = TRUE;
      if (side != NULL)
        {
          NlLimbs limbs = NL_LIMB_NONE;

          KEYWORD (&e, "side", side, nl_limbs_from_string, "both, left, right", &limbs);
          nl_phase_set_immobilized (state->phase, limbs);
        }
    }
  else
    {
      g_autofree char *pct = require_attr (&e, "load-pct-per-week");
      double v;

      if (state->seen_progression)
        add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) e.tag,
                       _("a phase may have only one <progression>"));
      state->seen_progression = TRUE;
      if (pct != NULL && parse_decimal (&e, "load-pct-per-week", pct,
                                        NL_PROGRESSION_MIN, NL_PROGRESSION_MAX, &v))
        nl_phase_set_load_pct_per_week (state->phase, v);
    }
  element_end (&e);
  walk_children (r, &(Element) { .r = r, .node = node }, refuse_child, NULL);
}

static void
read_phase (Reader    *r,
            xmlNode   *node,
            NlProgram *program)
{
  g_autofree char *name = NULL, *kind = NULL, *weeks = NULL, *side = NULL;
  g_autoptr(NlPhase) phase = nl_phase_new (NL_PHASE_TRAINING, 1);
  PhaseState state = { .phase = phase, .kind = NL_PHASE_TRAINING };
  gboolean kind_ok = FALSE;
  Element e;

  element_begin (r, node, &e);
  name = get_attr (&e, "name");
  kind = require_attr (&e, "kind");
  weeks = require_attr (&e, "weeks");
  side = get_attr (&e, "side");

  check_nonblank_attr (&e, "name", name);
  nl_phase_set_name (phase, name);
  if (kind != NULL)
    {
      int v;

      kind_ok = parse_keyword (&e, "kind", kind,
                               (gboolean (*) (const char *, int *)) nl_phase_kind_from_string,
                               "training, detraining, immobilization", &v);
      if (kind_ok)
        state.kind = (NlPhaseKind) v;
      nl_phase_set_kind (phase, state.kind);
    }
  if (weeks != NULL)
    {
      guint v;

      if (parse_integer (&e, "weeks", weeks, NL_PHASE_WEEKS_MIN, NL_PHASE_WEEKS_MAX, &v))
        nl_phase_set_weeks (phase, v);
    }
  /* Without a side, the phase loads with no limb in a cast, a problem
   * nl_program_check() reports. */
  if (kind_ok && state.kind == NL_PHASE_IMMOBILIZATION)
    {
      if (side != NULL)
        {
          NlLimbs limbs = NL_LIMB_NONE;

          KEYWORD (&e, "side", side, nl_limbs_from_string, "both, left, right", &limbs);
          nl_phase_set_immobilized (phase, limbs);
        }
    }
  else if (kind_ok && side != NULL)
    add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, attr_offset (&e, "side"),
                   _("side is only allowed on an immobilization phase; a training phase "
                     "immobilises a limb with <immobilize side=\"…\"/>"));
  element_end (&e);

  if (kind_ok)
    walk_children (r, &(Element) { .r = r, .node = node }, read_phase_child, &state);
  remember (r, phase, &e);
  nl_program_insert_phase (program, G_MAXUINT, phase);
}

static void
read_exercise (Reader    *r,
               xmlNode   *node,
               NlProgram *program)
{
  g_autofree char *id = NULL, *name = NULL, *muscle = NULL;
  g_autofree char *mode = NULL, *laterality = NULL, *joints = NULL;
  g_autoptr(NlExercise) exercise = NULL;
  Element e;

  element_begin (r, node, &e);
  id = require_attr (&e, "id");
  name = require_attr (&e, "name");
  muscle = require_attr (&e, "muscle");
  mode = require_attr (&e, "mode");
  laterality = require_attr (&e, "laterality");
  joints = require_attr (&e, "joints");

  exercise = nl_exercise_new (id, name, muscle);
  check_id (&e, "id", id);
  check_nonblank_attr (&e, "name", name);
  check_id (&e, "muscle", muscle);
  if (mode != NULL)
    {
      NlExerciseMode v = NL_MODE_DYNAMIC;

      KEYWORD (&e, "mode", mode, nl_exercise_mode_from_string, "dynamic, isometric, ballistic, eccentric", &v);
      nl_exercise_set_mode (exercise, v);
    }
  if (laterality != NULL)
    {
      NlLaterality v = NL_LATERALITY_BILATERAL;

      KEYWORD (&e, "laterality", laterality, nl_laterality_from_string, "bilateral, unilateral", &v);
      nl_exercise_set_laterality (exercise, v);
    }
  if (joints != NULL)
    {
      NlJoints v = NL_JOINTS_SINGLE;

      KEYWORD (&e, "joints", joints, nl_joints_from_string, "single, multi", &v);
      nl_exercise_set_joints (exercise, v);
    }
  element_end (&e);
  walk_children (r, &(Element) { .r = r, .node = node }, refuse_child, NULL);
  remember (r, exercise, &e);
  nl_program_insert_exercise (program, G_MAXUINT, exercise);
}

static void
read_trainee (Reader    *r,
              xmlNode   *node,
              NlProgram *program)
{
  g_autofree char *age = NULL, *sex = NULL, *status = NULL;
  Element e;

  element_begin (r, node, &e);
  age = get_attr (&e, "age");
  sex = get_attr (&e, "sex");
  status = get_attr (&e, "training-status");
  if (age != NULL)
    {
      guint v;

      if (parse_integer (&e, "age", age, NL_AGE_MIN, NL_AGE_MAX, &v))
        nl_program_set_trainee_age (program, v);
    }
  if (sex != NULL)
    {
      NlSex v = NL_SEX_UNSPECIFIED;

      KEYWORD (&e, "sex", sex, nl_sex_from_string, "female, male, unspecified", &v);
      nl_program_set_trainee_sex (program, v);
    }
  if (status != NULL)
    {
      NlTrainingStatus v = NL_TRAINING_STATUS_UNTRAINED;

      KEYWORD (&e, "training-status", status, nl_training_status_from_string,
               "untrained, recreational, trained", &v);
      nl_program_set_training_status (program, v);
    }
  element_end (&e);
  walk_children (r, &(Element) { .r = r, .node = node }, refuse_child, NULL);
}

static char *
read_text_element (Reader  *r,
                   xmlNode *node)
{
  xmlChar *content;
  char *ret;
  Element e;

  element_begin (r, node, &e);
  element_end (&e);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      report_element (r, child, TRUE, _("<%s> may hold only text, not <%s>"),
                      (const char *) node->name, (const char *) child->name);
  content = xmlNodeGetContent (node);
  ret = g_strdup (content ? (const char *) content : "");
  xmlFree (content);
  if (g_str_equal ((const char *) node->name, "title") && !is_nonblank (ret))
    add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) e.tag, _("the title must not be empty"));
  return ret;
}

enum { STAGE_TITLE, STAGE_DESCRIPTION, STAGE_TRAINEE, STAGE_EXERCISE, STAGE_PHASE };

static const char * const stage_names[] = { "title", "description", "trainee", "exercise", "phase" };

typedef struct {
  NlProgram *program;
  int        stage;
  guint      seen[G_N_ELEMENTS (stage_names)];
} ProgramState;

static void
read_program_child (Reader  *r,
                    xmlNode *node,
                    gpointer user_data)
{
  ProgramState *state = user_data;
  const char *name = (const char *) node->name;
  int stage = -1;

  for (guint i = 0; i < G_N_ELEMENTS (stage_names); i++)
    if (g_str_equal (name, stage_names[i]))
      stage = (int) i;

  if (stage < 0)
    {
      report_element (r, node, TRUE,
                      _("<%s> is not allowed inside <program>; expected <title>, <description>, "
                        "<trainee>, <exercise> or <phase>"), name);
      return;
    }
  /* These are reported without reading the element, which follows. */
  if (stage < state->stage)
    report_element (r, node, FALSE, _("<%s> must come before <%s>"),
                    name, stage_names[state->stage]);
  if (stage <= STAGE_TRAINEE && state->seen[stage] > 0)
    report_element (r, node, FALSE, _("a programme has only one <%s>"), name);
  if ((stage == STAGE_PHASE && state->seen[stage] == NL_MAX_PHASES)
      || (stage == STAGE_EXERCISE && state->seen[stage] == NL_MAX_CUSTOM_EXERCISES))
    report_element (r, node, FALSE, _("a programme holds at most %d <%s> elements"),
                    stage == STAGE_PHASE ? NL_MAX_PHASES : NL_MAX_CUSTOM_EXERCISES, name);
  if ((stage == STAGE_PHASE && state->seen[stage] >= NL_MAX_PHASES)
      || (stage == STAGE_EXERCISE && state->seen[stage] >= NL_MAX_CUSTOM_EXERCISES))
    {
      /* Past the limit: already reported, the rest is skipped unread. */
      state->seen[stage]++;
      return;
    }
  state->seen[stage]++;
  state->stage = MAX (state->stage, stage);

  switch (stage)
    {
    case STAGE_TITLE:
      {
        g_autofree char *title = read_text_element (r, node);

        nl_program_set_title (state->program, title);
      }
      break;
    case STAGE_DESCRIPTION:
      {
        g_autofree char *description = read_text_element (r, node);

        nl_program_set_description (state->program, description);
      }
      break;
    case STAGE_TRAINEE:
      read_trainee (r, node, state->program);
      break;
    case STAGE_EXERCISE:
      read_exercise (r, node, state->program);
      break;
    case STAGE_PHASE:
    default:
      read_phase (r, node, state->program);
      break;
    }
}

static NlProgram *
read_program (Reader *r,
              xmlDoc *doc)
{
  g_autoptr(NlProgram) program = nl_program_new ();
  ProgramState state = { .program = program };
  xmlNode *root = xmlDocGetRootElement (doc);
  Element e;

  if (root == NULL)
    {
      add_at (r, NL_PROGRAM_ERROR_SCHEMA, 1, 1, _("the file has no root element"));
      return NULL;
    }

  element_begin (r, root, &e);
  if (root->ns == NULL || !xmlStrEqual (root->name, (const xmlChar *) "program"))
    {
      add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) e.tag,
                     _("this is not a Neurolift programme: the root element must be <program "
                       "xmlns=\"%s\">"), NL_PROGRAM_NAMESPACE);
      g_clear_pointer (&e.known, g_hash_table_unref);
      return NULL;
    }
  if (!is_ours (root))
    {
      const char *href = (const char *) root->ns->href;

      if (g_str_has_prefix (href, "urn:neurolift:program:"))
        add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) e.tag,
                       _("this programme uses version “%s” of the file format, but this version "
                         "of Neurolift reads only version 1"),
                       href + strlen ("urn:neurolift:program:"));
      else
        add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) e.tag,
                       _("<program> is in the wrong namespace “%s”; expected “%s”"),
                       href, NL_PROGRAM_NAMESPACE);
      g_clear_pointer (&e.known, g_hash_table_unref);
      return NULL;
    }
  element_end (&e);
  remember (r, program, &e);
  walk_children (r, &(Element) { .r = r, .node = root }, read_program_child, &state);

  if (state.seen[STAGE_TITLE] == 0)
    add_at_offset (r, NL_PROGRAM_ERROR_SCHEMA, (gsize) e.tag, _("the programme needs a <title>"));
  /* No phase at all is a problem nl_program_check() reports. */
  return g_steal_pointer (&program);
}

/* ---- Schema ------------------------------------------------------------ */

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  Reader *r = user_data;
  g_autofree char *message = NULL;

  if (error == NULL || r == NULL)
    return;
  message = g_strdup_printf (_("does not follow the file format: %s"),
                             error->message ? error->message : "");
  g_strchomp (message);
  add_at (r, NL_PROGRAM_ERROR_SCHEMA, MAX (1, error->line), 1, message);
}

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize initialized = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/core/program-1.rng",
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      xmlRelaxNGParserCtxtPtr pctxt;
      gsize size;
      const char *data;

      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      schema = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      g_assert (schema != NULL);
      g_once_init_leave (&initialized, 1);
    }
  return schema;
}

static gboolean
validate_schema (Reader *r,
                 xmlDoc *doc)
{
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  int ret;

  xmlRelaxNGSetValidStructuredErrors (vctxt, r ? schema_error_cb : NULL, r);
  xmlSetStructuredErrorFunc (NULL, schema_error_cb);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlRelaxNGFreeValidCtxt (vctxt);
  return ret == 0;
}

gboolean
_nl_program_schema_accepts (const char *data,
                            gsize       length)
{
  xmlDoc *doc;
  gboolean ret;

  if (length > NL_PROGRAM_MAX_BYTES)
    return FALSE;
  xmlSetStructuredErrorFunc (NULL, schema_error_cb);
  doc = xmlReadMemory (data, (int) length, "schema-check", NULL, XML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (doc == NULL)
    return FALSE;
  ret = validate_schema (NULL, doc);
  xmlFreeDoc (doc);
  return ret;
}

/* ---- Meaning ----------------------------------------------------------- */

static void
check_meaning (Reader    *r,
               NlProgram *program)
{
  g_autoptr(GPtrArray) problems = nl_program_check (program);

  for (guint i = 0; i < problems->len; i++)
    {
      NlProblem *problem = g_ptr_array_index (problems, i);
      gsize offset = GPOINTER_TO_SIZE (g_hash_table_lookup (r->offsets, problem->item));

      /* Warnings (implausible training) do not stop a file from loading. */
      if (problem->warning)
        continue;
      if (offset > 0)
        offset--;
      if (problem->attribute != NULL)
        offset = _nl_source_text_find_attr (&r->src, offset, problem->attribute);
      add_at_offset (r, NL_PROGRAM_ERROR_MEANING, offset, "%s", problem->message);
    }
}

/* ---- Entry points ------------------------------------------------------ */

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const NlDiagnostic *da = *(NlDiagnostic * const *) a;
  const NlDiagnostic *db = *(NlDiagnostic * const *) b;

  if (da->line != db->line)
    return da->line < db->line ? -1 : 1;
  return da->column < db->column ? -1 : da->column > db->column ? 1 : 0;
}

NlProgram *
nl_program_load_from_data (const char  *data,
                           gsize        length,
                           const char  *filename,
                           GPtrArray  **diagnostics,
                           GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) nl_diagnostic_free);
  g_autoptr(GHashTable) offsets = g_hash_table_new (NULL, NULL);
  g_autoptr(NlProgram) program = NULL;
  Reader r = {
    .filename = filename ? filename : "<memory>",
    .diagnostics = found,
    .offsets = offsets,
  };
  xmlDoc *doc = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  _nl_source_text_init (&r.src, data, length);

  if (length > NL_PROGRAM_MAX_BYTES)
    add_at (&r, NL_PROGRAM_ERROR_TOO_LARGE, 1, 1,
            _("the file is larger than 16 MiB; programme files are far smaller, so this is "
              "not one"));
  else if (length == 0)
    add_at (&r, NL_PROGRAM_ERROR_SYNTAX, 1, 1, _("the file is empty"));
  else if ((doc = parse (&r, data, length)) != NULL)
    {
      program = read_program (&r, doc);
      if (r.diagnostics->len == 0 && !validate_schema (&r, doc) && r.diagnostics->len == 0)
        add_at (&r, NL_PROGRAM_ERROR_SCHEMA, 1, 1, _("does not follow the file format"));
      if (r.diagnostics->len == 0)
        check_meaning (&r, program);
      xmlFreeDoc (doc);
    }

  g_ptr_array_sort (found, compare_diagnostics);

  /* Only malformed input is refused; problems of meaning come alone (they
   * are looked for only when nothing else was found). */
  if (found->len > 0 && r.first_code != NL_PROGRAM_ERROR_MEANING)
    {
      NlDiagnostic *first = g_ptr_array_index (found, 0);

      g_set_error (error, NL_PROGRAM_ERROR, r.first_code, "%s:%u:%u: %s",
                   r.filename, first->line, first->column, first->message);
      g_clear_object (&program);
    }

  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&found);
  return g_steal_pointer (&program);
}

void
nl_program_xml_init (void)
{
  xmlInitParser ();
}

NlProgram *
nl_program_load_from_file (GFile      *file,
                           GPtrArray **diagnostics,
                           GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (diagnostics != NULL)
    *diagnostics = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO, "%s: %s", name,
                   local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO,
                   _("%s: not a regular file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > NL_PROGRAM_MAX_BYTES)
    {
      g_set_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_TOO_LARGE,
                   _("%s:1:1: the file is larger than 16 MiB; programme files are far smaller, "
                     "so this is not one"), name);
      return NULL;
    }

  /* Read at most one byte more than the limit, in case the file grew. */
  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    {
      data = g_malloc (NL_PROGRAM_MAX_BYTES + 2);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, NL_PROGRAM_MAX_BYTES + 1,
                                    &length, NULL, &local_error))
        g_clear_pointer (&data, g_free);
      else
        data[length] = '\0';
    }
  if (data == NULL)
    {
      g_set_error (error, NL_PROGRAM_ERROR, NL_PROGRAM_ERROR_IO, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  return nl_program_load_from_data (data, length, name, diagnostics, error);
}
