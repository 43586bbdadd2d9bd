"""For systems that sync: ETag and 304 Not Modified on every read, Last-Modified and
If-Modified-Since on the details whose body is their own fields, `gewijzigdOp` on every resource,
`gewijzigdSinds` and `sorteer` on every list. Runs on SQLite and on PostgreSQL alike."""

import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import http_date

from cases.models import Case
from cases.tests.factories import CaseFactory
from connectors.models import Connector
from connectors.tests.factories import ConnectorFactory
from dialogues.models import Dialogue
from dialogues.tests.factories import make_dialogue
from discussions.models import Discussion
from discussions.tests.factories import DiscussionFactory
from municipalities.models import Municipality
from spaces.models import Space
from topics.models import Topic
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

CASES = "/api/v1/praktijkvoorbeelden"
LONG_AGO = datetime.datetime(2020, 1, 1, 12, 0, tzinfo=datetime.UTC)
LATER = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def case(db):
    return CaseFactory(title="De buurtkamer", slug="de-buurtkamer")


def set_modified(queryset, moment, field="updated_at"):
    """Backdate (update() skips auto_now): what a syncing system saw before."""
    queryset.update(**{field: moment})


# --- ETag and 304 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        CASES,
        f"{CASES}/de-buurtkamer",
        "/api/v1/themas",
        "/api/v1/gemeenten/GM0363",
        "/api/v1/ruimtes",
    ],
)
def test_a_read_has_an_etag_and_the_same_etag_answers_304_without_a_body(client, case, path):
    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.strip('W/"')

    again = client.get(path, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["API-Version"] == settings.API_VERSION
    vary = {name.strip() for name in again["Vary"].split(",")}
    assert {"Authorization", "Cookie", "Accept-Language"} <= vary


def test_another_etag_gets_the_whole_answer(client, case):
    response = client.get(CASES, HTTP_IF_NONE_MATCH='"iets-anders"')

    assert response.status_code == 200
    assert response.json()["aantal"] == 1


def test_a_change_gives_another_etag(client, case):
    etag = client.get(CASES)["ETag"]
    case.title = "De nieuwe buurtkamer"
    case.save()

    response = client.get(CASES, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["resultaten"][0]["titel"] == "De nieuwe buurtkamer"


def test_a_case_hidden_from_the_list_gives_another_etag(client, case, closed_space):
    CaseFactory(title="Nog een")
    etag = client.get(CASES)["ETag"]
    Case.objects.filter(pk=case.pk).update(space=closed_space)  # no newer gewijzigdOp

    response = client.get(CASES, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response.json()["aantal"] == 1


def test_a_member_and_an_anonymous_caller_get_other_etags(
    client, case, closed_space, member, token_headers
):
    CaseFactory(title="Alleen voor leden", space=closed_space)
    anonymous = client.get(CASES)

    as_member = client.get(CASES, HTTP_IF_NONE_MATCH=anonymous["ETag"], **token_headers(member))

    assert as_member.status_code == 200
    assert as_member["ETag"] != anonymous["ETag"]
    assert as_member.json()["aantal"] == 2
    # The member's own ETag works for them.
    etag = as_member["ETag"]
    assert client.get(CASES, HTTP_IF_NONE_MATCH=etag, **token_headers(member)).status_code == 304


def test_a_304_comes_from_the_page_cache_too(client, case, settings):
    settings.PAGE_CACHE = True
    cache.clear()
    first = client.get(CASES)
    assert client.get(CASES)["X-Paginacache"] == "hit"

    again = client.get(CASES, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["API-Version"] == settings.API_VERSION


def test_errors_have_no_etag(client, case):
    response = client.get(f"{CASES}/bestaat-niet")

    assert response.status_code == 404
    assert "ETag" not in response


# --- Last-Modified and If-Modified-Since --------------------------------------------------------


def test_a_case_detail_has_its_gewijzigdop_as_last_modified(client, case):
    set_modified(Case.objects.filter(pk=case.pk), LONG_AGO)

    response = client.get(f"{CASES}/de-buurtkamer")

    assert response["Last-Modified"] == http_date(LONG_AGO.timestamp())
    assert response.json()["gewijzigdOp"] == "2020-01-01T13:00:00+01:00"


def test_if_modified_since_answers_304_until_the_case_changes(client, case):
    set_modified(Case.objects.filter(pk=case.pk), LONG_AGO)
    since = http_date(LONG_AGO.timestamp())
    assert client.get(f"{CASES}/de-buurtkamer", HTTP_IF_MODIFIED_SINCE=since).status_code == 304

    case.summary = "Nieuw."
    case.save()

    response = client.get(f"{CASES}/de-buurtkamer", HTTP_IF_MODIFIED_SINCE=since)
    assert response.status_code == 200
    assert response.json()["samenvatting"] == "Nieuw."


def test_if_modified_since_does_not_hide_a_hidden_case(client, case, closed_space):
    set_modified(Case.objects.filter(pk=case.pk), LONG_AGO)
    Case.objects.filter(pk=case.pk).update(space=closed_space)

    response = client.get(
        f"{CASES}/de-buurtkamer", HTTP_IF_MODIFIED_SINCE=http_date(LATER.timestamp())
    )

    assert response.status_code == 404


def test_lists_have_no_last_modified_so_if_modified_since_never_skips_a_list(client, case):
    set_modified(Case.objects.all(), LONG_AGO)

    response = client.get(CASES, HTTP_IF_MODIFIED_SINCE=http_date(LATER.timestamp()))

    assert response.status_code == 200
    assert "Last-Modified" not in response


def test_if_none_match_wins_over_if_modified_since(client, case):
    set_modified(Case.objects.filter(pk=case.pk), LONG_AGO)

    response = client.get(
        f"{CASES}/de-buurtkamer",
        HTTP_IF_NONE_MATCH='"iets-anders"',
        HTTP_IF_MODIFIED_SINCE=http_date(LATER.timestamp()),
    )

    assert response.status_code == 200


# --- gewijzigdSinds on every list --------------------------------------------------------------


def _lists():
    """Every list, with a way to make one old and one new item of it."""
    topic_old, topic_new = TopicFactory(slug="oud-thema"), TopicFactory(slug="nieuw-thema")
    old, new = CaseFactory(slug="oud"), CaseFactory(slug="nieuw")
    set_modified(Case.objects.filter(pk=old.pk), LONG_AGO)
    set_modified(Case.objects.filter(pk=new.pk), LATER)
    make_dialogue(title="Oude dialoog")
    make_dialogue(title="Nieuwe dialoog")
    set_modified(Dialogue.objects.filter(slug="oude-dialoog"), LONG_AGO)
    set_modified(Dialogue.objects.filter(slug="nieuwe-dialoog"), LATER)
    ConnectorFactory(slug="oud-persoon"), ConnectorFactory(slug="nieuw-persoon")
    set_modified(Connector.objects.filter(slug="oud-persoon"), LONG_AGO)
    set_modified(Connector.objects.filter(slug="nieuw-persoon"), LATER)
    public = Space.objects.create(name="Open", slug="open-oud", visibility="openbaar")
    Space.objects.create(name="Open 2", slug="open-nieuw", visibility="openbaar")
    set_modified(Space.objects.filter(slug="open-oud"), LONG_AGO)
    set_modified(Space.objects.filter(slug="open-nieuw"), LATER)
    DiscussionFactory(space=public, title="Oude vraag")
    DiscussionFactory(space=public, title="Nieuwe vraag")
    set_modified(Discussion.objects.filter(title="Oude vraag"), LONG_AGO, "last_activity_at")
    set_modified(Discussion.objects.filter(title="Nieuwe vraag"), LATER, "last_activity_at")
    # Last: the factories above make topics and municipalities of their own.
    set_modified(Topic.objects.all(), LONG_AGO)
    set_modified(Topic.objects.filter(pk=topic_new.pk), LATER)
    set_modified(Municipality.objects.all(), LONG_AGO)
    set_modified(Municipality.objects.filter(cbs_code="GM0363"), LATER)
    return topic_old


LISTS = {
    CASES: ("slug", "nieuw"),
    "/api/v1/themas": ("slug", "nieuw-thema"),
    "/api/v1/gemeenten": ("cbsCode", "GM0363"),
    "/api/v1/dialogen": ("slug", "nieuwe-dialoog"),
    "/api/v1/wijkschakelaars": ("slug", "nieuw-persoon"),
    "/api/v1/ruimtes": ("slug", "open-nieuw"),
    "/api/v1/discussies": ("titel", "Nieuwe vraag"),
}


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    "since", ["2024-01-01T00:00:00Z", "2024-01-01T01:00:00+01:00", "2024-01-01", "2024-06-01T14:00"]
)
def test_gewijzigdsinds_gives_only_what_changed_since(client, path, since):
    _lists()
    key, newest = LISTS[path]

    body = client.get(path, {"gewijzigdSinds": since}).json()

    assert [item[key] for item in body["resultaten"]] == [newest]
    assert body["resultaten"][0]["gewijzigdOp"].startswith("2024-06-01T14:00:00")
    assert client.get(path, {"gewijzigdSinds": "2024-06-01T12:00:01Z"}).json()["aantal"] == 0


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    "value",
    [
        "gisteren",
        "2024-13-01",
        "2024-02-30",
        "2024-01-01T25:00",
        "1",
        "99999-01-01",
        "20240101",
        "2024-01-01 12:00",
        "0001-01-01T00:00:00+23:59",
    ],
)
def test_a_bad_gewijzigdsinds_is_a_400_in_dutch(client, path, value):
    response = client.get(path, {"gewijzigdSinds": value})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    (problem,) = response.json()["invalidParams"]
    assert problem["name"] == "gewijzigdSinds"
    assert "ISO 8601" in problem["reason"]


def test_gewijzigdsinds_works_with_search_words_and_filters(client):
    old = CaseFactory(title="Buurtkamer oud", outcome="geslaagd")
    CaseFactory(title="Buurtkamer nieuw", outcome="geslaagd")
    CaseFactory(title="Buurtkamer ander", outcome="mislukt")
    set_modified(Case.objects.filter(pk=old.pk), LONG_AGO)
    query = {"q": "buurtkamer", "uitkomst": "geslaagd", "gewijzigdSinds": "2021-01-01"}

    body = client.get(CASES, query).json()

    assert [item["titel"] for item in body["resultaten"]] == ["Buurtkamer nieuw"]


def test_gewijzigdsinds_is_not_taken_by_details_or_sublists(client, case):
    make_dialogue()
    for path in (f"{CASES}/de-buurtkamer", "/api/v1/dialogen/dialoog-over-de-wijk/stellingen"):
        response = client.get(path, {"gewijzigdSinds": "2024-01-01"})
        assert response.status_code == 400


# --- sorteer -------------------------------------------------------------------------------------


def test_cases_sort_by_title_and_by_gewijzigdop(client):
    for title, moment in (("Bram", LATER), ("Anna", LONG_AGO), ("Cor", timezone.now())):
        set_modified(Case.objects.filter(pk=CaseFactory(title=title).pk), moment)

    def titles(sort):
        return [item["titel"] for item in client.get(CASES, {"sorteer": sort}).json()["resultaten"]]

    assert titles("titel") == ["Anna", "Bram", "Cor"]
    assert titles("-titel") == ["Cor", "Bram", "Anna"]
    assert titles("gewijzigdOp") == ["Anna", "Bram", "Cor"]
    assert titles("-gewijzigdOp") == ["Cor", "Bram", "Anna"]


def test_sorting_search_results(client):
    CaseFactory(title="Zuid buurtkamer")
    CaseFactory(title="Amstel buurtkamer")

    body = client.get(CASES, {"q": "buurtkamer", "sorteer": "titel"}).json()

    assert [item["titel"] for item in body["resultaten"]] == [
        "Amstel buurtkamer",
        "Zuid buurtkamer",
    ]


@pytest.mark.parametrize(
    "path", ["/api/v1/themas", "/api/v1/gemeenten", "/api/v1/dialogen", "/api/v1/ruimtes"]
)
def test_every_list_sorts_by_gewijzigdop(client, path):
    _lists()

    items = client.get(path, {"sorteer": "-gewijzigdOp", "paginaGrootte": 100}).json()["resultaten"]

    moments = [item["gewijzigdOp"] for item in items]
    assert moments == sorted(moments, reverse=True)


@pytest.mark.parametrize("value", ["onzin", "title", "--titel"])
def test_an_unknown_sort_is_a_400_that_names_the_choices(client, value):
    response = client.get(CASES, {"sorteer": value})

    assert response.status_code == 400
    (problem,) = response.json()["invalidParams"]
    assert problem["name"] == "sorteer"
    assert "-gewijzigdOp" in problem["reason"]


def test_the_schema_documents_gewijzigdsinds_and_sorteer(client):
    document = client.get("/api/v1/openapi.json").json()

    for path in ("/praktijkvoorbeelden", "/themas", "/gemeenten", "/dialogen", "/ruimtes"):
        parameters = {p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]}
        assert parameters["gewijzigdSinds"]["type"] == "string", path
        assert parameters["gewijzigdSinds"]["pattern"].startswith("^$|"), path
        assert "-gewijzigdOp" in parameters["sorteer"]["enum"], path
        assert "" in parameters["sorteer"]["enum"], path  # empty: the list's own order
    details = document["paths"]["/praktijkvoorbeelden/{slug}"]["get"]["parameters"]
    assert "gewijzigdSinds" not in {p["name"] for p in details}


def test_the_schema_documents_the_etag_and_304_on_every_read(client):
    document = client.get("/api/v1/openapi.json").json()

    for path, item in document["paths"].items():
        responses = item["get"]["responses"]
        assert "ETag" in responses["200"]["headers"], path
        assert "API-Version" in responses["304"]["headers"], path
