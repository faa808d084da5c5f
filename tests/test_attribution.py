"""Attribution: quotation pairing (no model) and who-said-what on a real article (real model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsint.models import Attribution
from newsint.nlp.attribution import find_attributions, quote_kind
from newsint.nlp.attribution_quotes import find_quotes
from newsint.settings import shared_dir

# Lines of the flattened Circa page that are navigation, promotion or widgets, not article body.
BOILERPLATE = (
    "<img",
    "About Our People",
    "These countries have walls",
    "More countries with border walls",
    "View the slideshow",
    "Can you tell the real news",
    "Take the quiz!",
    "How much do you know about these former",
    "Because we could all use a break",
)


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsint.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def circa_text() -> str:
    try:
        raw = (shared_dir() / "examples" / "circa-iran-isis.txt").read_text(encoding="utf-8")
    except Exception as exc:  # the shared folder is not part of the package
        pytest.skip(f"example not available: {exc}")
    lines = [line for line in raw.splitlines() if line.strip()]
    title = "Iran is utilizing ISIS fighters in Iraq to widen sectarian divisions"
    body = lines[lines.index(title) + 1 : lines.index("Related Stories:")]
    return "\n".join(line for line in body if line != title and not line.startswith(BOILERPLATE))


@pytest.fixture(scope="session")
def circa(nlp: Language, circa_text: str) -> list[tuple[str, str, str, Attribution]]:
    text = circa_text
    out = []
    for att in find_attributions(nlp(text)):
        source = " ".join(text[s:e] for s, e in att.source)
        cue = " ".join(text[s:e] for s, e in att.cue)
        content = " ".join(text[s:e] for s, e in att.content)
        out.append((source, cue, content, att))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and "no".', ['"yes"', '"no"']),
        ("\u201cOne.\n\u201cTwo.\u201d\nAfter.", ["\u201cOne.\n\u201cTwo.\u201d"]),
        ("Intro.\n\u201cIt runs to the end.", ["\u201cIt runs to the end."]),
        ("\u201cOpen\nNot continued.", ["\u201cOpen"]),
        ("''Yes,'' he said of rock 'n' roll.", ["''Yes,''"]),
        # a nested quotation closes first ("... poor,' ''"): the space does not reopen it
        (
            "''I hate the term 'Manhattan poor,' '' she said.",
            ["''I hate the term 'Manhattan poor,' ''"],
        ),
    ],
)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_quotes(text)] == expected


@pytest.mark.parametrize(
    ("content", "kind"),
    [('"All of it."', "direct"), ('that it was "fine"', "mixed"), ("that it was fine", "indirect")],
)
def test_quote_kind(content: str, kind: str) -> None:
    assert quote_kind(content, ((0, len(content)),)) == kind


# (source contains, cue, content contains): every statement of every source in the article.
EXPECTED = [
    ("some analysts", "believe", "Iran has turned its attention"),
    ("some U.S. officials", "say", "complex covert operation"),
    ("one U.S. official", "said", "use of proxy groups"),
    ("The official", "noted", "concern that despite efforts"),
    ("Information made available", "suggests", "covertly utilizing former ISIS"),
    ("Bob Kent", "said", "received information"),
    ("Kent", "said", "One of things that Iran does"),
    ("he", "said", "What we're seeing now"),
    ("he", "said", "they're recruiting the ISIS fighters"),
    ("Kent", "said", "incidentally gathers"),
    ("He", "noted", "multiple threats to U.S. forces"),
    ("Kent", "added", "We passed that along"),
    ("State Department official", "told", "welcomes threat information"),
    ("O'Hanlon", "said", "this danger is worth worrying"),
    ("O\u2019Hanlon", "noted", "Iran does have influence"),
    ("he", "added", "jumps to worst-case analysis"),
    ("he", "added", "I am dubious to date"),
    ("Kent", "said", "Iran has allies now"),
    ("Kent", "said", "this is how, I believe, world wars"),
    ("Earl Brown", "told", "malign influence"),
    ("Brown", "declined", "to give specifics"),
    ("Brown", "said", "focus remains on working"),
    ("Kent", "said", "he is concerned that if the U.S."),
    ("Kent", "said", "Iraq will be lost within a year"),
]


@pytest.mark.parametrize(("source", "cue", "content"), EXPECTED)
def test_circa_statements(
    circa: list[tuple[str, str, str, Attribution]], source: str, cue: str, content: str
) -> None:
    found = [(s, c, t) for s, c, t, _ in circa if content in t]
    assert found, f"no attribution holds {content!r}"
    assert any(source in s and cue in c for s, c, _ in found), found


def test_circa_offsets_and_order(
    circa: list[tuple[str, str, str, Attribution]], circa_text: str
) -> None:
    atts = [att for *_, att in circa]
    assert [a.id for a in atts] == [f"a{i}" for i in range(1, len(atts) + 1)]
    assert [a.cue[0][0] for a in atts] == sorted(a.cue[0][0] for a in atts)
    for att in atts:
        assert att.source_id is None
        for s, e in (*att.source, *att.cue, *att.content):
            assert 0 <= s < e <= len(circa_text)
            assert circa_text[s:e] == circa_text[s:e].strip()


def test_no_source_is_empty_tuple(nlp: Language) -> None:
    text = "According to the report, the economy grew by 3 percent last year."
    (att,) = find_attributions(nlp(text))
    assert att.source == ((text.index("the report"), text.index(",")),)
    assert "economy grew" in text[att.content[0][0] : att.content[-1][1]]


def test_quote_to_end_of_document(nlp: Language) -> None:
    text = 'The mayor spoke on Monday.\nShe said: "We will rebuild.\n"Every street of it.'
    (att,) = find_attributions(nlp(text))
    assert text[att.content[-1][0] : att.content[-1][1]].endswith("Every street of it")
    assert text[att.content[0][0] :].startswith('"We will rebuild.')


def test_relation_filter_shipped_and_keeps_plain_speech(nlp: Language) -> None:
    from newsint.nlp.attribution import VERSION
    from newsint.nlp.attribution_relation import shipped_relation_model

    model = shipped_relation_model()
    assert model is not None and model.weights and model.margin < 0
    assert VERSION == "newsint.attribution.v2.7"
    text = "The senator said that taxes would rise next year."
    (att,) = find_attributions(nlp(text))
    assert text[att.source[0][0] : att.source[0][1]] == "The senator"
    assert "taxes would rise" in text[att.content[0][0] : att.content[-1][1]]


# (text, cue, source): one example per source correction of ``attribution_sources.py``.
SOURCE_CORRECTIONS = [
    pytest.param("It appears that the senator has changed his mind.", "appears", "", id="raising"),
    pytest.param(
        "The mayor opened the meeting with an argument that the budget was too small.",
        "argument",
        "The mayor",
        id="subject-above",
    ),
    pytest.param(
        "The minister conceded that the plan had failed but insisted that it would return.",
        "insisted",
        "The minister",
        id="outer-speaker",
    ),
    pytest.param(
        "Trade talks\nCommerce Secretary Wilbur Ross said the deal was close.",
        "said",
        "Commerce Secretary Wilbur Ross",
        id="line-break",
    ),
    pytest.param(
        "The company sent a letter saying that the plant would close.",
        "saying",
        "The company",
        id="statement-maker",
    ),
    pytest.param(
        "Mr. Brown, who was asked about the report, said nothing.",
        "asked",
        "",
        id="passive-relative",
    ),
]


# (text, cue, source): who speaks for a cue, by English grammar rather than by position.
SPEAKERS = [
    pytest.param(
        "The interview prompted Anderson Cooper to accuse Bondi of hypocrisy.",
        "accuse",
        "Anderson Cooper",
        id="object-control",
    ),
    pytest.param(
        "Mr. Trump was forced into damage control and said that his words had been misconstrued.",
        "said",
        "Mr. Trump",
        id="conjunct-of-a-passive",
    ),
    pytest.param(
        "Trump has faced criticism for his friendly overtures to Vladimir Putin.",
        "criticism",
        "",
        id="the-one-criticised",
    ),
    pytest.param(
        "The senator voiced concerns that the plan would fail.",
        "voiced concerns",
        "The senator",
        id="expressing-verb",
    ),
    pytest.param(
        "Clinton camp: Trump's Islamophobia threatens national security\n\nThe campaign spoke.",
        ":",
        "Clinton camp",
        id="headline-colon",
    ),
    pytest.param(
        "Reply 5 pts Featured\nMarco Rubio defended himself on Saturday, arguing that the plan"
        " had failed.",
        "arguing",
        "Marco Rubio",
        id="source-cut-at-line-break",
    ),
]


@pytest.mark.parametrize(("text", "cue", "source"), SOURCE_CORRECTIONS + SPEAKERS)
def test_source_corrections(nlp: Language, text: str, cue: str, source: str) -> None:
    atts = [a for a in find_attributions(nlp(text)) if text[a.cue[0][0] : a.cue[0][1]] == cue]
    assert len(atts) == 1, atts
    assert " ".join(text[s:e] for s, e in atts[0].source) == source


def test_quote_before_a_cue_the_parser_hung_quoted_words_on(nlp: Language) -> None:
    # spaCy attaches "if you say it" to "responded": those words are the quotation's, so the
    # quotation still ends right before the cue's own clause
    text = '"Oh well, I don\'t wanna say so, but if you say it," Sanders responded.'
    atts = [a for a in find_attributions(nlp(text)) if "responded" in text[a.cue[0][0] :]]
    assert atts and text[atts[0].content[0][0] : atts[0].content[-1][1]].startswith('"Oh well')
    assert " ".join(text[s:e] for s, e in atts[0].source) == "Sanders"


def test_a_paragraph_break_ends_the_sentence(nlp: Language) -> None:
    # without the break, spaCy read "Humphrey" as the object of the quotation's last verb
    text = (
        "\u201cThey say there\u2019s a problem, but they don\u2019t have a solution.\u201d\n\n"
        "Humphrey, for example, said he\u2019s hopeful that the effort succeeds."
    )
    atts = [a for a in find_attributions(nlp(text)) if "Humphrey" in text[a.cue[0][0] - 30 :]]
    (att,) = [a for a in atts if text[a.cue[0][0] : a.cue[0][1]] == "said"]
    assert " ".join(text[s:e] for s, e in att.source) == "Humphrey"
    assert text[att.content[0][0] : att.content[-1][1]].startswith("he\u2019s hopeful")


def test_a_hard_wrap_inside_a_sentence_does_not_end_it(nlp: Language) -> None:
    doc = nlp("The senator said on Monday that the plan,\nwhich was drafted in May, would fail.")
    assert len(list(doc.sents)) == 1
    doc = nlp("Trade talks resume\nThe senator said the plan would fail.")
    assert [s.text.strip() for s in doc.sents][1] == "The senator said the plan would fail."


def test_a_that_clause_hung_on_the_statement_is_the_content(nlp: Language) -> None:
    text = (
        "Kasich's chief strategist John Weaver says in a statement that the race will now be a"
        " four-man contest."
    )
    atts = [a for a in find_attributions(nlp(text)) if text[a.cue[0][0] : a.cue[0][1]] == "says"]
    assert [text[s:e] for s, e in atts[0].content] == ["the race will now be a four-man contest"]


def test_a_conjunct_cue_leaves_the_outer_content_whole(nlp: Language) -> None:
    text = "The minister conceded that the plan had failed but insisted that it would return."
    found = {
        text[a.cue[0][0] : a.cue[0][1]]: [text[s:e] for s, e in a.content]
        for a in find_attributions(nlp(text))
    }
    assert found == {"conceded": ["the plan had failed"], "insisted": ["it would return"]}


def test_a_title_case_headline_is_parsed_as_a_sentence(nlp: Language) -> None:
    text = (
        "Bellwether County Says Trump Should Win GOP Nomination.\n\n"
        "Donald Trump will likely win the GOP nomination, if the county is right, officials said."
    )
    doc = nlp(text)
    assert doc.text == text  # only the analysis changes, never the text
    assert [(t.text, t.lemma_) for t in doc[1:3]] == [("County", "county"), ("Says", "say")]
    (att,) = [a for a in find_attributions(doc) if text[a.cue[0][0] : a.cue[0][1]] == "Says"]
    assert [text[s:e] for s, e in att.source] == ["Bellwether County"]
    assert [text[s:e] for s, e in att.content] == ["Trump Should Win GOP Nomination"]


def test_a_reparsed_headline_keeps_a_whole_tree(nlp: Language) -> None:
    # setting heads one by one left stale subtree edges on this headline
    from spacy.tokens import DocBin

    doc = nlp("Donald Trump Rampages to +32 Point Lead in Florida.")
    (copy,) = DocBin(docs=[doc]).get_docs(nlp.vocab)
    assert [(t.left_edge.i, t.right_edge.i) for t in doc] == [
        (t.left_edge.i, t.right_edge.i) for t in copy
    ]
