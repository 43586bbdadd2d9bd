"""Every URL of the site and the API, for every role, against hidden content with markers.

Two closed spaces (one by invitation only, one on request) each hold a case and a dialogue whose
titles carry a unique marker; the invitation-only space's own name and description carry one
too. The crawl walks the URL resolver (the back office under /beheer/ aside: it admits editors
only), fills every `slug`, `cbsCode`, `pk` and other argument with real objects (the markers' own
included) and a missing one, and asks each URL as every role. Then:

- no marker appears in any response for a role that may not see it;
- a hidden object answers exactly as a missing one (status code), on GET and on POST;
- counts and facets are the anonymous ones for every role that may not see the hidden content;
- removing a member takes effect on their next request.
"""

from __future__ import annotations

import itertools
import re

import pytest
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.urls import URLResolver, get_resolver
from rest_framework.authtoken.models import Token
from wagtail.documents.models import Document

from cases.models import CaseAttachment
from cases.submissions import submit_case
from cases.tests.factories import CaseFactory
from connectors.tests.factories import ConnectorFactory
from dialogues.importers import StatementData
from dialogues.tests.factories import make_dialogue
from discussions.models import Discussion, Post
from discussions.tests.factories import DiscussionFactory, ReportFactory
from forward.services import checklist_save
from meetings.tests.factories import MeetingFactory, RegistrationFactory
from municipalities.tests.factories import MunicipalityFactory
from notifications.saved_searches import save_search
from opendata.build import build_open_data
from patterns.forward import plan_failure_patterns
from patterns.tests.factories import CasePatternFactory, FailurePatternFactory
from spaces import services
from spaces.models import JoinRequest, Membership
from spaces.tests.roles import ROLES, SEES_CLOSED, make_world
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

