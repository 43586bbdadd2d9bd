"""django-allauth's forms with Dutch labels in plain words, hints instead of placeholders, and
the autocomplete attributes password managers and browsers need."""

from __future__ import annotations

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import EmailPreferences

PASSWORD_HINT = _(
    "Minstens 8 tekens. Niet alleen cijfers, geen veelgebruikt wachtwoord en niet te veel "
    "zoals uw e-mailadres. Een zin van een paar woorden is sterk en goed te onthouden."
)

# field name: (label, hint, autocomplete)
FIELDS = {
    "login": (_("E-mailadres"), None, "email"),
    "email": (_("E-mailadres"), None, "email"),
    "password": (_("Wachtwoord"), None, "current-password"),
    "oldpassword": (_("Huidig wachtwoord"), None, "current-password"),
    "password1": (_("Nieuw wachtwoord"), PASSWORD_HINT, "new-password"),
    "password2": (_("Herhaal het nieuwe wachtwoord"), None, "new-password"),
    "remember": (_("Ingelogd blijven op dit apparaat"), None, None),
}


class DutchFieldsMixin:
    labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name not in FIELDS:
                continue
            label, hint, autocomplete = FIELDS[name]
            field.label = self.labels.get(name, label)
            field.help_text = hint or ""
            field.widget.attrs.pop("placeholder", None)
            if autocomplete:
                field.widget.attrs["autocomplete"] = autocomplete


class LoginForm(DutchFieldsMixin, allauth_forms.LoginForm):
    pass


class SignupForm(DutchFieldsMixin, allauth_forms.SignupForm):
    labels = {"password1": _("Kies een wachtwoord"), "password2": _("Herhaal het wachtwoord")}


class ResetPasswordForm(DutchFieldsMixin, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(DutchFieldsMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(DutchFieldsMixin, allauth_forms.ChangePasswordForm):
    pass


class ReauthenticateForm(DutchFieldsMixin, allauth_forms.ReauthenticateForm):
    pass


class AddEmailForm(DutchFieldsMixin, allauth_forms.AddEmailForm):
    labels = {"email": _("Nieuw e-mailadres")}


class EmailPreferencesForm(forms.ModelForm):
    class Meta:
        model = EmailPreferences
        fields = ["space_activity", "replies", "moderation", "case_status", "invitations"]


class ConfirmPasswordForm(forms.Form):
    """Asks for the password once more before something that cannot be undone."""

    password = forms.CharField(
        label=_("Uw wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Dit wachtwoord klopt niet."))
        return password
