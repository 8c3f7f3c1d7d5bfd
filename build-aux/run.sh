#!/bin/sh
# Quick start, first command: installs what Accord needs (Debian 12, as
# root), builds it and runs it from the build tree. Arguments go to Accord.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh run
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build
exec _build/app/accord "$@"
