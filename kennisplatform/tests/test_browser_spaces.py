"""Browser and accessibility tests for the spaces: axe-core at 1280 and 360 px on the list, a
space's home as outsider and as member, the request form with errors and the moderator pages;
and the moderator's invitation journey by keyboard alone."""

import pytest
from django.core import mail

from cases.tests.factories import CaseFactory
from kennisplatform.tests.test_browser import (
    active_element,
    assert_focus_visible,
    assert_no_axe_violations_wide_and_narrow,
    sign_in,
    tab_until,
)
from spaces.models import JoinRequest, Membership, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def spaces():
    closed = SpaceFactory(
        name="Intervisie mislukkingen",
        slug="intervisie",
        description="Besloten ruimte voor wat misging.",
        join_policy=Space.JoinPolicy.ON_REQUEST,
    )
    SpaceFactory(
        name="Netwerk wijkaanpak",
        slug="netwerk",
        visibility=Space.Visibility.PUBLIC,
        join_policy=Space.JoinPolicy.OPEN,
    )
    moderator = UserFactory(username="mira", first_name="Mira", last_name="Moderator")
    MembershipFactory(space=closed, user=moderator, role=Membership.Role.MODERATOR)
    member = UserFactory(username="lieke", first_name="Lieke", last_name="Lid")
    MembershipFactory(space=closed, user=member)
    JoinRequest.objects.create(
        space=closed, user=UserFactory(username="vrager"), message="Ik ben wijkregisseur."
    )
    case = CaseFactory(title="Buurtbudget bij de luidste bewoners", space=closed)
    return {"closed": closed, "moderator": moderator, "member": member, "case": case}


def test_space_list_and_home_as_outsider(page, live_server, spaces):
    sign_in(page, live_server, UserFactory(username="buiten"))
    page.goto("/ruimtes/")
    assert page.get_by_role("link", name="Intervisie mislukkingen").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
    page.goto("/ruimtes/intervisie/")
    assert page.get_by_text("Wat in deze ruimte staat, lezen alleen leden.").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_space_home_as_member(page, live_server, spaces):
    sign_in(page, live_server, spaces["member"])
    page.goto("/ruimtes/intervisie/")
    assert page.get_by_role("link", name=spaces["case"].title).is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_request_form_with_errors(page, live_server, spaces):
    sign_in(page, live_server, UserFactory(username="aanvrager"))
    page.goto("/ruimtes/intervisie/aanvragen/")
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_label("Waarom wilt u lid worden?").fill("kort")
    page.get_by_role("button", name="Verstuur verzoek").press("Enter")
    page.get_by_text("Uw verzoek is niet verstuurd").wait_for()
    assert_no_axe_violations_wide_and_narrow(page)


@pytest.mark.parametrize("path", ["verzoeken", "uitnodigen", "leden", "logboek"])
def test_moderator_pages(page, live_server, spaces, path):
    sign_in(page, live_server, spaces["moderator"])
    page.goto(f"/ruimtes/intervisie/{path}/")
    assert page.locator("h1").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_invite_form_with_errors(page, live_server, spaces):
    sign_in(page, live_server, spaces["moderator"])
    page.goto("/ruimtes/intervisie/uitnodigen/")
    page.get_by_label("E-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Verstuur uitnodiging").press("Enter")
    page.get_by_text("De uitnodiging is niet verstuurd").wait_for()
    assert_no_axe_violations_wide_and_narrow(page)


def test_keyboard_only_invite_accept_and_read(page, live_server, spaces, chromium):
    """The moderator invites by e-mail with the keyboard; the invited person (signed in by a
    session cookie) accepts with the keyboard and reads the closed content."""
    sign_in(page, live_server, spaces["moderator"])
    page.goto("/ruimtes/intervisie/")
    focused = tab_until(
        page,
        lambda el: el["tag"] == "a" and el["href"] == "/ruimtes/intervisie/verzoeken/",
        "the moderation link",
    )
    assert_focus_visible(focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    focused = tab_until(
        page, lambda el: el["href"] == "/ruimtes/intervisie/uitnodigen/", "the 'Uitnodigen' link"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    focused = tab_until(page, lambda el: el["id"] == "id_email", "the e-mail field")
    assert_focus_visible(focused)
    page.keyboard.type("nieuw@example.org")
    focused = tab_until(
        page, lambda el: el["tag"] == "button" and el["text"] == "Verstuur uitnodiging", "send"
    )
    assert_focus_visible(focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("De uitnodiging is verstuurd naar nieuw@example.org").wait_for()
    link = next(line for line in mail.outbox[-1].body.split() if "/ruimtes/uitnodiging/" in line)
    path = link[link.index("/ruimtes/") :]

    invited = UserFactory(username="nieuw", email="nieuw@example.org")
    context = chromium.new_context(base_url=live_server.url, locale="nl-NL")
    other = context.new_page()
    try:
        sign_in(other, live_server, invited)
        other.goto(path)
        focused = tab_until(
            other,
            lambda el: el["tag"] == "button" and el["text"] == "Uitnodiging aannemen",
            "the accept button",
        )
        assert_focus_visible(focused)
        with other.expect_navigation():
            other.keyboard.press("Enter")
        assert other.url.endswith("/ruimtes/intervisie/")
        other.get_by_text("U bent nu lid van Intervisie mislukkingen").wait_for()
        focused = tab_until(
            other,
            lambda el: el["href"] == spaces["case"].get_absolute_url(),
            "the closed case",
        )
        with other.expect_navigation():
            other.keyboard.press("Enter")
        assert other.locator("h1").inner_text() == spaces["case"].title
        assert active_element(other)["tag"] in ("body", "a", "main")
    finally:
        context.close()
