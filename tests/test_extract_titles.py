"""Titles of flattened pages (issue 17): the first line without its site suffix, or the on-page
line it names."""

from __future__ import annotations

import pytest

from newsint.extract.text import clean_text
from newsint.extract.titles import strip_site, text_title, title_key


@pytest.mark.parametrize(
    ("line", "forms"),
    [
        ("Rain floods the valley - The Daily Post", ["Rain floods the valley"]),
        ("Cup final | Sport | Racing | Web", ["Cup final | Sport | Racing", "Cup final | Sport",
                                              "Cup final"]),
        ("Opinion | Mayors are leaving the party", []),  # "Opinion" alone is no headline
        ("Rain floods the valley", []),
        ("Tide | A long subtitle that runs on for many more words here", []),
    ],
)  # fmt: skip
def test_site_suffixes_are_cut(line: str, forms: list[str]) -> None:
    assert strip_site(line) == [line, *forms]


@pytest.mark.parametrize(
    ("lines", "title", "origin"),
    [
        # the <title> line names the on-page headline further down
        (["Mayor quits over budget - City News", "Home", "News", "Continue reading the main story",
          "Mayor quits over budget", "The mayor resigned on Monday."],
         "Mayor quits over budget", "headline line"),
        # no repeat: the first line without the site
        (["Mayor quits over budget | City News", "Home", "The mayor resigned on Monday."],
         "Mayor quits over budget", "first line"),
        # a clean article: its first line
        (["Mayor quits over budget", "", "The mayor resigned on Monday after a long row."],
         "Mayor quits over budget", "first line"),
        # markup lines are passed over
        (["<img src=x>", "Mayor quits", "The mayor resigned."], "Mayor quits", "first line"),
    ],
)  # fmt: skip
def test_text_title(lines: list[str], title: str, origin: str) -> None:
    found = text_title(lines)
    assert found is not None
    assert (found.text, found.origin) == (title, origin)


def test_a_first_sentence_is_no_title() -> None:
    assert text_title(["The mayor resigned on Monday after a long row over the budget."]) is None


def test_title_keys_ignore_case_and_punctuation() -> None:
    assert title_key("Mayor Quits: ‘Over’ Budget!") == title_key("mayor quits over budget")


def test_clean_text_reports_the_title_and_its_origin() -> None:
    page = "Mayor quits over budget - City News\n\nHome\n\nMayor quits over budget\n\n" + (
        "The mayor resigned on Monday after a long row with the council over the budget.\n\n" * 3
    )
    t = clean_text(page)
    assert (t.title, t.title_origin) == ("Mayor quits over budget", "headline line")


def test_a_first_line_of_punctuation_alone_names_no_headline() -> None:
    # its key is empty: found by the robustness bench's generated documents (IndexError)
    found = text_title(["-- !! ?? -- !! ?? -- !! ??", "Some body text follows here."])
    assert found is not None and found.origin == "first line"
