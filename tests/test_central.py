"""The central claim, the relation of statements to it, profiles and grades by the judgement guide.

Short invented passages (none from the dev sets): each checks one rule of
``newsint.central.v1``, ``newsint.relations.v1``, ``newsint.profiles.v1`` or the grade, and fails
without it.
"""

from __future__ import annotations

import pytest

from newsint.grading.rules import grade_claim
from newsint.models import Analysis, Attribution, Claim, Source
from newsint.nlp.relations import Statement, Target, relate
from newsint.nlp.source_context import document_anonymity, stated_stake, title_kind
from newsint.pipeline import analyze_text


def central(analysis: Analysis) -> Claim:
    (claim,) = [c for c in analysis.claims if c.central]
    return claim


def names(analysis: Analysis, ids: tuple[str, ...]) -> set[str]:
    by_id = {s.id: s.name for s in analysis.sources}
    return {by_id[i] for i in ids}


def model_says(monkeypatch: pytest.MonkeyPatch, relation: str, sure: float) -> None:
    """The relation model answers ``relation`` with probability ``sure`` for every statement it
    is asked about, so that a test sees only the rules around it."""
    from newsint.nlp import central_judgement

    monkeypatch.setattr(
        central_judgement,
        "relate_scored",
        lambda target, statements: [(relation, sure)] * len(statements),
    )


# -- the central claim is the lede's ------------------------------------------------------------

LEDES = [
    # (passage, words the central claim must hold, words it must not hold)
    (
        "WASHINGTON (AP) _ The Navy said Tuesday it had grounded all of its training jets after "
        "a second engine failure.\nThe decision affects about 200 aircraft, officials said.",
        "grounded all of its training jets",
        "WASHINGTON",
    ),
    (
        "Rep. Ana Ruiz, D-Calif., speaks during a hearing, Friday, May 3, 2019, in Washington.\n"
        "WASHINGTON — The House ethics panel said Monday it is reviewing complaints against "
        "three lawmakers over campaign spending.\nThe lawmakers said they had done nothing wrong.",
        "reviewing complaints against three lawmakers",
        "speaks during a hearing",
    ),
    (
        "The city council voted on Monday to close the harbour bridge for six months of repairs, "
        "the mayor's office announced.\nTraffic will be diverted through the tunnel.",
        "close the harbour bridge",
        "Traffic will be diverted",
    ),
    # a scene in the present tense dated with its year is a caption (captions.is_caption)
    (
        "Fishermen unload their catch at the old harbour in Vigo, Spain on March 3, 2016.\n"
        "Spain's fishing fleet caught a third less hake last year than the year before, the "
        "ministry said on Tuesday.\n",
        "caught a third less hake",
        "unload their catch",
    ),
    # so is a sentence with an agency credit closing its line
    (
        "A policeman guards the gate of the parliament in Lima on Friday. (Reuters)\n"
        "Peru's congress voted late on Friday to remove the president from office over a "
        "bribery scandal, officials said.\n",
        "remove the president from office",
        "guards the gate",
    ),
    # a subhead on a line of its own, with no closing stop, is no lede (captions.is_headline)
    (
        "Rebels said to have seized the northern airport in a dawn raid\n\n"
        "Rebel fighters took control of the northern airport on Saturday after a three-hour "
        "battle with the army, two military officials said.\n",
        "took control of the northern airport",
        "said to have seized",
    ),
    # a present-tense lede about what is, dated with a year, stays the lede
    (
        "There are growing fears of attacks ahead of the anniversary of the March 11, 2004, "
        "train bombings in Madrid, officials said on Monday.\n"
        "Police have raised the alert level in the capital.\n",
        "growing fears of attacks",
        "raised the alert level",
    ),
]


@pytest.mark.parametrize(("passage", "holds", "lacks"), LEDES)
def test_the_central_claim_is_the_lede(passage: str, holds: str, lacks: str) -> None:
    claim = central(analyze_text(passage))
    assert holds in claim.text
    assert lacks not in claim.text


def test_the_lede_claim_holds_the_main_verb_not_a_trailing_participle() -> None:
    claim = central(
        analyze_text(
            "The state attorney general is investigating the company, according to two people "
            "familiar with the matter, adding to a mounting series of problems for the firm."
        )
    )
    assert "is investigating the company" in claim.text


