#!/usr/bin/env bash
# How well hookgen reads real vendors' pages: the development set in
# ../shared/corpus/pages (51 page excerpts, 31 vendors, with what a careful
# integrator reads off each in expect.json), scored by that folder's
# score.py with the definitions of its README. Each page is generated
# alone, saved under a neutral file name.
#
#   bash bench/pages.sh [PAGES_DIR]
#
# Prints the summary, the per-trait table and the per-page table (also
# kept in ${TMPDIR:-/tmp}/hookgen-pages/). Skips, exit 0, when the corpus
# is not there: it is not part of the repository, nor of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-../shared/corpus/pages}"
if [ ! -f "$pages/score.py" ] || [ ! -f "$pages/expect.json" ]; then
  echo "bench/pages.sh: skipped: no corpus at $pages (score.py and expect.json)"
  exit 0
fi
work="${TMPDIR:-/tmp}/hookgen-pages"
cargo build --quiet --release --locked -p hookgen
. bench/lib.sh
bin="$(target_dir)/release/hookgen"
echo "hookgen $(git rev-parse --short HEAD 2>/dev/null || echo '?') on $pages"
python3 "$pages/score.py" --pages "$pages" --expect "$pages/expect.json" --bin "$bin" \
  --work "$work" --compile none --neutral-names >"$work.log" 2>&1 || {
  cat "$work.log"
  exit 1
}
# The progress line is long and carriage-returned; keep what follows it.
sed -n '/^Breakdown by/,$p' "$work.log"
echo
cat "$work/pages_table.txt"

# Pages with no JSON payload (expect.json's `skip`): hookgen must say so
# and make no payload type.
echo
echo "Pages with no JSON payload:"
python3 - "$pages" "$bin" "$work/skip" <<'PY'
import json, os, shutil, subprocess, sys
pages, bin_path, work = sys.argv[1:4]
told = 0
skips = [e for e in json.load(open(os.path.join(pages, "expect.json"))) if "skip" in e]
for e in skips:
    d = os.path.join(work, "p")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, "specs", "v"))
    shutil.copy(os.path.join(pages, e["file"]), os.path.join(d, "specs", "v", "page.txt"))
    p = subprocess.run([bin_path, "generate"], cwd=d, capture_output=True, text=True)
    module = open(os.path.join(d, "generated", "src", "v.rs")).read() if p.returncode == 0 else ""
    said = "not JSON" in p.stderr
    invented = "pub struct" in module
    ok = said and not invented and p.returncode == 0
    told += ok
    print("  %-60s %s" % (e["file"], "reported, no payload type" if ok else
          "NOT OK (exit %d, said: %s, payload type: %s)" % (p.returncode, said, invented)))
print("skip-pages reported as having no JSON payload: %d/%d" % (told, len(skips)))
PY
