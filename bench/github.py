#!/usr/bin/env python3
"""GitHub's webhook corpus as a benchmark of hookgen's types (bench/github.sh).

    github.py render INDEX_JSON SPECS_DIR HELDOUT_DIR
        One page per event, as GitHub documents them (title, description,
        the X-GitHub-Event header sentence, "Activity types (the `action`
        field)", the Key | Type | Description table, the even-indexed
        examples as fenced JSON), under neutral file names. The odd-indexed
        examples are held out: one file each, and a manifest
        (event TAB file).

    github.py train INDEX_JSON TRAIN_DIR
        The same even-indexed examples as plain JSON, a folder per event
        (TRAIN_DIR/<event>/<n>.json): what quicktype reads in the same run.

    github.py quicktype|genson GITHUB_SCHEMA TOOL_SCHEMA EVENTS_JSON
        Another tool's JSON Schema of the same training payloads, judged by
        the same rules on the same fields: typed share and agreement.

    github.py gather DIR OUT
        genson's schemas, one per event (DIR/<event>.json), as one document.

    github.py score GITHUB_SCHEMA HOOKGEN_SCHEMA MANIFEST RUNNER_OUT
        Held-out payloads accepted, in the right variant, lossless; the typed
        share of the generated fields; agreement with GitHub's JSON Schema per
        field on four facts (type, required, nullable, enum), and on all four.

The truth for an event is GitHub's schemas of all its actions
(`<event>$<action>`), read with the same rules as hookgen's schema:
- a field is required only where every action's schema requires it, and
  nullable where any allows null;
- its type is the union of the kinds the schemas allow, null aside, with
  `integer` counted as `number` (an example's `199` says nothing of
  `89.99`);
- its enum is the union of the values the alternatives list; none where no
  alternative lists values;
- `{}` (any value) is untyped.
A field is compared where both schemas have it, at the same JSON path from
the payload root (arrays transparent, `[]`).
"""

import json
import os
import sys

TYPES = {"string", "number", "boolean", "object", "array", "null"}


def cell(text):
    return " ".join(str(text).split()).replace("|", "\\|")


def render(index_path, specs, heldout):
    events = json.load(open(index_path))
    os.makedirs(specs, exist_ok=True)
    os.makedirs(heldout, exist_ok=True)
    manifest = []
    for n, e in enumerate(events, 1):
        name = e["name"]
        lines = ["# " + name, "", cell(e.get("description", "")), ""]
        lines += [
            "The event type is sent in the `X-GitHub-Event` HTTP header: `%s`." % name,
            "",
        ]
        if e.get("actions"):
            lines += [
                "Activity types (the `action` field): "
                + ", ".join("`%s`" % a for a in e["actions"])
                + ".",
                "",
            ]
        props = e.get("properties") or {}
        if props:
            lines += ["Key | Type | Description", "--- | --- | ---"]
            for key, p in props.items():
                lines.append(
                    "`%s` | `%s` | %s" % (key, p.get("type", ""), cell(p.get("description", "")))
                )
            lines.append("")
        for i, ex in enumerate(e["examples"]):
            if i % 2 == 0:
                lines += ["```json", json.dumps(ex, indent=2, ensure_ascii=False), "```", ""]
            else:
                path = os.path.join(heldout, "%s.%d.json" % (name, i))
                with open(path, "w") as f:
                    json.dump(ex, f, indent=2, ensure_ascii=False)
                manifest.append("%s\t%s" % (name, os.path.abspath(path)))
        with open(os.path.join(specs, "page-%02d.md" % n), "w") as f:
            f.write("\n".join(lines))
    with open(os.path.join(heldout, "manifest.tsv"), "w") as f:
        f.write("\n".join(manifest) + "\n")
    print("rendered %d pages; %d payloads held out" % (len(events), len(manifest)))


