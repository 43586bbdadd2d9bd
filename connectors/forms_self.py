"""The form a wijkschakelaar uses for their own profile (not the consent records)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from connectors.models import Connector
from connectors.services import OWNER_FIELDS


class OwnProfileForm(forms.ModelForm):
    class Meta:
        model = Connector
        fields = [*OWNER_FIELDS, "topics"]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 6}),
            "mandate": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "role": _("Uw rol"),
            "organisation": _("Uw organisatie"),
            "kind": _("Wat voor wijkschakelaar bent u?"),
            "municipality": _("Gemeente"),
            "neighbourhoods": _("Wijken waar u werkt"),
            "mandate": _("Wat mag u beslissen of regelen?"),
            "bio": _("Over u"),
            "open_for_questions": _("Ik sta open voor vragen via het contactformulier"),
            "topics": _("Waar weet u veel van? (thema's)"),
        }
        help_texts = {
            "organisation": "",
            "bio": _("Een paar zinnen: wat u doet en waarvoor men u kan vragen."),
        }
