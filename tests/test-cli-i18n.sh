#!/bin/sh
# test-cli-i18n.sh ACCORD: the command line speaks the user's language.
set -u
accord=$(realpath "$1")
unset DISPLAY WAYLAND_DISPLAY
. "$(dirname "$0")/tap.sh"

# --help under Russian: the options are described in Russian.
help=$(LANGUAGE=ru "$accord" --help 2>&1)
# (Cyrillic letters start with the UTF-8 byte 0xD0 or 0xD1.)
if printf '%s' "$help" | grep -q 'validate' && printf '%s' "$help" | LC_ALL=C grep -q "$(printf '\320')" &&
   ! printf '%s' "$help" | grep -q 'Show the version'; then
  check ok "accord --help is Russian under LANGUAGE=ru"
else
  check fail "accord --help is not Russian"
  printf '%s\n' "$help" | sed 's/^/# /'

fi

# Diagnostics are translated; the GCC keyword stays.
tmp=$(mktemp -d)
printf '{\n  "format": "accord-pack",\n  "version": 7\n}\n' > "$tmp/new.json"
out=$(cd "$tmp" && LANGUAGE=es "$accord" --validate new.json 2>&1)
if printf '%s' "$out" | grep -q '^new.json:3:14: error: version: ' && ! printf '%s' "$out" | grep -q 'needs a newer'; then
  check ok "diagnostics are Spanish under LANGUAGE=es, with the GCC keyword"
else
  check fail "diagnostics under LANGUAGE=es"
  printf '%s\n' "$out" | sed 's/^/# /'

fi

# A summary exported under Chinese and Arabic: the PDF's text comes back
# in that script (CJK ideographs start with the UTF-8 bytes 0xE4-0xE9;
# Arabic letters with 0xD8-0xDB), so the fonts have the glyphs and the
# right-to-left text was laid out as text, not as boxes.
for lang in zh_CN:'[\344-\351]' ar:'[\330-\333]'; do
  language=${lang%%:*}
  script=${lang#*:}
  pdf="$tmp/$language.pdf"
  if LANGUAGE=$language "$accord" --export-pdf "$pdf" --topic introduction &&
     count=$(pdftotext "$pdf" - | LC_ALL=C grep -c "$(printf "$script")") && [ "$count" -ge 3 ]; then
    check ok "accord --export-pdf under LANGUAGE=$language writes $count lines in its script"
  else
    check fail "accord --export-pdf under LANGUAGE=$language"
  fi
done
rm -rf "$tmp"

echo "1..$n"
[ "$failures" -eq 0 ]
