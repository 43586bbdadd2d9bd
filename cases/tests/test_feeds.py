"""Atom feeds of cases: all, per topic, per municipality, per outcome and for any case list or
search address; found through the pages' discovery links; public cases only, newest first."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from municipalities.models import Municipality
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def world(closed_space):
    amsterdam = Municipality.objects.get(cbs_code="GM0363")
    topic = TopicFactory(name="Veiligheid", slug="veiligheid")
    now = timezone.now()
    old = CaseFactory(
        title="Buurtvaders vroeger",
        municipality=amsterdam,
        topics=[topic],
        first_published_at=now - timedelta(days=30),
    )
    new = CaseFactory(title="Buurtvaders nu", municipality=amsterdam, topics=[topic])
    failed = CaseFactory(
        title="Buurtvaders mislukt",
        outcome=Outcome.FAILURE,
        municipality=amsterdam,
        topics=[topic],
        first_published_at=now - timedelta(days=2),
    )
    CaseFactory(
        title="Buurtvaders besloten", municipality=amsterdam, topics=[topic], space=closed_space
    )
    CaseFactory(title="Buurtvaders concept", municipality=amsterdam, topics=[topic], live=False)
    return {"old": old, "new": new, "failed": failed}


def atom(response) -> ET.Element:
    """The feed, after checking what Atom (RFC 4287) requires of it and its entries."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response, in a test)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{name}") or "").strip(), name
    assert feed.find(f"{ATOM}link[@rel='alternate']") is not None
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").startswith("http")
    return feed


def titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def discovery_link(html: str) -> str:
    found = re.search(
        r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html
    )
    assert found, "no feed discovery link"
    return re.sub(r"^https?://[^/]+", "", unescape(found.group(1)))


@pytest.mark.parametrize("viewer", ["anonymous", "member", "editor"])
@pytest.mark.parametrize(
    "url, expected",
    [
        ("/praktijkvoorbeelden/feed/", ["new", "failed", "old"]),
        ("/themas/veiligheid/feed/", ["new", "failed", "old"]),
        ("/gemeenten/amsterdam/feed/", ["new", "failed", "old"]),
        ("/praktijkvoorbeelden/feed/?uitkomst=mislukt", ["failed"]),
        ("/praktijkvoorbeelden/feed/?uitkomst=geslaagd&gemeente=GM0363", ["new", "old"]),
        ("/praktijkvoorbeelden/feed/?q=buurtvaders", ["new", "failed", "old"]),
        ("/praktijkvoorbeelden/feed/?q=buurtvaders&uitkomst=geslaagd&pagina=2", ["new", "old"]),
    ],
)
def test_each_feed_is_atom_with_the_matching_public_cases_newest_first(
    client, world, request, viewer, url, expected
):
    user = request.getfixturevalue(viewer)
    if viewer != "anonymous":
        client.force_login(user)  # a signed-in member or editor still gets the public feed
    feed = atom(client.get(url))
    shown = titles(feed)
    assert shown == [
        f"{world[key].title} ({world[key].get_outcome_display().lower()})" for key in expected
    ]
    assert not [title for title in shown if "besloten" in title or "concept" in title]


@pytest.mark.parametrize(
    "page",
    [
        "/praktijkvoorbeelden/?uitkomst=mislukt",
        "/praktijkvoorbeelden/?uitkomst=mislukt&pagina=1",
        "/zoeken/?q=buurtvaders&uitkomst=mislukt",
    ],
)
def test_list_and_search_pages_point_to_the_feed_of_the_same_search(client, world, page):
    html = client.get(page).content.decode()
    link = discovery_link(html)
    assert link.startswith("/praktijkvoorbeelden/feed/?") and "pagina" not in link
    assert titles(atom(client.get(link))) == ["Buurtvaders mislukt (mislukt)"]
    # Also a visible link beside the results, for those without a browser that finds it.
    assert "Of volg deze zoekopdracht in een feedlezer (Atom)" in html


@pytest.mark.parametrize(
    "page, feed",
    [
        ("/themas/veiligheid/", "/themas/veiligheid/feed/"),
        ("/gemeenten/amsterdam/", "/gemeenten/amsterdam/feed/"),
    ],
)
def test_topic_and_municipality_pages_point_to_their_feeds(client, world, page, feed):
    assert discovery_link(client.get(page).content.decode()) == feed


@pytest.mark.parametrize(
    "url",
    [
        "/praktijkvoorbeelden/feed/?thema=bestaat-niet",
        "/praktijkvoorbeelden/feed/?uitkomst=heel-goed",
        "/themas/bestaat-niet/feed/",
        "/gemeenten/bestaat-niet/feed/",
    ],
)
def test_an_unknown_value_is_404_not_every_case(client, world, url):
    assert client.get(url).status_code == 404
