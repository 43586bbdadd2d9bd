from django import template
from django.http import QueryDict

from core.pagination import PAGE_PARAMETER

register = template.Library()


@register.simple_tag(takes_context=True)
def query_without(context, name: str, value: str) -> str:
    """The current query string with one filter value removed (and back to page 1)."""
    query: QueryDict = context["request"].GET.copy()
    query.pop(PAGE_PARAMETER, None)
    remaining = [v for v in query.getlist(name) if v != value]
    query.setlist(name, remaining)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def query_with_page(context, page_number: int) -> str:
    query: QueryDict = context["request"].GET.copy()
    query[PAGE_PARAMETER] = str(page_number)
    return f"?{query.urlencode()}"


@register.filter
def selected_count(facets) -> int:
    """How many filter values are chosen among `facets` (for "Filteren (2 gekozen)")."""
    return sum(len(facet.selected) for facet in facets or ())


@register.filter
def paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs on blank lines."""
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]
