"""`/api/v1/ruimtes`: the spaces whose content the caller may read."""

import pytest
from rest_framework.authtoken.models import Token

from spaces.models import Space
from spaces.tests.factories import MembershipFactory, SpaceFactory

pytestmark = pytest.mark.django_db

SPACES = "/api/v1/ruimtes"


@pytest.fixture
def spaces(db, public_space, closed_space):
    return {
        "public": public_space,
        "closed": closed_space,
        "invitation": SpaceFactory(
            name="Kring",
            slug="kring",
            visibility=Space.Visibility.CLOSED,
            join_policy=Space.JoinPolicy.INVITATION,
        ),
        "on_request": SpaceFactory(
            name="Op verzoek",
            slug="op-verzoek",
            visibility=Space.Visibility.CLOSED,
            join_policy=Space.JoinPolicy.ON_REQUEST,
        ),
    }


def slugs(client, **headers):
    return [item["slug"] for item in client.get(SPACES, **headers).json()["resultaten"]]


def token(user):
    key = Token.objects.get_or_create(user=user)[0].key
    return {"HTTP_AUTHORIZATION": f"Token {key}"}


def test_anonymous_callers_get_public_spaces_only(client, spaces):
    assert slugs(client) == ["open"]


def test_a_member_also_gets_their_closed_space_and_never_invitation_only_ones_of_others(
    client, spaces, member, outsider
):
    assert slugs(client, **token(outsider)) == ["open"]
    assert slugs(client, **token(member)) == ["besloten", "open"]


def test_an_invitation_only_space_of_ones_own_is_listed(client, spaces, outsider):
    MembershipFactory(space=spaces["invitation"], user=outsider)

    assert slugs(client, **token(outsider)) == ["kring", "open"]


def test_the_fields_are_dutch(client, spaces):
    (item,) = client.get(SPACES).json()["resultaten"]

    assert set(item) == {
        "slug",
        "naam",
        "beschrijving",
        "zichtbaarheid",
        "lidWorden",
        "gewijzigdOp",
        "_links",
    }
    assert item["zichtbaarheid"] == "openbaar"
    assert item["_links"]["self"]["href"] == "http://testserver/api/v1/ruimtes/open"
    assert item["_links"]["webpagina"]["href"] == "http://testserver/ruimtes/open/"
    assert client.get(item["_links"]["self"]["href"]).json() == item


@pytest.mark.parametrize("slug", ["besloten", "kring", "op-verzoek"])
def test_a_closed_space_answers_like_a_missing_one(client, spaces, outsider, slug):
    for headers in ({}, token(outsider)):
        hidden = client.get(f"{SPACES}/{slug}", **headers)
        missing = client.get(f"{SPACES}/bestaat-niet", **headers)
        assert hidden.status_code == missing.status_code == 404
        assert hidden.json()["detail"] == missing.json()["detail"]


def test_a_member_reads_their_closed_space(client, spaces, member):
    response = client.get(f"{SPACES}/besloten", **token(member))

    assert response.status_code == 200
    assert response.json()["zichtbaarheid"] == "besloten"


def test_the_list_query_count(client, spaces, member, django_assert_num_queries):
    for n in range(5):
        SpaceFactory(slug=f"open-{n}", visibility=Space.Visibility.PUBLIC)
    headers = token(member)
    # the token and its user, is it an editor (two permission queries), the count, the page
    with django_assert_num_queries(5):
        client.get(SPACES, **headers)
