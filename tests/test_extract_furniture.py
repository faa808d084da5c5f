"""Captions and teaser labels inside a flattened article are dropped; body lines stay."""

from __future__ import annotations

import numpy as np
import pytest
from test_extract_text import BODY, flatten

from newsint.extract.furniture import drop_furniture, furniture_reason, is_list_heading
from newsint.extract.text import clean_text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("The old harbour wall collapsed in the storm (Image: GETTY)", "caption"),
        ("Rescue teams search the rubble on Monday (Photo: Jane Doe )", "caption"),
        ("A ferry leaves the port on Aug. 3, 2019. (AP Photo/John Roe)", "caption"),
        ("Farmers wait at the border crossing (Reuters/Kim Lee)", "caption"),
        ("Photo by John Roe/Getty Images", "caption"),
        ("Jane Doe via Getty Images.", "caption"),
        ("In this March 2, 2018, file photo, a man walks past the ministry.", "caption"),
        ("In this photo taken on Tuesday, the minister arrives in the capital.", "caption"),
        ("FILE - The minister speaks to reporters in 2017.", "caption"),
        ("FILE PHOTO: Traders work on the floor of the stock exchange.", "caption"),
        ("Image: A drone flies over the valley at dawn.", "caption"),
        ("Image caption The minister arrives for the talks", "caption"),
        ("Media caption Who is the new minister?", "caption"),
        ("A cross-section of the new river dam. Credit: Jane Doe", "caption"),
        ("Courtesy of Jane Doe", "caption"),
        ("© John Roe Farmers wait at the border crossing.", "caption"),
        ("© 2019 Example News. All rights reserved.", "footer"),
        ("READ MORE: Talks on the river treaty collapse again", "related"),
        ("Related: Ten years of talks on the river", "related"),
        ("Don't Miss:", "related"),
        ("Video: The minister leaves the talks", "related"),
        ("See more photos:", "related"),
    ],
)
def test_captions_and_teaser_labels_are_furniture(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        *BODY,
        # an agency credit without a photo credits the text, not a picture
        "The bill would let owners give pets medical cannabis, a senator said on Monday. (Reuters)",
        "Prices rose 3 percent in May, the fastest pace in a decade (AP).",
        # a label of ordinary words, a dateline, an interview's speaker, a time
        "NEW DELHI: Nearly 150 Indians returned home on Wednesday after their visas expired.",
        "Q: What did you learn in your first year as chief executive?",
        "Minister: We will not sign anything that leaves our farmers without water.",
        "PUBLISHED: 10:48, Tue, Nov 19, 2019",
        # photos as a subject of the story
        "A still unidentified man was seen leaving the building shortly before the fire.",
        "The agency sold the rights to its photos of the summit to Getty Images last year.",
        "She said the file was sent to the ministry in March.",
        "His profile photo on the ministry's website was changed on Monday.",
        "Household credit: the figures rose again in May, the bank said.",
        "Courtesy of the ministry, every farmer will get a water meter by the end of the year.",
    ],
)
def test_body_lines_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


def test_drop_furniture_only_unkeeps_kept_lines() -> None:
    texts = [BODY[0], "Storm damage in the port (Image: GETTY)", BODY[1], "Related: More storms"]
    keep = np.array([True, True, True, False])
    assert drop_furniture(texts, keep).tolist() == [True, False, True, False]
    assert keep.tolist() == [True, True, True, False]  # the input is not changed


def test_a_caption_and_a_teaser_inside_the_article_are_removed() -> None:
    caption = "The minister leaves the talks in the capital on Tuesday (Image: GETTY)"
    teaser = "READ MORE: Ten years of talks on the river treaty"
    text = flatten(BODY[0], BODY[1], caption, teaser, BODY[2], BODY[3])
    result = clean_text(text)
    assert result.text.split("\n") == BODY
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons[caption] == "caption"
    assert reasons[teaser] == "related"


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Related articles", True),
        ("DON'T MISS", True),
        ("Related links:", True),
        ("Recommended for you", True),
        ("Most popular in this section", False),  # more than four words
        ("Trending", True),
        ("Most popular destinations", False),  # a word no list heading needs
        ("The most popular party lost.", False),  # a sentence
        ("Related talks between the two governments resumed in the spring of 2019", False),
    ],
)
def test_list_headings(line: str, heading: bool) -> None:
    assert is_list_heading(line) is heading


def test_a_related_list_inside_the_article_goes_with_its_items() -> None:
    texts = [
        BODY[0],
        "Related articles",
        "Talks on the river treaty collapse again",
        "Minister under fire over the border deal",
        BODY[1],
    ]
    keep = np.ones(len(texts), dtype=bool)
    assert drop_furniture(texts, keep).tolist() == [True, False, False, False, True]


def test_link_texts_run_together_are_related_links() -> None:
    """A flattened page joins its related links' texts with no space: three joins of a lower-
    case word into a capitalised one make a related-links line; camel-case names do not."""
    links = (
        "RelatedIs the dam safe?Floods reach the old townA farmer's storyHow the river"
        " changedMaps of the floodwaters"
    )
    assert furniture_reason(links) == "related"
    names = "Polls by RealClearPolitics, HuffPollster and FiveThirtyEight show a MacBook lead."
    assert furniture_reason(names) is None
