"""Browser and accessibility tests for discussions: axe-core at 1280 and 360 px on the list, a
discussion with replies (an anonymous post, a deleted marker, an attachment), the new-discussion
form with its errors, and the edit form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from discussions import services
from discussions.models import Discussion
from kennisplatform.tests.test_browser import assert_no_axe_violations_wide_and_narrow, sign_in
from spaces.models import Membership, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world():
    space = SpaceFactory(
        name="Intervisie mislukkingen", slug="intervisie", visibility=Space.Visibility.CLOSED
    )
    moderator = UserFactory(username="mira", first_name="Mira", last_name="Moderator")
    MembershipFactory(space=space, user=moderator, role=Membership.Role.MODERATOR)
    member = UserFactory(username="lieke", first_name="Lieke", last_name="Lid")
    MembershipFactory(space=space, user=member)
    other = UserFactory(username="omar", first_name="Omar", last_name="Ouders")
    MembershipFactory(space=space, user=other)
    discussion = services.start_discussion(
        user=member,
        space=space,
        kind=Discussion.Kind.QUESTION,
        title="Hoe houden jullie bewoners betrokken na de start?",
        body="Na de eerste avond haken bewoners af.\n\n- Wat werkt bij jullie?\n- *Wie* helpt?",
        files=[SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 verslag", "application/pdf")],
    )
    services.reply(
        user=other,
        discussion=discussion,
        body="Bij ons vertelde ik dit liever anoniem.",
        is_anonymous=True,
    )
    gone = services.reply(user=other, discussion=discussion, body="Deze haal ik weer weg.")
    services.reply(user=moderator, discussion=discussion, body="Kijk op https://example.org.")
    services.delete_post(user=other, post=gone)
    return {"space": space, "member": member, "discussion": discussion}


def test_discussion_list(page, live_server, world):
    sign_in(page, live_server, world["member"])
    page.goto("/ruimtes/intervisie/discussies/")
    assert page.get_by_role("link", name=world["discussion"].title).is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_discussion_page(page, live_server, world):
    sign_in(page, live_server, world["member"])
    page.goto(world["discussion"].get_absolute_url())
    assert page.get_by_text("Een lid van deze ruimte").first.is_visible()
    assert page.get_by_text("Dit bericht is verwijderd door de schrijver").is_visible()
    assert page.get_by_role("link", name="verslag.pdf").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_new_discussion_form_with_errors(page, live_server, world):
    sign_in(page, live_server, world["member"])
    page.goto("/ruimtes/intervisie/discussies/nieuw/")
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_label("Titel").fill("Een vraag zonder tekst")
    page.get_by_role("button", name="Plaats de discussie").press("Enter")
    page.get_by_text("Dit ging niet goed").wait_for()
    assert page.get_by_role("link", name="Wat voor discussie is het?").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_edit_form(page, live_server, world):
    sign_in(page, live_server, world["member"])
    opening = world["discussion"].posts.get(is_opening=True)
    page.goto(f"{world['discussion'].get_absolute_url()}berichten/{opening.pk}/bewerken/")
    assert page.get_by_label("Uw bericht").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
