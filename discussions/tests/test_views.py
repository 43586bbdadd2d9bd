"""The discussion pages as a visitor meets them: who reads, who writes, what anonymous and
deleted posts show, the forms' messages, attachments, and the lists on other pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.models import CaseAttachment
from cases.tests.factories import CaseFactory
from discussions import rules, services
from discussions.models import Discussion, Post, PostAttachment, PostStatus
from spaces.models import Space
from spaces.tests.factories import MembershipFactory, UserFactory
from topics.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def url(space, suffix=""):
    return f"/ruimtes/{space.slug}/discussies/{suffix}"


def start(user, space, **kwargs):
    kwargs.setdefault("kind", Discussion.Kind.EXPERIENCE)
    kwargs.setdefault("title", "Ervaring met een buurtschouw")
    kwargs.setdefault("body", "Wij liepen met bewoners en politie door de wijk.")
    return services.start_discussion(user=user, space=space, **kwargs)


@pytest.fixture
def fellow(closed_space):
    user = UserFactory(username="collega", first_name="Cor", last_name="Collega")
    MembershipFactory(space=closed_space, user=user)
    return user


# --- reading -----------------------------------------------------------------------------------


def test_a_closed_space_is_read_by_members_only(client_for, closed_space, member, outsider):
    discussion = start(member, closed_space)
    assert client_for(None).get(url(closed_space)).status_code == 404
    assert client_for(None).get(discussion.get_absolute_url()).status_code == 404
    client = client_for(outsider)
    assert client.get(url(closed_space)).status_code == 404
    assert client.get(discussion.get_absolute_url()).status_code == 404
    client = client_for(member)
    assert discussion.title in client.get(url(closed_space)).content.decode()
    assert client.get(discussion.get_absolute_url()).status_code == 200


def test_a_public_space_is_read_by_everyone(client, public_space):
    writer = UserFactory()
    MembershipFactory(space=public_space, user=writer)
    discussion = start(writer, public_space)
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "Wij liepen met bewoners" in page
    assert "Log in om te reageren" in page


def test_a_discussion_under_another_space_address_is_missing(client_for, member, closed_space):
    discussion = start(member, closed_space)
    other = MembershipFactory(user=member, space__visibility=Space.Visibility.CLOSED).space
    response = client_for(member).get(url(other, f"{discussion.pk}/"))
    assert response.status_code == 404


def test_anonymous_posts_show_no_author_to_members(
    client_for, closed_space, member, fellow, moderator
):
    discussion = start(member, closed_space, is_anonymous=True, title="Anoniem gedeeld verhaal")
    member.first_name = "Mira"
    member.last_name = "Geheimnaam"
    member.save()
    page = client_for(fellow).get(discussion.get_absolute_url()).content.decode()
    assert "Een lid van deze ruimte" in page
    assert "Geheimnaam" not in page
    home = client_for(fellow).get(f"/ruimtes/{closed_space.slug}/").content.decode()
    # (The member list of the space names its members; the discussion does not.)
    assert "gestart door Een lid van deze ruimte" in home
    assert "gestart door Mira" not in home
    listing = client_for(fellow).get(url(closed_space)).content.decode()
    assert "Geheimnaam" not in listing
    page = client_for(moderator).get(discussion.get_absolute_url()).content.decode()
    assert "Mira Geheimnaam (anoniem gedeeld)" in page


def test_deleted_opening_and_reply_markers(client_for, closed_space, member, fellow):
    discussion = start(member, closed_space, body="Tekst die verdwijnt.")
    first = services.reply(user=fellow, discussion=discussion, body="Eerste reactie die weg gaat.")
    services.reply(user=member, discussion=discussion, body="Tweede reactie blijft.")
    services.delete_post(user=member, post=discussion.posts.get(is_opening=True))
    services.delete_post(user=fellow, post=first)
    page = client_for(fellow).get(discussion.get_absolute_url()).content.decode()
    assert "Dit bericht is verwijderd door de schrijver" in page
    assert page.count("Verwijderd bericht") == 2
    assert "Tekst die verdwijnt" not in page and "Eerste reactie die weg gaat" not in page
    assert "Tweede reactie blijft" in page


def test_an_edited_post_says_so(client_for, closed_space, member):
    discussion = start(member, closed_space)
    services.edit_post(user=member, post=discussion.posts.get(), body="Aangepaste tekst.")
    page = client_for(member).get(discussion.get_absolute_url()).content.decode()
    assert "bewerkt op" in page and "Aangepaste tekst." in page


def test_script_is_shown_as_text(client_for, closed_space, member):
    discussion = start(member, closed_space, body="<script>alert('x')</script> en <b>vet</b>")
    page = client_for(member).get(discussion.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(" in page


# --- writing -----------------------------------------------------------------------------------


def test_a_member_starts_a_discussion_with_an_attachment(client_for, closed_space, member):
    client = client_for(member)
    assert client.get(url(closed_space, "nieuw/")).status_code == 200
    response = client.post(
        url(closed_space, "nieuw/"),
        {
            "kind": "vraag",
            "title": "Hoe betrekken jullie jongeren?",
            "body": "Wij zoeken ideeën.\n\n- sport\n- muziek",
            "is_anonymous": "on",
            "attachments": [SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", "application/pdf")],
        },
    )
    discussion = Discussion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == discussion.get_absolute_url()
    assert discussion.is_anonymous
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert "<li>sport</li>" in page and "plan.pdf" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"body": ""}, "een leeg bericht kan niet"),
        ({"body": "x" * (rules.MAX_BODY_LENGTH + 1)}, "Uw bericht is te lang"),
        ({"title": ""}, "Geef de discussie een titel"),
        ({"kind": ""}, "Kies wat voor discussie het is"),
        ({"attachments": [SimpleUploadedFile("foto.exe", b"MZ")]}, "foto.exe kan niet"),
        ({"attachments": [SimpleUploadedFile(f"d{i}.pdf", b"x") for i in range(4)]}, "hoogstens 3"),
    ],
)
def test_bad_input_gets_a_message_and_stores_nothing(
    client_for, closed_space, member, data, message
):
    form = {"kind": "vraag", "title": "Een titel", "body": "Een bericht.", **data}
    response = client_for(member).post(url(closed_space, "nieuw/"), form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit ging niet goed" in page
    assert message in page
    assert not Discussion.objects.exists()
    assert not PostAttachment.objects.exists()


def test_anonymous_is_refused_in_a_public_space(client_for, public_space):
    user = UserFactory()
    MembershipFactory(space=public_space, user=user)
    client = client_for(user)
    assert "Anoniem delen" not in client.get(url(public_space, "nieuw/")).content.decode()
    response = client.post(
        url(public_space, "nieuw/"),
        {"kind": "vraag", "title": "Titel", "body": "Tekst", "is_anonymous": "on"},
    )
    assert response.status_code == 400
    assert "Anoniem delen kan alleen in een besloten ruimte" in response.content.decode()
    assert not Discussion.objects.exists()


def test_non_members_cannot_start(client_for, public_space, outsider):
    response = client_for(outsider).get(url(public_space, "nieuw/"))
    assert response.status_code == 302
    assert response["Location"] == f"/ruimtes/{public_space.slug}/"
    client_for(outsider).post(
        url(public_space, "nieuw/"), {"kind": "vraag", "title": "T", "body": "B"}
    )
    assert not Discussion.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, public_space):
    response = client.get(url(public_space, "nieuw/"))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_reply_on_the_page(client_for, closed_space, member, fellow):
    discussion = start(member, closed_space)
    client = client_for(fellow)
    response = client.post(discussion.get_absolute_url(), {"body": "Goed idee, doen!"})
    post = Post.objects.get(is_opening=False)
    assert response.status_code == 302 and response["Location"].endswith(f"#bericht-{post.pk}")
    response = client.post(discussion.get_absolute_url(), {"body": "   "})
    assert response.status_code == 400
    assert "een leeg bericht kan niet" in response.content.decode()
    assert Post.objects.filter(is_opening=False).count() == 1


def test_an_outsider_cannot_reply_to_a_public_discussion(client_for, public_space, outsider):
    writer = UserFactory()
    MembershipFactory(space=public_space, user=writer)
    discussion = start(writer, public_space)
    client = client_for(outsider)
    assert "Word eerst lid" in client.get(discussion.get_absolute_url()).content.decode()
    client.post(discussion.get_absolute_url(), {"body": "Ik doe toch mee"})
    assert not Post.objects.filter(is_opening=False).exists()


def test_edit_and_delete_only_ones_own(client_for, closed_space, member, fellow):
    discussion = start(member, closed_space)
    opening = discussion.posts.get()
    edit = url(closed_space, f"{discussion.pk}/berichten/{opening.pk}/bewerken/")
    delete = url(closed_space, f"{discussion.pk}/berichten/{opening.pk}/verwijderen/")
    other = client_for(fellow)
    assert other.get(edit).status_code == 404
    assert other.post(delete).status_code == 404
    client = client_for(member)
    page = client.get(discussion.get_absolute_url()).content.decode()
    assert edit in page and delete in page
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"title": ""})
    assert (
        response.status_code == 400 and "Geef de discussie een titel" in response.content.decode()
    )
    response = client.post(edit, {"title": "Betere titel", "body": "Betere tekst."})
    assert response.status_code == 302
    discussion.refresh_from_db()
    assert discussion.title == "Betere titel"
    assert client.get(delete).status_code == 200
    assert client.post(delete)["Location"] == url(closed_space)
    assert not Discussion.objects.exists()


# --- attachments -------------------------------------------------------------------------------


def test_attachments_are_served_only_where_the_post_is(client_for, closed_space, member, outsider):
    discussion = start(
        member,
        closed_space,
        files=[SimpleUploadedFile("notulen.txt", b"Notulen van de schouw", "text/plain")],
    )
    document = PostAttachment.objects.get().document
    assert client_for(outsider).get(document.url).status_code == 404
    response = client_for(member).get(document.url)
    assert response.status_code == 200
    assert b"Notulen" in b"".join(response.streaming_content)
    # A case attachment is still served (the two rules combine).
    case_document = PostAttachment.objects.get().document.__class__.objects.create(
        title="Casus", file=SimpleUploadedFile("casus.txt", b"casus")
    )
    CaseAttachment.objects.create(case=CaseFactory(), document=case_document)
    assert client_for(outsider).get(case_document.url).status_code == 200
    # A deleted post's attachment goes with it.
    services.reply(user=member, discussion=discussion, body="Reactie")
    services.delete_post(user=member, post=discussion.posts.get(is_opening=True))
    assert client_for(member).get(document.url).status_code == 404


def test_a_hidden_posts_attachment_is_not_served(client_for, closed_space, member, fellow):
    discussion = start(member, closed_space)
    post = services.reply(
        user=member,
        discussion=discussion,
        body="Met bijlage",
        files=[SimpleUploadedFile("lijst.csv", b"a;b", "text/csv")],
    )
    Post.objects.filter(pk=post.pk).update(status=PostStatus.HIDDEN)
    document = PostAttachment.objects.get().document
    assert client_for(fellow).get(document.url).status_code == 404


# --- on other pages ----------------------------------------------------------------------------


def test_space_home_lists_discussions_with_a_start_button(
    client_for, closed_space, member, outsider
):
    start(member, closed_space, title="Schouw met bewoners")
    page = client_for(member).get(f"/ruimtes/{closed_space.slug}/").content.decode()
    assert "Schouw met bewoners" in page and "Start een discussie" in page
    assert url(closed_space) in page


def test_topic_and_case_pages_show_public_mentioning_discussions(
    client_for, public_space, closed_space, member
):
    topic = TopicFactory(name="Ontmoeting", slug="ontmoeting")
    case = CaseFactory(title="Buurtkamer")
    writer = UserFactory()
    MembershipFactory(space=public_space, user=writer)
    body = f"Zie [thema](/themas/ontmoeting/) en [casus](/praktijkvoorbeelden/{case.slug}/)."
    start(writer, public_space, title="Openbaar gesprek", body=body)
    start(member, closed_space, title="Besloten gesprek", body=body)
    for client in (client_for(None), client_for(member)):
        for address in (topic.get_absolute_url(), case.get_absolute_url()):
            page = client.get(address).content.decode()
            assert "Openbaar gesprek" in page, address
            assert "Besloten gesprek" not in page, address
