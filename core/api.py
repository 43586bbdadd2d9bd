"""What every API view shares: page-numbered lists with `_links` (HAL style) and a page size
parameter with a cap, one check of the query string (unknown, repeated or malformed
parameters answer 400, every problem at once), and for systems that sync: `gewijzigdSinds` and
`sorteer` on the lists (`SyncFilterBackend`) and the `Last-Modified` of a resource
(`last_modified`); the ETag and the 304 answers are the API middleware's (api/middleware.py)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import django_filters
from django.conf import settings
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import http_date
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.reverse import reverse


class LinkPagination(PageNumberPagination):
    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    page_size = settings.API_PAGE_SIZE
    max_page_size = settings.API_MAX_PAGE_SIZE

    def get_page_number(self, request, paginator):
        # An empty `pagina=` is no page number: the first page. Malformed numbers never get
        # here (StrictQueryParameters answers 400 first).
        return request.query_params.get(self.page_query_param) or 1

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Het nummer van de pagina (1 is de eerste).",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": (
                    f"Het aantal resultaten per pagina (standaard {self.page_size}; meer dan "
                    f"{self.max_page_size} geeft er {self.max_page_size})."
                ),
                "schema": {"type": "integer", "minimum": 1},
            },
        ]

    def get_paginated_response(self, data):
        links = {"self": {"href": self.request.build_absolute_uri()}}
        if self.page.has_previous():
            links["prev"] = {"href": self.get_previous_link()}
        if self.page.has_next():
            links["next"] = {"href": self.get_next_link()}
        return Response(
            {
                "_links": links,
                "aantal": self.page.paginator.count,
                "resultaten": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {
            "type": "object",
            "properties": {"href": {"type": "string", "format": "uri"}},
            "required": ["href"],
        }
        return {
            "type": "object",
            "required": ["_links", "aantal", "resultaten"],
            "properties": {
                "_links": {
                    "type": "object",
                    "properties": {"self": link, "prev": link, "next": link},
                    "required": ["self"],
                },
                "aantal": {"type": "integer", "example": 42},
                "resultaten": schema,
            },
        }


def resource_links(request, obj, route: str) -> dict:
    """`_links` of a resource: its API address and its page on the site."""
    return {
        "self": {"href": reverse(route, kwargs={"slug": obj.slug}, request=request)},
        "webpagina": {"href": request.build_absolute_uri(obj.get_absolute_url())},
    }


class LinkSerializer(serializers.Serializer):
    """One entry of `_links`."""

    href = serializers.URLField()


# --- the query string ---------------------------------------------------------------------------

DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class QueryParameter:
    """A query parameter a view takes besides its filters and page numbers."""

    name: str
    many: bool = False  # may be given more than once
    max_length: int | None = None
    choices: tuple[str, ...] = ()


# --- for systems that sync: gewijzigdSinds and sorteer ----------------------------------------

MODIFIED_SINCE = "gewijzigdSinds"
SORT = "sorteer"
MODIFIED_SINCE_PROBLEM = (
    "Geef een datum en tijd volgens ISO 8601, bijvoorbeeld 2026-01-31T09:00:00+01:00 of 2026-01-31."
)


# What gewijzigdSinds takes, as the OpenAPI document says it: a date, or a date and time (to
# the minute, second or fraction of a second) with or without a zone; nothing else, not even the
# other spellings Python would read ("20260131").
MODIFIED_SINCE_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}([Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([Zz]|[+-]\d{2}:\d{2})?)?$"
)
MODIFIED_SINCE_FORMAT = re.compile(MODIFIED_SINCE_PATTERN)


def parse_modified_since(value: str) -> datetime.datetime | None:
    """`gewijzigdSinds` as an aware datetime: an ISO 8601 date and time (without a time zone:
    Dutch time), or a date (its first moment, Dutch time); None when it is neither."""
    if not MODIFIED_SINCE_FORMAT.fullmatch(value):
        return None
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                return None
            moment = datetime.datetime.combine(day, datetime.time())
    except ValueError:  # well formed but impossible, such as 2026-02-30
        return None
    if timezone.is_naive(moment):
        try:
            moment = timezone.make_aware(moment)
        except (ValueError, OverflowError):
            return None
    try:
        moment.astimezone(datetime.UTC)  # far outside the calendar: refused, never a 500
    except OverflowError:
        return None
    return moment


def sort_choices(view) -> tuple[str, ...]:
    """The values `sorteer` takes on this view: each name ascending, and with `-` descending."""
    names = getattr(view, "sort_fields", {})
    return tuple(value for name in names for value in (name, f"-{name}"))


def sorted_by(queryset: QuerySet, view, value: str) -> QuerySet:
    """The queryset in the order `sorteer=value` asks for (the primary key breaks ties, so that
    the pages stay stable); an empty value keeps the view's own order."""
    if not value:
        return queryset
    descending = value.startswith("-")
    field = view.sort_fields[value.lstrip("-")]
    expression = F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
    return queryset.order_by(expression, "-pk" if descending else "pk")


