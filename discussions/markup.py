"""The small, safe markup of posts: paragraphs, lists, links and emphasis, nothing else.

Rendered with markdown-it-py with raw HTML disabled: `<script>` or any other tag a member types
is shown as text, escaped (never refused, never run). Links get `rel="nofollow ugc"`; markdown-it
already refuses `javascript:`, `vbscript:` and `data:` addresses. Bare web addresses become links.

Links to a case, topic or wijkschakelaar on this site (`/praktijkvoorbeelden/<slug>/`,
`/themas/<slug>/`, `/wijkschakelaars/<slug>/`, relative or with the site's address) are
*mentions*: the services store them on the discussion (`mentions_in`), and rendering shows them
with the object's title, but only when the reader may see the object (`render_posts` looks them
up through each kind's `visible_to(reader)`). A hidden or missing object keeps the link text the
member wrote, so its title is never revealed.

A post's HTML depends on the reader only through the titles of the mentions they may see, so
`render_posts` memoizes it by the hash of the text and of those titles (see there). Measured
on the (busy) test machine: 140 posts of about 460 characters take some 450 ms to parse and
render, 8 ms from the cache; the mention titles are always looked up for the reader. (The
development cache, LocMemCache, keeps only 300 entries; production uses Redis.)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from cases.models import Case
from connectors.models import Connector
from core.access import Visitor
from topics.models import Topic

KINDS = {"praktijkvoorbeelden": "cases", "themas": "topics", "wijkschakelaars": "connectors"}
MENTION_PATH = re.compile(r"^/(praktijkvoorbeelden|themas|wijkschakelaars)/([-\w]+)/?$")
BARE_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
REL = "nofollow ugc"
CACHE_VERSION = "1"  # change when the rendering changes
CACHE_SECONDS = 7 * 24 * 3600
MENTIONS_PREFIX = "discussions:mentions:"
HTML_PREFIX = "discussions:html:"


def _linkify(state: StateCore) -> None:
    """Turn bare http(s) addresses in text (outside links) into links."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for token in block.children:
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            if token.type != "text" or in_link or not BARE_URL.search(token.content):
                children.append(token)
                continue
            position = 0
            for match in BARE_URL.finditer(token.content):
                if match.start() > position:
                    children.append(_text(token.content[position : match.start()]))
                url = match.group(0)
                link = Token("link_open", "a", 1)
                link.attrs = {"href": state.md.normalizeLink(url)}
                link.markup = "linkify"
                children += [link, _text(url), Token("link_close", "a", -1)]
                position = match.end()
            if position < len(token.content):
                children.append(_text(token.content[position:]))
        block.children = children


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["list", "link", "emphasis", "newline", "escape", "autolink"])
    md.core.ruler.push("bare_links", _linkify)
    return md


MD = _parser()


