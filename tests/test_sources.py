"""Source profiles from short news passages: name, anonymity and its reason, role, affiliation, kind."""

from __future__ import annotations

import pytest

from newsint.pipeline import analyze_text

# (passage, expected first source: name, anonymous, reason contains, role, affiliation, kind)
CASES = [
    (
        "Bob Kent, the CEO of Knowledge Information Services, said the company had seen reports.",
        ("Bob Kent", False, None, "CEO", "Knowledge Information Services", "interested_party"),
    ),
    (
        "Michael O'Hanlon, a foreign policy expert at the Brookings Institution, said the danger "
        "was hypothetical.",
        (
            "Michael O'Hanlon",
            False,
            None,
            "foreign policy expert",
            "Brookings Institution",
            "expert",
        ),
    ),  # fmt: skip
    (
        "CENTCOM Army Maj. Earl Brown told reporters that the coalition would stay.",
        ("Earl Brown", False, None, "Army Maj.", "CENTCOM", "official"),
    ),
    (
        "One U.S. official, who spoke on background due to the nature of their work, said the "
        "plan had been approved.",
        ("one U.S. official", True, "spoke on background", "official", "U.S.", "official"),
    ),
    (
        "A State Department official, who spoke on condition that they not be named, said the "
        "embassy had received threats.",
        (
            "a State Department official",
            True,
            "on condition that they not be named",
            "official",
            "State Department",
            "official",
        ),
    ),  # fmt: skip
    (
        "Two police officers, who were not authorized to speak publicly, said the suspect had "
        "fled north.",
        ("two police officers", True, "not authorized to speak publicly", None, None, "official"),
    ),
    (
        "A senior diplomat said on condition of anonymity that the talks had collapsed.",
        ("a senior diplomat", True, "condition of anonymity", None, None, "official"),
    ),
    (
        "Some analysts believe the central bank will raise rates again in June.",
        ("some analysts", True, None, None, None, "analyst"),
    ),
    (
        # a document is not anonymous, even unnamed (guide, section 2)
        "A report by the inspector general found that the agency had lost track of the funds.",
        (None, False, None, None, None, "document"),
    ),
    (
        "The Pentagon said the strike had killed two militants.",
        ("Pentagon", False, None, None, None, "organisation"),
    ),
    (
        "Maria Lopez, a resident who saw the collapse, said the building shook for a minute.",
        ("Maria Lopez", False, None, None, None, "witness"),
    ),
    (
        "Jane Doe, a professor of economics at Stanford University, said inflation would ease.",
        ("Jane Doe", False, None, "professor of economics", "Stanford University", "expert"),
    ),
    (
        "Tom Rye, a spokesman for the campaign, said the senator would not withdraw.",
        # guide 3: campaign officials and spokespeople are officials (candidates hold the stake)
        ("Tom Rye", False, None, "spokesman", "campaign", "official"),
    ),
    # titles before the name: the role is the title, the capitalised words before it the affiliation
    (
        "NASA administrator Jim Bridenstine said the rocket would fly in 2021.",
        ("Jim Bridenstine", False, None, "administrator", "NASA", "official"),
    ),
    (
        "Indiana House Speaker Brian Bosma said the bill would pass.",
        ("Brian Bosma", False, None, "Speaker", "Indiana House", "official"),
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu said the decision was historic.",
        ("Benjamin Netanyahu", False, None, "Prime Minister", "Israeli", "official"),
    ),
    (
        "White House press secretary Stephanie Grisham said the call was perfect.",
        ("Stephanie Grisham", False, None, "press secretary", "White House", "official"),
    ),
    (
        "Facebook CEO Mark Zuckerberg said the company would change.",
        ("Mark Zuckerberg", False, None, "CEO", "Facebook", "interested_party"),
    ),
    (
        "Superintendent Jennifer McCormick said the scores had improved.",
        ("Jennifer McCormick", False, None, "Superintendent", None, "official"),
    ),
    (
        "High school math teacher Angela Cooper said the walkout was needed.",
        ("Angela Cooper", False, None, "High school math teacher", None, "other"),
    ),
    # appositions: a name inside the role is the affiliation; a party label is passed over
    (
        "Doug Cooke, a former NASA associate administrator for exploration and now an industry "
        "consultant, said the risk was high.",
        (
            "Doug Cooke",
            False,
            None,
            "former associate administrator for exploration",
            "NASA",
            "expert",  # a former official, now a consultant, comments as a specialist (guide 3)
        ),
    ),  # fmt: skip
    (
        "Mary Lovely, a Syracuse University economist, said tariffs raised prices.",
        ("Mary Lovely", False, None, "economist", "Syracuse University", "expert"),
    ),
    (
        # a specialist with no stake in rates: an expert by the guide, no longer "other"
        "Ann Lee, head of research at a small bank in Ohio, said rates would fall.",
        ("Ann Lee", False, None, "head of research", "small bank in Ohio", "expert"),
    ),
    (
        "José Serrano (D-NY), chairman of the subcommittee, said the costs were unknown.",
        ("José Serrano", False, None, "chairman", "subcommittee", "official"),
    ),
]


