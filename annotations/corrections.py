#!/usr/bin/env python3
"""Corrections applied to the helper annotations after the agreement review (run once; idempotent).

usage: python3 annotations/corrections.py

1. Campaign staff. The brief given to the source annotators said a source that is "a
   candidate/campaign/surrogate" is an interested party. The guide's table says otherwise for
   staff: "party or campaign officials and spokespeople speaking for them" are `official`;
   only candidates, their relatives and surrogates are interested parties. So an
   `interested_party` whose name, role, affiliation or aliases name a staff post (aide, adviser,
   manager, chairman, spokesman/-woman, strategist, director, official, staffer, operative,
   press secretary, communications) of a campaign becomes `official`, with a note.
2. The kinds audit (audit_kinds.py lists the candidates; each was decided by reading the article
   by the guide, sections 1-3). KIND_FIXES below: campaign spokespeople, press secretaries,
   strategists and pollsters the first rule missed (their role or note did not say "campaign")
   become `official`; a bare "reports" with no provider is a document (the table: "reports") and
   anonymous (section 2: a document whose provider is unnamed); an outlet's report credited as
   an artefact ("a Washington Post report said") is a document (1.4: "the Post editorial"; 1.9).
   Decided and left as they are (not listed): spokespeople of companies, foundations,
   universities, unions, the Secret Service or a lawmaker's office speaking about their own
   conduct (interested_party by the table's override), former strategists commenting as
   specialists (expert), an outlet named as itself (media).
"""

import glob
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
STAFF = re.compile(
    r"\b(aides?|manager|chairman|chairwoman|spokes(?:man|woman|person)|strategists?|"
    r"advis[eo]rs?|director|officials?|staff(?:ers)?|operatives?|press secretary|"
    r"communications)\b",
    re.I,
)
CAMPAIGN = re.compile(r"campaign|camp\b", re.I)
AUDIT = "(annotations/audit_kinds.py review)"


@dataclass
class Fix:
    """One reviewed source: its file, article, name, the fields to set, and why."""

    file: str
    article: str
    name: str
    fields: dict
    reason: str


