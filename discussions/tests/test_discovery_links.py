"""Search results, the API, the feed and the sitemap lead to the discussion's own page."""

import pytest
from django.urls import reverse

from discussions.tests.discovery_fixtures import token_headers
from discussions.tests.factories import DiscussionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_question(public_space):
    return DiscussionFactory(
        space=public_space,
        title="Hangplek bij het winkelcentrum",
        opening__body="Jongeren hangen elke avond bij de fietsenstalling.",
    )


@pytest.fixture
def closed_question(closed_space):
    return DiscussionFactory(space=closed_space, title="Intervisie over de fietsenstalling")


def test_every_way_in_leads_to_a_page_anyone_may_open(client, public_question):
    page = public_question.get_absolute_url()
    api = client.get(reverse("api:discussion-detail", kwargs={"pk": public_question.pk})).json()
    assert api["_links"]["webpagina"]["href"] == f"http://testserver{page}"
    listed = client.get("/api/v1/discussies").json()["resultaten"][0]
    assert listed["_links"]["webpagina"]["href"] == f"http://testserver{page}"
    found = client.get("/api/v1/_zoek", {"q": "hangplek"}).json()["discussies"][0]
    assert found["_links"]["webpagina"]["href"] == f"http://testserver{page}"
    assert f'href="{page}"' in client.get("/zoeken/", {"q": "hangplek"}).content.decode()
    feed = reverse("discussions:feed", kwargs={"slug": public_question.space.slug})
    assert page in client.get(feed).content.decode()
    assert f"{page}</loc>" in client.get("/sitemap.xml").content.decode()
    assert client.get(page).status_code == 200


def test_a_member_follows_a_closed_discussion_from_search_and_api(
    client, closed_question, member, outsider
):
    page = closed_question.get_absolute_url()
    client.force_login(member)
    assert f'href="{page}"' in client.get("/zoeken/", {"q": "fietsenstalling"}).content.decode()
    api = client.get(
        reverse("api:discussion-detail", kwargs={"pk": closed_question.pk}),
        **token_headers(member),
    ).json()
    assert api["_links"]["webpagina"]["href"] == f"http://testserver{page}"
    assert client.get(page).status_code == 200
    client.force_login(outsider)
    assert client.get(page).status_code == 404
