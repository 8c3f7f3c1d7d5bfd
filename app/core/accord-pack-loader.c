/* accord-pack-loader.c: reads a content pack file into an AccordPack
 *
 * Copyright 2026 The Accord authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pipeline, each step refusing what the next one cannot survive:
 *
 *   read_file()         bounded read of a regular file (no FIFOs, devices, …)
 *   accord_json_check() strict RFC 8259, UTF-8, depth ≤ 64, no repeated names
 *   JsonParser          builds the tree
 *   build_pack()        validates every rule of the format while it builds the
 *                       objects; problems become Pending diagnostics tagged
 *                       with their JSON path
 *   finish_diagnostics() re-scans the bytes once to turn those paths into
 *                       line:column, and sorts them into file order
 *
 * The pack is only handed out when there is no error, so a failed load never
 * leaves anything half-built. The format is documented in
 * docs/content-format.md.
 */

#define G_LOG_DOMAIN "accord-core"

#include "config.h"

#include <libintl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "accord-diagnostic.h"
#include "accord-error.h"
#include "accord-json-scan.h"
#include "accord-pack-private.h"
#include "accord-task.h"
#include "accord-types-private.h"

#define FORMAT_NAME        "accord-pack"
#define FORMAT_VERSION     1
#define MAX_TEXT_CHARS     65536
#define MAX_BODY_BYTES     (1024 * 1024)
#define MAX_ID_LENGTH      128
#define MAX_TOPIC_LEVELS   8
#define MAX_DIAGNOSTICS    100    /* shown */
#define MAX_PENDING        10000  /* kept to choose them from, in file order */
#define READ_CHUNK         (1024 * 1024)
#define PATH_MAX_SEGMENTS  (ACCORD_JSON_MAX_DEPTH + 8)

/* Progress is reported in phases, each given about its share of the time a
 * large pack takes (100 MB from the page cache: reading 8%, checking 10%,
 * parsing 62%, building 20%), so that the bar moves at an even pace. */
#define PROGRESS_READ_END  0.08
#define PROGRESS_CHECK_END 0.18
#define PROGRESS_PARSE_END 0.80

typedef struct
{
  AccordSeverity severity;
  int            code;
  gboolean       at_key;   /* point at the member name rather than its value */
  char          *path;
  char          *message;
  gsize          offset;   /* filled in by finish_diagnostics() */
  gboolean       located;
  guint          order;
} Pending;

typedef struct
{
  const char *member;      /* NULL for an array index */
  guint       index;
} Segment;

typedef enum { OPTIONAL, REQUIRED } Need;
typedef enum { TEXT_PLAIN, TEXT_BODY } TextKind;

typedef struct
{
  char               *name;       /* the file as shown in messages */
  GFile              *file;       /* nullable */
  const char         *data;       /* the bytes, without a byte order mark */
  gsize               length;
  GCancellable       *cancellable;
  AccordProgressFunc  progress;
  gpointer            progress_data;
  double              last_progress;

  GArray             *pending;    /* Pending */
  guint               n_errors;
  guint               n_warnings;

  Segment             path[PATH_MAX_SEGMENTS];
  guint               path_len;

  AccordPack         *pack;
  gboolean            translate;  /* the pack's domain has a catalog for this locale */
  GHashTable         *topic_for_object;  /* JsonObject → the AccordTopic built from it */
  guint               n_objects;       /* in the document, counted by the check */
  guint               objects_parsed;
  guint               n_root_topics;
  guint               topics_done;
} Loader;

static void
pending_clear (gpointer data)
{
  Pending *p = data;

  g_free (p->path);
  g_free (p->message);
}

static void
loader_init (Loader       *l,
             const char   *name,
             GCancellable *cancellable)
{
  memset (l, 0, sizeof *l);
  l->name = g_strdup (name);
  l->cancellable = cancellable;
  l->pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (l->pending, pending_clear);
  l->last_progress = -1;
  l->topic_for_object = g_hash_table_new (NULL, NULL);
}

static void
loader_clear (Loader *l)
{
  g_clear_pointer (&l->name, g_free);
  g_clear_pointer (&l->pending, g_array_unref);
  g_clear_pointer (&l->topic_for_object, g_hash_table_unref);
  g_clear_object (&l->pack);
}

static void
report_progress (Loader *l,
                 double  fraction)
{
  if (l->progress == NULL)
    return;

  /* Whole percent steps are plenty for a progress bar. */
  if (fraction < 1.0 && fraction - l->last_progress < 0.01)
    return;

  l->last_progress = fraction;
  l->progress (fraction, l->progress_data);
}

/* Paths */

static void
push_member (Loader     *l,
             const char *member)
{
  g_assert (l->path_len < PATH_MAX_SEGMENTS);
  l->path[l->path_len++] = (Segment) { member, 0 };
}

static void
push_index (Loader *l,
            guint   index)
{
  g_assert (l->path_len < PATH_MAX_SEGMENTS);
  l->path[l->path_len++] = (Segment) { NULL, index };
}

static void
pop (Loader *l)
{
  g_assert (l->path_len > 0);
  l->path_len--;
}

static char *
current_path (Loader *l)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < l->path_len; i++)
    {
      if (l->path[i].member != NULL)
        accord_json_path_append_member (s, l->path[i].member);
      else
        accord_json_path_append_index (s, l->path[i].index);
    }

  return g_string_free (s, FALSE);
}

/* Diagnostics */

static void
add_pending (Loader         *l,
             AccordSeverity  severity,
             int             code,
             gboolean        at_key,
             char           *path,
             char           *message)
{
  Pending p = {
    .severity = severity,
    .code = code,
    .at_key = at_key,
    .path = path,
    .message = message,
    .order = l->pending->len,
  };

  g_array_append_val (l->pending, p);
}

G_GNUC_PRINTF (5, 6)
static void
report (Loader         *l,
        AccordSeverity  severity,
        int             code,
        gboolean        at_key,
        const char     *format,
        ...)
{
  va_list args;
  char *message;

  if (severity == ACCORD_SEVERITY_ERROR)
    l->n_errors++;
  else
    l->n_warnings++;

  /* Validation always goes to the end (a pack is valid or not); past this
   * many, only the count goes on. */
  if (l->pending->len >= MAX_PENDING)
    return;


  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_pending (l, severity, code, at_key, current_path (l), message);
}

#define error_here(l, code, ...)   report (l, ACCORD_SEVERITY_ERROR, code, FALSE, __VA_ARGS__)

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Each check_*() works on the value at the current path. */

static JsonObject *
check_object (Loader   *l,
              JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  error_here (l, ACCORD_PACK_ERROR_TYPE, _("expected an object, found %s"), describe_node (node));
  return NULL;
}

