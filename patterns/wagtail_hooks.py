"""The back office for failure patterns (Faalpatronen at /beheer/).

Editors write the patterns and link dialogue statements and discussions to them here; they
attach patterns to cases on the case's own form (`cases/wagtail_hooks.py`, the "pattern_links"
panel). A pattern that still hangs on a case cannot be deleted (`CasePattern.pattern` is
PROTECT): the editor gets a message saying so, for one pattern and for several at once.
"""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from patterns.models import CasePattern, FailurePattern


class FailurePatternViewSet(SnippetViewSet):
    model = FailurePattern
    icon = "warning"
    menu_label = gettext_lazy("Faalpatronen")
    menu_order = 105  # right after the Kennisbank
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("played_count", label=gettext_lazy("Speelde in"), sort_key="played_count"),
        Column("avoided_count", label=gettext_lazy("Voorkomen in"), sort_key="avoided_count"),
        "sort_order",
    ]
    search_fields = ["name", "summary", "description"]
    search_backend_name = None  # plain database filtering, as for the other vocabularies
    ordering = ["sort_order", "name"]
    copy_view_enabled = False
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("summary")],
            heading=gettext_lazy("Naam en samenvatting"),
        ),
        FieldPanel("description"),
        FieldPanel("signs"),
        FieldPanel("courses_of_action"),
        MultiFieldPanel(
            [FieldPanel("statements"), FieldPanel("discussions")],
            heading=gettext_lazy("Ook over dit patroon"),
        ),
        FieldPanel("sort_order"),
    ]

    def get_queryset(self, request):
        # Every case, drafts included: the back office counts what editors attached.
        return FailurePattern.objects.annotate(
            played_count=Count("case_links", filter=Q(case_links__avoided=False)),
            avoided_count=Count("case_links", filter=Q(case_links__avoided=True)),
        ).order_by("sort_order", "name")


register_snippet(FailurePatternViewSet)


@hooks.register("before_delete_snippet")
def refuse_deleting_a_pattern_in_use(request, instances):
    """A pattern that hangs on a case stays: say so, rather than fail on the database's
    PROTECT (one pattern from its delete page, or several from the list)."""
    patterns = [obj for obj in instances if isinstance(obj, FailurePattern)]
    if not patterns:
        return None
    in_use = (
        CasePattern.objects.filter(pattern__in=patterns)
        .values("pattern")
        .annotate(n=Count("case", distinct=True))
    )
    counts = {row["pattern"]: row["n"] for row in in_use}
    if not counts:
        return None
    for pattern in patterns:
        if pattern.pk in counts:
            messages.error(
                request,
                ngettext(
                    "Faalpatroon ‘%(name)s’ hangt nog aan %(count)d praktijkvoorbeeld en kan "
                    "daarom niet weg. Haal het eerst weg bij dat praktijkvoorbeeld.",
                    "Faalpatroon ‘%(name)s’ hangt nog aan %(count)d praktijkvoorbeelden en kan "
                    "daarom niet weg. Haal het eerst weg bij die praktijkvoorbeelden.",
                    counts[pattern.pk],
                )
                % {"name": pattern.name, "count": counts[pattern.pk]},
            )
    viewset = FailurePattern.snippet_viewset
    if len(patterns) == 1:
        return redirect(viewset.get_url_name("edit"), patterns[0].pk)
    return redirect(viewset.get_url_name("list"))