@pytest.mark.parametrize(
    ("passage", "name", "role", "affiliation"),
    [
        ("Volkswagen said its engineers had finished the design.", "Volkswagen", None, None),
        ("The Arab League said the move was illegal.", "Arab League", None, None),
        ("Iraq's parliament said the vote was final.", "Iraq's parliament", "parliament", "Iraq"),
        ("Twelve percent said they would not vote.", "Twelve percent", "percent", None),
    ],
)
def test_an_organisation_or_group_is_not_its_own_affiliation(
    passage: str, name: str, role: str | None, affiliation: str | None
) -> None:
    (source,) = analyze_text(passage).sources
    assert (source.name, source.role, source.affiliation) == (name, role, affiliation)


@pytest.mark.parametrize(
    ("passage", "name", "anonymous"),
    [
        ("Trump attacked the report. Schiff said the call was improper.", "Schiff", False),
        ("Clinicians gain visibility, the makers say. Clinicians say the alarms are clearer, "
         "and clinicians like it.", "clinicians", True),
        ("People who make their own jam must be wizards. Jam has always seemed like one of "
         "those things that only other people made.", None, None),
    ],
)  # fmt: skip
def test_names_ner_missed_are_named_and_common_words_are_not(
    passage: str, name: str | None, anonymous: bool | None
) -> None:
    found = {s.name: s.anonymous for s in analyze_text(passage).sources}
    if name is None:
        assert not any(n.lower() == "jam" for n in found)
    else:
        assert found[name] is anonymous


def test_a_surname_alone_is_the_person_named_in_full_elsewhere() -> None:
    passage = (
        "The panel heard from retired aerospace executive Tom Young on Tuesday. "
        "Young said the program was late."
    )
    analysis = analyze_text(passage)
    names = {s.id: (s.name, s.anonymous) for s in analysis.sources}
    (said,) = [a for a in analysis.attributions if passage[slice(*a.source[0])] == "Young"]
    assert names[said.source_id or ""] == ("Tom Young", False)


@pytest.mark.parametrize(("passage", "expected"), CASES)
def test_source_profile(passage: str, expected: tuple) -> None:
    name, anonymous, reason, role, affiliation, kind = expected
    analysis = analyze_text(passage)
    assert analysis.sources, f"no source found in {passage!r}"
    source = analysis.sources[0]
    if name is not None:
        assert source.name == name
    assert source.anonymous is anonymous
    if reason is None:
        assert source.anonymity_reason is None
    else:
        assert reason in (source.anonymity_reason or "")
    if role is not None:
        assert source.role == role
    if affiliation is not None:
        assert source.affiliation == affiliation
    assert source.kind == kind


@pytest.mark.parametrize(
    ("passage", "speakers"),
    [
        (
            "Bob Kent, a consultant, said the deal was dead. “It will not come back,” he said. "
            "Kent added that talks had stopped.",
            ["Bob Kent", "Bob Kent", "Bob Kent"],
        ),
        (
            "A U.S. official said the troops would leave. The official noted that no date was set.",
            ["a U.S. official", "a U.S. official"],
        ),
        (
            "Michael O'Hanlon said the danger was real. O’Hanlon noted that Iran had influence.",
            ["Michael O'Hanlon", "Michael O'Hanlon"],
        ),
    ],
)
def test_speakers_are_resolved_across_sentences(passage: str, speakers: list[str]) -> None:
    analysis = analyze_text(passage)
    names = {s.id: s.name for s in analysis.sources}
    assert [names.get(a.source_id or "") for a in analysis.attributions] == speakers