static JsonArray *
check_array (Loader   *l,
             JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  error_here (l, ACCORD_PACK_ERROR_TYPE, _("expected an array, found %s"), describe_node (node));
  return NULL;
}

static const char *
check_string (Loader   *l,
              JsonNode *node)
{
  if (is_string (node))
    return json_node_get_string (node);

  error_here (l, ACCORD_PACK_ERROR_TYPE, _("expected a string, found %s"), describe_node (node));
  return NULL;
}

static gboolean
is_blank (char ch)
{
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* Text: outer white space trimmed, then 1 to 65,536 characters (1 MiB for
 * body text). Returns a new string or NULL. */
static char *
check_text (Loader   *l,
            JsonNode *node,
            TextKind  kind)
{
  const char *raw = check_string (l, node);
  const char *start, *end;
  char *text;

  if (raw == NULL)
    return NULL;

  start = raw;
  end = raw + strlen (raw);
  while (start < end && is_blank (*start))
    start++;
  while (end > start && is_blank (end[-1]))
    end--;

  if (start == end)
    {
      error_here (l, ACCORD_PACK_ERROR_VALUE, _("the text is empty"));
      return NULL;
    }

  if (kind == TEXT_BODY)
    {
      if (end - start > MAX_BODY_BYTES)
        {
          error_here (l, ACCORD_PACK_ERROR_VALUE, _("the text is longer than 1 MiB"));
          return NULL;
        }
    }
  else if (end - start > MAX_TEXT_CHARS &&
           g_utf8_strlen (start, end - start) > MAX_TEXT_CHARS)
    {
      error_here (l, ACCORD_PACK_ERROR_VALUE,
                  _("the text is longer than %d characters"), MAX_TEXT_CHARS);
      return NULL;
    }

  text = g_strndup (start, end - start);

  /* Each text is looked up with its JSON path as context, as
   * build-aux/extract-content-strings.py writes the template. */
  if (l->translate)
    {
      g_autofree char *path = current_path (l);
      const char *translated = g_dpgettext2 (l->pack->translation_domain, path, text);

      if (translated != text)
        {
          g_free (text);
          text = g_strdup (translated);
        }
    }

  return text;
}

static gboolean
is_identifier (const char *s)
{
  gsize n = 0;

  if (!(g_ascii_islower (*s) || g_ascii_isdigit (*s)))
    return FALSE;

  for (; *s; s++, n++)
    if (!(g_ascii_islower (*s) || g_ascii_isdigit (*s) || *s == '.' || *s == '_' || *s == '-'))
      return FALSE;

  return n <= MAX_ID_LENGTH;
}

static const char *
check_identifier (Loader   *l,
                  JsonNode *node)
{
  const char *id = check_string (l, node);

  if (id == NULL)
    return NULL;

  if (!is_identifier (id))
    {
      error_here (l, ACCORD_PACK_ERROR_VALUE,
                  _("“%s” is not a valid id: use 1 to 128 lowercase letters, digits, "
                    "“.”, “_” or “-”, starting with a letter or digit"), id);
      return NULL;
    }

  return id;
}

/* Members */

static JsonNode *
member (Loader     *l,
        JsonObject *object,
        const char *name,
        Need        need)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && need == REQUIRED)
    error_here (l, ACCORD_PACK_ERROR_MISSING, _("missing required member “%s”"), name);

  return node;
}

static char *
read_text (Loader     *l,
           JsonObject *object,
           const char *name,
           Need        need,
           TextKind    kind)
{
  JsonNode *node = member (l, object, name, need);
  char *text;

  if (node == NULL)
    return NULL;

  push_member (l, name);
  text = check_text (l, node, kind);
  pop (l);

  return text;
}

/* Warns about every member of @object not in @known. */
static void
check_members (Loader            *l,
               JsonObject        *object,
               const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;

      push_member (l, name);
      report (l, ACCORD_SEVERITY_WARNING, 0, TRUE,
              _("unknown member “%s” is ignored"), name);
      pop (l);
    }
}

/* Ids and references */

typedef enum
{
  KIND_SOURCE,
  KIND_SUBJECT,
  KIND_ASPECT,
  KIND_TOPIC,
} Kind;

static GHashTable *
table_for (Loader *l,
           Kind    kind)
{
  switch (kind)
    {
    case KIND_SOURCE: return l->pack->sources_by_id;
    case KIND_SUBJECT: return l->pack->subjects_by_id;
    case KIND_ASPECT: return l->pack->aspects_by_id;
    case KIND_TOPIC: default: return l->pack->topics_by_id;
    }
}

static void
report_duplicate_id (Loader     *l,
                     Kind        kind,
                     const char *id)
{
  const int code = ACCORD_PACK_ERROR_DUPLICATE;

  switch (kind)
    {
    case KIND_SOURCE: error_here (l, code, _("another source already has the id “%s”"), id); break;
    case KIND_SUBJECT: error_here (l, code, _("another subject already has the id “%s”"), id); break;
    case KIND_ASPECT: error_here (l, code, _("another aspect already has the id “%s”"), id); break;
    case KIND_TOPIC: default: error_here (l, code, _("another topic already has the id “%s”"), id); break;
    }
}

static void
report_missing_reference (Loader     *l,
                          Kind        kind,
                          const char *id)
{
  const int code = ACCORD_PACK_ERROR_REFERENCE;

  switch (kind)
    {
    case KIND_SOURCE: error_here (l, code, _("no source with id “%s”"), id); break;
    case KIND_SUBJECT: error_here (l, code, _("no subject with id “%s”"), id); break;
    case KIND_ASPECT: error_here (l, code, _("no aspect with id “%s”"), id); break;
    case KIND_TOPIC: default: error_here (l, code, _("no topic with id “%s”"), id); break;
    }
}

static char *
register_id (Loader     *l,
             JsonObject *object,
             Kind        kind,
             gpointer    value)
{
  GHashTable *table = table_for (l, kind);
  JsonNode *node = member (l, object, "id", REQUIRED);
  const char *id;
  char *copy;

  if (node == NULL)
    return NULL;

  push_member (l, "id");
  id = check_identifier (l, node);
  if (id != NULL && g_hash_table_contains (table, id))
    {
      report_duplicate_id (l, kind, id);
      id = NULL;
    }
  pop (l);

  if (id == NULL)
    return NULL;

  /* The table borrows the id from the object, which the pack keeps alive. */
  copy = g_strdup (id);
  g_hash_table_insert (table, copy, value);

  return copy;
}

/* Resolves the id at the current path in @table. */
static gpointer
check_reference (Loader     *l,
                 JsonNode   *node,
                 Kind        kind)
{
  const char *id = check_string (l, node);
  gpointer target;

  if (id == NULL)
    return NULL;

  target = g_hash_table_lookup (table_for (l, kind), id);
  if (target == NULL)
    report_missing_reference (l, kind, id);

  return target;
}

