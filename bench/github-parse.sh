#!/usr/bin/env bash
# Parsing GitHub's real payloads, counted by callgrind: hookgen's crate
# against quicktype's for the same training payloads (plain serde derives,
# `Option<T>`, no unknown-field map: what the parsing target calls
# hand-written structs) and against `serde_json::Value`. Run after
# `bash bench/github.sh`, which leaves both crates in its work folder.
#
#   bash bench/github-parse.sh [N]     (default 20 passes over the payloads)
#
# Prints how many of the held-out and of the training payloads each crate
# reads (a held-out payload quicktype rejects is one its service would
# drop), then instructions per payload over the payloads both read, the
# count of a run that only loads them subtracted. Skips, exit 0, without
# github.sh's output or valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
work="${TMPDIR:-/tmp}/hookgen-github"
if [ ! -f "$work/out/Cargo.toml" ] || [ ! -f "$work/qt/lib.rs" ] || [ ! -d "$work/train" ]; then
  echo "bench/github-parse.sh: skipped: run bash bench/github.sh first (needs $work/out, $work/qt/lib.rs, $work/train)"
  exit 0
fi
if ! command -v valgrind >/dev/null; then
  echo "bench/github-parse.sh: skipped: valgrind is not installed"
  exit 0
fi
dir="$work/parse"
rm -rf "$dir" && mkdir -p "$dir/src"
cp bench/github-parse/Cargo.toml.in "$dir/Cargo.toml"
cp bench/github-parse/src/main.rs "$dir/src/"
. bench/lib.sh
quicktype_crate "$dir/qt" "$work/qt/lib.rs"
# quicktype names each top-level type after its folder (the event). `read`
# reads bytes (serde_json::from_slice), `read_text` text (from_str, after
# the bytes are checked as UTF-8, as hookgen's crate reads).
dispatch() { # function, its input type, serde_json's reader
  echo "pub fn $1(event: &str, body: $2) -> Result<(), String> {"
  echo "    match event {"
  for d in "$work"/train/*/; do
    e=$(basename "$d")
    t=$(python3 -c 'import sys; print("".join(w.capitalize() for w in sys.argv[1].split("_")))' "$e")
    if grep -q "^pub struct $t {" "$dir/qt/src/lib.rs"; then
      echo "        \"$e\" => serde_json::$3::<quicktype_models::$t>(body).map(drop).map_err(|e| e.to_string()),"
    fi
  done
  echo "        _ => Err(\"no type for this event\".to_owned()),"
  echo "    }"
  echo "}"
}
{
  dispatch read "&[u8]" from_slice
  dispatch read_text "&str" from_str
} >"$dir/src/quicktype.rs"
(cd "$dir" && CARGO_TARGET_DIR="$work/target" cargo build --quiet --release)
bin="$work/target/release/github-parse"
for f in "$work"/train/*/*.json; do
  printf '%s\t%s\n' "$(basename "$(dirname "$f")")" "$f"
done >"$dir/train.tsv"
cat "$work/heldout/manifest.tsv" "$dir/train.tsv" >"$dir/all.tsv"
# One pass: path TAB hookgen reads TAB quicktype reads TAB quicktype's error.
"$bin" accepts "$dir/all.tsv" >"$dir/accepts.tsv"
accepts() { # folder the payloads are in
  awk -F'\t' -v d="$1/" 'index($1, d) == 1 { t++; h += ($2 == "true"); q += ($3 == "true"); b += ($2 == "true" && $3 == "true") }
    END { printf "%d | %d | %d | %d", t, h, q, b }' "$dir/accepts.tsv"
}
echo "| payloads | all | hookgen reads | quicktype reads | both |"
echo "| --- | --- | --- | --- | --- |"
echo "| held out (odd-indexed) | $(accepts "$work/heldout") |"
echo "| training (even-indexed) | $(accepts "$work/train") |"
both=$(awk -F'\t' '$2 == "true" && $3 == "true"' "$dir/accepts.tsv" | wc -l)
bytes=$(awk -F'\t' '$2 == "true" && $3 == "true" { print $1 }' "$dir/accepts.tsv" | xargs cat | wc -c)
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
base=$(count none "$dir/all.tsv" "$n")
echo
echo "instructions per payload, the $both payloads both read ($((bytes / both)) bytes on average), N = $n:"
echo "| parser | instructions per payload | against quicktype |"
echo "| --- | --- | --- |"
q=""
for p in quicktype quicktype_text hookgen value value_text; do
  c=$(( ($(count "$p" "$dir/all.tsv" "$n") - base) / (n * both) ))
  [ -z "$q" ] && q=$c
  echo "| $p | $c | $(awk -v q="$q" -v c="$c" 'BEGIN { printf "%.2fx", q / c }') |"
done
