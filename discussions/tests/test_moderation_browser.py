"""Browser and accessibility tests for moderation: axe-core at 1280 and 360 px on the queue, the
report form and the hide, restore and lock forms (also with their errors), and approving a held
post from the queue with the keyboard alone."""

import pytest

from discussions.models import PostStatus
from discussions.tests.factories import DiscussionFactory, PostFactory, ReportFactory
from kennisplatform.tests.test_browser import (
    assert_focus_visible,
    assert_no_axe_violations_wide_and_narrow,
    sign_in,
    tab_until,
)
from spaces.models import Membership, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world():
    space = SpaceFactory(
        name="Netwerk wijkaanpak",
        slug="netwerk",
        visibility=Space.Visibility.PUBLIC,
        join_policy=Space.JoinPolicy.OPEN,
        hold_first_posts=True,
    )
    moderator = UserFactory(username="mira", first_name="Mira", last_name="Moderator")
    MembershipFactory(space=space, user=moderator, role=Membership.Role.MODERATOR)
    member = UserFactory(username="lieke", first_name="Lieke", last_name="Lid")
    MembershipFactory(space=space, user=member)
    author = UserFactory(username="sam", first_name="Sam", last_name="Schrijver")
    MembershipFactory(space=space, user=author)
    discussion = DiscussionFactory(
        space=space, author=author, title="Hoe houden jullie een portiekgesprek?"
    )
    reply = PostFactory(
        discussion=discussion, author=author, body="Meneer Jansen op nummer 3 is de dader."
    )
    ReportFactory(post=reply, reporter=member, reason="Noemt een bewoner bij naam.")
    held = PostFactory(
        discussion=discussion,
        author=UserFactory(username="nieuw", first_name="Nina"),
        status=PostStatus.HELD,
        body="Mijn eerste bericht: wij nodigen de woningcorporatie uit.",
    )
    return {
        "space": space,
        "moderator": moderator,
        "member": member,
        "discussion": discussion,
        "reply": reply,
        "held": held,
    }


def test_the_queue(page, live_server, world):
    sign_in(page, live_server, world["moderator"])
    page.goto("/ruimtes/netwerk/moderatie/")
    assert page.get_by_text("Noemt een bewoner bij naam.").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_the_report_form_and_its_errors(page, live_server, world):
    sign_in(page, live_server, world["member"])
    page.goto(f"/ruimtes/netwerk/berichten/{world['discussion'].posts.first().pk}/melden/")
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_role("button", name="Verstuur melding").press("Enter")
    page.get_by_text("Dit ging niet goed").wait_for()
    assert page.get_by_role("link", name="Schrijf waarom u dit bericht meldt.").count() == 1
    assert_no_axe_violations_wide_and_narrow(page)


@pytest.mark.parametrize("action", ["verbergen", "herstellen"])
def test_the_post_forms_and_their_errors(page, live_server, world, action):
    sign_in(page, live_server, world["moderator"])
    page.goto(f"/ruimtes/netwerk/berichten/{world['reply'].pk}/{action}/")
    assert page.get_by_text("Meneer Jansen op nummer 3").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
    if action == "verbergen":
        page.get_by_role("button", name="Verberg bericht").press("Enter")
        page.get_by_text("Dit ging niet goed").wait_for()
        assert_no_axe_violations_wide_and_narrow(page)


def test_the_lock_form(page, live_server, world):
    sign_in(page, live_server, world["moderator"])
    page.goto(f"/ruimtes/netwerk/discussies/{world['discussion'].pk}/sluiten/")
    assert_no_axe_violations_wide_and_narrow(page)


def test_approving_a_held_post_by_keyboard(page, live_server, world):
    sign_in(page, live_server, world["moderator"])
    page.goto("/ruimtes/netwerk/moderatie/")
    focused = tab_until(
        page,
        lambda el: el["tag"] == "button" and el["text"].startswith("Goedkeuren"),
        "the approve button",
    )
    assert_focus_visible(focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("Het bericht is goedgekeurd").wait_for()
    world["held"].refresh_from_db()
    assert world["held"].status == PostStatus.PUBLISHED
    assert page.get_by_text("Er wachten geen berichten op goedkeuring.").is_visible()