def test_a_denial_led_article_has_the_denial_as_its_central_claim() -> None:
    analysis = analyze_text(
        "The ministry on Friday dismissed as false reports that its troops had shelled the "
        "border town, a spokesman said.\n"
        "General Omar Haddad, a United Nations monitor, said the shelling came from the "
        "ministry's troops.\n"
    )
    claim = central(analysis)
    assert claim.text.startswith("The ministry on Friday dismissed")


def test_the_outlet_own_lede_has_no_source() -> None:
    analysis = analyze_text(
        "Heavy rain flooded hundreds of homes across the northern valley overnight and closed "
        "two highways.\nThe river rose three metres in six hours."
    )
    assert central(analysis).source_ids == ()


def test_a_refusal_is_never_central() -> None:
    analysis = analyze_text(
        "The company declined to comment on the merger talks reported last week by two "
        "newspapers.\nBoth newspapers said the talks had stalled over the price."
    )
    assert "declined to comment" not in central(analysis).text


# -- how a statement bears on the claim (the guide's direction rules) -------------------------

CLAIM = Target("Iran is recruiting former fighters in Iraq", frozenset({"s1"}))
DENIAL = Target(
    "The ministry denied reports that its agents hacked the network",
    frozenset({"s1"}),
    denial=True,
    accusers=frozenset({"s9"}),
)

RELATIONS = [
    # (target, statement, relation)
    (CLAIM, Statement("Iran recruits former fighters in Iraq", frozenset({"s2"})), "supports"),
    (CLAIM, Statement("Iran recruits former fighters", frozenset({"s1"})), "restates"),
    (
        CLAIM,
        Statement("the reports of recruiting are dubious", frozenset({"s3"}), "denial"),
        "disputes",
    ),
    # a speaker never disputes their own claim
    (
        CLAIM,
        Statement("it is not proven that Iran recruits", frozenset({"s1"}), "denial"),
        "restates",
    ),
    (
        CLAIM,
        Statement("declined to comment on the reports", frozenset({"s4"}), "non_confirmation"),
        "not_confirm",
    ),
    # only sharing the topic is no support
    (CLAIM, Statement("the weather in Baghdad was hot", frozenset({"s5"})), "unrelated"),
    # two speakers who deny the same allegation support each other
    (
        DENIAL,
        Statement("the hacking reports are false", frozenset({"s2"}), "denial"),
        "supports",
    ),
    # the accusers dispute a denial
    (DENIAL, Statement("agents broke into servers", frozenset({"s9"})), "disputes"),
    # the outlet's own voice is no source
    (CLAIM, Statement("Iran recruits former fighters in Iraq", frozenset()), "unrelated"),
    # "It is ..." right after the claim speaks of it
    (
        CLAIM,
        Statement("It is a covert operation", frozenset({"s6"}), continues=True),
        "supports",
    ),
]


@pytest.mark.parametrize(("target", "statement", "relation"), RELATIONS)
def test_relation_to_the_claim(target: Target, statement: Statement, relation: str) -> None:
    assert relate(target, statement) == relation


def test_a_dispute_in_the_article_reaches_the_central_claim() -> None:
    analysis = analyze_text(
        "Some analysts believe the company hid losses of $2 billion from its investors last "
        "year.\n"
        "Professor Jane Holt, an accounting expert at Leeds University, said there was no "
        "evidence the company hid any losses.\n"
        "A spokesman for the company declined to comment.\n"
    )
    claim = central(analysis)
    assert "Jane Holt" in names(analysis, claim.disputed_by)
    assert any("spokesman" in n for n in names(analysis, claim.not_confirmed_by))


@pytest.mark.parametrize(
    ("passage", "disputer", "disputes"),
    [
        # "those reports" denies the claim right before it, here not the lede's
        (
            "A bus crashed on a mountain road in Nepal on Sunday, two police officials said.\n"
            "The officials said the bus belonged to Green Line Travels, but its manager Ram "
            "Thapa denied those reports.\n"
            '"There was an accident, but it was not our bus," Thapa told reporters.\n',
            "Ram Thapa",
            False,
        ),
        # right after the lede, it denies the lede
        (
            "The finance minister has resigned, two senior officials said on Monday.\n"
            "The minister's spokesman, Karl Berger, denied those reports.\n"
            '"He is at his desk," Berger said.\n',
            "Karl Berger",
            True,
        ),
    ],
)
def test_a_denial_of_those_reports_denies_the_claim_before_it(
    passage: str, disputer: str, disputes: bool
) -> None:
    analysis = analyze_text(passage)
    assert (disputer in names(analysis, central(analysis).disputed_by)) is disputes


