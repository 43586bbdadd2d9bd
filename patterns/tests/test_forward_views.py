"""Vooruit falen, the pages: the form (POST only, clear Dutch errors, nothing stored), the
results, keeping a checklist on the personal page (the owner's alone) and removing it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.services import account_close
from cases.models import Case
from cases.tests.factories import CaseFactory
from forward import services
from forward.models import SavedChecklist
from patterns.forward import plan_failure_patterns
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from spaces.tests.factories import UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

PLAN_URL = "/vooruit-falen/"
SAVE_URL = "/vooruit-falen/bewaar/"
PLAN = "We willen een buurtmoestuin beginnen met bewoners en de woningcorporatie."


@pytest.fixture
def world(closed_space):
    pattern = FailurePatternFactory(
        name="Trekkers haken af",
        slug="trekkers-haken-af",
        summary="Het hangt aan een paar mensen.",
        courses_of_action="Zoek meteen een tweede trekker\nVier kleine successen",
    )
    cases = [
        CaseFactory(
            title=f"Buurtmoestuin {name}",
            slug=f"buurtmoestuin-{name.lower()}",
            summary="Een buurtmoestuin met bewoners en de woningcorporatie.",
            outcome="mislukt",
        )
        for name in ("Noord", "Zuid", "Oost")
    ]
    for case in cases[:2]:
        CasePatternFactory(case=case, pattern=pattern)
    hidden = CaseFactory(
        title="Geheime buurtmoestuin",
        slug="geheime-buurtmoestuin",
        summary="Een buurtmoestuin met bewoners en de woningcorporatie, besloten.",
        space=closed_space,
    )
    secret = FailurePatternFactory(name="Geheim patroon", slug="geheim-patroon")
    CasePatternFactory(case=hidden, pattern=secret)
    return {"pattern": pattern, "cases": cases, "hidden": hidden}


def post_plan(client, **data):
    return client.post(PLAN_URL, {"description": PLAN, **data})


def test_the_form(client):
    response = client.get(PLAN_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Wat gaat u doen?" in page
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page


def test_a_plan_gets_its_patterns_cases_and_checklist_and_nothing_is_stored(client, world):
    response = post_plan(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert "In 2 van de 3 vergelijkbare praktijkvoorbeelden speelde dit patroon" in page
    assert "Trekkers haken af" in page
    assert 'href="http://testserver/praktijkvoorbeelden/buurtmoestuin-noord/"' in page
    assert 'type="checkbox" name="ticked" value="trekkers-haken-af:0"' in page
    assert "Zoek meteen een tweede trekker" in page
    assert "Log in om op te slaan" in page
    assert 'action="/vooruit-falen/bewaar/"' not in page  # no save form for anonymous
    assert "no-store" in response["Cache-Control"]
    # Hidden cases never show, nor their patterns.
    assert "Geheime buurtmoestuin" not in page and "Geheim patroon" not in page
    assert SavedChecklist.objects.count() == 0


def test_a_signed_in_plan_is_not_stored_either(client, world):
    client.force_login(UserFactory())
    page = post_plan(client).content.decode()
    assert 'action="/vooruit-falen/bewaar/"' in page
    assert "Bewaar op Mijn kennisplatform" in page
    assert SavedChecklist.objects.count() == 0


def test_the_member_of_the_closed_space_sees_its_case(client, world, member):
    client.force_login(member)
    page = post_plan(client).content.decode()
    assert "Geheime buurtmoestuin" in page and "Geheim patroon" in page


def test_too_few_comparable_cases_are_said_to_be_too_few(client):
    CaseFactory(title="Kunstgrasveld in het park", summary="Een kunstgrasveld aanleggen.")
    page = client.post(
        PLAN_URL, {"description": "Wij leggen een kunstgrasveld aan in het park"}
    ).content.decode()
    assert "We vonden maar 1 vergelijkbaar praktijkvoorbeeld" in page
    assert "te weinig om te zeggen wat vaak misgaat" in page


def test_nothing_comparable(client, db):
    page = client.post(PLAN_URL, {"description": "Xylofoonconcert op de maan"}).content.decode()
    assert "We vonden geen vergelijkbare praktijkvoorbeelden" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"description": ""}, "Beschrijf in een paar zinnen wat u gaat doen."),
        ({"description": "moestuin"}, "Vertel iets meer: gebruik minstens 3 woorden."),
        ({"description": "woord " * 500}, "Uw beschrijving is te lang"),
        ({"description": PLAN, "topic": "999999"}, "Kies een thema uit de lijst."),
        ({"description": PLAN, "target_group": "x"}, "Kies een doelgroep uit de lijst."),
        ({"description": PLAN, "municipality": "999999"}, "Kies een gemeente uit de lijst."),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(client, world, data, message):
    client.force_login(UserFactory())
    for url in (PLAN_URL, SAVE_URL):
        response = client.post(url, data)
        assert response.status_code == 400
        assert message in response.content.decode()
    assert SavedChecklist.objects.count() == 0


def test_a_get_never_answers_a_plan(client, world):
    response = client.get(PLAN_URL, {"description": PLAN})
    assert "Trekkers haken af" not in response.content.decode()


def test_saving_keeps_the_checklist_and_the_ticks_for_the_owner(client, world):
    owner = UserFactory()
    topic = TopicFactory(name="Groen", slug="groen")
    client.force_login(owner)
    response = client.post(
        SAVE_URL,
        {
            "description": PLAN,
            "topic": topic.pk,
            "ticked": ["trekkers-haken-af:1", "geheim-patroon:0", "onzin"],
        },
    )
    checklist = SavedChecklist.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("forward:saved", kwargs={"pk": checklist.pk})
    assert checklist.owner == owner and checklist.topic == topic
    assert checklist.description == PLAN
    [item] = checklist.items
    assert item["pattern"] == "trekkers-haken-af" and item["count"] == 2
    assert [action["done"] for action in item["actions"]] == [False, True]
    page = client.get(response["Location"]).content.decode()
    assert "Vier kleine successen" in page and "Buurtmoestuin Noord" in page
    assert 'value="trekkers-haken-af:1" id="actie-trekkers-haken-af1" checked' in page
    mine = client.get("/mijn/").content.decode()
    assert checklist.title in mine and checklist.get_absolute_url() in mine


def test_anonymous_visitors_cannot_save(client, world):
    response = client.post(SAVE_URL, {"description": PLAN})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert SavedChecklist.objects.count() == 0


def saved_for(user) -> SavedChecklist:
    plan = plan_failure_patterns(description=PLAN, user=user)
    return services.checklist_save(user=user, plan=plan, description=PLAN)


def test_only_the_owner_sees_ticks_or_deletes_a_checklist(client, world):
    owner, other = UserFactory(), UserFactory()
    checklist = saved_for(owner)
    url = checklist.get_absolute_url()
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.post(f"{url}vinkjes/", {"ticked": ["trekkers-haken-af:0"]}).status_code == 404
    assert client.post(f"{url}verwijderen/").status_code == 404
    assert PLAN not in client.get("/mijn/").content.decode()
    checklist.refresh_from_db()
    assert not any(action["done"] for action in checklist.items[0]["actions"])
    client.force_login(owner)
    response = client.post(f"{url}vinkjes/", {"ticked": ["trekkers-haken-af:0"]})
    assert response.status_code == 302
    checklist.refresh_from_db()
    assert [a["done"] for a in checklist.items[0]["actions"]] == [True, False]
    response = client.post(f"{url}verwijderen/")
    assert response.status_code == 302 and response["Location"] == "/mijn/#mijn-checklists"
    assert not SavedChecklist.objects.exists()
    assert client.get(url).status_code == 404


def test_a_case_hidden_since_saving_is_not_shown_from_the_checklist(client, world):
    owner = UserFactory()
    checklist = saved_for(owner)
    Case.objects.filter(pk=world["cases"][0].pk).update(live=False)
    client.force_login(owner)
    page = client.get(checklist.get_absolute_url()).content.decode()
    assert "Buurtmoestuin Noord" not in page
    assert "Speelde in 1 praktijkvoorbeeld" in page


def test_there_is_a_limit_to_what_one_person_keeps(client, world, monkeypatch):
    owner = UserFactory()
    monkeypatch.setattr(services, "MAX_SAVED_CHECKLISTS", 2)
    saved_for(owner)
    saved_for(owner)
    client.force_login(owner)
    response = client.post(SAVE_URL, {"description": PLAN})
    assert response.status_code == 400
    assert "U heeft al 2 checklists bewaard" in response.content.decode()
    assert SavedChecklist.objects.count() == 2


def test_closing_the_account_removes_the_checklists(world):
    owner = UserFactory()
    saved_for(owner)
    account_close(user=owner)
    assert not SavedChecklist.objects.exists()


def test_the_results_page_has_a_fixed_number_of_queries(client, django_assert_num_queries):
    topic = TopicFactory(name="Groen", slug="groen")

    def grow(start: int, count: int) -> None:
        for n in range(start, start + count):
            case = CaseFactory(
                title=f"Moestuin {n}",
                summary="Een buurtmoestuin met bewoners.",
                topics=[topic],
            )
            CasePatternFactory(case=case, pattern=FailurePatternFactory())
            CasePatternFactory(case=case, pattern=FailurePatternFactory(), avoided=True)

    data = {"description": PLAN, "topic": topic.pk}
    grow(0, 3)
    client.post(PLAN_URL, data)  # warm the caches (content state, thesaurus)
    with django_assert_num_queries(QUERIES):
        client.post(PLAN_URL, data)
    grow(3, 15)
    client.post(PLAN_URL, data)
    with django_assert_num_queries(QUERIES):
        response = client.post(PLAN_URL, data)
    assert response.content.decode().count('class="forward-pattern"') == 12


QUERIES = 11
