/* nl-source-location.c — finding elements and attributes in the source text
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "nl-source-location.h"

void
_nl_source_text_init (NlSourceText *src,
                      const char   *text,
                      gsize         length)
{
  src->text = text;
  src->length = length;
  src->cursor = 0;
  src->memo_offset = 0;
  src->memo_line = 1;
  src->memo_column = 1;
}

static gboolean
is_name_end (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>';
}

/* Skips comments, CDATA sections and processing instructions, whose text
 * may contain something that looks like a tag. */
static gsize
skip_markup (NlSourceText *src,
             gsize         pos)
{
  static const struct { const char *open, *close; } kinds[] = {
    { "<!--", "-->" },
    { "<![CDATA[", "]]>" },
    { "<?", "?>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize open_len = strlen (kinds[i].open);

      if (pos + open_len <= src->length
          && memcmp (src->text + pos, kinds[i].open, open_len) == 0)
        {
          const char *end = g_strstr_len (src->text + pos + open_len,
                                          src->length - pos - open_len, kinds[i].close);

          return end ? (gsize) (end - src->text) + strlen (kinds[i].close) : src->length;
        }
    }
  return pos;
}

gssize
_nl_source_text_next_tag (NlSourceText *src,
                          const char   *qname)
{
  gsize len = strlen (qname);
  gsize pos = src->cursor;

  while (pos < src->length)
    {
      gsize skipped;
      const char *lt = memchr (src->text + pos, '<', src->length - pos);

      if (lt == NULL)
        return -1;
      pos = (gsize) (lt - src->text);
      if ((skipped = skip_markup (src, pos)) != pos)
        {
          pos = skipped;
          continue;
        }
      if (pos + 1 + len <= src->length
          && memcmp (src->text + pos + 1, qname, len) == 0
          && (pos + 1 + len == src->length || is_name_end (src->text[pos + 1 + len])))
        {
          src->cursor = pos + 1;
          return (gssize) pos;
        }
      pos++;
    }
  return -1;
}

gsize
_nl_source_text_find_attr (NlSourceText *src,
                           gsize         tag_offset,
                           const char   *name)
{
  gsize len = strlen (name);
  char quote = 0;

  for (gsize pos = tag_offset + 1; pos < src->length; pos++)
    {
      char c = src->text[pos];

      if (quote)
        {
          if (c == quote)
            quote = 0;
          continue;
        }
      if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        break;
      else if ((c == ' ' || c == '\t' || c == '\n' || c == '\r')
               && pos + 1 + len <= src->length
               && memcmp (src->text + pos + 1, name, len) == 0)
        {
          gsize after = pos + 1 + len;

          while (after < src->length && strchr (" \t\r\n", src->text[after]) && src->text[after])
            after++;
          if (after < src->length && src->text[after] == '=')
            return pos + 1;
        }
    }
  return tag_offset;
}

NlLocation
_nl_source_text_location (NlSourceText *src,
                          gsize         offset)
{
  NlLocation loc = { 1, 1 };
  gsize start = 0;

  offset = MIN (offset, src->length);
  /* Problems are mostly found in file order: continue from the last one
   * rather than counting lines from the start each time. */
  if (offset >= src->memo_offset)
    {
      start = src->memo_offset;
      loc.line = src->memo_line;
      loc.column = src->memo_column;
    }
  for (gsize i = start; i < offset; i++)
    {
      unsigned char c = (unsigned char) src->text[i];

      if (c == '\n')
        {
          loc.line++;
          loc.column = 1;
        }
      else if ((c & 0xC0) != 0x80)   /* count characters, not UTF-8 continuation bytes */
        loc.column++;
    }
  src->memo_offset = offset;
  src->memo_line = loc.line;
  src->memo_column = loc.column;
  return loc;
}
