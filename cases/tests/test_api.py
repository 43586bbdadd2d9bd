"""The practice cases API: `/api/v1/praktijkvoorbeelden`.

What a caller gets: the content of lists and details, the same filters as the site, old
addresses that keep working, exactly the cases they may see, and a fixed number of queries.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from rest_framework.authtoken.models import Token
from wagtail.documents.models import Document

from cases.models import CaseAttachment, CaseSource, Domain, EvidenceLevel, Outcome, TargetGroup
from cases.tests.factories import CaseFactory
from municipalities.tests.factories import MunicipalityFactory
from patterns.tests.factories import CasePatternFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

CASES = "/api/v1/praktijkvoorbeelden"


def token_headers(user) -> dict:
    token, _ = Token.objects.get_or_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Token {token.key}"}


def slugs(response) -> list[str]:
    assert response.status_code == 200
    return [item["slug"] for item in response.json()["resultaten"]]


# --- content -----------------------------------------------------------------------------------


@pytest.fixture
def amsterdam(db):
    return MunicipalityFactory(name="Amsterdam", slug="amsterdam", cbs_code="GM0363")


@pytest.fixture
def rich_case(db, amsterdam, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    topics = [
        TopicFactory(name="Buurtkracht", slug="buurtkracht", sort_order=1),
        TopicFactory(name="Jeugd in de wijk", slug="jeugd-in-de-wijk", sort_order=2),
    ]
    case = CaseFactory(
        title="De buurtkamer in Noord",
        slug="de-buurtkamer-in-noord",
        summary="Bewoners openden samen een buurtkamer.",
        outcome=Outcome.MIXED,
        evidence_level=EvidenceLevel.WELL_DESCRIBED,
        context="Er was geen ontmoetingsplek.",
        approach="Een leegstaand winkelpand.",
        results="Veertig vaste bezoekers.",
        what_worked="Bewoners hadden de sleutel.",
        what_went_wrong="De financiering stopte na een jaar.",
        lessons="Regel meerjarig geld.",
        courses_of_action="Zoek een pand\n\n  Geef bewoners de sleutel  \n",
        neighbourhoods="Banne, Tuindorp Oostzaan ,",
        period_start=2019,
        period_end=2022,
        is_example=True,
        municipality=amsterdam,
        topics=topics,
        domains=list(Domain.objects.filter(slug__in=["gemeente", "welzijn"])),
        target_groups=list(TargetGroup.objects.filter(slug__in=["ouderen"])),
        tags=["sport", "Buurtkamer"],
        first_published_at=datetime.datetime(2024, 3, 1, 12, 0, tzinfo=datetime.UTC),
        last_published_at=datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.UTC),
    )
    CaseSource.objects.create(case=case, title="Evaluatie 2022", url="https://example.org/ev")
    document = Document.objects.create(
        title="Verslag", file=ContentFile(b"%PDF-1.4", name="verslag.pdf")
    )
    CaseAttachment.objects.create(case=case, document=document)
    return case


def test_a_list_item_summarises_the_case(client, rich_case):
    (item,) = client.get(CASES).json()["resultaten"]

    rich_case.refresh_from_db()
    assert datetime.datetime.fromisoformat(item.pop("gewijzigdOp")) == rich_case.updated_at
    assert item == {
        "slug": "de-buurtkamer-in-noord",
        "titel": "De buurtkamer in Noord",
        "samenvatting": "Bewoners openden samen een buurtkamer.",
        "uitkomst": "gemengd",
        "bewijsniveau": "goed_beschreven",
        "gemeente": {"slug": "amsterdam", "naam": "Amsterdam", "cbsCode": "GM0363"},
        "themas": [
            {"slug": "buurtkracht", "naam": "Buurtkracht"},
            {"slug": "jeugd-in-de-wijk", "naam": "Jeugd in de wijk"},
        ],
        "isVoorbeeld": True,
        "gepubliceerdOp": "2024-03-01T13:00:00+01:00",
        "_links": {
            "self": {"href": "http://testserver/api/v1/praktijkvoorbeelden/de-buurtkamer-in-noord"},
            "webpagina": {"href": "http://testserver/praktijkvoorbeelden/de-buurtkamer-in-noord/"},
        },
    }


def test_a_detail_tells_the_whole_case(client, rich_case):
    body = client.get(f"{CASES}/de-buurtkamer-in-noord").json()

    assert body["titel"] == "De buurtkamer in Noord"
    assert body["aanleiding"] == "Er was geen ontmoetingsplek."
    assert body["aanpak"] == "Een leegstaand winkelpand."
    assert body["resultaten"] == "Veertig vaste bezoekers."
    assert body["werkzameElementen"] == "Bewoners hadden de sleutel."
    assert body["watGingMis"] == "De financiering stopte na een jaar."
    assert body["lessen"] == "Regel meerjarig geld."
    assert body["handelingsperspectieven"] == ["Zoek een pand", "Geef bewoners de sleutel"]
    assert body["wijken"] == ["Banne", "Tuindorp Oostzaan"]
    assert body["periode"] == {"van": 2019, "tot": 2022}
    assert body["domeinen"] == [
        {"slug": "gemeente", "naam": "Gemeente"},
        {"slug": "welzijn", "naam": "Welzijn"},
    ]
    assert body["doelgroepen"] == [{"slug": "ouderen", "naam": "Ouderen"}]
    assert body["trefwoorden"] == ["Buurtkamer", "sport"]
    assert body["bronnen"] == [{"titel": "Evaluatie 2022", "url": "https://example.org/ev"}]
    (attachment,) = body["bijlagen"]
    assert attachment["titel"] == "Verslag"
    assert attachment["url"].startswith("http://testserver/documenten/")
    assert attachment["url"].endswith("/verslag.pdf")
    assert body["ruimte"] is None
    assert body["gepubliceerdOp"] == "2024-03-01T13:00:00+01:00"
    assert body["laatstGepubliceerdOp"] == "2024-05-01T14:00:00+02:00"
    assert body["gemeente"]["cbsCode"] == "GM0363"


def test_a_case_in_a_public_space_names_its_space(client, public_space):
    CaseFactory(slug="uit-het-netwerk", space=public_space)

    body = client.get(f"{CASES}/uit-het-netwerk").json()

    assert body["ruimte"] == {"slug": "open", "naam": "Open netwerk"}


def test_a_case_without_municipality_or_period(client):
    CaseFactory(slug="landelijk", municipality=None)

    body = client.get(f"{CASES}/landelijk").json()

    assert body["gemeente"] is None
    assert body["periode"] == {"van": None, "tot": None}


def test_the_list_shows_the_newest_first(client):
    now = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    for slug, days_ago in [("middel", 5), ("nieuwst", 1), ("oudst", 30)]:
        CaseFactory(slug=slug, first_published_at=now - datetime.timedelta(days=days_ago))

    assert slugs(client.get(CASES)) == ["nieuwst", "middel", "oudst"]


def test_an_unknown_slug_is_not_found(client, rich_case):
    response = client.get(f"{CASES}/bestaat-niet")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


# --- filters: the same as on the site ----------------------------------------------------------


@pytest.fixture
def filter_cases(db, closed_space):
    """Three visible cases, and a draft and a closed-space case that match every filter."""
    veilig = TopicFactory(name="Veilig", slug="veilig")
    jong = TopicFactory(name="Jong", slug="jong")
    noord = MunicipalityFactory(name="Noord", slug="noord")
    zuid = MunicipalityFactory(name="Zuid", slug="zuid")
    domain = {d.slug: d for d in Domain.objects.all()}
    group = {g.slug: g for g in TargetGroup.objects.all()}
    CaseFactory(
        slug="a",
        outcome=Outcome.SUCCESS,
        topics=[veilig],
        municipality=noord,
        domains=[domain["gemeente"]],
        target_groups=[group["jongeren"]],
        evidence_level=EvidenceLevel.PRACTICE,
        tags=["buurtkamer"],
    )
    CaseFactory(
        slug="b",
        outcome=Outcome.FAILURE,
        topics=[jong],
        municipality=zuid,
        domains=[domain["politie"]],
        target_groups=[group["ouderen"]],
        evidence_level=EvidenceLevel.WELL_FOUNDED,
        tags=["sport"],
    )
    CaseFactory(
        slug="c",
        outcome=Outcome.MIXED,
        topics=[veilig, jong],
        municipality=noord,
        domains=[domain["politie"], domain["zorg"]],
        target_groups=[group["jongeren"], group["ouderen"]],
        evidence_level=EvidenceLevel.WELL_FOUNDED,
        tags=["buurtkamer", "sport"],
    )
    everything = {
        "topics": [veilig, jong],
        "municipality": noord,
        "domains": [domain["gemeente"], domain["politie"]],
        "target_groups": [group["jongeren"], group["ouderen"]],
        "evidence_level": EvidenceLevel.WELL_FOUNDED,
        "tags": ["buurtkamer", "sport"],
    }
    for outcome in Outcome.values:
        CaseFactory(slug=f"concept-{outcome}", outcome=outcome, live=False, **everything)
        CaseFactory(slug=f"besloten-{outcome}", outcome=outcome, space=closed_space, **everything)


FILTERS = [
    ("thema=veilig", {"a", "c"}),
    ("thema=veilig&thema=jong", {"a", "b", "c"}),
    ("uitkomst=geslaagd", {"a"}),
    ("uitkomst=geslaagd&uitkomst=mislukt", {"a", "b"}),
    ("gemeente=noord", {"a", "c"}),
    ("gemeente=noord&gemeente=zuid", {"a", "b", "c"}),
    ("domein=politie", {"b", "c"}),
    ("domein=gemeente&domein=zorg", {"a", "c"}),
    ("doelgroep=jongeren", {"a", "c"}),
    ("doelgroep=ouderen", {"b", "c"}),
    ("bewijsniveau=goed_onderbouwd", {"b", "c"}),
    ("bewijsniveau=praktijk&bewijsniveau=goed_onderbouwd", {"a", "b", "c"}),
    ("tag=buurtkamer", {"a", "c"}),
    ("tag=buurtkamer&tag=sport", {"a", "b", "c"}),
    # Different filters narrow each other.
    ("thema=veilig&uitkomst=gemengd", {"c"}),
    ("thema=jong&domein=politie&bewijsniveau=goed_onderbouwd&tag=sport", {"b", "c"}),
    ("thema=jong&domein=politie&doelgroep=ouderen&gemeente=zuid", {"b"}),
    ("thema=veilig&uitkomst=mislukt", set()),
    ("", {"a", "b", "c"}),
]


@pytest.mark.parametrize(("query", "expected"), FILTERS)
def test_filters(client, filter_cases, query, expected):
    body = client.get(f"{CASES}?{query}").json()

    found = [item["slug"] for item in body["resultaten"]]
    assert sorted(found) == sorted(expected)  # each case once, however many values match
    assert body["aantal"] == len(expected)


@pytest.mark.parametrize(("query", "expected"), FILTERS)
def test_a_filter_url_means_the_same_on_the_site(client, filter_cases, query, expected):
    on_site = client.get(f"/praktijkvoorbeelden/?{query}")
    in_api = client.get(f"{CASES}?{query}")

    assert on_site.status_code == 200
    assert sorted(case.slug for case in on_site.context["page"]) == sorted(slugs(in_api))


@pytest.mark.parametrize(
    ("viewer", "query", "expected"),
    [
        ("member", "uitkomst=mislukt", {"b", "besloten-mislukt"}),
        ("editor", "uitkomst=mislukt", {"b", "besloten-mislukt", "concept-mislukt"}),
        ("outsider", "uitkomst=mislukt", {"b"}),
    ],
)
def test_filters_work_on_what_the_caller_may_see(
    client, filter_cases, request, viewer, query, expected
):
    user = request.getfixturevalue(viewer)

    body = client.get(f"{CASES}?{query}", **token_headers(user)).json()

    assert {item["slug"] for item in body["resultaten"]} == expected
    assert body["aantal"] == len(expected)


# --- old addresses -----------------------------------------------------------------------------


def test_an_old_slug_redirects_permanently_to_the_new_address(client):
    case = CaseFactory(title="Buurtkamer", slug="buurtkamer")
    case.slug = "buurtkamer-noord"
    case.save()

    response = client.get(f"{CASES}/buurtkamer")

    assert response.status_code == 301
    assert response["Location"].endswith(f"{CASES}/buurtkamer-noord")
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert followed.json()["slug"] == "buurtkamer-noord"


def test_an_old_slug_of_a_hidden_case_is_not_found(client, closed_space):
    case = CaseFactory(title="Buurtkamer", slug="buurtkamer", space=closed_space)
    case.slug = "buurtkamer-noord"
    case.save()

    response = client.get(f"{CASES}/buurtkamer")

    assert response.status_code == 404
    assert "Location" not in response


def test_an_old_slug_of_a_closed_case_redirects_a_member(client, closed_space, member):
    case = CaseFactory(title="Buurtkamer", slug="buurtkamer", space=closed_space)
    case.slug = "buurtkamer-noord"
    case.save()

    response = client.get(f"{CASES}/buurtkamer", **token_headers(member))

    assert response.status_code == 301
    assert response["Location"].endswith(f"{CASES}/buurtkamer-noord")


# --- visibility -----------------------------------------------------------------------------------


@pytest.fixture
def hidden_cases(db, closed_space, public_space):
    CaseFactory(slug="openbaar", title="Openbaar")
    CaseFactory(slug="open-ruimte", title="In een open ruimte", space=public_space)
    CaseFactory(slug="concept", title="Concept", live=False)
    CaseFactory(slug="besloten", title="Besloten", space=closed_space)


def _viewer_headers(request, viewer: str) -> dict:
    if viewer == "anonymous":
        return {}
    return token_headers(request.getfixturevalue(viewer))


VISIBLE = {
    "anonymous": {"openbaar", "open-ruimte"},
    "outsider": {"openbaar", "open-ruimte"},
    "member": {"openbaar", "open-ruimte", "besloten"},
    "moderator": {"openbaar", "open-ruimte", "besloten"},
    "editor": {"openbaar", "open-ruimte", "besloten", "concept"},
}


@pytest.mark.parametrize("viewer", list(VISIBLE))
def test_the_list_holds_exactly_what_the_caller_may_see(client, hidden_cases, request, viewer):
    body = client.get(CASES, **_viewer_headers(request, viewer)).json()

    assert {item["slug"] for item in body["resultaten"]} == VISIBLE[viewer]
    assert body["aantal"] == len(VISIBLE[viewer])


@pytest.mark.parametrize("viewer", list(VISIBLE))
@pytest.mark.parametrize("slug", ["openbaar", "open-ruimte", "concept", "besloten"])
def test_a_detail_answers_only_to_who_may_see_it(client, hidden_cases, request, viewer, slug):
    response = client.get(f"{CASES}/{slug}", **_viewer_headers(request, viewer))

    if slug in VISIBLE[viewer]:
        assert response.status_code == 200
        assert response.json()["slug"] == slug
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("slug", ["concept", "besloten"])
def test_a_hidden_case_reads_exactly_like_a_missing_one(client, hidden_cases, slug):
    hidden = client.get(f"{CASES}/{slug}").json()
    missing = client.get(f"{CASES}/bestaat-niet").json()

    assert {**hidden, "instance": None} == {**missing, "instance": None}


def test_a_site_session_does_not_unlock_the_api(client, hidden_cases, member):
    client.force_login(member)

    assert client.get(f"{CASES}/besloten").status_code == 404
    assert set(slugs(client.get(CASES))) == VISIBLE["anonymous"]


# --- counts elsewhere never count hidden cases -------------------------------------------------


@pytest.fixture
def counted(db, closed_space, public_space):
    topic = TopicFactory(name="Telbaar", slug="telbaar")
    town = MunicipalityFactory(name="Telgemeente", slug="telgemeente", cbs_code="GM0999")
    kwargs = {"topics": [topic], "municipality": town}
    CaseFactory(**kwargs)
    CaseFactory(space=public_space, **kwargs)
    CaseFactory(live=False, **kwargs)
    CaseFactory(space=closed_space, **kwargs)
    CaseFactory(space=closed_space, live=False, **kwargs)


COUNTS = {"anonymous": 2, "outsider": 2, "member": 3, "editor": 5}


def _count_in(results: list[dict], key: str, value: str) -> int:
    (item,) = [item for item in results if item[key] == value]
    return item["aantalPraktijkvoorbeelden"]


@pytest.mark.parametrize("viewer", list(COUNTS))
def test_topic_counts_count_only_visible_cases(client, counted, request, viewer):
    headers = _viewer_headers(request, viewer)

    listed = client.get("/api/v1/themas", {"paginaGrootte": 100}, **headers).json()
    detail = client.get("/api/v1/themas/telbaar", **headers).json()

    assert _count_in(listed["resultaten"], "slug", "telbaar") == COUNTS[viewer]
    assert detail["aantalPraktijkvoorbeelden"] == COUNTS[viewer]


@pytest.mark.parametrize("viewer", list(COUNTS))
def test_municipality_counts_count_only_visible_cases(client, counted, request, viewer):
    headers = _viewer_headers(request, viewer)

    # Every Dutch municipality is listed (342): walk the pages to the one made here.
    listed, url = [], "/api/v1/gemeenten?paginaGrootte=100"
    while url:
        page = client.get(url, **headers).json()
        listed += page["resultaten"]
        url = page["_links"].get("next", {}).get("href")
    detail = client.get("/api/v1/gemeenten/GM0999", **headers).json()

    assert _count_in(listed, "cbsCode", "GM0999") == COUNTS[viewer]
    assert detail["aantalPraktijkvoorbeelden"] == COUNTS[viewer]


# --- a fixed number of queries -----------------------------------------------------------------


def _cases_with_topics(n: int) -> None:
    topics = [TopicFactory() for _ in range(3)]
    for _ in range(n):
        CaseFactory(topics=topics)


# count, page of cases (with their municipality), their topics
LIST_QUERIES = 3


@pytest.mark.parametrize("n", [3, 10])
def test_the_list_takes_the_same_number_of_queries_for_any_number_of_cases(
    client, django_assert_num_queries, n
):
    _cases_with_topics(n)

    with django_assert_num_queries(LIST_QUERIES):
        assert len(slugs(client.get(CASES))) == n


@pytest.mark.parametrize("n", [3, 10])
def test_the_list_for_a_token_holder_takes_a_fixed_number_of_queries(
    client, member, django_assert_num_queries, n
):
    _cases_with_topics(n)
    headers = token_headers(member)

    # The token and the user's permissions, then the list itself.
    with django_assert_num_queries(3 + LIST_QUERIES):
        assert len(slugs(client.get(CASES, **headers))) == n


def test_the_detail_takes_a_fixed_number_of_queries(client, rich_case, django_assert_num_queries):
    # The case, then topics, domains, target groups, tags, sources, attachments and documents,
    # and its failure patterns.
    with django_assert_num_queries(9):
        response = client.get(f"{CASES}/de-buurtkamer-in-noord")
    assert response.status_code == 200


def test_the_detail_query_count_does_not_grow_with_its_relations(
    client, rich_case, django_assert_num_queries
):
    rich_case.topics.add(*[TopicFactory() for _ in range(4)])
    rich_case.tags.add("een", "twee", "drie")
    rich_case.save()
    for n in range(3):
        CasePatternFactory(case=rich_case, avoided=n == 2)
    for n in range(3):
        CaseSource.objects.create(case=rich_case, title=f"Bron {n}")
        document = Document.objects.create(title=f"Bijlage {n}", file=ContentFile(b"x", "b.txt"))
        CaseAttachment.objects.create(case=rich_case, document=document)

    with django_assert_num_queries(9):
        body = client.get(f"{CASES}/de-buurtkamer-in-noord").json()
    assert len(body["themas"]) == 6
    assert len(body["bijlagen"]) == 4
