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
exec xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- meson test -C _build --print-errorlogs "$@"
