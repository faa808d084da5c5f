"""Score a same-story folder (``documents.jsonl`` + ``gold.jsonl``) with whichever newsint comes
first on PYTHONPATH, in this process (``newsint.bench.stories.evaluate``); also prints each
claim's ``amplified_by``. ``newsint bench corpus`` scores only ``annotations/stories/``.

    PYTHONPATH=SRC python annotations/stories/heldout/score.py annotations/stories/heldout WORKDIR
"""

import sys
import time
from pathlib import Path

import newsint
from newsint.bench import stories


def main(folder: Path, workdir: Path) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    for old in workdir.glob("stories.*"):
        old.unlink()
    start = time.time()
    score, counts = stories.evaluate(folder, workdir, workers=0)
    print("newsint from", newsint.__file__)
    print("\n".join(score.lines()))
    print("false republications:", score.false_republications)
    for claim in score.claims:
        print(" ", claim.story, "amplified_by:", claim.amplified_by)
    print("counts:", counts, f"{time.time() - start:.1f}s")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
