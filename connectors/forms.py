from django import forms
from django.utils.translation import gettext_lazy as _


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Uw naam"), max_length=120)
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        help_text=_("De wijkschakelaar antwoordt u op dit adres."),
        max_length=254,
    )
    message = forms.CharField(
        label=_("Uw vraag of bericht"),
        widget=forms.Textarea(attrs={"rows": 8}),
        min_length=10,
        max_length=4000,
        error_messages={
            "min_length": _("Schrijf ten minste %(limit_value)d tekens."),
            "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
        },
    )
    # A field people do not see and bots fill in (a "honeypot").
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
