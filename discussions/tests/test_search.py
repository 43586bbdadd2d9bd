"""Discussions in site search (`/zoeken/?soort=discussie` and `/api/v1/_zoek`): found by the
words of their published posts, only by those who may read them, never with an author behind
an anonymous post, never with the text of a held, hidden or deleted post."""

import pytest
from django.urls import reverse

from discussions.models import Post, PostStatus
from discussions.tests.discovery_fixtures import token_headers
from discussions.tests.factories import DiscussionFactory, PostFactory
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SEARCH = "/zoeken/"


@pytest.fixture
def writer(db):
    return UserFactory(username="schrijfster", first_name="Wilhelmina", last_name="Vrijdag")


@pytest.fixture
def open_question(public_space, writer):
    return DiscussionFactory(
        space=public_space,
        author=writer,
        title="Hangplek bij het winkelcentrum",
        opening__body="Jongeren hangen elke avond bij de fietsenstalling. Wie herkent dit?",
    )


@pytest.fixture
def closed_question(closed_space, writer):
    return DiscussionFactory(
        space=closed_space,
        author=writer,
        is_anonymous=True,
        title="Intervisie over de fietsenstalling",
        opening__body="Een bewoner belde mij over de fietsenstalling; ik twijfel wat te doen.",
    )


def discussion_titles(response) -> list[str]:
    return [discussion.title for discussion in response.context["discussions"]]


def kind_counts(response) -> dict[str, int]:
    facets = {facet.name: facet for facet in response.context["facets"]}
    return {option.value: option.count for option in facets["soort"].options}


def test_a_discussion_is_found_by_its_title_and_shows_its_space_and_a_snippet(
    client, open_question
):
    response = client.get(SEARCH, {"q": "hangplek", "soort": "discussie"})

    assert discussion_titles(response) == ["Hangplek bij het winkelcentrum"]
    html = response.content.decode()
    assert "Open netwerk" in html
    assert "Jongeren hangen elke avond" in html
    assert open_question.get_absolute_url() in html
    assert kind_counts(response) == {"discussie": 1}
    assert "Niets gevonden." not in html


def test_words_of_a_reply_find_the_discussion_and_are_marked(client, open_question):
    PostFactory(discussion=open_question, body="Bij ons hielp een buurtvader op de stoep.")

    response = client.get(SEARCH, {"q": "buurtvaders"})

    assert discussion_titles(response) == ["Hangplek bij het winkelcentrum"]
    assert "<mark>buurtvader</mark>" in response.content.decode()


def test_a_closed_space_discussion_is_found_by_members_and_editors_only(
    client_for, client, closed_question, open_question, member, outsider, editor, anonymous
):
    for user in (anonymous, outsider):
        client.logout()
        response = client_for(user).get(SEARCH, {"q": "fietsenstalling"})
        assert discussion_titles(response) == ["Hangplek bij het winkelcentrum"], user
        assert kind_counts(response) == {"discussie": 1}, user
        assert "Intervisie" not in response.content.decode()
    for user in (member, editor):
        response = client_for(user).get(SEARCH, {"q": "fietsenstalling"})
        assert set(discussion_titles(response)) == {
            "Hangplek bij het winkelcentrum",
            "Intervisie over de fietsenstalling",
        }, user
        assert kind_counts(response) == {"discussie": 2}, user


def test_the_author_of_an_anonymous_discussion_is_never_in_the_results(
    client_for, closed_question, member, writer
):
    html = client_for(member).get(SEARCH, {"q": "fietsenstalling"}).content.decode()
    assert "Intervisie over de fietsenstalling" in html
    assert writer.username not in html
    assert "Wilhelmina" not in html and "Vrijdag" not in html


def test_held_and_hidden_text_is_not_found_and_not_shown(
    client_for, client, open_question, outsider
):
    PostFactory(discussion=open_question, body="Klokkenluider noemt een adres.", status="wacht")
    hidden = PostFactory(discussion=open_question, body="Scheldwoord over de buurman.")
    assert discussion_titles(client.get(SEARCH, {"q": "scheldwoord"})) == [open_question.title]

    # A moderator hides it (saving the post, as the moderation service does).
    hidden.status = PostStatus.HIDDEN
    hidden.save()

    for user in (None, outsider):
        http = client_for(user)
        assert discussion_titles(http.get(SEARCH, {"q": "scheldwoord"})) == []
        assert discussion_titles(http.get(SEARCH, {"q": "klokkenluider"})) == []
        html = http.get(SEARCH, {"q": "fietsenstalling"}).content.decode()
        assert open_question.title in html
        assert "Scheldwoord" not in html and "Klokkenluider" not in html


def test_a_deleted_post_leaves_the_index(client, open_question):
    reply = PostFactory(discussion=open_question, body="Mijn telefoonnummer is hier.")
    assert discussion_titles(client.get(SEARCH, {"q": "telefoonnummer"})) == [open_question.title]

    reply.delete()

    assert discussion_titles(client.get(SEARCH, {"q": "telefoonnummer"})) == []


