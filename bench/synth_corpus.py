#!/usr/bin/env python3
"""Writes a synthetic specs/ corpus for generation benchmarks.

    python3 bench/synth_corpus.py OUT_DIR SCALE [EXAMPLES_DIR]

SCALE 1 gives 5 vendors with 12 events each; SCALE k gives 5*k vendors. Each
vendor has a page listing its events and one page per event with a JSON
example and a field table, in the layouts the seeds use (glued cells,
name?type listings, name-type trees), so every extractor is exercised.
With EXAMPLES_DIR, each example payload is also written there as plain
JSON (EXAMPLES_DIR/<vendor>/<event>.json), for tools that read only JSON.
Deterministic: the same arguments always write the same bytes.
"""
import json
import os
import random
import sys

WORDS = ["customer", "order", "invoice", "payment", "refund", "subscription", "plan", "coupon",
         "shipment", "product", "price", "account", "wallet", "charge", "dispute", "payout"]
ACTIONS = ["created", "updated", "deleted", "paid", "failed", "renewed", "cancelled", "paused",
           "resumed", "expired", "captured", "refunded"]
FIELDS = [("id", "str"), ("name", "str"), ("email", "str"), ("amount", "int"), ("currency", "str"),
          ("status", "str"), ("created_at", "str"), ("quantity", "int"), ("active", "bool"),
          ("price", "float"), ("description", "str"), ("country", "str"), ("city", "str"),
          ("line1", "str"), ("postal_code", "str"), ("external_id", "str"), ("note", "str")]


def value(kind, rng, name):
    if name == "created_at":
        return "2024-0%d-1%dT10:00:00Z" % (rng.randint(1, 9), rng.randint(0, 9))
    return {"str": name + "_" + str(rng.randint(1, 999)), "int": rng.randint(0, 10000),
            "bool": rng.random() < 0.5, "float": round(rng.random() * 100, 2)}[kind]


def resource(rng, depth=0):
    fields = rng.sample(FIELDS, rng.randint(6, len(FIELDS)))
    obj = {name: value(kind, rng, name) for name, kind in fields}
    if rng.random() < 0.3:
        obj["email"] = None
    if depth < 2:
        obj["address"] = {k: value("str", rng, k) for k in ["line1", "city", "country", "postal_code"]}
        obj["items"] = [resource(rng, depth + 2) for _ in range(rng.randint(1, 3))]
        obj["metadata"] = {"source": "api"}
    return obj


def glued(rows):
    out = ["NameTypeDescriptionExample"]
    for path, kind, example in rows:
        out.append("%s%sThe %s of the object.%s" % (path, kind, path.split(".")[-1], json.dumps(example)))
    return "\n".join(out)


def marked(rows):
    out = []
    for path, kind, _ in rows:
        if "." in path:
            continue
        out.append("%s?%s\n\nThe %s of the event.\n" % (path, {"str": "string", "int": "integer", "bool": "boolean", "float": "number"}[kind], path))
    return "\n".join(out)


def tree(rows):
    out = []
    for path, kind, _ in rows:
        if "." in path:
            continue
        out.append("    %s %s" % (path, {"str": "string", "int": "integer", "bool": "boolean", "float": "float"}[kind]))
    return "\n".join(out)


def main():
    out_dir, scale = sys.argv[1], int(sys.argv[2])
    examples_dir = sys.argv[3] if len(sys.argv) > 3 else None
    rng = random.Random(20261124)
    for v in range(5 * scale):
        vendor = "vendor_%04d" % v
        noun = WORDS[v % len(WORDS)]
        events = ["%s.%s" % (noun, a) for a in ACTIONS]
        d = os.path.join(out_dir, vendor)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "events.txt"), "w") as f:
            f.write("%s webhooks\n\nEvent types\n\n%s\n" % (vendor, ", ".join(events)))
        for i, event in enumerate(events):
            body = {"id": "evt_%d" % rng.randint(1, 10**6), "type": event, "created": 1700000000 + i,
                    "data": {"object": resource(rng)}}
            top = [(k, {str: "str", int: "int", bool: "bool", float: "float"}[type(val)], val)
                   for k, val in body.items() if not isinstance(val, dict)]
            layout = i % 3
            table = glued(top) if layout == 0 else marked(top) if layout == 1 else tree(top)
            page = "%s\n\nFired when a %s is %s.\n\n%s\n\nExample\n\n%s\n" % (
                event, noun, event.split(".")[1], table, json.dumps(body, indent=2))
            with open(os.path.join(d, event + ".txt"), "w") as f:
                f.write(page)
            if examples_dir:
                e = os.path.join(examples_dir, vendor)
                os.makedirs(e, exist_ok=True)
                with open(os.path.join(e, event + ".json"), "w") as f:
                    json.dump(body, f, indent=2)


if __name__ == "__main__":
    main()
