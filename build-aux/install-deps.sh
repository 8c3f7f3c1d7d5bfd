#!/bin/sh
# Installs everything Accord needs to build, run and test on Debian 12 (bookworm).
# Usage (as root): build-aux/install-deps.sh [run|test]
#   run   the build and runtime packages (default)
#   test  those plus the headless test tools (Xvfb, D-Bus, AT-SPI, poppler ...)
set -eu

# libx11-dev and libxdamage-dev: the startup benchmark watches the windows
# it times with them (libgtk-4-dev depends on both, but we use them directly).
# libxtst-dev: the window tests type keys through the X server (XTest), as
# a keyboard does, where GTK 4 has no way to.
# librsvg2-common is GdkPixbuf's SVG loader: build-aux/render-icon renders the
# application icon with it at build time, and the About window shows the SVG.

mode=${1:-run}

build_pkgs="
  ca-certificates
  gcc libc6-dev
  meson ninja-build pkg-config
  libglib2.0-dev libglib2.0-bin
  libgtk-4-dev
  librsvg2-common
  libjson-glib-dev
  gettext
  desktop-file-utils
  appstream
  fonts-dejavu-core
  fonts-noto-core
  fonts-noto-cjk
  locales
"

test_pkgs="
  xvfb xauth
  dbus dbus-x11
  at-spi2-core
  poppler-utils
  groff-base
  python3
  libx11-dev libxdamage-dev libxtst-dev
"

case "$mode" in
  run)  pkgs=$build_pkgs ;;
  test) pkgs="$build_pkgs $test_pkgs" ;;
  *)    echo "usage: $0 [run|test]" >&2; exit 2 ;;
esac

export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $pkgs