MARKERS = {
    "invitation_only": "Xq7KringMarker",
    "on_request": "Zv4VerzoekMarker",
}
SPACE_NAME_MARKER = "Kq9NaamMarker"
# In the member's own checklist ("Vooruit falen"): nobody else sees it, whatever their role.
CHECKLIST_MARKER = "Wq3LijstMarker"
MISSING = "bestaat-niet"
SKIPPED_PREFIXES = ("beheer/",)
COUNT_URLS = [
    "/api/v1/themas",
    "/api/v1/gemeenten",
    "/api/v1/praktijkvoorbeelden",
    "/api/v1/praktijkvoorbeelden?uitkomst=mislukt",
    "/api/v1/dialogen",
    "/api/v1/wijkschakelaars",
    "/api/v1/discussies",
    "/api/v1/ruimtes",
    "/api/v1/bijeenkomsten",
    "/api/v1/faalpatronen",
    "/api/v1/praktijkvoorbeelden?faalpatroon=buurtpatroon",
    "/api/v1/_zoek?q=buurt",
    "/api/v1/_zoek?q=discussie",
]
FACET_PAGES = [
    "/praktijkvoorbeelden/",
    "/praktijkvoorbeelden/?sorteer=titel",
    "/zoeken/?q=buurt",
    "/zoeken/?q=buurt&sorteer=titel",
    "/praktijkvoorbeelden/?faalpatroon=buurtpatroon",
]
COUNT_PAGES = {
    "/themas/": "topics",
    "/gemeenten/": "municipalities",
    "/faalpatronen/": "patterns",
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    # Attachments and the open data files are written here, not under var/.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world():
    world = make_world()
    world["invitation_only"].name += f" {SPACE_NAME_MARKER}"
    world["invitation_only"].description = f"Alleen voor leden. {SPACE_NAME_MARKER}"
    world["invitation_only"].save()
    municipality = MunicipalityFactory(name="Buurtstad", slug="buurtstad", cbs_code="GM0999")
    topic = TopicFactory(name="Buurtveiligheid", slug="buurtveiligheid")
    public_case = CaseFactory(
        title="Openbare buurtaanpak", municipality=municipality, topics=[topic], tags=["buurt"]
    )
    public_dialogue = make_dialogue(title="Openbare dialoog")
    public_meeting = MeetingFactory(
        title="Openbare bijeenkomst", slug="openbare-bijeenkomst", municipality=municipality
    )
    public_meeting.topics.set([topic])
    hidden = {}
    for key, marker in MARKERS.items():
        space = world[key]
        case = CaseFactory(
            title=f"{marker} buurt mislukt",
            summary=f"{marker} samenvatting over de buurt",
            outcome="mislukt",
            municipality=municipality,
            topics=[topic],
            tags=[f"{marker.lower()}-tag"],
            space=space,
        )
        dialogue = make_dialogue(
            space=space,
            title=f"{marker} dialoog",
            statements=[StatementData(1, f"{marker} stelling over de buurt", 10, 1, 0)],
            polls=[],
        )
        discussion = DiscussionFactory(
            space=space,
            title=f"{marker} discussie",
            author=world["users"]["member"],
            opening__body=f"{marker} openingstekst",
        )
        post = discussion.posts.get()
        ReportFactory(post=post, reporter=world["users"]["member"], reason=f"{marker} melding")
        # A meeting in the space, its online link carrying the marker too; the member is
        # registered, so their .ics file and page hold the link.
        meeting = MeetingFactory(
            space=space,
            title=f"{marker} bijeenkomst",
            slug=f"{marker.lower()}-bijeenkomst",
            online_url=f"https://vergader.example.org/{marker}",
            topics=[topic],
            municipality=municipality,
            organiser=world["users"]["moderator"],
        )
        RegistrationFactory(meeting=meeting, user=world["users"]["member"])
        hidden[key] = {
            "case": case,
            "dialogue": dialogue,
            "discussion": discussion,
            "post": post,
            "meeting": meeting,
        }
    document = Document.objects.create(
        title=f"{MARKERS['invitation_only']} bijlage",
        file=ContentFile(MARKERS["invitation_only"].encode(), name="bijlage.txt"),
    )
    CaseAttachment.objects.create(case=hidden["invitation_only"]["case"], document=document)
    connector = ConnectorFactory(
        name="Sam Schakel", slug="sam-schakel", municipality=municipality, topics=[topic]
    )
    connector.cases.set([public_case, hidden["invitation_only"]["case"]])
    # A failure pattern of the public case and of both hidden ones: its counts, facet and
    # filter (site, search and API) never show the hidden cases.
    pattern = FailurePatternFactory(name="Buurtpatroon", slug="buurtpatroon")
    for case in [public_case, *(h["case"] for h in hidden.values())]:
        CasePatternFactory(case=case, pattern=pattern)
    # A case the member shared in the invitation-only space, waiting for the editors: its
    # pages (/praktijkvoorbeelden/delen/<pk>/) are the member's alone.
    submission = submit_case(
        user=world["users"]["member"],
        data={
            "title": f"{MARKERS['invitation_only']} gedeeld voorbeeld",
            "summary": f"{MARKERS['invitation_only']} wat een lid deelde",
            "outcome": "mislukt",
            "what_went_wrong": "Het liep anders dan gedacht.",
            "space": world["invitation_only"],
        },
    )
    # The member's saved search, on the tag only the invitation-only space's case has: its name
    # (on /mijn/, in the alert) carries the marker; its addresses are the member's alone.
    saved_search = save_search(
        user=world["users"]["member"],
        data=QueryDict(f"tag={MARKERS['invitation_only'].lower()}-tag"),
        frequency="dagelijks",
    )
    # The member's checklist from "Vooruit falen": what they typed carries a marker of its own;
    # its addresses (/vooruit-falen/bewaard/<pk>/) are the member's alone.
    member = world["users"]["member"]
    words = f"{CHECKLIST_MARKER} een buurt die {MARKERS['invitation_only']} mislukt"
    checklist = checklist_save(
        user=member,
        plan=plan_failure_patterns(description=words, user=member),
        description=words,
    )
    world.update(
        checklist=checklist,
        saved_search=saved_search,
        submission=submission,
        municipality=municipality,
        topic=topic,
        public_case=public_case,
        public_dialogue=public_dialogue,
        public_meeting=public_meeting,
        hidden=hidden,
        document=document,
        connector=connector,
        pattern=pattern,
    )
    # A failure pattern (public vocabulary) that played in the public case and in both hidden
    # ones, and that the hidden statements and discussions speak of: its page and counts must
    # show only what each role may see.
    pattern = FailurePatternFactory(name="Geld stopt te vroeg", slug="geld-stopt-te-vroeg")
    CasePatternFactory(case=public_case, pattern=pattern)
    for h in hidden.values():
        CasePatternFactory(case=h["case"], pattern=pattern)
        pattern.statements.add(*h["dialogue"].statements.all())
        pattern.discussions.add(h["discussion"])
    world["pattern"] = pattern
    build_open_data()  # the downloads under /open-data/bestanden/ are crawled too
    return world


# --- the URL patterns ------------------------------------------------------------------------

NAMED = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)")
UNNAMED = re.compile(r"\((?!\?)[^()]*\)")


