#!/bin/sh
# test-export.sh ACCORD GEN SRCDIR: `accord --export-pdf` without a display,
# read back with poppler's pdftotext, pdfinfo and pdffonts.
set -u

accord=$(realpath "$1")
gen=$(realpath "$2")
srcdir=$(realpath "$3")
builtin="$srcdir/data/content/peace-and-security.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
. "$(dirname "$0")/tap.sh"

# export NAME ARGS...: writes $tmp/NAME.pdf and its text, $tmp/NAME.txt
export_pdf() {
  name=$1; shift
  if timeout 60 "$accord" --export-pdf "$tmp/$name.pdf" "$@" > "$tmp/$name.log" 2>&1 &&
     pdftotext -layout "$tmp/$name.pdf" "$tmp/$name.txt"; then
    return 0
  fi
  sed 's/^/# /' "$tmp/$name.log"
  return 1
}

pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

# The names of the built-in pack's aspects or subjects, in pack order, one per line.
names() {
  python3 - "$builtin" "$1" <<'PY'
import json, sys
pack = json.load(open(sys.argv[1]))
for item in pack[sys.argv[2]]:
    print(item["name"])
PY
}

# in_order NAMES FILE: the lines of NAMES occur in FILE in that order.
in_order() {
  python3 - "$1" "$2" <<'PY'
import re, sys
text = re.sub(r"\s+", " ", open(sys.argv[2]).read())
names = open(sys.argv[1]).read().splitlines()
if not names:
    sys.exit(1)
pos = 0
for name in names:
    found = text.find(name, pos)
    if found < 0:
        print("# missing or out of order: " + name)
        sys.exit(1)
    pos = found + len(name)
PY
}

# 1. The whole summary of the built-in pack.
if export_pdf all; then
  check ok "the built-in pack exports"
else
  check fail "the built-in pack exports"
fi

names aspects > "$tmp/aspects"
names subjects > "$tmp/subjects"
if in_order "$tmp/aspects" "$tmp/all.txt"; then
  check ok "every aspect appears, in pack order"
else
  check fail "every aspect appears, in pack order"
fi

if in_order "$tmp/subjects" "$tmp/all.txt"; then
  check ok "every subject appears, in pack order"
else
  check fail "every subject appears, in pack order"
fi

# Every page says "Page N of M", M being the real page count.
total=$(pages "$tmp/all.pdf")
bad=0
i=1
while [ "$i" -le "$total" ]; do
  pdftotext -f "$i" -l "$i" "$tmp/all.pdf" - | grep -q "Page $i of $total" || bad=$((bad + 1))
  i=$((i + 1))
done
if [ "$total" -ge 2 ] && [ "$bad" -eq 0 ]; then
  check ok "all $total pages are numbered \"Page N of $total\""
else
  check fail "page numbers: $bad of $total pages wrong"
fi

# Every font is embedded (pdffonts: the "emb" column, 5th from the end).
if pdffonts "$tmp/all.pdf" | awk 'NR > 2 { if ($(NF-4) != "yes") bad = 1; n++ } END { exit (n == 0 || bad) }'; then
  check ok "every font is embedded"
else
  check fail "a font is not embedded"
  pdffonts "$tmp/all.pdf" | sed 's/^/# /'
fi

# The topics make an outline (bookmarks) and the sources clickable links.
if python3 - "$tmp/all.pdf" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
sys.exit(not (b"/Outlines" in data and b"/URI (https://peacekeeping.un.org" in data))
PY
then
  check ok "the PDF has an outline and https links"
else
  check fail "the PDF has no outline or no links"
fi

# 2. Only the parts asked for.
if export_pdf parts --compare peacekeeping,diplomacy &&
   grep -q "Common ground" "$tmp/parts.txt" && grep -q "Differs" "$tmp/parts.txt" &&
   ! grep -q "^ *Sources *$" "$tmp/parts.txt" && ! grep -q "^ *Characteristics *$" "$tmp/parts.txt"; then
  check ok "--compare exports the comparison alone, marked in words"
