#!/usr/bin/python3
"""Summarize a run-cases.mjs results file against the attack corpus.

  /usr/bin/python3 corpus/tools/summarize.py RESULTS.json [--write-executed corpus/attacks/raw-executed.tsv]

Prints per category: cases, executed, and the ids that did not execute (split into those marked
NOT-RAW in their source and the unexpected ones).
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    results = {r["id"]: r for r in json.load(open(argv[1]))}
    cases = []
    for f in sorted(glob.glob(os.path.join(HERE, "..", "attacks", "*.jsonl"))):
        cases += [json.loads(l) for l in open(f) if l.strip()]
    by_cat = {}
    for c in cases:
        by_cat.setdefault(c["category"], []).append(c)
    total = executed = 0
    rows = []
    for cat, cs in by_cat.items():
        ex = [c for c in cs if results.get(c["id"], {}).get("executed")]
        missing = [c["id"] for c in cs if c["id"] not in results]
        unexpected = [c["id"] for c in cs if c not in ex and not c["source"].startswith("NOT-RAW") and c["id"] in results]
        surprising = [c["id"] for c in ex if c["source"].startswith("NOT-RAW")]
        print("%-11s %4d cases %4d executed raw" % (cat, len(cs), len(ex)))
        if unexpected:
            print("   not executed (unexpected):", " ".join(unexpected))
        if surprising:
            print("   executed although marked NOT-RAW:", " ".join(surprising))
        if missing:
            print("   no result:", " ".join(missing))
        total += len(cs)
        executed += len(ex)
        for c in cs:
            r = results.get(c["id"], {})
            sig = sorted({s.get("type", "?") for s in r.get("signals", [])})
            rows.append("%s\t%s\t%s" % (c["id"], "yes" if r.get("executed") else "no", ",".join(sig)))
    print("%-11s %4d cases %4d executed raw" % ("total", total, executed))
    if len(argv) > 3 and argv[2] == "--write-executed":
        with open(argv[3], "w") as f:
            f.write("id\texecuted_raw\tsignals\n" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv)
