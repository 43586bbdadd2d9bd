"""The API's conventions (Logius REST API Design Rules 2.1; docs/architecture.md).

Version header, no trailing slash, errors as application/problem+json, read-only methods,
content negotiation, validation errors all at once, paginated lists with links, Dutch camelCase
field names, CORS and caching, security headers, and the published OpenAPI document.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.utils import timezone

from cases.models import Case, Outcome
from cases.tests.factories import CaseFactory
from municipalities.tests.factories import MunicipalityFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

PROBLEM_JSON = "application/problem+json"
CASES = "/api/v1/praktijkvoorbeelden"


@pytest.fixture
def case(db):
    amsterdam = MunicipalityFactory(name="Amsterdam", slug="amsterdam", cbs_code="GM0363")
    topic = TopicFactory(name="Buurtkracht", slug="buurtkracht")
    return CaseFactory(
        title="De buurtkamer", slug="de-buurtkamer", municipality=amsterdam, topics=[topic]
    )


def assert_problem(response, status: int) -> dict:
    """An RFC 9457 problem: the right status, the problem media type and a readable body."""
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    return body


# --- /core/version-header ---------------------------------------------------------------------

VERSIONED = [
    ("get", CASES, 200),
    ("get", f"{CASES}/de-buurtkamer", 200),
    ("get", "/api/v1/themas", 200),
    ("get", "/api/v1/themas/buurtkracht", 200),
    ("get", "/api/v1/gemeenten", 200),
    ("get", "/api/v1/gemeenten/GM0363", 200),
    ("get", "/api/v1/openapi.json", 200),
    ("get", "/api/v1/docs", 200),
    ("get", f"{CASES}/bestaat-niet", 404),
    ("get", "/api/v1/bestaat-niet", 404),
    ("get", "/api/v1/themas/", 404),
    ("post", CASES, 405),
    ("delete", f"{CASES}/de-buurtkamer", 405),
]


@pytest.mark.parametrize(("method", "path", "status"), VERSIONED)
def test_every_api_response_names_the_api_version(client, case, method, path, status):
    response = getattr(client, method)(path)

    assert response.status_code == status
    assert response["API-Version"] == settings.API_VERSION


def test_api_version_header_is_the_full_semantic_version(client, case):
    version = client.get(CASES)["API-Version"]

    assert version.split(".")[0] == "1"  # the major version is the one in the path, /api/v1
    assert len(version.split(".")) == 3


# --- /core/no-trailing-slash and unknown paths -------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/themas/",
        "/api/v1/gemeenten/",
        f"{CASES}/",
        f"{CASES}/de-buurtkamer/",
        "/api/v1/gemeenten/GM0363/",
    ],
)
def test_a_trailing_slash_is_not_found_and_not_redirected(client, case, path):
    response = client.get(path)

    assert_problem(response, 404)
    assert "Location" not in response


@pytest.mark.parametrize(
    "path", ["/api/v1/bestaat-niet", "/api/v1/", "/api/v1", "/api/v2/praktijkvoorbeelden"]
)
def test_an_unknown_api_path_is_a_problem_not_an_html_page(client, path):
    response = client.get(path)

    body = assert_problem(response, 404)
    assert body["instance"] == path
    assert b"<html" not in response.content.lower()


def test_an_unknown_case_is_a_problem_with_a_readable_detail(client, case):
    body = assert_problem(client.get(f"{CASES}/bestaat-niet"), 404)

    assert "Case" not in body["detail"]  # no internal model names


# --- /core/http-methods: read-only ------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "path", [CASES, f"{CASES}/de-buurtkamer", "/api/v1/themas", "/api/v1/gemeenten/GM0363"]
)
def test_writing_methods_are_not_allowed(client, case, method, path):
    response = getattr(client, method)(path, data={}, content_type="application/json")

    assert_problem(response, 405)
    allowed = {m.strip() for m in response["Allow"].split(",")}
    assert "GET" in allowed
    assert not allowed & {"POST", "PUT", "PATCH", "DELETE"}
    assert Case.objects.filter(slug="de-buurtkamer").exists()


def test_an_editor_with_a_token_cannot_write_either(client, case, editor, token_headers):
    response = client.delete(f"{CASES}/de-buurtkamer", **token_headers(editor))

    assert_problem(response, 405)
    assert Case.objects.filter(slug="de-buurtkamer").exists()


# --- /core/http-response-code: content negotiation ---------------------------------------------


@pytest.mark.parametrize("path", [CASES, f"{CASES}/de-buurtkamer", "/api/v1/themas"])
def test_an_unavailable_format_answers_406(client, case, path):
    assert_problem(client.get(path, HTTP_ACCEPT="text/csv"), 406)


def test_json_is_served_when_asked_for(client, case):
    response = client.get(CASES, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


# --- validation: 400 with every invalid parameter at once --------------------------------------


def test_invalid_filter_values_are_reported_all_at_once(client, case):
    response = client.get(CASES, {"uitkomst": "onzin", "thema": "bestaat-niet"})

    body = assert_problem(response, 400)
    names = [param["name"] for param in body["invalidParams"]]
    assert sorted(names) == ["thema", "uitkomst"]
    assert all(param["reason"] for param in body["invalidParams"])


def test_every_filter_can_be_reported_invalid(client, case):
    query = {
        "thema": "x",
        "uitkomst": "x",
        "gemeente": "x",
        "domein": "x",
        "doelgroep": "x",
        "bewijsniveau": "x",
        "tag": "x",
    }

    body = assert_problem(client.get(CASES, query), 400)

    assert {param["name"] for param in body["invalidParams"]} == set(query)


def test_a_valid_filter_next_to_an_invalid_one_is_not_reported(client, case):
    body = assert_problem(client.get(CASES, {"uitkomst": "geslaagd", "thema": "onzin"}), 400)

    assert [param["name"] for param in body["invalidParams"]] == ["thema"]


# --- pagination --------------------------------------------------------------------------------


def _query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_pages_link_to_each_other_and_together_hold_every_case(client):
    created = {CaseFactory().slug for _ in range(5)}

    first = client.get(CASES, {"paginaGrootte": 2}).json()

    assert first["aantal"] == 5
    assert len(first["resultaten"]) == 2
    assert (
        first["_links"]["self"]["href"]
        == "http://testserver/api/v1/praktijkvoorbeelden?paginaGrootte=2"
    )
    assert "prev" not in first["_links"]
    assert _query(first["_links"]["next"]["href"]) == {"pagina": ["2"], "paginaGrootte": ["2"]}

    second = client.get(first["_links"]["next"]["href"]).json()
    assert urlsplit(second["_links"]["self"]["href"]).path == CASES
    assert _query(second["_links"]["self"]["href"]) == {"pagina": ["2"], "paginaGrootte": ["2"]}
    assert _query(second["_links"]["prev"]["href"]) == {"paginaGrootte": ["2"]}
    assert _query(second["_links"]["next"]["href"]) == {"pagina": ["3"], "paginaGrootte": ["2"]}

    third = client.get(second["_links"]["next"]["href"]).json()
    assert "next" not in third["_links"]
    assert _query(third["_links"]["prev"]["href"]) == {"pagina": ["2"], "paginaGrootte": ["2"]}
    assert len(third["resultaten"]) == 1

    seen = [item["slug"] for page in (first, second, third) for item in page["resultaten"]]
    assert len(seen) == len(set(seen))
    assert set(seen) == created


def test_links_keep_the_filters(client):
    for _ in range(3):
        CaseFactory(outcome=Outcome.FAILURE)
    CaseFactory(outcome=Outcome.SUCCESS)

    page = client.get(CASES, {"uitkomst": "mislukt", "paginaGrootte": 2}).json()

    assert page["aantal"] == 3
    assert _query(page["_links"]["next"]["href"])["uitkomst"] == ["mislukt"]
    rest = client.get(page["_links"]["next"]["href"]).json()
    assert [item["uitkomst"] for item in rest["resultaten"]] == ["mislukt"]


def _bulk_cases(n: int) -> None:
    now = timezone.now()
    Case.objects.bulk_create(
        Case(
            title=f"Voorbeeld {i}",
            slug=f"voorbeeld-{i}",
            summary="Kort.",
            outcome=Outcome.SUCCESS,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for i in range(n)
    )


def test_the_default_page_size(client):
    _bulk_cases(settings.API_PAGE_SIZE + 1)

    body = client.get(CASES).json()

    assert body["aantal"] == settings.API_PAGE_SIZE + 1
    assert len(body["resultaten"]) == settings.API_PAGE_SIZE
    assert "next" in body["_links"]


def test_the_page_size_is_capped(client):
    _bulk_cases(settings.API_MAX_PAGE_SIZE + 1)

    body = client.get(CASES, {"paginaGrootte": settings.API_MAX_PAGE_SIZE * 10}).json()

    assert body["aantal"] == settings.API_MAX_PAGE_SIZE + 1
    assert len(body["resultaten"]) == settings.API_MAX_PAGE_SIZE
    assert "next" in body["_links"]


@pytest.mark.parametrize("page", ["4", "999"])
def test_a_page_beyond_the_last_is_not_found(client, page):
    for _ in range(5):
        CaseFactory()
    assert client.get(CASES, {"paginaGrootte": 2, "pagina": 3}).status_code == 200

    assert_problem(client.get(CASES, {"paginaGrootte": 2, "pagina": page}), 404)


# --- /core/interface-language: Dutch camelCase field names -------------------------------------

LIST_ITEM_KEYS = {
    "slug",
    "titel",
    "samenvatting",
    "uitkomst",
    "bewijsniveau",
    "gemeente",
    "themas",
    "isVoorbeeld",
    "gepubliceerdOp",
    "gewijzigdOp",
    "_links",
}
DETAIL_KEYS = LIST_ITEM_KEYS | {
    "aanleiding",
    "aanpak",
    "resultaten",
    "werkzameElementen",
    "watGingMis",
    "lessen",
    "handelingsperspectieven",
    "wijken",
    "periode",
    "domeinen",
    "doelgroepen",
    "trefwoorden",
    "bronnen",
    "bijlagen",
    "ruimte",
    "laatstGepubliceerdOp",
    "faalpatronen",
    "erkendeInterventie",
    "laatstBeoordeeld",
}


def test_a_list_has_dutch_field_names(client, case):
    body = client.get(CASES).json()

    assert set(body) == {"_links", "aantal", "resultaten"}
    (item,) = body["resultaten"]
    assert set(item) == LIST_ITEM_KEYS
    assert set(item["gemeente"]) == {"slug", "naam", "cbsCode"}
    assert set(item["themas"][0]) == {"slug", "naam"}
    assert set(item["_links"]) == {"self", "webpagina"}


def test_a_detail_has_dutch_field_names(client, case):
    body = client.get(f"{CASES}/de-buurtkamer").json()

    assert set(body) == DETAIL_KEYS
    assert set(body["periode"]) == {"van", "tot"}


# --- /core/transport/cors and caching ----------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        CASES,
        f"{CASES}/de-buurtkamer",
        "/api/v1/themas",
        "/api/v1/gemeenten",
        "/api/v1/openapi.json",
    ],
)
def test_anonymous_reads_are_open_to_every_origin(client, case, path):
    response = client.get(path, HTTP_ORIGIN="https://gemeente.example.nl")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "API-Version" in response["Access-Control-Expose-Headers"]
    # A shared cache must not hand this anonymous answer to a token holder.
    assert "Authorization" in response["Vary"]


@pytest.mark.parametrize("path", [CASES, f"{CASES}/de-buurtkamer", "/api/v1/themas"])
def test_answers_for_a_token_holder_are_never_stored_or_shared(
    client, case, member, token_headers, path
):
    response = client.get(path, HTTP_ORIGIN="https://elders.example", **token_headers(member))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Access-Control-Allow-Origin" not in response


def test_an_unknown_token_is_refused(client, case):
    response = client.get(CASES, HTTP_AUTHORIZATION="Token bestaat-niet")

    assert_problem(response, 401)
    assert "Access-Control-Allow-Origin" not in response


# --- /core/transport/security-headers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", CASES, 200),
        ("get", f"{CASES}/de-buurtkamer", 200),
        ("get", "/api/v1/openapi.json", 200),
        ("get", "/api/v1/docs", 200),
        ("get", "/api/v1/bestaat-niet", 404),
        ("get", f"{CASES}/bestaat-niet", 404),
        ("post", CASES, 405),
    ],
)
def test_security_headers(client, case, method, path, status):
    response = getattr(client, method)(path)

    assert response.status_code == status
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


# --- /core/publish-openapi, /core/doc-openapi --------------------------------------------------


def test_the_openapi_document_is_public_and_describes_this_api(client, case):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == settings.API_VERSION
    contact = document["info"]["contact"]
    assert contact["name"]
    assert contact["url"].startswith("http")
    assert "@" in contact["email"]


def test_the_openapi_document_has_only_the_public_resources(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    resources = {path.strip("/").split("/")[0] for path in paths}
    assert resources == {
        "praktijkvoorbeelden",
        "themas",
        "gemeenten",
        "dialogen",
        "wijkschakelaars",
        "discussies",
        "bijeenkomsten",
        "ruimtes",
        "faalpatronen",
        "_zoek",
    }
    assert not [path for path in paths if path.endswith("/")]  # /core/no-trailing-slash


def test_the_openapi_document_leaks_no_hidden_case(client, closed_space):
    CaseFactory(title="Geheim overleg in de Vogelbuurt", slug="geheim-overleg", space=closed_space)
    CaseFactory(title="Concept over de Vogelbuurt", slug="concept-vogelbuurt", live=False)

    content = client.get("/api/v1/openapi.json").content.decode()

    assert "geheim-overleg" not in content
    assert "concept-vogelbuurt" not in content
    assert "Vogelbuurt" not in content


def test_the_reference_page_is_readable_html_beside_the_document(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "/api/v1/openapi.json" in response.content.decode()
