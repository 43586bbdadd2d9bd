"""The query string of every API operation (REST API Design Rules 2.1, found by Schemathesis):
unknown, repeated and malformed parameters answer 400 with every problem at once; an empty
value is no value; numbers never overflow into a 500; the search words have one limit."""

import pytest
from django.conf import settings

from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from dialogues.tests.factories import make_dialogue
from municipalities.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

PROBLEM_JSON = "application/problem+json"
CASES = "/api/v1/praktijkvoorbeelden"
STATEMENTS = "/api/v1/dialogen/dialoog-over-de-wijk/stellingen"
QUESTIONS = "/api/v1/dialogen/dialoog-over-de-wijk/vragen"


@pytest.fixture
def content(db):
    amsterdam = MunicipalityFactory(name="Amsterdam", slug="amsterdam", cbs_code="GM0363")
    CaseFactory(title="De buurtkamer in Noord", slug="de-buurtkamer", municipality=amsterdam)
    CaseFactory(title="Het speelplein", slug="het-speelplein")
    ConnectorFactory(slug="anna", open_for_questions=True)
    make_dialogue()


def invalid_params(response) -> dict[str, list[str]]:
    """The 400 problem's invalidParams by name (and the response is such a problem)."""
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == PROBLEM_JSON
    assert response["API-Version"] == settings.API_VERSION
    found: dict[str, list[str]] = {}
    for param in response.json()["invalidParams"]:
        assert param["reason"]
        found.setdefault(param["name"], []).append(param["reason"])
    return found


EVERY_OPERATION = [
    CASES,
    f"{CASES}/de-buurtkamer",
    "/api/v1/themas",
    "/api/v1/gemeenten",
    "/api/v1/gemeenten/GM0363",
    "/api/v1/dialogen",
    "/api/v1/dialogen/dialoog-over-de-wijk",
    QUESTIONS,
    STATEMENTS,
    "/api/v1/wijkschakelaars",
    "/api/v1/wijkschakelaars/anna",
    "/api/v1/_zoek?q=buurtkamer",
]


@pytest.mark.parametrize("path", EVERY_OPERATION)
def test_unknown_query_parameters_are_each_reported(client, content, path):
    separator = "&" if "?" in path else "?"
    assert client.get(path).status_code == 200

    response = client.get(f"{path}{separator}bestaatNiet=1&ookNiet=2")

    problems = invalid_params(response)
    assert set(problems) == {"bestaatNiet", "ookNiet"}


def test_unknown_parameters_and_bad_filter_values_are_reported_together(client, content):
    problems = invalid_params(client.get(CASES, {"onbekend": "1", "uitkomst": "onzin"}))

    assert set(problems) == {"onbekend", "uitkomst"}


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (CASES, "paginaGrootte=2&paginaGrootte=3"),
        (CASES, "q=buurt&q=plein"),
        (STATEMENTS, "vraag=1&vraag=2"),
        ("/api/v1/wijkschakelaars", "beschikbaar=true&beschikbaar=false"),
    ],
)
def test_a_single_valued_parameter_given_twice_is_refused(client, content, path, query):
    name = query.split("=")[0]

    assert name in invalid_params(client.get(f"{path}?{query}"))


def test_a_filter_with_several_values_may_repeat(client, content):
    response = client.get(CASES, {"uitkomst": ["geslaagd", "mislukt"]})

    assert response.status_code == 200


@pytest.mark.parametrize("value", ["abc", "0", "-1", "1.5", "null", "²"])
@pytest.mark.parametrize("name", ["pagina", "paginaGrootte"])
@pytest.mark.parametrize("path", [CASES, QUESTIONS, STATEMENTS, "/api/v1/_zoek?q=buurtkamer"])
def test_a_malformed_page_number_or_size_is_a_400_not_a_404(client, content, path, name, value):
    separator = "&" if "?" in path else "?"

    assert name in invalid_params(client.get(f"{path}{separator}{name}={value}"))


def test_page_numbers_still_work_and_a_page_past_the_last_is_404(client, content):
    body = client.get(STATEMENTS, {"paginaGrootte": 1, "pagina": 2}).json()

    assert len(body["resultaten"]) == 1
    assert client.get(STATEMENTS, {"pagina": 999}).status_code == 404


@pytest.mark.parametrize(
    ("path", "query", "name"),
    [
        (STATEMENTS, {"cluster": "9223372036854775808"}, "cluster"),
        (STATEMENTS, {"vraag": "9223372036854775808"}, "vraag"),
        (STATEMENTS, {"vraag": "0.5"}, "vraag"),
        (STATEMENTS, {"polariserend": "x"}, "polariserend"),
        ("/api/v1/wijkschakelaars", {"beschikbaar": "x"}, "beschikbaar"),
        ("/api/v1/_zoek", {"q": "buurtkamer", "soort": "onzin"}, "soort"),
        (CASES, {"q": "buurt\x00"}, "q"),
    ],
)
def test_junk_values_are_refused_not_ignored(client, content, path, query, name):
    assert name in invalid_params(client.get(path, query))


