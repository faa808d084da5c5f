#!/usr/bin/env python3
"""Agreement of the second, blind labellings of 40 relation pairs with the first.

    python3 annotations/relations/agreement.py

``agreement_second40.jsonl`` holds, for 40 pairs drawn at random (random.Random(4015)) from
fnc0/fnc1/polnear0 among those whose two speakers differ, the relation a second annotator gave
them by the judgement guide (section 4) from the claim, the statement and their speakers alone,
without the first labels or notes. ``agreement_fnc3_second40.jsonl`` is the same for 40 pairs of
``fnc3.jsonl`` (random.Random(4016), speakers differ). Prints, for each, raw agreement, Cohen's
kappa and the disagreements.
"""

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


SECOND = ("agreement_second40.jsonl", "agreement_fnc3_second40.jsonl")


def main() -> None:
    first = {}
    for name in ("fnc0.jsonl", "fnc1.jsonl", "polnear0.jsonl", "fnc3.jsonl"):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for k, pair in enumerate(row.get("pairs") or []):
                first[(row["id"], k)] = pair["label"]
    for name in SECOND:
        rows = [json.loads(x) for x in (HERE / name).read_text().splitlines()]
        print(name)
        report([first[(r["id"], r["pair"])] for r in rows], [r["label"] for r in rows])


def report(a: list[str], b: list[str]) -> None:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(a) | set(b)) / n / n
    print(f"pairs={n} agreement={po:.3f} kappa={(po - pe) / (1 - pe):.3f}")
    for (x, y), count in sorted(Counter(zip(a, b, strict=True)).items()):
        if x != y:
            print(f"  first {x:11s} second {y:11s} {count}")


if __name__ == "__main__":
    main()
