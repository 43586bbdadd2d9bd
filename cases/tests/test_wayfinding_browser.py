"""The case list on a phone, the case page on paper, and the new editors' page, in a real
headless Chromium: the "Filteren" disclosure starts closed at 390 px and opens by keyboard,
a chip removes its one filter, the print view hides the navigation and keeps "Wat ging mis"
first, and axe-core finds no WCAG 2.2 A/AA violations at 1280 and 390 px."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from kennisplatform.tests.test_browser import (
    assert_no_axe_violations,
    assert_no_axe_violations_in,
    sign_in,
)
from municipalities.models import Municipality
from topics.tests.factories import TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}


@pytest.fixture
def cases():
    zwolle = Municipality.objects.get(cbs_code="GM0193")
    topic = TopicFactory(name="Buurtpreventie", slug="buurtpreventie")
    failure = CaseFactory(
        title="Buurtapp die niemand las",
        outcome=Outcome.FAILURE,
        municipality=zwolle,
        topics=[topic],
        what_went_wrong="Te veel berichten, te weinig antwoord.",
        courses_of_action="Begin klein.\nSpreek een beheerder af.",
        tags=["buurtapp"],
    )
    CaseFactory(title="Buurtkamer in Holtenbroek", municipality=zwolle, topics=[topic])
    CaseFactory(title="Avondwandeling", outcome=Outcome.MIXED, what_went_wrong="Te laat.")
    ConnectorFactory(name="Sam Schakel", municipality=zwolle, topics=[topic], cases=[failure])
    return {"failure": failure, "topic": topic}


def check_both_widths(page, url: str) -> None:
    for size in (WIDE, PHONE):
        page.set_viewport_size(size)
        page.goto(url)
        assert_no_axe_violations(page)


def test_filters_on_a_phone_open_by_keyboard_and_a_chip_removes_one_filter(page, cases):
    page.set_viewport_size(PHONE)
    page.goto("/praktijkvoorbeelden/?thema=buurtpreventie&uitkomst=mislukt")
    disclosure = page.locator("details.filters__disclosure")
    # Closed: the results come first, the first result is on the first screen.
    assert disclosure.get_attribute("open") is None
    assert not page.get_by_role("checkbox").first.is_visible()
    first_result = page.get_by_role("link", name="Buurtapp die niemand las")
    assert first_result.bounding_box()["y"] < PHONE["height"]
    # Opens with the keyboard.
    summary = page.locator("summary.filters__summary")
    assert "(2 gekozen)" in summary.inner_text()
    summary.focus()
    page.keyboard.press("Enter")
    assert disclosure.get_attribute("open") is not None
    assert page.get_by_role("checkbox", name="Buurtpreventie").first.is_visible()
    # Each chip removes its one filter.
    chip = page.get_by_role("link", name="Verwijder filter: Uitkomst: Mislukt")
    chip.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/praktijkvoorbeelden/?thema=buurtpreventie")
    assert page.get_by_role("link", name="Buurtkamer in Holtenbroek").is_visible()
    assert page.get_by_role("link", name="Verwijder filter: Thema: Buurtpreventie").is_visible()
    # On a wide screen the filters are open from the start.
    page.set_viewport_size(WIDE)
    page.reload()
    assert page.locator("details.filters__disclosure").get_attribute("open") is not None


def test_sorting_a_to_z(page, cases):
    page.goto("/praktijkvoorbeelden/")
    page.get_by_role("link", name="Sorteer op A–Z").click()
    page.wait_for_url("**/praktijkvoorbeelden/?sorteer=titel")
    titles = page.locator(".case-card__title").all_inner_texts()
    assert titles == sorted(titles)
    assert page.get_by_role("link", name="Gesorteerd op A–Z").get_attribute("aria-current")


def test_the_print_view_hides_navigation_and_puts_what_went_wrong_first(page, cases):
    page.goto(cases["failure"].get_absolute_url())
    assert page.get_by_role("button", name="Afdrukken").is_visible()
    assert page.get_by_role("heading", name="Contact").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.get_by_role("button", name="Afdrukken").is_visible()
    went_wrong = page.get_by_role("heading", name="Wat ging mis")
    assert went_wrong.is_visible()
    # Right after the header: above the story and the contact block.
    context = page.get_by_role("heading", name="Aanleiding")
    assert went_wrong.bounding_box()["y"] < context.bounding_box()["y"]
    # Links carry their address on paper.
    after = page.evaluate(
        """() => getComputedStyle(
            document.querySelector('.contact-block a'), '::after').content"""
    )
    assert "/wijkschakelaars/" in after or "/gemeenten/" in after
    assert page.get_by_text("Online: http").is_visible()
    page.emulate_media(media="screen")


@pytest.mark.parametrize(
    "url",
    [
        "/praktijkvoorbeelden/?thema=buurtpreventie&uitkomst=mislukt&sorteer=titel",
        "/praktijkvoorbeelden/?q=buurt",
        "/zoeken/?q=buurt&sorteer=titel",
        "/zoeken/?q=xyzxyz",
        "/themas/buurtpreventie/",
    ],
)
def test_changed_pages_have_no_wcag_violations(page, cases, url):
    check_both_widths(page, url)


def test_case_page_has_no_wcag_violations(page, cases):
    check_both_widths(page, cases["failure"].get_absolute_url())


def test_tag_merge_page_has_no_wcag_violations(page, live_server):
    from django.contrib.auth.models import Group

    from cases.editorial import EDITORS_GROUP
    from spaces.tests.factories import UserFactory

    CaseFactory(tags=["buurthuis"])
    CaseFactory(tags=["buurthuizen"])
    sign_in(page, live_server, UserFactory(groups=[Group.objects.get(name=EDITORS_GROUP)]))
    for size in (WIDE, PHONE):
        page.set_viewport_size(size)
        page.goto("/beheer/trefwoorden/samenvoegen/")
        page.get_by_role("button", name="Samenvoegen").click()
        page.get_by_text("Kies de trefwoorden die u wilt samenvoegen.").wait_for()
        assert_no_axe_violations_in(page, "main")