def test_every_statement_filter_problem_at_once(client, content):
    query = {"cluster": "9223372036854775808", "vraag": "0.5", "polariserend": "x", "zzz": "1"}

    assert set(invalid_params(client.get(STATEMENTS, query))) == set(query)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (CASES, {"gemeente": "", "thema": "", "uitkomst": ""}),
        ("/api/v1/wijkschakelaars", {"gemeente": "", "beschikbaar": ""}),
        (STATEMENTS, {"niveau": "", "vraag": "", "cluster": "", "polariserend": ""}),
        ("/api/v1/_zoek", {"q": "buurtkamer", "gemeente": "", "soort": ""}),
        (CASES, {"pagina": "", "paginaGrootte": ""}),
    ],
)
def test_an_empty_value_is_no_value(client, content, path, query):
    without = client.get(path, {k: v for k, v in query.items() if k == "q"})

    response = client.get(path, query)

    assert response.status_code == 200
    assert response.json()["aantal"] == without.json()["aantal"] > 0


# --- the search words: one limit, and words are needed where words are the point ---------------


@pytest.mark.parametrize("path", [CASES, "/api/v1/_zoek"])
def test_search_words_over_200_characters_are_refused_everywhere(client, content, path):
    assert client.get(path, {"q": "buurt " * 33}).status_code == 200  # 198 characters

    assert "q" in invalid_params(client.get(path, {"q": "a" * 201}))
    assert "q" in invalid_params(client.get(path, {"q": "buurtkamer " * 1000}))


@pytest.mark.parametrize("q", ["", "   ", "?!.,", "de", "het en de"])
def test_search_without_search_words_asks_for_them(client, content, q):
    problems = invalid_params(client.get("/api/v1/_zoek", {"q": q}))

    assert problems == {"q": ["Geef een of meer zoekwoorden op."]}


@pytest.mark.parametrize("q", ["?!.,", "de"])
def test_the_case_list_reads_q_without_search_words_as_no_words(client, content, q):
    body = client.get(CASES, {"q": q}).json()

    assert body["aantal"] == 2


# --- 404 is a problem, in DEBUG too ------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/bestaat-niet", "/api/v2/praktijkvoorbeelden"])
def test_an_unknown_api_path_is_a_problem_with_debug_on(client, settings, path):
    settings.DEBUG = True

    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["instance"] == path
    assert response["API-Version"] == settings.API_VERSION


# --- one link shape and Dutch names --------------------------------------------------------------


def test_questions_have_peilingen_not_polls(client, content):
    question = client.get(QUESTIONS).json()["resultaten"][0]

    assert "polls" not in question
    assert isinstance(question["peilingen"], list)


@pytest.mark.parametrize("path", ["/api/v1/themas", "/api/v1/gemeenten", CASES, "/api/v1/dialogen"])
def test_every_resource_links_itself_as_links_self_href(client, content, path):
    for item in client.get(path).json()["resultaten"]:
        href = item["_links"]["self"]["href"]
        assert client.get(href).status_code == 200
        assert "webpagina" not in item or isinstance(item["webpagina"], dict)


def test_search_hits_beside_the_cases_link_themselves_the_same_way(client, content):
    body = client.get("/api/v1/_zoek", {"q": "anna buurtkamer"}).json()

    for group in ("resultaten", "themas", "wijkschakelaars"):
        for hit in body[group]:
            assert set(hit["_links"]["self"]) == {"href"}
    for statement in body["stellingen"]:
        assert set(statement["dialoog"]["_links"]["self"]) == {"href"}


# --- the OpenAPI document says all of this ---------------------------------------------------


@pytest.fixture
def document(client):
    return client.get("/api/v1/openapi.json").json()


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_documents_its_problems_and_the_version_header(document):
    problem = document["components"]["schemas"]["Problem"]
    assert {"status", "title", "detail", "invalidParams"} <= set(problem["properties"])
    found = list(operations(document))
    assert len(found) == 22
    for name, operation in found:
        responses = operation["responses"]
        for status in ("400", "404", "406"):
            content = responses[status]["content"]
            assert set(content) == {PROBLEM_JSON}, name
        for status, response in responses.items():
            assert "API-Version" in response["headers"], (name, status)


@pytest.mark.parametrize("path", ["/dialogen/{slug}/stellingen", "/dialogen/{slug}/vragen"])
def test_statements_and_questions_are_documented_as_paginated_lists(document, path):
    operation = document["paths"][path]["get"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]

    assert schema["properties"]["resultaten"]["type"] == "array"
    parameters = {p["name"]: p for p in operation["parameters"] if p["in"] == "query"}
    assert parameters["pagina"]["schema"]["minimum"] == 1
    assert parameters["paginaGrootte"]["schema"]["minimum"] == 1


def test_whole_number_filters_document_their_bounds(document):
    operation = document["paths"]["/dialogen/{slug}/stellingen"]["get"]
    parameters = {p["name"]: p["schema"] for p in operation["parameters"]}

    assert parameters["cluster"] == {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    assert parameters["vraag"]["maximum"] == 2**31 - 1


@pytest.mark.parametrize("path", ["/praktijkvoorbeelden", "/_zoek"])
def test_the_search_words_limit_is_documented(document, path):
    parameters = {p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]}

    assert parameters["q"]["maxLength"] == 200


def test_the_server_address_is_relative_not_the_development_site(document):
    assert document["servers"] == [{"url": "/api/v1", "description": "Kennisplatform Wijkaanpak"}]


@pytest.mark.parametrize("method", ["post", "delete", "trace"])
def test_a_method_not_allowed_is_405_whatever_the_query(client, content, method):
    response = client.generic(method.upper(), f"{CASES}?onbekend=1&q={'a' * 300}")

    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM_JSON
