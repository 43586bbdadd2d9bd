"""The whole road of a contribution, by keyboard alone, in a real Chromium: a member starts a
discussion, another replies, a third reports the reply, a moderator hides it with a reason and
then restores it. Every step is reached with Tab and done with Enter, Space or typing; after
each step the database says what the visitor saw."""

import pytest

from discussions.models import Discussion, Post, PostStatus, Report
from kennisplatform.tests.test_browser import assert_focus_visible, sign_in, tab_until
from spaces.models import Membership, ModerationLog, Space
from spaces.tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def people():
    space = SpaceFactory(
        name="Netwerk portiekaanpak",
        slug="portiekaanpak",
        visibility=Space.Visibility.PUBLIC,
        join_policy=Space.JoinPolicy.OPEN,
    )
    made = {"space": space}
    for name, first, role in [
        ("starter", "Sanne", Membership.Role.MEMBER),
        ("replier", "Ruben", Membership.Role.MEMBER),
        ("reporter", "Fatima", Membership.Role.MEMBER),
        ("moderator", "Mo", Membership.Role.MODERATOR),
    ]:
        user = UserFactory(username=name, first_name=first, last_name="de Vries")
        MembershipFactory(space=space, user=user, role=role)
        made[name] = user
    return made


def become(page, live_server, user) -> None:
    page.context.clear_cookies()
    sign_in(page, live_server, user)


def focus(page, what: str, **match):
    """Tab to the element whose tag, id or text (start) match; its focus must be visible."""

    def matches(element):
        return all(
            element[key].startswith(value) if key == "text" else element[key] == value
            for key, value in match.items()
        )

    focused = tab_until(page, matches, what)
    assert_focus_visible(focused)
    return focused


def press_and_wait(page, key: str = "Enter") -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def test_start_reply_report_hide_restore_by_keyboard(page, live_server, people):
    space = people["space"]

    # A member starts a discussion from the space's home page.
    become(page, live_server, people["starter"])
    page.goto(f"/ruimtes/{space.slug}/")
    focus(page, "the start link", tag="a", text="Start een discussie")
    press_and_wait(page)
    # A radio group is one Tab stop; the arrow keys choose within it.
    focus(page, "the kind choices", tag="input", id="id_kind_0")
    page.keyboard.press("ArrowDown")
    focus(page, "the title field", tag="input", id="id_title")
    page.keyboard.type("Portiekgesprekken: wie heeft ervaring?")
    focus(page, "the text field", tag="textarea", id="id_body")
    page.keyboard.type("Wij beginnen in maart met gesprekken per portiek.\n\n- wie nodigt uit?")
    focus(page, "the submit button", tag="button", text="Plaats de discussie")
    press_and_wait(page)
    discussion = Discussion.objects.get()
    assert discussion.kind == Discussion.Kind.EXPERIENCE
    assert discussion.author == people["starter"]
    page.get_by_role("heading", name="Portiekgesprekken: wie heeft ervaring?").wait_for()

    # Another member replies.
    become(page, live_server, people["replier"])
    page.goto(discussion.get_absolute_url())
    focus(page, "the reply field", tag="textarea", id="id_body")
    page.keyboard.type("Bij ons nodigde de corporatie uit, samen met de wijkagent.")
    focus(page, "the reply button", tag="button", text="Plaats uw reactie")
    press_and_wait(page)
    reply = Post.objects.get(is_opening=False)
    assert reply.status == PostStatus.PUBLISHED
    page.get_by_text("samen met de wijkagent").wait_for()

    # A third member reports the reply.
    become(page, live_server, people["reporter"])
    page.goto(discussion.get_absolute_url())
    focus(
        page,
        "the report link of the reply",
        tag="a",
        text="Melden\naan een moderator: Ruben de Vries",
    )
    press_and_wait(page)
    focus(page, "the reason field", tag="textarea")
    page.keyboard.type("Hier wordt een bewoner herkenbaar beschreven.")
    focus(page, "the send button", tag="button", text="Verstuur melding")
    press_and_wait(page)
    report = Report.objects.get()
    assert (report.post, report.reporter, report.status) == (
        reply,
        people["reporter"],
        Report.Status.OPEN,
    )

    # The moderator hides it from the queue, with a reason.
    become(page, live_server, people["moderator"])
    page.goto(f"/ruimtes/{space.slug}/moderatie/")
    page.get_by_text("Hier wordt een bewoner herkenbaar beschreven.").wait_for()
    focus(page, "the hide link", tag="a", text="Verbergen")
    press_and_wait(page)
    focus(page, "the reason field", tag="textarea")
    page.keyboard.type("Bewoners blijven onherkenbaar.")
    focus(page, "the hide button", tag="button", text="Verberg bericht")
    press_and_wait(page)
    reply.refresh_from_db()
    report.refresh_from_db()
    assert reply.status == PostStatus.HIDDEN
    assert reply.moderation_reason == "Bewoners blijven onherkenbaar."
    assert report.status == Report.Status.HANDLED
    discussion.refresh_from_db()
    assert discussion.reply_count == 0

    # Others no longer see its text; its author sees why.
    become(page, live_server, people["reporter"])
    page.goto(discussion.get_absolute_url())
    assert page.get_by_text("samen met de wijkagent").count() == 0
    become(page, live_server, people["replier"])
    page.goto(discussion.get_absolute_url())
    page.get_by_text("Bewoners blijven onherkenbaar.").wait_for()

    # The moderator restores it from the discussion page.
    become(page, live_server, people["moderator"])
    page.goto(discussion.get_absolute_url())
    focus(page, "the restore link", tag="a", text="Herstellen\n: Ruben de Vries")
    press_and_wait(page)
    focus(page, "the restore button", tag="button", text="Herstel bericht")
    press_and_wait(page)
    reply.refresh_from_db()
    assert reply.status == PostStatus.PUBLISHED
    discussion.refresh_from_db()
    assert discussion.reply_count == 1
    actions = list(
        ModerationLog.objects.filter(space=space)
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )
    assert actions[-3:] == [
        ModerationLog.Action.REPORTED,
        ModerationLog.Action.HIDDEN,
        ModerationLog.Action.RESTORED,
    ]
    become(page, live_server, people["reporter"])
    page.goto(discussion.get_absolute_url())
    page.get_by_text("samen met de wijkagent").wait_for()
