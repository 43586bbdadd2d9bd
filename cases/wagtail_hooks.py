"""The editors' back office for cases (Wagtail admin at /beheer/)."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.models import Revision, WorkflowState
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    EditView,
    SnippetViewSet,
    SnippetViewSetGroup,
    WorkflowActionView,
)

from cases import admin_views
from cases.models import Case, Domain, InterventionDatabank, Outcome, TargetGroup
from cases.reviews import REVIEWED_ACTION, cases_due_for_review
from cases.services import MERGE_TAGS_PERMISSION
from core.access import is_editor
from municipalities.models import Municipality
from topics.models import Topic


def editorial_status(case: Case) -> str:
    """Where a case stands, in the editors' words (Wagtail's own tag says "live + draft")."""
    if getattr(case, "in_review", False):
        return _("Ter beoordeling")
    if not case.live:
        return _("Gepland") if getattr(case, "scheduled", False) else _("Concept")
    if case.has_unpublished_changes:
        return _("Gepubliceerd, met concept")
    return _("Gepubliceerd")


def review_message(case: Case, action: str) -> str:
    """What an approval or a rejection in the review did, in plain words (Wagtail itself says
    only "bijgewerkt", or nothing at all when the reviewer acts from the dashboard)."""
    case = Case.objects.get(pk=case.pk)  # the live row, as the workflow left it
    if action == "approve":
        if case.live and not case.workflow_in_progress:
            return _("Praktijkvoorbeeld ‘%(title)s’ is goedgekeurd en gepubliceerd.") % {
                "title": case.title
            }
        return _("Praktijkvoorbeeld ‘%(title)s’ is goedgekeurd voor deze stap van de toets.") % {
            "title": case.title
        }
    return _(
        "Praktijkvoorbeeld ‘%(title)s’ is teruggestuurd naar de redactie om aan te passen."
    ) % {"title": case.title}


class CaseAdminForm(WagtailAdminModelForm):
    """The case form of the back office, with the rule that spans the case and its failure
    patterns (the "pattern_links" panel; patterns stand above cases and declare the link)."""

    def clean(self):
        cleaned_data = super().clean()
        links = self.formsets.get("pattern_links")
        if links is None or cleaned_data.get("outcome") != Outcome.SUCCESS:
            return cleaned_data
        message = _(
            "Bij een geslaagd praktijkvoorbeeld speelde een faalpatroon niet: het is voorkomen. "
            "Vink ‘vermeden’ aan, of haal het faalpatroon weg."
        )
        played = False
        for form in links.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            if form.cleaned_data.get("pattern") and not form.cleaned_data.get("avoided"):
                form.add_error("avoided", message)
                played = True
        if played:
            self.add_error(None, message)
        return cleaned_data


class CaseEditView(EditView):
    def get_success_message(self, instance=None):
        if self.action == "workflow-action" and self.workflow_action in ("approve", "reject"):
            return review_message(self.object, self.workflow_action)
        return super().get_success_message(instance)


class CaseWorkflowActionView(WorkflowActionView):
    """Approving or rejecting from the dashboard's "waiting for your review" list."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != self.task_state.STATUS_IN_PROGRESS and self.action_name in (
            "approve",
            "reject",
        ):
            messages.success(request, review_message(self.object, self.action_name))
        return response


