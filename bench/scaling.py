#!/usr/bin/env python3
"""How generation time and memory grow with hostile input sizes.

    python3 bench/scaling.py HOOKGEN_BIN [KIND ...] [--max N] [--budget SECONDS]

For each kind of input, the size doubles from 1,000 until it passes N
(default 200,000) or a run takes longer than the budget (default 60 s);
each run is `hookgen generate` on a fresh folder, timed, with its peak
memory (wait4's rusage, taken by a small Python process that starts it, so
about 10 MiB is the floor). Prints a markdown table per kind, and the
ratio of time per unit between the largest and the smallest size (near 1 is
linear; it doubles with each doubling when quadratic).

Kinds: pipe_rows (a pipe table of N rows), fences (N fenced examples on one
page), braces (N `{` on one line), keys (a one-line object of N keys),
files (N event files of one vendor), globstar (an override path of N/1000
`**` segments, at most 40), sections (N event headings, each over its own
example), event_list (a list of N event names).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time


def pipe_rows(n):
    rows = ["| Field | Type | Description |", "| --- | --- | --- |"]
    rows += ["| `field_%d` | string | The %d-th field. |" % (i, i) for i in range(n)]
    return {"v/page.md": "# order.created\n\n" + "\n".join(rows) + "\n"}


def fences(n):
    parts = ["# Events\n"]
    for i in range(n):
        parts.append('```json\n{"event": "order.e%d", "id": %d}\n```\n' % (i % 50, i))
    return {"v/page.md": "\n".join(parts)}


def braces(n):
    return {"v/page.md": "# order.created\n\n" + "{" * n + "\n"}


def keys(n):
    body = ", ".join('"k%d": %d' % (i, i) for i in range(n))
    return {"v/page.md": '# order.created\n\n{"event": "order.created", %s}\n' % body}


def files(n):
    return {
        "v/e%d.created.json" % i: '{"event": "e%d.created", "id": %d}\n' % (i, i) for i in range(n)
    }


def globstar(n):
    k = max(1, min(40, n // 1000))
    path = ".".join(["**"] * k + ["id"])
    return {
        "v/page.md": '# order.created\n\n{"event": "order.created", "a": {"b": {"c": {"id": 1}}}}\n',
        "v/hookgen.toml": '[[override]]\npath = "%s"\ntype = "string"\n' % path,
    }


def sections(n):
    # A heading per event over its own example: a page of sections.
    parts = ['## res%d.created\n\n{"type": "res%d.created", "id": %d}\n' % (i, i, i) for i in range(n)]
    return {"v/page.md": "\n".join(parts)}


def event_list(n):
    # One page listing N events, none with an example.
    rows = ["Events:"] + ["- res%d.created" % i for i in range(n)]
    return {"v/page.md": "\n".join(rows) + "\n"}


KINDS = {f.__name__: f for f in (pipe_rows, fences, braces, keys, files, globstar, sections, event_list)}


TRAMPOLINE = """
import os, subprocess, sys
p = subprocess.Popen([sys.argv[1], "generate"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(p.pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run(bin_path, layout):
    d = tempfile.mkdtemp(prefix="hookgen-scaling-")
    try:
        size = 0
        for rel, text in layout.items():
            p = os.path.join(d, "specs", rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w") as f:
                f.write(text)
            size += len(text.encode())
        del layout
        # A small process starts hookgen and reports its peak memory: a
        # child forked from this one would count this one's memory too.
        start = time.monotonic()
        out = subprocess.run(
            [sys.executable, "-c", TRAMPOLINE, bin_path],
            cwd=d,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        secs = time.monotonic() - start
        return size, secs, int(out[0]) * 1024, int(out[1])
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    bin_path = os.path.abspath(args.pop(0))
    top, budget = 200_000, 60.0
    if "--max" in args:
        i = args.index("--max")
        top = int(args[i + 1])
        del args[i : i + 2]
    if "--budget" in args:
        i = args.index("--budget")
        budget = float(args[i + 1])
        del args[i : i + 2]
    kinds = args or list(KINDS)
    for kind in kinds:
        print("\n%s\n\n| N | input | seconds | peak memory | exit |\n| --- | --- | --- | --- | --- |" % kind)
        first = last = None
        n = 1000
        while n <= top:
            size, secs, rss, code = run(bin_path, KINDS[kind](n))
            print("| %d | %.1f MiB | %.2f | %.0f MiB | %d |" % (n, size / 2**20, secs, rss / 2**20, code))
            sys.stdout.flush()
            first = first or (n, secs)
            last = (n, secs)
            if secs > budget:
                break
            n *= 2
        if first and last and last[0] > first[0]:
            per = (last[1] / last[0]) / max(first[1] / first[0], 1e-9)
            print("\ntime per unit, N=%d against N=%d: %.1f×" % (last[0], first[0], per))


if __name__ == "__main__":
    main()