# -- profiles from everything the article says --------------------------------------------------

TITLES = [
    ("Sen.", "official"),
    ("FBI Director", "official"),
    ("chief of staff", "official"),
    ("professor of law", "expert"),
    ("columnist", "media"),
    ("energy analyst", "analyst"),
    ("former secretary of state", "official"),
    ("gardener", None),
]


@pytest.mark.parametrize(("role", "kind"), TITLES)
def test_title_kind(role: str, kind: str | None) -> None:
    assert title_kind(role) == kind


def test_a_title_given_in_another_paragraph_decides_the_kind() -> None:
    analysis = analyze_text(
        "FBI Director James Comey met the committee on Tuesday behind closed doors.\n"
        "The meeting lasted three hours.\n"
        '"We will follow the evidence," Comey said afterwards.\n'
    )
    (comey,) = [s for s in analysis.sources if "Comey" in s.name]
    assert comey.kind == "official"


def source(**kw: object) -> Source:
    base = {"id": "s1", "name": "x", "anonymous": False, "kind": "other", "mentions": ((0, 1),)}
    return Source(**{**base, **kw})  # type: ignore[arg-type]


def test_a_document_is_named_unless_its_provider_is_not() -> None:
    text = "A report by the inspector general found waste. Information made available to police"
    report = source(name="a report", anonymous=True, kind="document", mentions=((0, 8),))
    leak = source(name="information", anonymous=True, kind="document", mentions=((47, 58),))
    assert document_anonymity(text, report).anonymous is False
    assert document_anonymity(text, leak).anonymous is True


STAKES = [
    # (text, role, kind of the source after the rule)
    (
        "Mark Bell, a lawyer for the company, said it had done nothing wrong.",
        "lawyer",
        "interested_party",
    ),
    (
        "Jo Reyes, a lobbyist for the sugar industry, said the tax was unfair.",
        "lobbyist",
        "interested_party",
    ),
    ("Ann Cole, who owns a stake in the mine, said the spill was small.", None, "interested_party"),
    (
        "Ed Hart, a paid consultant to the manufacturer, said the drug is safe.",
        None,
        "interested_party",
    ),
    ("Attorney General Dana Fox said the law applies to all.", "Attorney General", "other"),
]


@pytest.mark.parametrize(("text", "role", "kind"), STAKES)
def test_a_stated_stake_makes_an_interested_party(text: str, role: str | None, kind: str) -> None:
    end = text.index(",") if "," in text else text.index(" said")
    person = source(name=text[:end], role=role, mentions=((0, end),))
    found = stated_stake(text, person, [], [])
    assert found.kind == kind
    if kind == "interested_party":
        assert found.interest and found.interest_span is not None


def test_the_accused_denying_is_an_interested_party() -> None:
    analysis = analyze_text(
        "Prosecutors said the firm had paid bribes to win the contract.\n"
        "The firm denied the allegations in a statement on Monday.\n"
    )
    (firm,) = [s for s in analysis.sources if "firm" in s.name.lower()]
    assert firm.kind == "interested_party"
    assert firm.interest_span is not None


# -- grades ------------------------------------------------------------------------------------


def test_an_unresolved_speaker_cannot_be_judged() -> None:
    attribution = Attribution(
        id="a1", source=((0, 2),), cue=((3, 7),), content=((13, 30),), kind="indirect"
    )
    claim = Claim(id="c1", text="the plan failed", spans=((13, 30),), attribution_ids=("a1",))
    grade = grade_claim(claim, [], [attribution], [], "He said that the plan has failed")
    assert (grade.reliability, grade.credibility) == ("F", 6)
    assert "could not be resolved" in grade.reasons[0].text


def test_a_credible_named_dispute_makes_a_claim_doubtful() -> None:
    analysis = analyze_text(
        "Two officials said the army had moved missiles to the border this week.\n"
        "General Omar Haddad, the head of the United Nations monitoring mission, said the "
        "missile claims were false.\n"
    )
    claim = central(analysis)
    assert claim.disputed_by
    assert claim.grade is not None and claim.grade.credibility >= 4