/* Reads an optional array of references into a new array of strong refs. */
static GPtrArray *
read_references (Loader     *l,
                 JsonObject *object,
                 const char *name,
                 Kind        kind)
{
  JsonNode *node = member (l, object, name, OPTIONAL);
  GPtrArray *result = NULL;
  JsonArray *array;

  if (node == NULL)
    return NULL;

  push_member (l, name);
  array = check_array (l, node);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gpointer target;

      push_index (l, i);
      target = check_reference (l, json_array_get_element (array, i), kind);
      pop (l);

      if (target == NULL)
        continue;
      if (result == NULL)
        result = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (result, g_object_ref (target));
    }
  pop (l);

  return result;
}

/* Calls @build for each element of the optional (or required) array member
 * @name, with the path set to the element. */
typedef void (*BuildFunc) (Loader     *l,
                           JsonObject *object,
                           gpointer    data);

static guint
for_each_object (Loader     *l,
                 JsonObject *parent,
                 const char *name,
                 Need        need,
                 BuildFunc   build,
                 gpointer    data)
{
  JsonNode *node = member (l, parent, name, need);
  JsonArray *array;
  guint n = 0;

  if (node == NULL)
    return 0;

  push_member (l, name);
  array = check_array (l, node);
  if (array != NULL)
    {
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *object;

          push_index (l, i);
          object = check_object (l, json_array_get_element (array, i));
          if (object != NULL)
            build (l, object, data);
          pop (l);
        }
    }
  pop (l);

  return n;
}

/* Sources */

