"""A space's home page and the pages around it, as each role sees them."""

import pytest
from django.core import mail

from cases.tests.factories import CaseFactory
from spaces.models import JoinRequest, Membership, ModerationLog, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_case(closed_space):
    return CaseFactory(title="Besloten mislukking", space=closed_space)


def test_outsider_sees_the_front_page_not_the_content(
    closed_space, closed_case, moderator, outsider, client
):
    client.force_login(outsider)
    response = client.get(f"/ruimtes/{closed_space.slug}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert closed_space.name in content
    assert closed_case.title not in content
    assert "Vraag om lid te worden" in content
    assert "moderator" in content  # the moderators are named
    assert response.context["members"] is None


def test_member_sees_content_and_members(closed_space, closed_case, member, moderator, client):
    client.force_login(member)
    response = client.get(f"/ruimtes/{closed_space.slug}/")
    assert closed_case.title in response.content.decode()
    assert {m.user for m in response.context["members"]} == {member, moderator}


def test_invitation_only_space_is_404_for_outsiders(outsider, client):
    space = SpaceFactory(slug="kring", join_policy=Space.JoinPolicy.INVITATION)
    client.force_login(outsider)
    assert client.get("/ruimtes/kring/").status_code == 404
    assert "kring" not in client.get("/ruimtes/").content.decode()
    assert space.name not in client.get("/ruimtes/").content.decode()


def test_join_an_open_space_with_one_click(outsider, client):
    SpaceFactory(slug="netwerk", visibility=Space.Visibility.PUBLIC, join_policy="open")
    client.force_login(outsider)
    response = client.post("/ruimtes/netwerk/deelnemen/", follow=True)
    assert "U bent nu lid" in response.content.decode()
    assert Membership.objects.active().filter(user=outsider).exists()
    listing = client.get("/ruimtes/")
    assert [s.is_mine for s in listing.context["spaces"]] == [True]


def test_request_form_with_errors_then_sent(
    closed_space, moderator, outsider, client, django_capture_on_commit_callbacks
):
    client.force_login(outsider)
    response = client.post(f"/ruimtes/{closed_space.slug}/aanvragen/", {"message": "kort"})
    assert response.status_code == 400
    assert "ten minste 10 tekens" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/ruimtes/{closed_space.slug}/aanvragen/", {"message": "Ik ben wijkregisseur."}
        )
    assert response.status_code == 302
    assert JoinRequest.objects.filter(user=outsider, status="open").exists()
    assert mail.outbox[0].to == [moderator.email]
    assert "wacht op een moderator" in client.get(f"/ruimtes/{closed_space.slug}/").content.decode()


def test_anonymous_is_sent_to_log_in(closed_space, client):
    response = client.get(f"/ruimtes/{closed_space.slug}/aanvragen/")
    assert response.status_code == 302
    assert f"next=/ruimtes/{closed_space.slug}/aanvragen/" in response["Location"]


def test_moderator_pages_only_for_moderators_of_this_space(closed_space, member, moderator, client):
    other_moderator = UserFactory()
    MembershipFactory(user=other_moderator, role=Membership.Role.MODERATOR)
    for path in ("verzoeken", "uitnodigen", "leden", "logboek"):
        url = f"/ruimtes/{closed_space.slug}/{path}/"
        for user in (member, other_moderator):
            client.force_login(user)
            assert client.get(url).status_code == 404, (url, user)
        client.force_login(moderator)
        assert client.get(url).status_code == 200, url


def test_moderator_approves_removes_and_promotes(
    closed_space, moderator, member, client, django_capture_on_commit_callbacks
):
    asking = UserFactory(username="vrager")
    JoinRequest.objects.create(space=closed_space, user=asking, message="Graag")
    client.force_login(moderator)
    page = client.get(f"/ruimtes/{closed_space.slug}/verzoeken/")
    assert "vrager" in page.content.decode()
    join_request = JoinRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/ruimtes/{closed_space.slug}/verzoeken/{join_request.pk}/",
            {"decision": "goedkeuren", "message": "Welkom"},
        )
    assert Membership.objects.active().filter(user=asking).exists()
    assert mail.outbox[-1].to == [asking.email]
    membership = Membership.objects.get(user=member)
    client.post(f"/ruimtes/{closed_space.slug}/leden/{membership.pk}/", {"action": "moderator"})
    assert Membership.objects.get(pk=membership.pk).is_moderator
    removed = Membership.objects.get(user=asking)
    client.post(f"/ruimtes/{closed_space.slug}/leden/{removed.pk}/", {"action": "verwijderen"})
    assert not Membership.objects.get(pk=removed.pk).is_active
    log = client.get(f"/ruimtes/{closed_space.slug}/logboek/").content.decode()
    assert "keurde een verzoek goed" in log and "verwijderde een lid" in log
    assert ModerationLog.objects.filter(space=closed_space).count() == 3


def test_last_moderator_cannot_leave(closed_space, moderator, client):
    client.force_login(moderator)
    response = client.post(f"/ruimtes/{closed_space.slug}/verlaten/", follow=True)
    assert "laatste moderator" in response.content.decode()
    assert Membership.objects.get(user=moderator).is_active


def test_member_leaves(closed_space, member, client):
    client.force_login(member)
    response = client.post(f"/ruimtes/{closed_space.slug}/verlaten/")
    assert response.status_code == 302
    assert not Membership.objects.filter(user=member).exists()


@pytest.mark.parametrize("size", [1, 12])
def test_space_home_query_count_does_not_grow(
    closed_space, member, client, django_assert_num_queries, size
):
    for n in range(size):
        MembershipFactory(space=closed_space)
        CaseFactory(space=closed_space, title=f"Voorbeeld {n}")
    MembershipFactory(space=closed_space, role=Membership.Role.MODERATOR)
    client.force_login(member)
    client.get(f"/ruimtes/{closed_space.slug}/")  # the session and permissions are warm
    # session, user, space, can read, members, own membership, discussions, cases, their topics,
    # dialogues, the editor check (groups and permissions) and the member's own subscription
    # (the follow form): the same for 1 or 12 members and cases
    with django_assert_num_queries(14):
        response = client.get(f"/ruimtes/{closed_space.slug}/")
    assert len(response.context["members"]) == size + 2
