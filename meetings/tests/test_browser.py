"""Browser and accessibility tests for meetings: axe-core at two widths on the agenda, a
meeting, the organiser's form and participants page; registering and cancelling by keyboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kennisplatform.tests.test_browser import assert_no_axe_violations_wide_and_narrow, sign_in
from meetings.models import Registration
from meetings.tests.factories import MeetingFactory, RegistrationFactory
from spaces.tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world():
    organiser = UserFactory(username="olga", first_name="Olga", last_name="Organisator")
    meeting = MeetingFactory(
        title="Leernetwerk: wat werkt in Overvecht?",
        slug="leernetwerk-overvecht",
        organiser=organiser,
        capacity=20,
        registration_deadline=timezone.now() + timedelta(days=5),
    )
    MeetingFactory(
        title="Terugblik buurtkamers",
        slug="terugblik",
        starts_at=timezone.now() - timedelta(days=10),
        ends_at=timezone.now() - timedelta(days=10) + timedelta(hours=2),
        report="We spraken over buurtkamers.",
    )
    RegistrationFactory(meeting=meeting)
    return {"organiser": organiser, "meeting": meeting}


def test_a_space_agenda(page, live_server, world):
    from spaces.models import Space
    from spaces.tests.factories import SpaceFactory

    space = SpaceFactory(name="Netwerk", slug="netwerk", visibility=Space.Visibility.PUBLIC)
    MeetingFactory(title="Netwerkavond", slug="netwerkavond", space=space)
    page.goto("/ruimtes/netwerk/bijeenkomsten/")
    assert page.get_by_role("link", name="Netwerkavond").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_the_agenda(page, live_server, world):
    page.goto("/bijeenkomsten/")
    assert page.get_by_role("link", name=world["meeting"].title).is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_a_meeting_page_for_the_organiser(page, live_server, world):
    sign_in(page, live_server, world["organiser"])
    page.goto(world["meeting"].get_absolute_url())
    assert page.get_by_role("link", name="Deelnemers en wachtlijst").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


@pytest.mark.parametrize("suffix", ["bewerken/", "deelnemers/", "verslag/"])
def test_the_organiser_pages(page, live_server, world, suffix):
    sign_in(page, live_server, world["organiser"])
    page.goto(f"{world['meeting'].get_absolute_url()}{suffix}")
    assert_no_axe_violations_wide_and_narrow(page)


def test_the_form_with_errors(page, live_server, world):
    sign_in(page, live_server, world["organiser"])
    page.goto(f"{world['meeting'].get_absolute_url()}bewerken/")
    page.get_by_label("Link voor online deelname").fill("")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("Vul de link in voor online deelname.").first.is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_registering_and_cancelling_by_keyboard(page, live_server, world):
    person = UserFactory(username="karel", first_name="Karel")
    sign_in(page, live_server, person)
    page.goto(world["meeting"].get_absolute_url())
    button = page.get_by_role("button", name="Meld mij aan")
    for _ in range(200):
        page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("The registration button cannot be reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("U bent aangemeld.").first.is_visible()
    assert page.get_by_role("link", name=world["meeting"].online_url).is_visible()
    assert Registration.objects.get(user=person).status == Registration.Status.REGISTERED
    assert_no_axe_violations_wide_and_narrow(page)
    cancel = page.get_by_role("button", name="Afmelden")
    cancel.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("U bent afgemeld.").first.is_visible()
    assert Registration.objects.get(user=person).status == Registration.Status.CANCELLED
