"""The pages about the platform and the home page in a real browser: axe-core finds no WCAG 2.2
A/AA violations at 1280 and 390 px (blanks shown, and filled in), the header's search stays one
compact row on a phone, and the logo has its name."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from dialogues.tests.factories import make_dialogue
from kennisplatform.tests.test_browser import assert_no_axe_violations
from pages.models import OperatorSettings

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# One row: the field and its button are 44 px high (target size); some room for borders.
COMPACT_SEARCH_PX = 60


def check_wide_and_phone(page, url: str) -> None:
    for viewport in (WIDE, PHONE):
        page.set_viewport_size(viewport)
        response = page.goto(url)
        assert response.status == 200, f"{url} answered {response.status}"
        assert_no_axe_violations(page)


@pytest.mark.parametrize("url", ["/privacy/", "/toegankelijkheid/", "/colofon/"])
def test_trust_pages_with_blanks(page, url):
    page.goto(url)
    assert page.locator(".to-fill").first.is_visible()
    check_wide_and_phone(page, url)


def test_trust_pages_filled_in(page):
    OperatorSettings.objects.create(
        organisation="Gemeente Voorbeeldstad",
        address="Postbus 1\n1234 AB Voorbeeldstad",
        email="kennisplatform@voorbeeldstad.nl",
        processors="Hostingbedrijf BV",
        accessibility_notes="Grafieken zijn klein op een telefoon.",
    )
    for url in ("/privacy/", "/toegankelijkheid/", "/colofon/"):
        check_wide_and_phone(page, url)
        assert page.get_by_text("Gemeente Voorbeeldstad").first.is_visible()


def test_home_with_dialogues_and_wijkschakelaars(page):
    CaseFactory(title="Buurtkamer", outcome=Outcome.SUCCESS)
    CaseFactory(title="Jongerenpunt", outcome=Outcome.FAILURE, what_went_wrong="Geld op.")
    make_dialogue(title="Dialoog over de wijk")
    ConnectorFactory(name="Sanne Verbinder")
    check_wide_and_phone(page, "/")
    assert page.get_by_role("link", name="Dialoog over de wijk").is_visible()
    assert page.get_by_role("link", name="Sanne Verbinder").is_visible()
    # The logo is decoration inside the link; the link is named by the site's name.
    assert page.get_by_role("link", name="Kennisplatform Wijkaanpak", exact=True).is_visible()


def test_header_search_is_one_compact_row_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    form = page.locator("form.site-search")
    box = form.bounding_box()
    assert box["height"] <= COMPACT_SEARCH_PX, f"the search form is {box['height']} px high"
    assert box["x"] + box["width"] <= PHONE["width"]  # no sideways scrolling
    # The field keeps its name for screen readers and still works.
    field = page.get_by_label("Zoek in praktijkvoorbeelden", exact=True)
    field.fill("jongeren")
    field.press("Enter")
    page.wait_for_url("**/zoeken/?q=jongeren")