def test_a_denial_led_lede_credits_the_denier_and_the_accusers_dispute() -> None:
    analysis = analyze_text(
        "Ruritania has rejected claims by unnamed Western officials that its agents hacked the "
        "election commission's servers.\n"
        "Foreign Ministry spokesman Karl Brandt called the allegations irresponsible.\n"
    )
    claim = central(analysis)
    assert claim.text.startswith("Ruritania has rejected claims")
    assert names(analysis, claim.source_ids) == {"Karl Brandt"}
    assert "unnamed Western officials" in names(analysis, claim.disputed_by)
    (brandt,) = [s for s in analysis.sources if s.name == "Karl Brandt"]
    assert brandt.kind == "interested_party"  # the accused speaking about its own conduct
    assert claim.grade is not None and claim.grade.reliability in "DEF"


# -- a claim is a proposition (newsint.propositions.v1) ------------------------------------------


def test_a_noun_phrase_content_is_no_claim() -> None:
    analysis = analyze_text(
        "The two countries completed a prisoner exchange on Tuesday, officials said.\n"
        "The foreign ministry welcomed the exchange.\n"
        "Aid groups cited rising violence in the border region."
    )
    texts = [c.text for c in analysis.claims]
    assert "the exchange" not in texts
    assert "rising violence in the border region" not in texts
    assert [c.id for c in analysis.claims] == [f"c{i + 1}" for i in range(len(texts))]


def test_a_participle_content_leaves_the_main_clause_as_the_central_claim() -> None:
    claim = central(
        analyze_text(
            "Two prison officers were charged on Tuesday with falsifying records, stating they "
            "had checked on the inmate in the hours before he died.\n"
            "The officers pleaded not guilty."
        )
    )
    assert claim.text.startswith("Two prison officers were charged")


def test_the_main_verb_speaker_is_the_central_source_not_a_subordinate_clause() -> None:
    analysis = analyze_text(
        "Governor Dana Holt has claimed victory as the state assembly concluded its second "
        "hearing on the budget dispute.\n"
        "Holt said the hearing had shown that her plan was sound.\n"
    )
    claim = central(analysis)
    assert names(analysis, claim.source_ids) == {"Dana Holt"}
    assert not claim.disputed_by  # the assembly is the context, no accuser of a denial


OUTLET_LEDE = (
    "Two aid workers held by rebels since March were freed on Sunday in an exchange of "
    "prisoners.\n"
    "Professor Alan Reid, a historian of the region, said tourism in the valley had collapsed "
    "since the war began.\n"
)


@pytest.mark.parametrize(("sure", "backed"), [(0.3, False), (0.9, True)])
def test_the_outlets_own_claim_rests_only_on_supports_the_model_is_sure_of(
    monkeypatch: pytest.MonkeyPatch, sure: float, backed: bool
) -> None:
    """A model guess of support on the topic does not make a speaker a backer of the outlet's
    own claim; a confident one does (``central_judgement.CONFIDENT_SUPPORT``)."""
    model_says(monkeypatch, "supports", sure)
    analysis = analyze_text(OUTLET_LEDE)
    claim = central(analysis)
    assert not claim.source_ids
    assert ("Alan Reid" in names(analysis, claim.supported_by)) is backed


FRAGMENT_BACKERS = (
    "Two aid workers held by rebels since March were freed on Sunday in an exchange of "
    "prisoners, the army said.\n"
    "The foreign ministry welcomed the exchange.\n"
    "Colonel Ian Pratt said the two workers had been handed over at the border.\n"
    "A video posted by the army showed the two workers crossing the bridge.\n"
)


@pytest.mark.parametrize(
    ("speaker", "backs"),
    [
        ("foreign ministry", False),  # "welcomed the exchange": a noun phrase asserts nothing
        ("Ian Pratt", True),  # a clause that can be true or false
        ("video", True),  # what a document shows is its statement
    ],
)
def test_a_noun_phrase_statement_supports_nothing(
    monkeypatch: pytest.MonkeyPatch, speaker: str, backs: bool
) -> None:
    """Support is the same proposition in other words (guide 4): a statement whose content is
    no proposition cannot be one, whatever the relation model guesses."""
    model_says(monkeypatch, "supports", 0.9)
    analysis = analyze_text(FRAGMENT_BACKERS)
    backers = " ".join(names(analysis, central(analysis).supported_by))
    assert (speaker in backers) is backs


