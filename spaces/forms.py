from django import forms
from django.utils.translation import gettext_lazy as _

from spaces.models import Membership


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Waarom wilt u lid worden?"),
        help_text=_("De moderatoren lezen dit. Vertel kort wie u bent en wat u zoekt."),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=10,
        max_length=2000,
        error_messages={
            "required": _("Schrijf een kort bericht aan de moderatoren."),
            "min_length": _("Schrijf ten minste %(limit_value)d tekens."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("goedkeuren", _("Goedkeuren")), ("afwijzen", _("Afwijzen"))]
    )
    message = forms.CharField(
        label=_("Bericht aan de aanvrager (mag leeg)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_(
            "De uitnodiging werkt één keer, veertien dagen lang, en alleen voor een account met "
            "dit e-mailadres."
        ),
        max_length=254,
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        },
    )


class MemberActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("verwijderen", _("Verwijderen")),
            (Membership.Role.MODERATOR, _("Moderator maken")),
            (Membership.Role.MEMBER, _("Gewoon lid maken")),
            ("schorsen", _("Schorsen")),
            ("schorsing_opheffen", _("Schorsing opheffen")),
        ]
    )
    # For a suspension: how long and why (the member is told the reason).
    days = forms.TypedChoiceField(
        choices=[(1, _("1 dag")), (7, _("1 week")), (30, _("30 dagen"))],
        coerce=int,
        required=False,
    )
    reason = forms.CharField(required=False, max_length=500)
