"""The search index holds a profile exactly while its consent is on record (AVG)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from modelsearch.index import insert_or_update_object, remove_object

from accounts.signals import account_closing
from connectors.models import Connector, Consent
from core.access import ANONYMOUS


def sync_search_index(connector: Connector) -> None:
    """Index the profile if it may be shown, otherwise take it out of the index now."""
    if Connector.objects.visible_to(ANONYMOUS).filter(pk=connector.pk).exists():
        insert_or_update_object(connector)
    else:
        remove_object(connector)


def consent_saved(instance: Consent, **kwargs) -> None:
    if not kwargs.get("raw"):
        sync_search_index(instance.connector)


def closing_account(sender, user, **kwargs) -> None:
    # import here: services imports this module (sync_search_index)
    from connectors.services import account_closing as withdraw_and_unlink

    withdraw_and_unlink(user=user)


def connect() -> None:
    account_closing.connect(closing_account, dispatch_uid="connector-account-closing")
    post_save.connect(consent_saved, sender=Consent, dispatch_uid="connector-consent-saved")
    post_delete.connect(consent_saved, sender=Consent, dispatch_uid="connector-consent-deleted")
