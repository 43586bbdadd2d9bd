"""Embeds, themes, oEmbed and feeds: public content only, framable only where meant to be."""

import feedparser
import pytest
from django.core.exceptions import ValidationError

from cases.models import Outcome
from cases.tests.factories import CaseFactory
from embeds.models import EmbedTheme, Palette
from municipalities.models import Municipality
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def amsterdam():
    return Municipality.objects.get(cbs_code="GM0363")


@pytest.fixture
def mixed(amsterdam, closed_space):
    topic = TopicFactory(slug="veiligheid")
    public = CaseFactory(title="Openbaar verhaal", municipality=amsterdam, topics=[topic])
    CaseFactory(
        title="Besloten verhaal", municipality=amsterdam, space=closed_space, topics=[topic]
    )
    CaseFactory(title="Concept verhaal", municipality=amsterdam, live=False, topics=[topic])
    return public, topic


EMBEDS = [
    "/embed/gemeente/GM0363/",
    "/embed/gemeente/amsterdam/",
    "/embed/thema/veiligheid/",
    "/embed/zoeken/",
]


@pytest.mark.parametrize("url", EMBEDS)
def test_an_embed_may_be_framed_by_anyone_sets_no_cookie_and_shows_public_cases_only(
    client, editor, mixed, url
):
    client.force_login(editor)  # even a signed-in editor's browser gets the public widget

    response = client.get(url)

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert not response.cookies
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "Besloten verhaal" not in html and "Concept verhaal" not in html
    assert 'target="_blank" rel="noopener"' in html