class CaseViewSet(SnippetViewSet):
    model = Case
    icon = "doc-full"
    menu_label = _("Praktijkvoorbeelden")
    list_display = [
        "title",
        StatusTagColumn(
            "status",
            accessor=editorial_status,
            label=_("Status"),
            primary=lambda case: case.live and not getattr(case, "in_review", False),
        ),
        "outcome",
        "municipality",
        "evidence_level",
        DateColumn("updated_at", label=_("Bijgewerkt"), sort_key="updated_at"),
        DateColumn(
            "last_reviewed_at", label=_("Laatst gecontroleerd"), sort_key="last_reviewed_at"
        ),
    ]
    list_filter = ["outcome", "evidence_level", "live", "topics", "municipality", "space"]
    search_fields = ["title", "summary"]
    search_backend_name = None  # plain database filtering; site search comes with its own issue
    ordering = ["-updated_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_view_class = CaseEditView
    workflow_action_view_class = CaseWorkflowActionView

    def get_queryset(self, request) -> QuerySet[Case]:
        # Whether a case waits in a review workflow or for its publication date, for the
        # status column: a subquery each rather than queries per row.
        content_type = ContentType.objects.get_for_model(Case)
        object_id = Cast(OuterRef("pk"), CharField())
        in_review = WorkflowState.objects.filter(
            base_content_type=content_type,
            object_id=object_id,
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        scheduled = Revision.objects.filter(
            base_content_type=content_type,
            object_id=object_id,
            approved_go_live_at__isnull=False,
        )
        return (
            Case.objects.annotate(in_review=Exists(in_review), scheduled=Exists(scheduled))
            .select_related("municipality", "latest_revision")
            .order_by("-updated_at")
        )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldRowPanel([FieldPanel("outcome"), FieldPanel("evidence_level")]),
                    FieldPanel("is_example"),
                    InlinePanel(
                        "pattern_links",
                        heading=_("Faalpatronen"),
                        label=_("faalpatroon"),
                        help_text=_(
                            "Welk terugkerend patroon speelde hier? Bij een geslaagd of "
                            "gemengd voorbeeld dat een patroon wist te voorkomen: kies het "
                            "patroon en vink ‘vermeden’ aan. Bij een geslaagd voorbeeld moet "
                            "‘vermeden’ aan staan."
                        ),
                    ),
                ],
                heading=_("Kern"),
            ),
            # The recognised intervention the case applies or resembles.
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("intervention_databank"),
                            FieldPanel("intervention_name"),
                            FieldPanel("intervention_url"),
                            FieldPanel("intervention_relation"),
                            FieldRowPanel(
                                [
                                    FieldPanel("intervention_level"),
                                    FieldPanel("intervention_recognised_on"),
                                ]
                            ),
                        ],
                        heading=_("Erkende interventie"),
                        help_text=_(
                            "Alleen invullen als dit voorbeeld een interventie uit een databank "
                            "toepast of erop lijkt. Past het de interventie toe, dan is het "
                            "bewijsniveau van dit voorbeeld de erkenning van de interventie."
                        ),
                    ),
                ],
                heading=_("Erkende interventie"),
            ),
            ObjectList(
                [
                    FieldPanel("context"),
                    FieldPanel("approach"),
                    FieldPanel("results"),
                    FieldPanel("what_worked"),
                    FieldPanel("what_went_wrong"),
                    FieldPanel("lessons"),
                    FieldPanel("courses_of_action"),
                ],
                heading=_("Verhaal"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("municipality"),
                            FieldPanel("neighbourhoods"),
                            FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                        ],
                        heading=_("Waar en wanneer"),
                    ),
                    FieldPanel("domains"),
                    FieldPanel("target_groups"),
                    FieldPanel("topics"),
                    FieldPanel("tags"),
                    FieldPanel("space"),
                ],
                heading=_("Indeling"),
            ),
            ObjectList(
                [
                    InlinePanel("sources", heading=_("Bronnen"), label=_("bron")),
                    InlinePanel("attachments", heading=_("Bijlagen"), label=_("bijlage")),
                ],
                heading=_("Bronnen en bijlagen"),
            ),
            # A case a member shared (cases/submissions.py): who, and what they chose. Read
            # only: the member's choices are theirs.
            ObjectList(
                [
                    FieldPanel("submitted_by", read_only=True),
                    FieldPanel("credit_submitter", read_only=True),
                    FieldPanel("submitted_anonymously", read_only=True),
                ],
                heading=_("Gedeeld door een lid"),
            ),
        ],
        base_form_class=CaseAdminForm,
    )


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    panels = ["name", "slug", "description", "sort_order"]


class MunicipalitySearchForm(BaseFilterForm):
    """Search in the municipality chooser (342 municipalities) by name or CBS code.

    Municipalities are not in the search index, so Wagtail's chooser offers no search of its
    own; a plain database filter is plenty for a list this short."""

    q = forms.CharField(
        label=_("Zoek op naam of CBS-code"),
        widget=forms.TextInput(attrs={"placeholder": _("Bijvoorbeeld Zwolle of GM0193")}),
        required=False,
    )

    def filter(self, objects: QuerySet[Municipality]) -> QuerySet[Municipality]:
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(Q(name__icontains=query) | Q(cbs_code__iexact=query))
            self.is_searching = True
            self.search_query = query
        return objects


class MunicipalityChooseView(ChooseView):
    filter_form_class = MunicipalitySearchForm


class MunicipalityChooseResultsView(ChooseResultsView):
    filter_form_class = MunicipalitySearchForm


