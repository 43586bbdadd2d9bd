"""`/api/v1/dialogen` and its questions and statements."""

import pytest

from dialogues.tests.factories import make_dialogue

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
