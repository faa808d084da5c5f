#!/usr/bin/env python3
"""Agreement of the second, later annotation of 10 articles (`agreement_second10.txt`) with the
first (`gold_*.txt`), scored as newsint's predictions are (`newsint.bench.events_docs`): the
first annotation is gold, the second is read as predictions at the position of its action.
With ``--set heldout``: the 5 held-out articles of `agreement_heldout5.txt` against
`gold_heldout.txt`; with ``--set train2``: 3 train2 articles of `agreement_train2_3.txt` against
`gold_train2.txt`.

usage: PYTHONPATH=src .venv/bin/python annotations/events/agreement.py [--set heldout|train2] [-v]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from build import SETS, chosen_set, parse, texts  # noqa: E402

from newsint.bench.events_docs import Tally, format_figures, score_document  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SECOND = {
    "real": "agreement_second10.txt",
    "heldout": "agreement_heldout5.txt",
    "train2": "agreement_train2_3.txt",
}


def as_prediction(event: dict, text: str) -> dict:
    start = event["span"][0]
    at = min(
        (start + event["evidence"].find(a) for a in event["action"] if a in event["evidence"]),
        default=start,
    )
    return {
        "actor": event["actor"],
        "action": " ".join(event["action"]),
        "at": at,
        "target": event["target"],
        "plover": event["plover"],
        "negated": event["negated"],
        "hypothetical": event["hypothetical"],
        "reported_by": [event["reported_by"]] if event["reported_by"] else [],
    }


def main() -> None:
    chosen = chosen_set()
    articles = texts()
    errors: list[str] = []
    first = {}
    for name in SETS[chosen]:
        for record in parse(os.path.join(HERE, name), articles, errors):
            first[record["id"]] = record["events"]
    second = parse(os.path.join(HERE, SECOND[chosen]), articles, errors)
    if errors:
        sys.exit("\n".join(errors))
    tally = Tally()
    for record in second:
        preds = [as_prediction(e, articles[record["id"]]) for e in record["events"]]
        score_document(first[record["id"]], preds, tally)
    print(f"{len(second)} articles")
    print(format_figures(tally.figures()))
    if "-v" in sys.argv:
        for e in tally.errors:
            g, p = e.get("gold"), e.get("pred")
            print(
                e["error"],
                "|",
                g and (g["actor"][0], g["action"][0], g["target"][:1]),
                "|",
                p and (p["actor"][0], p["action"], p["target"][:1]),
            )


if __name__ == "__main__":
    main()
