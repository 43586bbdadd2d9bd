"""Home, topic and municipality pages: content and pinned query counts."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from dialogues.tests.factories import make_dialogue
from municipalities.tests.factories import MunicipalityFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_home_shows_successes_and_failures_side_by_side(client):
    success = CaseFactory(title="Het werkte", outcome=Outcome.SUCCESS)
    failure = CaseFactory(title="Het liep mis", outcome=Outcome.FAILURE)
    response = client.get("/")
    assert [c.title for c in response.context["recent_successes"]] == [success.title]
    assert [c.title for c in response.context["recent_failures"]] == [failure.title]
    html = response.content.decode()
    assert 'role="search"' in html
    assert html.index("Recent: wat werkte") < html.index("Recent: wat misging")


@pytest.mark.parametrize("count", [2, 8])
def test_home_query_count(client, django_assert_num_queries, count):
    topics = [TopicFactory(slug=f"t{i}") for i in range(3)]
    for i in range(count):
        CaseFactory(topics=topics, outcome=Outcome.SUCCESS if i % 2 else Outcome.FAILURE)
        ConnectorFactory(topics=topics)
        make_dialogue(title=f"Dialoog {i}")
    # topics with counts, successes + their topics, failures + their topics, dialogues,
    # wijkschakelaars + their topics
    with django_assert_num_queries(8):
        client.get("/")


def test_topic_page_gathers_its_cases(client, django_assert_num_queries):
    topic = TopicFactory(name="Vroegsignalering", slug="vroegsignalering")
    for _ in range(5):
        CaseFactory(topics=[topic])
    CaseFactory(topics=[TopicFactory(slug="anders")])
    # topic, counts per outcome, count, page of cases, their topics, the dialogue statements,
    # wijkschakelaars, public discussions and upcoming meetings linked to it
    with django_assert_num_queries(9):
        response = client.get("/themas/vroegsignalering/")
    assert response.context["page"].paginator.count == 5
    assert response.context["newest_by_outcome"] == []  # one outcome: the list says it all
    assert client.get("/themas/bestaat-niet/").status_code == 404


def test_topic_page_counts_outcomes_and_shows_the_newest_of_each(client, django_assert_num_queries):
    import datetime

    from django.utils import timezone

    from connectors.tests.factories import ConnectorFactory

    topic = TopicFactory(name="Veiligheid", slug="veiligheid")
    now = timezone.now()
    for days in (1, 5):
        CaseFactory(topics=[topic], first_published_at=now - datetime.timedelta(days=days))
    for days, title in ((9, "Oud mislukt"), (2, "Nieuw mislukt")):
        CaseFactory(
            topics=[topic],
            outcome=Outcome.FAILURE,
            title=title,
            first_published_at=now - datetime.timedelta(days=days),
        )
    ConnectorFactory(topics=[topic])
    # + the newest case of each of the two outcomes
    with django_assert_num_queries(11):
        response = client.get("/themas/veiligheid/")
    html = response.content.decode()
    assert 'href="/praktijkvoorbeelden/?thema=veiligheid&amp;uitkomst=mislukt">Mislukt (2)' in html
    assert "Geslaagd (2)" in html
    assert [c.title for c in response.context["newest_by_outcome"]][1] == "Nieuw mislukt"
    assert '<a href="#connectors-heading">1 wijkschakelaar</a>' in html


def test_the_topics_that_repeated_an_outcome_lead_to_the_outcome(client):
    response = client.get("/themas/mislukkingen/")
    assert response.status_code == 301
    assert response["Location"] == "/praktijkvoorbeelden/?uitkomst=mislukt"
    successes = client.get("/themas/successen/")
    assert successes["Location"] == "/praktijkvoorbeelden/?uitkomst=geslaagd"


def test_municipality_page_lists_its_cases(client, django_assert_num_queries):
    utrecht = MunicipalityFactory(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    for _ in range(4):
        CaseFactory(municipality=utrecht, topics=[TopicFactory(slug="t")])
    CaseFactory()
    # municipality, counts per outcome, page count, page of cases, their topics, wijkschakelaars,
    # dialogues and upcoming meetings about it
    with django_assert_num_queries(8):
        response = client.get("/gemeenten/utrecht/")
    assert response.context["page"].paginator.count == 4
    assert "GM0344" in response.content.decode()
    with django_assert_num_queries(1):
        listing = client.get("/gemeenten/")
    counts = {m.slug: m.case_count for m in listing.context["municipalities"]}
    assert counts["utrecht"] == 4
    assert sorted(counts.values()) == [1, 4]


def test_language_can_be_switched_to_english_and_back(client):
    response = client.get("/taal/", {"language": "en", "next": "/themas/"})
    assert response.status_code == 302 and response["Location"] == "/themas/"
    cookie = response.cookies["django_language"]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    assert '<html lang="en" ' in client.get("/themas/").content.decode()

    client.get("/taal/", {"language": "nl", "next": "/themas/"})
    assert '<html lang="nl" ' in client.get("/themas/").content.decode()


def test_an_unknown_language_is_refused_and_changes_nothing(client):
    response = client.get("/taal/", {"language": "xx", "next": "/"})
    assert response.status_code == 400
    assert "Onbekende taal" in response.content.decode()
    assert "django_language" not in response.cookies
    assert '<html lang="nl" ' in client.get("/").content.decode()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", ""])
def test_the_language_switch_only_returns_to_this_site(client, next_url):
    response = client.get("/taal/", {"language": "en", "next": next_url})
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_language_switch_in_the_footer_is_a_form_without_a_token(client):
    html = client.get("/themas/").content.decode()
    assert '<form class="language-switch" action="/taal/" method="get">' in html
    assert 'name="next" type="hidden" value="/themas/"' in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize("page", ["home", "case list", "case"])
def test_an_anonymous_visit_sets_no_cookie(client, page):
    """No cookie, so a shared cache can keep the page for every anonymous visitor."""
    case = CaseFactory(title="Buurtkamer")
    url = {"home": "/", "case list": "/praktijkvoorbeelden/", "case": case.get_absolute_url()}
    response = client.get(url[page])
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def test_robots_txt(client, settings):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /beheer/" in text
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text


def test_dutch_is_the_default_whatever_the_browser_says(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl" ' in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_content_stays_marked_as_dutch_in_the_english_interface(client):
    case = CaseFactory(title="Buurtkamer")
    client.cookies["django_language"] = "en"
    html = client.get(case.get_absolute_url()).content.decode()
    assert '<html lang="en" ' in html
    assert '<article class="case" lang="nl">' in html
    assert "Outcome" in html
