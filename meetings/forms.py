"""Forms for organisers: the meeting, its report and a message to the participants. Times are
entered in Dutch time (Europe/Amsterdam); a time that does not exist or occurs twice around the
change of summer time is refused by Django's form field with a clear message."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from core.access import ANONYMOUS
from dialogues.models import Dialogue, Statement
from discussions.models import Discussion
from meetings.models import Meeting
from meetings.rules import can_organise_in, organisable_spaces
from meetings.services import MEETING_FIELDS
from municipalities.models import Municipality
from spaces.models import Space
from topics.models import Topic

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


def datetime_field(label, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=LocalDateTimeInput(),
    )


class MeetingForm(forms.ModelForm):
    online_url = forms.URLField(
        label=_("Link voor online deelname"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Alleen aangemelde deelnemers zien deze link."),
    )
    starts_at = datetime_field(_("Begint op"))
    ends_at = datetime_field(_("Eindigt op"))
    registration_deadline = datetime_field(
        _("Aanmelden kan tot"), required=False, help_text=_("Leeg: tot het begin.")
    )

    class Meta:
        model = Meeting
        fields = [*MEETING_FIELDS, "topics"]
        widgets = {
            "form": forms.RadioSelect,
            "topics": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
            "address": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        spaces = organisable_spaces(user)
        if self.instance.space_id:  # the meeting's own space stays a choice for its organiser
            spaces = spaces | Space.objects.filter(pk=self.instance.space_id)
        self.fields["space"].queryset = spaces.distinct()
        self.fields["space"].empty_label = _("Openbare agenda")
        if not can_organise_in(user, None) and (self.instance.pk is None or self.instance.space_id):
            # Only editors put a meeting in the public agenda: others choose one of their spaces.
            self.fields["space"].required = True
            self.fields["space"].empty_label = None
        self.fields["topics"].queryset = Topic.objects.visible_to(ANONYMOUS)
        self.fields["municipality"].queryset = Municipality.objects.all()

    def _post_clean(self):
        # Model validation happens in the service (full_clean), with its messages per field.
        pass


class ReportForm(forms.Form):
    report = forms.CharField(
        label=_("Verslag"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text=_("Wat kwam eruit? Kort en zonder namen van deelnemers."),
    )
    cases = forms.ModelMultipleChoiceField(
        label=_("Besproken praktijkvoorbeelden"), queryset=Case.objects.none(), required=False
    )
    statements = forms.ModelMultipleChoiceField(
        label=_("Besproken stellingen"), queryset=Statement.objects.none(), required=False
    )
    discussions = forms.ModelMultipleChoiceField(
        label=_("Besproken discussies"), queryset=Discussion.objects.none(), required=False
    )
    dialogue = forms.ModelChoiceField(
        label=_("Dialoog die uit deze bijeenkomst kwam"),
        queryset=Statement.objects.none(),
        required=False,
        help_text=_("Een geïmporteerde dialoog met de uitkomsten van deze bijeenkomst."),
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        # Only what every reader of the meeting may see: public content, and the content of
        # the meeting's own space.
        space = meeting.space
        cases = Case.objects.visible_to(ANONYMOUS)
        dialogues = Dialogue.objects.visible_to(ANONYMOUS)
        discussions = Discussion.objects.visible_to(ANONYMOUS)
        if space is not None:
            cases = cases | Case.objects.filter(space=space, live=True)
            dialogues = dialogues | Dialogue.objects.filter(space=space, live=True)
            discussions = discussions | Discussion.objects.filter(space=space)
        self.fields["cases"].queryset = cases.distinct().order_by("title")
        self.fields["dialogue"].queryset = dialogues.distinct()
        self.fields["statements"].queryset = (
            Statement.objects.filter(dialogue__in=dialogues.values("pk"))
            .select_related("dialogue")
            .order_by("dialogue__title", "pk")
        )
        self.fields["statements"].label_from_instance = lambda s: f"{s.dialogue}: {s.text[:90]}"
        self.fields["discussions"].queryset = discussions.distinct().order_by("title")
        for name in ("cases", "statements", "discussions"):
            self.fields[name].widget.attrs["size"] = 8
        if not self.is_bound:
            self.initial.update(
                report=meeting.report,
                dialogue=meeting.dialogue_id,
                cases=list(meeting.report_cases.values_list("pk", flat=True)),
                statements=list(meeting.report_statements.values_list("pk", flat=True)),
                discussions=list(meeting.report_discussions.values_list("pk", flat=True)),
            )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Onderwerp"), max_length=150)
    body = forms.CharField(label=_("Bericht"), widget=forms.Textarea(attrs={"rows": 8}))
    include_waiting = forms.BooleanField(
        label=_("Ook naar wie op de wachtlijst staat"), required=False
    )


class FilterForm(forms.Form):
    """The agenda's filters (GET); unknown values simply match nothing chosen."""

    periode = forms.ChoiceField(
        label=_("Wanneer"),
        choices=[("komend", _("Komende bijeenkomsten")), ("voorbij", _("Eerdere bijeenkomsten"))],
        required=False,
    )
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    vorm = forms.ChoiceField(
        label=_("Vorm"), choices=[("", _("Alle vormen")), *Meeting.Form.choices], required=False
    )

    def __init__(self, *args, topics, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle thema's"))] + [
            (t.slug, t.name) for t in topics
        ]
        self.fields["gemeente"].choices = [("", _("Alle gemeenten"))] + [
            (m.slug, m.name) for m in municipalities
        ]