# Only speakers become sources: people, groups of people, organisations, places acting as
# governments, media and documents. The attribution stage also finds things ("fires have
# continued, showing that ..."); their attributions keep their spans but get no source, so
# their claims are the outlet's own. (passage, the source span, the source's name or None)
SPEAKERS = [
    # things, events, abstractions, adjectives, imperatives: no source
    ("Yet fires have continued, showing that enforcement is a problem.", "fires", None),
    ("Fires have continued, showing that enforcement is a problem.", "Fires", None),
    ("A prolonged trade war offers Mr. Trump some political advantages.",
     "A prolonged trade war", None),
    ("Dangling ropes require a pull, and cracked walls require a push.", "cracked walls", None),
    ("The dangerous, dirty air is arising from a mix of weather conditions.",
     "The dangerous, dirty air", None),
    ("Star Wars fiction tends to bring reverence to their appearances.", "Star Wars fiction", None),
    # a dateline's place is no speaker
    ("MEXICO CITY — Rumors about the death of Fidel Castro — an age-old ritual for Cuba-watchers "
     "— once again began circulating on and off the island this week.", "MEXICO CITY", None),
    # people, groups, documents: sources, as before
    ("Negotiators said the talks would resume on Monday.", "Negotiators", "negotiators"),
    ("Some consumers said they had stopped buying imported cheese.", "Some consumers",
     "some consumers"),
    ("Forecasters said the storm would reach the coast by Friday.", "Forecasters", "forecasters"),
    ("Visitors said the museum had been closed for a week.", "Visitors", "visitors"),
    ("The duo said they had written the song in one night.", "The duo", "the duo"),
    ("The third witness told the court that the car was red.", "The third witness",
     "the third witness"),
    ("One estimate suggests that the program will cost $2 billion.", "One estimate",
     "one estimate"),
    ("People familiar with the talks said a deal was close.", "People familiar with the talks",
     "people familiar with the talks"),
    ("A group of physicians warned that the vaccine supply was short.", "A group of physicians",
     "a group of physicians"),
    ("Ninety-two percent of the Kurds said they wanted independence.",
     "Ninety-two percent of the Kurds", "Ninety-two percent of the Kurds"),
    # political camps, polling and legal papers speak too (issue 14)
    ("Some conservatives hope the court will hear the case next year.", "Some conservatives",
     "some conservatives"),
    ("Several superdelegates said they would wait until June.", "Several superdelegates",
     "several superdelegates"),
    ("Polling of rural voters shows the mayor slipping in the west.", "Polling of rural voters",
     "polling of rural voters"),
    ("A legal opinion written for the port authority concluded that the fee was lawful.",
     "A legal opinion", "a legal opinion"),
    # a capitalised word opening a sentence is a name when an apposition says who it is
    ("Scissors, a China scholar with the American Enterprise Institute, said the deal was "
     "unlikely.", "Scissors", "Scissors"),
]  # fmt: skip


@pytest.mark.parametrize(("passage", "span", "name"), SPEAKERS)
def test_only_speakers_are_sources(passage: str, span: str, name: str | None) -> None:
    analysis = analyze_text(passage)
    found = [a for a in analysis.attributions if a.source and passage[slice(*a.source[0])] == span]
    names = {s.id: s.name for s in analysis.sources}
    if name is not None:
        (attribution,) = found
        assert names[attribution.source_id or ""] == name
        return
    # not a speaker: either no attribution at all, or one whose claim is the outlet's own
    for attribution in found:
        assert attribution.source_id is None
        claims = [c for c in analysis.claims if attribution.id in c.attribution_ids]
        assert all(not c.source_ids for c in claims)


def test_inanimate_sources_still_reach_the_check() -> None:
    """The speaker test above is not vacuous: these inanimate phrases are found as sources."""
    for passage, span in [
        ("Yet fires have continued, showing that enforcement is a problem.", "fires"),
        ("A prolonged trade war offers Mr. Trump some political advantages.",
         "A prolonged trade war"),
    ]:  # fmt: skip
        analysis = analyze_text(passage)
        assert any(passage[slice(*a.source[0])] == span for a in analysis.attributions if a.source)


@pytest.mark.parametrize(
    ("passage", "name", "kind"),
    [
        ("The video shows that the officers fired first.", "the video", "document"),
        ("Federal law requires that the records be kept for seven years.", "federal law",
         "document"),
        ("The study -- which notes that 58 companies would owe $212 billion -- was released.",
         "the study", "document"),
        ("The fisherman, who says the fight lasted 40 minutes, sold the catfish to a restaurant.",
         "the fisherman", "other"),
    ],
)  # fmt: skip
def test_documents_and_relative_pronouns(passage: str, name: str, kind: str) -> None:
    """ "The study -- which notes ...": a relative pronoun stands for the noun it hangs on."""
    analysis = analyze_text(passage)
    assert [(s.name, s.kind) for s in analysis.sources][-1:] == [(name, kind)]