def test_a_normal_page_stays_unframable(client):
    response = client.get("/praktijkvoorbeelden/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert client.get("/embed/")["X-Frame-Options"] == "DENY"


def test_the_case_card_embed_shows_a_public_case_and_404s_hidden_ones(client, mixed, closed_space):
    public, _topic = mixed
    assert client.get(f"/embed/praktijkvoorbeeld/{public.slug}/").status_code == 200
    hidden = CaseFactory(space=closed_space)
    draft = CaseFactory(live=False)
    assert client.get(f"/embed/praktijkvoorbeeld/{hidden.slug}/").status_code == 404
    assert client.get(f"/embed/praktijkvoorbeeld/{draft.slug}/").status_code == 404


def test_a_registered_theme_limits_who_may_frame_and_sets_the_tokens(client, mixed):
    EmbedTheme.objects.create(
        name="Gemeente Voorbeeld",
        slug="voorbeeld",
        accent_color="#8a1538",
        allowed_origins="https://www.voorbeeld.nl\nhttp://127.0.0.1:8123",
    )
    response = client.get("/embed/gemeente/GM0363/?stijl=voorbeeld")
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors https://www.voorbeeld.nl http://127.0.0.1:8123" in csp
    css = client.get("/embed/stijl.css?stijl=voorbeeld").content.decode()
    assert "--utrecht-button-primary-action-background-color: #8a1538;" in css


def test_a_theme_with_too_little_contrast_is_refused_with_a_clear_message():
    theme = EmbedTheme(name="Vaag", slug="vaag", text_color="#aaaaaa", background_color="#ffffff")
    with pytest.raises(ValidationError) as refused:
        theme.full_clean()
    assert "Te weinig contrast" in str(refused.value.message_dict["text_color"])
    assert "4,5:1" in str(refused.value.message_dict["text_color"])


MUNICIPALITY_THEME = """/* Gemeente Voorbeeld, NL Design System theme */
.voorbeeld-theme {
  --utrecht-document-font-family: "Fira Sans", Arial, sans-serif;
  --utrecht-document-font-size: 1.125rem;
  --utrecht-button-border-radius: 0;
  --nl-heading-level-2-font-weight: 600;
  --utrecht-document-color: #ff0000;
}
"""


def test_a_municipalitys_own_theme_file_sets_its_tokens_under_the_frames_class(client):
    EmbedTheme.objects.create(
        name="Voorbeeld", slug="voorbeeld", accent_color="#8a1538", theme_tokens=MUNICIPALITY_THEME
    )
    css = client.get("/embed/stijl.css?stijl=voorbeeld").content.decode()
    assert css.startswith(".kp-embed-theme {") and ".voorbeeld-theme" not in css
    assert "--utrecht-button-border-radius: 0;" in css
    assert "--nl-heading-level-2-font-weight: 600;" in css
    # No font chosen on the theme: the municipality's own font stays.
    assert '--utrecht-document-font-family: "Fira Sans", Arial, sans-serif;' in css
    assert css.count("--utrecht-document-font-family") == 1
    # The contrast-checked colours win over the file's.
    assert "#ff0000" not in css and "--utrecht-document-color: #1a1a1a;" in css
    html = client.get("/embed/zoeken/?stijl=voorbeeld").content.decode()
    assert '<html lang="nl" class="kp-embed-theme">' in html


def test_a_theme_file_that_would_load_or_break_out_is_refused_with_a_clear_message(client):
    theme = EmbedTheme(
        name="Kwaad",
        slug="kwaad",
        theme_tokens=(
            ".x { --a-b: url(https://evil.example/x.png); --c-d: red}body{color:red;"
            " --e-f: 1px; --g-h: \\75 rl(x); }"
        ),
    )
    with pytest.raises(ValidationError) as refused:
        theme.full_clean()
    message = str(refused.value.message_dict["theme_tokens"])
    assert "--a-b" in message and "--g-h" in message and "--e-f" not in message
    # Saved anyway (say, through the shell): what is unsafe never reaches the CSS.
    theme.save()
    css = client.get("/embed/stijl.css?stijl=kwaad").content.decode()
    assert "url(" not in css and "evil" not in css and "\\" not in css and "body" not in css
    assert "--e-f: 1px;" in css and "--c-d: red;" in css
    assert css.count("{") == 1 and css.count("}") == 1


def test_a_theme_file_without_custom_properties_is_refused():
    theme = EmbedTheme(name="Leeg", slug="leeg", theme_tokens="body { color: red; }")
    with pytest.raises(ValidationError) as refused:
        theme.full_clean()
    assert "Geen eigenschappen gevonden" in str(refused.value.message_dict["theme_tokens"])


def test_colour_parameters_are_hex_only_and_unreadable_pairs_fall_back(client):
    css = client.get("/embed/stijl.css?accent=01689b&tekst=red;}body{x").content.decode()
    assert "#01689b" in css and "red" not in css
    palette = Palette.from_parameters({"tekst": "eeeeee"})  # light grey on white
    assert palette.text == Palette().text


def test_oembed_answers_for_public_pages_and_404_for_hidden_or_unknown(client, mixed, closed_space):
    public, topic = mixed
    response = client.get(
        "/oembed", {"url": f"http://testserver/praktijkvoorbeelden/{public.slug}/"}
    )
    body = response.json()
    assert (body["version"], body["type"]) == ("1.0", "rich")
    assert f"/embed/praktijkvoorbeeld/{public.slug}/" in body["html"]
    assert client.get("/oembed", {"url": "http://testserver/themas/veiligheid/"}).status_code == 200
    hidden = CaseFactory(space=closed_space)
    for url in (
        f"http://testserver/praktijkvoorbeelden/{hidden.slug}/",
        "http://testserver/praktijkvoorbeelden/bestaat-niet/",
        "http://elders.example/praktijkvoorbeelden/x/",
        "http://testserver/beheer/",
    ):
        assert client.get("/oembed", {"url": url}).status_code == 404
    page = client.get(f"/praktijkvoorbeelden/{public.slug}/").content.decode()
    assert 'type="application/json+oembed"' in page


def test_feeds_are_atom_with_public_cases_only(client, editor, mixed, amsterdam):
    public, topic = mixed
    CaseFactory(title="Mislukt elders", outcome=Outcome.FAILURE, what_went_wrong="x")
    client.force_login(editor)
    for url in (
        "/praktijkvoorbeelden/feed/",
        "/themas/veiligheid/feed/",
        "/gemeenten/amsterdam/feed/",
        "/praktijkvoorbeelden/feed/?gemeente=GM0363",
    ):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        assert feed.version == "atom10"
        assert feed.feed.title and feed.feed.id and feed.feed.updated
        titles = [entry.title for entry in feed.entries]
        assert "Openbaar verhaal (geslaagd)" in titles, url
        assert not [t for t in titles if "Besloten" in t or "Concept" in t], url
        for entry in feed.entries:
            assert entry.id and entry.updated and entry.link
    failures = feedparser.parse(client.get("/praktijkvoorbeelden/feed/?uitkomst=mislukt").content)
    assert [e.title for e in failures.entries] == ["Mislukt elders (mislukt)"]
    assert client.get("/praktijkvoorbeelden/feed/?thema=bestaat-niet").status_code == 404
    assert client.get("/themas/bestaat-niet/feed/").status_code == 404


def test_list_and_topic_pages_link_to_their_feeds(client, mixed):
    page = client.get("/praktijkvoorbeelden/?uitkomst=geslaagd").content.decode()
    assert 'type="application/atom+xml"' in page
    assert "/praktijkvoorbeelden/feed/?uitkomst=geslaagd" in page
    assert "/themas/veiligheid/feed/" in client.get("/themas/veiligheid/").content.decode()


def test_embed_and_feed_query_counts_are_pinned(client, mixed, django_assert_num_queries):
    client.get("/embed/gemeente/GM0363/")  # warm up (content state, site caches)
    # The municipality, its cases, their topics.
    with django_assert_num_queries(3):
        client.get("/embed/gemeente/GM0363/")
    with django_assert_num_queries(3):
        client.get("/embed/thema/veiligheid/")
    # The topic, the filter's check of it, the cases, their topics.
    with django_assert_num_queries(4):
        client.get("/themas/veiligheid/feed/")


def test_the_explanation_page_gives_copy_ready_code(client, mixed):
    html = client.get("/embed/").content.decode()
    assert "&lt;iframe src=&quot;http://testserver/embed/gemeente/GM0363/&quot;" in html
    assert "/embed/embed.js" in html
    script = client.get("/embed/embed.js")
    assert script["Content-Type"].startswith("application/javascript")
    assert "event.origin !== origin" in script.content.decode()
