#!/bin/sh
# test-po.sh SRCDIR: the translations are complete and the templates current.
#  - every language of po/LINGUAS, in both domains (the interface and the
#    built-in pack's texts), is 100% translated with no fuzzy entries;
#  - po/accord.pot has every message of the sources, and
#    po/content/accord-content.pot is exactly what the pack gives.
set -u
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/tap.sh"

for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  for po in "$src/po/$lang.po" "$src/po/content/$lang.po"; do
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
    case "$stats" in
      *fuzzy*|*untranslated*|*error*|*warning*) check fail "$po: $stats" ;;
      *" translated message"*) check ok "$po: $stats" ;;
      *) check fail "$po: $stats" ;;
    esac
  done
done

# The interface template against a fresh extraction (the same keywords as
# meson's glib preset).
(cd "$src" && xgettext --from-code=UTF-8 --add-comments --package-name=accord \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  -f po/POTFILES.in -o "$tmp/accord.pot") 2>"$tmp/xgettext.log"
if msgcmp --use-untranslated "$src/po/accord.pot" "$tmp/accord.pot" 2>"$tmp/msgcmp.log"; then
  check ok "po/accord.pot has every message of the sources"
else
  check fail "po/accord.pot is out of date: $(head -3 "$tmp/msgcmp.log" | tr '\n' ' ')"
fi
for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  if msgcmp "$src/po/$lang.po" "$tmp/accord.pot" 2>"$tmp/msgcmp.log"; then
    check ok "po/$lang.po translates every message of the sources"
  else
    check fail "po/$lang.po misses messages: $(head -3 "$tmp/msgcmp.log" | tr '\n' ' ')"
  fi
done

python3 "$src/build-aux/extract-content-strings.py" "$src/data/content/peace-and-security.json" "$tmp/content.pot"
if cmp -s "$tmp/content.pot" "$src/po/content/accord-content.pot"; then
  check ok "po/content/accord-content.pot matches the built-in pack"
else
  check fail "po/content/accord-content.pot is out of date: run build-aux/extract-content-strings.py"
fi

echo "1..$n"
[ "$failures" -eq 0 ]
