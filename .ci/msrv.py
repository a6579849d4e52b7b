#!/usr/bin/env python3
"""Each workspace package's declared rust-version is at least the highest
rust-version among the packages it builds with (normal and build
dependencies, from `cargo metadata` and the lockfile). Clippy's
incompatible_msrv lint checks our own code against the same declaration.
Exit 1, naming the package and the dependency, when one declares too little
or nothing."""

import json
import subprocess
import sys

meta = json.loads(
    subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--locked"])
)
packages = {p["id"]: p for p in meta["packages"]}
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}


def version(text):
    parts = [int(x) for x in (text or "0").split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def builds_with(root):
    seen, stack = set(), [root]
    while stack:
        for dep in nodes[stack.pop()]["deps"]:
            kinds = {k["kind"] for k in dep["dep_kinds"]}
            if kinds - {"dev"} and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                stack.append(dep["pkg"])
    return seen


bad = 0
for member in meta["workspace_members"]:
    package = packages[member]
    declared = package.get("rust_version")
    needs = [(version(packages[d].get("rust_version")), packages[d]["name"]) for d in builds_with(member)]
    need, by = max(needs, default=((0, 0, 0), "nothing"))
    shown = ".".join(map(str, need))
    if declared is None or version(declared) < need:
        print(f"{package['name']}: rust-version {declared or 'not declared'}, but {by} needs {shown}")
        bad += 1
    else:
        print(f"{package['name']}: rust-version {declared} (dependencies need {shown}, for {by})")
sys.exit(1 if bad else 0)
