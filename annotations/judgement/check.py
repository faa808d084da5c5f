#!/usr/bin/env python3
"""Validate a judgement gold file (realnews format) against its input texts.

usage: python3 annotations/judgement/check.py [annotations/judgement/fnc.jsonl ...]

Texts come from the file's `*_in.jsonl` beside it (`fnc.jsonl` -> `fnc_in.jsonl`), else from
annotations/sources/input/ (run `python3 annotations/select.py` to write both).

Per article: the keys of the realnews format (id, url, outlet, topic, authors, sources,
central_claim); topic in national_security / politics / business / other; every source name,
alias, role, affiliation and anonymity reason an exact substring of the text, no pronoun alias,
names unique, kinds the guide's nine, a reason only with anonymous; the central claim's text an
exact substring, every name in sources / supported_by / disputed_by / not_confirmed_by a `name`
in `sources`, no name in two of those lists (a source never disputes or declines to confirm its
own claim, guide 4), grade_ok letters A-F and numbers 1-6 (non-empty), a grade_note.
It also checks that the `_in` file and the sources inputs hold the same text for every id.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ANN = os.path.dirname(HERE)
KINDS = {"official", "expert", "analyst", "interested_party", "witness", "organisation",
         "document", "media", "other"}
TOPICS = {"national_security", "politics", "business", "other"}
TOP_KEYS = {"id", "url", "outlet", "topic", "authors", "sources", "central_claim"}
SOURCE_KEYS = {"name", "aliases", "anonymous", "anonymity_reason", "kind", "role", "affiliation"}
CLAIM_KEYS = {"text", "sources", "supported_by", "disputed_by", "not_confirmed_by", "grade_ok",
              "grade_note"}
LISTS = ("sources", "supported_by", "disputed_by", "not_confirmed_by")
PRONOUNS = {"he", "she", "it", "they", "him", "her", "his", "hers", "its", "their", "theirs",
            "them", "who", "whom", "whose", "which", "that", "this", "these", "those", "we",
            "us", "our", "i", "me", "my", "you", "your", "one"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def texts_for(gold_path):
    out = {}
    folder = os.path.join(ANN, "sources", "input")
    if os.path.isdir(folder):
        for name in sorted(os.listdir(folder)):
            for d in load(os.path.join(folder, name)):
                out[d["id"]] = d["text"]
    beside = gold_path.replace(".jsonl", "_in.jsonl")
    errs = []
    if os.path.exists(beside):
        for d in load(beside):
            if d["id"] in out and out[d["id"]] != d["text"]:
                errs.append(f"{beside}: {d['id']}: text differs from the sources input")
            out[d["id"]] = d["text"]
    return out, errs


def check_article(g, text):
    errs = []
    keys = set(g)
    if keys != TOP_KEYS:
        errs.append(f"keys {sorted(keys ^ TOP_KEYS)} differ from the realnews format")
    if g.get("topic") not in TOPICS:
        errs.append(f"topic {g.get('topic')!r}")
    if not isinstance(g.get("authors"), list):
        errs.append("authors is not a list")
    for a in g.get("authors") or []:
        if a not in text:
            errs.append(f"author {a!r} not in text")
    names = []
    for s in g.get("sources") or []:
        extra = set(s) - SOURCE_KEYS - {"note"}
        missing = SOURCE_KEYS - set(s)
        if extra or missing:
            errs.append(f"{s.get('name')!r}: keys extra {sorted(extra)} missing {sorted(missing)}")
        if s.get("kind") not in KINDS:
            errs.append(f"{s.get('name')!r}: kind {s.get('kind')!r}")
        if not isinstance(s.get("anonymous"), bool):
            errs.append(f"{s.get('name')!r}: anonymous is not a bool")
        for field in ("name", "role", "affiliation", "anonymity_reason"):
            v = s.get(field)
            if v is not None and (not isinstance(v, str) or v not in text):
                errs.append(f"{s.get('name')!r}: {field} {v!r} not in text")
        if not s.get("name"):
            errs.append("source without a name")
        for a in s.get("aliases") or []:
            if a not in text:
                errs.append(f"{s.get('name')!r}: alias {a!r} not in text")
            if a.lower() in PRONOUNS:
                errs.append(f"{s.get('name')!r}: alias {a!r} is a pronoun")
        if s.get("anonymity_reason") and not s.get("anonymous"):
            errs.append(f"{s.get('name')!r}: reason without anonymous")
        names.append(s.get("name"))
    if len(set(names)) != len(names):
        errs.append(f"duplicate source names {sorted(n for n in set(names) if names.count(n) > 1)}")
    cc = g.get("central_claim") or {}
    extra = set(cc) - CLAIM_KEYS - {"note", "alternates"}
    missing = CLAIM_KEYS - set(cc)
    if extra or missing:
        errs.append(f"central_claim keys extra {sorted(extra)} missing {sorted(missing)}")
    if not cc.get("text") or cc["text"] not in text:
        errs.append(f"claim text not in text: {cc.get('text', '')[:80]!r}")
    for alt in cc.get("alternates") or []:
        if alt not in text:
            errs.append(f"alternate not in text: {alt[:80]!r}")
    seen = {}
    for lst in LISTS:
        for n in cc.get(lst) or []:
            if n not in names:
                errs.append(f"central_claim.{lst}: {n!r} is not a source name")
            if n in seen:
                errs.append(f"{n!r} in both {seen[n]} and {lst}")
            seen[n] = lst
    ok = cc.get("grade_ok") or {}
    rel, cred = ok.get("reliability") or [], ok.get("credibility") or []
    if not rel or any(r not in list("ABCDEF") for r in rel):
        errs.append(f"grade_ok.reliability {rel!r}")
    if not cred or any(not isinstance(c, int) or not 1 <= c <= 6 for c in cred):
        errs.append(f"grade_ok.credibility {cred!r}")
    if not (cc.get("grade_note") or "").strip():
        errs.append("no grade_note")
    return errs


def main(argv):
    paths = argv or [os.path.join(HERE, "fnc.jsonl")]
    bad = total = 0
    for path in paths:
        texts, errs = texts_for(path)
        for e in errs:
            print(e)
            bad += 1
        ids = set()
        for g in load(path):
            total += 1
            if g.get("id") in ids:
                print(f"{path}: {g.get('id')}: duplicate id")
                bad += 1
            ids.add(g.get("id"))
            text = texts.get(g.get("id"))
            if text is None:
                print(f"{path}: {g.get('id')}: no input text")
                bad += 1
                continue
            for e in check_article(g, text):
                print(f"{path}: {g['id']}: {e}")
                bad += 1
    print(f"{total} articles, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
