"""Who may write in a space, how often, and whose posts wait for a moderator.

Every write in `discussions.services` and `discussions.moderation` asks here first. Refusals
raise `DiscussionRefused` with a Dutch message for the visitor; nothing is stored.

Rate limits are counted in the database (posts and reports in the last window), so they hold
across processes and servers and survive a restart; the counts use the (author, created_at)
index.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.access import Visitor, is_editor
from discussions.models import Post, PostStatus, Report
from spaces.models import Membership, Space

# Overridable in settings (tests lower them).
POST_LIMIT = getattr(settings, "DISCUSSION_POST_LIMIT", (10, timedelta(minutes=10)))
REPORT_LIMIT = getattr(settings, "DISCUSSION_REPORT_LIMIT", (10, timedelta(hours=1)))
# A new account's first posts in a space that holds them wait for a moderator.
FIRST_POSTS_HELD = 3
MAX_BODY_LENGTH = 10_000
MAX_TITLE_LENGTH = 160


class DiscussionRefused(Exception):
    """The action is not allowed; `message` says why, in Dutch, for the visitor."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def can_moderate(user: Visitor, space: Space) -> bool:
    """Active moderators of this space and editors."""
    if not (user.is_authenticated and user.is_active):
        return False
    return (
        is_editor(user) or Membership.objects.moderators().filter(space=space, user=user).exists()
    )


def require_can_write(user: Visitor, space: Space) -> Membership | None:
    """Members write in their spaces (public or closed); editors anywhere. A suspended member
    reads but does not write until the suspension ends."""
    if not (user.is_authenticated and user.is_active):
        raise DiscussionRefused(_("Log in om mee te doen."))
    membership = Membership.objects.filter(space=space, user=user).first()
    if is_editor(user):
        return membership
    if membership is None or not membership.is_active:
        raise DiscussionRefused(_("Word eerst lid van deze ruimte om mee te doen."))
    if membership.is_suspended:
        raise DiscussionRefused(
            _("U bent geschorst tot %(date)s. Tot dan kunt u meelezen, maar niet schrijven.")
            % {"date": date_format(timezone.localtime(membership.suspended_until), "j F Y H:i")}
        )
    return membership


def check_post_rate(user: Visitor) -> None:
    limit, window = POST_LIMIT
    recent = Post.objects.filter(author=user, created_at__gte=timezone.now() - window).count()
    if recent >= limit:
        raise DiscussionRefused(
            _(
                "U schrijft veel berichten kort na elkaar. Wacht een paar minuten en probeer het "
                "opnieuw."
            )
        )


def check_report_rate(user: Visitor) -> None:
    limit, window = REPORT_LIMIT
    recent = Report.objects.filter(reporter=user, created_at__gte=timezone.now() - window).count()
    if recent >= limit:
        raise DiscussionRefused(
            _("U heeft in korte tijd veel meldingen gedaan. Probeer het later opnieuw.")
        )


def must_hold(user: Visitor, space: Space) -> bool:
    """A public space that holds first posts: an account's first FIRST_POSTS_HELD posts (counted
    as published posts anywhere on the platform) wait for a moderator. Moderators of the space
    and editors are never held."""
    if not (space.is_public and space.hold_first_posts):
        return False
    if can_moderate(user, space):
        return False
    published = Post.objects.filter(author=user, status=PostStatus.PUBLISHED)[:FIRST_POSTS_HELD]
    return published.count() < FIRST_POSTS_HELD
