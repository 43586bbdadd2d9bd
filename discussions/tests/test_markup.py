"""The small markup: what a member may write, what is shown as text, and mentions that never
reveal a hidden title."""

import pytest

from cases.tests.factories import CaseFactory
from core.access import ANONYMOUS
from discussions.markup import mention_of, mentions_in, render
from spaces.models import Space
from spaces.tests.factories import SpaceFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_paragraphs_lists_links_and_emphasis():
    html = render(
        "Eerste alinea met *nadruk*.\n\n- een\n- twee\n\n[Site](https://example.org)", ANONYMOUS
    )
    assert "<p>Eerste alinea met <em>nadruk</em>.</p>" in html
    assert "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>" in html
    assert '<a href="https://example.org" rel="nofollow ugc">Site</a>' in html


def test_bare_addresses_become_links():
    html = render("Kijk op https://example.org/verslag.pdf.", ANONYMOUS)
    assert '<a href="https://example.org/verslag.pdf" rel="nofollow ugc">' in html
    assert "</a>.</p>" in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<b>vet</b>",
        '<a href="https://example.org">link</a>',
    ],
)
def test_raw_html_is_shown_as_text(text):
    html = render(text, ANONYMOUS)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;" in html


def test_dangerous_link_schemes_are_not_links():
    html = render("[klik](javascript:alert(1)) [data](data:text/html;base64,xx)", ANONYMOUS)
    assert "<a" not in html


def test_headings_images_and_code_are_not_markup():
    html = render("# Kop\n\n![foto](https://example.org/x.png)\n\n    code", ANONYMOUS)
    assert "<h1" not in html and "<img" not in html and "<pre" not in html


def test_mentions_show_the_title_of_what_the_reader_may_see(settings):
    case = CaseFactory(title="Buurtvaders in de avond")
    topic = TopicFactory(name="Jongeren", slug="jongeren")
    text = (
        f"Lees [dit]({settings.SITE_URL}/praktijkvoorbeelden/{case.slug}/) over "
        f"[jeugd](/themas/jongeren/)."
    )
    html = render(text, ANONYMOUS)
    assert (
        f'href="/praktijkvoorbeelden/{case.slug}/" class="mention">Buurtvaders in de avond</a>'
        in html
    )
    assert 'href="/themas/jongeren/" class="mention">Jongeren</a>' in html
    assert topic.pk


def test_a_hidden_case_title_is_never_revealed(member, closed_space):
    hidden = CaseFactory(
        title="Geheim8Marker", space=SpaceFactory(visibility=Space.Visibility.CLOSED)
    )
    own = CaseFactory(title="Eigen ruimte", space=closed_space)
    text = (
        f"[dat voorbeeld](/praktijkvoorbeelden/{hidden.slug}/) en "
        f"[hier](/praktijkvoorbeelden/{own.slug}/)"
    )
    for reader in (ANONYMOUS, member):
        html = render(text, reader)
        assert "Geheim8Marker" not in html
        assert ">dat voorbeeld</a>" in html
    assert ">Eigen ruimte</a>" in render(text, member)
    assert "Eigen ruimte" not in render(text, ANONYMOUS)


def test_what_counts_as_a_mention(settings):
    assert mention_of("/praktijkvoorbeelden/abc/") == ("cases", "abc")
    assert mention_of(f"{settings.SITE_URL}/wijkschakelaars/sam/") == ("connectors", "sam")
    assert mention_of("https://elders.example.org/themas/abc/") is None
    assert mention_of("/praktijkvoorbeelden/?q=abc") is None
    found = mentions_in("[a](/themas/x/) [b](/praktijkvoorbeelden/y/) https://example.org")
    assert found.topics == {"x"} and found.cases == {"y"} and not found.connectors
