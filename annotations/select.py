#!/usr/bin/env python3
"""Pick the articles newsint's own judgement annotations are made on (never the dev sets).

usage: python3 annotations/select.py

Sources (guide sections 1-3): sort the 840 ids of ../shared/data/polnear/train.jsonl, shuffle
them with random.Random(2027), keep in that order the articles whose PolNeAR attributions have at
least 3 distinct source strings, and write the first 150 in parts of 25 to
annotations/sources/input/partN.jsonl ({"id", "text", "attributions": [{"i", "source", "cue",
"content"}]} with surface strings). Part 0 is annotated twice, independently, for agreement.

Relations (guide section 4): FNC-1 train bodies (../shared/data/stance/fnc1_train_bodies.csv)
of 250 to 900 words, sorted by Body ID, shuffled with random.Random(2028), first 60 in parts of 30
to annotations/relations/input/fncN.jsonl ({"id", "text"}), the next 90 in parts of 30 to
annotations/sources/input/fncN.jsonl (sources of non-campaign news), the first 45 of which also
to annotations/judgement/fnc_in.jsonl ({"id", "text"}; central claims, guide sections 4-5); and
PolNeAR train articles from the same shuffle as above, after the first 150, 30 per part, to
annotations/relations/input/polnearN.jsonl.
"""
import csv
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "data")


def surface(text, spans):
    return " ".join(text[s:e] for s, e in spans)


def polnear_order():
    docs = {}
    with open(os.path.join(SHARED, "polnear", "train.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[d["id"]] = d
    ids = sorted(docs)
    random.Random(2027).shuffle(ids)
    out = []
    for i in ids:
        d = docs[i]
        strings = {surface(d["text"], a["source"]) for a in d["attributions"] if a["source"]}
        if len(strings) >= 3:
            out.append(d)
    return out


def compact(d):
    t = d["text"]
    attrs = [{"i": k, "source": surface(t, a["source"]), "cue": surface(t, a["cue"]),
              "content": surface(t, a["content"])} for k, a in enumerate(d["attributions"])]
    return {"id": d["id"], "text": t, "attributions": attrs}


def write(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    docs = polnear_order()
    for p in range(6):
        write(os.path.join(HERE, "sources", "input", f"part{p}.jsonl"),
              [compact(d) for d in docs[p * 25:(p + 1) * 25]])
    for p in range(2):
        write(os.path.join(HERE, "relations", "input", f"polnear{p}.jsonl"),
              [{"id": d["id"], "text": d["text"]} for d in docs[150 + p * 30:150 + (p + 1) * 30]])
    csv.field_size_limit(10**9)
    with open(os.path.join(SHARED, "stance", "fnc1_train_bodies.csv"), encoding="utf-8") as f:
        bodies = [r for r in csv.DictReader(f) if 250 <= len(r["articleBody"].split()) <= 900]
    bodies.sort(key=lambda r: int(r["Body ID"]))
    random.Random(2028).shuffle(bodies)
    for p in range(2):
        write(os.path.join(HERE, "relations", "input", f"fnc{p}.jsonl"),
              [{"id": f"fnc1-body-{r['Body ID']}", "text": r["articleBody"]}
               for r in bodies[p * 30:(p + 1) * 30]])
    # sources of news outside 2016 campaign politics (conflict, security, rumours): the next 90
    # bodies of the same order, in parts of 30, without attributions to start from
    for p in range(3):
        write(os.path.join(HERE, "sources", "input", f"fnc{p}.jsonl"),
              [{"id": f"fnc1-body-{r['Body ID']}", "text": r["articleBody"], "attributions": []}
               for r in bodies[60 + p * 30:60 + (p + 1) * 30]])
    # judgement (guide sections 4-5): the first 45 of those 90 (all of sources fnc0, then the
    # first 15 of fnc1), as {"id", "text"} beside the gold annotations/judgement/fnc.jsonl
    write(os.path.join(HERE, "judgement", "fnc_in.jsonl"),
          [{"id": f"fnc1-body-{r['Body ID']}", "text": r["articleBody"]} for r in bodies[60:105]])


if __name__ == "__main__":
    main()
