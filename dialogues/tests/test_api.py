"""`/api/v1/dialogen` and its questions and statements."""

import pytest
from rest_framework.authtoken.models import Token

from cases.tests.factories import CaseFactory
from dialogues.tests.factories import make_dialogue
from municipalities.models import Municipality
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dialogue():
    return make_dialogue()


def test_list_and_detail_in_dutch(client, dialogue):
    body = client.get("/api/v1/dialogen").json()
    assert body["aantal"] == 1
    item = body["resultaten"][0]
    assert item["titel"] == "Dialoog over de wijk" and item["datum"] == "2020-09-17"
    assert item["aantalDeelnemers"] == 155
    assert item["_links"]["stellingen"]["href"].endswith(
        "/api/v1/dialogen/dialoog-over-de-wijk/stellingen"
    )
    detail = client.get("/api/v1/dialogen/dialoog-over-de-wijk").json()
    assert detail["beschrijving"] == "Een online dialoog over leefbaarheid."


def test_questions_in_order_with_clusters_and_peilingen(client, dialogue):
    body = client.get("/api/v1/dialogen/dialoog-over-de-wijk/vragen").json()
    assert [q["nummer"] for q in body["resultaten"]] == [1, 2]
    first, second = body["resultaten"]
    assert [(c["naam"], c["rang"]) for c in first["clusters"]] == [
        ("Vertrouwen", 1),
        ("Lange adem", 2),
    ]
    assert second["peilingen"][0]["opties"] == [
        {"tekst": "Goed", "stemmen": 12},
        {"tekst": "Matig", "stemmen": 30},
    ]


def test_statements_with_their_consensus(client, dialogue):
    body = client.get("/api/v1/dialogen/dialoog-over-de-wijk/stellingen").json()
    assert body["aantal"] == 6
    by_text = {s["tekst"]: s for s in body["resultaten"]}
    trust = by_text["Bewoners weten wat er speelt."]
    statement = dialogue.statements.get(text="Bewoners weten wat er speelt.")
    assert trust == {
        "id": statement.pk,
        "tekst": "Bewoners weten wat er speelt.",
        "label": "",
        "vraag": 1,
        "cluster": "Vertrouwen",
        "eens": 46,
        "oneens": 2,
        "neutraal": 3,
        "instemming": pytest.approx(46 / 48),
        "niveau": "top",
        "polariserend": False,
        "groepsconsensus": None,
        "themas": [],
        "praktijkvoorbeelden": [],
        "_links": {
            "self": {
                "href": "http://testserver/api/v1/dialogen/dialoog-over-de-wijk/stellingen/"
                f"{statement.pk}"
            },
            "dialoog": {"href": "http://testserver/api/v1/dialogen/dialoog-over-de-wijk"},
        },
    }
    assert by_text["Te weinig stemmen."]["niveau"] is None


def test_statement_filters(client, dialogue):
    url = "/api/v1/dialogen/dialoog-over-de-wijk/stellingen"
    assert client.get(url, {"polariserend": "true"}).json()["aantal"] == 1
    assert client.get(url, {"vraag": 1}).json()["aantal"] == 3
    assert client.get(url, {"niveau": ["top", "hoog"], "vraag": 2}).json()["aantal"] == 1


