"""Vooruit falen, the service (patterns/forward.py): which patterns played most in the cases
most like a plan, and that hidden cases never count or show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cases.models import Case, TargetGroup
from cases.services import case_import
from cases.tests.factories import CaseFactory
from patterns.forward import (
    COMPARABLE_CASES,
    MIN_COMPARABLE,
    description_concepts,
    plan_failure_patterns,
)
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

DEMO_CASES = Path(__file__).resolve().parents[2] / "cases" / "demo" / "demo_cases.json"

# Patterns as the editors might attach them to the demo failures (titles of demo_cases.json).
DEMO_PATTERNS = {
    "projectgeld-zonder-vervolg": (
        "Projectgeld zonder vervolg",
        "Wat bewoners nodig hebben, stopt als het tijdelijke geld op is.",
        [
            "Buurthuis dicht na einde projectgeld",
            "Ervaringsdeskundigen bij jongeren: effectief, maar kwetsbaar georganiseerd",
        ],
        "Maak bij de start een plan voor na het project\nZoek één financier voor het geheel",
    ),
    "zonder-mandaat": (
        "Verantwoordelijkheid zonder mandaat",
        "Iemand moet verbinden, maar mag niets beslissen.",
        [
            "Nieuwe wijkschakelaar zonder mandaat",
            "Wijk Ondersteuning Team: goede eerste stap, nog geen ontschotting",
        ],
        "Leg het mandaat schriftelijk vast\nSpreek af wie knopen doorhakt",
    ),
    "afspraken-op-papier": (
        "Afspraken blijven op papier",
        "Een pact of convenant zonder eigenaar en zonder geld.",
        ["Wijkpact wonen, jeugd en participatie bleef op papier"],
        "Geef elke afspraak een eigenaar\nKoppel afspraken aan een begroting",
    ),
    "regels-remmen-bewoners": (
        "Regels remmen bewoners",
        "Bewonersinitiatieven lopen vast in regels die voor grote partijen zijn gemaakt.",
        ["Right to Challenge: bewonersbedrijf strandt in regels"],
        "Wijs een ambtenaar aan die de weg vrijmaakt",
    ),
}
# A plan that is close to "Buurthuis dicht na einde projectgeld".
BUURTHUIS_PLAN = (
    "We willen met tijdelijk projectgeld van de gemeente een leegstaand pand heropenen als "
    "buurthuis, met een inloop, huiswerkbegeleiding en jongerenwerkers voor de jongeren die "
    "nu 's avonds op straat hangen."
)


@pytest.fixture
def demo():
    case_import(data=json.loads(DEMO_CASES.read_text(encoding="utf-8")))
    patterns = {}
    for slug, (name, summary, titles, actions) in DEMO_PATTERNS.items():
        pattern = FailurePatternFactory(
            slug=slug, name=name, summary=summary, courses_of_action=actions
        )
        patterns[slug] = pattern
        for title in titles:
            CasePatternFactory(case=Case.objects.get(title=title), pattern=pattern)
    # A success that avoided the money trap.
    CasePatternFactory(
        case=Case.objects.get(title="Welzijn op recept: de huisarts verwijst naar de buurt"),
        pattern=patterns["projectgeld-zonder-vervolg"],
        avoided=True,
    )
    return patterns


def names(plan) -> list[str]:
    return [match.pattern.name for match in plan.patterns]


def test_a_plan_close_to_a_demo_failure_gets_its_pattern_among_the_first_three(demo, anonymous):
    plan = plan_failure_patterns(description=BUURTHUIS_PLAN, user=anonymous)
    first_three = plan.patterns[:3]
    assert "Projectgeld zonder vervolg" in [m.pattern.name for m in first_three], names(plan)
    match = next(m for m in first_three if m.pattern.slug == "projectgeld-zonder-vervolg")
    assert "Buurthuis dicht na einde projectgeld" in [case.title for case in match.cases]
    assert match.count == len(match.cases) >= 1
    assert match.actions == [
        "Maak bij de start een plan voor na het project",
        "Zoek één financier voor het geheel",
    ]
    # The case itself is the most comparable one.
    assert plan.cases[0].title == "Buurthuis dicht na einde projectgeld"
    assert plan.comparable_count <= COMPARABLE_CASES
    assert not plan.too_few


def test_typos_are_forgiven(demo, anonymous):
    plan = plan_failure_patterns(
        description="We openen een buurthuiss met tijdelijk projectgelt en jongerenwerkrs",
        user=anonymous,
    )
    assert plan.cases[0].title == "Buurthuis dicht na einde projectgeld"
    assert names(plan)[0] == "Projectgeld zonder vervolg"


def test_a_different_plan_gets_a_different_pattern_first(demo, anonymous):
    plan = plan_failure_patterns(
        description=(
            "Als nieuwe wijkschakelaar ga ik bewoners, professionals en organisaties verbinden, "
            "maar wie beslist er als partijen het oneens zijn? Ik heb geen mandaat."
        ),
        user=anonymous,
    )
    assert names(plan)[0] == "Verantwoordelijkheid zonder mandaat", names(plan)
    assert "Nieuwe wijkschakelaar zonder mandaat" in [c.title for c in plan.patterns[0].cases]


def test_patterns_are_ordered_by_how_often_they_played(anonymous):
    common = FailurePatternFactory(name="Vaak")
    rare = FailurePatternFactory(name="Zelden")
    cases = [
        CaseFactory(title=f"Buurtmoestuin {n}", summary="Een moestuin met bewoners in de wijk.")
        for n in range(4)
    ]
    for case in cases[:3]:
        CasePatternFactory(case=case, pattern=common)
    CasePatternFactory(case=cases[3], pattern=rare)
    # Avoiding a pattern does not count as it playing.
    CasePatternFactory(case=cases[0], pattern=rare, avoided=True)
    plan = plan_failure_patterns(
        description="Wij beginnen een moestuin met bewoners", user=anonymous
    )
    assert [(m.pattern.name, m.count) for m in plan.patterns] == [("Vaak", 3), ("Zelden", 1)]
    assert [c.title for c in plan.patterns[1].avoided_in] == ["Buurtmoestuin 0"]


def test_an_avoided_pattern_alone_is_no_pattern_that_played(demo, anonymous):
    plan = plan_failure_patterns(
        description="De huisarts verwijst patiënten met eenzaamheid door naar welzijn op recept",
        user=anonymous,
    )
    for match in plan.patterns:
        assert "Welzijn op recept: de huisarts verwijst naar de buurt" not in [
            case.title for case in match.cases
        ]


def test_a_hidden_case_never_counts_or_shows(anonymous, outsider, member, closed_space, editor):
    pattern = FailurePatternFactory(name="Vertrouwelijk patroon")
    public_pattern = FailurePatternFactory(name="Openbaar patroon")
    for n in range(3):
        CasePatternFactory(
            case=CaseFactory(title=f"Openbare speeltuin {n}", summary="Een speeltuin bouwen."),
            pattern=public_pattern,
        )
    closed = CaseFactory(
        title="Speeltuin in de besloten ruimte",
        summary="Een speeltuin bouwen met kinderen, ouders en de corporatie.",
        space=closed_space,
    )
    draft = CaseFactory(
        title="Speeltuin nog in concept",
        summary="Een speeltuin bouwen met kinderen, ouders en de corporatie.",
        live=False,
    )
    CasePatternFactory(case=closed, pattern=pattern)
    CasePatternFactory(case=draft, pattern=pattern)
    description = "We gaan een speeltuin bouwen met kinderen, ouders en de corporatie"
    for user in (anonymous, outsider):
        plan = plan_failure_patterns(description=description, user=user)
        assert names(plan) == ["Openbaar patroon"]
        assert plan.patterns[0].count == 3
        titles = [case.title for case in plan.cases]
        assert closed.title not in titles and draft.title not in titles
        assert plan.comparable_count == 3
    # The member of the closed space sees its case and its pattern (the test can fail).
    plan = plan_failure_patterns(description=description, user=member)
    assert "Vertrouwelijk patroon" in names(plan)
    assert closed.title in [case.title for case in plan.cases]
    assert draft.title not in [case.title for case in plan.cases]
    # Editors see drafts too, as everywhere.
    plan = plan_failure_patterns(description=description, user=editor)
    assert {closed.title, draft.title} <= {case.title for case in plan.cases}


def test_too_few_comparable_cases_are_said_to_be_too_few(anonymous):
    CaseFactory(title="Kunstgrasveld in het park", summary="Een kunstgrasveld aanleggen.")
    CaseFactory(title="Buurtbus", summary="Een bus voor ouderen.")
    plan = plan_failure_patterns(
        description="Wij leggen een kunstgrasveld aan in het park", user=anonymous
    )
    assert [case.title for case in plan.cases] == ["Kunstgrasveld in het park"]
    assert plan.too_few
    assert MIN_COMPARABLE > 1


def test_nothing_comparable(anonymous):
    CaseFactory(title="Buurtbus", summary="Een bus voor ouderen.")
    plan = plan_failure_patterns(description="Xylofoonconcert op de maan", user=anonymous)
    assert plan.cases == [] and plan.patterns == [] and plan.too_few


def test_topic_and_target_group_make_cases_comparable_and_move_them_up(anonymous):
    topic = TopicFactory(name="Eenzaamheid", slug="eenzaamheid")
    seniors, _ = TargetGroup.objects.get_or_create(slug="ouderen", defaults={"name": "Ouderen"})
    words = "Een wandelgroep in de wijk."
    plain = CaseFactory(title="Wandelgroep", summary=words)
    shared = CaseFactory(
        title="Wandelgroep voor ouderen", summary=words, topics=[topic], target_groups=[seniors]
    )
    only_topic = CaseFactory(title="Koffieochtend", summary="Koffie drinken.", topics=[topic])
    plan = plan_failure_patterns(
        description="Wij starten een wandelgroep", user=anonymous, topic=topic
    )
    titles = [case.title for case in plan.cases]
    assert titles.index(shared.title) < titles.index(plain.title)
    assert only_topic.title in titles
    plan = plan_failure_patterns(
        description="Wij starten een wandelgroep", user=anonymous, target_group=seniors
    )
    assert [case.title for case in plan.cases][0] == shared.title


def test_a_long_description_is_read_in_full():
    description = ("Wij organiseren een inloop in de wijk. " * 6) + "Daarna volgt een moestuin."
    words = [concept.words for concept in description_concepts(description)]
    assert "moestuin" in words
    assert len(words) == len(set(words))  # each word once
    assert "project" not in [c.words for c in description_concepts("Een project met jongeren")]


def test_a_word_only_a_closed_space_has_still_finds_its_case_for_a_member(
    anonymous, member, closed_space
):
    # "kattenklub" is no public word: it is also searched as the closest public one, and
    # as typed, which finds the closed space's case for its member.
    CaseFactory(title="Kattenclub", summary="Een club voor katten.")
    closed = CaseFactory(title="Kattenklub", summary="Besloten.", space=closed_space)
    description = "Wij beginnen een kattenklub"
    assert closed in plan_failure_patterns(description=description, user=member).cases
    assert closed not in plan_failure_patterns(description=description, user=anonymous).cases
