#!/usr/bin/env python3
"""Build newsint's real-report event set from the annotators' text files.

usage: python3 annotations/events/build.py           validate, write real.jsonl and real_in.jsonl
       python3 annotations/events/build.py --check   validate only
       python3 annotations/events/build.py --set heldout [--check]
                                                     the held-out set: gold_heldout.txt ->
                                                     heldout.jsonl and heldout_in.jsonl
       python3 annotations/events/build.py --set train2 [--check]
                                                     more training data: gold_train2.txt ->
                                                     train2.jsonl and train2_in.jsonl

Sources: ``gold_pages.txt`` (the 30 excerpts in ``../judgement/texts/``) and ``gold_fnc.txt``
(FNC-1 train bodies from ``../sources/input/fnc*.jsonl``, written by ``../select.py``; not
committed); the held-out set ``gold_heldout.txt`` (FNC-1 train bodies of the same files, none
in ``gold_fnc.txt``), annotated after the v4.1 rules were written, to measure them out of
sample; ``gold_train2.txt``, 20 more FNC-1 train bodies (none of a held-out story) read from
``$NEWSINT_SHARED/data/stance/fnc1_train_bodies.csv``, to train the event filter on.
One article per ``# <id>`` line, then one event a line:

    evidence | actor | action | target | PLOVER | flags | asserted by

``evidence`` is an exact substring occurring once in the article (the clause that states the
event); ``action`` alternatives (``/``-separated) occur inside it; ``actor`` and ``target``
alternatives occur in the article (a pronoun's referent may be named elsewhere); an empty target
means the event has none that names an actor; flags: ``-``, ``n`` negated, ``h`` hypothetical
(conditional, future, modal, purpose, obligation), ``nh`` both; ``asserted by`` is ``outlet``
(the article's own voice) or the source as the article names it.
"""

import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PLOVER1 = set(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)


def texts() -> dict[str, str]:
    out = {}
    folder = os.path.join(HERE, "..", "judgement", "texts")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            out[name[:-4]] = f.read()
    folder = os.path.join(HERE, "..", "sources", "input")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if name.startswith("fnc"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    out[d["id"]] = d["text"]
    for key, text in fnc_train_bodies().items():
        out.setdefault(key, text)
    return out


def fnc_train_bodies() -> dict[str, str]:
    """FNC-1 **train** bodies by ``fnc1-body-<Body ID>`` (the train2 set's texts), read from
    ``$NEWSINT_SHARED/data/stance`` or the shared folder beside the repository; {} without it."""
    shared = os.environ.get("NEWSINT_SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
    path = os.path.join(shared, "data", "stance", "fnc1_train_bodies.csv")
    if not os.path.exists(path):
        return {}
    csv.field_size_limit(10**9)
    with open(path, encoding="utf-8") as f:
        return {f"fnc1-body-{r['Body ID']}": r["articleBody"] for r in csv.DictReader(f)}


def parse(path: str, articles: dict[str, str], errors: list[str]) -> list[dict]:
    records: list[dict] = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            where = f"{os.path.basename(path)}:{ln}"
            if line.startswith("# "):
                aid = line[2:].strip()
                if aid not in articles:
                    errors.append(f"{where}: unknown article {aid}")
                records.append({"id": aid, "events": []})
                continue
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(" | ")]
            if len(parts) != 7:
                errors.append(f"{where}: {len(parts)} fields, want 7")
                continue
            text = articles.get(records[-1]["id"], "")
            records[-1]["events"].append(event(parts, text, where, errors))
    return records


def event(parts: list[str], text: str, where: str, errors: list[str]) -> dict:
    evidence, actor, action, target, category, flags, by = parts
    count = text.count(evidence)
    if count != 1:
        errors.append(f"{where}: evidence occurs {count} times: {evidence!r}")
    start = text.find(evidence)
    alts = {
        k: [a.strip() for a in v.split("/") if a.strip()]
        for k, v in (("actor", actor), ("action", action), ("target", target))
    }
    if not any(a in evidence for a in alts["action"]):
        errors.append(f"{where}: no action alternative inside the evidence: {action!r}")
    for key in ("actor", "target"):
        for a in alts[key]:
            if a not in text:
                errors.append(f"{where}: {key} {a!r} is not in the article")
    if not alts["actor"]:
        errors.append(f"{where}: no actor")
    if category not in PLOVER1:
        errors.append(f"{where}: bad category {category!r}")
    if flags not in {"-", "n", "h", "nh"}:
        errors.append(f"{where}: bad flags {flags!r}")
    if by != "outlet" and by not in text:
        errors.append(f"{where}: asserting source {by!r} is not in the article")
    return {
        "evidence": evidence,
        "span": [start, start + len(evidence)],
        "actor": alts["actor"],
        "action": alts["action"],
        "target": alts["target"],
        "plover": category,
        "negated": "n" in flags,
        "hypothetical": "h" in flags,
        "reported_by": None if by == "outlet" else by,
    }


SETS = {
    "real": ("gold_pages.txt", "gold_fnc.txt"),
    "heldout": ("gold_heldout.txt",),
    "train2": ("gold_train2.txt",),
}


def chosen_set() -> str:
    if "--set" not in sys.argv:
        return "real"
    at = sys.argv.index("--set") + 1
    name = sys.argv[at] if at < len(sys.argv) else ""
    if name not in SETS:
        sys.exit(f"--set wants one of {', '.join(SETS)}, not {name!r}")
    return name


def main() -> None:
    name = chosen_set()
    articles = texts()
    errors: list[str] = []
    records = []
    for gold in SETS[name]:
        records += parse(os.path.join(HERE, gold), articles, errors)
    if errors:
        sys.exit("\n".join(errors))
    n = sum(len(r["events"]) for r in records)
    print(f"{len(records)} articles, {n} events: OK")
    if "--check" in sys.argv:
        return
    lines = {
        f"{name}.jsonl": [json.dumps(r, ensure_ascii=False) for r in records],
        f"{name}_in.jsonl": [
            json.dumps({"id": r["id"], "text": articles[r["id"]]}, ensure_ascii=False)
            for r in records
        ],
    }
    for out, rows in lines.items():
        with open(os.path.join(HERE, out), "w", encoding="utf-8") as f:
            f.write("".join(row + "\n" for row in rows))


if __name__ == "__main__":
    main()