def test_bad_filters_all_at_once(client, dialogue):
    response = client.get(
        "/api/v1/dialogen/dialoog-over-de-wijk/stellingen", {"niveau": "super", "vraag": "x"}
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert {p["name"] for p in response.json()["invalidParams"]} == {"niveau", "vraag"}


@pytest.mark.parametrize("suffix", ["", "/vragen", "/stellingen"])
def test_hidden_dialogues_are_404(client, closed_space, suffix):
    make_dialogue(space=closed_space, title="Besloten")
    assert client.get(f"/api/v1/dialogen/besloten{suffix}").status_code == 404
    assert client.get("/api/v1/dialogen").json()["aantal"] == 0


def test_statements_query_count(client, dialogue, django_assert_num_queries):
    # the dialogue, the count, the page with question and cluster, their topics, their cases
    with django_assert_num_queries(5):
        client.get("/api/v1/dialogen/dialoog-over-de-wijk/stellingen")


# --- statements: id, self link, topics and cases; dialogues and municipalities -----------------

STATEMENTS = "/api/v1/dialogen/dialoog-over-de-wijk/stellingen"


@pytest.fixture
def linked(dialogue, closed_space):
    """A statement linked to a topic, a public case and a case in a closed space."""
    topic = TopicFactory(name="Vertrouwen", slug="vertrouwen")
    public = CaseFactory(title="Open buurtkamer", slug="open-buurtkamer")
    hidden = CaseFactory(title="Geheime buurtkamer", slug="geheime-buurtkamer", space=closed_space)
    statement = dialogue.statements.get(text="Bewoners weten wat er speelt.")
    statement.topics.add(topic)
    statement.cases.add(public, hidden)
    return statement


def test_a_statement_has_its_topics_and_only_the_cases_the_caller_may_see(client, linked, member):
    by_id = {s["id"]: s for s in client.get(STATEMENTS).json()["resultaten"]}
    anonymous = by_id[linked.pk]
    assert anonymous["themas"] == [{"slug": "vertrouwen", "naam": "Vertrouwen"}]
    assert anonymous["praktijkvoorbeelden"] == [
        {"slug": "open-buurtkamer", "titel": "Open buurtkamer"}
    ]

    token, _ = Token.objects.get_or_create(user=member)
    as_member = client.get(STATEMENTS, HTTP_AUTHORIZATION=f"Token {token.key}").json()
    as_member = as_member["resultaten"]
    (mine,) = [s for s in as_member if s["id"] == linked.pk]
    assert {c["slug"] for c in mine["praktijkvoorbeelden"]} == {
        "open-buurtkamer",
        "geheime-buurtkamer",
    }


def test_a_statement_links_itself_and_its_detail_answers_the_same(client, linked):
    listed = {s["id"]: s for s in client.get(STATEMENTS).json()["resultaten"]}[linked.pk]

    response = client.get(listed["_links"]["self"]["href"])

    assert response.status_code == 200
    assert response.json() == listed
    assert "Geheime" not in response.content.decode()


@pytest.mark.parametrize("statement_id", ["999999", "99999999999999999999"])
def test_a_missing_statement_is_404(client, dialogue, statement_id):
    response = client.get(f"{STATEMENTS}/{statement_id}")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_statement_of_another_dialogue_is_404_here(client, dialogue):
    other = make_dialogue(title="Andere dialoog").statements.first()

    assert client.get(f"{STATEMENTS}/{other.pk}").status_code == 404


def test_a_statement_of_a_hidden_dialogue_is_404_like_a_missing_one(client, closed_space):
    hidden = make_dialogue(space=closed_space, title="Besloten")
    statement = hidden.statements.first()

    response = client.get(f"/api/v1/dialogen/besloten/stellingen/{statement.pk}")
    missing = client.get(f"/api/v1/dialogen/bestaat-niet/stellingen/{statement.pk}")

    assert response.status_code == missing.status_code == 404
    assert response.json()["detail"] == missing.json()["detail"]


def test_statements_filter_by_topic(client, linked):
    TopicFactory(name="Geld", slug="geld")

    assert [
        s["id"] for s in client.get(STATEMENTS, {"thema": "vertrouwen"}).json()["resultaten"]
    ] == [linked.pk]
    assert client.get(STATEMENTS, {"thema": "geld"}).json()["aantal"] == 0
    bad = client.get(STATEMENTS, {"thema": "bestaat-niet"})
    assert bad.status_code == 400
    assert [p["name"] for p in bad.json()["invalidParams"]] == ["thema"]


def test_statements_query_count_does_not_grow_with_links(client, linked, django_assert_num_queries):
    for statement in linked.dialogue.statements.all():
        statement.topics.add(*linked.topics.all())
        statement.cases.add(*linked.cases.all())
    # the dialogue, the count, the page, their topics, their visible cases
    with django_assert_num_queries(5):
        client.get(STATEMENTS)


def test_a_dialogue_names_its_municipalities_and_filters_by_them(client, dialogue):
    amsterdam = Municipality.objects.get(cbs_code="GM0363")
    other = make_dialogue(title="Andere dialoog")
    dialogue.municipalities.add(amsterdam)

    detail = client.get("/api/v1/dialogen/dialoog-over-de-wijk").json()
    assert detail["gemeenten"] == [
        {"slug": amsterdam.slug, "naam": "Amsterdam", "cbsCode": "GM0363"}
    ]
    for value in ("GM0363", "gm0363", amsterdam.slug):
        body = client.get("/api/v1/dialogen", {"gemeente": value}).json()
        assert [d["slug"] for d in body["resultaten"]] == [dialogue.slug], value
    assert client.get("/api/v1/dialogen").json()["aantal"] == 2
    assert other.municipalities.count() == 0
    bad = client.get("/api/v1/dialogen", {"gemeente": "GM9998"})
    assert bad.status_code == 400
    assert [p["name"] for p in bad.json()["invalidParams"]] == ["gemeente"]


def test_the_dialogue_list_query_count(client, django_assert_num_queries):
    for n in range(3):
        make_dialogue(title=f"Dialoog {n}").municipalities.add(*Municipality.objects.all()[:2])
    # the count, the page, their municipalities
    with django_assert_num_queries(3):
        client.get("/api/v1/dialogen")


def test_a_dialogue_detail_has_last_modified(client, dialogue):
    response = client.get("/api/v1/dialogen/dialoog-over-de-wijk")

    assert response["Last-Modified"]
    assert response.json()["gewijzigdOp"]
    since = response["Last-Modified"]
    again = client.get("/api/v1/dialogen/dialoog-over-de-wijk", HTTP_IF_MODIFIED_SINCE=since)
    assert again.status_code == 304
