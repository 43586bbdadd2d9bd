"""Saved searches: "Houd me op de hoogte" on the case list and the search page.

A signed-in person saves the current filters and words; `send_search_alerts()` (daily, off the
request path: `manage.py send_search_alerts` from the digest timer) mails them the cases that
match since, once per case.

- The query string is normalised: only the case filters and `q` are kept (the same names as the
  case list, the search page and the feeds), sorted, empty values and page numbers dropped, a
  municipality's CBS code read as its slug. A filter value that does not exist (or that the
  person may not see) is refused, so a saved search never widens to "every case".
- Matching runs at send time through `cases.search.case_search` as the person
  (`visible_to(user)`), so a case in a closed space reaches its members only and a member who
  left hears nothing more. Drafts never: only live cases are announced, also to editors.
- Which cases are new: those matching that were not among the person's matches when the search
  was saved (`SavedSearch.known`) and were not announced before (`SavedSearchDelivery`). So a
  case published with an older date, or moved out of a closed space later, is announced once
  too.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.facets import FACETS, from_bits, to_bits
from cases.filters import CaseFilter
from cases.models import Case
from cases.search import case_search
from core.access import Visitor
from notifications import mail
from notifications.models import SavedSearch, SavedSearchDelivery
from textsearch.engine import MAX_QUERY_LENGTH

logger = logging.getLogger(__name__)

MAX_SAVED_SEARCHES = 20
MAX_CASES_PER_MAIL = 20
MAX_NAME_LENGTH = 200
# A daily alert goes out when the last check is this long ago; a weekly one after a week (a
# little slack so that a timer running a few minutes early does not skip a day or a week).
DUE_AFTER = {
    SavedSearch.Frequency.DAILY: timedelta(hours=20),
    SavedSearch.Frequency.WEEKLY: timedelta(days=7) - timedelta(hours=4),
}
WORDS = "q"
PARAMETERS = (WORDS, *CaseFilter.base_filters)

Frequency = SavedSearch.Frequency


class SavedSearchRefused(Exception):
    """The search cannot be saved; `message` says why, in Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def normalise(data: QueryDict) -> QueryDict:
    """Only the known parameters of `data`, non-empty, values as slugs, sorted."""
    data = CaseFilter.canonical(data)
    clean = QueryDict(mutable=True)
    for name in sorted(PARAMETERS):
        values = sorted({value.strip() for value in data.getlist(name) if value.strip()})
        if name == WORDS:
            values = [" ".join(values[0].split())[:MAX_QUERY_LENGTH]] if values else []
        if values:
            clean.setlist(name, values)
    return clean


def _valid_filters(user: Visitor, data: QueryDict) -> CaseFilter | None:
    """The filterset for `data` as `user` sees it, or None when a value is unknown or hidden."""
    filter_data = data.copy()
    filter_data.pop(WORDS, None)
    filterset = CaseFilter(filter_data, queryset=Case.objects.visible_to(user))
    return filterset if filterset.is_valid() else None


def describe(filterset: CaseFilter, words: str) -> str:
    """A readable name for a search: "“jongeren”, thema: Veiligheid, uitkomst: mislukt"."""
    parts = [f"“{words}”"] if words else []
    for name in FACETS:
        chosen = filterset.form.cleaned_data.get(name)
        if not chosen:
            continue
        field = filterset.form.fields[name]
        choices = dict(getattr(field, "choices", []) or [])
        labels = sorted(
            str(getattr(item, "name", None) or choices.get(item, item)) for item in chosen
        )
        parts.append(f"{str(FACETS[name]).lower()}: {', '.join(labels)}")
    name = ", ".join(parts) or _("Alle praktijkvoorbeelden")
    return name[:MAX_NAME_LENGTH]


def _matching_ids(user: Visitor, query: str) -> list[int] | None:
    """The live cases `user` may see that match `query` (None: a filter value is gone)."""
    data = QueryDict(query)
    if _valid_filters(user, data) is None:
        return None
    ids = case_search(user=user, data=data).case_ids
    # Editors see drafts everywhere; an alert announces live cases only, to everyone.
    live = set(Case.objects.filter(pk__in=ids, live=True).values_list("pk", flat=True))
    return [pk for pk in ids if pk in live]