def all_routes() -> list[str]:
    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, route)
            else:
                yield route

    return [route for route in walk(get_resolver()) if not route.startswith(SKIPPED_PREFIXES)]


def argument_names(route: str) -> list[str]:
    return [a or b for a, b in NAMED.findall(route)]


def fill(route: str, values: dict, positional: tuple = ()) -> str:
    url = NAMED.sub(lambda m: str(values[m.group(1) or m.group(2)]), route)
    rest = iter(positional)
    url = UNNAMED.sub(lambda m: str(next(rest)), url)
    return "/" + url.replace("^", "").replace("$", "").replace("\\.", ".")


def pools(world) -> dict[str, list]:
    hidden = world["hidden"]
    slugs = [
        *(kind.slug for h in hidden.values() for kind in (h["case"], h["dialogue"], h["meeting"])),
        world["invitation_only"].slug,
        world["on_request"].slug,
        world["other"].slug,
        world["public_case"].slug,
        world["public_dialogue"].slug,
        world["public_meeting"].slug,
        world["topic"].slug,
        world["municipality"].slug,
        world["connector"].slug,
        world["pattern"].slug,
        MISSING,
    ]
    request = JoinRequest.objects.get(space=world["on_request"])
    membership = Membership.objects.filter(space=world["invitation_only"]).first()
    return {
        "slug": slugs,
        "cbsCode": [world["municipality"].cbs_code, "GM9998"],
        "code": [world["municipality"].cbs_code, world["municipality"].slug, "GM9998"],
        "pk": [
            request.pk,
            membership.pk,
            world["submission"].pk,
            world["saved_search"].pk,
            world["checklist"].pk,
            *(h["discussion"].pk for h in hidden.values()),
            999999,
        ],
        "post_pk": [*(h["post"].pk for h in hidden.values()), 999999],
        # statements: /api/v1/dialogen/<slug>/stellingen/<id>
        "id": [
            *(h["dialogue"].statements.first().pk for h in hidden.values()),
            world["public_dialogue"].statements.first().pk,
            999999,
        ],
        "token": ["ongeldig-token"],
        # allauth's e-mail confirmation and password reset links: forged ones.
        "key": ["ongeldige-sleutel"],
        "uidb36": ["zz"],
        "file_format": ["xlsx", "zip", "svg", "csv"],
        "figure": ["vraag-1", "poll-0", "stellingen"],
        "restriction_id": [999999],
        "path": ["x.jpg"],
        "filename": ["praktijkvoorbeelden.csv", "stellingen.json", "dialogen.csv", "x.csv"],
    }


def urls(world) -> list[tuple[str, str | None]]:
    """(url, the same url with the hidden object swapped for a missing one, or None)."""
    values = pools(world)
    hidden_slugs = hidden_slugs_of(world)
    document = world["document"]
    found = []
    for route in all_routes():
        names = argument_names(route)
        positional_count = len(UNNAMED.findall(route))
        if positional_count:  # documents: /documenten/<id>/<filename>
            assert positional_count == 2, route
            url = fill(route, {}, (document.pk, document.filename))
            found.append((url, fill(route, {}, (999999, document.filename))))
            found.append((fill(route, {}, (999999, "x.txt")), None))
            continue
        unknown = set(names) - set(values)
        assert not unknown, f"{route}: no values for {unknown}; add them to pools()"
        for combination in itertools.product(*(values[name] for name in names)):
            chosen = dict(zip(names, combination, strict=True))
            url = fill(route, chosen)
            twin = None
            if chosen.get("slug") in hidden_slugs:
                twin = fill(route, {**chosen, "slug": MISSING})
            found.append((url, twin))
    return found


