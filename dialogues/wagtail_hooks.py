"""The back office for dialogues: the import page, and linking statements to topics and cases."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from dialogues import admin_views
from dialogues.models import Cluster, Dialogue, Statement


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("dialogen/importeren/", admin_views.import_dialogue, name="dialogue_import"),
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


class DialogueViewSet(SnippetViewSet):
    model = Dialogue
    icon = "comment"
    menu_label = _("Dialogen")
    list_display = ["title", "date", "space", "live"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("commissioned_by"),
        FieldPanel("method"),
        FieldPanel("space"),
        FieldPanel("municipalities"),
        FieldPanel("counts_are_illustrative"),
        FieldPanel("live"),
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
