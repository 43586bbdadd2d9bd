"""One small world with every role the space rules distinguish, for the visibility tests.

Three spaces: a closed one that admits by invitation only, a closed one that admits on request,
and another closed space whose moderator must not act in the first two. Each role is a user
whose relation to the two closed spaces is set up through the services, as on the site.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, Group

from cases.editorial import EDITORS_GROUP
from spaces import services
from spaces.models import Membership, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

ROLES = [
    "anonymous",
    "outsider",
    "requester",
    "invited",
    "member",
    "other_moderator",
    "moderator",
    "editor",
    "removed",
]
# Who reads the content of the two closed spaces and sees the invitation-only one at all.
SEES_CLOSED = {"member", "moderator", "editor"}
INVITED_EMAIL = "uitgenodigd@example.org"


def make_world() -> dict:
    invitation_only = SpaceFactory(
        name="Kring op uitnodiging",
        slug="kring-op-uitnodiging",
        description="Besloten kring.",
        visibility=Space.Visibility.CLOSED,
        join_policy=Space.JoinPolicy.INVITATION,
    )
    on_request = SpaceFactory(
        name="Intervisie op verzoek",
        slug="intervisie-op-verzoek",
        description="Besloten intervisie, lid worden op verzoek.",
        visibility=Space.Visibility.CLOSED,
        join_policy=Space.JoinPolicy.ON_REQUEST,
    )
    other = SpaceFactory(
        name="Andere ruimte",
        slug="andere-ruimte",
        visibility=Space.Visibility.CLOSED,
        join_policy=Space.JoinPolicy.ON_REQUEST,
    )
    closed = [invitation_only, on_request]
    users = {"anonymous": AnonymousUser()}
    users["outsider"] = UserFactory(username="buitenstaander", first_name="Olga")
    users["moderator"] = UserFactory(username="moderator", first_name="Mona")
    for space in closed:
        MembershipFactory(space=space, user=users["moderator"], role=Membership.Role.MODERATOR)
    users["other_moderator"] = UserFactory(username="andere-moderator")
    MembershipFactory(space=other, user=users["other_moderator"], role=Membership.Role.MODERATOR)
    users["editor"] = UserFactory(
        username="redacteur", groups=[Group.objects.get(name=EDITORS_GROUP)]
    )
    users["member"] = UserFactory(username="lid", first_name="Lieke")
    users["removed"] = UserFactory(username="verwijderd")
    users["requester"] = UserFactory(username="aanvrager")
    users["invited"] = UserFactory(username="uitgenodigd", email=INVITED_EMAIL)
    for space in closed:
        for name in ("member", "removed"):
            services.accept_invitation(
                user=users[name],
                token=services.invite(
                    actor=users["moderator"], space=space, email=users[name].email
                ).token,
            )
        services.remove_member(
            actor=users["moderator"],
            membership=Membership.objects.get(space=space, user=users["removed"]),
        )
    services.request_to_join(
        user=users["requester"], space=on_request, message="Mag ik meelezen, alstublieft?"
    )
    invitation = services.invite(
        actor=users["moderator"], space=invitation_only, email=INVITED_EMAIL
    )
    return {
        "users": users,
        "invitation_only": invitation_only,
        "on_request": on_request,
        "other": other,
        "invitation": invitation,
    }
