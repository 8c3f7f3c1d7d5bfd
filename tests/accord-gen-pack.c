/* accord-gen-pack.c - deterministic generator of Accord content packs
 *
 * Writes a content pack (format 1, see the content format documentation) that is
 * valid under every rule of the format, for loader tests and benchmarks:
 *
 *   accord-gen-pack [OPTIONS] OUTPUT.json      (OUTPUT "-" writes to stdout)
 *
 * The output depends only on the options: the generator uses its own PRNG
 * (splitmix64), no floating point in the content and no GLib randomness, so the
 * same options give byte-identical packs on every machine and GLib version.
 *
 * The document is streamed through a 1 MiB buffer flushed with fwrite(); nothing
 * is built in memory, so memory use is constant whatever the pack size.
 *
 * Layout: 2-space indentation, one object member per line; arrays of ids are
 * written inline ("subjects": ["subject-1", "subject-2"]), arrays of objects and
 * of texts one element per line.
 *
 * Topic tree: about one topic in ten is a root; each root owns a contiguous run of
 * about ten topics (pre-order) whose shape cycles through four patterns: a chain
 * that reaches exactly depth 8 (never deeper), a two-level comb, a flat fan and a
 * three-level comb.  Depths are a pure function of the topic index and the total
 * count, so the tree is written in one streaming pass.
 *
 * --size-mb=M aims at M x 1,024,000 bytes: that is within 2.5% of both M x 10^6
 * and M x 2^20, so "about M megabytes (+-5%)" holds whichever megabyte is meant.
 * The topic count is estimated by generating a sample of topics into a counting
 * sink (per-topic content is independent of the topic count).
 *
 * Build: cc -Wall -Wextra -O2 tests/accord-gen-pack.c -o accord-gen-pack \
 *            $(pkg-config --cflags --libs glib-2.0)
 */

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#define PROGRAM "accord-gen-pack"

/* ------------------------------------------------------------------------ */
/* Output: a flat buffer flushed with fwrite(); fp == NULL is a counting sink */

typedef struct
{
  char *buf;
  size_t len;
  size_t cap;
  FILE *fp;
  guint64 total;
  int error; /* errno of the first failed write, 0 if none */
} Out;

static void
out_flush (Out *o)
{
  if (o->len > 0 && o->fp != NULL && o->error == 0)
    {
      if (fwrite (o->buf, 1, o->len, o->fp) != o->len)
        o->error = errno ? errno : EIO;
    }
  o->total += o->len;
  o->len = 0;
}

static inline void
out_put (Out *o, const char *s, size_t n)
{
  if (G_UNLIKELY (o->cap - o->len < n))
    {
      out_flush (o);
      if (n > o->cap)
        {
          if (o->fp != NULL && o->error == 0 && fwrite (s, 1, n, o->fp) != n)
            o->error = errno ? errno : EIO;
          o->total += n;
          return;
        }
    }
  memcpy (o->buf + o->len, s, n);
  o->len += n;
}

static inline void
out_c (Out *o, char c)
{
  if (G_UNLIKELY (o->len == o->cap))
    out_flush (o);
  o->buf[o->len++] = c;
}

#define PUTS(o, lit) out_put ((o), (lit), sizeof (lit) - 1)

static const char SPACES[] =
  "                                                                "; /* 64 */

static inline void
out_indent (Out *o, int n)
{
  while (n > 64)
    {
      out_put (o, SPACES, 64);
      n -= 64;
    }
  out_put (o, SPACES, (size_t) n);
}

static inline void
out_uint (Out *o, guint64 v)
{
  char tmp[24];
  int i = (int) sizeof tmp;
  do
    {
      tmp[--i] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);
  out_put (o, tmp + i, sizeof tmp - (size_t) i);
}

/* A JSON string from arbitrary (valid UTF-8) text: escapes ", \ and controls. */
static void
out_json_string (Out *o, const char *s)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = s;

  out_c (o, '"');
  for (; *s != '\0'; s++)
    {
      unsigned char c = (unsigned char) *s;
      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      out_put (o, run, (size_t) (s - run));
      run = s + 1;
      switch (c)
        {
        case '"': PUTS (o, "\\\""); break;
        case '\\': PUTS (o, "\\\\"); break;
        case '\n': PUTS (o, "\\n"); break;
        case '\t': PUTS (o, "\\t"); break;
        case '\r': PUTS (o, "\\r"); break;
        case '\b': PUTS (o, "\\b"); break;
        case '\f': PUTS (o, "\\f"); break;
        default:
          PUTS (o, "\\u00");
          out_c (o, hex[c >> 4]);
          out_c (o, hex[c & 15]);
          break;
        }
    }
  out_put (o, run, (size_t) (s - run));
  out_c (o, '"');
}

/* "prefix-N" as a JSON string (N is 1-based in ids) */
static inline void
out_id (Out *o, const char *prefix, size_t plen, guint64 n)
{
  out_c (o, '"');
  out_put (o, prefix, plen);
  out_c (o, '-');
  out_uint (o, n);
  out_c (o, '"');
}

#define OUT_ID(o, lit, n) out_id ((o), (lit), sizeof (lit) - 1, (n))

/* ------------------------------------------------------------------------ */
/* Pretty-printed objects: members one per line                             */

typedef struct
{
  Out *o;
  int indent; /* column of the braces; members are at indent + 2 */
  int first;
} Obj;

static inline void
obj_begin (Obj *b, Out *o, int indent)
{
  b->o = o;
  b->indent = indent;
  b->first = 1;
  out_c (o, '{');
}

static inline void
obj_key_n (Obj *b, const char *key, size_t n)
{
  if (b->first)
    out_c (b->o, '\n');
  else
    PUTS (b->o, ",\n");
  b->first = 0;
  out_indent (b->o, b->indent + 2);
  out_c (b->o, '"');
  out_put (b->o, key, n);
  PUTS (b->o, "\": ");
}

#define KEY(b, lit) obj_key_n ((b), (lit), sizeof (lit) - 1)

