"""The dialogue's back office form: linking a dialogue to the municipalities it was about."""

import pytest
from django.contrib.auth.models import Group

from cases.editorial import FINAL_EDITORS_GROUP
from dialogues.tests.factories import make_dialogue
from municipalities.models import Municipality
from spaces.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_final_editor_links_a_dialogue_to_municipalities(client):
    editor = UserFactory(groups=[Group.objects.get(name=FINAL_EDITORS_GROUP)])
    dialogue = make_dialogue()
    amsterdam = Municipality.objects.get(cbs_code="GM0363")
    heerlen = Municipality.objects.get(cbs_code="GM0917")
    client.force_login(editor)
    edit_url = f"/beheer/snippets/dialogues/dialogue/edit/{dialogue.pk}/"
    assert "Gemeenten" in client.get(edit_url).content.decode()

    response = client.post(
        edit_url,
        {
            "title": dialogue.title,
            "description": dialogue.description,
            "commissioned_by": dialogue.commissioned_by,
            "method": dialogue.method,
            "space": "",
            "municipalities": [amsterdam.pk, heerlen.pk],
        },
    )

    assert response.status_code == 302
    assert set(dialogue.municipalities.all()) == {amsterdam, heerlen}
    body = client.get("/api/v1/dialogen", {"gemeente": "GM0917"}).json()
    assert [item["slug"] for item in body["resultaten"]] == [dialogue.slug]
