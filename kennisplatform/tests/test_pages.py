"""Home, topic and municipality pages: content and pinned query counts."""

import pytest

from cases.models import Outcome
from cases.tests.factories import CaseFactory
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
    # topics with counts, successes + their topics, failures + their topics
    with django_assert_num_queries(5):
        client.get("/")


def test_topic_page_gathers_its_cases(client, django_assert_num_queries):
    topic = TopicFactory(name="Vroegsignalering", slug="vroegsignalering")
    for _ in range(5):
        CaseFactory(topics=[topic])
    CaseFactory(topics=[TopicFactory(slug="anders")])
    # topic, count, page of cases, their topics, the dialogue statements and wijkschakelaars
    # linked to it
    with django_assert_num_queries(6):
        response = client.get("/themas/vroegsignalering/")
    assert response.context["page"].paginator.count == 5
    assert client.get("/themas/bestaat-niet/").status_code == 404


def test_municipality_page_lists_its_cases(client, django_assert_num_queries):
    utrecht = MunicipalityFactory(name="Utrecht", slug="utrecht", cbs_code="GM0344")
    for _ in range(4):
        CaseFactory(municipality=utrecht, topics=[TopicFactory(slug="t")])
    CaseFactory()
    with django_assert_num_queries(4):
        response = client.get("/gemeenten/utrecht/")
    assert response.context["page"].paginator.count == 4
    assert "GM0344" in response.content.decode()
    with django_assert_num_queries(1):
        listing = client.get("/gemeenten/")
    counts = {m.slug: m.case_count for m in listing.context["municipalities"]}
    assert counts["utrecht"] == 4
    assert sorted(counts.values()) == [1, 4]


def test_language_can_be_switched_to_english(client):
    response = client.post("/taal/", {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_robots_txt(client, settings):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /beheer/" in text
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text


def test_dutch_is_the_default_whatever_the_browser_says(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl">' in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_content_stays_marked_as_dutch_in_the_english_interface(client):
    case = CaseFactory(title="Buurtkamer")
    client.cookies["django_language"] = "en"
    html = client.get(case.get_absolute_url()).content.decode()
    assert '<html lang="en">' in html
    assert '<article class="case" lang="nl">' in html
    assert "Outcome" in html