static inline void
obj_end (Obj *b)
{
  out_c (b->o, '\n');
  out_indent (b->o, b->indent);
  out_c (b->o, '}');
}

/* Arrays whose elements go one per line at column indent + 2 */
typedef struct
{
  Out *o;
  int indent; /* column of the member holding the array */
  int first;
} Arr;

static inline void
arr_begin (Arr *a, Out *o, int indent)
{
  a->o = o;
  a->indent = indent;
  a->first = 1;
  out_c (o, '[');
}

static inline void
arr_next (Arr *a)
{
  if (a->first)
    out_c (a->o, '\n');
  else
    PUTS (a->o, ",\n");
  a->first = 0;
  out_indent (a->o, a->indent + 2);
}

static inline void
arr_end (Arr *a)
{
  if (!a->first)
    {
      out_c (a->o, '\n');
      out_indent (a->o, a->indent);
    }
  out_c (a->o, ']');
}

/* ------------------------------------------------------------------------ */
/* PRNG: splitmix64 (fixed algorithm, identical everywhere)                 */

typedef struct
{
  guint64 s;
} Rng;

static inline guint64
rng_next (Rng *r)
{
  guint64 z = (r->s += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* uniform-enough integer in [0, n); n > 0 */
static inline guint64
rng_below (Rng *r, guint64 n)
{
  return rng_next (r) % n;
}

enum
{
  STREAM_HEADER = 1,
  STREAM_SOURCES,
  STREAM_SUBJECTS,
  STREAM_ASPECTS,
  STREAM_CHARACTERISTICS,
  STREAM_COMPARISONS,
  STREAM_TOPIC,
};

/* An independent stream for (seed, kind, index): per-topic content does not
 * depend on how many topics the pack has. */
static inline void
rng_init (Rng *r, guint64 seed, guint64 stream, guint64 index)
{
  Rng t = { seed ^ (stream * G_GUINT64_CONSTANT (0xd1b54a32d192ed03)) };
  t.s = rng_next (&t) ^ (index * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
  r->s = rng_next (&t);
  (void) rng_next (r);
}

/* k distinct values of [0, n) (k <= 3), optionally never equal to `avoid`.
 * Returns how many were picked (min of k and the number of candidates). */
static int
pick_distinct (Rng *r, guint64 n, int k, gint64 avoid, guint64 *out)
{
  guint64 candidates = n - ((avoid >= 0 && (guint64) avoid < n) ? 1 : 0);
  int got = 0;

  if ((guint64) k > candidates)
    k = (int) candidates;
  while (got < k)
    {
      guint64 v = rng_below (r, candidates);
      int dup = 0;
      if (avoid >= 0 && v >= (guint64) avoid)
        v++;
      for (int j = 0; j < got; j++)
        dup |= (out[j] == v);
      if (!dup)
        out[got++] = v;
    }
  return got;
}

/* ------------------------------------------------------------------------ */
/* Vocabulary (no character needs JSON escaping)                            */

typedef struct
{
  const char *s;
  size_t n;
} Word;

#define W(lit) { lit, sizeof (lit) - 1 }
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static const Word NOUNS[] = {
  W ("agreement"), W ("mandate"), W ("mission"), W ("council"), W ("assembly"),
  W ("ceasefire"), W ("treaty"), W ("dialogue"), W ("envoy"), W ("delegation"),
  W ("mediator"), W ("process"), W ("settlement"), W ("framework"), W ("protocol"),
  W ("resolution"), W ("observer"), W ("force"), W ("operation"), W ("border"),
  W ("region"), W ("conflict"), W ("dispute"), W ("community"), W ("security"),
  W ("peace"), W ("stability"), W ("consent"), W ("party"), W ("state"),
  W ("government"), W ("charter"), W ("principle"), W ("impartiality"),
  W ("neutrality"), W ("sovereignty"), W ("cooperation"), W ("partnership"),
  W ("transition"), W ("election"), W ("reform"), W ("monitoring"),
  W ("verification"), W ("report"), W ("budget"), W ("contingent"), W ("police"),
  W ("protection"), W ("justice"), W ("reconciliation"), W ("negotiation"),
  W ("summit"), W ("conference"), W ("declaration"), W ("commitment"),
  W ("timeline"), W ("deployment"), W ("withdrawal"), W ("capacity"),
  W ("training"), W ("logistics"), W ("corridor"), W ("zone"), W ("mediation"),
  W ("facilitation"), W ("consultation"), W ("compliance"), W ("sanction"),
  W ("embargo"), W ("accountability"), W ("consensus"), W ("convention"),
  W ("coalition"), W ("contact group"), W ("communiqué"), W ("café"),
  W ("coopération"), W ("résolution"), W ("médiation"), W ("sécurité"),
  W ("réunion"), W ("négociation"), W ("rôle"), W ("entente"), W ("détente"),
  W ("façade"), W ("régime"),
};

static const Word ADJECTIVES[] = {
  W ("international"), W ("regional"), W ("local"), W ("political"),
  W ("military"), W ("civilian"), W ("diplomatic"), W ("lasting"), W ("fragile"),
  W ("durable"), W ("impartial"), W ("neutral"), W ("formal"), W ("informal"),
  W ("joint"), W ("bilateral"), W ("multilateral"), W ("preventive"),
  W ("robust"), W ("limited"), W ("broad"), W ("early"), W ("gradual"),
  W ("peaceful"), W ("effective"), W ("inclusive"), W ("transparent"),
  W ("legal"), W ("practical"), W ("temporary"), W ("permanent"),
  W ("collective"), W ("strategic"), W ("technical"), W ("public"),
  W ("confidential"), W ("shared"), W ("mutual"), W ("sustained"),
  W ("consultative"), W ("constructive"), W ("naïve"), W ("élémentaire"),
};

static const Word VERBS[] = {
  W ("supports"), W ("requires"), W ("protects"), W ("monitors"), W ("reviews"),
  W ("establishes"), W ("promotes"), W ("reduces"), W ("builds"), W ("extends"),
  W ("negotiates"), W ("observes"), W ("guides"), W ("strengthens"),
  W ("limits"), W ("defines"), W ("involves"), W ("shapes"), W ("reflects"),
  W ("secures"), W ("restores"), W ("maintains"), W ("encourages"),
  W ("prevents"), W ("addresses"), W ("informs"), W ("confirms"),
  W ("consolidates"), W ("coordinates"),
};

static const Word DETERMINERS[] = {
  W ("the"), W ("the"), W ("the"), W ("each"), W ("every"), W ("this"),
  W ("that"), W ("any"),
};

static const Word PREPOSITIONS[] = {
  W ("of"), W ("with"), W ("for"), W ("in"), W ("on"), W ("by"),
  W ("through"), W ("under"), W ("between"), W ("across"), W ("within"),
  W ("after"), W ("before"), W ("during"), W ("towards"),
};

static const Word PLACES[] = {
  W ("Genève"), W ("New York"), W ("Nairobi"), W ("Addis Ababa"), W ("Vienna"),
  W ("Brussels"), W ("Montréal"), W ("São Paulo"), W ("Zürich"), W ("Bogotá"),
};

/* Names for subjects, aspects and groups; beyond the list a number is added. */
static const Word SUBJECT_NAMES[] = {
  W ("Peacekeeping"), W ("Diplomacy"), W ("Mediation"), W ("Sanctions"),
  W ("Arbitration"), W ("Good offices"), W ("Peacebuilding"), W ("Coopération"),
  W ("Conflict prevention"), W ("Election support"), W ("Humanitarian access"),
  W ("Disarmament"),
};

static const Word ASPECT_NAMES[] = {
  W ("Nature"), W ("Consent"), W ("Impartiality"), W ("Mandate"), W ("Legal basis"),
  W ("Actors"), W ("Duration"), W ("Cost"), W ("Scale"), W ("Résolution"),
  W ("Accountability"), W ("Exit strategy"), W ("Use of force"), W ("Funding"),
  W ("Oversight"), W ("Local ownership"),
};

static const Word GROUP_NAMES[] = {
  W ("Overview"), W ("Principles"), W ("Practice"), W ("Resources"),
  W ("Outcomes"), W ("Coopération"), W ("Legal framework"), W ("People"),
};

#define PICK(r, a) (&(a)[rng_below ((r), COUNT (a))])

/* ------------------------------------------------------------------------ */
/* Text generation straight into the output (inside a JSON string)          */

typedef struct
{
  Out *o;
  Rng *r;
  int start; /* no word written yet: no leading space */
  int cap;   /* capitalise the next word */
} Tx;

static inline void
tx_begin (Tx *t, Out *o, Rng *r, int cap)
{
  t->o = o;
  t->r = r;
  t->start = 1;
  t->cap = cap;
}

static inline void
tx_word (Tx *t, const Word *w)
{
  if (!t->start)
    out_c (t->o, ' ');
  t->start = 0;
  if (t->cap)
    {
      unsigned char c0 = (unsigned char) w->s[0];
      t->cap = 0;
      if (c0 >= 'a' && c0 <= 'z')
        {
          out_c (t->o, (char) (c0 - 'a' + 'A'));
          out_put (t->o, w->s + 1, w->n - 1);
          return;
        }
      if (c0 == 0xc3 && (unsigned char) w->s[1] == 0xa9) /* é -> É */
        {
          PUTS (t->o, "\xc3\x89");
          out_put (t->o, w->s + 2, w->n - 2);
          return;
        }
    }
  out_put (t->o, w->s, w->n);
}

#define TX_LIT(t, lit)                                                        \
  do                                                                          \
    {                                                                         \
      static const Word w_ = W (lit);                                         \
      tx_word ((t), &w_);                                                     \
    }                                                                         \
  while (0)

static inline void
tx_punct (Tx *t, char c)
{
  out_c (t->o, c);
}

/* [the] [adjective] noun */
static void
tx_noun_phrase (Tx *t, int det)
{
  if (det)
    tx_word (t, PICK (t->r, DETERMINERS));
  if (rng_below (t->r, 2) == 0)
    tx_word (t, PICK (t->r, ADJECTIVES));
  tx_word (t, PICK (t->r, NOUNS));
}

static void
tx_prep_phrase (Tx *t)
{
  if (rng_below (t->r, 8) == 0)
    {
      TX_LIT (t, "in");
      tx_word (t, PICK (t->r, PLACES));
      return;
    }
  tx_word (t, PICK (t->r, PREPOSITIONS));
  tx_noun_phrase (t, 1);
}

/* One sentence ending with a full stop; `phrase` puts "consent of the parties" in. */
static void
tx_sentence (Tx *t, int phrase)
{
  int nprep = (int) rng_below (t->r, 4);

  t->cap = 1;
  tx_noun_phrase (t, 1);
  tx_word (t, PICK (t->r, VERBS));
  tx_noun_phrase (t, 1);
  for (int k = 0; k < nprep; k++)
    tx_prep_phrase (t);
  if (phrase)
    {
      TX_LIT (t, "with the consent of the parties");
    }
  if (rng_below (t->r, 4) == 0)
    {
      tx_punct (t, ',');
      TX_LIT (t, "and");
      tx_noun_phrase (t, 1);
      tx_word (t, PICK (t->r, VERBS));
      tx_noun_phrase (t, 1);
    }
  tx_punct (t, '.');
}

static void
tx_sentences (Tx *t, int n, int phrase_at)
{
  for (int k = 0; k < n; k++)
    tx_sentence (t, k == phrase_at);
}

/* A short lower-case label such as "impartial mandate" or "mandate of the mission" */
static void
tx_label (Tx *t)
{
  switch (rng_below (t->r, 5))
    {
    case 0:
      tx_word (t, PICK (t->r, ADJECTIVES));
      tx_word (t, PICK (t->r, NOUNS));
      break;
    case 1:
      tx_word (t, PICK (t->r, NOUNS));
      TX_LIT (t, "of the");
      tx_word (t, PICK (t->r, NOUNS));
      break;
    case 2:
      tx_word (t, PICK (t->r, NOUNS));
      TX_LIT (t, "and");
      tx_word (t, PICK (t->r, NOUNS));
      break;
    case 3:
      tx_word (t, PICK (t->r, ADJECTIVES));
      tx_word (t, PICK (t->r, NOUNS));
      TX_LIT (t, "in");
      tx_word (t, PICK (t->r, PLACES));
      break;
    default:
      tx_word (t, PICK (t->r, NOUNS));
      TX_LIT (t, "of");
      tx_word (t, PICK (t->r, ADJECTIVES));
      tx_word (t, PICK (t->r, NOUNS));
      break;
    }
}

/* Already JSON-escaped text exercising escapes: a double quote, a backslash, a
 * tab (as \t), a raw non-BMP character (U+1F54A DOVE OF PEACE) and the same
 * character as an escaped surrogate pair, plus an escaped BMP character. */
#define SPECIAL_TEXT                                                          \
  "The envoy wrote \\\"consent of the parties\\\" on the draft; the file was " \
  "saved as C:\\\\accord\\\\packs\\\\draft.json,\\tthen sent with a dove "    \
  "\xf0\x9f\x95\x8a (\\ud83d\\udd4a) to the caf\\u00e9 in Gen\xc3\xa8ve."

#define SPECIAL_TITLE "the \\\"na\xc3\xafve\\\" caf\xc3\xa9 \xf0\x9f\x95\x8a"

/* Writes a name from `names`, numbered when the list is exhausted. */
static void
out_name (Out *o, const Word *names, size_t count, guint64 index)
{
  out_c (o, '"');
  out_put (o, names[index % count].s, names[index % count].n);
  if (index >= count)
    {
      out_c (o, ' ');
      out_uint (o, index / count + 1);
    }
  out_c (o, '"');
}

/* ------------------------------------------------------------------------ */
/* Options                                                                  */

typedef struct
{
  gint64 topics;
  gint64 subjects;
  gint64 aspects;
  gint64 groups;
  gint64 sources;
  gint64 paragraphs;
  gint64 coverage;
  guint64 seed;
  const char *id;
  const char *title; /* already stripped, valid UTF-8 */
} Params;

/* ------------------------------------------------------------------------ */
/* Topic tree shape                                                         */

typedef struct
{
  guint64 n;     /* topics */
  guint64 roots; /* about n / 10 */
  guint64 base;  /* topics per root (the first `rem` roots have one more) */
  guint64 rem;
} Tree;

static void
tree_init (Tree *tr, guint64 n)
{
  tr->n = n;
  tr->roots = (n + 5) / 10;
  if (tr->roots == 0)
    tr->roots = 1;
  tr->base = n / tr->roots;
  tr->rem = n % tr->roots;
}

/* depth (1 = root) of the i-th topic in pre-order; 0 past the end */
static int
tree_depth (const Tree *tr, guint64 i)
{
  guint64 big = tr->rem * (tr->base + 1);
  guint64 r, k;

  if (i >= tr->n)
    return 0;
  if (i < big)
    {
      r = i / (tr->base + 1);
      k = i % (tr->base + 1);
    }
  else
    {
      r = tr->rem + (i - big) / tr->base;
      k = (i - big) % tr->base;
    }
  if (k == 0)
    return 1;
  switch (r % 4)
    {
    case 0: /* chain: 1,2,...,8 then 2..8 again */
      return k < 8 ? (int) k + 1 : 2 + (int) ((k - 8) % 7);
    case 1: /* 1,2,3,2,3,... */
      return 2 + (int) ((k - 1) % 2);
    case 2: /* 1,2,2,2,... */
      return 2;
    default: /* 1,2,3,4,2,3,4,... */
      return 2 + (int) ((k - 1) % 3);
    }
}

/* ------------------------------------------------------------------------ */
/* Writers                                                                  */

static void
write_id_list (Out *o, const char *prefix, size_t plen, const guint64 *ids, int n)
{
  out_c (o, '[');
  for (int k = 0; k < n; k++)
    {
      if (k > 0)
        PUTS (o, ", ");
      out_id (o, prefix, plen, ids[k] + 1);
    }
  out_c (o, ']');
}

#define ID_LIST(o, lit, ids, n) write_id_list ((o), (lit), sizeof (lit) - 1, (ids), (n))

static void
write_sources (Out *o, Obj *top, const Params *p)
{
  Arr a;
  Rng r;
  Tx t;

  if (p->sources <= 0)
    return;
  KEY (top, "sources");
  arr_begin (&a, o, 2);
  for (gint64 i = 0; i < p->sources; i++)
    {
      Obj s;
      rng_init (&r, p->seed, STREAM_SOURCES, (guint64) i);
      arr_next (&a);
      obj_begin (&s, o, 4);
      KEY (&s, "id");
      OUT_ID (o, "source", (guint64) i + 1);
      KEY (&s, "title");
      out_c (o, '"');
      tx_begin (&t, o, &r, 1);
      tx_label (&t);
      PUTS (o, " (");
      out_uint (o, (guint64) i + 1);
      PUTS (o, ")\"");
      if (i % 3 != 2)
        {
          KEY (&s, "publisher");
          PUTS (o, "\"");
          tx_begin (&t, o, &r, 1);
          tx_word (&t, PICK (&r, ADJECTIVES));
          TX_LIT (&t, "institute for");
          tx_word (&t, PICK (&r, NOUNS));
          PUTS (o, "\"");
        }
      if (i % 5 != 4)
        {
          KEY (&s, "url");
          PUTS (o, "\"https://example.org/accord/sources/");
          out_uint (o, (guint64) i + 1);
          PUTS (o, "?lang=en&section=");
          out_uint (o, rng_below (&r, 100));
          PUTS (o, "\"");
        }
      if (i % 2 == 0)
        {
          /* one call per statement: argument evaluation order is unspecified */
          unsigned year = (unsigned) (2015 + rng_below (&r, 10));
          unsigned month = (unsigned) (1 + rng_below (&r, 12));
          unsigned day = (unsigned) (1 + rng_below (&r, 28));
          char date[16];
          g_snprintf (date, sizeof date, "\"%04u-%02u-%02u\"", year, month, day);
          KEY (&s, "accessed");
          out_put (o, date, strlen (date));
        }
      obj_end (&s);
    }
  arr_end (&a);
}

static void
write_subjects (Out *o, Obj *top, const Params *p)
{
  Arr a;
  Rng r;
  Tx t;

  KEY (top, "subjects");
  arr_begin (&a, o, 2);
  for (gint64 i = 0; i < p->subjects; i++)
    {
      Obj s;
      rng_init (&r, p->seed, STREAM_SUBJECTS, (guint64) i);
      arr_next (&a);
      obj_begin (&s, o, 4);
      KEY (&s, "id");
      OUT_ID (o, "subject", (guint64) i + 1);
      KEY (&s, "name");
      out_name (o, SUBJECT_NAMES, COUNT (SUBJECT_NAMES), (guint64) i);
      KEY (&s, "summary");
      out_c (o, '"');
      tx_begin (&t, o, &r, 1);
      tx_sentence (&t, 0);
      out_c (o, '"');
      if (p->sources > 0 && i % 2 == 0)
        {
          guint64 src[2];
          int n = pick_distinct (&r, (guint64) p->sources, 1 + (int) rng_below (&r, 2), -1, src);
          KEY (&s, "sources");
          ID_LIST (o, "source", src, n);
        }
      obj_end (&s);
    }
  arr_end (&a);
}

static void
write_aspects (Out *o, Obj *top, const Params *p)
{
  Arr a;
  Rng r;
  Tx t;

  if (p->aspects <= 0)
    return;
  KEY (top, "aspects");
  arr_begin (&a, o, 2);
  for (gint64 i = 0; i < p->aspects; i++)
    {
      Obj s;
      rng_init (&r, p->seed, STREAM_ASPECTS, (guint64) i);
      arr_next (&a);
      obj_begin (&s, o, 4);
      KEY (&s, "id");
      OUT_ID (o, "aspect", (guint64) i + 1);
      KEY (&s, "name");
      out_name (o, ASPECT_NAMES, COUNT (ASPECT_NAMES), (guint64) i);
      if (i % 4 != 3)
        {
          KEY (&s, "description");
          out_c (o, '"');
          tx_begin (&t, o, &r, 1);
          tx_sentence (&t, 0);
          out_c (o, '"');
        }
      if (p->groups > 0)
        {
          /* contiguous runs: aspect i belongs to group i * G / A */
          guint64 g = (guint64) i * (guint64) p->groups / (guint64) p->aspects;
          KEY (&s, "group");
          out_name (o, GROUP_NAMES, COUNT (GROUP_NAMES), g);
        }
      obj_end (&s);
    }
  arr_end (&a);
}

static void
write_characteristics (Out *o, Obj *top, const Params *p)
{
  guint64 total = (guint64) p->subjects * (guint64) p->aspects;
  guint64 want = total * (guint64) p->coverage / 100;
  guint64 chosen = 0;
  Arr a;
  Rng sel, r;
  Tx t;

  if (p->coverage < 100 && want == total && total > 0)
    want = total - 1; /* some pair must be "not covered" */
  if (want == 0)
    return;

  rng_init (&sel, p->seed, STREAM_CHARACTERISTICS, G_MAXUINT64);
  KEY (top, "characteristics");
  arr_begin (&a, o, 2);
  /* selection sampling: exactly `want` of the `total` pairs, in table order */
  for (guint64 pair = 0; pair < total && chosen < want; pair++)
    {
      Obj c;
      guint64 s = pair / (guint64) p->aspects;
      guint64 asp = pair % (guint64) p->aspects;

      if (rng_below (&sel, total - pair) >= want - chosen)
        continue;
      rng_init (&r, p->seed, STREAM_CHARACTERISTICS, pair);
      arr_next (&a);
      obj_begin (&c, o, 4);
      KEY (&c, "subject");
      OUT_ID (o, "subject", s + 1);
      KEY (&c, "aspect");
      OUT_ID (o, "aspect", asp + 1);
      KEY (&c, "text");
      out_c (o, '"');
      if (chosen == 0)
        PUTS (o, SPECIAL_TEXT);
      else
        {
          tx_begin (&t, o, &r, 1);
          tx_sentences (&t, 1 + (int) rng_below (&r, 2), -1);
        }
      out_c (o, '"');
      if (p->sources > 0 && chosen % 3 == 0)
        {
          guint64 src[1];
          int n = pick_distinct (&r, (guint64) p->sources, 1, -1, src);
          KEY (&c, "sources");
          ID_LIST (o, "source", src, n);
        }
      obj_end (&c);
      chosen++;
    }
  arr_end (&a);
}

static void
write_comparisons (Out *o, Obj *top, const Params *p)
{
  int count = p->subjects > 2 ? 4 : 3;
  Arr a;
  Rng r;
  Tx t;

  if (p->subjects < 2)
    return; /* a comparison needs two distinct subjects */
  KEY (top, "comparisons");
  arr_begin (&a, o, 2);
  for (int i = 0; i < count; i++)
    {
      Obj c;
      Arr l;
      guint64 subj[3];
      int n;

      rng_init (&r, p->seed, STREAM_COMPARISONS, (guint64) i);
      if (i == 0)
        {
          subj[0] = 0; /* the first two subjects, in order */
          subj[1] = 1;
          n = 2;
        }
      else
        n = pick_distinct (&r, (guint64) p->subjects, 2 + (int) rng_below (&r, 2), -1, subj);
      arr_next (&a);
      obj_begin (&c, o, 4);
      KEY (&c, "subjects");
      ID_LIST (o, "subject", subj, n);

      if (i != 2) /* one comparison without "common" */
        {
          int nc = 1 + (int) rng_below (&r, 2);
          KEY (&c, "common");
          arr_begin (&l, o, 6);
          for (int k = 0; k < nc; k++)
            {
              arr_next (&l);
              out_c (o, '"');
              tx_begin (&t, o, &r, 1);
              tx_sentence (&t, i == 1 && k == 0);
              out_c (o, '"');
            }
          arr_end (&l);
        }

      {
        int nd = 1 + (int) rng_below (&r, 3);
        KEY (&c, "differences");
        arr_begin (&l, o, 6);
        for (int k = 0; k < nd; k++)
          {
            Obj d;
            arr_next (&l);
            obj_begin (&d, o, 8);
            /* the last difference of each comparison has no aspect */
            if (p->aspects > 0 && k != nd - 1)
              {
                KEY (&d, "aspect");
                OUT_ID (o, "aspect", rng_below (&r, (guint64) p->aspects) + 1);
              }
            KEY (&d, "text");
            out_c (o, '"');
            tx_begin (&t, o, &r, 1);
            tx_sentence (&t, 0);
            out_c (o, '"');
            obj_end (&d);
          }
        arr_end (&l);
      }
      obj_end (&c);
    }
  arr_end (&a);
}

/* Opens a block object { "type": ... in the body array; the caller writes
 * its other members and closes it. */
static void
block_begin (Obj *b, Out *o, Arr *body, const char *type, size_t tlen)
{
  arr_next (body);
  obj_begin (b, o, body->indent + 2);
  KEY (b, "type");
  out_c (o, '"');
  out_put (o, type, tlen);
  out_c (o, '"');
}

#define BLOCK_BEGIN(b, o, body, lit) block_begin ((b), (o), (body), (lit), sizeof (lit) - 1)

static void
write_topic_members (Out *o, Obj *tp, const Params *p, const Tree *tr, guint64 i)
{
  int col = tp->indent + 2; /* column of the members */
  guint64 ids[3];
  Rng r;
  Tx t;
  Arr body;
  Obj b;
  int n;

  rng_init (&r, p->seed, STREAM_TOPIC, i);

  KEY (tp, "id");
  OUT_ID (o, "topic", i + 1);

  KEY (tp, "title");
  PUTS (o, "\"Topic ");
  out_uint (o, i + 1);
  PUTS (o, ": ");
  tx_begin (&t, o, &r, 0);
  if (i % 50 == 7)
    {
      /* the search benchmark phrase, sometimes with more words around it */
      switch (rng_below (&r, 3))
        {
        case 0:
          TX_LIT (&t, "consent of the parties");
          break;
        case 1:
          tx_word (&t, PICK (&r, ADJECTIVES));
          TX_LIT (&t, "consent of the parties");
          break;
        default:
          TX_LIT (&t, "consent of the parties in");
          tx_word (&t, PICK (&r, PLACES));
          break;
        }
    }
  else if (i % 500 == 250)
    PUTS (o, SPECIAL_TITLE);
  else
    tx_label (&t);
  out_c (o, '"');

  if (i % 11 != 10) /* a few topics without summary */
    {
      KEY (tp, "summary");
      out_c (o, '"');
      tx_begin (&t, o, &r, 1);
      tx_sentence (&t, 0);
      out_c (o, '"');
    }

  KEY (tp, "subjects");
  n = pick_distinct (&r, (guint64) p->subjects, 1 + (int) rng_below (&r, 2), -1, ids);
  ID_LIST (o, "subject", ids, n);

  if (p->aspects > 0)
    {
      KEY (tp, "aspects");
      n = pick_distinct (&r, (guint64) p->aspects, 1 + (int) rng_below (&r, 3), -1, ids);
      ID_LIST (o, "aspect", ids, n);
    }

  /* body: heading, paragraphs with a list after the first, a note every third topic */
  KEY (tp, "body");
  arr_begin (&body, o, col);

  BLOCK_BEGIN (&b, o, &body, "heading");
  KEY (&b, "text");
  out_c (o, '"');
  tx_begin (&t, o, &r, 1);
  tx_label (&t);
  out_c (o, '"');
  obj_end (&b);

  for (gint64 k = 0; k <= p->paragraphs; k++)
    {
      if (k == 1 || (k == 0 && p->paragraphs == 0))
        {
          Arr items;
          int ni = 2 + (int) rng_below (&r, 4);
          BLOCK_BEGIN (&b, o, &body, "list");
          KEY (&b, "items");
          arr_begin (&items, o, b.indent + 2);
          for (int m = 0; m < ni; m++)
            {
              arr_next (&items);
              out_c (o, '"');
              tx_begin (&t, o, &r, 1);
              tx_noun_phrase (&t, 0);
              tx_prep_phrase (&t);
              out_c (o, '"');
            }
          arr_end (&items);
          obj_end (&b);
        }
      if (k == p->paragraphs)
        break;
      BLOCK_BEGIN (&b, o, &body, "paragraph");
      KEY (&b, "text");
      out_c (o, '"');
      if (k == 0 && i % 97 == 13)
        PUTS (o, SPECIAL_TEXT);
      else
        {
          int ns = 3 + (int) rng_below (&r, 4);
          int phrase_at = rng_below (&r, 6) == 0 ? (int) rng_below (&r, (guint64) ns) : -1;
          tx_begin (&t, o, &r, 1);
          tx_sentences (&t, ns, phrase_at);
        }
      out_c (o, '"');
      obj_end (&b);
    }

  if (i % 3 == 0)
    {
      BLOCK_BEGIN (&b, o, &body, "note");
      KEY (&b, "text");
      out_c (o, '"');
      tx_begin (&t, o, &r, 1);
      tx_sentence (&t, rng_below (&r, 4) == 0);
      out_c (o, '"');
      obj_end (&b);
    }
  arr_end (&body);

  /* related: 0..3 distinct other topics, anywhere in the pack */
  n = pick_distinct (&r, tr->n, (int) rng_below (&r, 4), (gint64) i, ids);
  if (n > 0)
    {
      KEY (tp, "related");
      ID_LIST (o, "topic", ids, n);
    }

  if (p->sources > 0)
    {
      n = pick_distinct (&r, (guint64) p->sources, (int) rng_below (&r, 3), -1, ids);
      if (n > 0)
        {
          KEY (tp, "sources");
          ID_LIST (o, "source", ids, n);
        }
    }
}

static void
write_topics (Out *o, Obj *top, const Params *p, guint64 ntopics)
{
  Tree tr;

  if (ntopics == 0)
    return;
  tree_init (&tr, ntopics);
  KEY (top, "topics");
  PUTS (o, "[\n");
  for (guint64 i = 0; i < ntopics; i++)
    {
      int d = tree_depth (&tr, i);
      int nd = tree_depth (&tr, i + 1);
      Obj tp;

      out_indent (o, 4 * d);
      obj_begin (&tp, o, 4 * d);
      write_topic_members (o, &tp, p, &tr, i);
      if (nd == d + 1)
        {
          /* children follow: open the nested array, close it later */
          KEY (&tp, "topics");
          PUTS (o, "[\n");
          continue;
        }
      obj_end (&tp);
      /* close the ancestors at levels d-1 .. max(nd, 1) */
      for (int l = d - 1; l >= (nd > 1 ? nd : 1); l--)
        {
          out_c (o, '\n');
          out_indent (o, 4 * l + 2);
          out_c (o, ']');
          out_c (o, '\n');
          out_indent (o, 4 * l);
          out_c (o, '}');
        }
      if (nd > 0)
        PUTS (o, ",\n");
      else
        {
          out_c (o, '\n');
          out_indent (o, 2);
          out_c (o, ']');
        }
    }
}

static void
write_pack (Out *o, const Params *p, guint64 ntopics)
{
  Obj top;

  obj_begin (&top, o, 0);
  KEY (&top, "format");
  PUTS (o, "\"accord-pack\"");
  KEY (&top, "version");
  PUTS (o, "1");
  KEY (&top, "id");
  out_json_string (o, p->id);
  KEY (&top, "title");
  out_json_string (o, p->title);
  KEY (&top, "description");
  PUTS (o, "\"Deterministic content written by " PROGRAM " for tests and "
           "benchmarks. " SPECIAL_TEXT "\"");
  KEY (&top, "language");
  PUTS (o, "\"en\"");
  write_sources (o, &top, p);
  write_subjects (o, &top, p);
  write_aspects (o, &top, p);
  write_characteristics (o, &top, p);
  write_comparisons (o, &top, p);
  write_topics (o, &top, p, ntopics);
  obj_end (&top);
  out_c (o, '\n');
  out_flush (o);
}

static guint64
count_bytes (const Params *p, guint64 ntopics, char *buf, size_t cap)
{
  Out o = { buf, 0, cap, NULL, 0, 0 };
  write_pack (&o, p, ntopics);
  return o.total;
}

/* ------------------------------------------------------------------------ */

static int
fail (const char *fmt, ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *fmt, ...)
{
  va_list ap;
  fputs (PROGRAM ": ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputs ("\nTry \"" PROGRAM " --help\" for more information.\n", stderr);
  return 1;
}

static gboolean
valid_identifier (const char *s)
{
  size_t n = strlen (s);
  if (n < 1 || n > 128)
    return FALSE;
  if (!g_ascii_islower (s[0]) && !g_ascii_isdigit (s[0]))
    return FALSE;
  for (size_t k = 1; k < n; k++)
    if (!g_ascii_islower (s[k]) && !g_ascii_isdigit (s[k]) && s[k] != '.' &&
        s[k] != '_' && s[k] != '-')
      return FALSE;
  return TRUE;
}

#define OUT_BUFFER_SIZE (1u << 20)
#define SIZE_MB_UNIT 1024000.0 /* see the comment at the top */
#define SAMPLE_TOPICS 4000

int
main (int argc, char **argv)
{
  gint64 topics = -1, subjects = 4, aspects = 12, groups = 3, sources = 8;
  gint64 paragraphs = 3, coverage = 85;
  double size_mb = -1;
  char *seed_str = NULL, *id = NULL, *title = NULL;
  char **rest = NULL;
  GError *error = NULL;
  GOptionContext *ctx;
  Params p;
  guint64 ntopics;
  const char *path;
  char *buf;
  FILE *fp;
  int is_stdout;
  Out o;

  const GOptionEntry entries[] = {
    { "topics", 0, 0, G_OPTION_ARG_INT64, &topics, "Total number of topics (default 100)", "N" },
    { "subjects", 0, 0, G_OPTION_ARG_INT64, &subjects, "Number of subjects (default 4, at least 1)", "N" },
    { "aspects", 0, 0, G_OPTION_ARG_INT64, &aspects, "Number of aspects (default 12)", "N" },
    { "groups", 0, 0, G_OPTION_ARG_INT64, &groups, "Number of aspect groups (default 3)", "N" },
    { "sources", 0, 0, G_OPTION_ARG_INT64, &sources, "Number of sources (default 8)", "N" },
    { "paragraphs", 0, 0, G_OPTION_ARG_INT64, &paragraphs, "Body paragraphs per topic (default 3)", "N" },
    { "size-mb", 0, 0, G_OPTION_ARG_DOUBLE, &size_mb, "Add topics until the pack is about M megabytes (instead of --topics)", "M" },
    { "coverage", 0, 0, G_OPTION_ARG_INT64, &coverage, "Percent of subject x aspect pairs with a characteristic (default 85)", "P" },
    { "seed", 0, 0, G_OPTION_ARG_FILENAME, &seed_str, "PRNG seed, an unsigned 64-bit integer (default 1)", "S" },
    { "id", 0, 0, G_OPTION_ARG_FILENAME, &id, "Pack id (default \"generated\")", "ID" },
    /* FILENAME: the bytes as given, no locale conversion; checked as UTF-8 below */
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, "Pack title (default \"Generated pack\")", "TEXT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "OUTPUT.json" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  ctx = g_option_context_new ("- write a deterministic Accord content pack");
  g_option_context_set_description (ctx, "OUTPUT \"-\" writes the pack to standard output.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return fail ("%s", error->message);
  g_option_context_free (ctx);

  if (rest == NULL || rest[0] == NULL)
    return fail ("missing OUTPUT.json (use \"-\" for standard output)");
  if (rest[1] != NULL)
    return fail ("exactly one OUTPUT file expected, got also \"%s\"", rest[1]);
  path = rest[0];
  if (path[0] == '\0')
    return fail ("OUTPUT must not be empty");

  if (topics >= 0 && size_mb >= 0)
    return fail ("--topics and --size-mb cannot be used together");
  if (size_mb >= 0 && !(isfinite (size_mb) && size_mb > 0 && size_mb <= 4096))
    return fail ("--size-mb must be a number greater than 0 and at most 4096, got %g", size_mb);
  if (topics < -1 || topics > G_GINT64_CONSTANT (1000000000))
    return fail ("--topics must be between 0 and 1000000000, got %" G_GINT64_FORMAT, topics);
  if (subjects < 1 || subjects > 10000)
    return fail ("--subjects must be between 1 and 10000, got %" G_GINT64_FORMAT, subjects);
  if (aspects < 0 || aspects > 10000)
    return fail ("--aspects must be between 0 and 10000, got %" G_GINT64_FORMAT, aspects);
  if (groups < 0 || groups > 10000)
    return fail ("--groups must be between 0 and 10000, got %" G_GINT64_FORMAT, groups);
  if (sources < 0 || sources > 1000000)
    return fail ("--sources must be between 0 and 1000000, got %" G_GINT64_FORMAT, sources);
  if (paragraphs < 0 || paragraphs > 1000)
    return fail ("--paragraphs must be between 0 and 1000, got %" G_GINT64_FORMAT, paragraphs);
  if (coverage < 0 || coverage > 100)
    return fail ("--coverage must be a percentage between 0 and 100, got %" G_GINT64_FORMAT, coverage);

  p.seed = 1;
  if (seed_str != NULL)
    {
      guint64 v;
      if (!g_ascii_string_to_unsigned (seed_str, 10, 0, G_MAXUINT64, &v, &error))
        return fail ("--seed: %s", error->message);
      p.seed = v;
    }
  p.id = id != NULL ? id : "generated";
  if (!valid_identifier (p.id))
    return fail ("--id \"%s\" is not an identifier (^[a-z0-9][a-z0-9._-]{0,127}$)", p.id);
  if (title == NULL)
    title = g_strdup ("Generated pack");
  if (!g_utf8_validate (title, -1, NULL))
    return fail ("--title is not valid UTF-8");
  g_strstrip (title);
  if (title[0] == '\0' || g_utf8_strlen (title, -1) > 65536)
    return fail ("--title must have 1 to 65536 characters (outer white space is removed)");
  p.title = title;

  /* more groups than aspects would leave empty groups: one group per aspect */
  if (groups > aspects)
    groups = aspects;
  p.topics = topics;
  p.subjects = subjects;
  p.aspects = aspects;
  p.groups = groups;
  p.sources = sources;
  p.paragraphs = paragraphs;
  p.coverage = coverage;

  buf = g_malloc (OUT_BUFFER_SIZE);

  if (size_mb > 0)
    {
      double target = size_mb * SIZE_MB_UNIT;
      guint64 fixed = count_bytes (&p, 0, buf, OUT_BUFFER_SIZE);
      guint64 sample = count_bytes (&p, SAMPLE_TOPICS, buf, OUT_BUFFER_SIZE);
      double per_topic = (double) (sample - fixed) / SAMPLE_TOPICS;
      double n;

      if ((double) fixed > target * 1.05)
        return fail ("--size-mb=%g is too small: without topics the pack already has "
                     "%" G_GUINT64_FORMAT " bytes", size_mb, fixed);
      n = (target - (double) fixed) / per_topic + 0.5;
      ntopics = n < 1 ? 1 : (guint64) n;
      if (ntopics <= SAMPLE_TOPICS)
        {
          /* small packs: the tree shape matters more than the average topic,
           * so step to the count whose size is nearest (cheap at this size) */
          double err = (double) count_bytes (&p, ntopics, buf, OUT_BUFFER_SIZE) - target;
          int dir = err > 0 ? -1 : 1;
          while (dir < 0 ? ntopics > 1 : ntopics < SAMPLE_TOPICS)
            {
              double e2 = (double) count_bytes (&p, ntopics + (guint64) (gint64) dir,
                                                buf, OUT_BUFFER_SIZE) - target;
              if ((e2 < 0 ? -e2 : e2) >= (err < 0 ? -err : err))
                break;
              ntopics += (guint64) (gint64) dir;
              err = e2;
            }
        }
    }
  else
    ntopics = topics >= 0 ? (guint64) topics : 100;

  is_stdout = strcmp (path, "-") == 0;
  fp = is_stdout ? stdout : fopen (path, "wb");
  if (fp == NULL)
    return fail ("cannot write \"%s\": %s", path, g_strerror (errno));
  setvbuf (fp, NULL, _IOFBF, OUT_BUFFER_SIZE);

  o = (Out) { buf, 0, OUT_BUFFER_SIZE, fp, 0, 0 };
  write_pack (&o, &p, ntopics);
  if (o.error == 0 && fflush (fp) != 0)
    o.error = errno ? errno : EIO;
  if (!is_stdout && fclose (fp) != 0 && o.error == 0)
    o.error = errno ? errno : EIO;
  if (o.error != 0)
    {
      int e = o.error;
      if (!is_stdout)
        unlink (path);
      fprintf (stderr, PROGRAM ": error writing \"%s\": %s\n", path, g_strerror (e));
      return 1;
    }

  g_free (buf);
  g_free (title);
  g_free (id);
  g_free (seed_str);
  g_strfreev (rest);
  return 0;
}
