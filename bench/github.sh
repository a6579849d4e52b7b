#!/usr/bin/env bash
# hookgen's types against GitHub's own: the webhook corpus GitHub publishes
# on npm (@octokit/webhooks-examples and -schemas, 7.6.1), one rendered page
# per event, trained on the even-indexed examples, judged on the 148 held
# out and against GitHub's JSON Schemas (bench/github.py says how).
#
#   bash bench/github.sh
#
# The packages are installed once into ${HOOKGEN_BENCH_CACHE:-~/.cache/hookgen-bench},
# outside the repository; the work folder is ${TMPDIR:-/tmp}/hookgen-github
# (pages in specs/, the crate in out/, details in details.txt). Skips, exit
# 0, where npm or the registry is not to be had: not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
version=7.6.1
cache="${HOOKGEN_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hookgen-bench}/octokit-$version"
work="${TMPDIR:-/tmp}/hookgen-github"
pkgs="$cache/node_modules/@octokit"
if [ ! -f "$pkgs/webhooks-schemas/schema.json" ]; then
  if ! command -v npm >/dev/null; then
    echo "bench/github.sh: skipped: npm is not installed"
    exit 0
  fi
  mkdir -p "$cache"
  npm install --silent --no-audit --no-fund --prefix "$cache" \
    "@octokit/webhooks-examples@$version" "@octokit/webhooks-schemas@$version" || {
    echo "bench/github.sh: skipped: could not install the corpus from npm"
    exit 0
  }
fi

cargo build --quiet --release --locked -p hookgen
bin="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/hookgen"
rm -rf "$work/specs" "$work/heldout" "$work/out" "$work/runner"
mkdir -p "$work"
python3 bench/github.py render "$pkgs/webhooks-examples/api.github.com/index.json" \
  "$work/specs/github" "$work/heldout"

now() { date +%s%N; }
s=$(now)
"$bin" generate --specs "$work/specs" --out "$work/out" 2>"$work/generate.log" >/dev/null || {
  cat "$work/generate.log"
  exit 1
}
e=$(now)
echo "hookgen $(git rev-parse --short HEAD 2>/dev/null || echo '?'): generated in $(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", (e - s) / 1e9 }') s," \
  "$(grep -c ': warning:' "$work/generate.log" || true) warnings (generate.log)"

# The held-out payloads, read by the generated crate as a service reads them.
mkdir -p "$work/runner/src"
cp bench/github-runner/src/main.rs "$work/runner/src/"
cp bench/github-runner/Cargo.toml.in "$work/runner/Cargo.toml"
(cd "$work/runner" && CARGO_TARGET_DIR="$work/target" cargo build --quiet --release)
"$work/target/release/github-runner" "$work/heldout/manifest.tsv" >"$work/runner.jsonl"

GITHUB_BENCH_DETAIL="$work/details.txt" python3 "$root/bench/github.py" score \
  "$pkgs/webhooks-schemas/schema.json" "$work/out/schema/github.json" \
  "$work/heldout/manifest.tsv" "$work/runner.jsonl"

# Generation side by side with quicktype, and quicktype's agreement with
# GitHub's schemas by the same rules, in this run: quicktype 26.0.0
# (installed into the same cache; skipped where npm cannot fetch it) once
# over a folder per event of the same training payloads, and hookgen once
# over the pages; the best of three wall times each.
qt="$cache/../quicktype-26.0.0/node_modules/.bin/quicktype"
if [ ! -x "$qt" ]; then
  npm install --silent --no-audit --no-fund --prefix "$cache/../quicktype-26.0.0" quicktype@26.0.0 >/dev/null 2>&1 || true
fi
if [ -x "$qt" ]; then
  rm -rf "$work/train" "$work/qt" && mkdir -p "$work/qt"
  python3 bench/github.py train "$pkgs/webhooks-examples/api.github.com/index.json" "$work/train"
  best() { # command...
    local b="" s e t
    for _ in 1 2 3; do
      s=$(now)
      "$@" >/dev/null 2>&1
      e=$(now)
      t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
      if [ -z "$b" ] || awk -v a="$t" -v b="$b" 'BEGIN { exit !(a < b) }'; then b=$t; fi
    done
    echo "$b"
  }
  q=$(best "$qt" --src-lang json --lang rust --visibility public --density dense -o "$work/qt/lib.rs" "$work/train")
  h=$(best "$bin" generate --specs "$work/specs" --out "$work/out")
  echo "generation, best of 3: quicktype $q s, hookgen $h s: $(awk -v q="$q" -v h="$h" 'BEGIN { printf "%.1f", q / h }')x"
  # quicktype's types judged as hookgen's are: its JSON Schema of the same
  # payloads against GitHub's, on the same fields.
  "$qt" --src-lang json --lang schema -o "$work/qt/schema.json" "$work/train" >/dev/null 2>&1 &&
    python3 bench/github.py quicktype "$pkgs/webhooks-schemas/schema.json" "$work/qt/schema.json" \
      "$work/heldout/events.json"
else
  echo "generation side by side: skipped (quicktype 26.0.0 could not be installed)"
fi

# genson 1.3.0 (a Python package, in a virtual environment in the same
# cache; skipped where pip cannot fetch it): a schema per event from the
# same training payloads, judged the same way.
venv="$cache/../genson-1.3.0"
if [ ! -x "$venv/bin/genson" ]; then
  { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet genson==1.3.0; } >/dev/null 2>&1 || true
fi
if [ -x "$venv/bin/genson" ] && [ -d "$work/train" ]; then
  rm -rf "$work/genson" && mkdir -p "$work/genson"
  for d in "$work/train"/*/; do
    e=$(basename "$d")
    # One payload a line: genson's own boundary guess splits on a `{` in a
    # string (`…/following{/other_user}`).
    python3 -c 'import json, sys; [print(json.dumps(json.load(open(f)))) for f in sys.argv[1:]]' \
      "$d"*.json >"$work/genson/$e.jsonl"
    "$venv/bin/genson" -e utf-8 -d newline "$work/genson/$e.jsonl" >"$work/genson/$e.json"
    rm "$work/genson/$e.jsonl"
  done
  python3 bench/github.py gather "$work/genson" "$work/genson.json"
  python3 bench/github.py genson "$pkgs/webhooks-schemas/schema.json" "$work/genson.json" \
    "$work/heldout/events.json"
else
  echo "genson: skipped (genson 1.3.0 could not be installed)"
fi