def train(index_path, out):
    for e in json.load(open(index_path)):
        folder = os.path.join(out, e["name"])
        os.makedirs(folder, exist_ok=True)
        for i, ex in enumerate(e["examples"]):
            if i % 2 == 0:
                with open(os.path.join(folder, "%d.json" % i), "w") as f:
                    json.dump(ex, f, indent=2, ensure_ascii=False)


class Schema:
    """Facts of a JSON Schema document, reached by path."""

    def __init__(self, doc):
        self.doc = doc

    def resolve(self, node, seen=()):
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                return {}
            seen = seen + (ref,)
            target = self.doc
            for part in ref.lstrip("#/").split("/"):
                target = target[part]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            node = {"allOf": [target, rest]} if rest else target
        return node

    def summary(self, node):
        """What a node says: types (None: any kind), null allowed, enum
        (None: no list), properties ({name: [nodes]}), required (None: not an
        object schema), item nodes."""
        node = self.resolve(node)
        s = {"types": None, "null": False, "enum": None, "props": {}, "required": None, "items": []}
        if not isinstance(node, dict):
            return s
        if "type" in node:
            t = node["type"]
            t = {t} if isinstance(t, str) else set(t)
            s["null"] = "null" in t
            s["types"] = {"number" if x == "integer" else x for x in t} - {"null"}
        if "enum" in node:
            s["enum"] = set(json.dumps(v) for v in node["enum"] if v is not None)
            s["null"] |= None in node["enum"]
        if "const" in node:
            s["enum"] = {json.dumps(node["const"])}
            if s["types"] is None:
                s["types"] = {kind(node["const"])} - {"null"}
                s["null"] |= node["const"] is None
        s["props"] = {k: [v] for k, v in (node.get("properties") or {}).items()}
        if "properties" in node or "required" in node:
            s["required"] = set(node.get("required", []))
        if isinstance(node.get("items"), dict):
            s["items"] = [node["items"]]
        constrained = "type" in node
        for sub in node.get("allOf", []):
            a = self.summary(sub)
            if a["types"] is not None:
                s["types"] = a["types"] if s["types"] is None else (s["types"] & a["types"])
                s["null"] = (s["null"] and a["null"]) if constrained else a["null"]
                constrained = True
            if a["enum"] is not None:
                s["enum"] = a["enum"] if s["enum"] is None else s["enum"] & a["enum"]
            for k, v in a["props"].items():
                s["props"].setdefault(k, []).extend(v)
            if a["required"] is not None:
                s["required"] = a["required"] if s["required"] is None else s["required"] | a["required"]
            s["items"] += a["items"]
        alts = [self.summary(a) for a in node.get("anyOf", []) + node.get("oneOf", [])]
        if alts:
            only_null = [a for a in alts if a["types"] == set() and a["null"]]
            kinds = [a for a in alts if a not in only_null]
            s["null"] |= any(a["null"] for a in alts)
            if kinds and all(a["types"] is not None for a in kinds):
                u = set().union(*[a["types"] for a in kinds])
                s["types"] = u if s["types"] is None else s["types"] & u
            elif not kinds and s["types"] is None:
                s["types"] = set()
            enums = [a["enum"] for a in alts if a["enum"] is not None]
            if enums:
                u = set().union(*enums)
                s["enum"] = u if s["enum"] is None else s["enum"] & u
            objs = [a for a in alts if a["required"] is not None]
            across = {}
            for a in alts:
                for k, v in a["props"].items():
                    across.setdefault(k, []).append({"allOf": v} if len(v) > 1 else v[0])
            for k, v in across.items():
                s["props"].setdefault(k, []).append({"anyOf": v} if len(v) > 1 else v[0])
            if objs:
                r = set.intersection(*[a["required"] for a in objs])
                s["required"] = r if s["required"] is None else s["required"] | r
            items = [i for a in alts for i in a["items"]]
            if items:
                s["items"].append({"anyOf": items})
        return s


def kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    return "array" if isinstance(v, list) else "object"


