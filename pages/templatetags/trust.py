"""Showing what the operator filled in, or a clearly marked blank where they have not yet."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()


def blank() -> SafeString:
    return format_html('<span class="to-fill">{}</span>', _("[in te vullen door de beheerder]"))


@register.simple_tag
def filled(value, multiline: bool = False) -> SafeString:
    """`value` escaped (line breaks kept when `multiline`), or the marked blank."""
    text = str(value or "").strip()
    if not text:
        return blank()
    if multiline:
        return format_html("{}", linebreaksbr(text, autoescape=True))
    return format_html("{}", text)


@register.simple_tag
def filled_email(value) -> SafeString:
    if not value:
        return blank()
    return format_html('<a href="mailto:{0}">{0}</a>', value)