static gboolean
is_http_url (Loader     *l,
             const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  const char *scheme;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  if (uri == NULL || strpbrk (url, " \t\n\r\f\v") != NULL)
    {
      error_here (l, ACCORD_PACK_ERROR_VALUE, _("“%s” is not a valid URL"), url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      error_here (l, ACCORD_PACK_ERROR_VALUE,
                  _("“%s:” links are not allowed: a source URL must start with http:// or https://"),
                  scheme);
      return FALSE;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      error_here (l, ACCORD_PACK_ERROR_VALUE, _("the URL “%s” has no host name"), url);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_iso_date (const char *s)
{
  guint year, month, day;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;

  year = g_ascii_strtoull (s, NULL, 10);
  month = g_ascii_strtoull (s + 5, NULL, 10);
  day = g_ascii_strtoull (s + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static void
build_source (Loader     *l,
              JsonObject *object,
              gpointer    data)
{
  static const char * const known[] = { "id", "title", "publisher", "url", "accessed", NULL };
  AccordPack *pack = l->pack;
  g_autoptr(AccordSource) source = g_object_new (ACCORD_TYPE_SOURCE, NULL);
  JsonNode *node;

  check_members (l, object, known);
  source->id = register_id (l, object, KIND_SOURCE, source);
  source->title = read_text (l, object, "title", REQUIRED, TEXT_PLAIN);
  source->publisher = read_text (l, object, "publisher", OPTIONAL, TEXT_PLAIN);

  if ((node = member (l, object, "url", OPTIONAL)) != NULL)
    {
      const char *url;

      push_member (l, "url");
      if ((url = check_string (l, node)) != NULL && is_http_url (l, url))
        source->url = g_strdup (url);
      pop (l);
    }

  if ((node = member (l, object, "accessed", OPTIONAL)) != NULL)
    {
      const char *date;

      push_member (l, "accessed");
      if ((date = check_string (l, node)) != NULL)
        {
          if (is_iso_date (date))
            source->accessed = g_strdup (date);
          else
            error_here (l, ACCORD_PACK_ERROR_VALUE,
                        _("“%s” is not a date: write it as YYYY-MM-DD"), date);
        }
      pop (l);
    }

  g_ptr_array_add (pack->sources, g_steal_pointer (&source));
}

/* Subjects and aspects */

static void
build_subject (Loader     *l,
               JsonObject *object,
               gpointer    data)
{
  static const char * const known[] = { "id", "name", "summary", "sources", NULL };
  AccordPack *pack = l->pack;
  g_autoptr(AccordSubject) subject = g_object_new (ACCORD_TYPE_SUBJECT, NULL);

  check_members (l, object, known);
  subject->position = pack->subjects->len;
  subject->id = register_id (l, object, KIND_SUBJECT, subject);
  subject->name = read_text (l, object, "name", REQUIRED, TEXT_PLAIN);
  subject->summary = read_text (l, object, "summary", OPTIONAL, TEXT_PLAIN);
  subject->sources = read_references (l, object, "sources", KIND_SOURCE);

  g_ptr_array_add (pack->subjects, g_steal_pointer (&subject));
}

static void
build_aspect (Loader     *l,
              JsonObject *object,
              gpointer    data)
{
  static const char * const known[] = { "id", "name", "description", "group", NULL };
  AccordPack *pack = l->pack;
  g_autoptr(AccordAspect) aspect = g_object_new (ACCORD_TYPE_ASPECT, NULL);

  check_members (l, object, known);
  aspect->position = pack->aspects->len;
  aspect->id = register_id (l, object, KIND_ASPECT, aspect);
  aspect->name = read_text (l, object, "name", REQUIRED, TEXT_PLAIN);
  aspect->description = read_text (l, object, "description", OPTIONAL, TEXT_PLAIN);
  aspect->group = read_text (l, object, "group", OPTIONAL, TEXT_PLAIN);

  g_ptr_array_add (pack->aspects, g_steal_pointer (&aspect));
}

/* Reads a required single reference member. */
static gpointer
read_reference (Loader     *l,
                JsonObject *object,
                const char *name,
                Need        need,
                Kind        kind)
{
  JsonNode *node = member (l, object, name, need);
  gpointer target;

  if (node == NULL)
    return NULL;

  push_member (l, name);
  target = check_reference (l, node, kind);
  pop (l);

  return target != NULL ? g_object_ref (target) : NULL;
}

static void
build_characteristic (Loader     *l,
                      JsonObject *object,
                      gpointer    data)
{
  static const char * const known[] = { "subject", "aspect", "text", "sources", NULL };
  AccordPack *pack = l->pack;
  g_autoptr(AccordCharacteristic) characteristic = g_object_new (ACCORD_TYPE_CHARACTERISTIC, NULL);

  check_members (l, object, known);
  characteristic->subject = read_reference (l, object, "subject", REQUIRED, KIND_SUBJECT);
  characteristic->aspect = read_reference (l, object, "aspect", REQUIRED, KIND_ASPECT);
  characteristic->text = read_text (l, object, "text", REQUIRED, TEXT_PLAIN);
  characteristic->sources = read_references (l, object, "sources", KIND_SOURCE);

  if (characteristic->subject == NULL || characteristic->aspect == NULL)
    return;

  characteristic->key = accord_characteristic_key (characteristic->subject, characteristic->aspect);
  if (g_hash_table_contains (pack->characteristics_by_key, &characteristic->key))
    {
      error_here (l, ACCORD_PACK_ERROR_DUPLICATE,
                  _("there is already a characteristic for subject “%s” and aspect “%s”"),
                  characteristic->subject->id, characteristic->aspect->id);
      return;
    }

  g_hash_table_insert (pack->characteristics_by_key, &characteristic->key, characteristic);
  g_ptr_array_add (pack->characteristics, g_steal_pointer (&characteristic));
}

/* Comparisons */

static char **
read_text_array (Loader     *l,
                 JsonObject *object,
                 const char *name,
                 Need        need,
                 TextKind    kind)
{
  JsonNode *node = member (l, object, name, need);
  GPtrArray *texts;
  JsonArray *array;

  if (node == NULL)
    return NULL;

  texts = g_ptr_array_new ();
  push_member (l, name);
  if ((array = check_array (l, node)) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          char *text;

          push_index (l, i);
          if ((text = check_text (l, json_array_get_element (array, i), kind)) != NULL)
            g_ptr_array_add (texts, text);
          pop (l);
        }
    }
  pop (l);
  g_ptr_array_add (texts, NULL);

  return (char **) g_ptr_array_free (texts, FALSE);
}

static void
build_difference (Loader     *l,
                  JsonObject *object,
                  gpointer    data)
{
  static const char * const known[] = { "aspect", "text", NULL };
  AccordComparison *comparison = data;
  g_autoptr(AccordDifference) difference = g_object_new (ACCORD_TYPE_DIFFERENCE, NULL);

  check_members (l, object, known);
  difference->aspect = read_reference (l, object, "aspect", OPTIONAL, KIND_ASPECT);
  difference->text = read_text (l, object, "text", REQUIRED, TEXT_PLAIN);

  if (comparison->differences == NULL)
    comparison->differences = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (comparison->differences, g_steal_pointer (&difference));
}

static void
build_comparison (Loader     *l,
                  JsonObject *object,
                  gpointer    data)
{
  static const char * const known[] = { "subjects", "common", "differences", NULL };
  AccordPack *pack = l->pack;
  g_autoptr(AccordComparison) comparison = g_object_new (ACCORD_TYPE_COMPARISON, NULL);
  JsonNode *node;

  check_members (l, object, known);

  if ((node = member (l, object, "subjects", REQUIRED)) != NULL)
    {
      JsonArray *array;

      push_member (l, "subjects");
      if ((array = check_array (l, node)) != NULL)
        {
          comparison->subjects = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              AccordSubject *subject;

              push_index (l, i);
              subject = check_reference (l, json_array_get_element (array, i), KIND_SUBJECT);
              if (subject != NULL && g_ptr_array_find (comparison->subjects, subject, NULL))
                error_here (l, ACCORD_PACK_ERROR_DUPLICATE,
                            _("subject “%s” is named twice in this comparison"), subject->id);
              else if (subject != NULL)
                g_ptr_array_add (comparison->subjects, g_object_ref (subject));
              pop (l);
            }

          if (json_array_get_length (array) < 2)
            error_here (l, ACCORD_PACK_ERROR_VALUE,
                        _("a comparison needs at least two different subjects"));
        }
      pop (l);
    }

  comparison->common = read_text_array (l, object, "common", OPTIONAL, TEXT_PLAIN);
  if (comparison->common == NULL)
    comparison->common = g_new0 (char *, 1);

  for_each_object (l, object, "differences", OPTIONAL, build_difference, comparison);

  g_ptr_array_add (pack->comparisons, g_steal_pointer (&comparison));
}

/* Topics */

static void
build_block (Loader     *l,
             JsonObject *object,
             gpointer    data)
{
  static const char * const known_text[] = { "type", "text", NULL };
  static const char * const known_list[] = { "type", "items", NULL };
  static const struct { const char *name; AccordBlockKind kind; } kinds[] = {
    { "paragraph", ACCORD_BLOCK_PARAGRAPH },
    { "heading", ACCORD_BLOCK_HEADING },
    { "note", ACCORD_BLOCK_NOTE },
    { "list", ACCORD_BLOCK_LIST },
  };
  AccordTopic *topic = data;
  g_autoptr(AccordBlock) block = NULL;
  JsonNode *node;
  const char *type;
  gboolean found = FALSE;

  if ((node = member (l, object, "type", REQUIRED)) == NULL)
    return;

  push_member (l, "type");
  type = check_string (l, node);
  pop (l);
  if (type == NULL)
    return;

  block = g_object_new (ACCORD_TYPE_BLOCK, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (type, kinds[i].name) == 0)
      {
        block->kind = kinds[i].kind;
        found = TRUE;
      }

  if (!found)
    {
      push_member (l, "type");
      error_here (l, ACCORD_PACK_ERROR_VALUE,
                  _("unknown block type “%s”: use paragraph, heading, note or list"), type);
      pop (l);
      return;
    }

  if (block->kind == ACCORD_BLOCK_LIST)
    {
      check_members (l, object, known_list);
      block->items = read_text_array (l, object, "items", REQUIRED, TEXT_BODY);
      if (block->items == NULL)
        return;
    }
  else
    {
      check_members (l, object, known_text);
      block->text = read_text (l, object, "text", REQUIRED, TEXT_BODY);
      if (block->text == NULL)
        return;
    }

  g_ptr_array_add (topic->body, g_steal_pointer (&block));
}

typedef struct
{
  AccordTopic *parent;   /* NULL at the root */
  GPtrArray   *siblings;
  guint        depth;
} TopicLevel;

static void build_topic (Loader *l, JsonObject *object, gpointer data);

static void
build_topic (Loader     *l,
             JsonObject *object,
             gpointer    data)
{
  static const char * const known[] = {
    "id", "title", "summary", "subjects", "aspects", "body", "related", "sources", "topics", NULL
  };
  TopicLevel *level = data;
  AccordPack *pack = l->pack;
  g_autoptr(AccordTopic) topic = g_object_new (ACCORD_TYPE_TOPIC, NULL);
  TopicLevel children = { topic, NULL, level->depth + 1 };

  if (level->depth >= MAX_TOPIC_LEVELS)
    {
      error_here (l, ACCORD_PACK_ERROR_VALUE,
                  _("topics are nested more than %d levels deep"), MAX_TOPIC_LEVELS);
      return;
    }

  check_members (l, object, known);
  topic->parent = level->parent;
  topic->depth = level->depth;
  topic->id = register_id (l, object, KIND_TOPIC, topic);
  topic->title = read_text (l, object, "title", REQUIRED, TEXT_PLAIN);
  topic->summary = read_text (l, object, "summary", OPTIONAL, TEXT_PLAIN);
  topic->subjects = read_references (l, object, "subjects", KIND_SUBJECT);
  topic->aspects = read_references (l, object, "aspects", KIND_ASPECT);
  topic->sources = read_references (l, object, "sources", KIND_SOURCE);

  topic->body = g_ptr_array_new_with_free_func (g_object_unref);
  for_each_object (l, object, "body", REQUIRED, build_block, topic);
  if (topic->body->len == 0)
    g_clear_pointer (&topic->body, g_ptr_array_unref);

  /* The body is most of a pack's bytes: drop its JSON as soon as it is
   * built, so the tree and the pack are not both in memory at full size. */
  json_object_remove_member (object, "body");

  children.siblings = g_ptr_array_new_with_free_func (g_object_unref);
  for_each_object (l, object, "topics", OPTIONAL, build_topic, &children);
  if (children.siblings->len > 0)
    topic->children = children.siblings;
  else
    g_ptr_array_unref (children.siblings);

  pack->n_topics_total++;
  g_hash_table_insert (l->topic_for_object, object, topic);
  g_ptr_array_add (level->siblings, g_steal_pointer (&topic));

  /* The whole of it is reported once the pack is complete. */
  if (level->depth == 0 && ++l->topics_done < l->n_root_topics)
    report_progress (l, PROGRESS_PARSE_END + (1.0 - PROGRESS_PARSE_END) * l->topics_done /
                        l->n_root_topics);
}

/* Related links need every topic, so they are resolved in a second walk.
 * It follows only what build_topic() accepted, so nothing is reported twice;
 * and it checks the links of every topic, even one whose id was refused. */
static void
link_topics (Loader     *l,
             JsonObject *parent)
{
  JsonNode *node = json_object_get_member (parent, "topics");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  push_member (l, "topics");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      AccordTopic *topic;
      GPtrArray *related;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      object = json_node_get_object (element);
      push_index (l, i);
      related = read_references (l, object, "related", KIND_TOPIC);
      topic = g_hash_table_lookup (l->topic_for_object, object);
      if (topic != NULL)
        topic->related = related;
      else if (related != NULL)
        g_ptr_array_unref (related);
      link_topics (l, object);
      pop (l);
    }
  pop (l);
}

/* The top level */

static gboolean
check_language_tag (const char *tag)
{
  /* BCP 47 in its common shape: 2–8 letters, then subtags of 1–8 alphanumerics. */
  const char *p = tag;
  guint n = 0;

  while (g_ascii_isalpha (*p))
    p++, n++;
  if (n < 2 || n > 8)
    return FALSE;

  while (*p == '-')
    {
      p++;
      for (n = 0; g_ascii_isalnum (*p); p++)
        n++;
      if (n < 1 || n > 8)
        return FALSE;
    }

  return *p == '\0';
}

static gboolean
check_domain_name (const char *domain)
{
  /* Used as a file name under locale/: no separators, no “..”. */
  if (!g_ascii_isalnum (*domain) || strstr (domain, "..") != NULL)
    return FALSE;

  for (const char *p = domain; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;

  return strlen (domain) <= 255;
}

typedef enum { CHECK_LANGUAGE, CHECK_DOMAIN } Check;

static char *
read_checked_string (Loader     *l,
                     JsonObject *object,
                     const char *name,
                     Check       check)
{
  JsonNode *node = member (l, object, name, OPTIONAL);
  const char *value;
  char *result = NULL;

  if (node == NULL)
    return NULL;

  push_member (l, name);
  if ((value = check_string (l, node)) != NULL)
    {
      if (check == CHECK_LANGUAGE && !check_language_tag (value))
        error_here (l, ACCORD_PACK_ERROR_VALUE,
                    _("“%s” is not a language tag such as “en” or “pt-BR”"), value);
      else if (check == CHECK_DOMAIN && !check_domain_name (value))
        error_here (l, ACCORD_PACK_ERROR_VALUE,
                    _("“%s” is not a valid translation domain: use letters, digits, “.”, “_” or “-”"),
                    value);
      else
        result = g_strdup (value);
    }
  pop (l);

  return result;
}

/* json-glib 1.6 converts integer literals with strtoull and a cast, so
 * 18446744073709551617 arrives as -1: read the literal itself from the
 * bytes, at the current path, with a range check. */
static gboolean
read_exact_integer (Loader *l,
                    gint64 *value)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = current_path (l);
  g_autofree char *literal = NULL;
  AccordJsonLocation *location = g_new0 (AccordJsonLocation, 1);
  const char *start, *end;

  g_hash_table_insert (wanted, g_strdup (path), location);
  accord_json_locate (l->data, l->length, wanted);
  if (!location->found)
    return FALSE;

  start = end = l->data + location->value_offset;
  while (end < l->data + l->length && (*end == '-' || g_ascii_isdigit (*end)))
    end++;
  literal = g_strndup (start, end - start);

  return g_ascii_string_to_signed (literal, 10, G_MININT64, G_MAXINT64, value, NULL);
}

/* Returns FALSE when the rest of the file should not be looked at: it is not
 * a pack, or a pack of a newer format. */
static gboolean
check_format (Loader     *l,
              JsonObject *root)
{
  JsonNode *node;
  const char *format;

  if ((node = json_object_get_member (root, "format")) == NULL)
    {
      error_here (l, ACCORD_PACK_ERROR_NOT_A_PACK,
                  _("not an Accord pack: the member “format” is missing"));
      return FALSE;
    }

  push_member (l, "format");
  format = check_string (l, node);
  if (format != NULL && strcmp (format, FORMAT_NAME) != 0)
    error_here (l, ACCORD_PACK_ERROR_NOT_A_PACK,
                _("not an Accord pack: “format” must be “%s”"), FORMAT_NAME);
  pop (l);
  if (format == NULL || strcmp (format, FORMAT_NAME) != 0)
    return FALSE;

  if ((node = member (l, root, "version", REQUIRED)) == NULL)
    return FALSE;

  push_member (l, "version");
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      error_here (l, ACCORD_PACK_ERROR_TYPE, _("expected an integer, found %s"), describe_node (node));
    }
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      /* 1.0, 1e400: json-glib only makes integers of plain digit strings. */
      error_here (l, ACCORD_PACK_ERROR_VALUE, _("the version must be a whole number such as 1"));
    }
  else
    {
      gint64 version;

      /* The number is formatted apart: xgettext cannot see through
       * G_GINT64_FORMAT inside a translatable string. */
      g_autofree char *number = NULL;

      if (!read_exact_integer (l, &version))
        error_here (l, ACCORD_PACK_ERROR_VALUE, _("the version number is out of range"));
      else if ((number = g_strdup_printf ("%" G_GINT64_FORMAT, version)) && version > FORMAT_VERSION)
        /* Translators: %s is a format version number */
        error_here (l, ACCORD_PACK_ERROR_VERSION, _("this pack needs a newer Accord (format %s)"), number);
      else if (version < FORMAT_VERSION)
        /* Translators: %s is a format version number */
        error_here (l, ACCORD_PACK_ERROR_VALUE, _("unknown format version %s: the first version is 1"), number);
    }
  pop (l);

  return l->n_errors == 0;
}

