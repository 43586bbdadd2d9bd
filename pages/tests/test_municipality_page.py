"""The municipality page: its cases by outcome with counts, its wijkschakelaars, and cases from
its province when it has few of its own; hidden content counts nowhere; a fixed number of
queries however many cases."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from dialogues.tests.factories import make_dialogue
from municipalities.models import Municipality
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def zwolle():
    # Every real municipality is there from the start (a data migration).
    return Municipality.objects.get(cbs_code="GM0193")


@pytest.fixture
def deventer():
    return Municipality.objects.get(cbs_code="GM0150")


def test_cases_by_outcome_with_counts(client, zwolle, closed_space):
    CaseFactory(municipality=zwolle, title="Geslaagd een", outcome=Outcome.SUCCESS)
    CaseFactory(municipality=zwolle, title="Geslaagd twee", outcome=Outcome.SUCCESS)
    CaseFactory(municipality=zwolle, title="Mislukte aanpak", outcome=Outcome.FAILURE)
    CaseFactory(municipality=zwolle, title="Concept mislukt", outcome=Outcome.FAILURE, live=False)
    CaseFactory(
        municipality=zwolle, title="Besloten mislukt", outcome=Outcome.FAILURE, space=closed_space
    )
    response = client.get("/gemeenten/zwolle/")
    body = response.content.decode()
    assert response.context["total"] == 3
    assert [(v, n) for v, _label, n in response.context["outcomes"]] == [
        ("geslaagd", 2),
        ("mislukt", 1),
        ("gemengd", 0),
    ]
    assert "Alle (3)" in body and "Geslaagd (2)" in body and "Mislukt (1)" in body
    assert "Gemengd (0)" in body
    assert "Concept mislukt" not in body and "Besloten mislukt" not in body

    failures = client.get("/gemeenten/zwolle/", {"uitkomst": "mislukt"})
    titles = [case.title for case in failures.context["page"]]
    assert titles == ["Mislukte aanpak"]
    assert 'href="?uitkomst=mislukt" aria-current="true"' in failures.content.decode()
    mixed = client.get("/gemeenten/zwolle/", {"uitkomst": "gemengd"}).content.decode()
    assert "Er zijn geen praktijkvoorbeelden met deze uitkomst uit deze gemeente." in mixed


def test_an_unknown_outcome_shows_all_cases_and_says_so(client, zwolle):
    CaseFactory(municipality=zwolle, outcome=Outcome.SUCCESS)
    CaseFactory(municipality=zwolle, outcome=Outcome.FAILURE)
    response = client.get("/gemeenten/zwolle/", {"uitkomst": "prima"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2
    assert "Die uitkomst kennen we niet" in response.content.decode()


def test_its_wijkschakelaars_with_consent_only(client, zwolle, deventer):
    ConnectorFactory(name="Sam Schakel", municipality=zwolle)
    ConnectorFactory(name="Zonder Toestemming", municipality=zwolle, consent=False)
    ConnectorFactory(name="Dana Deventer", municipality=deventer)
    body = client.get("/gemeenten/zwolle/").content.decode()
    assert "Wijkschakelaars in Zwolle" in body
    assert "Sam Schakel" in body
    assert "Zonder Toestemming" not in body and "Dana Deventer" not in body


def test_few_cases_of_its_own_brings_in_the_province(client, zwolle, deventer, closed_space):
    CaseFactory(municipality=zwolle, title="Eigen voorbeeld")
    CaseFactory(municipality=deventer, title="Deventer buurtkamer")
    CaseFactory(municipality=deventer, title="Deventer besloten", space=closed_space)
    CaseFactory(
        municipality=Municipality.objects.get(cbs_code="GM0344"), title="Elders in het land"
    )
    response = client.get("/gemeenten/zwolle/")
    body = response.content.decode()
    assert "Uit andere gemeenten in Overijssel" in body
    assert [case.title for case in response.context["nearby"]] == ["Deventer buurtkamer"]
    assert "Deventer besloten" not in body and "Elders in het land" not in body
    # Enough of its own: no borrowed cases.
    CaseFactory(municipality=zwolle)
    CaseFactory(municipality=zwolle)
    response = client.get("/gemeenten/zwolle/")
    assert list(response.context["nearby"]) == []
    assert "Uit andere gemeenten" not in response.content.decode()


def test_a_member_sees_the_closed_case_counted(client_for, zwolle, closed_space, member):
    CaseFactory(municipality=zwolle, outcome=Outcome.FAILURE, space=closed_space)
    response = client_for(member).get("/gemeenten/zwolle/")
    assert response.context["total"] == 1


def test_its_dialogues_visible_ones_only(client_for, anonymous, zwolle, closed_space, member):
    make_dialogue(title="Dialoog over Zwolle-Zuid").municipalities.add(zwolle)
    make_dialogue(title="Besloten dialoog Zwolle", space=closed_space).municipalities.add(zwolle)
    make_dialogue(title="Dialoog elders")
    body = client_for(anonymous).get("/gemeenten/zwolle/").content.decode()
    assert "Dialogen over Zwolle" in body and "Dialoog over Zwolle-Zuid" in body
    assert "Besloten dialoog Zwolle" not in body and "Dialoog elders" not in body
    assert (
        "Besloten dialoog Zwolle" in client_for(member).get("/gemeenten/zwolle/").content.decode()
    )


def _fill(municipality, neighbour, cases: int):
    topic = TopicFactory()
    for n in range(cases):
        CaseFactory(municipality=municipality, topics=[topic], outcome=list(Outcome)[n % 3])
        CaseFactory(municipality=neighbour, topics=[topic])
        ConnectorFactory(municipality=municipality, topics=[topic])
        make_dialogue(title=f"Dialoog {n}").municipalities.add(municipality)


# municipality, counts per outcome, page count, page of cases, their topics, wijkschakelaars and
# their topics, dialogues; with few cases also the province's cases and their topics.
@pytest.mark.parametrize(("cases", "queries"), [(1, 11), (2, 11), (3, 9), (20, 9)])
def test_a_fixed_number_of_queries(
    client, zwolle, deventer, cases, queries, django_assert_num_queries
):
    _fill(zwolle, deventer, cases)
    with django_assert_num_queries(queries):
        response = client.get("/gemeenten/zwolle/")
    assert response.context["total"] == cases
    with django_assert_num_queries(queries):
        client.get("/gemeenten/zwolle/", {"uitkomst": "geslaagd"})
