"""The pages about the platform (privacy, accessibility, colofon), the footer that leads to
them, the home page's ways in, and the sitemap's dialogues and wijkschakelaars."""

import datetime
import re

import pytest
from django.urls import reverse

from connectors.models import Consent
from connectors.tests.factories import ConnectorFactory
from dialogues.tests.factories import make_dialogue
from pages.models import AccessibilityStatus, OperatorSettings

pytestmark = pytest.mark.django_db

BLANK = "[in te vullen door de beheerder]"
TRUST_PAGES = {
    "/privacy/": "Privacyverklaring",
    "/toegankelijkheid/": "Toegankelijkheidsverklaring",
    "/colofon/": "Colofon en contact",
}


@pytest.mark.parametrize("url", TRUST_PAGES)
def test_trust_pages_show_blanks_until_the_operator_fills_them_in(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{TRUST_PAGES[url]}</h1>" in html
    assert html.count(BLANK) >= 1
    assert 'class="to-fill"' in html
    assert not OperatorSettings.objects.exists()  # looking never writes


def test_settings_from_the_back_office_fill_the_pages(client, settings):
    settings.PAGE_CACHE = True  # a change must show at once, also on a kept anonymous page
    assert "Gemeente Voorbeeldstad" not in client.get("/colofon/").content.decode()
    OperatorSettings.objects.create(
        organisation="Gemeente Voorbeeldstad",
        address="Postbus 1\n1234 AB Voorbeeldstad",
        kvk_number="12345678",
        email="kennisplatform@voorbeeldstad.nl",
        phone="14 010",
        privacy_officer="Mr. A. Jansen, fg@voorbeeldstad.nl",
        processors="Hostingbedrijf BV\nMailbedrijf BV",
        log_retention="30 dagen",
        accessibility_status=AccessibilityStatus.PARTIAL,
        accessibility_date=datetime.date(2026, 11, 30),
        accessibility_notes="Grafieken zijn klein op een telefoon.",
    )
    colofon = client.get("/colofon/").content.decode()
    assert "Gemeente Voorbeeldstad" in colofon
    assert "Postbus 1<br>1234 AB Voorbeeldstad" in colofon
    assert "12345678" in colofon
    assert 'href="mailto:kennisplatform@voorbeeldstad.nl"' in colofon
    assert BLANK not in colofon

    privacy = client.get("/privacy/").content.decode()
    assert "fg@voorbeeldstad.nl" in privacy
    assert "<li>Mailbedrijf BV</li>" in privacy
    assert "30 dagen" in privacy
    assert BLANK not in privacy

    accessibility = client.get("/toegankelijkheid/").content.decode()
    assert "B: voldoet gedeeltelijk" in accessibility
    assert "30 november 2026" in accessibility
    assert "<li>Grafieken zijn klein op een telefoon.</li>" in accessibility


def test_what_the_operator_types_is_escaped(client):
    OperatorSettings.objects.create(organisation="<script>alert(1)</script>")
    html = client.get("/colofon/").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_accessibility_statement_follows_the_model(client):
    html = client.get("/toegankelijkheid/").content.decode()
    # Status (the honest default without an audit), the standard, how it is checked, the
    # known problems, how to report one and the date.
    for part in (
        "C: eerste maatregelen genomen",
        "WCAG 2.2, niveau A en AA",
        "axe-core",
        "Chromium",
        "Wat nog niet goed is",
        "Iets werkt niet?",
        "Datum van deze verklaring",
    ):
        assert part in html, part


def test_privacy_statement_states_what_the_code_keeps(client, settings):
    html = client.get("/privacy/").content.decode()
    days = settings.SESSION_COOKIE_AGE // 86400
    assert f"hoogstens {days} dagen" in html
    for subject in (
        "contactformulier",
        "toestemming",
        "API-sleutel",
        "bewaarde zoekopdracht",
        "discussie",
        "logboek",
        "14 dagen",
        "Autoriteit Persoonsgegevens",
    ):
        assert subject.lower() in html.lower(), subject


@pytest.mark.parametrize("url", TRUST_PAGES)
def test_trust_pages_answer_only_reads(client, url):
    assert client.post(url).status_code == 405


def test_every_footer_link_resolves(client, django_user_model):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer') :]
    links = re.findall(r'<a href="([^"]+)"', footer)
    for name in ("colofon", "privacy", "accessibility", "sitemap", "opendata:index", "api:docs"):
        assert reverse(name) in links, name
    for link in links:
        if link.startswith("/beheer/"):
            continue  # the back office sends visitors to the login
        assert client.get(link).status_code == 200, link


def test_the_favicon_is_where_browsers_look(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")
    html = client.get("/").content.decode()
    assert 'rel="icon"' in html and "favicon.svg" in html
    assert 'rel="apple-touch-icon"' in html


def test_main_menu_leads_to_the_wijkschakelaars(client):
    html = client.get("/wijkschakelaars/").content.decode()
    menu = html[html.index('aria-label="Hoofdmenu"') : html.index("</nav>")]
    assert 'href="/wijkschakelaars/" aria-current="page">Wijkschakelaars' in menu


def test_home_shows_dialogues_and_only_people_with_consent(client, closed_space):
    public = make_dialogue(title="Openbare dialoog")
    closed = make_dialogue(title="Besloten dialoog", space=closed_space)
    shown = ConnectorFactory(name="Fatima Verbinder")
    withdrawn = ConnectorFactory(name="Teruggetrokken Persoon")
    Consent.objects.filter(connector=withdrawn).update(
        withdrawn_at=datetime.datetime.now(datetime.UTC)
    )
    never = ConnectorFactory(name="Nooit Gevraagd", consent=False)

    html = client.get("/").content.decode()
    assert public.title in html
    assert closed.title not in html
    assert shown.name in html
    assert withdrawn.name not in html
    assert never.name not in html
    assert 'href="/wijkschakelaars/"' in html


def test_sitemap_lists_public_dialogues_and_wijkschakelaars_only(
    client, client_for, closed_space, editor
):
    public = make_dialogue(title="Openbare dialoog")
    closed = make_dialogue(title="Besloten dialoog", space=closed_space)
    draft = make_dialogue(title="Concept")
    draft.live = False
    draft.save()
    shown = ConnectorFactory()
    withdrawn = ConnectorFactory()
    Consent.objects.filter(connector=withdrawn).update(
        withdrawn_at=datetime.datetime.now(datetime.UTC)
    )
    never = ConnectorFactory(consent=False)

    for http in (client, client_for(editor)):  # the same for everyone: it is public
        body = http.get("/sitemap.xml").content.decode()
        for listed in (public, shown):
            assert f"{listed.get_absolute_url()}</loc>" in body
        for hidden in (closed, draft, withdrawn, never):
            assert f"{hidden.get_absolute_url()}</loc>" not in body
        for url in ("/privacy/", "/toegankelijkheid/", "/colofon/", "/wijkschakelaars/"):
            assert f"{url}</loc>" in body


def test_an_administrator_fills_in_the_details_in_the_back_office(
    client, client_for, django_user_model, editor
):
    admin = django_user_model.objects.create_superuser("beheerder", "beheer@example.org", "x")
    http = client_for(admin)
    form = http.get("/beheer/settings/pages/operatorsettings/", follow=True)
    assert form.status_code == 200
    url = form.redirect_chain[-1][0]  # the one row of settings: .../operatorsettings/<pk>/
    response = http.post(
        url,
        {
            "organisation": "Gemeente Voorbeeldstad",
            "email": "geen-e-mailadres",
            "accessibility_status": AccessibilityStatus.FIRST_STEPS,
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert not OperatorSettings.objects.filter(organisation="Gemeente Voorbeeldstad").exists()
    response = http.post(
        url,
        {
            "organisation": "Gemeente Voorbeeldstad",
            "email": "kennisplatform@voorbeeldstad.nl",
            "accessibility_status": AccessibilityStatus.FIRST_STEPS,
        },
    )
    assert response.status_code == 302
    assert "Gemeente Voorbeeldstad" in client.get("/colofon/").content.decode()
    # An editor writes content, not the operator's details.
    assert client_for(editor).get(url).status_code in (302, 403)
    assert OperatorSettings.objects.get().organisation == "Gemeente Voorbeeldstad"
