"""The open data pages in a real browser: axe-core finds no WCAG 2.2 A/AA violations at 1280 and
360 px on /open-data/ (before and after the first build) and on the data dictionary."""

import pytest

from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from kennisplatform.tests.test_browser import assert_no_axe_violations_wide_and_narrow
from opendata.build import build_open_data

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_open_data_page(page, live_server, media):
    page.goto("/open-data/")
    assert page.get_by_text("De bestanden zijn nog niet gemaakt").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)

    CaseFactory(title="Buurtpreventie die werkte")
    ConnectorFactory(name="Sam Schakel")
    build_open_data()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    page.get_by_role("link", name="Open data: alles om te downloaden").click()
    assert page.get_by_role("heading", name="Open data", exact=True).is_visible()
    assert page.get_by_role("link", name="CSV Praktijkvoorbeelden").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_data_dictionary_page(page, live_server, media):
    page.goto("/open-data/woordenboek/")
    heading = "Woordenboek van de open data"
    assert page.get_by_role("heading", name=heading).is_visible()
    assert page.get_by_role("row", name="gemeenteCbsCode").first.is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
