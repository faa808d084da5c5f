#!/usr/bin/env python3
"""List own source annotations whose kind looks inconsistent with the guide (sections 1-3).

usage: python3 annotations/audit_kinds.py [--all]

Reads annotations/sources/{part,fnc}*.jsonl and their texts in annotations/sources/input/
(never the dev sets) and prints, one line each, the sources a reviewer should re-read:

- staff: a source labelled other than `official` whose name, role, aliases or a mention in the
  text (the words just before or after the name) give a campaign or party staff post:
  spokesman/-woman/-person, press secretary, communications director, campaign manager or
  chair(man) of a campaign or party, or a candidate's aides and advisers ("his aides", "Aides to
  Clinton", "senior policy advisor"). The guide's table makes these `official` ("party or
  campaign officials and spokespeople speaking for them"), unless the person is the candidate, a
  relative or a surrogate (then `interested_party`), or the story is about their own conduct
  (the override of section 3). Company, university and government
  spokespeople are listed too, marked, as the table gives them other kinds.
- reports: a source named only "reports" ("media reports", "early reports", ...) with no
  provider: by section 2 it is anonymous; the kind the annotators mostly gave is `media`.
- outlet: a source whose name is a news outlet, labelled other than `media`.

Each flagged case is decided by reading the article; the decisions are the entries in
corrections.py (KIND_FIXES). By default, sources already corrected there are not listed.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
STAFF = re.compile(
    r"\b(spokes(?:man|woman|person)|press secretary|communications director|director of "
    r"communications|campaign manager|campaign chair(?:man|woman)?|chair(?:man|woman)? of the "
    r"(?:\w+ )?(?:campaign|party|committee)|campaign (?:spokes\w+|aide|adviser|official)|"
    r"aides?|advis[eo]rs?)\b",
    re.I,
)
#: "Clinton press secretary Brian Fallon": the post just before the name
STAFF_BEFORE = re.compile(r"(" + STAFF.pattern[3:-3] + r")(?:,)? (?:[A-Z][\w.'-]* ?)*$", re.I)
#: "Nick Merrill, a spokesman for Mrs. Clinton": the post in an apposition just after it
STAFF_AFTER = re.compile(
    r", (?:(?:a|an|the|his|her|its|their|who is|[A-Z][\w.'’-]*)\s)*?(?:[\w'’-]+ ){0,3}?("
    + STAFF.pattern[3:-3]
    + r")\b",
    re.I,
)
NOT_POLITICAL = re.compile(
    r"\b(company|university|college|corp|inc|police|department|ministry|army|military|"
    r"pentagon|agency|hospital)\b",
    re.I,
)
BARE_REPORTS = re.compile(
    r"^(?:the |some |several |many |other |early |initial |recent |latest |unconfirmed |"
    r"local |media |news |press )*reports?$",
    re.I,
)
OUTLET = re.compile(
    r"\b(new york times|washington post|wall street journal|associated press|reuters|cnn|"
    r"msnbc|fox news|nbc|abc news|cbs|politico|bloomberg|breitbart|huffington post|bbc|"
    r"the guardian|daily mail|the sun|buzzfeed|the hill|usa today|axios|newsweek|"
    r"los angeles times|the atlantic|vox)\b",
    re.I,
)


@dataclass
class Flag:
    """One source whose kind a reviewer should re-read."""

    file: str
    article: str
    name: str
    kind: str
    anonymous: bool
    why: str
    context: str


def texts() -> dict[str, str]:
    """Article id -> text, from the inputs written by select.py."""
    out: dict[str, str] = {}
    for path in glob.glob(os.path.join(HERE, "sources", "input", "*.jsonl")):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[row["id"]] = row["text"]
    return out


def mentions(text: str, names: list[str], width: int = 60) -> list[str]:
    """The text around every mention of one of the names."""
    found = []
    for name in names:
        if len(name) < 4:
            continue
        for m in re.finditer(re.escape(name), text):
            found.append(text[max(0, m.start() - width) : m.end() + width].replace("\n", " "))
    return found


def staff_flag(source: dict, text: str) -> str | None:
    """The staff post the name, role, aliases or a mention give, when the kind is not official."""
    if source["kind"] in ("official", "organisation", "media", "document"):
        return None
    own = [source["name"], *(source.get("aliases") or []), str(source.get("role") or "")]
    for part in own:
        m = STAFF.search(part)
        if m:
            return m.group(0)
    if source["anonymous"]:
        return None
    for name in [source["name"], *(source.get("aliases") or [])]:
        if len(name) < 4:
            continue
        for m in re.finditer(re.escape(name), text):
            before = text[max(0, m.start() - 45) : m.start()]
            after = text[m.end() : m.end() + 60]
            post = STAFF_BEFORE.search(before) or STAFF_AFTER.match(after)
            if post:
                return post.group(1)
    return None


def audit(show_all: bool = False) -> list[Flag]:
    """Every flagged source of the own annotations."""
    by_id = texts()
    flags: list[Flag] = []
    files = sorted(glob.glob(os.path.join(HERE, "sources", "part*.jsonl")))
    files += sorted(glob.glob(os.path.join(HERE, "sources", "fnc*.jsonl")))
    for path in files:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text = by_id.get(row["id"], "")
            for s in row["sources"]:
                if not show_all and "audit_kinds" in str(s.get("note") or ""):
                    continue
                ctx = mentions(text, [s["name"]])
                why = None
                post = staff_flag(s, text)
                if post:
                    blob = " ".join([s["name"], str(s.get("affiliation") or ""), *ctx[:2]])
                    tag = " (non-political?)" if NOT_POLITICAL.search(blob) else ""
                    why = f"staff: {post}{tag}"
                elif BARE_REPORTS.match(s["name"].strip()) and (
                    s["kind"] != "media" or not s["anonymous"]
                ):
                    why = "reports without provider"
                elif OUTLET.search(s["name"]) and s["kind"] not in ("media", "document"):
                    why = "outlet"
                if why:
                    flags.append(
                        Flag(
                            os.path.basename(path),
                            row["id"],
                            s["name"],
                            s["kind"],
                            s["anonymous"],
                            why,
                            ctx[0] if ctx else "",
                        )
                    )
    return flags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="also list sources already corrected")
    args = ap.parse_args()
    flags = audit(args.all)
    for f in flags:
        print(f"{f.file}\t{f.article}\t{f.name!r}\t{f.kind}\tanon={f.anonymous}\t{f.why}")
        if f.context:
            print(f"\t… {f.context} …")
    print(f"{len(flags)} flagged")


if __name__ == "__main__":
    main()
