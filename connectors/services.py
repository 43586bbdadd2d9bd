"""Writes to wijkschakelaar profiles that matter under the AVG: consent, and a person's data."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from connectors.models import Connector, Consent
from connectors.signals import sync_search_index
from core.state import changed

logger = logging.getLogger(__name__)


@transaction.atomic
def consent_give(*, connector: Connector, given_by: str, purpose: str, how: str, user=None):
    consent = Consent.objects.create(
        connector=connector, given_by=given_by, purpose=purpose, how=how, recorded_by=user
    )
    logger.info("Consent recorded for connector %s by %s", connector.pk, user)
    return consent


@transaction.atomic
def consent_withdraw(*, connector: Connector, user=None) -> int:
    """Withdraw every active consent: the profile disappears from every page, list, search
    result and API response at once (they all ask visible_to)."""
    withdrawn = Consent.objects.filter(connector=connector, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    sync_search_index(connector)  # out of the search index at once
    changed()  # QuerySet.update sends no signal
    logger.info("Consent withdrawn for connector %s by %s", connector.pk, user)
    return withdrawn


# What a wijkschakelaar may change on their own profile ("Mijn kennisplatform"); the name, the
# address, the linked cases and the consent records stay with the editors.
OWNER_FIELDS = (
    "role",
    "organisation",
    "kind",
    "municipality",
    "neighbourhoods",
    "mandate",
    "bio",
    "open_for_questions",
)


def _check_owner(connector: Connector, user) -> None:
    if not (user.is_authenticated and connector.user_id == user.pk):
        raise PermissionDenied("Only the person linked to this profile may change it here.")


@transaction.atomic
def profile_update_by_owner(*, connector: Connector, user, changes: dict) -> Connector:
    """The person changes their own profile: validated by the model like the back office, and
    kept as a revision (who, when, what) like every other change."""
    _check_owner(connector, user)
    for field in OWNER_FIELDS:
        if field in changes:
            setattr(connector, field, changes[field])
    if "topics" in changes:
        connector.topics.set(changes["topics"])
    connector.full_clean()
    connector.save()  # also writes the (parental) topics
    connector.save_revision(user=user)
    logger.info("Connector %s updated by its owner (user %s)", connector.pk, user.pk)
    return connector


def consent_give_by_owner(*, connector: Connector, user) -> Consent:
    _check_owner(connector, user)
    return consent_give(
        connector=connector,
        given_by=f"{connector.name} zelf (account {user.pk})",
        purpose=str(Consent._meta.get_field("purpose").default),
        how="Via Mijn kennisplatform",
        user=user,
    )


def consent_withdraw_by_owner(*, connector: Connector, user) -> int:
    _check_owner(connector, user)
    return consent_withdraw(connector=connector, user=user)


def account_closing(*, user, **kwargs) -> None:
    """The person closes their account (accounts.signals.account_closing): their profile is
    hidden at once (consent withdrawn) and no longer linked to an account."""
    connector = Connector.objects.filter(user=user).first()
    if connector is None:
        return
    consent_withdraw(connector=connector, user=user)
    Connector.objects.filter(pk=connector.pk).update(user=None)
    logger.info("Connector %s unlinked: its account %s was closed", connector.pk, user.pk)


def personal_data(connector: Connector) -> dict:
    """Everything the platform holds on this person, for a request under the AVG (art. 15)."""
    return {
        "naam": connector.name,
        "rol": connector.role,
        "organisatie": connector.organisation,
        "soort": connector.get_kind_display(),
        "gemeente": connector.municipality.name if connector.municipality else None,
        "wijken": connector.neighbourhood_list,
        "expertise": [topic.name for topic in connector.topics.all()],
        "mandaat": connector.mandate,
        "beschrijving": connector.bio,
        "foto": connector.photo.title if connector.photo else None,
        "openVoorVragen": connector.open_for_questions,
        "emailadres": connector.email,
        "praktijkvoorbeelden": [case.title for case in connector.cases.all()],
        "toestemmingen": [
            {
                "gegevenDoor": consent.given_by,
                "gegevenOp": consent.given_at.isoformat(),
                "waarvoor": consent.purpose,
                "hoe": consent.how,
                "ingetrokkenOp": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
            }
            for consent in connector.consents.all()
        ],
        "wijzigingen": [
            {
                "op": revision.created_at.isoformat(),
                "door": str(revision.user) if revision.user else None,
            }
            for revision in connector.revisions.order_by("created_at")
        ],
        "berichten": "Berichten via het contactformulier worden doorgestuurd en niet bewaard.",
    }
