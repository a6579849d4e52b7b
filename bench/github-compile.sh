#!/usr/bin/env bash
# Compile time of GitHub's crate, side by side with quicktype's for the same
# payloads, in one run: after `bash bench/github.sh` (its work folder holds
# hookgen's crate in out/ and quicktype's code in qt/lib.rs).
#
#   bash bench/github-compile.sh [RUNS]     (default 3)
#
# Both crates build in one target folder with their dependencies built
# first; then each crate alone, cleaned and built again (`cargo clean -p`,
# `cargo build -p`), RUNS times, alternating: dev and release wall times,
# and the release `.rlib` size. Skips, exit 0, without github.sh's output.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work="${TMPDIR:-/tmp}/hookgen-github"
if [ ! -f "$work/out/Cargo.toml" ] || [ ! -f "$work/qt/lib.rs" ]; then
  echo "bench/github-compile.sh: skipped: run bash bench/github.sh first (needs $work/out and $work/qt/lib.rs)"
  exit 0
fi
dir="$work/compile"
rm -rf "$dir" && mkdir -p "$dir"
cp -r "$work/out" "$dir/hookgen"
# hookgen's crate as the user gets it, but a workspace of its own here.
printf '\n[workspace]\n' >>"$dir/hookgen/Cargo.toml"
. bench/lib.sh
quicktype_crate "$dir/qt" "$work/qt/lib.rs"
printf '\n[workspace]\n' >>"$dir/qt/Cargo.toml"
export CARGO_TARGET_DIR="$dir/target"
name_of() { sed -n 's/^name = "\(.*\)"/\1/p' "$1/Cargo.toml" | head -1; }
now() { date +%s%N; }
timed() { # dir, profile args...
  local d=$1 s e
  shift
  (cd "$d" && cargo build --quiet "$@" >/dev/null 2>&1)
  (cd "$d" && cargo clean --quiet -p "$(name_of "$d")" "$@" >/dev/null 2>&1)
  s=$(now)
  (cd "$d" && cargo build --quiet "$@" >/dev/null 2>&1)
  e=$(now)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.1f", (e - s) / 1e9 }'
}
lines() { cat "$1"/src/*.rs | wc -l; }
declare -A dev rel
for ((i = 1; i <= runs; i++)); do
  for c in qt hookgen; do
    dev[$c]="${dev[$c]:+${dev[$c]}, }$(timed "$dir/$c")"
  done
done
for c in qt hookgen; do
  rel[$c]=$(timed "$dir/$c" --release)
done
rlib() { # crate name
  local f
  f=$(ls "$CARGO_TARGET_DIR"/release/deps/lib"${1//-/_}"-*.rlib | head -1)
  du -h "$f" | cut -f1
}
echo "| | quicktype 26.0.0 | hookgen $(git rev-parse --short HEAD 2>/dev/null || echo '?') |"
echo "| --- | --- | --- |"
echo "| Rust lines | $(lines "$dir/qt") | $(lines "$dir/hookgen") |"
echo "| clean dev build of the crate alone, s | ${dev[qt]} | ${dev[hookgen]} |"
echo "| clean release build of the crate alone, s | ${rel[qt]} | ${rel[hookgen]} |"
echo "| release .rlib | $(rlib quicktype-models) | $(rlib "$(name_of "$dir/hookgen")") |"
