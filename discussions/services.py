"""Writing in discussions: start one, reply, edit and delete one's own post.

Each service asks `discussions.rules` first (who writes, how often, whose posts wait for a
moderator), runs in one transaction, keeps the discussion's copied fields in sync
(`opening_status`, `reply_count` of published replies, `last_activity_at` and the mentions) and
logs. A visible new discussion or reply is announced through `discussions.signals` after the
commit; a held one is not (the moderator's approval announces it).

Refusals raise `rules.DiscussionRefused` with a Dutch message; nothing is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from cases.models import Case
from connectors.models import Connector
from core.access import ANONYMOUS, Visitor
from discussions import rules, signals
from discussions.markup import Mentions, mentions_in
from discussions.models import EDIT_WINDOW, Discussion, Post, PostAttachment, PostStatus
from discussions.rules import DiscussionRefused
from spaces.models import Space
from topics.models import Topic

logger = logging.getLogger(__name__)

MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
ATTACHMENT_EXTENSIONS = ("pdf", "docx", "odt", "xlsx", "csv", "pptx", "txt")


# --- checks ----------------------------------------------------------------------------------


def check_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise DiscussionRefused(_("Geef de discussie een titel."))
    if len(title) > rules.MAX_TITLE_LENGTH:
        raise DiscussionRefused(
            _("Maak de titel korter: hoogstens %(limit)d tekens.")
            % {"limit": rules.MAX_TITLE_LENGTH}
        )
    return title


def check_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise DiscussionRefused(_("Schrijf een bericht; een leeg bericht kan niet."))
    if len(body) > rules.MAX_BODY_LENGTH:
        raise DiscussionRefused(
            _("Uw bericht is te lang: hoogstens %(limit)d tekens, het zijn er nu %(count)d.")
            % {"limit": rules.MAX_BODY_LENGTH, "count": len(body)}
        )
    return body


def check_files(files: Sequence[UploadedFile]) -> None:
    if len(files) > MAX_ATTACHMENTS:
        raise DiscussionRefused(
            _("Voeg hoogstens %(limit)d bestanden toe.") % {"limit": MAX_ATTACHMENTS}
        )
    for file in files:
        extension = Path(file.name).suffix.lower().lstrip(".")
        if extension not in ATTACHMENT_EXTENSIONS:
            raise DiscussionRefused(
                _("%(name)s kan niet: voeg alleen bestanden toe van het soort %(kinds)s.")
                % {"name": file.name, "kinds": ", ".join(ATTACHMENT_EXTENSIONS)}
            )
        if file.size > MAX_ATTACHMENT_SIZE:
            raise DiscussionRefused(
                _("%(name)s is te groot: hoogstens %(limit)d MB per bestand.")
                % {"name": file.name, "limit": MAX_ATTACHMENT_SIZE // (1024 * 1024)}
            )
        if file.size == 0:
            raise DiscussionRefused(_("%(name)s is leeg.") % {"name": file.name})


def check_anonymous(space: Space, is_anonymous: bool) -> None:
    if is_anonymous and space.is_public:
        raise DiscussionRefused(
            _(
                "Anoniem delen kan alleen in een besloten ruimte. In deze openbare ruimte leest "
                "iedereen mee en staat uw naam bij uw bericht."
            )
        )


def _require_author(user: Visitor, post: Post) -> None:
    if not user.is_authenticated or post.author_id != user.pk:
        raise DiscussionRefused(_("U kunt alleen uw eigen berichten aanpassen."))


# --- keeping the discussion in sync ----------------------------------------------------------


def _mentioned(discussion: Discussion, mentions: Mentions) -> dict[str, list]:
    """The mentioned objects that may be linked to this discussion: what anyone may see, and
    cases of the discussion's own space. Drafts and other closed spaces' cases never."""
    cases = Case.objects.visible_to(ANONYMOUS).filter(slug__in=mentions.cases)
    own = Case.objects.filter(space=discussion.space, live=True, slug__in=mentions.cases)
    return {
        "cases": list((cases | own).distinct()) if mentions.cases else [],
        "topics": list(Topic.objects.visible_to(ANONYMOUS).filter(slug__in=mentions.topics))
        if mentions.topics
        else [],
        "connectors": list(
            Connector.objects.visible_to(ANONYMOUS).filter(slug__in=mentions.connectors)
        )
        if mentions.connectors
        else [],
    }


def sync_discussion(discussion: Discussion) -> Discussion:
    """Copy the opening's status, count the published replies, find the last activity and the
    mentions of the published posts. Call inside the transaction of any change to its posts
    (moderation too)."""
    posts = Post.objects.filter(discussion=discussion)
    opening = posts.filter(is_opening=True).values_list("status", flat=True).first()
    published = posts.filter(status=PostStatus.PUBLISHED)
    discussion.opening_status = opening or PostStatus.DELETED
    discussion.reply_count = published.filter(is_opening=False).count()
    discussion.last_activity_at = (
        published.aggregate(last=Max("created_at"))["last"] or discussion.created_at
    )
    discussion.save(update_fields=["opening_status", "reply_count", "last_activity_at"])
    found = Mentions()
    for body in published.values_list("body", flat=True):
        found.add(mentions_in(body))
    linked = _mentioned(discussion, found)
    discussion.mentioned_cases.set(linked["cases"])
    discussion.mentioned_topics.set(linked["topics"])
    discussion.mentioned_connectors.set(linked["connectors"])
    return discussion


def _attach(post: Post, user: Visitor, files: Sequence[UploadedFile]) -> None:
    document_model = get_document_model()
    for file in files:
        document = document_model(title=Path(file.name).name[:255], uploaded_by_user=user)
        document.file = file
        document.save()
        PostAttachment.objects.create(post=post, document=document)


def _remove_attachments(post: Post) -> None:
    for attachment in PostAttachment.objects.filter(post=post).select_related("document"):
        document = attachment.document
        attachment.delete()
        document.delete()


def _announce(signal, **kwargs) -> None:
    def send():
        try:
            signal.send(sender=Discussion, **kwargs)
        except Exception:
            logger.exception("A receiver of %s failed", signal)

    transaction.on_commit(send)


# --- the services ----------------------------------------------------------------------------


@transaction.atomic
def start_discussion(
    *,
    user: Visitor,
    space: Space,
    kind: str,
    title: str,
    body: str,
    is_anonymous: bool = False,
    files: Sequence[UploadedFile] = (),
) -> Discussion:
    """A member starts a discussion; its text is the opening post."""
    rules.require_can_write(user, space)
    if kind not in Discussion.Kind.values:
        raise DiscussionRefused(_("Kies wat voor discussie het is."))
    title = check_title(title)
    body = check_body(body)
    check_anonymous(space, is_anonymous)
    check_files(files)
    rules.check_post_rate(user)
    status = PostStatus.HELD if rules.must_hold(user, space) else PostStatus.PUBLISHED
    now = timezone.now()
    discussion = Discussion.objects.create(
        space=space,
        kind=kind,
        title=title,
        author=user,
        is_anonymous=is_anonymous,
        opening_status=status,
        created_at=now,
        last_activity_at=now,
    )
    opening = Post.objects.create(
        discussion=discussion,
        author=user,
        is_anonymous=is_anonymous,
        is_opening=True,
        body=body,
        status=status,
        created_at=now,
    )
    _attach(opening, user, files)
    sync_discussion(discussion)
    logger.info(
        "Discussion %s started in space %s by user %s (%s)",
        discussion.pk,
        space.slug,
        user.pk,
        status,
    )
    if status == PostStatus.PUBLISHED:
        _announce(signals.discussion_started, discussion=discussion)
    return discussion


@transaction.atomic
def reply(
    *,
    user: Visitor,
    discussion: Discussion,
    body: str,
    is_anonymous: bool = False,
    files: Sequence[UploadedFile] = (),
) -> Post:
    """A member replies to a discussion they can see."""
    discussion = (
        Discussion.objects.select_for_update().select_related("space").get(pk=discussion.pk)
    )
    space = discussion.space
    rules.require_can_write(user, space)
    if not Discussion.objects.visible_to(user).filter(pk=discussion.pk).exists():
        raise DiscussionRefused(_("Deze discussie bestaat niet (meer)."))
    if discussion.is_locked and not rules.can_moderate(user, space):
        raise DiscussionRefused(
            _("Deze discussie is gesloten: er kan niet meer op gereageerd worden.")
        )
    if discussion.opening_status in (PostStatus.HELD, PostStatus.HIDDEN):
        raise DiscussionRefused(
            _(
                "Op deze discussie kan nog niet gereageerd worden: een moderator kijkt er "
                "eerst naar."
            )
        )
    body = check_body(body)
    check_anonymous(space, is_anonymous)
    check_files(files)
    rules.check_post_rate(user)
    status = PostStatus.HELD if rules.must_hold(user, space) else PostStatus.PUBLISHED
    post = Post.objects.create(
        discussion=discussion,
        author=user,
        is_anonymous=is_anonymous,
        body=body,
        status=status,
    )
    _attach(post, user, files)
    sync_discussion(discussion)
    logger.info(
        "Reply %s to discussion %s by user %s (%s)", post.pk, discussion.pk, user.pk, status
    )
    if status == PostStatus.PUBLISHED:
        _announce(signals.reply_posted, post=post)
    return post


def can_edit(user: Visitor, post: Post) -> bool:
    """Is the edit link shown? (The service checks again, with the membership.)"""
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and post.status in (PostStatus.PUBLISHED, PostStatus.HELD)
        and timezone.now() < post.is_editable_until
    )


def can_delete(user: Visitor, post: Post) -> bool:
    return user.is_authenticated and post.author_id == user.pk and post.status != PostStatus.DELETED


@transaction.atomic
def edit_post(*, user: Visitor, post: Post, body: str, title: str | None = None) -> Post:
    """The author changes their post within EDIT_WINDOW; the page shows "bewerkt op ..."."""
    post = Post.objects.select_for_update().select_related("discussion__space").get(pk=post.pk)
    discussion = post.discussion
    _require_author(user, post)
    rules.require_can_write(user, discussion.space)
    if post.status in (PostStatus.DELETED, PostStatus.HIDDEN):
        raise DiscussionRefused(_("Dit bericht kan niet meer bewerkt worden."))
    if timezone.now() >= post.is_editable_until:
        raise DiscussionRefused(
            _(
                "U kunt een bericht tot %(hours)d uur na het schrijven bewerken; die tijd is "
                "voorbij."
            )
            % {"hours": int(EDIT_WINDOW.total_seconds() // 3600)}
        )
    body = check_body(body)
    changed = ["body", "edited_at"]
    post.body = body
    post.edited_at = timezone.now()
    post.save(update_fields=changed)
    if post.is_opening and title is not None:
        discussion.title = check_title(title)
        discussion.save(update_fields=["title"])
    sync_discussion(discussion)
    logger.info("Post %s in discussion %s edited by its author", post.pk, discussion.pk)
    return post


@transaction.atomic
def delete_post(*, user: Visitor, post: Post) -> Discussion | None:
    """The author deletes their post. With replies after it, a marker stays ("verwijderd");
    without, it is gone for others (a discussion without replies goes as a whole). Returns the
    discussion, or None when it went as a whole."""
    post = Post.objects.select_for_update().select_related("discussion__space").get(pk=post.pk)
    discussion = Discussion.objects.select_for_update().get(pk=post.discussion_id)
    _require_author(user, post)
    if post.status == PostStatus.DELETED:
        raise DiscussionRefused(_("Dit bericht is al verwijderd."))
    others = Post.objects.filter(discussion=discussion).exclude(pk=post.pk)
    _remove_attachments(post)
    if post.is_opening and not others.exists():
        logger.info("Discussion %s deleted by its author (no replies)", discussion.pk)
        discussion.delete()
        return None
    later = others.filter(created_at__gte=post.created_at).exclude(status=PostStatus.DELETED)
    if post.is_opening or later.exists():
        post.status = PostStatus.DELETED
        post.body = ""
        post.save(update_fields=["status", "body"])
        logger.info("Post %s in discussion %s deleted by its author", post.pk, discussion.pk)
    else:
        post.delete()
        logger.info("Reply in discussion %s deleted by its author (last one)", discussion.pk)
    return sync_discussion(discussion)
