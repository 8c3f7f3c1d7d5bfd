#!/bin/sh
# test-instance.sh ACCORD GEN: one Accord per session. A second `accord`
# hands its command line to the running one and returns: with --new-window
# the running Accord opens another window, without it brings its window
# forward, and `accord FILE` opens the file there.
#
# The windows of the running Accord are counted on D-Bus, where GTK exports
# each application window's actions (/io/github/accord/Accord/window/N). The
# test runs on a private session bus of its own, so an Accord the developer
# has open is never touched. It needs a display (the ui suite's Xvfb).
set -u

if [ -z "${ACCORD_TEST_PRIVATE_BUS-}" ]; then
  ACCORD_TEST_PRIVATE_BUS=1 exec dbus-run-session -- sh "$0" "$@"
fi

accord=$(realpath "$1")
gen=$(realpath "$2")
app_id=io.github.accord.Accord
app_path=/io/github/accord/Accord
tmp=$(mktemp -d)
primary=
cleanup() {
  [ -n "$primary" ] && kill "$primary" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/tap.sh"

if [ -z "${DISPLAY-}" ] && [ -z "${WAYLAND_DISPLAY-}" ]; then
  echo "1..0 # SKIP no display"
  exit 0
fi

running() {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$app_id" 2>/dev/null | grep -q true
}

windows() {
  gdbus introspect --session --dest "$app_id" --object-path "$app_path/window" 2>/dev/null |
    grep -c '^ *node [0-9][0-9]* {'
}

# wait_windows N: waits up to 10 s for the running Accord to have N windows.
wait_windows() {
  i=0
  while [ "$i" -lt 100 ]; do
    [ "$(windows)" = "$1" ] && return 0
    sleep 0.1
    i=$((i + 1))
  done
  return 1
}

# second ARGS...: runs a second accord, which must hand over and return.
second() {
  (cd "$tmp" && timeout 20 "$accord" "$@" >"$tmp/out" 2>&1)
  status=$?
  if [ "$status" -eq 0 ]; then
    check ok "accord${*:+ $*} returns at once"
  else
    check fail "accord${*:+ $*} exit status $status"
    sed 's/^/# /' "$tmp/out"
  fi
}

if running; then
  echo "Bail out! $app_id already runs on this private bus"
  exit 1
fi

"$gen" --topics=20 "$tmp/pack.json"

"$accord" >"$tmp/primary.log" 2>&1 &
primary=$!
i=0
while [ "$i" -lt 200 ] && ! running; do sleep 0.1; i=$((i + 1)); done
if running && wait_windows 1; then
  check ok "the first accord runs with one window"
else
  check fail "the first accord did not start (or has $(windows) windows)"
  sed 's/^/# /' "$tmp/primary.log"
  echo "1..$n"
  exit 1
fi

second --new-window
if wait_windows 2; then check ok "--new-window: the running Accord opened a second window"
else check fail "--new-window: the running Accord has $(windows) windows, not 2"; fi

second
sleep 0.5
if [ "$(windows)" = 2 ]; then check ok "accord again: no new window, the running one is brought forward"
else check fail "accord again: the running Accord has $(windows) windows, not 2"; fi

second pack.json
if wait_windows 3; then check ok "accord FILE: the file opened in a window of the running Accord"
else check fail "accord FILE: the running Accord has $(windows) windows, not 3"; fi

if kill -0 "$primary" 2>/dev/null; then check ok "the first accord is still running"
else check fail "the first accord has ended"; fi

# Quit through the application's action, as the desktop would.
gdbus call --session --dest "$app_id" --object-path "$app_path" \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null
i=0
while [ "$i" -lt 100 ] && kill -0 "$primary" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$primary" 2>/dev/null; then
  check fail "app.quit did not end the first accord"
else
  wait "$primary"
  status=$?
  primary=
  if [ "$status" -eq 0 ]; then check ok "app.quit ends the first accord with status 0"
  else check fail "the first accord ended with status $status"; sed 's/^/# /' "$tmp/primary.log"; fi
fi

echo "1..$n"
[ "$failures" -eq 0 ]
