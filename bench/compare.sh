#!/usr/bin/env bash
# hookgen against quicktype and json_typegen on the same JSON example
# payloads, for BENCHMARKS.md:
#   npm install --prefix /tmp/qt quicktype
#   cargo install --locked json_typegen_cli --root /tmp/jt
#   QUICKTYPE=/tmp/qt/node_modules/.bin/quicktype JSON_TYPEGEN=/tmp/jt/bin/json_typegen \
#     bash bench/compare.sh [SCALES...]     (default: 1 10)
# Each tool is run as a user would: hookgen once over all vendors,
# quicktype once per vendor folder, json_typegen once per payload.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="${TMPDIR:-/tmp}/hookgen-compare"
mkdir -p "$tmp"
scales=("$@")
[ $# -eq 0 ] && scales=(1 10)
: "${QUICKTYPE:?set QUICKTYPE to the quicktype binary}"
: "${JSON_TYPEGEN:?set JSON_TYPEGEN to the json_typegen binary}"
cargo build --quiet --release --locked -p hookgen
. bench/lib.sh
bin="$(target_dir)/release/hookgen"

now() { date +%s%N; }
secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", (e - s) / 1e9 }'; }

echo "| scale | payloads | hookgen s | quicktype s | json_typegen s | quicktype / hookgen | json_typegen / hookgen |"
echo "|---|---|---|---|---|---|---|"
for scale in "${scales[@]}"; do
  ex="$tmp/examples$scale"
  rm -rf "$ex" "$tmp/corpus$scale" "$tmp/hg$scale" "$tmp/out$scale"
  python3 bench/synth_corpus.py "$tmp/corpus$scale" "$scale" "$ex"
  # hookgen reads the same files; plain JSON says nothing of where the event
  # type travels, so each vendor gets a one-line config.
  cp -r "$ex" "$tmp/hg$scale"
  for v in "$tmp/hg$scale"/*/; do printf '[event_type]\nfields = ["type"]\n' > "$v/hookgen.toml"; done
  mkdir -p "$tmp/out$scale"
  n=$(find "$ex" -name '*.json' | wc -l)

  s=$(now); "$bin" generate --specs "$tmp/hg$scale" --out "$tmp/out$scale/hookgen" >/dev/null 2>&1; e=$(now)
  hg=$(secs "$s" "$e")
  s=$(now)
  for v in "$ex"/*/; do
    "$QUICKTYPE" --lang rust --src-lang json --src "$v" -o "$tmp/out$scale/$(basename "$v").rs" >/dev/null 2>&1
  done
  e=$(now); qt=$(secs "$s" "$e")
  s=$(now)
  for f in "$ex"/*/*.json; do
    "$JSON_TYPEGEN" "$f" -n Payload -o "$tmp/out$scale/jt.rs" >/dev/null 2>&1
  done
  e=$(now); jt=$(secs "$s" "$e")
  echo "| ${scale}x | $n | $hg | $qt | $jt | $(awk -v a="$qt" -v b="$hg" 'BEGIN { printf "%.0fx", a / b }') | $(awk -v a="$jt" -v b="$hg" 'BEGIN { printf "%.1fx", a / b }') |"
done
