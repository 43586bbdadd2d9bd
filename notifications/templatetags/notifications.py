from django import template

from notifications.forms import FollowForm
from notifications.subscriptions import subscription_for

register = template.Library()


@register.simple_tag(takes_context=True)
def follow_state(context, space) -> dict:
    """The visitor's subscription to `space` (or None) and the form to change it: one query,
    none for an anonymous visitor."""
    subscription = subscription_for(context["request"].user, space)
    initial = {"frequency": subscription.frequency} if subscription else {}
    return {"subscription": subscription, "form": FollowForm(initial=initial)}