def facts(schema, node, path, out, depth=0):
    """Walks `node`, recording per path its types, nullability, enum and
    whether its parent requires it."""
    if depth > 24:
        return
    s = schema.summary(node)
    # Nodes listed for one child all hold (allOf); alternatives were wrapped.
    children = [(name, {"allOf": subs} if len(subs) > 1 else subs[0]) for name, subs in sorted(s["props"].items())]
    if s["items"]:
        children.append(("[]", {"allOf": s["items"]} if len(s["items"]) > 1 else s["items"][0]))
    for name, sub in children:
        c = schema.summary(sub)
        p = path + [name]
        out[".".join(p)] = {
            "types": None if c["types"] is None else frozenset(c["types"]),
            "nullable": c["null"],
            "enum": None if c["enum"] is None else frozenset(c["enum"]),
            "required": name == "[]" or (s["required"] is not None and name in s["required"]),
        }
        facts(schema, sub, p, out, depth + 1)


def truth(github, event):
    defs = github.doc["definitions"]
    variants = [{"$ref": "#/definitions/" + k} for k in sorted(defs) if k.split("$")[0] == event and "$" in k]
    if not variants:
        return None
    out = {}
    facts(github, {"anyOf": variants} if len(variants) > 1 else variants[0], [], out)
    return out


def numbers_as_text(text):
    return json.loads(text, parse_float=lambda s: ("f", s), parse_int=lambda s: ("i", s))


def agreement(github, other, events):
    """Per field where both schemas have it: the facts that agree."""
    compared = typed = fields = 0
    agree = {"type": 0, "required": 0, "nullable": 0, "enum": 0, "all": 0}
    misses = {"type": [], "required": [], "nullable": [], "enum": []}
    missing_events = []
    for event, ref in sorted(events.items()):
        ours = {}
        facts(other, ref, [], ours)
        fields += len(ours)
        typed += sum(1 for f in ours.values() if f["types"])
        theirs = truth(github, event)
        if theirs is None:
            missing_events.append(event)
            continue
        for key, f in ours.items():
            g = theirs.get(key)
            if g is None:
                continue
            compared += 1
            ok = {
                "type": f["types"] == g["types"],
                "required": f["required"] == g["required"],
                "nullable": f["nullable"] == g["nullable"],
                "enum": f["enum"] == g["enum"],
            }
            for k, v in ok.items():
                agree[k] += v
                if not v:
                    misses[k].append((event, key, f, g))
            agree["all"] += all(ok.values())
    return compared, typed, fields, agree, misses, missing_events


def other_tool(tool, github_path, schema_path, events_path):
    """Another tool's JSON Schema of the same training payloads, judged by
    the same rules: quicktype's (`--lang schema` over a folder per event;
    each event is the definition it names after the folder) or genson's
    (one schema per event, gathered as `definitions` keyed by the event)."""
    github = Schema(json.load(open(github_path)))
    qt = Schema(json.load(open(schema_path)))
    defs = qt.doc.get("definitions", {})
    pascal = lambda name: "".join(w[:1].upper() + w[1:] for w in name.split("_"))
    name = pascal if tool == "quicktype" else (lambda e: e)
    events = {}
    unmatched = []
    for e in json.load(open(events_path)):
        if name(e) in defs:
            events[e] = {"$ref": "#/definitions/" + name(e)}
        else:
            unmatched.append(e)
    compared, typed, fields, agree, _, _ = agreement(github, qt, events)

    def pct(a, b):
        return "%.1f%% (%d/%d)" % (100.0 * a / b if b else 0.0, a, b)

    print("| %s, same payloads | result |" % tool)
    print("| --- | --- |")
    print("| events with a definition | %d/%d |" % (len(events), len(events) + len(unmatched)))
    print("| typed fields | %s |" % pct(typed, fields))
    for k in ("type", "required", "nullable", "enum"):
        print("| agrees on %s | %s |" % (k, pct(agree[k], compared)))
    print("| agrees on all four | %s |" % pct(agree["all"], compared))


