"""`/api/v1/discussies`: what each kind of caller may read, and never an anonymous post's author."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document

from discussions.models import Post, PostAttachment, PostStatus
from discussions.tests.discovery_fixtures import token_headers
from discussions.tests.factories import DiscussionFactory, PostFactory
from spaces.models import Membership
from spaces.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/discussies"


def detail(discussion) -> str:
    return reverse("api:discussion-detail", kwargs={"pk": discussion.pk})


@pytest.fixture
def writer(closed_space):
    user = UserFactory(username="schrijfster", first_name="Wilhelmina", last_name="Vrijdag")
    MembershipFactory(space=closed_space, user=user)
    return user


@pytest.fixture
def open_question(public_space):
    author = UserFactory(username="open-schrijver", first_name="Otto", last_name="Open")
    return DiscussionFactory(
        space=public_space,
        author=author,
        title="Hangplek bij het winkelcentrum",
        opening__body="Jongeren hangen elke avond bij de fietsenstalling.",
    )


@pytest.fixture
def closed_question(closed_space, writer):
    return DiscussionFactory(
        space=closed_space,
        author=writer,
        is_anonymous=True,
        kind="ervaring",
        title="Intervisie over een lastige melding",
        opening__body="Een bewoner belde mij; ik twijfel wat te doen.",
    )


def get(client, url, user=None, **params):
    headers = token_headers(user) if user is not None and user.is_authenticated else {}
    return client.get(url, params, **headers)


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["titel"] for item in response.json()["resultaten"]]


def test_the_list_shows_what_each_caller_may_read(
    client, open_question, closed_question, anonymous, outsider, member, moderator, editor
):
    for user in (anonymous, outsider):
        assert titles(get(client, LIST, user)) == [open_question.title], user
        assert get(client, detail(closed_question), user).status_code == 404
    for user in (member, moderator, editor):
        assert set(titles(get(client, LIST, user))) == {
            open_question.title,
            closed_question.title,
        }, user
        assert get(client, detail(closed_question), user).status_code == 200


def test_a_hidden_discussion_answers_like_a_missing_one(client, closed_question, outsider):
    hidden = get(client, detail(closed_question), outsider)
    missing = get(client, reverse("api:discussion-detail", kwargs={"pk": 999999}), outsider)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["detail"] == missing.json()["detail"]
    assert hidden["Content-Type"] == "application/problem+json"


def test_list_fields_are_dutch_and_link_to_the_detail(client, open_question):
    item = get(client, LIST).json()["resultaten"][0]
    assert set(item) == {
        "id",
        "titel",
        "soort",
        "ruimte",
        "schrijver",
        "anoniem",
        "gesloten",
        "aantalReacties",
        "gestartOp",
        "laatsteActiviteit",
        "gewijzigdOp",
        "_links",
    }
    assert item["ruimte"] == {"slug": "open", "naam": "Open netwerk"}
    assert item["schrijver"] == "Otto Open"
    assert item["soort"] == "vraag"
    assert item["_links"]["self"]["href"] == f"http://testserver{detail(open_question)}"
    assert client.get(item["_links"]["self"]["href"]).status_code == 200


def test_filters_on_space_and_kind_and_newest_activity_first(
    client, public_space, open_question, member, closed_question
):
    later = DiscussionFactory(space=public_space, kind="oproep", title="Wie helpt zaterdag?")
    PostFactory(discussion=open_question)  # the newest activity
    assert titles(get(client, LIST)) == [open_question.title, later.title]
    assert titles(get(client, LIST, soort="oproep")) == [later.title]
    assert titles(get(client, LIST, soort=["oproep", "vraag"])) == [
        open_question.title,
        later.title,
    ]
    assert titles(get(client, LIST, ruimte="open")) == [open_question.title, later.title]
    assert titles(get(client, LIST, member, ruimte="besloten")) == [closed_question.title]


def test_a_closed_space_filter_tells_an_outsider_nothing(client, closed_question, outsider):
    closed = get(client, LIST, outsider, ruimte="besloten")
    missing = get(client, LIST, outsider, ruimte="bestaat-niet")
    assert closed.status_code == missing.status_code == 200
    assert closed.json()["aantal"] == missing.json()["aantal"] == 0


def test_bad_filters_are_refused_all_at_once(client, open_question):
    response = get(client, LIST, soort="forum", ruimte="geen slug!", kleur="rood")
    assert response.status_code == 400
    names = {problem["name"] for problem in response.json()["invalidParams"]}
    assert names == {"soort", "ruimte", "kleur"}


def test_the_author_of_an_anonymous_post_is_never_shown_to_members(
    client, closed_question, member, writer
):
    reply = PostFactory(discussion=closed_question, author=writer, is_anonymous=True)
    for url in (LIST, detail(closed_question)):
        response = get(client, url, member)
        body = response.content.decode()
        assert closed_question.title in body
        assert writer.username not in body
        assert "Wilhelmina" not in body and "Vrijdag" not in body
    data = get(client, detail(closed_question), member).json()
    assert data["schrijver"] is None and data["anoniem"] is True
    posts = {post["id"]: post for post in data["berichten"]}
    assert posts[reply.pk]["schrijver"] is None and posts[reply.pk]["anoniem"] is True


def test_moderators_and_editors_see_who_wrote_anonymously(
    client, closed_question, moderator, editor, writer
):
    for user in (moderator, editor):
        data = get(client, detail(closed_question), user).json()
        assert data["schrijver"] == "Wilhelmina Vrijdag"
        assert data["berichten"][0]["schrijver"] == "Wilhelmina Vrijdag"
        assert data["berichten"][0]["anoniem"] is True


def test_the_author_rule_is_the_one_of_shown_author(
    client, closed_question, writer, member, moderator, editor, outsider, closed_space
):
    """The API asks the database once per request; it answers as `Post.shown_author` does."""
    former = UserFactory(username="oud-moderator")
    MembershipFactory(
        space=closed_space,
        user=former,
        role=Membership.Role.MODERATOR,
        status=Membership.Status.REMOVED,
    )
    PostFactory(discussion=closed_question, author=member, body="Met naam.")
    for user in (member, moderator, editor, writer, former):
        data = get(client, detail(closed_question), user)
        if data.status_code == 404:
            assert user == former
            continue
        shown = {p["id"]: p["schrijver"] for p in data.json()["berichten"]}
        for post in Post.objects.filter(discussion=closed_question):
            author = post.shown_author(user)
            expected = None if author is None else (author.get_full_name() or author.username)
            assert shown[post.pk] == expected, (user, post)


def test_held_and_hidden_text_is_absent_for_others(client, open_question, outsider, editor):
    held_author = UserFactory(username="nieuwkomer")
    held = PostFactory(
        discussion=open_question, author=held_author, body="Wachtende tekst.", status="wacht"
    )
    hidden = PostFactory(discussion=open_question, body="Verborgen scheldwoord.")
    hidden.status = PostStatus.HIDDEN
    hidden.save()
    for user in (None, outsider):
        body = get(client, detail(open_question), user).content.decode()
        assert "Wachtende tekst" not in body and "Verborgen scheldwoord" not in body
        assert held.pk not in [
            p["id"] for p in get(client, detail(open_question), user).json()["berichten"]
        ]
    # Their author sees their own held post; an editor sees both, with their status.
    own = get(client, detail(open_question), held_author).json()["berichten"]
    assert [p["status"] for p in own if p["id"] == held.pk] == ["wacht"]
    statuses = {
        p["id"]: p["status"] for p in get(client, detail(open_question), editor).json()["berichten"]
    }
    assert statuses[held.pk] == "wacht" and statuses[hidden.pk] == "verborgen"


def test_a_deleted_post_is_a_marker_without_text_or_author(client, open_question):
    reply = PostFactory(discussion=open_question, body="Spijt van dit bericht.")
    reply.status = PostStatus.DELETED
    reply.save()
    response = get(client, detail(open_question))
    post = next(p for p in response.json()["berichten"] if p["id"] == reply.pk)
    assert post["verwijderd"] is True
    assert post["tekst"] is None and post["schrijver"] is None and post["bijlagen"] == []
    assert "Spijt van dit bericht" not in response.content.decode()
    assert reply.author.username not in response.content.decode()


def test_detail_fields_and_attachments(client, open_question):
    opening = open_question.posts.get()
    document = Document.objects.create(
        title="Plattegrond", file=ContentFile(b"kaart", name="plattegrond.txt")
    )
    PostAttachment.objects.create(post=opening, document=document)
    data = get(client, detail(open_question)).json()
    assert set(data) >= {"id", "titel", "berichten", "_links"}
    (post,) = data["berichten"]
    assert set(post) == {
        "id",
        "tekst",
        "schrijver",
        "anoniem",
        "opening",
        "status",
        "verwijderd",
        "geplaatstOp",
        "bewerktOp",
        "bijlagen",
    }
    assert post["tekst"] == "Jongeren hangen elke avond bij de fietsenstalling."
    assert post["opening"] is True and post["verwijderd"] is False and post["bewerktOp"] is None
    assert post["bijlagen"] == [{"titel": "Plattegrond", "url": f"http://testserver{document.url}"}]


def test_the_api_is_read_only(client, open_question, editor):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(detail(open_question), **token_headers(editor))
        assert response.status_code == 405, method


def test_list_query_count_does_not_grow(
    client, public_space, closed_space, member, django_assert_num_queries
):
    for _n in range(3):
        DiscussionFactory(space=public_space)
        DiscussionFactory(space=closed_space, is_anonymous=True)
    headers = token_headers(member)
    client.get(LIST, **headers)
    # The token, the caller's permissions (two: are they an editor?), the count, the page (with
    # spaces and authors), the spaces the caller moderates.
    with django_assert_num_queries(6):
        client.get(LIST, **headers)
    for _n in range(5):
        DiscussionFactory(space=public_space)
        DiscussionFactory(space=closed_space, is_anonymous=True)
    with django_assert_num_queries(6):
        response = client.get(LIST, **headers)
    assert response.json()["aantal"] == 16


def test_detail_query_count_does_not_grow(
    client, closed_question, member, django_assert_num_queries
):
    document = Document.objects.create(title="Bijlage", file=ContentFile(b"x", name="b.txt"))
    headers = token_headers(member)

    def add_replies():
        for n in range(3):
            reply = PostFactory(discussion=closed_question, is_anonymous=n % 2 == 0)
            PostAttachment.objects.create(post=reply, document=document)

    add_replies()
    client.get(detail(closed_question), **headers)
    # The token, the caller's permissions (two), the discussion (with space and author), the
    # spaces the caller moderates, the posts with their authors, their attachments, the
    # attachments' documents.
    with django_assert_num_queries(8):
        client.get(detail(closed_question), **headers)
    add_replies()
    with django_assert_num_queries(8):
        response = client.get(detail(closed_question), **headers)
    assert len(response.json()["berichten"]) == 7
