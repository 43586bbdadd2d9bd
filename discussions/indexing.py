"""The search index follows the posts: a discussion's entry holds its title and the text of its
published posts only (`Discussion.search_body`), so a new reply is found by its words, and a
held, hidden or deleted post's text leaves the index as soon as its status changes.

modelsearch re-indexes a discussion when the discussion itself is saved. Here a post's save or
deletion re-indexes its discussion at once, inside the same transaction (the index lives in the
database, so a rolled-back change rolls the index back with it). Moderation that changes posts
without saving them one by one sends `post_moderated`, which re-indexes too.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from modelsearch.index import insert_or_update_object

from discussions.models import Discussion, Post
from discussions.signals import post_moderated


def reindex(discussion_id: int) -> None:
    """Index the discussion as it is now (nothing when it is gone)."""
    discussion = Discussion.objects.filter(pk=discussion_id).first()
    if discussion is not None:
        insert_or_update_object(discussion)


def post_changed(instance: Post, **kwargs) -> None:
    if not kwargs.get("raw"):
        reindex(instance.discussion_id)


def post_moderated_received(sender, post: Post, **kwargs) -> None:
    reindex(post.discussion_id)


def connect() -> None:
    post_save.connect(post_changed, sender=Post, dispatch_uid="discussion-index-post-saved")
    post_delete.connect(post_changed, sender=Post, dispatch_uid="discussion-index-post-deleted")
    post_moderated.connect(post_moderated_received, dispatch_uid="discussion-index-moderated")
