from django import forms
from django.utils.translation import gettext_lazy as _

from discussions.moderation import MAX_LOCK_REASON_LENGTH, MAX_REASON_LENGTH, MAX_REPORT_LENGTH

TOO_LONG = _("Schrijf hoogstens %(limit_value)d tekens.")


class NextField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=500, **kwargs)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom meldt u dit bericht?"),
        help_text=_(
            "Alleen de moderatoren van deze ruimte en de redactie lezen dit. De schrijver ziet "
            "niet wie meldde."
        ),
        max_length=MAX_REPORT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf waarom u dit bericht meldt."),
            "max_length": TOO_LONG,
        },
    )
    next = NextField()


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        help_text=_("De schrijver ziet deze reden bij het bericht. Schrijf kort en vriendelijk."),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf waarom u dit bericht verbergt. De schrijver ziet de reden."),
            "max_length": TOO_LONG,
        },
    )
    next = NextField()


class RestoreForm(forms.Form):
    reason = forms.CharField(
        label=_("Toelichting (mag leeg)"),
        help_text=_("Komt in het logboek."),
        required=False,
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TOO_LONG},
    )
    next = NextField()


class LockForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        help_text=_("Iedereen die de discussie leest, ziet deze reden."),
        max_length=MAX_LOCK_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _(
                "Schrijf waarom u deze discussie sluit. Iedereen die meeleest ziet de reden."
            ),
            "max_length": TOO_LONG,
        },
    )
    next = NextField()


class ActionForm(forms.Form):
    """Approve and reopen: no reason needed, only where to go back to."""

    next = NextField()


class HoldFirstPostsForm(forms.Form):
    hold_first_posts = forms.BooleanField(
        label=_("Eerste berichten van nieuwe accounts eerst laten nakijken"),
        help_text=_(
            "De eerste berichten van een nieuw account verschijnen pas als een moderator ze "
            "goedkeurt. Geldt alleen in een openbare ruimte."
        ),
        required=False,
    )
