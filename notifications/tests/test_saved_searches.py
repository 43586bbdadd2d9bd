"""Saving a search ("Houd me op de hoogte"), managing it on /mijn/ and unsubscribing by link."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from cases.tests.factories import CaseFactory
from municipalities.models import Municipality
from notifications import saved_searches, unsubscribe
from notifications.models import SavedSearch
from spaces.tests.factories import UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

SAVE = "/berichten/zoekopdrachten/bewaren/"


@pytest.fixture
def topic():
    topic = TopicFactory(name="Veiligheid", slug="veiligheid")
    CaseFactory(title="Buurtpreventie", topics=[topic])
    return topic


def save(client, query, frequency="dagelijks", terug="lijst"):
    return client.post(SAVE, {"zoekopdracht": query, "frequency": frequency, "terug": terug})


def test_saving_keeps_only_known_filters_sorted_and_goes_back_to_the_results(
    client, outsider, topic
):
    client.force_login(outsider)
    response = save(
        client,
        "uitkomst=mislukt&pagina=3&onbekend=x&thema=veiligheid&q=jongeren++overlast&gemeente=GM0363",
        terug="zoeken",
    )
    saved = SavedSearch.objects.get(user=outsider)
    assert saved.query == "gemeente=amsterdam&q=jongeren+overlast&thema=veiligheid&uitkomst=mislukt"
    assert saved.name == (
        "“jongeren overlast”, thema: Veiligheid, uitkomst: Mislukt, gemeente: Amsterdam"
    )
    assert saved.frequency == "dagelijks"
    assert response.status_code == 302
    assert response["Location"] == f"/zoeken/?{saved.query}"
    page = client.get(response["Location"]).content.decode()
    assert "Bewaard. U krijgt een e-mail als er nieuwe praktijkvoorbeelden bij" in page


def test_an_empty_search_is_all_cases(client, outsider):
    client.force_login(outsider)
    save(client, "pagina=2", frequency="wekelijks")
    saved = SavedSearch.objects.get(user=outsider)
    assert (saved.query, saved.name, saved.frequency) == (
        "",
        "Alle praktijkvoorbeelden",
        "wekelijks",
    )


@pytest.mark.parametrize(
    "query",
    [
        "thema=bestaat-niet",
        "uitkomst=heel-goed",
        "tag=alleen-besloten",  # a tag only a closed-space case has: refused like a missing one
    ],
)
def test_an_unknown_or_hidden_filter_value_is_refused_and_nothing_stored(
    client, outsider, closed_space, query
):
    CaseFactory(space=closed_space, tags=["alleen-besloten"])
    client.force_login(outsider)
    response = save(client, query)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Deze zoekopdracht kan niet bewaard worden: een van de filters bestaat niet" in text
    assert 'class="notice notice--error error-summary" role="alert"' in text
    assert not SavedSearch.objects.exists()


def test_a_bad_frequency_is_refused(client, outsider):
    client.force_login(outsider)
    response = save(client, "uitkomst=mislukt", frequency="elk-uur")
    assert response.status_code == 400
    assert "Kies hoe vaak u een e-mail wilt: dagelijks of wekelijks." in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_the_same_search_twice_is_refused(client, outsider):
    client.force_login(outsider)
    save(client, "uitkomst=mislukt")
    response = save(client, "uitkomst=mislukt&pagina=2")
    assert response.status_code == 400
    assert "U bewaarde deze zoekopdracht al." in response.content.decode()
    assert SavedSearch.objects.count() == 1


def test_at_most_twenty_saved_searches(client, outsider):
    client.force_login(outsider)
    for n in range(saved_searches.MAX_SAVED_SEARCHES):
        assert save(client, f"q=woord{n}").status_code == 302
    response = save(client, "q=eentjeteveel")
    assert response.status_code == 400
    assert "U heeft al 20 bewaarde zoekopdrachten, het maximum." in response.content.decode()
    assert SavedSearch.objects.filter(user=outsider).count() == 20
    assert not SavedSearch.objects.filter(query="q=eentjeteveel").exists()


def test_anonymous_visitors_get_a_login_link_that_comes_back_to_the_form(client, topic):
    page = client.get("/praktijkvoorbeelden/?thema=veiligheid&pagina=1").content.decode()
    assert "Log in om e-mail te krijgen over nieuwe praktijkvoorbeelden" in page
    login = re.search(r'href="(/account/login/\?next=[^"]+)"', page)
    assert login, "no login link"
    assert "zoekopdrachten%2Fbewaren%2F%3Fthema%3Dveiligheid%26terug%3Dlijst" in login.group(1)
    # Posting without logging in stores nothing.
    response = save(client, "thema=veiligheid")
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_after_logging_in_the_form_shows_what_will_be_saved(client, outsider, topic):
    client.force_login(outsider)
    page = client.get(SAVE + "?thema=veiligheid&terug=zoeken")
    assert page.status_code == 200
    text = page.content.decode()
    assert "bij de zoekopdracht “thema: Veiligheid”" in text
    assert 'value="thema=veiligheid"' in text
    assert 'href="/zoeken/?thema=veiligheid"' in text


def test_the_list_and_search_page_offer_the_form_to_signed_in_users(client, outsider, topic):
    client.force_login(outsider)
    for url in ("/praktijkvoorbeelden/?thema=veiligheid", "/zoeken/?q=buurt&thema=veiligheid"):
        page = client.get(url).content.decode()
        assert "Houd me op de hoogte van nieuwe praktijkvoorbeelden bij deze zoekopdracht" in page
        assert f'action="{SAVE}"' in page


def test_my_page_lists_them_and_changes_and_deletes_only_ones_own(client, outsider, topic):
    other = UserFactory(username="ander")
    client.force_login(outsider)
    save(client, "thema=veiligheid")
    mine = SavedSearch.objects.get(user=outsider)
    theirs = saved_searches.save_search(
        user=other, data=Client().get("/").wsgi_request.GET, frequency="dagelijks"
    )
    page = client.get("/mijn/").content.decode()
    assert "Bewaarde zoekopdrachten" in page
    assert 'href="/praktijkvoorbeelden/?thema=veiligheid">thema: Veiligheid</a>' in page
    assert "Alle praktijkvoorbeelden" not in page  # the other person's

    response = client.post(f"/berichten/zoekopdrachten/{mine.pk}/", {"frequency": "wekelijks"})
    assert response.status_code == 302
    assert response["Location"] == reverse("mijn") + "#mijn-zoekopdrachten"
    mine.refresh_from_db()
    assert mine.frequency == "wekelijks"
    assert (
        client.post(f"/berichten/zoekopdrachten/{mine.pk}/", {"frequency": "x"}).status_code == 302
    )
    mine.refresh_from_db()
    assert mine.frequency == "wekelijks"

    # Someone else's saved search answers like a missing one, and stays.
    for url in (f"/berichten/zoekopdrachten/{theirs.pk}/", "/berichten/zoekopdrachten/999999/"):
        assert client.post(url, {"frequency": "wekelijks"}).status_code == 404
        assert client.post(url + "verwijderen/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.frequency == "dagelijks"

    client.post(f"/berichten/zoekopdrachten/{mine.pk}/verwijderen/")
    assert not SavedSearch.objects.filter(user=outsider).exists()
    assert SavedSearch.objects.filter(pk=theirs.pk).exists()


def test_unsubscribe_link_asks_then_deletes_the_saved_search(outsider, topic):
    saved = saved_searches.save_search(
        user=outsider,
        data=Client().get("/?thema=veiligheid").wsgi_request.GET,
        frequency="dagelijks",
    )
    link = re.sub(
        r"^https?://[^/]+",
        "",
        unsubscribe.unsubscribe_url(outsider, "zoekopdracht", saved_search=saved),
    )
    mail_program = Client(enforce_csrf_checks=True)
    page = mail_program.get(link)
    assert page.status_code == 200
    assert "bij de zoekopdracht “thema: Veiligheid”" in page.content.decode()
    assert SavedSearch.objects.filter(pk=saved.pk).exists()

    done = mail_program.post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert done.status_code == 200
    assert "U bent afgemeld." in done.content.decode()
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()
    again = mail_program.post(link)
    assert "Deze zoekopdracht is al verwijderd." in again.content.decode()


def test_a_forged_unsubscribe_link_changes_nothing(client, outsider, topic):
    saved = saved_searches.save_search(
        user=outsider, data=Client().get("/").wsgi_request.GET, frequency="dagelijks"
    )
    token = unsubscribe.make_token(outsider, "zoekopdracht", saved_search=saved)
    response = client.post(f"/berichten/afmelden/{token[:-2]}xx/")
    assert response.status_code == 400
    assert SavedSearch.objects.filter(pk=saved.pk).exists()


def test_the_name_uses_the_municipality_name_for_a_cbs_code(outsider):
    name = Municipality.objects.get(cbs_code="GM0363").name
    _query, described = saved_searches.preview_name(
        outsider, Client().get("/?gemeente=GM0363").wsgi_request.GET
    )
    assert described == f"gemeente: {name}"
