"""The flattened-page cleaner: lines kept and removed, the seed example, exact provenance."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsint.extract import extract_body, extract_page
from newsint.extract.features import FEATURE_NAMES, line_features, page_features, split_lines
from newsint.extract.text import clean_text, keep_clean_article, restore_lede
from newsint.models import Article, Page, Skipped

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "circa-iran-isis.txt"

BODY = [
    "The minister said on Tuesday that the talks had collapsed after three weeks of argument "
    "over the border, and that no new date had been set for another round of negotiations.",
    "“We will not sign anything that leaves our farmers without water,” she told reporters in "
    "the capital, adding that the government would consult parliament before taking a decision.",
    "Opposition leaders accused the government of mishandling the negotiations from the start, "
    "and several called for the minister to resign before the end of the month.",
    "Analysts said the collapse made a settlement unlikely before the elections next spring, "
    "when both governments face voters who are deeply sceptical of any compromise on the river.",
]


def page(text: str, kind: str = "text") -> Page:
    return Page("p1", "test.txt", text, kind, kind, "0" * 64)  # type: ignore[arg-type]


HEADER = (
    "Talks on the river treaty collapse - Example News",
    "Home\nNews\nWorld\nBusiness\nSport\nWeather\nOpinion",
    "Sign in\nSubscribe",
    "Talks on the river treaty collapse",
    "By Jane Doe\nNov. 19, 2019",
)
FOOTER = (
    "Most popular\nFloods hit the valley\nMarkets slide again",
    "About us\nContact\nCareers\nAdvertise",
    "Copyright © 2019 Example News. All rights reserved. Privacy Policy | Terms of Use",
)


def flatten(*blocks: str) -> str:
    """A page as a scraper flattens it: header and navigation, the blocks, the footer."""
    return "\n\n".join((*HEADER, *blocks, *FOOTER)) + "\n"


@pytest.mark.parametrize(
    ("inserted", "reason"),
    [
        ('<img height="1" width="1" src="https://example.com/px.gif">', "tag"),
        (
            "These countries have walls on their borders\nMore countries\nView the slideshow",
            "promo",
        ),
        ("Can you tell the real news from the fake news?\nTake the quiz!", "quiz"),
    ],
)
def test_boilerplate_between_body_paragraphs_is_removed(inserted: str, reason: str) -> None:
    text = flatten(BODY[0], BODY[1], inserted, BODY[2], BODY[3])
    result = clean_text(text)
    assert result.text.split("\n") == BODY
    removed = {r.text: r.reason for r in result.removed}
    for line in inserted.split("\n"):
        assert removed[line] == reason


def test_navigation_share_and_related_lists_go() -> None:
    text = flatten(
        "Share on Facebook\nShare on Twitter\nEmail",
        *BODY,
        "Related Stories:\nTalks collapse again\nMinister under fire",
        "Read Comments",
    )
    result = clean_text(text)
    assert result.text.split("\n") == BODY
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["Share on Facebook"] == "share"
    assert reasons["Related Stories:"] == "related"
    assert reasons["Talks collapse again"] == "related"
    assert reasons["Read Comments"] == "comments"


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example not available")
def test_seed_example_keeps_all_21_paragraphs_and_no_boilerplate() -> None:
    content = EXAMPLE.read_text(encoding="utf-8")
    article = extract_page(page(content))
    assert isinstance(article, Article)
    paragraphs = article.text.split("\n")
    assert len(paragraphs) == 21
    assert paragraphs[0].startswith("As the United States continues its battle")
    assert paragraphs[-1].startswith("“I believe it all depends on what U.S. policy is")
    # the quotes right after the quiz promos stay
    assert any(p.startswith("“However, I also think the U.S.") for p in paragraphs)
    assert any(p.startswith("Kent said the information his company") for p in paragraphs)
    for junk in (
        "<img",
        "View the slideshow",
        "Take the quiz!",
        "These countries have walls",
        "How much do you know",
        "Because we could all use a break",
        "Related Stories:",
        "Read Comments",
        "Facebook Twitter Instagram",
        "About Our People",
    ):
        assert junk not in article.text
    assert article.title == "Iran is utilizing ISIS fighters in Iraq to widen sectarian divisions"
    assert [r.reason for r in article.removed].count("title") == 2
    assert article.language == "en"
    assert article.extractor == "newsint.text.v2"


@pytest.mark.parametrize(
    "content",
    [
        flatten(*BODY),
        "  \t" + flatten(*BODY).replace("\n\n", "\n \r\n\t"),
        flatten(
            "Ünïcödé — “quotes” and emoji 🙂 stay as they are in the body text of the page "
            "because the cleaner copies lines verbatim from the raw content.",
            *BODY,
        ),
        "\n".join(BODY),
    ],
)
def test_segments_map_back_exactly(content: str) -> None:
    article = extract_page(page(content))
    assert isinstance(article, Article)
    assert "\n\n" not in article.text
    covered = 0
    for seg in article.segments:
        clean = article.text[seg.clean_start : seg.clean_start + seg.length]
        assert clean == content[seg.raw_start : seg.raw_start + seg.length]
        covered += seg.length
    assert covered + article.text.count("\n") == len(article.text)


def test_weird_unicode_survives() -> None:
    line = "Zürich’s “Bahnhofstraße” — ça coûte 3 000 € (≈ ¥400 000), said Ольга 🙂 on Tuesday."
    result = clean_text(flatten(*BODY[:2], line, *BODY[2:]))
    assert line in result.text.split("\n")


def test_split_lines_offsets() -> None:
    content = "  a b \n\n\tc\r\n"
    lines = split_lines(content)
    assert [(content[x.start : x.end], x.blank_before, x.blank_after) for x in lines] == [
        ("a b", True, True),
        ("c", True, True),
    ]


@pytest.mark.parametrize("content", ["", "   \n\n\t", "\n"])
def test_empty_page_is_skipped(content: str) -> None:
    result = extract_page(page(content))
    assert isinstance(result, Skipped)
    assert result.reason


def test_extract_body_returns_title_and_body() -> None:
    title, body = extract_body(flatten(*BODY), "text")
    assert title == "Talks on the river treaty collapse"
    assert body.split("\n") == BODY


def test_page_features_match_the_training_path() -> None:
    """The shipped model is trained on ``line_features(split_lines(...))``; the cleaner reads
    the page itself (``page_features``): both must give the same matrix."""
    text = flatten(
        *BODY, "«The» (said:) reuters's e-mail, SHARE http://x.io\n\n日本語のテキスト 🙂"
    )
    lines, feats = page_features(text)
    assert lines == split_lines(text)
    assert np.array_equal(feats.rows, line_features(lines).rows)


def test_vocabulary_words_with_punctuation_count() -> None:
    rows = line_features(split_lines('(the) "and" said: the.\nxthe thex (x)'))[0]
    stop = rows[:, FEATURE_NAMES.index("stop_ratio")]
    assert stop.tolist() == [1.0, 0.0]


def test_distance_below_the_repeated_headline() -> None:
    """``title_dist`` counts lines below the last repeat of the headline (the page's first
    line, the HTML title, does not count); lines above any repeat have ``no_title_before``."""
    text = flatten(*BODY)
    lines = split_lines(text)
    rows = line_features(lines).rows
    at = [x.text for x in lines].index("Talks on the river treaty collapse")  # the repeat
    dist = rows[:, FEATURE_NAMES.index("title_dist")]
    none = rows[:, FEATURE_NAMES.index("no_title_before")]
    assert none[: at + 1].tolist() == [1.0] * (at + 1)
    assert none[at + 1 :].sum() == 0.0
    assert np.allclose(dist[at + 1 : at + 4], np.log1p([1, 2, 3]))
    z = rows[:, FEATURE_NAMES.index("z_len")]
    assert abs(z.mean()) < 1e-9 and abs(z.std() - 1.0) < 1e-3


def test_the_lede_is_restored_over_a_dropped_subheading() -> None:
    """The lede the cleaner cut, above a short line it rightly drops, comes back (restore_lede);
    a caption and a browser notice above it do not."""
    keep = np.array([False, False, False, False, True])
    texts = [
        "In this photo taken from video footage, a man is seen walking in a store at the mall.",
        "The city council voted on Tuesday to close the old bridge to all traffic next month.",
        "WHAT THE ENGINEERS FOUND",
        "",
        "Inspectors found cracks in two of the four piers, the report said.",
    ]
    assert restore_lede(texts, keep).tolist() == [False, True, False, False, True]
    browser = "IE 11 is not supported. For an optimal experience visit our site on another browser."
    assert restore_lede([browser, texts[4]], np.array([False, True])).tolist() == [False, True]


# Text that is already an article (a JSON Lines record's ``text``): every paragraph is kept,
# short ones ("ABSTRACT.", "Fox News reports:") and the subtitle included; the first line,
# the headline, is the title.
CLEAN_ARTICLE = """Council Closes Old Bridge To Cars.

