"""Editors see and manage every space in the back office; membership changes there are logged."""

import pytest
from django.contrib.auth.models import Group

from cases.editorial import EDITORS_GROUP, FINAL_EDITORS_GROUP
from spaces.models import Membership, ModerationLog
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_editors_see_spaces_and_members(client, closed_space, member):
    client.force_login(UserFactory(groups=[Group.objects.get(name=EDITORS_GROUP)]))
    for model in ("space", "membership", "joinrequest", "invitation", "moderationlog"):
        response = client.get(f"/beheer/snippets/spaces/{model}/")
        assert response.status_code == 200, model
    assert closed_space.name in client.get("/beheer/snippets/spaces/space/").content.decode()


def test_final_editor_makes_a_moderator_and_it_is_logged(client, closed_space, member):
    editor = UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)])
    client.force_login(editor)
    membership = Membership.objects.get(user=member)
    response = client.post(
        f"/beheer/snippets/spaces/membership/edit/{membership.pk}/",
        {"space": closed_space.pk, "user": member.pk, "role": "moderator", "status": "actief"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Membership.objects.get(pk=membership.pk).is_moderator
    entry = ModerationLog.objects.get(space=closed_space)
    assert (entry.actor, entry.subject, entry.action) == (editor, member, "beheer")