/* Looks for the catalog of the pack's translation domain: in locale/
 * beside the pack file first, then where the domain is already bound (the
 * system's locale directory, or Accord's own for the built-in pack). When
 * there is one for the current language, every text is translated and the
 * pack takes the catalog's language (which decides its text direction). */
static void
setup_translation (Loader *l)
{
  static const char empty_msgid[] = "";
  const char *domain = l->pack->translation_domain;
  const char *header, *language;

  if (domain == NULL)
    return;

  if (l->file != NULL && g_file_is_native (l->file))
    {
      g_autoptr(GFile) parent = g_file_get_parent (l->file);
      g_autoptr(GFile) locale = parent != NULL ? g_file_get_child (parent, "locale") : NULL;

      if (locale != NULL && g_file_query_file_type (locale, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        bindtextdomain (domain, g_file_peek_path (locale));
    }
  bind_textdomain_codeset (domain, "UTF-8");

  /* The empty msgid gives a catalog's header, or nothing without one. (A
   * named constant, so xgettext does not take it for a message.) */
  header = dgettext (domain, empty_msgid);
  if (header == NULL || *header == '\0')
    return;

  l->translate = TRUE;

  language = strstr (header, "Language: ");
  if (language != NULL)
    {
      g_autofree char *tag = g_strndup (language + strlen ("Language: "),
                                        strcspn (language + strlen ("Language: "), "\n"));

      g_strdelimit (tag, "_", '-');
      g_strstrip (tag);
      if (check_language_tag (tag))
        {
          g_free (l->pack->language);
          l->pack->language = g_steal_pointer (&tag);
        }
    }
}

static void
build_pack (Loader     *l,
            JsonObject *root)
{
  static const char * const known[] = {
    "format", "version", "id", "title", "description", "language", "translation-domain",
    "sources", "subjects", "aspects", "characteristics", "comparisons", "topics", NULL
  };
  AccordPack *pack = l->pack;
  TopicLevel roots = { NULL, pack->topics, 0 };
  JsonNode *node;

  if (!check_format (l, root))
    return;

  check_members (l, root, known);

  if ((node = member (l, root, "id", REQUIRED)) != NULL)
    {
      const char *id;

      push_member (l, "id");
      if ((id = check_identifier (l, node)) != NULL)
        pack->id = g_strdup (id);
      pop (l);
    }

  /* Before any text: they may need translating. */
  pack->language = read_checked_string (l, root, "language", CHECK_LANGUAGE);
  if (pack->language == NULL)
    pack->language = g_strdup ("en");
  pack->translation_domain = read_checked_string (l, root, "translation-domain", CHECK_DOMAIN);
  setup_translation (l);

  pack->title = read_text (l, root, "title", REQUIRED, TEXT_PLAIN);
  pack->description = read_text (l, root, "description", OPTIONAL, TEXT_PLAIN);

  /* Referenced things first, whatever their order in the file. */
  for_each_object (l, root, "sources", OPTIONAL, build_source, NULL);

  if (for_each_object (l, root, "subjects", REQUIRED, build_subject, NULL) == 0 &&
      json_object_has_member (root, "subjects") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "subjects")))
    {
      push_member (l, "subjects");
      error_here (l, ACCORD_PACK_ERROR_VALUE, _("a pack needs at least one subject"));
      pop (l);
    }

  for_each_object (l, root, "aspects", OPTIONAL, build_aspect, NULL);
  for_each_object (l, root, "characteristics", OPTIONAL, build_characteristic, NULL);
  for_each_object (l, root, "comparisons", OPTIONAL, build_comparison, NULL);

  if ((node = json_object_get_member (root, "topics")) != NULL && JSON_NODE_HOLDS_ARRAY (node))
    l->n_root_topics = json_array_get_length (json_node_get_array (node));
  for_each_object (l, root, "topics", OPTIONAL, build_topic, &roots);
  link_topics (l, root);
}

