"""Who may see what: the roles behind every `visible_to(user)`.

DESIGN.md section 3: drafts and closed spaces are seen only by editors (and, for closed spaces,
members). Editors are the platform's own staff: anyone who may change practice cases.
"""

from django.contrib.auth.models import AnonymousUser, User


def is_editor(user: User | AnonymousUser | None) -> bool:
    # has_perm caches the user's permissions on the object, so repeated checks cost no queries.
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("cases.change_case")
    )