class MunicipalityChooserViewSet(SnippetChooserViewSet):
    choose_view_class = MunicipalityChooseView
    choose_results_view_class = MunicipalityChooseResultsView


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "cbs_code"]
    search_fields = ["name", "cbs_code"]
    search_backend_name = None
    panels = ["name", "slug", "cbs_code"]
    chooser_viewset_class = MunicipalityChooserViewSet


class DomainViewSet(SnippetViewSet):
    model = Domain
    icon = "group"
    panels = ["name", "slug", "sort_order"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "user"
    panels = ["name", "slug", "sort_order"]


class InterventionDatabankViewSet(SnippetViewSet):
    model = InterventionDatabank
    icon = "link"
    menu_label = _("Databanken")
    list_display = ["name", "owner", "url"]
    panels = ["name", "slug", "owner", "url", "recognised_by", "sort_order"]


class KnowledgeBaseGroup(SnippetViewSetGroup):
    menu_label = _("Kennisbank")
    menu_icon = "folder-open-inverse"
    menu_order = 100
    items = (
        CaseViewSet,
        TopicViewSet,
        MunicipalityViewSet,
        DomainViewSet,
        TargetGroupViewSet,
        InterventionDatabankViewSet,
    )


register_snippet(KnowledgeBaseGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("trefwoorden/samenvoegen/", admin_views.merge_tags_view, name="case_tags_merge"),
        path("te-controleren/", admin_views.review_queue_view, name="case_review_queue"),
        path(
            "te-controleren/<int:pk>/gecontroleerd/",
            admin_views.mark_reviewed_view,
            name="case_mark_reviewed",
        ),
    ]


class MergeTagsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MERGE_TAGS_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_merge_tags_menu_item():
    return MergeTagsMenuItem(
        _("Trefwoorden samenvoegen"), reverse("case_tags_merge"), icon_name="tag", order=110
    )


# --- Cases to check ("Te controleren", cases/reviews.py) -------------------------------------


class EditorsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_review_queue_menu_item():
    return EditorsOnlyMenuItem(
        _("Te controleren"), reverse("case_review_queue"), icon_name="calendar-check", order=105
    )


class MarkReviewedMenuItem(ActionMenuItem):
    """ "Gecontroleerd: nog juist" in the actions of a live case's edit page.

    Posts to its own address (the button's formaction), not the edit form's: it saves nothing
    of the form, creates no revision and publishes nothing."""

    name = "action-mark-reviewed"
    label = _("Gecontroleerd: nog juist")
    icon_name = "calendar-check"
    template_name = "cases/admin/mark_reviewed_menu_item.html"
    order = 60

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context.get("view") == "edit"
            and instance is not None
            and instance.live
            and is_editor(context["request"].user)
            and super().is_shown(context)
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        instance = parent_context["instance"]
        context["action_url"] = reverse("case_mark_reviewed", args=[instance.pk])
        context["back_url"] = parent_context["request"].get_full_path()
        return context


@hooks.register("register_snippet_action_menu_item")
def register_mark_reviewed_menu_item(model):
    return MarkReviewedMenuItem() if model is Case else None


class ReviewQueueSummaryItem(SummaryItem):
    """On the dashboard: how many cases wait for a check."""

    order = 400
    template_name = "cases/admin/review_queue_summary.html"

    def is_shown(self):
        return is_editor(self.request.user)

    def get_context_data(self, parent_context):
        return {"count": cases_due_for_review().count()}


@hooks.register("construct_homepage_summary_items")
def add_review_queue_summary_item(request, summary_items):
    summary_items.append(ReviewQueueSummaryItem(request))


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(REVIEWED_ACTION, _("Gecontroleerd: nog juist"), _("Gecontroleerd"))


@hooks.register("document_visible_to")
def attachment_of_visible_case(document, user) -> bool:
    return Case.objects.visible_to(user).filter(attachments__document=document).exists()


@hooks.register("before_serve_document")
def serve_only_visible_attachments(document, request):
    """A document is served only to editors or as an attachment of something the user may see.

    The one rule for every kind that attaches documents: each registers a
    `document_visible_to(document, user)` hook (cases here, discussions' posts in
    discussions/wagtail_hooks.py); a document is served when any of them says yes. Hidden
    answers 404, exactly like missing (docs/architecture.md, "The visibility rule").
    """
    if is_editor(request.user):
        return None
    if not any(fn(document, request.user) for fn in hooks.get_hooks("document_visible_to")):
        raise Http404
    return None