/* Turns pending diagnostics into AccordDiagnostics with positions. */

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = a, *pb = b;

  if (pa->offset != pb->offset)
    return pa->offset < pb->offset ? -1 : 1;
  return (int) pa->order - (int) pb->order;
}

static GPtrArray *
finish_diagnostics (Loader *l)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_total = l->n_errors + l->n_warnings;
  guint first_error_index = G_MAXUINT;

  /* Diagnostics from the byte checks already have an offset. */
  for (guint i = 0; i < l->pending->len; i++)
    {
      Pending *p = &g_array_index (l->pending, Pending, i);

      if (!p->located && !g_hash_table_contains (wanted, p->path))
        g_hash_table_insert (wanted, p->path, g_new0 (AccordJsonLocation, 1));
    }

  if (g_hash_table_size (wanted) > 0 && l->data != NULL)
    accord_json_locate (l->data, l->length, wanted);

  for (guint i = 0; i < l->pending->len; i++)
    {
      Pending *p = &g_array_index (l->pending, Pending, i);
      AccordJsonLocation *location;

      if (p->located)
        continue;
      location = g_hash_table_lookup (wanted, p->path);
      if (location != NULL && location->found)
        {
          p->offset = p->at_key ? location->key_offset : location->value_offset;
          p->located = TRUE;
        }
    }

  g_array_sort (l->pending, compare_pending);

  for (guint i = 0; i < l->pending->len; i++)
    if (g_array_index (l->pending, Pending, i).severity == ACCORD_SEVERITY_ERROR)
      {
        first_error_index = i;
        break;
      }

  for (guint i = 0; i < l->pending->len; i++)
    {
      Pending *p = &g_array_index (l->pending, Pending, i);
      guint line = 0, column = 0;

      /* The first problems in file order; and the first error, always. */
      if (i >= MAX_DIAGNOSTICS &&
          !(p->severity == ACCORD_SEVERITY_ERROR && first_error_index == i))
        continue;

      if (p->located && l->data != NULL)
        accord_json_offset_to_position (l->data, l->length, p->offset, &line, &column);

      g_ptr_array_add (result, accord_diagnostic_new (p->severity, p->code, l->name, line, column,
                                                      p->path, p->message));
    }

  if (n_total > result->len)
    {
      guint n_more = n_total - result->len;
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "too many problems: %u more is not shown",
                                      "too many problems: %u more are not shown", n_more),
                         n_more);

      g_ptr_array_add (result, accord_diagnostic_new (l->n_errors > 0 ? ACCORD_SEVERITY_ERROR
                                                                      : ACCORD_SEVERITY_WARNING,
                                                      l->n_errors > 0 ? ACCORD_PACK_ERROR_VALUE : 0,
                                                      l->name, 0, 0, NULL, message));
    }

  return result;
}

