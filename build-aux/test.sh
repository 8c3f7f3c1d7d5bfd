#!/bin/sh
# Quick start, second command: installs what Accord and its tests need
# (Debian 12, as root), builds it and runs the whole test suite headless:
# a private X server (Xvfb) and D-Bus session for the window tests.
# Arguments go to `meson test` (e.g. --suite unit).
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh test
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
status=0
xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- meson test -C _build --print-errorlogs "$@" || status=$?

# Where clang is installed, the fuzzers run for a minute each (suite fuzz,
# its own build: libFuzzer needs clang). Skipped when arguments choose tests.
if [ $# -eq 0 ] && command -v clang > /dev/null; then
  { [ -f _fuzz/build.ninja ] ||
    CC=clang meson setup _fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false; } &&
    meson compile -C _fuzz &&
    meson test -C _fuzz --print-errorlogs --suite fuzz || status=1
elif [ $# -eq 0 ]; then
  echo "clang is not installed: the fuzz suite is skipped"
fi

exit $status