else
  check fail "--compare exports the comparison alone"
fi

if export_pdf topic --topic what-peacekeepers-do && grep -q "What peacekeepers do" "$tmp/topic.txt" &&
   ! grep -q "Diplomacy fosters mutual" "$tmp/topic.txt"; then
  check ok "--topic exports that topic alone"
else
  check fail "--topic exports that topic alone"
fi

# 3. A long table: its header is repeated on the next pages.
"$gen" --topics=5 --aspects=300 --subjects=3 --groups=4 "$tmp/long.json" > /dev/null
if export_pdf long --content "$tmp/long.json" --table && [ "$(pages "$tmp/long.pdf")" -ge 3 ] &&
   pdftotext -f 2 -l 2 "$tmp/long.pdf" - | grep -q "Aspect" &&
   pdftotext -f 3 -l 3 "$tmp/long.pdf" - | grep -q "Aspect"; then
  check ok "a $(pages "$tmp/long.pdf")-page table repeats its header on pages 2 and 3"
else
  check fail "a long table repeats its header"
fi

# A row taller than a page is split at line boundaries: every word kept, in order.
python3 - "$tmp/tall.json" <<'PY'
import json, sys
json.dump({
  "format": "accord-pack", "version": 1, "id": "tall", "title": "Tall", "language": "en",
  "subjects": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "aspects": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}],
  "characteristics": [{"subject": "a", "aspect": "x", "text": " ".join("w%d" % i for i in range(3000))},
                      {"subject": "b", "aspect": "y", "text": "short"}],
  "topics": [{"id": "t", "title": "T", "body": [{"type": "paragraph", "text": "p"}]}],
}, open(sys.argv[1], "w"))
PY
if export_pdf tall --content "$tmp/tall.json" --table && [ "$(pages "$tmp/tall.pdf")" -ge 3 ] &&
   pdftotext -raw "$tmp/tall.pdf" - | tr -s ' ' '\n' | grep '^w[0-9]' |
   awk '$0 != ("w" (NR - 1)) { bad = 1 } END { exit bad || NR != 3000 }'; then
  check ok "a row taller than a page continues over $(pages "$tmp/tall.pdf") pages, every word in order"
else
  check fail "a row taller than a page"
fi

# 4. Text that looks like markup is printed as it is.
python3 - "$tmp/markup.json" <<'PY'
import json, sys
json.dump({
  "format": "accord-pack", "version": 1, "id": "markup", "title": "<b>Bold</b> & <i>co</i>",
  "language": "en",
  "subjects": [{"id": "a", "name": "<span foreground=\"red\">A</span>"},
               {"id": "b", "name": "B &amp; C"}],
  "aspects": [{"id": "x", "name": "<u>X</u>"}],
  "characteristics": [{"subject": "a", "aspect": "x", "text": "<big>value</big>"}],
  "topics": [{"id": "t", "title": "<tt>T</tt>", "body": [{"type": "paragraph", "text": "1 < 2 > 0"}]}],
}, open(sys.argv[1], "w"))
PY
# (-raw: the layout mode drops the narrow spaces around "<".)
if export_pdf markup --content "$tmp/markup.json" && pdftotext -raw "$tmp/markup.pdf" "$tmp/markup.txt"; then
  missing=""
  for literal in '<b>Bold</b> & <i>co</i>' '<span foreground="red">A</span>' 'B &amp; C' '<u>X</u>' \
                 '<big>value</big>' '<tt>T</tt>' '1 < 2 > 0'; do
    grep -qF -- "$literal" "$tmp/markup.txt" || missing="$missing [$literal]"
  done
  if [ -z "$missing" ]; then
    check ok "markup-looking text appears literally"
  else
    check fail "not literal:$missing"
  fi
else
  check fail "the markup pack exports"
fi

