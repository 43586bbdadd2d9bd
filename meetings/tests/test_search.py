"""Meetings in site search (`/zoeken/?soort=bijeenkomst`): found by their words, only by those
who may see them."""

import pytest

from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_meetings_are_found_by_those_who_may_see_them(client, closed_space, member, outsider):
    MeetingFactory(title="Leeravond over buurtbemiddeling", slug="open-leeravond")
    MeetingFactory(
        title="Besloten avond over buurtbemiddeling", slug="besloten-avond", space=closed_space
    )
    page = client.get("/zoeken/?q=buurtbemiddeling").content.decode()
    assert "Leeravond over buurtbemiddeling" in page
    assert "Besloten avond" not in page
    client.force_login(outsider)
    assert "Besloten avond" not in client.get("/zoeken/?q=buurtbemiddeling").content.decode()
    client.force_login(member)
    page = client.get("/zoeken/?q=buurtbemiddeling&soort=bijeenkomst").content.decode()
    assert "Besloten avond over buurtbemiddeling" in page
    assert "Leeravond over buurtbemiddeling" in page


def test_choosing_another_kind_leaves_meetings_out(client):
    MeetingFactory(title="Leeravond over buurtbemiddeling")
    page = client.get("/zoeken/?q=buurtbemiddeling&soort=thema").content.decode()
    assert "Leeravond over buurtbemiddeling" not in page
