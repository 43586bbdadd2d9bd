"""The back office for spaces: editors see and manage every space, its members, requests,
invitations and the moderation log. Changes made here are written to the moderation log too."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from spaces.models import Invitation, JoinRequest, Membership, ModerationLog, Space
from spaces.services import log_back_office_change


class SpaceViewSet(SnippetViewSet):
    model = Space
    icon = "lock"
    menu_label = _("Ruimtes")
    list_display = ["name", "visibility", "join_policy"]
    list_filter = ["visibility", "join_policy"]
    search_fields = ["name"]
    search_backend_name = None
    panels = ["name", "slug", "description", "visibility", "join_policy", "hold_first_posts"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Lidmaatschappen")
    list_display = ["user", "space", "role", "status", "joined_at"]
    list_filter = ["space", "role", "status"]
    panels = ["space", "user", "role", "status"]


class JoinRequestViewSet(SnippetViewSet):
    model = JoinRequest
    icon = "help"
    menu_label = _("Verzoeken")
    list_display = ["user", "space", "status", "created_at"]
    list_filter = ["space", "status"]
    inspect_view_enabled = True
    panels = ["space", "user", "message", "status", "decision_message"]


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Uitnodigingen")
    list_display = ["email", "space", "expires_at", "accepted_at"]
    list_filter = ["space"]
    inspect_view_enabled = True
    # Invitations are made on the site (the token is mailed, only its hash is kept); here an
    # editor can see them and shorten their life.
    panels = ["expires_at"]


class ModerationLogViewSet(SnippetViewSet):
    model = ModerationLog
    icon = "history"
    menu_label = _("Moderatielogboek")
    list_display = ["created_at", "space", "actor", "action", "subject", "subject_email"]
    list_filter = ["space", "action"]
    inspect_view_enabled = True
    panels = ["detail"]


class SpacesGroup(SnippetViewSetGroup):
    menu_label = _("Ruimtes")
    menu_icon = "group"
    menu_order = 150
    items = (
        SpaceViewSet,
        MembershipViewSet,
        JoinRequestViewSet,
        InvitationViewSet,
        ModerationLogViewSet,
    )


register_snippet(SpacesGroup)


def _log_membership(request, instance, what):
    if isinstance(instance, Membership):
        log_back_office_change(
            actor=request.user,
            space=instance.space,
            subject=instance.user,
            detail=f"{what}: {instance.get_role_display()}, {instance.get_status_display()}",
        )


@hooks.register("after_create_snippet")
def log_created_membership(request, instance):
    _log_membership(request, instance, "toegevoegd")


@hooks.register("after_edit_snippet")
def log_edited_membership(request, instance):
    _log_membership(request, instance, "gewijzigd")


@hooks.register("after_delete_snippet")
def log_deleted_memberships(request, instances):
    for instance in instances:
        _log_membership(request, instance, "verwijderd")
