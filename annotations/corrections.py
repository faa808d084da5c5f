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
"""
import glob
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
STAFF = re.compile(
    r"\b(aides?|manager|chairman|chairwoman|spokes(?:man|woman|person)|strategists?|"
    r"advis[eo]rs?|director|officials?|staff(?:ers)?|operatives?|press secretary|"
    r"communications)\b",
    re.I,
)
CAMPAIGN = re.compile(r"campaign|camp\b", re.I)
NOTE = ("kind corrected interested_party -> official: campaign officials and spokespeople are "
        "officials by the guide's table (annotations/corrections.py)")


def main():
    changed = 0
    for path in sorted(glob.glob(os.path.join(HERE, "sources", "*.jsonl"))):
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        for row in rows:
            for s in row["sources"]:
                blob = " ".join(str(s.get(k) or "") for k in ("name", "role", "affiliation"))
                blob += " " + " ".join(s.get("aliases") or [])
                if (s["kind"] == "interested_party" and STAFF.search(blob)
                        and CAMPAIGN.search(blob + " " + str(s.get("note") or ""))):
                    s["kind"] = "official"
                    s["note"] = (s.get("note") + "; " if s.get("note") else "") + NOTE
                    changed += 1
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{changed} sources corrected")


if __name__ == "__main__":
    main()