def hidden_slugs_of(world) -> set[str]:
    """What roles outside SEES_CLOSED may not see at all (the on-request space is listed)."""
    hidden = {
        k.slug for h in world["hidden"].values() for k in (h["case"], h["dialogue"], h["meeting"])
    }
    return hidden | {world["invitation_only"].slug}


# --- asking ----------------------------------------------------------------------------------


def client_as(client, django_user_model, user):
    from django.test import Client

    fresh = Client()
    headers = {}
    if user.is_authenticated:
        fresh.force_login(user)
        token, _ = Token.objects.get_or_create(user=user)
        headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    return fresh, headers


def ask(client, headers, url, method="get"):
    extra = headers if url.startswith("/api/") else {}
    response = getattr(client, method)(url, **extra)
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return response, body.decode("utf-8", errors="replace")


def shown(body: str, url: str, marker: str) -> bool:
    """Does the body show the marker, apart from echoing the address asked for (a 404 page and
    the language form repeat the path)?"""
    from urllib.parse import quote

    text = body.lower()
    for echo in (url, quote(url), quote(url, safe="")):
        text = text.replace(echo.lower(), "")
    return marker.lower() in text


def phrases(marker: str) -> list[str]:
    """What a search result would show: the titles, summary and statement, not the query."""
    return [
        f"{marker} buurt mislukt",
        f"{marker} samenvatting",
        f"{marker} dialoog",
        f"{marker} stelling",
        f"{marker} discussie",
        f"{marker} openingstekst",
        f"{marker} melding",
        f"{marker} bijeenkomst",
    ]


def markers_for(role: str) -> list[str]:
    if role in SEES_CLOSED:
        return []
    return [*MARKERS.values(), SPACE_NAME_MARKER]


@pytest.mark.parametrize("role", ROLES)
def test_crawl_every_url_as_every_role(world, role, client, django_user_model):
    user = world["users"][role]
    http, headers = client_as(client, django_user_model, user)
    forbidden = markers_for(role)
    seen_markers = set()
    problems = []
    for url, twin in urls(world):
        response, body = ask(http, headers, url)
        for marker in forbidden:
            # The one place an invited person learns the space's name before accepting: their
            # own list of invitations (the e-mail with the link names it too). Never its content.
            invitation_list = role == "invited" and url == "/mijn/"
            if marker == SPACE_NAME_MARKER and invitation_list:
                continue
            if shown(body, url, marker):
                problems.append(f"{url}: shows {marker} ({response.status_code})")
        if role != "member" and shown(body, url, CHECKLIST_MARKER):
            problems.append(f"{url}: shows the member's checklist ({response.status_code})")
        seen_markers |= {m for m in MARKERS.values() if m in body}
        if twin is not None and role not in SEES_CLOSED:
            missing, _ = ask(http, headers, twin)
            if response.status_code != missing.status_code:
                problems.append(
                    f"{url} answers {response.status_code}, missing {twin} {missing.status_code}"
                )
    # Searches and filters that name the markers.
    for marker in MARKERS.values():
        for url in (
            f"/zoeken/?q={marker}",
            f"/zoeken/suggesties/?q={marker[:6]}",
            f"/praktijkvoorbeelden/?q={marker}",
            f"/praktijkvoorbeelden/?q={marker}&sorteer=titel",
            f"/zoeken/?q={marker}&sorteer=-gepubliceerdOp",
            f"/praktijkvoorbeelden/?tag={marker.lower()}-tag",
            f"/api/v1/_zoek?q={marker}",
            f"/api/v1/praktijkvoorbeelden?q={marker}",
        ):
            response, body = ask(http, headers, url)
            for forbidden_marker in forbidden:
                for phrase in phrases(forbidden_marker):
                    if phrase.lower() in body.lower():
                        problems.append(f"{url}: shows {phrase!r}")
    assert not problems, "\n".join(problems)
    if role in SEES_CLOSED:
        # The crawl did reach the hidden content for those who may see it.
        assert seen_markers == set(MARKERS.values())