Buses and bicycles may still cross until repairs begin.

The city council voted on Monday to close the old bridge to cars from next spring, after engineers warned that its steel frame had corroded faster than expected.

The Gazette reported:

“We cannot wait for it to fail,” said the council’s head of transport, Maria Kovač, who added that the decision had not been taken lightly.

Shop owners on both banks said the closure would cost them customers, and a petition against it had gathered more than 4,000 signatures by Monday evening.

The council will vote on the repair budget next month, when the engineers’ full report is due."""


def test_clean_article_text_loses_no_body_paragraph() -> None:
    """Every paragraph of the body is kept, the short "The Gazette reported:" too; the short
    standfirst above the lede stays restore_lede's call (a lede is a full sentence of at least
    LEDE_MIN_WORDS words), and is listed as removed, not lost."""
    paras = [p for p in CLEAN_ARTICLE.split("\n") if p]
    cleaned = clean_text(CLEAN_ARTICLE)
    assert cleaned.text.split("\n") == paras[2:]
    assert any(paras[1] in r.text for r in cleaned.removed)


def test_keep_clean_article_leaves_flattened_pages_alone() -> None:
    # menus line after line (no blank lines, short lines): not clean text, ``keep`` unchanged
    page = "\n".join(
        ["Home", "News", "Sport", "Weather", *[p for p in CLEAN_ARTICLE.split("\n") if p]]
    )
    view, feats = page_features(page)
    keep = np.zeros(len(view), dtype=bool)
    sizes = np.array([line.end - line.start for line in view])
    assert not keep_clean_article(sizes, feats.rows, keep, [line.text for line in view]).any()


def test_clean_article_text_restores_no_caption_or_click_line() -> None:
    caption = "Workers count ballots in Detroit on Nov 3, 2020. PHOTO: REUTERS"
    click = "USING A MOBILE DEVICE? CLICK HERE TO SEE THE VIDEO."
    page = CLEAN_ARTICLE.replace("The Gazette reported:", f"{caption}\n\n{click}")
    view, feats = page_features(page)
    texts = [line.text for line in view]
    dropped = (caption, click, "Shop owners")  # the line model dropped these three
    keep = np.array([not t.startswith(dropped) for t in texts])
    keep[0] = False  # the headline
    sizes = np.array([line.end - line.start for line in view])
    restored = [
        t
        for t, k in zip(texts, keep_clean_article(sizes, feats.rows, keep, texts), strict=True)
        if k
    ]
    assert caption not in restored and click not in restored
    assert any(t.startswith("Shop owners on both banks") for t in restored)


def _series_page(sections: int) -> list[str]:
    lines = ["Weekly menu", "Intro line of the menu article for the week."]
    for k in range(sections):
        lines += [f"Menu for Plan {chr(65 + k)}", "Breakfast", "Oats, 1 cup berries", "Dinner"]
    return lines + ["Related Articles", "Other story"]


@pytest.mark.parametrize(
    ("sections", "kept_upto", "expected_upto"),
    [
        (5, 9, 22),  # five sections: the kept two and a half are extended to all five
        (2, 9, 9),  # two members are no series
    ],
)
def test_a_series_of_sections_is_kept_whole(
    sections: int, kept_upto: int, expected_upto: int
) -> None:
    from newsint.extract.text import continue_series

    texts = _series_page(sections)
    keep = np.zeros(len(texts), dtype=bool)
    keep[1:kept_upto] = True
    out = continue_series(texts, keep)
    assert out[1:expected_upto].all()
    assert not out[expected_upto:].any()


def test_a_series_outside_the_kept_lines_is_left_alone() -> None:
    from newsint.extract.text import continue_series

    texts = _series_page(4)
    keep = np.zeros(len(texts), dtype=bool)
    keep[1] = True  # only the intro: the first heading is below every kept line
    assert (continue_series(texts, keep) == keep).all()


def test_a_lede_dense_with_names_is_kept_as_prose() -> None:
    """A lede with fewer than half its words in lower case but its verbs in lower case is a
    sentence, not a headline (a title-case headline capitalises "Does", "Has")."""
    lede = (
        "The Red Cross (ICRC) in Juba does not hold South Sudan Army officers, the United"
        " Nations Mission has confirmed."
    )
    rest = "\n\nThe group does not hold them, the ministry has said.\n\nThe talks go on, the mission added.\n"
    assert clean_text(lede + rest).text.startswith(lede)
    headline = lede.replace("does not hold", "Does Not Hold").replace("has", "Has")
    assert not clean_text(headline + rest).text.startswith(headline)
