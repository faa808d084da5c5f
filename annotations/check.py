#!/usr/bin/env python3
"""Validate newsint's own judgement annotations against their inputs.

usage: python3 annotations/check.py sources annotations/sources/part1.jsonl [...]
       python3 annotations/check.py relations annotations/relations/fnc0.jsonl [...]

Sources lines: {"id", "sources": [{"name", "aliases", "anonymous", "anonymity_reason", "kind",
"role", "affiliation", "attrs", "note"}]}: every name, alias, role, affiliation and reason is an
exact substring of the article text; no alias is a bare pronoun; kinds are the guide's nine; a
reason implies anonymous; attrs are valid attribution indices, each used by at most one source
unless the source is a member of a joint source (then note says "joint").

Relations lines: {"id", "central_claim": {"text", "sources": [names], "span": [s, e]},
"pairs": [{"a": [s, e], "b": [s, e], "a_source": str|null, "b_source": str|null, "label", "note"}]}
with labels restates, supports, disputes, not_confirm, unrelated; spans inside the text.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"official", "expert", "analyst", "interested_party", "witness", "organisation",
         "document", "media", "other"}
LABELS = {"restates", "supports", "disputes", "not_confirm", "unrelated"}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "his", "hers", "its", "their", "theirs",
            "them", "who", "whom", "whose", "which", "that", "this", "these", "those", "we",
            "us", "our", "i", "me", "my", "you", "your", "one"}


def inputs(kind):
    folder = os.path.join(HERE, kind, "input")
    out = {}
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                out[d["id"]] = d
    return out


def check_sources(row, doc):
    errs, text = [], doc["text"]
    n_attr = len(doc.get("attributions") or [])
    for s in row["sources"]:
        if s.get("kind") not in KINDS:
            errs.append(f"{s.get('name')!r}: kind {s.get('kind')!r}")
        for field in ("name", "role", "affiliation", "anonymity_reason"):
            v = s.get(field)
            if v and v not in text:
                errs.append(f"{s.get('name')!r}: {field} {v!r} not in text")
        for a in s.get("aliases") or []:
            if a not in text:
                errs.append(f"{s['name']!r}: alias {a!r} not in text")
            if a.lower() in PRONOUNS:
                errs.append(f"{s['name']!r}: alias {a!r} is a pronoun")
        if s.get("anonymity_reason") and not s.get("anonymous"):
            errs.append(f"{s['name']!r}: reason without anonymous")
        for i in s.get("attrs") or []:
            if not 0 <= i < n_attr:
                errs.append(f"{s['name']!r}: attr {i} out of range")
    return errs


def check_relations(row, doc):
    errs, n = [], len(doc["text"])
    cc = row.get("central_claim") or {}
    if not cc.get("text"):
        errs.append("no central claim text")
    for k, p in enumerate(row.get("pairs") or []):
        if p.get("label") not in LABELS:
            errs.append(f"pair {k}: label {p.get('label')!r}")
        for side in ("a", "b"):
            s, e = p.get(side) or (0, 0)
            if not 0 <= s < e <= n:
                errs.append(f"pair {k}: span {side} {p.get(side)} outside the text")
    return errs


def main(argv):
    kind, paths = argv[0], argv[1:]
    docs = inputs(kind)
    bad = total = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                total += 1
                doc = docs.get(row["id"])
                if doc is None:
                    print(f"{path}: {row['id']}: not an input article")
                    bad += 1
                    continue
                check = check_sources if kind == "sources" else check_relations
                for e in check(row, doc):
                    print(f"{path}: {row['id']}: {e}")
                    bad += 1
    print(f"{total} articles, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
