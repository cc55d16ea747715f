/* nl-catalog.c — the built-in exercise and muscle catalogue
 *
 * Copyright 2026 The Neurolift authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nl-catalog"

#include "config.h"

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "nl-catalog.h"

#define CATALOG_RESOURCE RESOURCE_BASE "/core/exercises.xml"
#define CATALOG_NAMESPACE "urn:neurolift:catalog:1"

struct _NlCatalog {
  GStringChunk *strings;
  GArray       *muscles;    /* NlMuscleInfo */
  GArray       *exercises;  /* NlExerciseInfo */
};

static const char *
dup_attr (NlCatalog  *self,
          xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  const char *ret;

  if (value == NULL)
    g_error ("catalogue: <%s> on line %ld has no %s", node->name, xmlGetLineNo (node), name);
  ret = g_string_chunk_insert_const (self->strings, (const char *) value);
  xmlFree (value);
  return ret;
}

#define ENUM_ATTR(self, node, name, parse, out)                                     \
  G_STMT_START {                                                                    \
    if (!parse (dup_attr (self, node, name), out))                                  \
      g_error ("catalogue: bad %s on line %ld", name, xmlGetLineNo (node));         \
  } G_STMT_END

/* The optional skill attribute: "low" or "high"; absent means by joints. */
static NlSkillClass
parse_skill (xmlNode *node)
{
  g_autofree char *value = NULL;
  xmlChar *raw = xmlGetProp (node, (const xmlChar *) "skill");

  if (raw == NULL)
    return NL_SKILL_BY_JOINTS;
  value = g_strdup ((const char *) raw);
  xmlFree (raw);
  if (g_str_equal (value, "low"))
    return NL_SKILL_LOW;
  if (g_str_equal (value, "high"))
    return NL_SKILL_HIGH;
  g_error ("catalogue: bad skill on line %ld", xmlGetLineNo (node));
  return NL_SKILL_BY_JOINTS;
}

static NlCatalog *
load_catalog (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  NlCatalog *self;
  xmlDoc *doc;
  xmlNode *root;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (CATALOG_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("catalogue resource missing: %s", error->message);
  data = g_bytes_get_data (bytes, &size);

  doc = xmlReadMemory (data, (int) size, "exercises.xml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  if (doc == NULL)
    g_error ("catalogue resource is not well-formed XML");
  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL
      || !xmlStrEqual (root->ns->href, (const xmlChar *) CATALOG_NAMESPACE))
    g_error ("catalogue resource has the wrong root element");

  self = g_new0 (NlCatalog, 1);
  self->strings = g_string_chunk_new (4096);
  self->muscles = g_array_new (FALSE, TRUE, sizeof (NlMuscleInfo));
  self->exercises = g_array_new (FALSE, TRUE, sizeof (NlExerciseInfo));

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrEqual (node->name, (const xmlChar *) "muscle"))
        {
          NlMuscleInfo info = {
            .id = dup_attr (self, node, "id"),
            .name = dup_attr (self, node, "name"),
            .region = dup_attr (self, node, "region"),
          };
          g_array_append_val (self->muscles, info);
        }
      else if (xmlStrEqual (node->name, (const xmlChar *) "exercise"))
        {
          NlExerciseInfo info = {
            .id = dup_attr (self, node, "id"),
            .name = dup_attr (self, node, "name"),
            .muscle = dup_attr (self, node, "muscle"),
          };
          ENUM_ATTR (self, node, "mode", nl_exercise_mode_from_string, &info.mode);
          ENUM_ATTR (self, node, "laterality", nl_laterality_from_string, &info.laterality);
          ENUM_ATTR (self, node, "joints", nl_joints_from_string, &info.joints);
          info.skill = parse_skill (node);
          if (nl_catalog_lookup_muscle (self, info.muscle) == NULL)
            g_error ("catalogue: exercise %s names unknown muscle %s", info.id, info.muscle);
          g_array_append_val (self->exercises, info);
        }
    }

  xmlFreeDoc (doc);
  return self;
}

const NlCatalog *
nl_catalog_get_default (void)
{
  static gsize initialized = 0;
  static NlCatalog *catalog = NULL;

  if (g_once_init_enter (&initialized))
    {
      catalog = load_catalog ();
      g_once_init_leave (&initialized, 1);
    }
  return catalog;
}

guint
nl_catalog_get_n_muscles (const NlCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->muscles->len;
}

const NlMuscleInfo *
nl_catalog_get_muscle (const NlCatalog *self,
                       guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->muscles->len, NULL);
  return &g_array_index (self->muscles, NlMuscleInfo, index);
}

const NlMuscleInfo *
nl_catalog_lookup_muscle (const NlCatalog *self,
                          const char      *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; id != NULL && i < self->muscles->len; i++)
    {
      const NlMuscleInfo *info = &g_array_index (self->muscles, NlMuscleInfo, i);

      if (g_str_equal (info->id, id))
        return info;
    }
  return NULL;
}

guint
nl_catalog_get_n_exercises (const NlCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->exercises->len;
}

const NlExerciseInfo *
nl_catalog_get_exercise (const NlCatalog *self,
                         guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->exercises->len, NULL);
  return &g_array_index (self->exercises, NlExerciseInfo, index);
}

const NlExerciseInfo *
nl_catalog_lookup_exercise (const NlCatalog *self,
                            const char      *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; id != NULL && i < self->exercises->len; i++)
    {
      const NlExerciseInfo *info = &g_array_index (self->exercises, NlExerciseInfo, i);

      if (g_str_equal (info->id, id))
        return info;
    }
  return NULL;
}
