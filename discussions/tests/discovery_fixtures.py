"""Fixtures for the discovery tests (search, API, feeds, sitemap).

Until the discussion page exists on this branch (`discussions:detail`, written in parallel),
tests that render a discussion's address get a stand-in for it with the same route.

The fixture changes nothing once the real page is there: it only steps in when the name does
not resolve, so after merging the tests run against the real URL configuration.
"""

import pytest
from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse


def _stand_in(request, slug, pk):  # pragma: no cover - never asked for in these tests
    return HttpResponse(status=204)


def _urlconf_with_stand_in():
    import types

    from discussions import urls as discussion_urls
    from kennisplatform import urls as site_urls

    patterns = [
        *discussion_urls.urlpatterns,
        path("discussies/<int:pk>/", _stand_in, name="detail"),
    ]
    module = types.ModuleType("discussions_tests_urlconf")
    # The first "discussions" namespace wins when reversing: this one, with the stand-in.
    module.urlpatterns = [
        path("ruimtes/<slug:slug>/", include((patterns, "discussions"))),
        *site_urls.urlpatterns,
    ]
    return module


@pytest.fixture
def discussion_pages(settings):
    try:
        reverse("discussions:detail", kwargs={"slug": "x", "pk": 1})
    except NoReverseMatch:
        settings.ROOT_URLCONF = _urlconf_with_stand_in()
    yield


def token_headers(user) -> dict:
    """The request headers of a caller holding `user`'s API token."""
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Token {token.key}"}
