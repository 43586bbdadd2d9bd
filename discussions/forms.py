"""The forms members write with. They check what a visitor can fix (empty, too long, wrong
file); the services check it all again, with who may write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from discussions import rules, services
from discussions.models import Discussion
from discussions.rules import DiscussionRefused

BODY_HELP = _(
    "Gewone tekst. Een witregel begint een nieuwe alinea; begin een regel met - voor een "
    "opsomming; een link schrijft u als [tekst](https://...). Een link naar een "
    "praktijkvoorbeeld, thema of wijkschakelaar op dit platform toont de titel."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(AttachmentsField, self).clean(file, initial) for file in files]
        try:
            services.check_files(cleaned)
        except DiscussionRefused as refused:
            raise forms.ValidationError(refused.message) from None
        return cleaned


def _body_field(label):
    return forms.CharField(
        label=label,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=rules.MAX_BODY_LENGTH,
        strip=True,
        error_messages={
            "required": _("Schrijf een bericht; een leeg bericht kan niet."),
            "max_length": _(
                "Uw bericht is te lang: hoogstens %(limit_value)d tekens, het zijn er nu "
                "%(show_value)d."
            ),
        },
    )


def _attachments_field():
    return AttachmentsField(
        label=_("Bijlagen (mag leeg)"),
        help_text=_(
            "Hoogstens %(count)d bestanden van elk hoogstens %(size)d MB: %(kinds)s. Alleen wie "
            "deze discussie kan lezen, kan ze openen."
        )
        % {
            "count": services.MAX_ATTACHMENTS,
            "size": services.MAX_ATTACHMENT_SIZE // (1024 * 1024),
            "kinds": ", ".join(services.ATTACHMENT_EXTENSIONS),
        },
    )


def _anonymous_field():
    return forms.BooleanField(
        label=_("Anoniem delen met de andere leden"),
        help_text=_(
            "De andere leden zien “Een lid van deze ruimte”. De moderatoren en de redactie zien "
            "wel wie het schreef."
        ),
        required=False,
    )


class _SpaceForm(forms.Form):
    """Offers anonymous posting only in a closed space."""

    def __init__(self, *args, space, **kwargs):
        super().__init__(*args, **kwargs)
        self.space = space
        if space.is_public:
            del self.fields["is_anonymous"]

    def clean(self):
        cleaned = super().clean()
        if self.space.is_public and self.data.get("is_anonymous") not in (None, "", "false"):
            # The box is not offered here; a request that sends it anyway is refused, never
            # posted under the member's name.
            try:
                services.check_anonymous(self.space, True)
            except DiscussionRefused as refused:
                raise forms.ValidationError(refused.message) from None
        return cleaned

    def clean_is_anonymous(self):
        value = self.cleaned_data.get("is_anonymous", False)
        try:
            services.check_anonymous(self.space, value)
        except DiscussionRefused as refused:
            raise forms.ValidationError(refused.message) from None
        return value


class DiscussionForm(_SpaceForm):
    kind = forms.ChoiceField(
        label=_("Wat voor discussie is het?"),
        choices=Discussion.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat voor discussie het is.")},
    )
    title = forms.CharField(
        label=_("Titel"),
        help_text=_("Kort en duidelijk, bijvoorbeeld uw vraag in één zin."),
        max_length=rules.MAX_TITLE_LENGTH,
        error_messages={
            "required": _("Geef de discussie een titel."),
            "max_length": _("Maak de titel korter: hoogstens %(limit_value)d tekens."),
        },
    )
    body = _body_field(_("Uw bericht"))
    attachments = _attachments_field()
    is_anonymous = _anonymous_field()


class ReplyForm(_SpaceForm):
    body = _body_field(_("Uw reactie"))
    attachments = _attachments_field()
    is_anonymous = _anonymous_field()


class EditForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=rules.MAX_TITLE_LENGTH,
        error_messages={
            "required": _("Geef de discussie een titel."),
            "max_length": _("Maak de titel korter: hoogstens %(limit_value)d tekens."),
        },
    )
    body = _body_field(_("Uw bericht"))

    def __init__(self, *args, is_opening: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not is_opening:
            del self.fields["title"]
