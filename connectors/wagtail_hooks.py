"""The back office for wijkschakelaars: profiles with their consent, every change kept as a
revision (who, when, what), and a person's data as a file on request (AVG)."""

import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from connectors.models import Connector
from connectors.services import personal_data


class ConnectorViewSet(SnippetViewSet):
    model = Connector
    icon = "group"
    menu_label = _("Wijkschakelaars")
    menu_order = 360
    add_to_admin_menu = True
    list_display = ["name", "role", "municipality", "open_for_questions"]
    list_filter = ["kind", "open_for_questions"]
    search_fields = ["name", "role", "organisation"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("role"),
                FieldPanel("organisation"),
                FieldPanel("kind"),
                FieldPanel("municipality"),
                FieldPanel("neighbourhoods"),
                FieldPanel("photo"),
                FieldPanel("is_example"),
            ],
            heading=_("Wie"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("mandate"), FieldPanel("bio"), FieldPanel("cases")],
            heading=_("Wat"),
        ),
        MultiFieldPanel(
            [FieldPanel("open_for_questions"), FieldPanel("email")], heading=_("Bereikbaar")
        ),
        InlinePanel(
            "consents",
            heading=_("Toestemming (AVG)"),
            label=_("Toestemming"),
            help_text=_(
                "Zonder toestemming die niet is ingetrokken, is het profiel nergens te zien. "
                "Intrekken: vul 'ingetrokken op' in en sla op."
            ),
        ),
    ]


register_snippet(ConnectorViewSet)


def personal_data_file(request, pk: int) -> HttpResponse:
    """Everything held on one person, as a JSON file (a request under AVG article 15)."""
    if not request.user.has_perm("connectors.change_connector"):
        raise PermissionDenied
    connector = get_object_or_404(Connector, pk=pk)
    content = json.dumps(personal_data(connector), ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="gegevens-{connector.slug}.json"'
    return response


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "wijkschakelaars/<int:pk>/gegevens.json",
            personal_data_file,
            name="connector_personal_data",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def personal_data_button(snippet, user, next_url=None):
    if isinstance(snippet, Connector) and user.has_perm("connectors.change_connector"):
        yield ListingButton(
            _("Gegevens downloaden (AVG)"),
            reverse("connector_personal_data", args=[snippet.pk]),
            priority=90,
        )