/* A problem with the file as a whole, or at a known byte offset. */
static void
report_file_problem (Loader     *l,
                     int         code,
                     gboolean    has_offset,
                     gsize       offset,
                     const char *path,
                     const char *message)
{
  Pending p = {
    .severity = ACCORD_SEVERITY_ERROR,
    .code = code,
    .path = g_strdup (path != NULL ? path : ""),
    .message = g_strdup (message),
    .offset = offset,
    .located = has_offset,
    .order = l->pending->len,
  };

  l->n_errors++;
  g_array_append_val (l->pending, p);
}

static AccordPack *
new_empty_pack (void)
{
  AccordPack *pack = g_object_new (ACCORD_TYPE_PACK, NULL);

  pack->sources = g_ptr_array_new_with_free_func (g_object_unref);
  pack->subjects = g_ptr_array_new_with_free_func (g_object_unref);
  pack->aspects = g_ptr_array_new_with_free_func (g_object_unref);
  pack->characteristics = g_ptr_array_new_with_free_func (g_object_unref);
  pack->comparisons = g_ptr_array_new_with_free_func (g_object_unref);
  pack->topics = g_ptr_array_new_with_free_func (g_object_unref);
  pack->sources_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  pack->subjects_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  pack->aspects_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  pack->topics_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  pack->characteristics_by_key = g_hash_table_new (g_int64_hash, g_int64_equal);

  return pack;
}

static void
on_bytes_checked (gsize    offset,
                  gpointer user_data)
{
  Loader *l = user_data;

  report_progress (l, PROGRESS_READ_END + (PROGRESS_CHECK_END - PROGRESS_READ_END) * offset /
                      MAX (1, l->length));
}

/* JsonParser tells nothing of where it is in the bytes, but it finishes
 * each of the objects the check counted. */
static void
on_object_parsed (JsonParser *parser,
                  JsonObject *object,
                  gpointer    user_data)
{
  Loader *l = user_data;

  if ((++l->objects_parsed & 0xff) == 0)
    report_progress (l, PROGRESS_CHECK_END + (PROGRESS_PARSE_END - PROGRESS_CHECK_END) *
                        l->objects_parsed / MAX (l->objects_parsed, l->n_objects));
}

/* Checks, parses and builds; the bytes are already in memory. */
static void
load_data (Loader *l)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  AccordJsonProblem problem = { 0, };
  gboolean with_progress = l->progress != NULL;
  gsize bom;

  if (!accord_json_check (l->data, l->length, l->cancellable,
                          with_progress ? on_bytes_checked : NULL, l,
                          &l->n_objects, &problem))
    {
      if (!g_cancellable_is_cancelled (l->cancellable))
        report_file_problem (l, problem.code, TRUE, problem.offset, problem.path, problem.message);
      accord_json_problem_clear (&problem);
      return;
    }

  if (g_cancellable_is_cancelled (l->cancellable))
    return;

  /* Positions count from the real start of the file; json-glib gets the
   * JSON without its byte order mark. */
  bom = l->length >= 3 && memcmp (l->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  parser = json_parser_new ();
  if (with_progress)
    g_signal_connect (parser, "object-end", G_CALLBACK (on_object_parsed), l);
  if (!json_parser_load_from_data (parser, l->data + bom, l->length - bom, &parse_error))
    {
      /* accord_json_check() should have caught it already. */
      report_file_problem (l, ACCORD_PACK_ERROR_SYNTAX, FALSE, 0, NULL, parse_error->message);
      return;
    }

  report_progress (l, PROGRESS_PARSE_END);
  if (g_cancellable_is_cancelled (l->cancellable))
    return;

  l->pack = new_empty_pack ();
  build_pack (l, json_node_get_object (json_parser_get_root (parser)));
}

/* UTF-8 even when the file's name is not: diagnostics end up in labels. */
static char *
display_name_for_file (GFile *file)
{
  g_autoptr(GFile) cwd = NULL;
  g_autofree char *cwd_path = g_get_current_dir ();
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;

  if (!g_file_is_native (file))
    return g_file_get_uri (file);

  cwd = g_file_new_for_path (cwd_path);
  relative = g_file_get_relative_path (cwd, file);
  if (relative != NULL)
    return g_filename_display_name (relative);

  path = g_file_get_path (file);
  return g_filename_display_name (path);
}

static GBytes *
read_file (Loader  *l,
           GFile   *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *buffer = NULL;
  gsize size, allocated, used = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, l->cancellable, &error);
  if (info == NULL)
    goto io_error;

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      report_file_problem (l, ACCORD_PACK_ERROR_READ, FALSE, 0, NULL,
                           _("this is a folder, not a pack file"));
      return NULL;
    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* Still a link after following links: it dangles or loops. */
      report_file_problem (l, ACCORD_PACK_ERROR_READ, FALSE, 0, NULL,
                           _("this symbolic link leads nowhere (it is broken or loops)"));
      return NULL;
    default:
      /* FIFOs, sockets and devices could block or never end. */
      report_file_problem (l, ACCORD_PACK_ERROR_READ, FALSE, 0, NULL,
                           _("this is not a regular file"));
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > ACCORD_PACK_MAX_SIZE)
    goto too_large;

  stream = g_file_read (file, l->cancellable, &error);
  if (stream == NULL)
    goto io_error;

  /* The file may grow while it is read: never read past the limit. */
  allocated = size + 1;
  buffer = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (used == allocated)
        {
          if (allocated > ACCORD_PACK_MAX_SIZE)
            goto too_large;
          allocated = MIN (allocated * 2, ACCORD_PACK_MAX_SIZE + 1);
          buffer = g_realloc (buffer, allocated);
        }

      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + used,
                               MIN (allocated - used, READ_CHUNK), l->cancellable, &error);
      if (n < 0)
        goto io_error;
      if (n == 0)
        break;
      used += n;
      report_progress (l, PROGRESS_READ_END * used / MAX (size, used));
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), used);

io_error:
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("cannot read the file: %s"), error->message);
      report_file_problem (l, ACCORD_PACK_ERROR_READ, FALSE, 0, NULL, message);
    }
  return NULL;

too_large:
  report_file_problem (l, ACCORD_PACK_ERROR_TOO_LARGE, FALSE, 0, NULL,
                       _("the file is larger than 256 MiB"));
  return NULL;
}

