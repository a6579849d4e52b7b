#!/usr/bin/env bash
# Generation and compile-time figures for BENCHMARKS.md, reproducibly:
#   bash bench/measure.sh [SCALES...]      (default: 1 10 100)
# The compile table covers the scales up to 10: `bash bench/measure.sh 1 2 5 10`
# gives the compile time per type as the crate grows.
# Needs GNU time (/usr/bin/time). Writes scratch files under ${TMPDIR:-/tmp}.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="${TMPDIR:-/tmp}/hookgen-measure"
mkdir -p "$tmp"
scales=("${@:-1 10 100}")
[ $# -eq 0 ] && scales=(1 10 100)

cargo build --quiet --release --locked -p hookgen
. bench/lib.sh
bin="$(target_dir)/release/hookgen"

secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'; }

echo "## Generation (release build of hookgen; wall time is the best of 3)"
echo "| corpus | files | MB | wall s | s per MB | peak RSS MB |"
echo "|---|---|---|---|---|---|"
for label in seeds "${scales[@]}"; do
  if [ "$label" = seeds ]; then specs=specs; else
    specs="$tmp/corpus$label"
    [ -d "$specs" ] || python3 bench/synth_corpus.py "$specs" "$label"
  fi
  out="$tmp/gen-$label"
  files=$(find "$specs" -type f | wc -l)
  bytes=$(find "$specs" -type f -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  best=""
  for _ in 1 2 3; do
    rm -rf "$out"
    s=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" generate --specs "$specs" --out "$out" --crate-name "gen-$label" >/dev/null 2>&1
    e=$(date +%s%N)
    t=$(secs "$s" "$e")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
  per=$(awk -v t="$best" -v m="$mb" 'BEGIN { printf "%.3f", t / m }')
  rss=$(awk '{ printf "%.0f", $1 / 1024 }' "$tmp/rss")
  echo "| $label | $files | $mb | $best | $per | $rss |"
done

echo
echo "## Compile time of the generated crate (dependencies already built, the crate from scratch: no incremental cache; best of 2)"
echo "| crate | features | types | lines | check s | build s | build ms per type |"
echo "|---|---|---|---|---|---|---|"
export CARGO_TARGET_DIR="$tmp/target"
# A user's first build, or CI's: the crate compiled whole, not patched.
export CARGO_INCREMENTAL=0
compile() { # dir, label, cargo feature args...
  local dir=$1 label=$2; shift 2
  local types lines
  types=$(cat "$dir"/src/*.rs | grep -cE '^pub (struct|enum) ' || true)
  lines=$(cat "$dir"/src/*.rs | wc -l)
  (cd "$dir" && cargo build --quiet "$@" >/dev/null 2>&1) # dependencies
  for cmd in check build; do
    best=""
    for _ in 1 2; do
      touch "$dir/src/lib.rs"
      s=$(date +%s%N)
      (cd "$dir" && cargo "$cmd" --quiet "$@" >/dev/null 2>&1)
      e=$(date +%s%N)
      t=$(secs "$s" "$e")
      if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    eval "$cmd=$best"
  done
  per=$(awk -v b="$build" -v t="$types" 'BEGIN { if (t > 0) printf "%.1f", b * 1000 / t; else printf "-" }')
  echo "| $(basename "$dir") | $label | $types | $lines | $check | $build | $per |"
}
rm -rf "$tmp/webhook-models" && cp -r generated "$tmp/webhook-models"
compile "$tmp/webhook-models" "all 5 vendors"
compile "$tmp/webhook-models" "flexprice only" --no-default-features --features flexprice
compile "$tmp/webhook-models" "pelcro only" --no-default-features --features pelcro
compile "$tmp/webhook-models" "none" --no-default-features
for label in "${scales[@]}"; do
  [ "$label" -le 10 ] || continue # 100x: hundreds of vendors, measured by hand
  compile "$tmp/gen-$label" "all vendors"
done