@pytest.mark.parametrize(
    "question",
    [
        "It remains unclear why the ferry left the harbour in such heavy weather.",
        "It was not immediately clear how many passengers were on board the ferry.",
        "Why the captain ignored the warning remains unclear to investigators.",
    ],
)
def test_an_open_question_the_outlet_states_is_no_claim(question: str) -> None:
    """Guide 4: a claim can be true or false; "it remains unclear why ..." asks, it asserts
    nothing to grade."""
    analysis = analyze_text(
        "A ferry carrying 80 passengers sank off the northern coast on Sunday.\n" + question + "\n"
    )
    assert all(question[:20] not in c.text for c in analysis.claims)


DENIED = (
    "The ministry denied reports that its troops had crossed the border on Friday.\n"
    "Farmer Ali Demir said soldiers had driven through his village at dawn.\n"
    "Aid worker Mara Quinn said the convoy had come from the north.\n"
    "Quinn said she had counted twelve trucks on the road.\n"
)


@pytest.mark.parametrize(("speaker", "disputes"), [("Ali Demir", False), ("Mara Quinn", True)])
def test_the_model_reads_a_side_only_for_a_speaker_quoted_more_than_once(
    monkeypatch: pytest.MonkeyPatch, speaker: str, disputes: bool
) -> None:
    """A statement without dispute words disputes a denial only by the model's guess; that
    guess counts for a speaker the article quotes twice or more
    (``central_judgement.DISPUTER_STATEMENTS``), not for one quoted once."""
    model_says(monkeypatch, "disputes", 0.9)
    analysis = analyze_text(DENIED)
    claim = central(analysis)
    assert claim.text.startswith("The ministry denied")
    assert (speaker in " ".join(names(analysis, claim.disputed_by))) is disputes


NAMED_SUBJECT = (
    "Rumours that the singer Lena Holt had quit her band spread quickly online on Monday.\n"
    "Holt said she was enjoying a long holiday in Spain with her family.\n"
    "Promoter Sam Reyes said the band would tour this summer without its singer.\n"
)


SPOKEN_FOR = (
    "Prison guards beat an inmate unconscious during a search of his cell on Friday, his "
    "lawyer said.\n"
    "Prison service spokeswoman Ann Dale said the search of the cells had been ordered after a "
    "tip about hidden phones.\n"
    "Rights campaigner Joe Marsh said guards at the prison had beaten inmates during searches "
    "before.\n"
)


@pytest.mark.parametrize(
    ("passage", "speaker", "backs"),
    [
        (NAMED_SUBJECT, "Holt", False),
        (NAMED_SUBJECT, "Sam Reyes", True),
        (SPOKEN_FOR, "Ann Dale", False),
        (SPOKEN_FOR, "Joe Marsh", True),
    ],
)
def test_the_party_a_claim_names_is_its_subject_not_a_backer(
    monkeypatch: pytest.MonkeyPatch, passage: str, speaker: str, backs: bool
) -> None:
    """What the claim's subject (a party it names, or the spokesperson of its actor: "Prison
    service spokeswoman" for "Prison guards beat ...") says on the topic is its own story: the
    model's guess of support does not make it a second voice saying the claim (guide 4)."""
    model_says(monkeypatch, "supports", 0.9)
    analysis = analyze_text(passage)
    backers = " ".join(names(analysis, central(analysis).supported_by))
    assert (speaker in backers) is backs