@pytest.mark.parametrize("role", [r for r in ROLES if r not in SEES_CLOSED])
def test_posting_to_a_hidden_space_answers_like_a_missing_one(
    world, role, client, django_user_model
):
    http, headers = client_as(client, django_user_model, world["users"][role])
    hidden = world["invitation_only"].slug
    before = (
        Membership.objects.count(),
        JoinRequest.objects.count(),
        Discussion.objects.count(),
        Post.objects.count(),
    )
    for route in all_routes():
        if not route.startswith("ruimtes/<slug:slug>/"):
            continue
        discussion = world["hidden"]["invitation_only"]["discussion"]
        values = {"slug": hidden, "pk": JoinRequest.objects.first().pk}
        if "post_pk" in route or "discussies/<int:pk>" in route:
            values = {"slug": hidden, "pk": discussion.pk, "post_pk": discussion.posts.get().pk}
        url = fill(route, values)
        missing = fill(route, {**values, "slug": MISSING})
        data = {
            "message": "Mag ik erin?",
            "decision": "goedkeuren",
            "kind": "vraag",
            "title": "Ingebroken",
            "body": "Ik schrijf waar ik niet mag.",
        }
        response = http.post(url, data)
        twin = http.post(missing, data)
        assert response.status_code == twin.status_code, url
        assert SPACE_NAME_MARKER not in response.content.decode()
    assert (
        Membership.objects.count(),
        JoinRequest.objects.count(),
        Discussion.objects.count(),
        Post.objects.count(),
    ) == before


def _counts(http, headers, own_spaces=()):
    """What each count URL answers; for the spaces list, without the caller's own spaces (a
    moderator of another closed space sees theirs, and only theirs, beside the public ones)."""
    seen = {}
    for url in COUNT_URLS:
        response, body = ask(http, headers, url)
        if url == "/api/v1/ruimtes":
            body = [s["slug"] for s in response.json()["resultaten"] if s["slug"] not in own_spaces]
        seen[url] = body
    for url in FACET_PAGES:
        response = http.get(url)
        seen[url] = [
            (facet.name, [(o.value, o.count) for o in facet.options])
            for facet in response.context["facets"]
        ]
        seen[url + "#count"] = response.context["page"].paginator.count
    for url, key in COUNT_PAGES.items():
        response = http.get(url)
        seen[url] = [(item.slug, item.case_count) for item in response.context[key]]
    return seen


def test_counts_and_facets_are_the_anonymous_ones(world, client, django_user_model):
    anonymous = _counts(*client_as(client, django_user_model, world["users"]["anonymous"]))
    for role in ROLES:
        user = world["users"][role]
        own = set(
            Membership.objects.active()
            .filter(user_id=user.pk)
            .values_list("space__slug", flat=True)
        )
        counts = _counts(*client_as(client, django_user_model, user), own_spaces=own)
        for url, value in counts.items():
            if role in SEES_CLOSED:
                continue
            assert value == anonymous[url], (role, url)
        if role in SEES_CLOSED:
            # The comparison means something: those who see more count more.
            assert counts["/praktijkvoorbeelden/#count"] > anonymous["/praktijkvoorbeelden/#count"]
            assert counts["/api/v1/themas"] != anonymous["/api/v1/themas"] or role != "editor"


def test_removing_a_member_takes_effect_on_the_next_request(world, client):
    member = world["users"]["member"]
    moderator = world["users"]["moderator"]
    space = world["invitation_only"]
    case = world["hidden"]["invitation_only"]["case"]
    client.force_login(member)
    assert client.get(case.get_absolute_url()).status_code == 200
    assert client.get(f"/ruimtes/{space.slug}/").status_code == 200
    services.remove_member(
        actor=moderator, membership=Membership.objects.get(space=space, user=member)
    )
    # The same session, the very next request.
    assert client.get(case.get_absolute_url()).status_code == 404
    assert client.get(f"/ruimtes/{space.slug}/").status_code == 404
    assert MARKERS["invitation_only"] not in client.get("/praktijkvoorbeelden/").content.decode()
