"""Browser and accessibility tests for saved searches: the form beside the search results
(saving, and the refusal of a second time), the form page after logging in, the section on
/mijn/ (changing and deleting) and the unsubscribe page, with axe-core at 1280 and 360 px."""

import pytest
from django.http import QueryDict

from cases.tests.factories import CaseFactory
from kennisplatform.tests.test_browser import assert_no_axe_violations_wide_and_narrow, sign_in
from notifications.models import SavedSearch
from notifications.saved_searches import save_search
from notifications.unsubscribe import unsubscribe_url
from spaces.tests.factories import UserFactory
from topics.tests.factories import TopicFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BUTTON = "Houd me op de hoogte van nieuwe praktijkvoorbeelden bij deze zoekopdracht"


@pytest.fixture
def user():
    topic = TopicFactory(name="Veiligheid", slug="veiligheid")
    CaseFactory(title="Buurtvaders in de wijk", topics=[topic])
    return UserFactory(username="sanne", first_name="Sanne")


def test_saving_a_search_from_the_search_page(page, live_server, user):
    sign_in(page, live_server, user)
    page.goto("/zoeken/?q=buurtvaders&thema=veiligheid")
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_label("Hoe vaak wilt u een e-mail?").select_option("wekelijks")
    page.get_by_role("button", name=BUTTON).click()
    page.get_by_text("Bewaard. U krijgt een e-mail als er nieuwe praktijkvoorbeelden").wait_for()
    saved = SavedSearch.objects.get(user=user)
    assert (saved.query, saved.frequency) == ("q=buurtvaders&thema=veiligheid", "wekelijks")
    assert_no_axe_violations_wide_and_narrow(page)
    # A second time: refused with a clear message, nothing more stored.
    page.get_by_role("button", name=BUTTON).click()
    page.get_by_text("U bewaarde deze zoekopdracht al.").wait_for()
    assert_no_axe_violations_wide_and_narrow(page)
    assert SavedSearch.objects.count() == 1


def test_the_form_page_and_my_saved_searches(page, live_server, user):
    sign_in(page, live_server, user)
    page.goto("/berichten/zoekopdrachten/bewaren/?thema=veiligheid&terug=lijst")
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_role("button", name="Bewaar de zoekopdracht").click()
    page.get_by_text("Bewaard.").wait_for()
    page.goto("/mijn/")
    section = page.locator("#mijn-zoekopdrachten").locator("..")
    assert section.get_by_role("link", name="thema: Veiligheid").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
    section.get_by_label("Hoe vaak voor thema: Veiligheid").select_option("wekelijks")
    section.get_by_role("button", name="Opslaan voor thema: Veiligheid").click()
    page.get_by_text("nu één keer per week").wait_for()
    assert SavedSearch.objects.get(user=user).frequency == "wekelijks"
    page.get_by_role("button", name="Verwijder thema: Veiligheid").click()
    page.get_by_text("is verwijderd").wait_for()
    assert not SavedSearch.objects.exists()
    assert_no_axe_violations_wide_and_narrow(page)


def test_the_unsubscribe_page_of_a_saved_search(page, live_server, user, settings):
    saved = save_search(user=user, data=QueryDict("thema=veiligheid"), frequency="dagelijks")
    settings.SITE_URL = live_server.url
    page.goto(unsubscribe_url(user, "zoekopdracht", saved_search=saved))
    assert page.get_by_text("bij de zoekopdracht “thema: Veiligheid”").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_role("button", name="Ja, meld mij af").click()
    page.get_by_text("U bent afgemeld.").wait_for()
    assert not SavedSearch.objects.exists()
