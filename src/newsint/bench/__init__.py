"""`newsint bench NAME`: run newsint on a development split and score it with ../shared/bench."""
