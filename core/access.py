"""Who may see what: the roles behind every `visible_to(user)`.

Drafts and closed spaces are seen only by editors (and, for closed spaces, their members).
Editors are the platform's own staff: anyone who may change practice cases. An anonymous
visitor is always Django's `AnonymousUser`, never `None`: `ANONYMOUS` is the one to pass when
code acts for the public (sitemaps, the public word list of search, the open data set).
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

ANONYMOUS = AnonymousUser()

Visitor = AbstractBaseUser | AnonymousUser


def is_editor(user: Visitor) -> bool:
    # has_perm caches the user's permissions on the object, so repeated checks cost no queries.
    return bool(user.is_authenticated and user.is_active and user.has_perm("cases.change_case"))


class ObjectMoved(Exception):
    """The object asked for by an old address answers at `slug` now (a permanent redirect)."""

    def __init__(self, slug: str):
        super().__init__(slug)
        self.slug = slug
