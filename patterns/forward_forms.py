"""The form of "Vooruit falen": what the professional plans, with optional topic, target group
and municipality. Sent by POST, so what they type never lands in an address, a server log or
the browser's history."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import TargetGroup
from municipalities.models import Municipality
from patterns.forward import MAX_DESCRIPTION_LENGTH
from topics.models import Topic

MIN_DESCRIPTION_WORDS = 3


class PlanForm(forms.Form):
    description = forms.CharField(
        label=_("Wat gaat u doen?"),
        help_text=_(
            "Beschrijf in een paar zinnen wat u van plan bent: wat, waar en met wie. "
            "Wat u hier typt, bewaren we niet, tenzij u de checklist zelf bewaart."
        ),
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Beschrijf in een paar zinnen wat u gaat doen."),
            "max_length": _(
                "Uw beschrijving is te lang: gebruik hoogstens %(limit_value)d tekens "
                "(nu %(show_value)d)."
            ),
        },
    )
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        label=_("Thema"),
        empty_label=_("Kies een thema (mag leeg)"),
        error_messages={"invalid_choice": _("Kies een thema uit de lijst.")},
    )
    target_group = forms.ModelChoiceField(
        queryset=TargetGroup.objects.all(),
        required=False,
        label=_("Doelgroep"),
        empty_label=_("Kies een doelgroep (mag leeg)"),
        error_messages={"invalid_choice": _("Kies een doelgroep uit de lijst.")},
    )
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.order_by("name"),
        required=False,
        label=_("Gemeente"),
        empty_label=_("Kies een gemeente (mag leeg)"),
        error_messages={"invalid_choice": _("Kies een gemeente uit de lijst.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.visible_to(user).order_by("name")
        self.fields["description"].widget.attrs["maxlength"] = MAX_DESCRIPTION_LENGTH

    def clean_description(self) -> str:
        description = " ".join(self.cleaned_data["description"].split())
        if len(description.split()) < MIN_DESCRIPTION_WORDS:
            raise forms.ValidationError(
                _("Vertel iets meer: gebruik minstens %(count)d woorden."),
                params={"count": MIN_DESCRIPTION_WORDS},
            )
        return description
