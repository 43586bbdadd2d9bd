"""One-click unsubscribe links: signed, no login needed.

Every mail carries a link `/berichten/afmelden/<token>/`. The token is signed with the site's
secret key (`django.core.signing`, its own salt) and holds the person's id and what to stop:
the mails about one followed space, the alerts of one saved search (unsubscribing deletes it),
or one kind of personal mail. Nothing is stored for it; a
changed token fails the signature, an old one (older than `MAX_AGE`) is refused, and either way
nothing changes.

GET shows a page with one button (link checkers in mail systems open links, and must not
unsubscribe anyone); POST unsubscribes, also the RFC 8058 one-click POST that mail programs send
(`List-Unsubscribe=One-Click`, no CSRF token: the signature is the protection).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import EmailPreferences
from discussions.models import Subscription
from notifications.models import SavedSearch
from spaces.models import Space

logger = logging.getLogger(__name__)

SALT = "notifications.unsubscribe"
# A mail read months later still unsubscribes; after this the link asks to use /mijn/.
MAX_AGE = timedelta(days=365)

SPACE = "ruimte"
# The alerts of one saved search; unsubscribing deletes it.
SAVED_SEARCH = "zoekopdracht"
# The personal kinds and the field of EmailPreferences each one switches off.
PERSONAL = {
    "reacties": "replies",
    "moderatie": "moderation",
    "praktijkvoorbeelden": "case_status",
}


class BadToken(Exception):
    """The link is changed, too old or about something that no longer exists; `message` says
    so in Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Unsubscription:
    user: object
    kind: str
    space: Space | None
    saved_search: SavedSearch | None = None

    def describe(self) -> str:
        """What stops, in a sentence for the confirmation page."""
        if self.kind == SAVED_SEARCH:
            return _("e-mails over nieuwe praktijkvoorbeelden bij de zoekopdracht %(name)s") % {
                "name": f"“{self.saved_search.name}”"
            }
        if self.kind == SPACE:
            return _("e-mails over nieuwe discussies in de ruimte %(space)s") % {
                "space": self.space.name
            }
        return {
            "reacties": _("e-mails over reacties in discussies waar u aan meedoet"),
            "moderatie": _("e-mails over besluiten van moderatoren over uw berichten"),
            "praktijkvoorbeelden": _(
                "e-mails over de beoordeling van uw gedeelde praktijkvoorbeelden"
            ),
        }[self.kind]


def make_token(
    user, kind: str, space: Space | None = None, saved_search: SavedSearch | None = None
) -> str:
    if kind not in (SPACE, SAVED_SEARCH) and kind not in PERSONAL:
        raise ValueError(f"Unknown unsubscribe kind {kind!r}")
    if (kind == SPACE) != (space is not None):
        raise ValueError("A space unsubscribe needs the space, a personal one none")
    if (kind == SAVED_SEARCH) != (saved_search is not None):
        raise ValueError("A saved search unsubscribe needs the saved search")
    target = space.pk if space else saved_search.pk if saved_search else 0
    return signing.dumps([user.pk, kind, target], salt=SALT)


def unsubscribe_url(
    user, kind: str, space: Space | None = None, saved_search: SavedSearch | None = None
) -> str:
    token = make_token(user, kind, space, saved_search)
    return settings.SITE_URL + reverse("notifications:unsubscribe", kwargs={"token": token})


def read_token(token: str) -> Unsubscription:
    try:
        user_id, kind, space_id = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise BadToken(
            _(
                "Deze afmeldlink is te oud. Log in en kies bij Mijn kennisplatform welke "
                "e-mails u wilt krijgen."
            )
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken(
            _(
                "Deze afmeldlink klopt niet. Misschien is hij niet helemaal overgenomen. Gebruik "
                "de link uit de e-mail, of log in en kies bij Mijn kennisplatform welke e-mails "
                "u wilt krijgen."
            )
        ) from error
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not (kind in (SPACE, SAVED_SEARCH) or kind in PERSONAL):
        raise BadToken(_("Deze afmeldlink werkt niet meer: het account bestaat niet meer."))
    space = None
    if kind == SPACE:
        space = Space.objects.filter(pk=space_id).first()
        if space is None:
            raise BadToken(
                _("Deze ruimte bestaat niet meer. U krijgt er dus ook geen e-mails meer over.")
            )
    saved_search = None
    if kind == SAVED_SEARCH:
        saved_search = SavedSearch.objects.filter(pk=space_id, user=user).first()
        if saved_search is None:
            raise BadToken(
                _("Deze zoekopdracht is al verwijderd. U krijgt er dus ook geen e-mails meer over.")
            )
    return Unsubscription(user=user, kind=kind, space=space, saved_search=saved_search)


@transaction.atomic
def unsubscribe(what: Unsubscription) -> None:
    """Stop the mails `what` names. Running it twice changes nothing more."""
    if what.kind == SAVED_SEARCH:
        SavedSearch.objects.filter(pk=what.saved_search.pk, user=what.user).delete()
    elif what.kind == SPACE:
        Subscription.objects.update_or_create(
            user=what.user,
            space=what.space,
            defaults={"frequency": Subscription.Frequency.NEVER},
            create_defaults={
                "frequency": Subscription.Frequency.NEVER,
                "digest_sent_until": timezone.now(),
            },
        )
    else:
        EmailPreferences.objects.update_or_create(
            user=what.user, defaults={PERSONAL[what.kind]: False}
        )
    logger.info(
        "User %s unsubscribed from %s%s by link",
        what.user.pk,
        what.kind,
        f" (space {what.space.pk})"
        if what.space
        else f" (saved search {what.saved_search.pk})"
        if what.saved_search
        else "",
    )
