#!/bin/sh
# test-man.sh ACCORD MANPAGE README: the manual page and the command line
# cannot drift apart.
#  - every option of `accord --help-all` has an entry under OPTIONS in the
#    manual page, and every entry there is an option of accord;
#  - every option the manual page, or long option the README's "Command
#    line" section, names anywhere (synopsis, examples, prose) exists;
#  - the page renders without a single groff warning (when groff is here).
set -u

accord=$(realpath "$1")
man=$2
readme=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
. "$(dirname "$0")/tap.sh"

# Options are -x or --long-name; troff writes their dashes as \-.
options() {
  sed 's/\\-/-/g' | grep -oE -- '(^|[^a-zA-Z0-9-])--?[a-zA-Z][a-zA-Z0-9-]*' |
    sed 's/^[^-]*//' | sort -u
}

# The option column of --help-all: "  -h, --help", "  --topic=ID".
if ! "$accord" --help-all >"$tmp/help" 2>&1; then
  check fail "accord --help-all exits 0"
  sed 's/^/# /' "$tmp/help"
fi
grep -oE -- '^ +(-[a-zA-Z], )?--[a-z0-9-]+' "$tmp/help" | options >"$tmp/help-options"
if [ "$(wc -l <"$tmp/help-options")" -ge 10 ] && grep -qx -- --new-window "$tmp/help-options"; then
  check ok "accord --help-all lists $(wc -l <"$tmp/help-options") options"
else
  check fail "accord --help-all lists too few options"
  sed 's/^/# /' "$tmp/help"
fi

# The tags of the OPTIONS section: the line after each .TP.
awk '/^\.SH / { in_options = ($2 == "OPTIONS") }
     in_options && tag { print; tag = 0 }
     in_options && /^\.TP/ { tag = 1 }' "$man" | options >"$tmp/man-options"

missing=$(comm -23 "$tmp/help-options" "$tmp/man-options")
if [ -z "$missing" ]; then
  check ok "the manual page documents every option of accord --help-all"
else
  check fail "options of accord --help-all missing under OPTIONS in the manual page:"
  printf '%s\n' "$missing" | sed 's/^/#   /'
fi

extra=$(comm -13 "$tmp/help-options" "$tmp/man-options")
if [ -z "$extra" ]; then
  check ok "every option documented in the manual page exists"
else
  check fail "the manual page documents options accord does not have:"
  printf '%s\n' "$extra" | sed 's/^/#   /'
fi

grep -v '^\.\\"' "$man" | options >"$tmp/man-mentions"
extra=$(comm -13 "$tmp/help-options" "$tmp/man-mentions")
if [ -z "$extra" ]; then
  check ok "every option the manual page names exists"
else
  check fail "the manual page names options accord does not have:"
  printf '%s\n' "$extra" | sed 's/^/#   /'
fi

# (Long options only: the README also names other programs' short ones.)
awk '/^## / { in_cli = ($0 == "## Command line") } in_cli' "$readme" | options |
  grep -- '^--' >"$tmp/readme-options"
extra=$(comm -13 "$tmp/help-options" "$tmp/readme-options")
if [ -s "$tmp/readme-options" ] && [ -z "$extra" ]; then
  check ok "every option the README's Command line section names exists"
else
  check fail "the README's Command line section is missing or names options accord does not have:"
  printf '%s\n' "$extra" | sed 's/^/#   /'
fi

if command -v groff >/dev/null 2>&1; then
  if groff -t -man -Tutf8 -ww -z "$man" >"$tmp/groff" 2>&1 && [ ! -s "$tmp/groff" ]; then
    check ok "groff -man -ww renders the manual page without warnings"
  else
    check fail "groff -man -ww warns about the manual page"
    sed 's/^/# /' "$tmp/groff"
  fi
  groff -t -man -Tutf8 "$man" 2>/dev/null | sed 's/.\x08//g' >"$tmp/rendered"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    grep -qx "$section" "$tmp/rendered" || missing_section="${missing_section-} $section"
  done
  if [ -z "${missing_section-}" ]; then
    check ok "the rendered page has every section"
  else
    check fail "the rendered page lacks:$missing_section"
  fi
else
  echo "ok $((n = n + 1)) # SKIP groff is not installed"
fi

echo "1..$n"
[ "$failures" -eq 0 ]
