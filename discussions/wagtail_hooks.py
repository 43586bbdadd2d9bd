"""Attachments of posts are served only where the post is.

The combined rule lives in `cases/wagtail_hooks.py` (`before_serve_document`): a document is
served to editors, or when any `document_visible_to` hook says the user may see it. Here: the
document is attached to a post the user may see (`Post.objects.visible_to`) that its author has
not deleted.
"""

from wagtail import hooks

from discussions import admin_queue  # noqa: F401  (the editors' queue of reports, across spaces)
from discussions.models import Post, PostStatus


@hooks.register("document_visible_to")
def attachment_of_visible_post(document, user) -> bool:
    return (
        Post.objects.visible_to(user)
        .exclude(status=PostStatus.DELETED)
        .filter(attachments__document=document)
        .exists()
    )
