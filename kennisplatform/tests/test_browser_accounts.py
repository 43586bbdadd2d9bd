"""The account pages in a real browser: axe-core finds no WCAG 2.2 A/AA violations at 1280 and
360 px (empty forms, forms with errors, the personal page, two-factor set-up), and logging in
works with the keyboard alone."""

import pytest
from django.contrib.auth.models import Group

from accounts.tests.factories import PASSWORD, verified_user
from cases.editorial import EDITORS_GROUP
from connectors.tests.factories import ConnectorFactory
from kennisplatform.tests.test_browser import (
    active_element,
    assert_focus_visible,
    assert_no_axe_violations_wide_and_narrow,
    tab_until,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


@pytest.mark.parametrize(
    "path", ["/account/login/", "/account/signup/", "/account/password/reset/"]
)
def test_empty_account_forms_have_no_wcag_violations(page, path):
    assert page.goto(path).status == 200
    assert_no_axe_violations_wide_and_narrow(page)


def test_login_with_errors_has_no_wcag_violations(page):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill("iemand@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text("Het e-mailadres of het wachtwoord klopt niet.").first.wait_for()
    assert_no_axe_violations_wide_and_narrow(page)


def test_signup_with_errors_has_no_wcag_violations(page):
    page.goto("/account/signup/")
    page.get_by_label("E-mailadres").fill("geen-adres")
    page.get_by_label("Kies een wachtwoord").fill("123")
    page.get_by_label("Herhaal het wachtwoord").fill("456")
    page.get_by_role("button", name="Account aanmaken").last.click()
    page.get_by_text("Dit ging niet goed").wait_for()
    assert_no_axe_violations_wide_and_narrow(page)


def test_personal_page_has_no_wcag_violations(page, live_server):
    member = verified_user()
    ConnectorFactory(user=member, name="Sanne Verbinder")
    log_in(page, member.email)
    page.wait_for_url("**/mijn/")
    page.get_by_role("heading", name="Mijn wijkschakelaarsprofiel").wait_for()
    assert_no_axe_violations_wide_and_narrow(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Maak een sleutel").click()
    page.get_by_role("heading", name="Uw nieuwe API-sleutel").wait_for()
    assert_no_axe_violations_wide_and_narrow(page)
    page.goto("/mijn/wijkschakelaar/")
    assert_no_axe_violations_wide_and_narrow(page)
    page.goto("/mijn/account-verwijderen/")
    assert_no_axe_violations_wide_and_narrow(page)


def test_two_factor_setup_page_has_no_wcag_violations(page, settings):
    settings.ACCOUNTS_EDITOR_MFA_REQUIRED = True
    editor = verified_user(groups=[Group.objects.get(name=EDITORS_GROUP)])
    log_in(page, editor.email)
    page.goto("/beheer/")
    # Sent to set up the second step, after confirming the password once more.
    page.get_by_role("heading", name="Bevestig dat u het bent").wait_for()
    assert_no_axe_violations_wide_and_narrow(page)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Ga verder").click()
    page.get_by_role("heading", name="Tweestapsverificatie instellen").wait_for()
    assert page.get_by_text("U bent redacteur").is_visible()
    assert_no_axe_violations_wide_and_narrow(page)


def test_login_by_keyboard_only(page):
    member = verified_user()
    page.goto("/")
    focused = tab_until(
        page, lambda el: el["tag"] == "a" and el["href"] == "/account/login/", "the login link"
    )
    assert_focus_visible(focused)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_until(page, lambda el: el["id"] == "id_login", "the e-mail field")
    page.keyboard.type(member.email)
    focused = tab_until(page, lambda el: el["id"] == "id_password", "the password field")
    assert_focus_visible(focused)
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/mijn/")
    assert active_element(page)["tag"] in ("body", "main")
    assert page.get_by_role("heading", name="Mijn kennisplatform").is_visible()
