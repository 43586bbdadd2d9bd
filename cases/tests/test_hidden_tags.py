"""A tag used only by hidden cases looks exactly like a tag that does not exist, on the case
list, the search page and the search API."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from cases.search import case_search
from cases.tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

SECRET_TAG = "Geheim project Zwaluw"


@pytest.fixture
def hidden_tag(closed_space):
    CaseFactory(title="Open buurthuis", tags=["buurthuis"])
    CaseFactory(title="Besloten casus", space=closed_space, tags=[SECRET_TAG])
    return "geheim-project-zwaluw"


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _same_except_slug(first: str, second: str, slug: str) -> None:
    """The two answers are the same but for the slug each asked for (and a form's CSRF token,
    which differs per request)."""
    first, second = CSRF.sub("", first), CSRF.sub("", second)
    assert first.replace(slug, "SLUG") == second.replace("bestaat-niet", "SLUG")


@pytest.mark.parametrize("path", ["/praktijkvoorbeelden/", "/zoeken/"])
def test_a_hidden_tag_and_an_unknown_tag_give_the_same_page(client, hidden_tag, path):
    hidden = client.get(path, {"q": "buurthuis", "tag": hidden_tag})
    unknown = client.get(path, {"q": "buurthuis", "tag": "bestaat-niet"})
    assert hidden.status_code == unknown.status_code == 200
    assert SECRET_TAG not in hidden.content.decode()
    _same_except_slug(hidden.content.decode(), unknown.content.decode(), hidden_tag)


def test_a_hidden_tag_and_an_unknown_tag_give_the_same_api_answer(client, hidden_tag):
    for path in ("/api/v1/_zoek", "/api/v1/praktijkvoorbeelden"):
        hidden = client.get(path, {"q": "buurthuis", "tag": hidden_tag})
        unknown = client.get(path, {"q": "buurthuis", "tag": "bestaat-niet"})
        assert hidden.status_code == unknown.status_code == 400
        assert SECRET_TAG not in hidden.content.decode()
        _same_except_slug(hidden.content.decode(), unknown.content.decode(), hidden_tag)


def test_a_member_may_choose_the_tag_of_their_space(member, hidden_tag):
    search = case_search(user=member, data=QueryDict(f"tag={hidden_tag}"))
    assert search.filterset.is_valid()
    assert [case.title for case in search.results] == ["Besloten casus"]
    tags = next(facet for facet in search.facets if facet.name == "tag")
    assert [option.label for option in tags.selected] == [SECRET_TAG]


def test_an_outsider_choosing_it_gets_the_same_as_for_an_unknown_tag(outsider, hidden_tag):
    for user in (AnonymousUser(), outsider):
        search = case_search(user=user, data=QueryDict(f"tag={hidden_tag}"))
        assert not search.filterset.is_valid()
        tags = next(facet for facet in search.facets if facet.name == "tag")
        assert [option.label for option in tags.selected] == [hidden_tag]
