"""`manage.py load_demo`: the demo site that `make run` serves."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from cases.models import Case, Outcome
from municipalities.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(tmp_path, settings, monkeypatch):
    from kennisplatform.management.commands import load_demo

    monkeypatch.setattr(load_demo, "DEMO_LOGIN_FILE", tmp_path / "demo-login.txt")
    settings.DEBUG = True
    return tmp_path


def test_demo_content_is_complete(var_dir, capsys):
    call_command("load_demo")
    cases = Case.objects.filter(live=True, is_example=True)
    assert cases.count() >= 12
    outcomes = set(cases.values_list("outcome", flat=True))
    assert outcomes == {Outcome.SUCCESS, Outcome.FAILURE, Outcome.MIXED}
    # Every municipality a demo case names exists, and every case has topics and tags.
    assert not cases.filter(municipality__isnull=True).exists()
    for case in cases:
        assert case.topics.exists(), case.title
        assert case.tags.exists(), case.title
    assert Municipality.objects.filter(cbs_code="GM0344", name="Utrecht").exists()
    output = capsys.readouterr().out
    logins = dict(
        line.split()[:2]
        for line in (var_dir / "demo-login.txt").read_text().splitlines()
        if not line.startswith("#")
    )
    assert f"e-mailadres 'redacteur@example.org' en wachtwoord '{logins['redacteur']}'" in output
    assert f"e-mailadres 'lid@example.org', wachtwoord '{logins['lid']}'" in output
    assert logins["totp"] in output
    editor = User.objects.get(username="redacteur")
    assert editor.check_password(logins["redacteur"])
    assert editor.has_perm("cases.publish_case")
    member = User.objects.get(username="lid")
    assert member.check_password(logins["lid"])
    assert not member.has_perm("cases.change_case")
    assert member.connector.is_example


def test_demo_editor_logs_in_with_password_and_code(var_dir, client, capsys, settings):
    """What `make run` prints is enough to log in, second step included."""
    settings.ACCOUNTS_EDITOR_MFA_REQUIRED = True
    call_command("load_demo")
    password = next(
        line.split()[1]
        for line in (var_dir / "demo-login.txt").read_text().splitlines()
        if line.startswith("redacteur ")
    )
    capsys.readouterr()
    response = client.post(
        "/account/login/", {"login": "redacteur@example.org", "password": password}
    )
    assert response["Location"] == "/account/2fa/authenticate/"
    call_command("load_demo", "--code")
    code = capsys.readouterr().out.strip()
    response = client.post("/account/2fa/authenticate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200


def test_the_login_file_names_the_e_mail_address_to_log_in_with(var_dir, client):
    """Login asks for an e-mail address: the file gives it beside each user name and password."""
    call_command("load_demo")
    rows = {
        line.split()[0]: line.split()[1:]
        for line in (var_dir / "demo-login.txt").read_text().splitlines()
        if not line.startswith("#")
    }
    assert rows["redacteur"][1] == "redacteur@example.org"
    assert rows["lid"][1] == "lid@example.org"
    assert rows["moderator"][1] == "moderator@example.org"
    assert len(rows["totp"]) == 1
    password, email = rows["lid"]
    response = client.post("/account/login/", {"login": email, "password": password})
    assert response.status_code == 302 and response["Location"] == "/mijn/"
    # An older file, without the addresses, keeps its passwords and gains the addresses.
    (var_dir / "demo-login.txt").write_text(
        "".join(f"{name} {values[0]}\n" for name, values in rows.items())
    )
    call_command("load_demo")
    again = (var_dir / "demo-login.txt").read_text()
    assert f"lid {password} lid@example.org" in again


def test_demo_leaves_out_contact_details(var_dir):
    call_command("load_demo")
    text = " ".join(
        " ".join(str(v) for v in row)
        for row in Case.objects.values_list("title", "summary", "context", "approach", "lessons")
    )
    assert "@" not in text
    assert "06-" not in text


def test_running_it_twice_changes_nothing(var_dir, capsys):
    call_command("load_demo")
    counts = (Case.objects.count(), Revision.objects.count(), User.objects.count())
    first_password = (var_dir / "demo-login.txt").read_text()
    call_command("load_demo")
    assert (Case.objects.count(), Revision.objects.count(), User.objects.count()) == counts
    assert (var_dir / "demo-login.txt").read_text() == first_password
    assert "0 nieuw, 0 bijgewerkt" in capsys.readouterr().out


def test_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="voor ontwikkeling"):
        call_command("load_demo")
    assert not User.objects.filter(username="redacteur").exists()


def test_demo_spaces_members_and_moderator(var_dir, capsys, client):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import AnonymousUser

    from spaces.models import Membership, Space

    call_command("load_demo")
    network = Space.objects.get(slug="netwerk-wijkaanpak")
    intervision = Space.objects.get(slug="intervisie-mislukkingen")
    assert (network.is_public, network.join_policy) == (True, Space.JoinPolicy.OPEN)
    assert (intervision.is_public, intervision.join_policy) == (False, "op_verzoek")
    moderator = User.objects.get(username="moderator")
    assert Membership.objects.moderators().filter(user=moderator).count() == 2
    assert Membership.objects.active().filter(space=intervision).count() >= 3
    demo_people = User.objects.filter(space_memberships__space=intervision).distinct()
    assert all(person.email.endswith("@example.org") for person in demo_people)
    logins = dict(
        line.split()[:2]
        for line in (var_dir / "demo-login.txt").read_text().splitlines()
        if not line.startswith("#")
    )
    assert moderator.check_password(logins["moderator"])
    printed = capsys.readouterr().out
    assert "gebruikersnaam 'moderator'" in printed and logins["moderator"] in printed
    assert EmailAddress.objects.get(user=moderator).verified
    closed = Case.objects.get(external_id="demo-besloten-01")
    assert closed.space == intervision
    assert not Case.objects.visible_to(AnonymousUser()).filter(pk=closed.pk).exists()
    assert Case.objects.visible_to(moderator).filter(pk=closed.pk).exists()
    call_command("load_demo")
    assert moderator.__class__.objects.get(pk=moderator.pk).check_password(logins["moderator"])


def test_demo_taxonomy_has_no_doubles(var_dir):
    """No topic repeats an outcome, and no tag is there in singular and plural."""
    from taggit.models import Tag

    from topics.models import Topic

    call_command("load_demo")
    assert not Topic.objects.filter(slug__in=["mislukkingen", "successen"]).exists()
    names = set(Tag.objects.values_list("name", flat=True))
    assert {"buurthuis", "jongerenwerk"} <= names
    assert not names & {"buurthuizen", "jongerenwerkers"}


def test_demo_meetings(var_dir, capsys):
    from django.contrib.auth.models import AnonymousUser

    from meetings.models import Meeting

    call_command("load_demo")
    public = Meeting.objects.get(slug="leernetwerk-wijkaanpak-wat-werkt")
    closed = Meeting.objects.get(slug="intervisie-online-wat-misging")
    assert (public.space, public.form, public.organiser.username) == (None, "hybride", "redacteur")
    assert (closed.space.slug, closed.form) == ("intervisie-mislukkingen", "online")
    assert list(Meeting.objects.visible_to(AnonymousUser())) == [public]
    call_command("load_demo")
    assert Meeting.objects.count() == 2