# Under a locale whose decimal separator is a comma (built here with
# localedef, as a fresh machine has only C.UTF-8).
if command -v localedef > /dev/null && localedef -i fr_FR -f UTF-8 "$tmp/fr_FR.UTF-8" 2> /dev/null; then
  if LOCPATH=$tmp LC_ALL=fr_FR.UTF-8 LANGUAGE=fr export_pdf french && grep -q "Page 1 sur" "$tmp/french.txt"; then
    check ok "exports under fr_FR.UTF-8, where 1.5 is written 1,5"
  else
    check fail "export under fr_FR.UTF-8"
  fi
else
  echo "# localedef cannot build fr_FR.UTF-8 here: skipping the decimal-comma locale"
fi

# 5. Errors: exit 1, one clear line, nothing left behind.
expect_error() {
  pattern=$1; shift
  out=$(timeout 20 "$accord" "$@" 2>&1)
  status=$?
  if [ "$status" -eq 1 ] && printf '%s' "$out" | grep -qF -- "$pattern"; then
    check ok "error: $pattern"
  else
    check fail "wanted exit 1 and '$pattern', got $status: $out"
  fi
}
expect_error 'has no subject “nobody”' --export-pdf "$tmp/e.pdf" --compare peacekeeping,nobody
expect_error 'has no topic “nowhere”' --export-pdf "$tmp/e.pdf" --topic nowhere
expect_error 'needs two or more subject ids' --export-pdf "$tmp/e.pdf" --compare peacekeeping
expect_error 'No such file or directory' --export-pdf "$tmp/no/such/dir/e.pdf"
printf '{\n  "format": "accord-pack",\n' > "$tmp/broken.json"
expect_error 'broken.json:3:1: error:' --export-pdf "$tmp/e.pdf" --content "$tmp/broken.json"
if [ ! -e "$tmp/e.pdf" ]; then
  check ok "failed exports leave no file"
else
  check fail "a failed export left $tmp/e.pdf"
fi

# A write that fails half-way (the file size limit) keeps the old file whole
# and leaves no temporary file. SIGXFSZ is ignored so that write() fails.
mkdir "$tmp/keep"
printf 'the previous file\n' > "$tmp/keep/old.pdf"
out=$( (trap '' XFSZ; ulimit -f 8; "$accord" --export-pdf "$tmp/keep/old.pdf") 2>&1)
status=$?
if [ "$status" -eq 1 ] && printf '%s' "$out" | grep -q 'Cannot write' &&
   [ "$(cat "$tmp/keep/old.pdf")" = "the previous file" ] && [ "$(ls -A "$tmp/keep")" = "old.pdf" ]; then
  check ok "a failed write keeps the previous file intact, no temporary left"
else
  check fail "failed write: status $status, $(ls -A "$tmp/keep"): $out"
fi

# A folder the user may not write to: refused, the file there kept. Root
# writes anywhere, so as root this runs as nobody (setpriv, util-linux).
mkdir "$tmp/readonly"
printf 'the previous file\n' > "$tmp/readonly/old.pdf"
chmod 555 "$tmp/readonly"
chmod 755 "$tmp"
as_user=""
if [ "$(id -u)" -eq 0 ]; then
  as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ -n "$as_user" ] && ! $as_user "$accord" --version > /dev/null 2>&1; then
  n=$((n + 1))
  echo "ok $n - read-only folder # SKIP root writes anywhere, and nobody cannot run $accord"
else
  out=$($as_user "$accord" --export-pdf "$tmp/readonly/old.pdf" 2>&1)
  status=$?
  if [ "$status" -eq 1 ] && printf '%s' "$out" | grep -q 'Permission denied' &&
     [ "$(cat "$tmp/readonly/old.pdf")" = "the previous file" ] && [ "$(ls -A "$tmp/readonly")" = "old.pdf" ]; then
    check ok "a read-only folder: refused with a clear error, the file there intact"
  else
    check fail "read-only folder: status $status, $(ls -A "$tmp/readonly"): $out"
  fi
fi
chmod 755 "$tmp/readonly"
chmod 700 "$tmp"

echo "1..$n"
[ "$failures" -eq 0 ]
