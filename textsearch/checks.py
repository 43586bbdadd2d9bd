"""Start-up checks: the search engine is the one this code was written for, or the site stops."""

from __future__ import annotations

from importlib.metadata import version

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import connection

from textsearch import backends

# The modelsearch minor version that textsearch/backends.py was written and tested against
# (pyproject.toml pins the same range).
MODELSEARCH_TESTED = "1.3"


@register(Tags.compatibility)
def check_search_backend(app_configs=None, **kwargs) -> list[Error]:
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if backend != "textsearch.backends":
        return []  # a search server (OpenSearch, Elasticsearch) configured on purpose
    errors = []
    installed = version("modelsearch")
    if not installed.startswith(f"{MODELSEARCH_TESTED}."):
        errors.append(
            Error(
                f"modelsearch {installed} is installed; textsearch/backends.py was written for "
                f"{MODELSEARCH_TESTED}.x.",
                hint="Test the search backend against the new version, then change "
                "MODELSEARCH_TESTED and the pin in pyproject.toml.",
                id="textsearch.E001",
            )
        )
        return errors
    if connection.vendor not in backends.SUPPORTED:
        return [
            Error(
                f"Search has no backend for the {connection.vendor} database.",
                hint="Use SQLite or PostgreSQL, or configure a search server.",
                id="textsearch.E002",
            )
        ]
    for cls, names in backends.required().items():
        missing = [name for name in names if not hasattr(cls, name)]
        if missing:
            errors.append(
                Error(
                    f"modelsearch's {cls.__qualname__} no longer has {', '.join(missing)}.",
                    hint="textsearch/backends.py builds on them; adapt it to this modelsearch.",
                    id="textsearch.E001",
                )
            )
    return errors
