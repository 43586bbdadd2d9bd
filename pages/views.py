"""Pages that gather several kinds of content: the home page, topic pages, municipality
pages and a space's home page. Each kind comes through its own `visible_to(user)`; counts count
visible cases only."""

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render, resolve_url

from cases.models import Case, Outcome
from cases.selectors import with_visible_case_counts
from connectors.models import Connector
from core.access import is_editor
from core.pagination import paginate
from dialogues.models import Dialogue
from dialogues.selectors import statements_about_topic
from discussions.models import Discussion
from discussions.views import with_labels
from municipalities.models import Municipality
from spaces.access import access_listed_space
from spaces.models import JoinRequest, Membership, Space
from topics.models import Topic

HOME_CASES = 3
HOME_DIALOGUES = 3
HOME_CONNECTORS = 3
SPACE_CASES = 30
SPACE_DIALOGUES = 10
SPACE_DISCUSSIONS = 5
MENTIONING_DISCUSSIONS = 10
FEW_CASES = 3  # below this, a municipality page also shows cases from its province
NEARBY_CASES = 5


def home(request: HttpRequest) -> HttpResponse:
    visible = Case.objects.visible_to(request.user).with_card_data().recent()
    return render(
        request,
        "home.html",
        {
            "topics": with_visible_case_counts(
                Topic.objects.visible_to(request.user), request.user
            ),
            "recent_successes": visible.successes()[:HOME_CASES],
            "recent_failures": visible.failures()[:HOME_CASES],
            "dialogues": Dialogue.objects.visible_to(request.user).order_by("-date", "-pk")[
                :HOME_DIALOGUES
            ],
            # Recently updated profiles, those open for questions first: people to ask.
            "connectors": Connector.objects.visible_to(request.user)
            .select_related("municipality")
            .prefetch_related("topics")
            .order_by("-open_for_questions", "-updated_at", "pk")[:HOME_CONNECTORS],
        },
    )


def topic_list(request: HttpRequest) -> HttpResponse:
    topics = with_visible_case_counts(Topic.objects.visible_to(request.user), request.user)
    return render(request, "topics/topic_list.html", {"topics": topics})


# The topics that repeated an outcome (removed in topics/0004): their old addresses lead to
# the cases with that outcome.
OUTCOME_TOPICS = {"mislukkingen": Outcome.FAILURE, "successen": Outcome.SUCCESS}


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topics = Topic.objects.visible_to(request.user)
    if slug in OUTCOME_TOPICS and not topics.filter(slug=slug).exists():
        return redirect(
            f"{resolve_url('cases:list')}?uitkomst={OUTCOME_TOPICS[slug]}", permanent=True
        )
    topic = get_object_or_404(topics, slug=slug)
    visible = Case.objects.visible_to(request.user).filter(topics=topic)
    cases = visible.with_card_data()
    # One query counts the visible cases per outcome, each a link to the filtered list; the
    # newest case of each outcome stands above the full list.
    counts = {
        row["outcome"]: row["n"]
        for row in visible.order_by().values("outcome").annotate(n=Count("pk"))
    }
    outcomes = [
        (value, label, counts[value]) for value, label in Outcome.choices if value in counts
    ]
    newest = []
    if len(outcomes) > 1:  # with one outcome the list below is already that
        for value, _label, _count in outcomes:
            newest.append(
                visible.filter(outcome=value).recent().select_related("municipality").first()
            )
    discussions = list(
        topic.discussions.public().with_list_data().recent()[:MENTIONING_DISCUSSIONS]
    )
    return render(
        request,
        "topics/topic_detail.html",
        {
            "topic": topic,
            "page": paginate(request, cases),
            "outcomes": outcomes,
            "newest_by_outcome": newest,
            "statements": statements_about_topic(topic, request.user),
            "connectors": list(
                Connector.objects.visible_to(request.user)
                .filter(topics=topic)
                .select_related("municipality")
            ),
            # Only public discussions, whoever looks (the one list for every visitor).
            "discussions": discussions,
        },
    )


def municipality_list(request: HttpRequest) -> HttpResponse:
    """Municipalities with cases; `?naam=` finds any municipality (by name, other name or
    CBS code), with or without cases."""
    name = request.GET.get("naam", "").strip()[:100]
    municipalities = with_visible_case_counts(
        Municipality.objects.visible_to(request.user), request.user
    )
    if name:
        found = Municipality.objects.find(name)
        municipalities = municipalities.filter(
            Q(name__icontains=name) | Q(pk=found.pk if found else None)
        )
    else:
        municipalities = municipalities.filter(case_count__gt=0)
    return render(
        request,
        "municipalities/municipality_list.html",
        {"municipalities": municipalities, "name": name},
    )


