"""Browser and accessibility tests: the follow form on a space's home page and on its own page
(with its error), and the unsubscribe pages (ask, done, bad link), with axe-core at 1280 and
360 px."""

import pytest

from discussions.models import Subscription
from kennisplatform.tests.test_browser import assert_no_axe_violations_wide_and_narrow, sign_in
from notifications.unsubscribe import unsubscribe_url
from spaces.models import Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def space():
    return SpaceFactory(
        name="Netwerk wijkaanpak",
        slug="netwerk",
        visibility=Space.Visibility.PUBLIC,
        join_policy=Space.JoinPolicy.OPEN,
    )


def test_following_a_space_from_its_home_page(page, live_server, space):
    member = UserFactory(username="lieke", first_name="Lieke")
    MembershipFactory(space=space, user=member)
    sign_in(page, live_server, member)
    page.goto("/ruimtes/netwerk/")
    form = page.get_by_role("group", name="Hoe vaak wilt u een e-mail over nieuwe discussies?")
    assert form.get_by_label("Eén keer per dag een overzicht").is_checked()
    assert_no_axe_violations_wide_and_narrow(page)
    form.get_by_label("Direct, per nieuwe discussie").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("U krijgt nu een e-mail bij elke nieuwe discussie").wait_for()
    assert Subscription.objects.get(user=member).frequency == "direct"
    assert_no_axe_violations_wide_and_narrow(page)


def test_the_follow_page_with_an_error(page, live_server, space):
    sign_in(page, live_server, UserFactory(username="buiten"))
    page.goto("/berichten/volgen/netwerk/")
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Kies hoe vaak u een e-mail wilt.").first.wait_for()
    assert_no_axe_violations_wide_and_narrow(page)
    assert not Subscription.objects.exists()


def test_the_unsubscribe_pages(page, live_server, space, settings):
    member = UserFactory(username="femke")
    MembershipFactory(space=space, user=member)
    settings.SITE_URL = live_server.url
    page.goto(unsubscribe_url(member, "ruimte", space))
    assert page.get_by_text("Wilt u geen e-mails over nieuwe discussies").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_role("button", name="Ja, meld mij af").click()
    page.get_by_text("U bent afgemeld.").wait_for()
    assert Subscription.objects.get(user=member).frequency == "nooit"
    assert_no_axe_violations_wide_and_narrow(page)
    page.goto("/berichten/afmelden/ongeldig-token/")
    assert page.get_by_text("Deze afmeldlink klopt niet.").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