def _pack(ids: list[int]) -> bytes:
    bits = to_bits(ids)
    return zlib.compress(bits.to_bytes((bits.bit_length() + 7) // 8, "little"))


def _unpack(data: bytes) -> set[int]:
    if not data:
        return set()
    return from_bits(int.from_bytes(zlib.decompress(bytes(data)), "little"))


@transaction.atomic
def save_search(*, user, data: QueryDict, frequency: str, name: str = "") -> SavedSearch:
    """Save the search in `data` for `user`; refuses (SavedSearchRefused) and stores nothing
    when it has unknown values, is saved already, or the person has too many."""
    if not user.is_authenticated:
        raise SavedSearchRefused(_("Log in om een zoekopdracht te bewaren."))
    if frequency not in Frequency.values:
        raise SavedSearchRefused(_("Kies hoe vaak u een e-mail wilt: dagelijks of wekelijks."))
    clean = normalise(data)
    filterset = _valid_filters(user, clean)
    if filterset is None:
        raise SavedSearchRefused(
            _(
                "Deze zoekopdracht kan niet bewaard worden: een van de filters bestaat niet "
                "(meer). Kies de filters opnieuw op de pagina en probeer het nog eens."
            )
        )
    query = clean.urlencode()
    mine = SavedSearch.objects.select_for_update().filter(user=user)
    if mine.filter(query=query).exists():
        raise SavedSearchRefused(
            _("U bewaarde deze zoekopdracht al. Bij Mijn kennisplatform kiest u hoe vaak.")
        )
    if mine.count() >= MAX_SAVED_SEARCHES:
        raise SavedSearchRefused(
            _(
                "U heeft al %(max)d bewaarde zoekopdrachten, het maximum. Verwijder er eerst een "
                "bij Mijn kennisplatform."
            )
            % {"max": MAX_SAVED_SEARCHES}
        )
    name = " ".join(name.split())[:MAX_NAME_LENGTH] or describe(filterset, clean.get(WORDS, ""))
    now = timezone.now()
    try:
        with transaction.atomic():
            saved = SavedSearch.objects.create(
                user=user,
                name=name,
                query=query,
                frequency=frequency,
                known=_pack(_matching_ids(user, query) or []),
                created_at=now,
                last_checked_at=now,
            )
    except IntegrityError as error:  # the same search saved twice at once
        raise SavedSearchRefused(_("U bewaarde deze zoekopdracht al.")) from error
    logger.info("User %s saved search %s (%s)", user.pk, saved.pk, frequency)
    return saved


def access_saved_search(user: Visitor, pk: int) -> SavedSearch:
    """The person's own saved search, or 404 (exactly like a missing one)."""
    if not user.is_authenticated:
        raise Http404
    saved = SavedSearch.objects.filter(user=user, pk=pk).first()
    if saved is None:
        raise Http404
    return saved


@transaction.atomic
def set_frequency(*, user, saved: SavedSearch, frequency: str) -> SavedSearch:
    if saved.user_id != user.pk:
        raise Http404
    if frequency not in Frequency.values:
        raise SavedSearchRefused(_("Kies hoe vaak u een e-mail wilt: dagelijks of wekelijks."))
    saved.frequency = frequency
    saved.save(update_fields=["frequency"])
    logger.info("User %s: saved search %s now %s", user.pk, saved.pk, frequency)
    return saved


@transaction.atomic
def delete_search(*, user, saved: SavedSearch) -> None:
    if saved.user_id != user.pk:
        raise Http404
    logger.info("User %s deleted saved search %s", user.pk, saved.pk)
    saved.delete()


def search_url(saved: SavedSearch) -> str:
    """The case list with the saved filters and words."""
    return reverse("cases:list") + (f"?{saved.query}" if saved.query else "")


def saved_searches_of(user: Visitor) -> dict:
    """For the section on /mijn/."""
    searches = list(SavedSearch.objects.filter(user=user).order_by("name", "pk"))
    for saved in searches:
        saved.url = search_url(saved)
    return {"saved_searches": searches, "frequencies": Frequency.choices}


# --- sending --------------------------------------------------------------------------------


@dataclass
class Alert:
    saved: SavedSearch
    cases: list[Case]
    total: int


def new_cases(saved: SavedSearch) -> tuple[list[int], int]:
    """The ids of the cases to announce now for `saved` (newest first), and how many."""
    ids = _matching_ids(saved.user, saved.query)
    if not ids:
        return [], 0
    known = _unpack(saved.known)
    delivered = set(saved.deliveries.values_list("case_id", flat=True))
    fresh = [pk for pk in ids if pk not in known and pk not in delivered]
    return fresh, len(fresh)


def due(now: datetime):
    """The saved searches whose e-mail is due."""
    for frequency, after in DUE_AFTER.items():
        yield from (
            SavedSearch.objects.filter(frequency=frequency, last_checked_at__lte=now - after)
            .select_related("user")
            .order_by("pk")
            .iterator()
        )


def send_search_alerts(now: datetime | None = None) -> int:
    """Send the alerts that are due; returns how many mails were enqueued."""
    now = now or timezone.now()
    sent = 0
    for saved in due(now):
        sent += _send_one(saved.pk, now)
    logger.info("Search alerts: %d mail(s) enqueued", sent)
    return sent


def _send_one(pk: int, now: datetime) -> int:
    with transaction.atomic():
        # The lock makes two runs at once take turns; the second finds the deliveries.
        saved = SavedSearch.objects.select_for_update().select_related("user").filter(pk=pk).first()
        if saved is None or saved.last_checked_at > now - DUE_AFTER[saved.frequency]:
            return 0
        saved.last_checked_at = now
        saved.save(update_fields=["last_checked_at"])
        user = saved.user
        if not mail.can_receive(user):
            return 0
        fresh, total = new_cases(saved)
        if not fresh:
            return 0
        SavedSearchDelivery.objects.bulk_create(
            [SavedSearchDelivery(saved_search=saved, case_id=pk, sent_at=now) for pk in fresh]
        )
        cases = list(
            Case.objects.visible_to(user)
            .filter(live=True, pk__in=fresh)
            .with_card_data()
            .recent()[:MAX_CASES_PER_MAIL]
        )
        context = {
            "saved": saved,
            "items": [
                {"case": case, "url": settings.SITE_URL + case.get_absolute_url()} for case in cases
            ],
            "total": total,
            "more": total - len(cases),
            "search_url": settings.SITE_URL + search_url(saved),
            "weekly": saved.frequency == Frequency.WEEKLY,
        }
    # After the commit: the deliveries are stored before the mail is on its way.
    mail.send(
        user=user,
        template="search_alert",
        context=context,
        unsubscribe_kind="zoekopdracht",
        saved_search=saved,
    )
    return 1


def preview_name(user: Visitor, data: QueryDict) -> tuple[str, str]:
    """The normalised query string of `data` and its readable name ("" when it cannot be
    saved: a filter value is unknown or hidden)."""
    clean = normalise(data)
    filterset = _valid_filters(user, clean)
    name = describe(filterset, clean.get(WORDS, "")) if filterset is not None else ""
    return clean.urlencode(), name
