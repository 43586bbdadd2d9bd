"""The editors' back office for cases (Wagtail admin at /beheer/)."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cases.models import Case, Domain, TargetGroup
from core.access import is_editor
from municipalities.models import Municipality
from topics.models import Topic


class CaseViewSet(SnippetViewSet):
    model = Case
    icon = "doc-full"
    menu_label = _("Praktijkvoorbeelden")
    list_display = ["title", "outcome", "municipality", "evidence_level", "updated_at"]
    list_filter = ["outcome", "evidence_level", "live", "topics", "municipality", "space"]
    search_fields = ["title", "summary"]
    search_backend_name = None  # plain database filtering; site search comes with its own issue
    ordering = ["-updated_at"]
    copy_view_enabled = False
    inspect_view_enabled = True

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldRowPanel([FieldPanel("outcome"), FieldPanel("evidence_level")]),
                    FieldPanel("is_example"),
                ],
                heading=_("Kern"),
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
        ]
    )


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None
    panels = ["name", "slug", "description", "sort_order"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "cbs_code"]
    search_fields = ["name", "cbs_code"]
    search_backend_name = None
    panels = ["name", "slug", "cbs_code"]


class DomainViewSet(SnippetViewSet):
    model = Domain
    icon = "group"
    panels = ["name", "slug", "sort_order"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "user"
    panels = ["name", "slug", "sort_order"]


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
    )


register_snippet(KnowledgeBaseGroup)


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
