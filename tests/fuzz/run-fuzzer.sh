#!/bin/sh
# run-fuzzer.sh FUZZER DICT CORPUS SEEDS...: fuzzes for 60 seconds, keeping
# what it learns in CORPUS (in the build tree, never the seeds).
set -eu
fuzzer=$1; dict=$2; corpus=$3; shift 3
mkdir -p "$corpus"
exec "$fuzzer" -dict="$dict" -max_total_time=60 -timeout=2 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$corpus/../" "$corpus" "$@"
