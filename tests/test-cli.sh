#!/bin/sh
# test-cli.sh ACCORD GEN: `accord --validate` and `--version` without a
# display, on valid, generated and hostile input. Each case must end within a
# few seconds with the right exit status and a clear message, never a crash.
set -u

accord=$(realpath "$1")
gen=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
failures=0
n=0

# expect STATUS PATTERN CMD...: runs CMD with a time limit, checks its exit
# status and that stderr+stdout contain PATTERN (a fixed string).
expect() {
  want=$1; pattern=$2; shift 2
  n=$((n + 1))
  out=$(timeout 20 "$@" 2>&1)
  got=$?
  if [ "$got" -ne "$want" ] || { [ -n "$pattern" ] && ! printf '%s' "$out" | grep -qF -- "$pattern"; }; then
    echo "not ok $n - $* (exit $got, wanted $want, pattern '$pattern')"
    printf '%s\n' "$out" | head -5 | sed 's/^/# /'
    failures=$((failures + 1))
  else
    echo "ok $n - $*"
  fi
}

cd "$tmp" || exit 1

expect 0 "accord " "$accord" --version
expect 1 "at least one pack file" "$accord" --validate

"$gen" --topics=1000 generated.json
expect 0 "" "$accord" --validate generated.json
ln -s generated.json link.json
expect 0 "" "$accord" --validate link.json

mkdir folder
expect 1 "folder: error: this is a folder, not a pack file" "$accord" --validate folder
expect 1 "/dev/zero: error: this is not a regular file" "$accord" --validate /dev/zero
mkfifo fifo
expect 1 "fifo: error: this is not a regular file" "$accord" --validate fifo
truncate -s 300M big.json
expect 1 "big.json: error: the file is larger than 256 MiB" "$accord" --validate big.json
printf '{"format": "accord-pack", "title": "caf\351"}' > latin1.json
expect 1 "latin1.json:1:40: error: title: the file is not valid UTF-8 text" "$accord" --validate latin1.json
head -c 200000 /dev/zero | tr '\0' '[' > nested.json
expect 1 "nested deeper than 64 levels" "$accord" --validate nested.json
: > empty.json
expect 1 "empty.json:1:1: error: the file is empty" "$accord" --validate empty.json
expect 1 "missing.json: error: cannot read the file:" "$accord" --validate missing.json
ln -s loop1 loop2; ln -s loop2 loop1
expect 1 "loop1: error: this symbolic link leads nowhere" "$accord" --validate loop1
# An unreadable file. Root reads it anyway: as root, check it as nobody
# (setpriv comes with util-linux), in a folder nobody may enter.
cp generated.json unreadable.json; chmod 000 unreadable.json
if [ "$(id -u)" -ne 0 ]; then
  expect 1 "unreadable.json: error: cannot read the file:" "$accord" --validate unreadable.json
elif command -v setpriv > /dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$accord" --version > /dev/null 2>&1; then
  chmod 755 "$tmp"
  expect 1 "unreadable.json: error: cannot read the file:" \
    setpriv --reuid=65534 --regid=65534 --clear-groups "$accord" --validate unreadable.json
  chmod 700 "$tmp"
else
  n=$((n + 1))
  echo "ok $n - unreadable file # SKIP root reads anything, and nobody cannot run $accord"
fi

# All files are checked, and one bad file fails the run.
expect 1 "empty.json:1:1: error:" "$accord" --validate generated.json empty.json

# A summary of a pack whose texts look like markup shows them as they are.
# shows_literally FILE TEXT...: every TEXT is in the PDF's text.
shows_literally() {
  pdf_text=$(pdftotext -enc UTF-8 "$1" - 2>&1) || return 1
  shift
  for literal in "$@"; do
    if ! printf '%s' "$pdf_text" | grep -qF -- "$literal"; then
      echo "# not shown literally: $literal"
      return 1
    fi
  done
}
expect 0 "" "$accord" --export-pdf hostile.pdf --content "$G_TEST_SRCDIR/data/valid/hostile-text.json"
n=$((n + 1))
if ! command -v pdftotext > /dev/null; then
  echo "ok $n - hostile.pdf shows markup literally # SKIP pdftotext is missing"
elif shows_literally hostile.pdf '<span foreground="red">Pack</span> &amp;' '<b>bold</b> &amp; cost of' \
       '<b>Topic</b> one &amp; <i>more</i>' '<span foreground="red">Topic summary</span>' \
       '<big>Heading</big>' '<li>Item</li>' '<tt>Note</tt>' '<tt>Common point</tt> &amp;' \
       '<s>Cost difference</s>' '<i>Cost</i>' '&lt;escaped&gt; cost of' '1. <b>Source</b> &amp; title'; then
  echo "ok $n - hostile.pdf shows markup literally"
else
  echo "not ok $n - hostile.pdf shows markup literally"
  failures=$((failures + 1))
fi

# --search: ranked `ID<TAB>title` lines, like man -k; 0 with matches, 1 with
# none, 2 on error. Title matches come before summary and body matches, and
# case and accents do not matter.
cat > search.json <<'EOF'
{
  "format": "accord-pack", "version": 1, "id": "search", "title": "Search pack",
  "subjects": [ { "id": "s", "name": "S" } ],
  "topics": [
    { "id": "in-body", "title": "Talks", "body": [ { "type": "paragraph", "text": "Held in Genève." } ] },
    { "id": "in-summary", "title": "Meetings", "summary": "The GENEVA rounds.", "body": [] },
    { "id": "in-title", "title": "Geneva conventions", "body": [],
      "topics": [ { "id": "child", "title": "Protocols", "body": [ { "type": "paragraph", "text": "Of 1977." } ] } ] }
  ]
}
EOF
# search_is WANTED_STDOUT WANTED_STATUS ARGS...: stdout exactly (a printf
# format), and the exit status.
search_is() {
  want_out=$1; want=$2; shift 2
  n=$((n + 1))
  got_out=$(timeout 20 "$accord" "$@" 2>/dev/null)
  got=$?
  if [ "$got" -ne "$want" ] || [ "$got_out" != "$(printf "$want_out")" ]; then
    echo "not ok $n - accord $* (exit $got, wanted $want)"
    printf '%s\n' "$got_out" | head -5 | sed 's/^/# /'
    failures=$((failures + 1))
  else
    echo "ok $n - accord $*"
  fi
}
search_is 'in-title\tGeneva conventions\nin-summary\tMeetings\nin-body\tTalks' 0 --search genev --content search.json
search_is 'in-body\tTalks' 0 --search GENEVE --content search.json
search_is 'in-title\tGeneva conventions\nin-summary\tMeetings' 0 --search Genèva --content search.json
search_is 'child\tProtocols' 0 --search "protocols 1977" --content search.json
search_is 'child\tProtocols' 0 --content search.json --search protocols 1977
search_is 'in-title\tGeneva conventions' 0 --search "gen conv" --content search.json
search_is '' 1 --search "nowhere to be found" --content search.json
expect 1 "" "$accord" --search "nowhere to be found"
expect 2 "needs the words to look for" "$accord" --search ""
expect 2 "empty.json:1:1: error: the file is empty" "$accord" --search peace --content empty.json
expect 2 "missing.json: error: cannot read the file:" "$accord" --search peace --content missing.json
# The built-in pack, without a display.
expect 0 "consent-of-the-parties	" "$accord" --search consent
expect 0 "--search=TERMS" "$accord" --help

echo "1..$n"
[ "$failures" -eq 0 ]
