from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# A name goes into the e-mail's headers: no line breaks or other control characters.
single_line = RegexValidator(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029]",
    inverse_match=True,
    message=_("Schrijf uw naam op één regel, zonder tekens als tabs of regeleinden."),
)


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Uw naam"), max_length=120, validators=[single_line])
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
