"""The form members share a practice case with ("Deel een praktijkvoorbeeld").

The model's rules hold here as in the back office (`Case.clean`: a failure needs what went wrong;
anonymous only in a closed space); `cases.submissions` checks them again with the member's
spaces, so that a form is never the only guard.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import Case, Outcome
from cases.submissions import SUBMISSION_FIELDS, pattern_model, submission_spaces
from municipalities.models import Municipality

FAILURE_OUTCOMES = {Outcome.FAILURE, Outcome.MIXED}
UNKNOWN_PATTERN = _(
    "Een van de aangevinkte faalpatronen bestaat niet (meer). Kies uit de lijst, of laat het leeg."
)


class PatternChoiceField(forms.ModelMultipleChoiceField):
    """Each failure pattern with its one-line summary, so a member recognises it."""

    def label_from_instance(self, pattern) -> str:
        return f"{pattern.name}: {pattern.summary}"


class SubmissionForm(forms.ModelForm):
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.order_by("name"),
        required=False,
        label=_("Gemeente"),
        empty_label=_("Kies een gemeente (mag leeg)"),
    )
    patterns = PatternChoiceField(
        queryset=None,  # the failure patterns, set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Herkent u een faalpatroon?"),
        help_text=_(
            "Mag leeg. Vink aan wat u herkent: een faalpatroon is iets dat in veel wijken "
            "misgaat. Ging het goed? Vink dan aan wat u wist te voorkomen. De redactie kijkt "
            "mee."
        ),
        error_messages={
            "invalid_choice": UNKNOWN_PATTERN,
            "invalid_pk_value": UNKNOWN_PATTERN,
            "invalid_list": UNKNOWN_PATTERN,
        },
    )

    class Meta:
        model = Case
        fields = SUBMISSION_FIELDS
        widgets = {
            "outcome": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 2}),
            "context": forms.Textarea(attrs={"rows": 5}),
            "approach": forms.Textarea(attrs={"rows": 5}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "what_worked": forms.Textarea(attrs={"rows": 4}),
            "what_went_wrong": forms.Textarea(attrs={"rows": 6}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
            "courses_of_action": forms.Textarea(attrs={"rows": 5}),
            "topics": forms.CheckboxSelectMultiple,
            "domains": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
        }
        labels = {
            "title": _("Titel"),
            "summary": _("Samenvatting"),
            "outcome": _("Hoe liep het af?"),
            "context": _("Wat was de aanleiding?"),
            "approach": _("Wat deden jullie?"),
            "results": _("Wat leverde het op?"),
            "what_worked": _("Wat werkte goed?"),
            "what_went_wrong": _("Wat ging er mis?"),
            "lessons": _("Wat leerden jullie ervan?"),
            "courses_of_action": _("Wat kunnen anderen doen?"),
            "neighbourhoods": _("Wijken"),
            "period_start": _("Begonnen in (jaar)"),
            "period_end": _("Geëindigd in (jaar)"),
            "topics": _("Thema's"),
            "domains": _("Wie waren erbij betrokken?"),
            "target_groups": _("Voor wie was het?"),
            "space": _("Alleen delen in een ruimte"),
        }
        help_texts = {
            "title": _("Een korte titel die zegt waar het over gaat."),
            "summary": _("Eén of twee zinnen: wat deden jullie, en hoe liep het af?"),
            "outcome": _("Ook wat mislukte is de moeite waard: daar leren anderen het meest van."),
            "what_went_wrong": _(
                "Verplicht als het mislukte of gemengd afliep. Vertel eerlijk wat er misging en "
                "waarom. Ging het goed? Dan mag u hier valkuilen noemen, of het leeg laten."
            ),
            "courses_of_action": _(
                "Wat kan iemand in een vergelijkbare wijk concreet doen, of anders doen? Eén "
                "actie per regel."
            ),
            "neighbourhoods": _("Gescheiden door komma's. Mag leeg."),
            "period_end": _("Leeg als het nog loopt."),
            "space": _(
                "Leeg: de redactie kan het publiceren in de openbare kennisbank. Kiest u een "
                "ruimte, dan lezen alleen wie die ruimte mogen lezen het."
            ),
        }
        error_messages = {
            "title": {"required": _("Geef het praktijkvoorbeeld een titel.")},
            "summary": {"required": _("Schrijf een korte samenvatting.")},
            "outcome": {"required": _("Kies hoe het afliep.")},
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        space = self.fields["space"]
        space.queryset = submission_spaces(user).order_by("name")
        space.empty_label = _("Geen ruimte: de openbare kennisbank")
        space.error_messages["invalid_choice"] = _(
            "U kunt alleen delen in een ruimte waar u lid van bent. Kies een van uw ruimtes."
        )
        self.fields["outcome"].choices = Outcome.choices  # no empty choice among the radios
        self.fields["patterns"].queryset = pattern_model().objects.all()
        if self.instance.pk and not self.is_bound:
            self.initial["patterns"] = [
                link.pattern_id for link in self.instance.pattern_links.all()
            ]
        for name in ("period_start", "period_end"):
            self.fields[name].widget.attrs.update(min=1900, max=2100)
            self.fields[name].error_messages["invalid"] = _(
                "Vul een jaartal in, bijvoorbeeld 2022."
            )

    @property
    def failure_first(self) -> bool:
        """Does the form ask what went wrong before the rest of the story? When the outcome is
        known to be a failure or mixed (from what was sent, or the address: ?uitkomst=mislukt)."""
        outcome = self["outcome"].value()
        return outcome in FAILURE_OUTCOMES
