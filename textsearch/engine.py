"""Searching a queryset with Dutch terms: the two operations every search page and API uses.

Both start from a queryset the caller built with `visible_to(user)`; search only narrows it.
"""

from __future__ import annotations

from django.db.models import QuerySet

from textsearch.analysis import analyse

MAX_QUERY_LENGTH = 200


def search_terms(query: str) -> str:
    return analyse((query or "")[:MAX_QUERY_LENGTH])


def ranked(queryset: QuerySet, query: str):
    """`queryset` searched for `query`, best match first (a sliceable modelsearch result)."""
    return queryset.search(search_terms(query), operator="and", order_by_relevance=True)


def ranked_ids(queryset: QuerySet, query: str) -> list:
    """The primary keys of everything in `queryset` that matches `query`, best first.

    One query, however many match: facets and counts are computed from this list.
    """
    results = ranked(queryset, query)
    if hasattr(results, "ranked_ids"):  # our database backends (textsearch/backends.py)
        return results.ranked_ids()
    return [obj.pk for obj in results]  # a search server (OpenSearch, Elasticsearch)