def municipality_detail(request: HttpRequest, slug: str) -> HttpResponse:
    municipalities = Municipality.objects.visible_to(request.user)
    municipality = municipalities.filter(slug=slug).first()
    if municipality is None:
        # /gemeenten/GM0363/, an old code from before a merger, or an old name's address.
        found = municipalities.find(slug)
        if found is None:
            raise Http404
        return redirect(found, permanent=True)
    user = request.user
    cases = Case.objects.visible_to(user).filter(municipality=municipality)
    # One query counts the visible cases per outcome; the list is narrowed by `?uitkomst=`.
    counts = {
        row["outcome"]: row["n"]
        for row in cases.order_by().values("outcome").annotate(n=Count("pk"))
    }
    total = sum(counts.values())
    outcomes = [(value, label, counts.get(value, 0)) for value, label in Outcome.choices]
    chosen = request.GET.get("uitkomst", "")
    unknown_outcome = bool(chosen) and chosen not in Outcome.values
    if chosen in Outcome.values:
        cases = cases.filter(outcome=chosen)
    else:
        chosen = ""
    nearby = []
    if total < FEW_CASES and municipality.province:
        # Too little of its own: what other municipalities in the same province learnt.
        nearby = (
            Case.objects.visible_to(user)
            .filter(municipality__province=municipality.province)
            .exclude(municipality=municipality)
            .with_card_data()
            .recent()[:NEARBY_CASES]
        )
    connectors = (
        Connector.objects.visible_to(user)
        .filter(municipality=municipality)
        .select_related("municipality")
        .prefetch_related("topics")
    )
    return render(
        request,
        "municipalities/municipality_detail.html",
        {
            "municipality": municipality,
            "page": paginate(request, cases.with_card_data().recent()),
            "total": total,
            "outcomes": outcomes,
            "chosen": chosen,
            "unknown_outcome": unknown_outcome,
            "nearby": nearby,
            "connectors": connectors,
            "dialogues": Dialogue.objects.visible_to(user).filter(municipalities=municipality),
        },
    )


def space_home(request: HttpRequest, slug: str) -> HttpResponse:
    """A space's front page. Who may see it: `Space.objects.listed_to`; its content comes through
    each kind's own `visible_to`, so an outsider of a closed space sees the name, the description,
    the moderators and how to join, never the content. A fixed number of queries, however many
    members or cases."""
    user = request.user
    space = access_listed_space(user, slug)
    can_read = Space.objects.visible_to(user).filter(pk=space.pk).exists()
    memberships = Membership.objects.active().filter(space=space).select_related("user")
    mine = None
    pending = False
    if user.is_authenticated:
        mine = Membership.objects.filter(space=space, user=user).first()
        if mine is None or not mine.is_active:
            pending = JoinRequest.objects.filter(
                space=space, user=user, status=JoinRequest.Status.PENDING
            ).exists()
    is_member = mine is not None and mine.is_active
    can_moderate = is_editor(user) or (is_member and mine.is_moderator)
    if is_member or can_moderate:
        members = sorted(
            memberships, key=lambda m: (m.role != Membership.Role.MODERATOR, str(m.user))
        )
        moderators = [m for m in members if m.role == Membership.Role.MODERATOR]
    else:
        members = None
        moderators = list(memberships.filter(role=Membership.Role.MODERATOR))
    cases, dialogues, discussions = [], [], []
    if can_read:
        discussions = with_labels(
            Discussion.objects.visible_to(user)
            .filter(space=space)
            .with_list_data()
            .recent()[:SPACE_DISCUSSIONS]
        )
        cases = (Case.objects.visible_to(user).filter(space=space).with_card_data().recent())[
            :SPACE_CASES
        ]
        dialogues = Dialogue.objects.visible_to(user).filter(space=space)[:SPACE_DIALOGUES]
    return render(
        request,
        "spaces/space_home.html",
        {
            "space": space,
            "can_read": can_read,
            "is_member": is_member,
            "was_removed": mine is not None and not mine.is_active,
            "can_moderate": can_moderate,
            "pending": pending,
            "moderators": moderators,
            "members": members,
            "cases": cases,
            "dialogues": dialogues,
            "discussions": discussions,
            "login_url": resolve_url(settings.LOGIN_URL),
        },
    )
