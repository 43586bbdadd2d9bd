"""OpenAPI document tweaks (drf-spectacular hooks)."""

from django.conf import settings

from core.problems import PROBLEM_CONTENT_TYPE


def only_public_api(endpoints):
    """The document describes our public API only, not the back office's internal endpoints."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


VERSION_HEADER = {
    "description": "De volledige versie van de API (/core/version-header).",
    "schema": {"type": "string", "example": settings.API_VERSION},
    "required": True,
}

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Een fout als application/problem+json (RFC 9457).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Ongeldige invoer"},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string", "example": "Een of meer parameters zijn ongeldig."},
        "instance": {"type": "string", "example": "/api/v1/praktijkvoorbeelden"},
        "invalidParams": {
            "type": "array",
            "description": "Bij 400: elke ongeldige parameter, alle tegelijk.",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string", "example": "uitkomst"},
                    "code": {"type": "string", "example": "invalid_choice"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}

ETAG_HEADER = {
    "description": "Een hash van dit antwoord voor deze aanroeper; stuur hem terug in "
    "If-None-Match en krijg 304 zolang er niets veranderde.",
    "schema": {"type": "string", "example": '"5d41402abc4b2a76b9719d911017c592"'},
}
NOT_MODIFIED = {
    "description": "Niet gewijzigd: de ETag in If-None-Match klopt nog (of, waar het antwoord "
    "Last-Modified heeft, er veranderde niets sinds If-Modified-Since). Zonder inhoud."
}

PROBLEMS = {
    "400": "Ongeldige invoer: een onbekende, herhaalde of ongeldige parameter (alle in "
    "invalidParams).",
    "404": "Niet gevonden (of niet zichtbaar voor u), of een pagina voorbij de laatste.",
    "406": "Het gevraagde formaat (Accept) is niet beschikbaar; de API geeft JSON.",
}


def problems_and_version_header(result, generator, request, public):
    """Every operation documents the API-Version header on each response and its 400, 404 and
    406 answers as problems (application/problem+json); every read its ETag and its 304."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    components.setdefault("headers", {})["API-Version"] = VERSION_HEADER
    components["headers"]["ETag"] = ETAG_HEADER
    problem = {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            responses = operation.setdefault("responses", {})
            if method == "get" and "200" in responses:
                # Conditional requests (api/middleware.py): every successful read.
                headers = responses["200"].setdefault("headers", {})
                headers["ETag"] = {"$ref": "#/components/headers/ETag"}
                responses.setdefault("304", dict(NOT_MODIFIED))
            for status, description in PROBLEMS.items():
                responses.setdefault(status, {"description": description, "content": problem})
            for response in responses.values():
                response.setdefault("headers", {})["API-Version"] = {
                    "$ref": "#/components/headers/API-Version"
                }
    return result