/* Hands out the result: the pack and no error, or an error and no pack. */
static AccordPack *
loader_finish (Loader     *l,
               GFile      *file,
               GPtrArray **diagnostics,
               GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;

  if (g_cancellable_set_error_if_cancelled (l->cancellable, error))
    return NULL;

  list = finish_diagnostics (l);

  if (l->n_errors > 0)
    {
      for (guint i = 0; i < list->len; i++)
        {
          AccordDiagnostic *d = g_ptr_array_index (list, i);

          if (accord_diagnostic_get_severity (d) == ACCORD_SEVERITY_ERROR)
            {
              g_autofree char *text = accord_diagnostic_to_string (d);

              g_set_error_literal (error, ACCORD_PACK_ERROR, accord_diagnostic_get_code (d), text);
              break;
            }
        }
      g_clear_object (&l->pack);
    }
  else if (file != NULL)
    {
      l->pack->file = g_object_ref (file);
    }

  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&list);

  return g_steal_pointer (&l->pack);
}

/**
 * accord_pack_load_bytes:
 * @bytes: the content of a pack file
 * @display_name: how to name it in diagnostics
 * @cancellable: (nullable): a #GCancellable
 * @diagnostics: (out) (optional) (element-type AccordDiagnostic): every error
 *   and warning, in file order
 * @error: the first error, formatted as a complete diagnostic
 *
 * Loads a pack from memory, e.g. the built-in one from a GResource.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL on error
 */
AccordPack *
accord_pack_load_bytes (GBytes        *bytes,
                        const char    *display_name,
                        GCancellable  *cancellable,
                        GPtrArray    **diagnostics,
                        GError       **error)
{
  Loader l;
  AccordPack *pack;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  loader_init (&l, display_name, cancellable);
  l.data = g_bytes_get_data (bytes, &length);
  l.length = length;

  if (l.length > ACCORD_PACK_MAX_SIZE)
    report_file_problem (&l, ACCORD_PACK_ERROR_TOO_LARGE, FALSE, 0, NULL,
                         _("the file is larger than 256 MiB"));
  else
    load_data (&l);

  pack = loader_finish (&l, NULL, diagnostics, error);
  loader_clear (&l);

  return pack;
}

static AccordPack *
load_file (GFile              *file,
           GCancellable       *cancellable,
           AccordProgressFunc  progress,
           gpointer            progress_data,
           GPtrArray         **diagnostics,
           GError            **error)
{
  g_autofree char *name = display_name_for_file (file);
  g_autoptr(GBytes) bytes = NULL;
  AccordPack *pack;
  Loader l;

  loader_init (&l, name, cancellable);
  l.file = file;
  l.progress = progress;
  l.progress_data = progress_data;

  if ((bytes = read_file (&l, file)) != NULL)
    {
      gsize length;

      l.data = g_bytes_get_data (bytes, &length);
      l.length = length;
      load_data (&l);
    }

  pack = loader_finish (&l, file, diagnostics, error);
  if (pack != NULL)
    report_progress (&l, 1.0);
  loader_clear (&l);

  return pack;
}

/**
 * accord_pack_load_file:
 * @file: a pack file
 * @cancellable: (nullable): a #GCancellable
 * @diagnostics: (out) (optional) (element-type AccordDiagnostic): every error
 *   and warning, in file order
 * @error: the first error, formatted as a complete diagnostic
 *
 * Loads a pack synchronously (for the command line and tests; the window
 * uses accord_pack_load_async()).
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL on error
 */
AccordPack *
accord_pack_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GPtrArray    **diagnostics,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_file (file, cancellable, NULL, NULL, diagnostics, error);
}

/* Async loading: a GTask thread, with progress marshalled back to the
 * caller's main context. */

typedef struct
{
  GFile              *file;
  AccordProgressFunc  progress;
  gpointer            progress_data;
  GDestroyNotify      progress_data_free;
  GPtrArray          *diagnostics;
} LoadData;

typedef struct
{
  GTask  *task;
  double  fraction;
} ProgressUpdate;

static void
load_data_free (gpointer data)
{
  LoadData *ld = data;

  g_clear_object (&ld->file);
  if (ld->progress_data_free != NULL)
    ld->progress_data_free (ld->progress_data);
  g_clear_pointer (&ld->diagnostics, g_ptr_array_unref);
  g_free (ld);
}

static gboolean
progress_in_main_context (gpointer data)
{
  ProgressUpdate *update = data;
  LoadData *ld = g_task_get_task_data (update->task);

  /* A cancelled load runs on until JsonParser is done, but its caller
   * has moved on: a newer load may be showing its own progress. */
  if (!g_task_get_completed (update->task) &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (update->task)))
    ld->progress (update->fraction, ld->progress_data);

  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->task);
  g_free (update);
}

static void
progress_from_thread (double   fraction,
                      gpointer user_data)
{
  GTask *task = user_data;
  ProgressUpdate *update = g_new (ProgressUpdate, 1);

  update->task = g_object_ref (task);
  update->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                              progress_in_main_context, update, progress_update_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *ld = task_data;
  GError *error = NULL;
  AccordPack *pack;

  pack = load_file (ld->file, cancellable,
                    ld->progress != NULL ? progress_from_thread : NULL, task,
                    &ld->diagnostics, &error);

  if (pack == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pack, g_object_unref);
}

/**
 * accord_pack_load_async:
 * @file: a pack file
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope notified): called in the caller's thread
 *   default main context with the fraction loaded
 * @progress_data: data for @progress
 * @progress_data_free: (nullable): frees @progress_data
 * @callback: called when the pack is loaded
 * @user_data: data for @callback
 *
 * Loads a pack in a worker thread.
 */
void
accord_pack_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        AccordProgressFunc   progress,
                        gpointer             progress_data,
                        GDestroyNotify       progress_data_free,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *ld;

  g_return_if_fail (G_IS_FILE (file));

  ld = g_new0 (LoadData, 1);
  ld->file = g_object_ref (file);
  ld->progress = progress;
  ld->progress_data = progress_data;
  ld->progress_data_free = progress_data_free;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, accord_pack_load_async);
  g_task_set_task_data (task, ld, load_data_free);
  accord_task_run_in_background (task, load_thread);
}

/**
 * accord_pack_load_finish:
 * @result: the #GAsyncResult
 * @diagnostics: (out) (optional) (element-type AccordDiagnostic): every error
 *   and warning, in file order
 * @error: the first error
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL on error
 */
AccordPack *
accord_pack_load_finish (GAsyncResult  *result,
                         GPtrArray    **diagnostics,
                         GError       **error)
{
  LoadData *ld;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == accord_pack_load_async, NULL);

  ld = g_task_get_task_data (G_TASK (result));
  if (diagnostics != NULL)
    *diagnostics = ld->diagnostics != NULL ? g_ptr_array_ref (ld->diagnostics) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}