def mention_of(href: str) -> tuple[str, str] | None:
    """("cases" | "topics" | "connectors", slug) for an address of this site, else None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        site = urlsplit(settings.SITE_URL)
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
            return None
    match = MENTION_PATH.match(parts.path)
    if match is None or parts.query:
        return None
    return KINDS[match.group(1)], match.group(2)


def _links(tokens: list[Token]):
    for block in tokens:
        if block.type == "inline" and block.children:
            for index, token in enumerate(block.children):
                if token.type == "link_open":
                    yield block, index, token


@dataclass
class Mentions:
    """Slugs per kind."""

    cases: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    connectors: set[str] = field(default_factory=set)

    def add(self, other: Mentions) -> None:
        self.cases |= other.cases
        self.topics |= other.topics
        self.connectors |= other.connectors

    def __bool__(self) -> bool:
        return bool(self.cases or self.topics or self.connectors)


def mentions_in(body: str) -> Mentions:
    found = Mentions()
    for _block, _index, token in _links(MD.parse(body)):
        mention = mention_of(str(token.attrs.get("href", "")))
        if mention:
            getattr(found, mention[0]).add(mention[1])
    return found


def visible_titles(mentions: Mentions, reader: Visitor) -> dict[tuple[str, str], str]:
    """{(kind, slug): title} for the mentioned objects `reader` may see: one query per kind
    that is mentioned at all."""
    titles = {}
    if mentions.cases:
        for slug, title in (
            Case.objects.visible_to(reader)
            .filter(slug__in=mentions.cases)
            .values_list("slug", "title")
        ):
            titles["cases", slug] = title
    if mentions.topics:
        for slug, name in (
            Topic.objects.visible_to(reader)
            .filter(slug__in=mentions.topics)
            .values_list("slug", "name")
        ):
            titles["topics", slug] = name
    if mentions.connectors:
        for slug, name in (
            Connector.objects.visible_to(reader)
            .filter(slug__in=mentions.connectors)
            .values_list("slug", "name")
        ):
            titles["connectors", slug] = name
    return titles


def _render_tokens(tokens: list[Token], titles: dict[tuple[str, str], str]) -> SafeString:
    for block, index, token in list(_links(tokens)):
        token.attrs["rel"] = REL
        mention = mention_of(str(token.attrs.get("href", "")))
        if mention is None or mention not in titles:
            continue
        # A visible mention: the object's own title as the link text, its own address.
        kind, slug = mention
        prefix = {"cases": "praktijkvoorbeelden", "topics": "themas"}.get(kind, kind)
        token.attrs["href"] = f"/{prefix}/{slug}/"
        token.attrs["class"] = "mention"
        token.attrs.pop("rel")
        end = index + 1
        while block.children[end].type != "link_close":
            end += 1
        block.children[index + 1 : end] = [_text(titles[mention])]
    # markdown-it escapes all text and attributes; raw HTML is off.
    return mark_safe(MD.renderer.render(tokens, MD.options, {}))  # noqa: S308


def render(body: str, reader: Visitor) -> SafeString:
    """One text for one reader."""
    tokens = MD.parse(body)
    found = Mentions()
    for kind, slug in _mentions_of(tokens):
        getattr(found, kind).add(slug)
    return _render_tokens(tokens, visible_titles(found, reader))


def _mentions_of(tokens: list[Token]) -> list[tuple[str, str]]:
    found = []
    for _block, _index, token in _links(tokens):
        mention = mention_of(str(token.attrs.get("href", "")))
        if mention and mention not in found:
            found.append(mention)
    return found


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def render_posts(posts, reader: Visitor) -> None:
    """Set `post.html` on each post for `reader`, with one query per mentioned kind for the
    whole page (not per post).

    Memoized in the cache: the HTML is a pure function of the text and of the titles of the
    mentions it shows, so the key is the hash of both. A reader gets an entry only for the
    titles they may see themselves; a post without mentions has the same HTML for everyone.
    """
    posts = list(posts)
    body_keys = {post.pk: _digest(CACHE_VERSION, post.body) for post in posts}
    known = cache.get_many([f"{MENTIONS_PREFIX}{key}" for key in set(body_keys.values())])
    parsed: dict[int, list[Token]] = {}
    per_post: dict[int, list[tuple[str, str]]] = {}
    to_store = {}
    found = Mentions()
    for post in posts:
        cached = known.get(f"{MENTIONS_PREFIX}{body_keys[post.pk]}")
        if cached is None:
            parsed[post.pk] = MD.parse(post.body)
            cached = _mentions_of(parsed[post.pk])
            to_store[f"{MENTIONS_PREFIX}{body_keys[post.pk]}"] = cached
        per_post[post.pk] = cached
        for kind, slug in cached:
            getattr(found, kind).add(slug)
    titles = visible_titles(found, reader)
    html_keys = {
        post.pk: HTML_PREFIX
        + _digest(
            body_keys[post.pk],
            repr([(mention, titles.get(mention)) for mention in per_post[post.pk]]),
        )
        for post in posts
    }
    rendered = cache.get_many(list(set(html_keys.values())))
    for post in posts:
        html = rendered.get(html_keys[post.pk])
        if html is None:
            tokens = parsed.get(post.pk) or MD.parse(post.body)
            html = str(_render_tokens(tokens, titles))
            rendered[html_keys[post.pk]] = to_store[html_keys[post.pk]] = html
        post.html = mark_safe(html)  # noqa: S308 (rendered by _render_tokens)
    if to_store:
        cache.set_many(to_store, CACHE_SECONDS)
