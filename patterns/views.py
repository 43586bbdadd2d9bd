"""Public pages of the failure patterns: the list at /faalpatronen/ and one page per pattern.

Patterns are public vocabulary; what a page shows of the cases, dialogue statements and
discussions linked to a pattern comes through each kind's own `visible_to(user)`, so a draft or a
case in a closed space never shows or counts for someone who may not see it.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from cases.models import Case
from core.pagination import paginate
from patterns.models import FailurePattern


def pattern_list(request: HttpRequest) -> HttpResponse:
    patterns = FailurePattern.objects.visible_to(request.user).with_case_counts(request.user)
    return render(request, "patterns/pattern_list.html", {"patterns": patterns})


def pattern_detail(request: HttpRequest, slug: str) -> HttpResponse:
    user = request.user
    pattern = get_object_or_404(FailurePattern.objects.visible_to(user), slug=slug)
    linked = Case.objects.visible_to(user)
    # One filter() per list, so that pattern and flag are checked on the same link.
    played = linked.filter(pattern_links__pattern=pattern, pattern_links__avoided=False)
    avoided = linked.filter(pattern_links__pattern=pattern, pattern_links__avoided=True)
    return render(
        request,
        "patterns/pattern_detail.html",
        {
            "pattern": pattern,
            "page": paginate(request, played.with_card_data().recent()),
            "avoided": list(avoided.select_related("municipality").recent()),
            "statements": list(
                pattern.statements.visible_to(user).select_related("dialogue").by_support()
            ),
            "discussions": list(pattern.discussions.visible_to(user).with_list_data().recent()),
        },
    )
