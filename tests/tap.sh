# tap.sh: sourced by the shell tests, which speak TAP to meson.
#   check ok|fail DESCRIPTION   one result
#   n, failures                 how many so far, and how many failed
# A test ends with: echo "1..$n"; [ "$failures" -eq 0 ]

n=0
failures=0

check() {
  n=$((n + 1))
  if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failures=$((failures + 1)); fi
}
