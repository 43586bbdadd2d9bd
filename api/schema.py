"""OpenAPI document tweaks (drf-spectacular hooks)."""


def only_public_api(endpoints):
    """The document describes our public API only, not the back office's internal endpoints."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
