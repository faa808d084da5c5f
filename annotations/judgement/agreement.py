#!/usr/bin/env python3
"""Inter-annotator agreement on the central claim: a second, independent annotation of 10 fnc
articles (agreement_fnc_second10.jsonl) against the first annotation (fnc.jsonl), on the same ids.

usage: python3 annotations/judgement/agreement.py [SECOND.jsonl [FIRST.jsonl]]

Figures (as ../../../shared/bench/judgement_eval.py scores a report against gold):
  central_claim   word-bag F1 >= 0.5 between the two claim texts (bag_f1 of judgement_eval.py;
                  the first annotation's `alternates`, if any, also count)
  central_sources F1 of sources + supported_by, by exact name, counts summed over articles
  disputed        F1 of disputed_by, by exact name
  not_confirmed   F1 of not_confirmed_by, by exact name
  grade           the two accepted ranges share at least one reliability letter AND one
                  credibility number
Then every disagreement, article by article.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "bench"))
sys.path.insert(0, BENCH)
from judgement_eval import bag_f1  # noqa: E402


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def f1(m, na, nb):
    p = m / nb if nb else (1.0 if not na else 0.0)
    r = m / na if na else (1.0 if not nb else 0.0)
    return (2 * p * r / (p + r)) if p + r else 0.0


def main():
    second_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "agreement_fnc_second10.jsonl")
    first_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "fnc.jsonl")
    second = load(second_path)
    first = {d["id"]: d for d in load(first_path)}

    keys = {
        "central_sources": lambda c: set(c.get("sources") or []) | set(c.get("supported_by") or []),
        "disputed": lambda c: set(c.get("disputed_by") or []),
        "not_confirmed": lambda c: set(c.get("not_confirmed_by") or []),
    }
    tallies = {k: [0, 0, 0] for k in keys}  # matched, first count, second count
    exact = {k: 0 for k in keys}
    n = claim_ok = grade_ok = grade_ok_matched = 0
    problems = []
    for s in second:
        f = first.get(s["id"])
        if f is None:
            problems.append((s["id"], ["missing from the first annotation"]))
            continue
        n += 1
        sc, fc = s["central_claim"], f["central_claim"]
        out = []
        texts = [fc.get("text", "")] + list(fc.get("alternates") or [])
        best = max(bag_f1(sc["text"], t) for t in texts)
        matched = best >= 0.5
        claim_ok += matched
        if not matched:
            out.append(f"central claim differs (bag F1 {best:.2f})\n"
                       f"      first : {fc.get('text', '')!r}\n"
                       f"      second: {sc['text']!r}")
        for k, get in keys.items():
            a, b = get(fc), get(sc)
            m = len(a & b)
            tallies[k][0] += m
            tallies[k][1] += len(a)
            tallies[k][2] += len(b)
            exact[k] += a == b
            if a != b:
                out.append(f"{k}: first only {sorted(a - b)}; second only {sorted(b - a)}"
                           + (f"; both {sorted(a & b)}" if a & b else ""))
        fg, sg = fc.get("grade_ok") or {}, sc.get("grade_ok") or {}
        fr, fcr = set(fg.get("reliability") or []), set(fg.get("credibility") or [])
        sr, scr = set(sg.get("reliability") or []), set(sg.get("credibility") or [])
        g = bool(fr & sr) and bool(fcr & scr)
        grade_ok += g
        grade_ok_matched += g and matched
        if not g:
            out.append(f"grade ranges disjoint: first {''.join(sorted(fr))}/{sorted(fcr)} "
                       f"second {''.join(sorted(sr))}/{sorted(scr)}"
                       + ("" if fr & sr else " [reliability]") + ("" if fcr & scr else " [credibility]"))
        if out:
            problems.append((s["id"], out))

    print(f"articles={n} (second annotation {len(second)}, first annotation {len(first)})")
    print(f"central_claim_agreement={claim_ok}/{n} = {claim_ok / n:.2f}")
    for k, (m, na, nb) in tallies.items():
        print(f"{k}_F1={f1(m, na, nb):.2f}  (matched {m}, first {na}, second {nb}; "
              f"identical sets in {exact[k]}/{n} articles)")
    print(f"grade_agreement={grade_ok}/{n} = {grade_ok / n:.2f}  "
          f"(with the central claim also matching: {grade_ok_matched}/{n})")
    print()
    print("Disagreements:")
    for i, out in problems:
        print(f"- {i}")
        for line in out:
            print(f"    {line}")


if __name__ == "__main__":
    main()
