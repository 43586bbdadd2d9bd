"""Following a space: the default on joining, the follow form, and the list on /mijn/."""

import pytest

from accounts.models import EmailPreferences
from discussions.models import Subscription
from spaces import services
from spaces.models import Membership
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


def frequency(user, space):
    return (
        Subscription.objects.filter(user=user, space=space)
        .values_list("frequency", flat=True)
        .first()
    )


def test_joining_a_space_starts_a_daily_digest(public_space, outsider):
    public_space.join_policy = "open"
    public_space.save()
    services.join(user=outsider, space=public_space)
    assert frequency(outsider, public_space) == "dagelijks"


def test_a_returning_member_keeps_their_earlier_choice(closed_space, member, moderator):
    Subscription.objects.filter(user=member).update(frequency="nooit")
    membership = Membership.objects.get(space=closed_space, user=member)
    services.remove_member(actor=moderator, membership=membership)
    membership.status = Membership.Status.ACTIVE
    membership.save()
    assert frequency(member, closed_space) == "nooit"


def test_a_member_chooses_how_often(client, closed_space, member):
    client.force_login(member)
    response = client.post(f"/berichten/volgen/{closed_space.slug}/", {"frequency": "direct"})
    assert response.status_code == 302
    assert response["Location"] == f"/ruimtes/{closed_space.slug}/"
    assert frequency(member, closed_space) == "direct"
    page = client.get(response["Location"]).content.decode()
    assert "U krijgt nu een e-mail bij elke nieuwe discussie in Besloten intervisie." in page


def test_switching_to_daily_starts_the_digest_now(client, closed_space, member):
    Subscription.objects.filter(user=member).update(frequency="nooit")
    before = Subscription.objects.get(user=member).digest_sent_until
    client.force_login(member)
    client.post(f"/berichten/volgen/{closed_space.slug}/", {"frequency": "dagelijks"})
    assert Subscription.objects.get(user=member).digest_sent_until > before


def test_a_wrong_choice_gets_a_message_and_changes_nothing(client, closed_space, member):
    client.force_login(member)
    response = client.post(f"/berichten/volgen/{closed_space.slug}/", {"frequency": "elk-uur"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies een van de mogelijkheden: direct, dagelijks of nooit." in page
    assert 'href="#frequency-1"' in page
    response = client.post(f"/berichten/volgen/{closed_space.slug}/", {})
    assert "Kies hoe vaak u een e-mail wilt." in response.content.decode()
    assert frequency(member, closed_space) == "dagelijks"


def test_who_may_not_read_a_space_cannot_follow_it(client, closed_space, outsider):
    client.force_login(outsider)
    hidden = client.post(f"/berichten/volgen/{closed_space.slug}/", {"frequency": "direct"})
    missing = client.post("/berichten/volgen/bestaat-niet/", {"frequency": "direct"})
    assert hidden.status_code == missing.status_code == 404
    assert client.get(f"/berichten/volgen/{closed_space.slug}/").status_code == 404
    assert not Subscription.objects.filter(user=outsider).exists()


def test_anyone_signed_in_may_follow_a_public_space(client, public_space, outsider):
    client.force_login(outsider)
    client.post(f"/berichten/volgen/{public_space.slug}/", {"frequency": "direct"})
    assert frequency(outsider, public_space) == "direct"


def test_following_needs_an_account(client, public_space):
    response = client.post(f"/berichten/volgen/{public_space.slug}/", {"frequency": "direct"})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not Subscription.objects.exists()


def test_the_space_home_shows_the_follow_form_to_readers_only(
    client, closed_space, member, outsider
):
    client.force_login(member)
    page = client.get(f"/ruimtes/{closed_space.slug}/").content.decode()
    assert "E-mail over nieuwe discussies" in page
    assert "u krijgt één keer per dag een overzicht" in page
    assert 'value="dagelijks" id="volgen-frequency-2" checked' in page
    client.force_login(outsider)
    page = client.get(f"/ruimtes/{closed_space.slug}/").content.decode()
    assert "E-mail over nieuwe discussies" not in page


def test_my_page_lists_the_spaces_i_follow_and_still_read(client, closed_space, member, moderator):
    quiet = SpaceFactory(name="Stille ruimte", slug="stil")
    MembershipFactory(space=quiet, user=member)
    Subscription.objects.filter(user=member, space=quiet).update(frequency="nooit")
    gone = SpaceFactory(name="Vroegere ruimte", slug="vroeger")
    MembershipFactory(space=gone, user=member, status=Membership.Status.REMOVED)
    Subscription.objects.create(user=member, space=gone, frequency="direct")
    client.force_login(member)
    page = client.get("/mijn/").content.decode()
    assert "Ruimtes die ik volg" in page
    assert "Besloten intervisie</a>: één overzicht per dag." in page
    assert "Stille ruimte</a>:" not in page
    assert "Vroegere ruimte" not in page


def test_my_page_says_when_i_follow_nothing(client):
    user = UserFactory()
    client.force_login(user)
    assert "U volgt geen ruimtes." in client.get("/mijn/").content.decode()


def test_the_personal_mail_settings_are_kept(client, member):
    client.force_login(member)
    page = client.get("/mijn/").content.decode()
    for label in (
        "Reacties in discussies waar ik aan meedoe",
        "Besluiten van moderatoren over mijn berichten",
        "De beoordeling van mijn gedeelde praktijkvoorbeelden",
    ):
        assert label in page
    client.post("/mijn/e-mailinstellingen/", {"space_activity": "on", "moderation": "on"})
    preferences = EmailPreferences.objects.get(user=member)
    assert preferences.space_activity and preferences.moderation
    assert not (preferences.replies or preferences.case_status or preferences.invitations)
