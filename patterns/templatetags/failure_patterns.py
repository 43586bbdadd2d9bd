"""The failure patterns of a case, for the case page (and its preview in the back office).

The case template lives in `cases`, which stands below `patterns`: it reaches the patterns
through the relation this app declares (`case.pattern_links`), as it reaches wijkschakelaars
and dialogue statements. Patterns are public, and the case itself is one the reader may see.
"""

from django import template

register = template.Library()


@register.inclusion_tag("patterns/_case_patterns.html")
def case_patterns(case) -> dict:
    links = list(case.pattern_links.select_related("pattern"))
    return {
        "played": [link.pattern for link in links if not link.avoided],
        "avoided": [link.pattern for link in links if link.avoided],
    }
