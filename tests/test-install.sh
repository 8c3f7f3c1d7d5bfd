#!/bin/sh
# test-install.sh MESON BUILD_ROOT SOURCE_ROOT VERSION BINDIR DATADIR MANDIR LOCALEDIR
#
# `meson install` into a DESTDIR installs exactly what a desktop needs:
# the program, its launcher, software-centre data, icons, settings schema,
# manual page and both translation domains of every language in po/LINGUAS,
# and nothing else. The directories are the configured ones, absolute.
#
# It installs what `meson test` has just built (--no-rebuild: no second
# ninja runs beside the tests). glib-compile-schemas, the post-install
# step, is skipped by meson under a DESTDIR, as packagers expect.
set -u

meson=$1
build_root=$2
source_root=$3
version=$4
bindir=$5
datadir=$6
mandir=$7
localedir=$8
app_id=io.github.accord.Accord
dest=$(mktemp -d)
tmp=$(mktemp -d)
trap 'rm -rf "$dest" "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
. "$(dirname "$0")/tap.sh"

if "$meson" install -C "$build_root" --no-rebuild --destdir "$dest" >"$tmp/log" 2>&1; then
  check ok "meson install --destdir"
else
  check fail "meson install --destdir failed"
  sed 's/^/# /' "$tmp/log"
  echo "1..$n"
  exit 1
fi

# What must be installed, relative to DESTDIR.
{
  echo "$bindir/accord"
  echo "$datadir/applications/$app_id.desktop"
  echo "$datadir/metainfo/$app_id.metainfo.xml"
  echo "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
  echo "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  echo "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  echo "$mandir/man1/accord.1"
  sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$source_root/po/LINGUAS" | while read -r lang; do
    echo "$localedir/$lang/LC_MESSAGES/accord.mo"
    echo "$localedir/$lang/LC_MESSAGES/accord-content.mo"
  done
} | sort >"$tmp/expected"

if [ "$(grep -c '\.mo$' "$tmp/expected")" -lt 2 ]; then
  check fail "po/LINGUAS names no language"
fi

while read -r file; do
  if [ -s "$dest$file" ]; then check ok "installed: $file"
  else check fail "not installed (or empty): $file"; fi
done <"$tmp/expected"

(cd "$dest" && find . ! -type d | sed 's/^\.//' | sort) >"$tmp/installed"
extra=$(comm -13 "$tmp/expected" "$tmp/installed")
if [ -z "$extra" ]; then
  check ok "nothing else is installed"
else
  check fail "installed but not expected (add it here if it belongs):"
  printf '%s\n' "$extra" | sed 's/^/#   /'
fi

# The installed program runs, outside the build tree.
out=$("$dest$bindir/accord" --version 2>&1)
if [ "$out" = "accord $version" ]; then check ok "the installed accord runs: $out"
else check fail "the installed accord --version said: $out"; fi

# The launcher starts the installed program and shows the installed icon.
desktop="$dest$datadir/applications/$app_id.desktop"
exec_line=$(grep '^Exec=' "$desktop" | head -1)
icon_line=$(grep '^Icon=' "$desktop" | head -1)
if [ "${exec_line#Exec=}" != "$exec_line" ] && [ -x "$dest$bindir/$(echo "${exec_line#Exec=}" | cut -d' ' -f1)" ]; then
  check ok "the launcher's $exec_line is the installed program"
else
  check fail "the launcher's '$exec_line' is not an installed program"
fi
if [ "$icon_line" = "Icon=$app_id" ]; then check ok "the launcher shows the installed icon"
else check fail "the launcher's '$icon_line' is not Icon=$app_id"; fi

# Every catalog is one gettext can read, with messages in it.
if command -v msgunfmt >/dev/null 2>&1; then
  bad=
  for mo in $(grep '\.mo$' "$tmp/expected"); do
    count=$(msgunfmt "$dest$mo" 2>/dev/null | grep -c '^msgid ')
    [ "${count:-0}" -ge 2 ] || bad="$bad $mo"
  done
  if [ -z "$bad" ]; then check ok "every installed catalog reads, with messages"
  else check fail "unreadable or empty catalogs:$bad"; fi
else
  echo "ok $((n = n + 1)) # SKIP msgunfmt is not installed"
fi

# The installed schema compiles, as the post-install step would do it.
if command -v glib-compile-schemas >/dev/null 2>&1; then
  if glib-compile-schemas --strict --dry-run "$dest$datadir/glib-2.0/schemas" >"$tmp/log" 2>&1; then
    check ok "the installed schema compiles"
  else
    check fail "the installed schema does not compile"
    sed 's/^/# /' "$tmp/log"
  fi
else
  echo "ok $((n = n + 1)) # SKIP glib-compile-schemas is not installed"
fi

echo "1..$n"
[ "$failures" -eq 0 ]