def modified_since(queryset: QuerySet, view, value: str) -> QuerySet:
    if not value:
        return queryset
    return queryset.filter(**{f"{view.modified_field}__gte": parse_modified_since(value)})


class SyncFilterBackend:
    """`gewijzigdSinds` and `sorteer` on a view's list (its `list` action only). A view takes
    them by naming `modified_field` (the model field behind `gewijzigdOp`) and `sort_fields`
    (API name → model field). StrictQueryParameters has refused bad values before this runs."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) != "list":
            return queryset
        if getattr(view, "modified_field", None):
            queryset = modified_since(queryset, view, request.query_params.get(MODIFIED_SINCE, ""))
        if getattr(view, "sort_fields", None):
            queryset = sorted_by(queryset, view, request.query_params.get(SORT, ""))
        return queryset

    def get_schema_operation_parameters(self, view) -> list[dict]:
        if getattr(view, "action", None) != "list":
            return []
        parameters = []
        if getattr(view, "modified_field", None):
            parameters.append(
                {
                    "name": MODIFIED_SINCE,
                    "required": False,
                    "in": "query",
                    "description": (
                        "Alleen wat op of na dit moment is gewijzigd (gewijzigdOp): een datum en "
                        "tijd volgens ISO 8601 (zonder tijdzone: Nederlandse tijd) of een datum. "
                        "Wat sindsdien is verwijderd of verborgen staat niet in de lijst: wie "
                        "bijhoudt wat er is, haalt af en toe de hele lijst op."
                    ),
                    # Not `format: date-time`: a date and a time without a zone are taken too,
                    # and an empty value is no value (as with every parameter).
                    "schema": {
                        "type": "string",
                        "pattern": f"^$|{MODIFIED_SINCE_PATTERN}",
                        "example": "2026-01-31T09:00:00+01:00",
                    },
                }
            )
        if getattr(view, "sort_fields", None):
            parameters.append(
                {
                    "name": SORT,
                    "required": False,
                    "in": "query",
                    "description": (
                        "De volgorde; met een minteken ervoor: aflopend. Leeg: de eigen "
                        "volgorde van de lijst."
                    ),
                    # An empty value is no value (as with every parameter).
                    "schema": {"type": "string", "enum": ["", *sort_choices(view)]},
                }
            )
        return parameters


class StrictQueryParameters:
    """A mixin for API views: the query string holds only the parameters the view knows (its
    filterset's filters, the page parameters of a paginated list, and `query_parameters()`),
    each at most once unless it takes several values, with well-formed page numbers. Anything
    else answers 400 with every problem in `invalidParams`, the filters' own errors included,
    before the view does any work. An empty value counts as not given."""

    paginated_actions: tuple[str, ...] = ("list",)
    filter_backends = [DjangoFilterBackend, SyncFilterBackend]
    modified_field: str | None = None  # the model field behind gewijzigdOp (and gewijzigdSinds)
    sort_fields: dict[str, str] = {}  # sorteer: API name → model field
    # Last-Modified on the detail (its gewijzigdOp): only where the body is the resource's own
    # fields, so that a newer body always has a newer gewijzigdOp; not for lists (an item that
    # is removed or hidden makes no date newer) nor for bodies with counts or visible subsets.
    last_modified_on_detail = False

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if (
            self.last_modified_on_detail
            and getattr(self, "action", None) == "retrieve"
            and response.status_code == 200
            and isinstance(data, dict)
            and data.get("gewijzigdOp")
        ):
            moment = parse_datetime(str(data["gewijzigdOp"]))
            if moment is not None:
                response["Last-Modified"] = http_date(moment.timestamp())
        return response

    def query_filterset_class(self) -> type[django_filters.FilterSet] | None:
        """The filterset that reads this request's query string (the list's, by default)."""
        return getattr(self, "filterset_class", None) if self._is_paginated() else None

    def query_parameters(self) -> list[QueryParameter]:
        """The view's parameters besides its filters and page numbers (none by default)."""
        return []

    def _is_paginated(self) -> bool:
        action = getattr(self, "action", None)
        return self.pagination_class is not None and (
            action is None or action in self.paginated_actions
        )

    def allowed_query_parameters(self) -> dict[str, QueryParameter]:
        allowed: dict[str, QueryParameter] = {}
        filterset_class = self.query_filterset_class()
        if filterset_class is not None:
            for name, filter_ in filterset_class.base_filters.items():
                many = isinstance(filter_, django_filters.MultipleChoiceFilter)
                allowed[name] = QueryParameter(name, many=many)
        if self._is_paginated():
            for name in (
                self.pagination_class.page_query_param,
                self.pagination_class.page_size_query_param,
            ):
                allowed[name] = QueryParameter(name)
        if getattr(self, "action", None) == "list":
            if self.modified_field:
                allowed[MODIFIED_SINCE] = QueryParameter(MODIFIED_SINCE)
            if self.sort_fields:
                allowed[SORT] = QueryParameter(SORT, choices=sort_choices(self))
        for parameter in self.query_parameters():
            allowed[parameter.name] = parameter
        return allowed

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if getattr(self, request.method.lower(), None) is not None:
            # A method the view does not answer is a 405, whatever its query string.
            self.check_query(request.query_params)

    def check_query(self, query) -> None:
        allowed = self.allowed_query_parameters()
        errors: dict[str, list[str]] = {}
        for name in query:
            values = query.getlist(name)
            problems = errors.setdefault(name, [])
            parameter = allowed.get(name)
            if parameter is None:
                problems.append("Deze parameter bestaat niet.")
                continue
            if len(values) > 1 and not parameter.many:
                problems.append("Geef deze parameter één keer op.")
            for value in values:
                if "\x00" in value:
                    problems.append("Bevat een ongeldig teken.")
                elif parameter.max_length and len(value) > parameter.max_length:
                    problems.append(f"Maximaal {parameter.max_length} tekens.")
                elif value and parameter.choices and value not in parameter.choices:
                    problems.append(f"Kies uit: {', '.join(parameter.choices)}.")
            if self._is_paginated() and name in (
                self.pagination_class.page_query_param,
                self.pagination_class.page_size_query_param,
            ):
                if any(
                    value and not (DIGITS.fullmatch(value) and value.strip("0")) for value in values
                ):
                    problems.append("Geef een geheel getal van 1 of hoger.")
            if name == MODIFIED_SINCE and name in allowed:
                if any(value and parse_modified_since(value) is None for value in values):
                    problems.append(MODIFIED_SINCE_PROBLEM)
        errors = {name: problems for name, problems in errors.items() if problems}
        filterset_class = self.query_filterset_class()
        if filterset_class is not None:
            known = query.copy()
            for name in errors:
                known.pop(name, None)
            # The view's own queryset (what this caller may see): some choices depend on it,
            # such as the tags of visible cases only. Building it runs no query.
            if hasattr(self, "get_queryset"):
                queryset = self.get_queryset()
            else:
                queryset = filterset_class._meta.model._default_manager.none()
            filterset = filterset_class(known, queryset=queryset)
            for name, problems in filterset.errors.items():
                errors.setdefault(name, []).extend(problems)
        if errors:
            raise ValidationError(errors)
