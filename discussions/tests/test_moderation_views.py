"""The moderation pages: who gets them (others get 404, like the spaces' moderator pages), what
they show, and what bad input does (a clear message, nothing stored)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from discussions import admin_queue, moderation, rules
from discussions.models import Discussion, PostStatus, Report
from discussions.tests.factories import DiscussionFactory, PostFactory, ReportFactory
from spaces.models import Membership, ModerationLog
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(closed_space):
    user = UserFactory(username="schrijver", first_name="Sanne")
    MembershipFactory(space=closed_space, user=user)
    return user


@pytest.fixture
def discussion(closed_space, author):
    return DiscussionFactory(space=closed_space, author=author, title="Overlast in de portiek")


@pytest.fixture
def reply(discussion, author):
    return PostFactory(discussion=discussion, author=author, body="Meneer Jansen op nummer 3.")


@pytest.fixture
def other_moderator(db):
    user = UserFactory(username="andere-moderator")
    MembershipFactory(space=SpaceFactory(), user=user, role=Membership.Role.MODERATOR)
    return user


def post_url(post, action):
    return f"/ruimtes/{post.discussion.space.slug}/berichten/{post.pk}/{action}/"


def discussion_url(discussion, action):
    return f"/ruimtes/{discussion.space.slug}/discussies/{discussion.pk}/{action}/"


def text(response):
    return response.content.decode()


# --- the queue -------------------------------------------------------------------------------


def test_the_queue_shows_reports_and_held_posts(client_for, moderator, member, reply, discussion):
    ReportFactory(post=reply, reporter=member, reason="Noemt een bewoner bij naam.")
    PostFactory(discussion=discussion, status=PostStatus.HELD, body="Mijn eerste bericht hier.")
    response = client_for(moderator).get("/ruimtes/besloten/moderatie/")
    assert response.status_code == 200
    body = text(response)
    assert "Meneer Jansen op nummer 3." in body
    assert "Noemt een bewoner bij naam." in body
    assert "lid" in body  # who reported
    assert "Mijn eerste bericht hier." in body
    assert post_url(reply, "verbergen") in body
    assert "/goedkeuren/" in body


@pytest.mark.parametrize("role", ["member", "outsider", "other_moderator"])
def test_the_queue_is_404_for_others(request, client_for, role, closed_space):
    response = client_for(request.getfixturevalue(role)).get("/ruimtes/besloten/moderatie/")
    assert response.status_code == 404


def test_the_queue_asks_anonymous_visitors_to_log_in(client, closed_space):
    response = client.get("/ruimtes/besloten/moderatie/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_editors_see_every_spaces_queue(client_for, editor, closed_space):
    assert client_for(editor).get("/ruimtes/besloten/moderatie/").status_code == 200


def test_moderators_switch_holding_first_posts_on_the_queue(
    client_for, moderator, public_space, closed_space
):
    MembershipFactory(space=public_space, user=moderator, role=Membership.Role.MODERATOR)
    client = client_for(moderator)
    response = client.post("/ruimtes/open/moderatie/", {"hold_first_posts": "on"}, follow=True)
    assert "worden nu eerst nagekeken" in text(response)
    public_space.refresh_from_db()
    assert public_space.hold_first_posts
    assert ModerationLog.objects.filter(
        space=public_space, action=ModerationLog.Action.EDITED
    ).exists()
    client.post("/ruimtes/open/moderatie/", {})
    public_space.refresh_from_db()
    assert not public_space.hold_first_posts


def test_a_member_cannot_switch_the_setting(client_for, member, closed_space):
    response = client_for(member).post("/ruimtes/besloten/moderatie/", {"hold_first_posts": "on"})
    assert response.status_code == 404
    closed_space.refresh_from_db()
    assert not closed_space.hold_first_posts


# --- reporting -------------------------------------------------------------------------------


def test_a_member_reports_a_post(client_for, member, reply):
    client = client_for(member)
    form = client.get(post_url(reply, "melden"))
    assert form.status_code == 200
    assert "Waarom meldt u dit bericht?" in text(form)
    response = client.post(post_url(reply, "melden"), {"reason": "Noemt een naam."}, follow=True)
    assert "De moderatoren van deze ruimte kijken naar uw melding." in text(response)
    report = Report.objects.get()
    assert (report.reporter, report.reason) == (member, "Noemt een naam.")


def test_reporting_without_a_reason_stores_nothing(client_for, member, reply):
    response = client_for(member).post(post_url(reply, "melden"), {"reason": "  "})
    assert response.status_code == 400
    body = text(response)
    assert "Schrijf waarom u dit bericht meldt." in body
    assert 'href="#id_reason"' in body  # the error summary leads to the field
    assert not Report.objects.exists()


def test_the_report_rate_limit_is_explained(client_for, member, discussion, monkeypatch):
    monkeypatch.setattr(rules, "REPORT_LIMIT", (1, timedelta(hours=1)))
    first, second = PostFactory(discussion=discussion), PostFactory(discussion=discussion)
    client = client_for(member)
    client.post(post_url(first, "melden"), {"reason": "Een"})
    response = client.post(post_url(second, "melden"), {"reason": "Twee"})
    assert response.status_code == 400
    assert "U heeft in korte tijd veel meldingen gedaan" in text(response)
    assert Report.objects.count() == 1


def test_reporting_ones_own_post_is_explained(client_for, author, reply):
    response = client_for(author).post(post_url(reply, "melden"), {"reason": "Oeps."})
    assert response.status_code == 400
    assert "eigen bericht" in text(response)
    assert not Report.objects.exists()


def test_report_page_is_404_where_the_post_cannot_be_read(client_for, outsider, member, reply):
    assert client_for(outsider).get(post_url(reply, "melden")).status_code == 404
    assert client_for(outsider).post(post_url(reply, "melden"), {"reason": "x"}).status_code == 404
    hidden = PostFactory(discussion=reply.discussion, status=PostStatus.HIDDEN)
    assert client_for(member).get(post_url(hidden, "melden")).status_code == 404
    assert client_for(member).get("/ruimtes/besloten/berichten/999999/melden/").status_code == 404
    # The right post under another space's address.
    other = SpaceFactory(slug="anders")
    MembershipFactory(space=other, user=member)
    assert client_for(member).get(f"/ruimtes/anders/berichten/{reply.pk}/melden/").status_code == (
        404
    )
    assert not Report.objects.exists()


def test_reporting_asks_anonymous_visitors_to_log_in(client, reply):
    response = client.get(post_url(reply, "melden"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_after_reporting_the_visitor_goes_back_but_never_off_site(client_for, member, reply):
    client = client_for(member)
    response = client.post(
        post_url(reply, "melden"), {"reason": "Een", "next": "https://elders.example/"}
    )
    assert response.status_code == 302
    assert "elders.example" not in response["Location"]


# --- hiding, restoring, approving ------------------------------------------------------------


def test_a_moderator_hides_with_a_reason(client_for, moderator, reply, member):
    ReportFactory(post=reply, reporter=member)
    client = client_for(moderator)
    form = client.get(post_url(reply, "verbergen"))
    assert form.status_code == 200
    assert "Meneer Jansen op nummer 3." in text(form)
    response = client.post(
        post_url(reply, "verbergen"),
        {"reason": "Noem geen bewoners.", "next": "/ruimtes/besloten/moderatie/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/ruimtes/besloten/moderatie/"
    reply.refresh_from_db()
    assert (reply.status, reply.moderation_reason) == (PostStatus.HIDDEN, "Noem geen bewoners.")
    assert Report.objects.get().status == Report.Status.HANDLED
    # The queue is empty now.
    assert "Er zijn geen openstaande meldingen." in text(client.get("/ruimtes/besloten/moderatie/"))


def test_hiding_without_a_reason_stores_nothing(client_for, moderator, reply):
    response = client_for(moderator).post(post_url(reply, "verbergen"), {"reason": ""})
    assert response.status_code == 400
    assert "Schrijf waarom u dit bericht verbergt." in text(response)
    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED
    assert not ModerationLog.objects.filter(action=ModerationLog.Action.HIDDEN).exists()


@pytest.mark.parametrize("role", ["member", "author", "outsider", "other_moderator"])
@pytest.mark.parametrize("action", ["verbergen", "herstellen", "goedkeuren"])
def test_post_actions_are_404_for_others(request, client_for, role, action, reply):
    client = client_for(request.getfixturevalue(role))
    response = client.post(post_url(reply, action), {"reason": "Weg ermee."})
    assert response.status_code == 404
    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED


def test_a_post_of_another_space_is_404_for_this_spaces_moderator(client_for, moderator):
    elsewhere = DiscussionFactory(space=SpaceFactory(slug="elders")).posts.get()
    assert client_for(moderator).get(post_url(elsewhere, "verbergen")).status_code == 404
    wrong_address = f"/ruimtes/besloten/berichten/{elsewhere.pk}/verbergen/"
    assert client_for(moderator).get(wrong_address).status_code == 404


def test_restoring_and_approving(client_for, moderator, reply, discussion):
    moderation.hide_post(actor=moderator, post=reply, reason="Weg.")
    client = client_for(moderator)
    assert client.get(post_url(reply, "herstellen")).status_code == 200
    response = client.post(post_url(reply, "herstellen"), {"reason": ""}, follow=True)
    assert "Het bericht staat weer zichtbaar" in text(response)
    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED

    held = PostFactory(discussion=discussion, status=PostStatus.HELD)
    assert client.get(post_url(held, "goedkeuren")).status_code == 405
    response = client.post(post_url(held, "goedkeuren"), follow=True)
    assert "Het bericht is goedgekeurd" in text(response)
    held.refresh_from_db()
    assert held.status == PostStatus.PUBLISHED
    assert Discussion.objects.get(pk=discussion.pk).reply_count == 2
    # Twice: a clear message, nothing changes.
    response = client.post(post_url(held, "goedkeuren"), follow=True)
    assert "Dit bericht wacht niet op goedkeuring." in text(response)


# --- locking ---------------------------------------------------------------------------------


def test_locking_and_reopening(client_for, moderator, discussion):
    client = client_for(moderator)
    assert client.get(discussion_url(discussion, "sluiten")).status_code == 200
    response = client.post(discussion_url(discussion, "sluiten"), {"reason": ""})
    assert response.status_code == 400
    assert "Schrijf waarom u deze discussie sluit." in text(response)
    discussion.refresh_from_db()
    assert not discussion.is_locked
    client.post(discussion_url(discussion, "sluiten"), {"reason": "Alles is gezegd."})
    discussion.refresh_from_db()
    assert discussion.is_locked and discussion.lock_reason == "Alles is gezegd."
    assert client.get(discussion_url(discussion, "heropenen")).status_code == 405
    client.post(discussion_url(discussion, "heropenen"))
    discussion.refresh_from_db()
    assert not discussion.is_locked


@pytest.mark.parametrize("role", ["member", "author", "outsider", "other_moderator"])
def test_locking_is_404_for_others(request, client_for, role, discussion):
    client = client_for(request.getfixturevalue(role))
    assert client.post(discussion_url(discussion, "sluiten"), {"reason": "Dicht."}).status_code == (
        404
    )
    assert client.post(discussion_url(discussion, "heropenen")).status_code == 404
    discussion.refresh_from_db()
    assert not discussion.is_locked


# --- the spaces' pages -----------------------------------------------------------------------


def test_suspending_from_the_members_page(client_for, moderator, member, closed_space):
    membership = Membership.objects.get(space=closed_space, user=member)
    client = client_for(moderator)
    page = text(client.get("/ruimtes/besloten/leden/"))
    assert "Schorsen" in page
    response = client.post(
        f"/ruimtes/besloten/leden/{membership.pk}/",
        {"action": "schorsen", "days": "7", "reason": ""},
        follow=True,
    )
    assert "Schrijf waarom u dit lid schorst." in text(response)
    membership.refresh_from_db()
    assert not membership.is_suspended
    response = client.post(
        f"/ruimtes/besloten/leden/{membership.pk}/",
        {"action": "schorsen", "days": "7", "reason": "Scheldwoorden."},
        follow=True,
    )
    assert "is geschorst tot" in text(response)
    membership.refresh_from_db()
    assert membership.is_suspended
    assert membership.suspended_until > timezone.now() + timedelta(days=6)
    assert "Schorsing opheffen" in text(response)
    client.post(f"/ruimtes/besloten/leden/{membership.pk}/", {"action": "schorsing_opheffen"})
    membership.refresh_from_db()
    assert not membership.is_suspended


def test_the_log_links_to_where_it_happened(client_for, moderator, member, reply):
    ModerationLog.objects.create(
        space=reply.discussion.space,
        actor=member,
        action=ModerationLog.Action.REPORTED,
        subject=reply.author,
        detail="Noemt een naam.",
        target_url="/ruimtes/besloten/discussies/1/#bericht-2",
    )
    body = text(client_for(moderator).get("/ruimtes/besloten/logboek/"))
    assert "meldde een bericht" in body
    assert 'href="/ruimtes/besloten/discussies/1/#bericht-2"' in body
    assert "Noemt een naam." in body


# --- the include templates on the discussion page ---------------------------------------------


def render_post(post, user, can_moderate=False):
    request = RequestFactory().get("/ruimtes/besloten/discussies/1/")
    request.user = user
    return render_to_string(
        "discussions/_post_moderation.html",
        {
            "post": post,
            "discussion": post.discussion,
            "space": post.discussion.space,
            "can_moderate": can_moderate,
            "user": user,
        },
        request=request,
    )


def test_the_post_slot_offers_reporting_and_moderation(member, moderator, author, reply):
    assert post_url(reply, "melden") in render_post(reply, member)
    assert post_url(reply, "melden") not in render_post(reply, author)  # not one's own post
    assert "melden" not in render_post(reply, AnonymousUser())
    as_moderator = render_post(reply, moderator, can_moderate=True)
    assert post_url(reply, "verbergen") in as_moderator
    assert "<form" not in render_post(reply, member)


def test_a_hidden_post_shows_its_reason_to_its_author_only(member, moderator, author, reply):
    moderation.hide_post(actor=moderator, post=reply, reason="Noem geen bewoners.")
    reply.refresh_from_db()
    for_author = render_post(reply, author)
    assert "Dit bericht is verborgen door een moderator." in for_author
    assert "Noem geen bewoners." in for_author
    for_member = render_post(reply, member)
    assert "Dit bericht is verborgen door een moderator." in for_member
    assert "Noem geen bewoners." not in for_member
    for_moderator = render_post(reply, moderator, can_moderate=True)
    assert post_url(reply, "herstellen") in for_moderator


def test_a_held_post_offers_approval_as_a_form(moderator, discussion, author):
    held = PostFactory(discussion=discussion, author=author, status=PostStatus.HELD)
    for_moderator = render_post(held, moderator, can_moderate=True)
    assert f'action="{post_url(held, "goedkeuren")}"' in for_moderator
    assert 'type="submit"' in for_moderator
    assert "Uw bericht wacht op een moderator." in render_post(held, author)


def test_the_discussion_slot_shows_the_lock(moderator, member, discussion):
    moderation.lock_discussion(actor=moderator, discussion=discussion, reason="Alles is gezegd.")
    discussion.refresh_from_db()
    request = RequestFactory().get("/")
    context = {"discussion": discussion, "space": discussion.space}
    for_member = render_to_string(
        "discussions/_discussion_moderation.html", {**context, "can_moderate": False}, request
    )
    assert "gesloten" in for_member and "Alles is gezegd." in for_member
    assert "<form" not in for_member
    for_moderator = render_to_string(
        "discussions/_discussion_moderation.html", {**context, "can_moderate": True}, request
    )
    assert discussion_url(discussion, "heropenen") in for_moderator


# --- the back office -------------------------------------------------------------------------


def admin_request(user):
    request = RequestFactory().get("/beheer/meldingen/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_the_back_office_queue_is_for_editors(editor, member, reply, discussion, public_space):
    ReportFactory(post=reply, reporter=member, reason="Noemt een naam.")
    PostFactory(
        discussion=DiscussionFactory(space=public_space),
        status=PostStatus.HELD,
        body="Wachtend bericht in een andere ruimte.",
    )
    response = admin_queue.admin_queue(admin_request(editor))
    response.render()
    body = response.content.decode()
    assert "Meneer Jansen op nummer 3." in body and "Noemt een naam." in body
    assert "Wachtend bericht in een andere ruimte." in body
    assert "/ruimtes/besloten/moderatie/" in body and "/ruimtes/open/moderatie/" in body
    with pytest.raises(PermissionDenied):
        admin_queue.admin_queue(admin_request(member))
    assert admin_queue.QueueMenuItem("Meldingen", "/beheer/meldingen/").is_shown(
        admin_request(editor)
    )
    assert not admin_queue.QueueMenuItem("Meldingen", "/").is_shown(admin_request(member))
