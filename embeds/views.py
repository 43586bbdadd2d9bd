"""Widgets that a municipality's portal frames (`/embed/...`), the page that explains them
(`/embed/`), and oEmbed (`/oembed`).

Embeds show public content only: they render for `ANONYMOUS`, never for the visitor (they do
not read the session, so a signed-in editor sees what everyone sees), set no cookie and carry
no CSRF token. They work without JavaScript: the iframe alone shows everything; our small
script (`/embed/embed.js`, on the portal) only fits the iframe's height to its content.

Only these pages may be framed: by any site, or by the origins listed on the theme
(`?stijl=`). Every other page keeps `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode, urlsplit

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from cases.access import access_case_by_slug
from cases.models import Case
from core.access import ANONYMOUS, ObjectMoved
from embeds.models import PARAMETERS, EmbedTheme, Palette
from municipalities.models import Municipality
from topics.models import Topic

DEFAULT_CASES = 5
MAX_CASES = 10
EMBED_CACHE_SECONDS = 5 * 60
IFRAME_HEIGHT = {"gemeente": 520, "thema": 520, "zoeken": 180, "praktijkvoorbeeld": 300}


def embed_csp(origins: list[str] | None) -> str:
    ancestors = " ".join(origins) if origins else "*"
    return (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        f"frame-ancestors {ancestors}"
    )


def theme_for(request: HttpRequest) -> tuple[Palette, list[str] | None, str]:
    """The palette, the origins that may frame, and the query that asks for this look."""
    slug = request.GET.get("stijl", "")
    if slug:
        theme = EmbedTheme.objects.filter(slug=slug).first()
        if theme is not None:
            return theme.palette, theme.origins or None, urlencode({"stijl": slug})
    palette = Palette.from_parameters(request.GET)
    default = Palette()
    chosen = {
        parameter: getattr(palette, name).lstrip("#")
        for name, parameter in PARAMETERS.items()
        if getattr(palette, name) != getattr(default, name)
    }
    return palette, None, urlencode(chosen)


def embed_view(view):
    """An embed: framable by the theme's origins, no cookie, shared caches may keep it."""

    @wraps(view)
    @xframe_options_exempt
    @require_GET
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        palette, origins, theme_query = theme_for(request)
        request.embed_theme_query = theme_query
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = embed_csp(origins)
        if response.status_code == 200:
            response["Cache-Control"] = f"public, max-age={EMBED_CACHE_SECONDS}"
        response.cookies.clear()  # never a cookie from inside somebody else's page
        return response

    return wrapper


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _frame(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    return render(
        request,
        template,
        {
            **context,
            "theme_query": request.embed_theme_query,
            "platform_url": _absolute(request, "/"),
        },
    )


def _count(request: HttpRequest) -> int:
    try:
        return max(1, min(MAX_CASES, int(request.GET.get("aantal", DEFAULT_CASES))))
    except ValueError:
        return DEFAULT_CASES


@embed_view
def municipality_cases(request: HttpRequest, code: str) -> HttpResponse:
    municipality = Municipality.objects.visible_to(ANONYMOUS).find(code)
    if municipality is None:
        raise Http404
    cases = list(
        Case.objects.visible_to(ANONYMOUS)
        .filter(municipality=municipality)
        .with_card_data()
        .recent()[: _count(request)]
    )
    return _frame(
        request,
        "embeds/case_list.html",
        {
            "heading": _("Praktijkvoorbeelden uit %(name)s") % {"name": municipality.name},
            "cases": cases,
            "more_url": _absolute(request, municipality.get_absolute_url()),
            "more_label": _("Alle praktijkvoorbeelden uit %(name)s") % {"name": municipality.name},
            "empty": _("Nog geen praktijkvoorbeelden uit deze gemeente."),
        },
    )


@embed_view
def topic_cases(request: HttpRequest, slug: str) -> HttpResponse:
    topic = Topic.objects.visible_to(ANONYMOUS).filter(slug=slug).first()
    if topic is None:
        raise Http404
    cases = list(
        Case.objects.visible_to(ANONYMOUS)
        .filter(topics=topic)
        .with_card_data()
        .recent()[: _count(request)]
    )
    return _frame(
        request,
        "embeds/case_list.html",
        {
            "heading": _("Praktijkvoorbeelden over %(name)s") % {"name": topic.name.lower()},
            "cases": cases,
            "more_url": _absolute(request, topic.get_absolute_url()),
            "more_label": _("Alle praktijkvoorbeelden over %(name)s")
            % {"name": topic.name.lower()},
            "empty": _("Nog geen praktijkvoorbeelden over dit thema."),
        },
    )


@embed_view
def search_box(request: HttpRequest) -> HttpResponse:
    return _frame(
        request,
        "embeds/search_box.html",
        {"search_url": _absolute(request, reverse("search:search"))},
    )


@embed_view
def case_card(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        case = access_case_by_slug(ANONYMOUS, slug)
    except ObjectMoved as moved:
        url = reverse("embeds:case", kwargs={"slug": moved.slug})
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url, permanent=True)
    return _frame(
        request,
        "embeds/case_card.html",
        {"case": case, "case_url": _absolute(request, case.get_absolute_url())},
    )


@require_GET
def theme_css(request: HttpRequest) -> HttpResponse:
    """The theme as NL Design System custom properties (validated colours and tokens only)."""
    palette, _origins, _query = theme_for(request)
    font = palette.font or "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
    # The same NL Design System names as the site's theme (static/css/theme.css), scoped to
    # the class the widget frame puts on its root element: a municipality's own theme sets
    # exactly these names, so its values carry over one to one.
    tokens = {
        "--utrecht-document-background-color": palette.background,
        "--utrecht-document-color": palette.text,
        "--utrecht-document-font-family": font,
        "--utrecht-link-color": palette.link,
        "--nl-link-color": palette.link,
        "--nl-link-hover-color": palette.link,
        "--utrecht-heading-color": palette.text,
        "--nl-heading-level-2-color": palette.text,
        "--utrecht-button-primary-action-background-color": palette.accent,
        "--utrecht-button-primary-action-border-color": palette.accent,
        "--utrecht-button-primary-action-color": palette.accent_text,
        "--utrecht-form-control-background-color": palette.background,
        "--utrecht-form-control-color": palette.text,
        "--utrecht-form-control-border-color": palette.text,
        "--utrecht-focus-outline-color": palette.text,
    }
    # A municipality's own theme first; the checked colours above win, and the font field
    # when it is filled in.
    own = dict(palette.tokens)
    if not palette.font and "--utrecht-document-font-family" in own:
        del tokens["--utrecht-document-font-family"]
    own = [(name, value) for name, value in own.items() if name not in tokens]
    css = (
        ".kp-embed-theme {\n"
        + "".join(f"  {name}: {value};\n" for name, value in [*own, *tokens.items()])
        + "}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={EMBED_CACHE_SECONDS}"
    return response


@require_GET
def resize_script(request: HttpRequest) -> HttpResponse:
    """The script for the portal's page: fits our iframes to their content."""
    response = render(
        request, "embeds/embed.js", content_type="application/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response


# The explanation page (a normal page of the site: not framable).


def _snippet(request: HttpRequest, kind: str, path: str, title: str, query: str) -> dict:
    src = _absolute(request, path) + (f"?{query}" if query else "")
    script = _absolute(request, reverse("embeds:script"))
    code = (
        f'<iframe src="{escape(src)}" title="{escape(title)}" loading="lazy" '
        f'style="width:100%;height:{IFRAME_HEIGHT[kind]}px;border:0"></iframe>'
        f'<script src="{escape(script)}" async></script>'
    )
    return {"kind": kind, "src": src, "title": title, "code": code, "height": IFRAME_HEIGHT[kind]}


def index(request: HttpRequest) -> HttpResponse:
    municipality = Municipality.objects.find(request.GET.get("gemeente", "")) or (
        Municipality.objects.filter(cases__in=Case.objects.visible_to(ANONYMOUS)).first()
        or Municipality.objects.first()
    )
    topics = list(Topic.objects.visible_to(ANONYMOUS))
    topic = next((t for t in topics if t.slug == request.GET.get("thema")), None) or (
        topics[0] if topics else None
    )
    themes = list(EmbedTheme.objects.all())
    theme = next((t for t in themes if t.slug == request.GET.get("stijl")), None)
    query = urlencode({"stijl": theme.slug}) if theme else ""
    case = Case.objects.visible_to(ANONYMOUS).recent().first()
    widgets = []
    if municipality is not None:
        widgets.append(
            _snippet(
                request,
                "gemeente",
                reverse("embeds:municipality", kwargs={"code": municipality.cbs_code}),
                _("Praktijkvoorbeelden uit %(name)s") % {"name": municipality.name},
                query,
            )
        )
    if topic is not None:
        widgets.append(
            _snippet(
                request,
                "thema",
                reverse("embeds:topic", kwargs={"slug": topic.slug}),
                _("Praktijkvoorbeelden over %(name)s") % {"name": topic.name.lower()},
                query,
            )
        )
    widgets.append(
        _snippet(
            request,
            "zoeken",
            reverse("embeds:search"),
            _("Zoeken in het Kennisplatform Wijkaanpak"),
            query,
        )
    )
    if case is not None:
        widgets.append(
            _snippet(
                request,
                "praktijkvoorbeeld",
                reverse("embeds:case", kwargs={"slug": case.slug}),
                case.title,
                query,
            )
        )
    return render(
        request,
        "embeds/index.html",
        {
            "widgets": widgets,
            "municipality": municipality,
            "topics": topics,
            "topic": topic,
            "themes": themes,
            "theme": theme,
            "parameters": PARAMETERS,
        },
    )


# oEmbed (https://oembed.com): a case, topic or municipality page → its widget.


@require_GET
def oembed(request: HttpRequest) -> HttpResponse:
    if request.GET.get("format", "json") != "json":
        return HttpResponse(status=501)
    url = request.GET.get("url", "")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != request.get_host():
        raise Http404
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise Http404 from None
    if match.view_name == "cases:detail":
        try:
            case = access_case_by_slug(ANONYMOUS, match.kwargs["slug"])
        except ObjectMoved as moved:
            case = access_case_by_slug(ANONYMOUS, moved.slug)
        kind, title = "praktijkvoorbeeld", case.title
        path = reverse("embeds:case", kwargs={"slug": case.slug})
    elif match.view_name == "topics:detail":
        topic = Topic.objects.visible_to(ANONYMOUS).filter(slug=match.kwargs["slug"]).first()
        if topic is None:
            raise Http404
        kind, title = "thema", _("Praktijkvoorbeelden over %(name)s") % {"name": topic.name.lower()}
        path = reverse("embeds:topic", kwargs={"slug": topic.slug})
    elif match.view_name == "municipalities:detail":
        municipality = Municipality.objects.filter(slug=match.kwargs["slug"]).first()
        if municipality is None:
            raise Http404
        kind = "gemeente"
        title = _("Praktijkvoorbeelden uit %(name)s") % {"name": municipality.name}
        path = reverse("embeds:municipality", kwargs={"code": municipality.cbs_code})
    else:
        raise Http404
    snippet = _snippet(request, kind, path, title, "")
    width = _bounded(request.GET.get("maxwidth"), 600)
    height = _bounded(request.GET.get("maxheight"), snippet["height"])
    html = (
        f'<iframe src="{escape(snippet["src"])}" title="{escape(title)}" loading="lazy" '
        f'width="{width}" '
        f'height="{height}" style="border:0;max-width:100%"></iframe>'
    )
    response = JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "title": title,
            "provider_name": "Kennisplatform Wijkaanpak",
            "provider_url": _absolute(request, "/"),
            "html": html,
            "width": width,
            "height": height,
            "cache_age": EMBED_CACHE_SECONDS,
        }
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _bounded(value: str | None, default: int) -> int:
    try:
        return max(100, min(default, int(value))) if value else default
    except ValueError:
        return default
