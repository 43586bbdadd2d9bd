"""The back office's "Meldingen": one queue of open reports and held posts across every space,
for editors. Each item leads to the space's own moderation pages, where editors act like the
space's moderators (through `discussions.moderation`).

Wagtail loads only `wagtail_hooks.py`; that module imports this one
(`from discussions import admin_queue  # noqa: F401`) so the hooks below are registered.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.access import is_editor
from discussions import moderation

URL_NAME = "discussions_admin_queue"


def admin_queue(request: HttpRequest) -> TemplateResponse:
    if not is_editor(request.user):
        raise PermissionDenied
    found = moderation.queue()
    return TemplateResponse(
        request,
        "discussions/admin/queue.html",
        {
            "page_title": _("Meldingen"),
            "header_title": _("Meldingen"),
            "header_icon": "warning",
            **found,
        },
    )


@hooks.register("register_admin_urls")
def register_admin_queue_url():
    return [path("meldingen/", admin_queue, name=URL_NAME)]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_admin_queue_menu_item():
    return QueueMenuItem(_("Meldingen"), reverse(URL_NAME), icon_name="warning", order=160)
