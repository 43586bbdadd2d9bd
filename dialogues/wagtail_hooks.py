"""The back office for dialogues: the import page, and linking statements to topics and cases."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, QuerySet
from django.db.models.functions import Cast
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import DateColumn, StatusTagColumn
from wagtail.models import WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from dialogues import admin_views
from dialogues.models import Cluster, Dialogue, Statement


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("dialogen/importeren/", admin_views.import_dialogue, name="dialogue_import"),
        path(
            "dialogen/importeren/<int:pk>/",
            admin_views.import_done,
            name="dialogue_import_done",
        ),
        path(
            "dialogen/importeren/<int:pk>/<str:step>/",
            admin_views.import_next_step,
            name="dialogue_import_next_step",
        ),
        path("dialogen/sjabloon.xlsx", admin_views.download_template, name="dialogue_template"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Dialoog importeren"), reverse("dialogue_import"), icon_name="upload", order=350
    )


def _in_review(dialogue: Dialogue) -> bool:
    in_review = getattr(dialogue, "in_review", None)  # annotated in the listing
    return dialogue.workflow_in_progress if in_review is None else in_review


def dialogue_status(dialogue: Dialogue) -> str:
    """Where a dialogue stands, in the editors' words."""
    if _in_review(dialogue):
        return _("Ter beoordeling")
    if not dialogue.live:
        return (
            _("Concept, vervangt een gepubliceerde versie")
            if dialogue.replaces_id
            else _("Concept")
        )
    if dialogue.has_unpublished_changes:
        return _("Gepubliceerd, met concept")
    return _("Gepubliceerd")


class DialogueEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        # The municipalities are a plain many-to-many relation, outside the revisions: Wagtail
        # saves a live object's form without committing, so they are saved here at once.
        if hasattr(self.form, "save_m2m"):
            self.form.save_m2m()
        return instance


class DialogueViewSet(SnippetViewSet):
    model = Dialogue
    icon = "comment"
    menu_label = _("Dialogen")
    list_display = [
        "title",
        "date",
        "space",
        StatusTagColumn(
            "status",
            accessor=dialogue_status,
            label=_("Status"),
            primary=lambda dialogue: dialogue.live and not _in_review(dialogue),
        ),
        DateColumn("updated_at", label=_("Bijgewerkt"), sort_key="updated_at"),
    ]
    list_filter = ["live", "space"]
    search_fields = ["title"]
    copy_view_enabled = False
    edit_view_class = DialogueEditView

    def get_queryset(self, request) -> QuerySet[Dialogue]:
        # Whether a dialogue waits in the review, for the status column: one subquery rather
        # than a query per row.
        in_review = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Dialogue),
            object_id=Cast(OuterRef("pk"), CharField()),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        return Dialogue.objects.annotate(in_review=Exists(in_review)).select_related("space")

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("commissioned_by"),
        FieldPanel("method"),
        FieldPanel("space"),
        FieldPanel("municipalities"),
        FieldPanel("counts_are_illustrative"),
    ]


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "openquote"
    menu_label = _("Stellingen")
    list_display = ["text", "dialogue", "level", "polarising"]
    list_filter = ["dialogue", "level", "polarising"]
    search_fields = ["text"]
    panels = [
        FieldPanel("text", read_only=True),
        FieldPanel("topics"),
        FieldPanel("cases"),
    ]


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "folder-open-inverse"
    menu_label = _("Clusters")
    list_display = ["name", "question", "rank"]
    search_fields = ["name"]
    panels = [FieldPanel("name", read_only=True), FieldPanel("topics")]


class DialogueGroup(SnippetViewSetGroup):
    items = (DialogueViewSet, StatementViewSet, ClusterViewSet)
    menu_icon = "comment"
    menu_label = _("Dialogen")
    menu_name = "dialogues"


register_snippet(DialogueGroup)