OFFICIAL = {"kind": "official"}
REPORTS = {"kind": "document", "anonymous": True}
DOCUMENT = {"kind": "document"}
#: the reason for every bare "reports"
BARE = "bare 'reports', no provider: a document (table), provider unnamed: anonymous (section 2)"
KIND_FIXES = [
    Fix(
        "part1.jsonl",
        "nyt_2016-05-18_clinton-hints-at-husband-s-job-r",
        "Nick Merrill",
        OFFICIAL,
        "'a spokesman for Mrs. Clinton': campaign spokesman -> official",
    ),
    Fix(
        "part2.jsonl",
        "politico_2016-04-11_clinton-and-sanders-trade-low-bl",
        "Brian Fallon",
        OFFICIAL,
        "'Clinton press secretary': campaign spokesman -> official",
    ),
    Fix(
        "part2.jsonl",
        "politico_2016-04-11_clinton-and-sanders-trade-low-bl",
        "Joel Benenson",
        OFFICIAL,
        "'Clinton's chief pollster and strategist': campaign strategist -> official",
    ),
    Fix(
        "part2.jsonl",
        "nyt_2016-03-04_beneath-clinton-s-wins-signs-of-",
        "Brian Fallon",
        OFFICIAL,
        "'a spokesman for Mrs. Clinton': campaign spokesman -> official",
    ),
    Fix(
        "part4.jsonl",
        "wash-post_2016-07-03_trump-tweet-that-blasts-clinton-",
        "Hope Hicks",
        OFFICIAL,
        "'a spokeswoman for Trump': campaign spokeswoman -> official",
    ),
    Fix(
        "part0.jsonl",
        "politico_2016-02-11_things-to-watch-in-tonight-s-deb",
        "Tad Devine",
        OFFICIAL,
        "'His chief strategist' (Sanders's campaign): campaign strategist -> official",
    ),
    Fix(
        "part1.jsonl",
        "wash-post_2016-06-09_party-aims-to-heal-primary-wound",
        "Tad Devine",
        OFFICIAL,
        "Sanders's senior strategist: campaign strategist -> official",
    ),
    Fix(
        "part2.jsonl",
        "wash-post_2016-05-05_sanders-faces-tough-sell-in-gett",
        "Tad Devine",
        OFFICIAL,
        "Sanders's chief strategist: campaign strategist -> official",
    ),
    Fix(
        "fnc0.jsonl",
        "fnc1-body-2497",
        "early reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "fnc0.jsonl",
        "fnc1-body-1063",
        "reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "fnc0.jsonl",
        "fnc1-body-2106",
        "reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "fnc1.jsonl",
        "fnc1-body-170",
        "Reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "fnc1.jsonl",
        "fnc1-body-48",
        "reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "fnc1.jsonl",
        "fnc1-body-763",
        "reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "fnc2.jsonl",
        "fnc1-body-1036",
        "reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "part1.jsonl",
        "west-journal_2016-07-18_nevertrump-delegates-disrupt-rnc",
        "media reports",
        REPORTS,
        "'media reports', no outlet named: " + BARE,
    ),
    Fix(
        "part3.jsonl",
        "huff-post_2016-08-05_donald-trump-finally-endorses-ho",
        "reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "part3.jsonl",
        "usa-today_2015-12-07_republicans-reaction-is-that-all",
        "reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "part4.jsonl",
        "politico_2016-05-24_ken-starr-praises-laments-bill-c",
        "reports",
        REPORTS,
        BARE,
    ),
    Fix(
        "fnc1.jsonl",
        "fnc1-body-61",
        "a TV report",
        REPORTS,
        "'a TV report that said': a report credited as an artefact, provider unnamed: "
        "document, anonymous",
    ),
    Fix(
        "fnc1.jsonl",
        "fnc1-body-763",
        "a Washington Post report",
        DOCUMENT,
        "'According to a Washington Post report ... the report noted': a report credited as an "
        "artefact is a document (1.4, 'the Post editorial')",
    ),
    Fix(
        "part3.jsonl",
        "huff-post_2016-06-16_obama-families-of-gun-violence-v",
        "a White House pool report",
        DOCUMENT,
        "'according to a White House pool report': a document, as 'the White House pool "
        "report' in fnc0 (1.4, 1.9)",
    ),
]
NOTE = (
    "kind corrected interested_party -> official: campaign officials and spokespeople are "
    "officials by the guide's table (annotations/corrections.py)"
)


def apply_fixes(file: str, rows: list[dict]) -> int:
    """Apply the KIND_FIXES of one file to its rows; how many sources changed."""
    changed = 0
    for fix in KIND_FIXES:
        if fix.file != file:
            continue
        hits = [
            s
            for row in rows
            if row["id"] == fix.article
            for s in row["sources"]
            if s["name"] == fix.name
        ]
        if len(hits) != 1:
            raise SystemExit(f"{fix}: {len(hits)} sources match")
        s = hits[0]
        if all(s.get(k) == v for k, v in fix.fields.items()):
            continue
        s.update(fix.fields)
        s["note"] = (s.get("note") + "; " if s.get("note") else "") + f"{fix.reason} {AUDIT}"
        changed += 1
    return changed


def main():
    changed = 0
    for path in sorted(glob.glob(os.path.join(HERE, "sources", "*.jsonl"))):
        rows = [
            json.loads(line)
            for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        for row in rows:
            for s in row["sources"]:
                blob = " ".join(str(s.get(k) or "") for k in ("name", "role", "affiliation"))
                blob += " " + " ".join(s.get("aliases") or [])
                if (
                    s["kind"] == "interested_party"
                    and STAFF.search(blob)
                    and CAMPAIGN.search(blob + " " + str(s.get("note") or ""))
                ):
                    s["kind"] = "official"
                    s["note"] = (s.get("note") + "; " if s.get("note") else "") + NOTE
                    changed += 1
        changed += apply_fixes(os.path.basename(path), rows)
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{changed} sources corrected")


if __name__ == "__main__":
    main()
