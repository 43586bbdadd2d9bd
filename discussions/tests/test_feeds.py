"""The Atom feed of a public space's discussions: public content only, no anonymous authors."""

import pytest
from django.urls import reverse

from discussions.models import PostStatus
from discussions.tests.factories import DiscussionFactory
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def feed_url(space) -> str:
    return reverse("discussions:feed", kwargs={"slug": space.slug})


@pytest.fixture
def writer(db):
    return UserFactory(username="schrijfster", first_name="Wilhelmina", last_name="Vrijdag")


def test_a_public_space_has_a_feed_of_its_newest_discussions(client, public_space, writer):
    DiscussionFactory(
        space=public_space,
        author=writer,
        title="Hangplek bij het winkelcentrum",
        opening__body="Jongeren hangen elke avond bij de fietsenstalling.",
    )
    DiscussionFactory(space=public_space, kind="oproep", title="Wie helpt zaterdag?")

    response = client.get(feed_url(public_space))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert response["Cache-Control"].startswith("public")
    body = response.content.decode()
    assert "Discussies in Open netwerk" in body
    assert body.index("Wie helpt zaterdag? (oproep)") < body.index("Hangplek bij het winkelcentrum")
    assert "Jongeren hangen elke avond" in body
    assert "<name>Wilhelmina Vrijdag</name>" in body


@pytest.mark.parametrize("role", ["anonymous", "outsider", "member", "moderator", "editor"])
def test_a_closed_space_has_no_feed_for_anyone(request, client_for, closed_space, role, writer):
    DiscussionFactory(space=closed_space, title="Intervisie over een lastige melding")
    user = request.getfixturevalue(role)

    response = client_for(user).get(feed_url(closed_space))

    assert response.status_code == 404
    assert "Intervisie" not in response.content.decode()
    missing = client_for(user).get(reverse("discussions:feed", kwargs={"slug": "bestaat-niet"}))
    assert missing.status_code == 404


def test_held_hidden_and_other_spaces_discussions_stay_out(client, public_space, closed_space):
    DiscussionFactory(space=public_space, title="Gewone vraag")
    DiscussionFactory(space=public_space, title="Wachtende vraag", opening_status=PostStatus.HELD)
    DiscussionFactory(space=public_space, title="Verborgen vraag", opening_status=PostStatus.HIDDEN)
    DiscussionFactory(space=closed_space, title="Besloten vraag")

    body = client.get(feed_url(public_space)).content.decode()

    assert "Gewone vraag" in body
    for title in ("Wachtende vraag", "Verborgen vraag", "Besloten vraag"):
        assert title not in body


def test_a_deleted_opening_shows_no_text_and_an_anonymous_start_no_author(
    client, public_space, writer
):
    from discussions.tests.factories import PostFactory

    gone = DiscussionFactory(
        space=public_space,
        author=writer,
        title="Opening verwijderd",
        opening_status=PostStatus.DELETED,
        opening__body="Tekst die weg moet.",
    )
    PostFactory(discussion=gone, body="Een reactie blijft staan.")
    # Anonymous posting belongs in closed spaces; should one exist here, it names no one.
    DiscussionFactory(space=public_space, author=writer, is_anonymous=True, title="Anoniem")

    body = client.get(feed_url(public_space)).content.decode()

    assert "Opening verwijderd" in body and "Anoniem" in body
    assert "Tekst die weg moet" not in body
    assert body.count("Wilhelmina") == 1  # the deleted opening's starter, not the anonymous one
    assert writer.username not in body


def test_the_feed_query_count_does_not_grow(client, public_space, django_assert_num_queries):
    for _n in range(3):
        DiscussionFactory(space=public_space)
    # The space, the discussions (with space and author), their openings' text.
    with django_assert_num_queries(3):
        client.get(feed_url(public_space))
    for _n in range(5):
        DiscussionFactory(space=public_space)
    with django_assert_num_queries(3):
        client.get(feed_url(public_space))
