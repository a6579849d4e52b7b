#!/usr/bin/env bash
# Instructions per parse, counted by callgrind (repeatable, unlike wall time
# on a shared VM): each parser runs N times on a payload, and the count of a
# run with no parses (loading the payload) is subtracted.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-2000}
cargo build --quiet --release -p hookgen-bench --example instructions
. bench/lib.sh
bin="$(target_dir)/release/examples/instructions"
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '| payload | parser | instructions per parse |\n|---|---|---|\n'
for payload in next_seed pelcro_seed; do
  base=$(count value "$payload" 0)
  parsers="typed with_type value value_text"
  [ "$payload" = next_seed ] && parsers="$parsers hand hand_flatten hand_text hand_borrowed"
  for parser in $parsers; do
    total=$(count "$parser" "$payload" "$N")
    printf '| %s | %s | %d |\n' "$payload" "$parser" $(( (total - base) / N ))
  done
done
