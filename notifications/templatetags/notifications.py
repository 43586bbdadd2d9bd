from urllib.parse import urlencode

from django import template
from django.urls import reverse

from core.pagination import PAGE_PARAMETER
from notifications.forms import FollowForm, SavedSearchForm
from notifications.subscriptions import subscription_for

register = template.Library()


@register.simple_tag(takes_context=True)
def follow_state(context, space) -> dict:
    """The visitor's subscription to `space` (or None) and the form to change it: one query,
    none for an anonymous visitor."""
    subscription = subscription_for(context["request"].user, space)
    initial = {"frequency": subscription.frequency} if subscription else {}
    return {"subscription": subscription, "form": FollowForm(initial=initial)}


@register.simple_tag(takes_context=True)
def save_search_state(context, where: str) -> dict:
    """For "Houd me op de hoogte" beside the results (`where`: "lijst" or "zoeken"): the query
    string to save, the form, and for anonymous visitors the login link that comes back to it.
    No query."""
    request = context["request"]
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    query_string = query.urlencode()
    save_url = (
        reverse("notifications:save_search")
        + "?"
        + urlencode(
            [
                *((name, value) for name, values in query.lists() for value in values),
                ("terug", where),
            ]
        )
    )
    feed_url = reverse("cases:feed") + (f"?{query_string}" if query_string else "")
    return {
        "form": SavedSearchForm(initial={"zoekopdracht": query_string, "terug": where}),
        "login_url": reverse("account_login") + "?" + urlencode({"next": save_url}),
        "feed_url": feed_url,
    }
