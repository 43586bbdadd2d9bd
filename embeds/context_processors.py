"""Discovery links in a page's head: its Atom feed and, for what can be embedded, oEmbed."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

FEED_TYPE = "application/atom+xml"
OEMBED_TYPE = "application/json+oembed"
EMBEDDABLE = {"cases:detail", "topics:detail", "municipalities:detail"}


def alternates(request) -> dict:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return {}
    links = []
    name = match.view_name
    query = request.GET.copy()
    query.pop("pagina", None)
    query = query.urlencode()
    if name in ("cases:list", "search:search"):
        feed = reverse("cases:feed") + (f"?{query}" if query else "")
        links.append((FEED_TYPE, _("Praktijkvoorbeelden (Atom)"), feed))
    elif name in ("topics:detail", "municipalities:detail"):
        feed = reverse(name.replace(":detail", ":feed"), kwargs=match.kwargs)
        links.append((FEED_TYPE, _("Praktijkvoorbeelden (Atom)"), feed))
    if name in EMBEDDABLE:
        page = request.build_absolute_uri(request.path)
        oembed = reverse("oembed") + "?" + urlencode({"url": page, "format": "json"})
        links.append((OEMBED_TYPE, _("Insluiten (oEmbed)"), oembed))
    return {
        "alternates": [(t, title, request.build_absolute_uri(href)) for t, title, href in links]
    }