def test_the_model_reads_where_the_claim_and_each_statement_stand(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The relation model was trained with each pair's offsets (its distance features): the
    run time gives them too, or the model sees pairs unlike any it learned from."""
    from newsint.nlp import central_judgement

    asked: list[tuple[Target, list[Statement]]] = []

    def record(target: Target, statements: list[Statement]) -> list[tuple[str, float]]:
        asked.append((target, list(statements)))
        return [("unrelated", 0.5)] * len(statements)

    monkeypatch.setattr(central_judgement, "relate_scored", record)
    passage = (
        "The port authority will close the northern terminal for a year, two officials said.\n"
        "Harbour master Lena Voss said the cranes there were more than forty years old.\n"
    )
    analyze_text(passage)
    assert asked
    target, statements = asked[0]
    assert target.start is not None and passage[target.start :].startswith(target.text[:10])
    assert statements and all(s.start is not None for s in statements)
    assert all(passage[s.start :].startswith(s.text[:10]) for s in statements)


@pytest.mark.parametrize(
    ("passage", "claim_holds", "disputer"),
    [
        # the report leads and a clause of its own answers it: the report is the claim
        (
            "The mayor will resign next month to run for governor, a local newspaper says, but "
            "the city government denied the report.\n"
            'The city spokesman Tom Reed said: "This is not true."\n',
            "resign next month",
            "Tom Reed",
        ),
        # the answering body spoken for by its spokesperson (guide 1.10)
        (
            "The army will withdraw from the border town within a week, a regional newspaper "
            "says, but the defence ministry denied the report.\n"
            "The newspaper said the decision was taken on Monday.\n"
            '"There is no such plan," said Jan Varga, a ministry spokesman.\n',
            "withdraw from the border town",
            "Jan Varga",
        ),
    ],
)
def test_a_report_answered_by_a_denial_in_the_lede_is_the_claim(
    passage: str, claim_holds: str, disputer: str
) -> None:
    analysis = analyze_text(passage)
    claim = central(analysis)
    assert claim_holds in claim.text and "denied" not in claim.text
    assert disputer in names(analysis, claim.disputed_by)
    assert disputer not in names(analysis, claim.supported_by)


def test_an_outlet_takes_no_side_by_the_model_s_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    """An outlet relays the story (guide 1.5): the model's guess that it disputes a denial is
    left out; a speaker who is no outlet keeps it."""
    model_says(monkeypatch, "disputes", 0.9)
    analysis = analyze_text(
        "The defence ministry on Monday denied reports that the army chief had resigned.\n"
        "The Daily Courier newspaper reported that the general left his office on Friday.\n"
        "The Daily Courier newspaper said his staff had been told to pack his files.\n"
        "Opposition leader Mara Len said the general had quit after a row with the minister.\n"
        "Mara Len said the general had told friends he would not come back.\n"
    )
    claim = central(analysis)
    kinds = {s.name: s.kind for s in analysis.sources}
    disputers = names(analysis, claim.disputed_by)
    assert any(kinds.get(n) == "media" for n in kinds)
    assert not any(kinds.get(n) == "media" for n in disputers)
    assert "Mara Len" in disputers


def test_the_claim_s_subject_is_found_by_its_name_too() -> None:
    """A party the claim names ("a drone strike in Yemen") is its subject even where the
    sources stage recorded none of its mentions inside the claim: what it says on the topic is
    its own story, not a second voice (central_judgement._named_in)."""
    from newsint.nlp.central_judgement import _named_in

    text = "Three militants were killed in a drone strike in Yemen. Yemen condemned the strikes."
    claim = Claim(id="c1", text=text[:55], spans=((0, 55),))
    yemen = Source(
        id="s1", name="Yemen", anonymous=False, kind="organisation", mentions=((56, 61),)
    )
    other = Source(
        id="s2", name="Ali Saleh", anonymous=False, kind="official", mentions=((56, 61),)
    )
    assert _named_in(claim, [yemen, other], []) == {"s1"}


ACCUSED = (
    "Border guards shot dead two farmers near the river crossing on Sunday, villagers said.\n"
    "Border guard spokesman Karl Brenner said the guards had no choice after being attacked by a "
    "group of armed men at the crossing.\n"
    "Farmer Tom Abbot said the two men were unarmed and were shot without warning.\n"
)


def test_the_accused_justifying_the_act_dispute_it() -> None:
    """The spokesperson of the claim's actor (the border guard, for "Border guards shot ...") who justifies
    the act ("had no choice", "after being attacked") disputes the claim as told (guide 4: a
    denial by the accused is a dispute by an interested party); they are not its backers."""
    analysis = analyze_text(ACCUSED)
    claim = central(analysis)
    assert claim.text.startswith("Border guards shot dead")
    disputers = " ".join(names(analysis, claim.disputed_by))
    assert "Karl Brenner" in disputers
    assert "Karl Brenner" not in " ".join(names(analysis, claim.supported_by))


@pytest.mark.parametrize(
    ("claim", "role", "speaks"),
    [
        ("Police opened fire on protesters in the capital", "police spokesman", True),
        ("Soldiers shot dead two farmers", "army spokesman", False),
        ("The hospital turned away a dying patient", "hospital spokeswoman", True),
        ("Police opened fire on protesters in the capital", "police chief", False),
        ("Protesters clashed with police in the capital", "police spokesman", False),
        ("Police opened fire on protesters", None, False),
        ("Prison guards beat an inmate", "prison service spokeswoman", True),
    ],
)
def test_a_spokesperson_speaks_for_the_claim_s_actor(
    claim: str, role: str | None, speaks: bool
) -> None:
    """The word before a spokesperson's title names the body; it speaks for the claim's actor
    when that body is among the claim's first words (``relations.speaks_for_actor``)."""
    from newsint.nlp.relations import speaks_for_actor

    assert speaks_for_actor(claim, role) is speaks


@pytest.mark.parametrize(
    ("statement", "defends_it"),
    [
        ("Officers fired warning shots into the air", True),
        ("We had no choice but to open the gates", True),
        ("The guard acted in self-defence", True),
        ("The staff followed all standard procedures", True),
        ("The men fired after being attacked with stones", True),
        ("Officers fired on the crowd", False),
        ("The choice was made by the board", False),
    ],
)
def test_what_the_accused_say_to_justify_an_act(statement: str, defends_it: bool) -> None:
    from newsint.nlp.relations import defends

    assert defends(statement) is defends_it


DOUBTED = (
    "The army said on Tuesday that the rebels had agreed to a truce in the eastern hills.\n"
    "Analysts cast doubt over the credibility of the man who spoke for the militants.\n"
    "Farmer Ola Berg said the shelling near her village had stopped at dawn.\n"
)


def test_a_speaker_quoted_once_in_dispute_words_may_dispute(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The quoted-once limit on the model's guess of a dispute (``DISPUTER_STATEMENTS``) is for
    statements with no dispute words; one that says it in dispute words ("cast doubt over the
    credibility of ...") but shares no word with the claim is left to the model, and counts."""
    model_says(monkeypatch, "disputes", 0.9)
    analysis = analyze_text(DOUBTED)
    claim = central(analysis)
    assert "truce" in claim.text
    disputers = " ".join(names(analysis, claim.disputed_by)).lower()
    assert "analysts" in disputers
    assert "berg" not in disputers


RELAYED_DENIAL = (
    "The ministry denied the minister had resigned, the Daily Courier reported on Monday.\n"
    "Opposition leader Mara Len said the minister had resigned after a row with the president.\n"
)


def test_a_denier_nested_in_the_lede_is_no_accuser() -> None:
    """The sources nested in a denial-led lede dispute it as its accusers (guide 4), unless the
    rules find one of them denying the allegation itself ("The ministry denied ..., the Daily
    Courier reported"): two deniers of one allegation support each other."""
    analysis = analyze_text(RELAYED_DENIAL)
    claim = central(analysis)
    assert "denied" in claim.text
    assert not any("ministry" in n for n in names(analysis, claim.disputed_by))


UNNAMED_BACKER = (
    "Government troops shelled the rebel town of Kessa on Sunday, killing ten people, a local "
    "doctor said.\n"
    "An army officer, who declined to be named, said the troops had shelled Kessa after rebels "
    "fired on a convoy.\n"
)


def test_declining_to_be_named_is_no_refusal_to_confirm() -> None:
    """ "who declined to be named" is why a source is anonymous (guide 2): the officer who goes on
    to say the claim backs it; he does not decline to confirm it."""
    analysis = analyze_text(UNNAMED_BACKER)
    claim = central(analysis)
    assert not names(analysis, claim.not_confirmed_by)
    assert "an army officer" in names(analysis, claim.supported_by)


DENIAL_CALLED_FALSE = (
    "Troops fired on protesters in the capital on Friday, killing four people, witnesses said.\n"
    "The army denied that its troops had fired on the protesters.\n"
    "Rights campaigner Ana Ruiz said the army's denials that troops fired on the protesters were "
    "false.\n"
)


def test_calling_a_denial_false_backs_the_claim() -> None:
    """Direction (guide 4): the campaigner who calls the army's denials false takes the claim's
    side; the army, which denies it, disputes it."""
    analysis = analyze_text(DENIAL_CALLED_FALSE)
    claim = central(analysis)
    disputers = " ".join(names(analysis, claim.disputed_by))
    assert "army" in disputers
    assert "Ruiz" not in disputers
    assert "Ruiz" in " ".join(names(analysis, claim.supported_by))
