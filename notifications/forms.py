from django import forms
from django.utils.translation import gettext_lazy as _

from discussions.models import Subscription


class FollowForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Hoe vaak wilt u een e-mail over nieuwe discussies?"),
        choices=Subscription.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies hoe vaak u een e-mail wilt."),
            "invalid_choice": _("Kies een van de mogelijkheden: direct, dagelijks of nooit."),
        },
    )
