"""Pages whose number of queries does not grow with their content: a discussion with 200
replies (authors, attachments, mentions, an anonymous post) and a space's home page with 30
discussions."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document

from cases.tests.factories import CaseFactory
from discussions.models import PostAttachment
from discussions.tests.factories import DiscussionFactory, PostFactory
from spaces.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def count_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def fill(discussion, replies: int, authors: list) -> None:
    case = CaseFactory(title="Buurtkamer")
    for n in range(replies):
        post = PostFactory(
            discussion=discussion,
            author=authors[n % len(authors)],
            is_anonymous=n % 7 == 0,
            body=f"Reactie {n} over [de buurtkamer](/praktijkvoorbeelden/{case.slug}/).",
        )
        if n % 10 == 0:
            document = Document.objects.create(
                title=f"bijlage-{n}.txt", file=ContentFile(b"x", name=f"bijlage-{n}.txt")
            )
            PostAttachment.objects.create(post=post, document=document)


@pytest.mark.parametrize("who", ["member", "moderator"])
def test_a_discussion_page_costs_the_same_with_2_and_200_replies(
    request, client, closed_space, who
):
    viewer = request.getfixturevalue(who)
    client.force_login(viewer)
    authors = [UserFactory() for _ in range(5)]
    for author in authors:
        MembershipFactory(space=closed_space, user=author)
    small = DiscussionFactory(space=closed_space, author=authors[0])
    large = DiscussionFactory(space=closed_space, author=authors[1])
    fill(small, 2, authors)
    fill(large, 200, authors)
    # Posts, their authors, attachments and mentioned titles each come in one query for the
    # whole page, so 200 replies cost what 2 do.
    assert count_queries(client, small.get_absolute_url()) == 10
    assert count_queries(client, large.get_absolute_url()) == 10


def test_the_space_home_costs_the_same_with_1_and_30_discussions(client, closed_space, member):
    client.force_login(member)
    DiscussionFactory(space=closed_space)
    one = count_queries(client, f"/ruimtes/{closed_space.slug}/")
    assert one == 13  # with the space's upcoming meetings
    for _ in range(29):
        DiscussionFactory(space=closed_space)
    assert count_queries(client, f"/ruimtes/{closed_space.slug}/") == one


def test_the_discussion_list_costs_the_same_with_1_and_30_discussions(client, closed_space, member):
    client.force_login(member)
    DiscussionFactory(space=closed_space)
    address = f"/ruimtes/{closed_space.slug}/discussies/"
    one = count_queries(client, address)
    assert one == 8
    for _ in range(29):
        DiscussionFactory(space=closed_space, is_anonymous=True)
    assert count_queries(client, address) == one