def test_hiding_by_a_queryset_update_leaves_the_index_once_moderation_says_so(
    client, open_question
):
    """Moderation may change a post without saving it; its `post_moderated` signal re-indexes."""
    from discussions.signals import post_moderated

    reply = PostFactory(discussion=open_question, body="Een scheldwoord in de reactie.")
    Post.objects.filter(pk=reply.pk).update(status=PostStatus.HIDDEN)
    post_moderated.send(sender=Post, post=reply, action="verbergen", reason="", actor=None)

    assert discussion_titles(client.get(SEARCH, {"q": "scheldwoord"})) == []


def test_a_held_discussion_is_found_by_its_author_only_without_its_text(
    client_for, client, public_space, writer, outsider
):
    DiscussionFactory(
        space=public_space,
        author=writer,
        title="Buurtbarbecue met de wijkagent",
        opening_status=PostStatus.HELD,
        opening__body="Wie doet mee met de barbecue?",
    )
    assert discussion_titles(client.get(SEARCH, {"q": "buurtbarbecue"})) == []
    assert discussion_titles(client_for(outsider).get(SEARCH, {"q": "buurtbarbecue"})) == []
    client.logout()
    response = client_for(writer).get(SEARCH, {"q": "buurtbarbecue"})
    assert discussion_titles(response) == ["Buurtbarbecue met de wijkagent"]
    # The text of a post waiting for a moderator is not indexed, nor shown as a snippet.
    assert discussion_titles(client_for(writer).get(SEARCH, {"q": "meedoen"})) == []
    assert "Wie doet mee" not in response.content.decode()


def test_the_kind_filter_keeps_discussions_apart(client, open_question):
    from cases.tests.factories import CaseFactory

    CaseFactory(title="Hangplek aangepakt", summary="Een hangplek verdween.")
    both = client.get(SEARCH, {"q": "hangplek"})
    assert discussion_titles(both) and both.context["hits"]
    assert kind_counts(both) == {"praktijkvoorbeeld": 1, "discussie": 1}
    only = client.get(SEARCH, {"q": "hangplek", "soort": "discussie"})
    assert discussion_titles(only) and not only.context["hits"]
    cases = client.get(SEARCH, {"q": "hangplek", "soort": "praktijkvoorbeeld"})
    assert not cases.context["discussions"] and cases.context["hits"]


# --- /api/v1/_zoek --------------------------------------------------------------------------


def test_the_search_api_lists_discussions_beside_the_cases(
    client, open_question, closed_question, member, writer
):
    url = reverse("api:search")
    body = client.get(url, {"q": "fietsenstalling", "soort": "discussie"}).json()

    assert [hit["titel"] for hit in body["discussies"]] == ["Hangplek bij het winkelcentrum"]
    hit = body["discussies"][0]
    assert hit["id"] == open_question.pk
    assert hit["soort"] == "vraag"
    assert hit["ruimte"] == {"slug": "open", "naam": "Open netwerk"}
    assert "fietsenstalling" in hit["fragment"] and "<mark>" not in hit["fragment"]
    assert hit["_links"]["self"]["href"].endswith(
        reverse("api:discussion-detail", kwargs={"pk": open_question.pk})
    )
    assert {o["waarde"]: o["aantal"] for o in body["facetten"]["soort"]} == {"discussie": 1}

    as_member = client.get(url, {"q": "fietsenstalling"}, **token_headers(member))
    assert len(as_member.json()["discussies"]) == 2
    assert writer.username not in as_member.content.decode()
    assert "Wilhelmina" not in as_member.content.decode()


def test_the_search_api_refuses_an_unknown_kind(client, open_question):
    response = client.get(reverse("api:search"), {"q": "hangplek", "soort": "forum"})
    assert response.status_code == 400
    assert "soort" in response.content.decode()


def test_the_discussions_found_cost_two_queries_however_many(
    client, public_space, django_assert_num_queries
):
    def ask():
        client.get(SEARCH, {"q": "stoeptegel", "soort": "discussie"})

    DiscussionFactory(space=public_space, title="Losse stoeptegel", opening__body="Een tegel.")
    client.get(SEARCH, {"q": "stoeptegel"})  # the search state and the thesaurus, once
    with django_assert_num_queries(1):  # the state; the matches are kept (nothing to load)
        client.get(SEARCH, {"q": "stoeptegel", "soort": "thema"})
    for n in range(5):
        PostFactory(
            discussion=DiscussionFactory(space=public_space, title=f"Stoeptegel {n}"),
            body="Nog een stoeptegel los.",
        )
    client.get(SEARCH, {"q": "stoeptegel"})
    # The state, then the discussions with their spaces and their published posts' text.
    with django_assert_num_queries(3):
        ask()
    assert len(client.get(SEARCH, {"q": "stoeptegel"}).context["discussions"]) == 6
