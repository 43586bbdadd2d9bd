from django import forms
from django.utils.translation import gettext_lazy as _

from discussions.models import Subscription
from notifications.models import SavedSearch


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


class SavedSearchForm(forms.Form):
    """ "Houd me op de hoogte": the query string to save and how often to mail."""

    zoekopdracht = forms.CharField(required=False, max_length=4000, widget=forms.HiddenInput)
    terug = forms.ChoiceField(
        required=False, choices=[("lijst", "lijst"), ("zoeken", "zoeken")], widget=forms.HiddenInput
    )
    frequency = forms.ChoiceField(
        label=_("Hoe vaak wilt u een e-mail?"),
        choices=SavedSearch.Frequency.choices,
        initial=SavedSearch.Frequency.DAILY,
        error_messages={
            "required": _("Kies hoe vaak u een e-mail wilt."),
            "invalid_choice": _("Kies hoe vaak u een e-mail wilt: dagelijks of wekelijks."),
        },
    )


class SavedSearchFrequencyForm(forms.Form):
    frequency = SavedSearchForm.base_fields["frequency"]