def score(github_path, hookgen_path, manifest_path, runner_path):
    github = Schema(json.load(open(github_path)))
    hookgen = Schema(json.load(open(hookgen_path)))
    events = hookgen.doc.get("x-events", {})

    # Held-out payloads.
    results = {}
    for line in open(runner_path):
        r = json.loads(line)
        results[r["path"]] = r
    total = accepted = placed = lossless = 0
    failures = []
    for line in open(manifest_path):
        if not line.strip():
            continue
        event, path = line.rstrip("\n").split("\t")
        total += 1
        r = results.get(path, {"ok": False, "error": "not run"})
        if not r["ok"]:
            failures.append("%s: %s" % (os.path.basename(path), r.get("error")))
            continue
        accepted += 1
        if not r["unknown"] and r["event_type"] == event:
            placed += 1
        else:
            failures.append("%s: read as Unknown (%s)" % (os.path.basename(path), r["event_type"]))
        if numbers_as_text(r["out"]) == numbers_as_text(open(path).read()):
            lossless += 1
        else:
            failures.append("%s: not the same JSON back" % os.path.basename(path))

    # Schema agreement and typed share.
    compared, typed, fields, agree, misses, missing_events = agreement(github, hookgen, events)
    documented = set(json.loads(open(manifest_path.replace("manifest.tsv", "events.json")).read())) if os.path.exists(manifest_path.replace("manifest.tsv", "events.json")) else set()

    def pct(a, b):
        return "%.1f%% (%d/%d)" % (100.0 * a / b if b else 0.0, a, b)

    print("| measure | result | target |")
    print("| --- | --- | --- |")
    if documented:
        print("| events read | %s | 100%% |" % pct(len(set(events) & documented), len(documented)))
    print("| held-out payloads accepted | %s | 100%% |" % pct(accepted, total))
    print("| in the right variant | %s | 100%% |" % pct(placed, total))
    print("| lossless | %s | 100%% |" % pct(lossless, total))
    print("| typed fields | %s | >= 97%% |" % pct(typed, fields))
    for k in ("type", "required", "nullable", "enum"):
        print("| agrees on %s | %s | |" % (k, pct(agree[k], compared)))
    print("| agrees on all four | %s | >= 95%% |" % pct(agree["all"], compared))
    if missing_events:
        print("\nevents with no GitHub schema: %s" % ", ".join(missing_events))
    detail = os.environ.get("GITHUB_BENCH_DETAIL")
    if detail:
        with open(detail, "w") as f:
            f.write("## held-out failures\n")
            f.writelines(x + "\n" for x in failures)
            for k, rows in misses.items():
                f.write("\n## %s disagreements (%d)\n" % (k, len(rows)))
                for event, key, a, b in rows:
                    f.write("%s %s: hookgen %s / github %s\n" % (event, key, show(a, k), show(b, k)))
        print("\ndetails: %s" % detail)


def show(f, k):
    v = f["types" if k == "type" else k]
    if isinstance(v, frozenset):
        return "{" + ",".join(sorted(v)) + "}"
    return str(v)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "render" and len(sys.argv) == 5:
        render(*sys.argv[2:])
        events = [e["name"] for e in json.load(open(sys.argv[2]))]
        with open(os.path.join(sys.argv[4], "events.json"), "w") as f:
            json.dump(events, f)
    elif cmd in ("quicktype", "genson") and len(sys.argv) == 5:
        other_tool(cmd, *sys.argv[2:])
    elif cmd == "gather" and len(sys.argv) == 4:
        # genson's schema per event (DIR/<event>.json) as one document.
        folder, out = sys.argv[2:]
        defs = {}
        for f in sorted(os.listdir(folder)):
            defs[f[: -len(".json")]] = json.load(open(os.path.join(folder, f)))
        with open(out, "w") as f:
            json.dump({"definitions": defs}, f)
    elif cmd == "train" and len(sys.argv) == 4:
        train(*sys.argv[2:])
    elif cmd == "score" and len(sys.argv) == 6:
        score(*sys.argv[2:])
    else:
        sys.exit(__doc__)
