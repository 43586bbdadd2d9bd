"""The import page in the back office: upload, preview, confirm.

The uploaded file is read at once; with errors the editor sees them all and nothing is kept.
Without errors it is kept in storage under a random name that only this editor's session
knows, and the preview shows what the import will do. Confirming reads the kept file again and
imports it as a draft; the file is then removed. The editor lands on a page that says what was
imported and that it is not online yet, with the next steps: look at it, submit it for review,
or publish it (final editors).
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages as wagtail_messages

from dialogues import consensus
from dialogues.exporters import XLSX_CONTENT_TYPE
from dialogues.importers import (
    DIALOGUE_FIELDS,
    MAX_FILE_BYTES,
    DialogueFileError,
    read_upload,
)
from dialogues.models import Dialogue
from dialogues.services import (
    DialogueExists,
    ReviewError,
    dialogue_import,
    dialogue_publish,
    dialogue_submit_for_review,
    existing_dialogue,
)
from dialogues.template_workbook import template_workbook
from spaces.models import Space

PERMISSION = "dialogues.add_dialogue"  # editors and final editors: an import is a draft
PUBLISH_PERMISSION = "dialogues.publish_dialogue"
PENDING_FOLDER = "dialoog-uploads"
SESSION_KEY = "dialogue_uploads"
PREVIEW_STATEMENTS = 10
NEXT_STEPS = ("beoordeling", "publiceren")

# What each column means, for the import page and the template's explanation sheet.
COLUMN_HELP = {
    "vragen": {
        "nr": "het nummer van de vraag: 1, 2, 3, ... (elk nummer één keer)",
        "sectie": "het onderdeel van de dialoog waar de vraag bij hoort (mag leeg)",
        "vraag": "de vraag zoals die gesteld is",
    },
    "stellingen": {
        "vraag_nr": "het nummer van de vraag uit het blad vragen (leeg: bij geen vraag)",
        "tekst": "de stelling of het antwoord",
        "eens": "het aantal stemmen eens (0 of meer)",
        "oneens": "het aantal stemmen oneens (0 of meer)",
        "neutraal": "het aantal neutrale stemmen (0 of meer)",
        "cluster": "de naam van een cluster bij dezelfde vraag (mag leeg)",
        "groepsconsensus": "alleen bij een export van Pol.is: een getal van 0 tot en met 1",
    },
    "clusters": {
        "vraag_nr": "het nummer van de vraag",
        "naam": "de naam van het cluster (per vraag één keer)",
        "rang": "1 voor het cluster met de meeste steun, dan 2, 3, ...",
        "toelichting": "wat de deelnemers in dit cluster zeiden (mag leeg)",
    },
    "polls": {
        "vraag_nr": "het nummer van de vraag waarbij de poll hoorde (mag leeg)",
        "poll": "de vraag van de poll; elke optie op een eigen regel met dezelfde poll",
        "optie": "een antwoord dat men kon kiezen",
        "stemmen": "het aantal stemmen op dit antwoord",
    },
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "Een werkmap (.xlsx), een zip-bestand met CSV-bestanden, of een export van "
            "Pol.is (zip). Hoogstens 50 MB."
        ),
    )
    file_format = forms.ChoiceField(
        label=_("Soort bestand"),
        choices=[
            ("workbook", _("Werkmap volgens ons sjabloon (.xlsx of .zip met CSV)")),
            ("polis", _("Export van Pol.is (.zip)")),
        ],
        initial="workbook",
        widget=forms.RadioSelect,
    )
    space = forms.ModelChoiceField(
        queryset=Space.objects.all(),
        required=False,
        label=_("Ruimte"),
        empty_label=_("Geen: openbaar in de kennisbank"),
        help_text=_("Kies een besloten ruimte als alleen de leden de dialoog mogen zien."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Het bestand is groter dan %(mb)s MB."), params={"mb": MAX_FILE_BYTES // 2**20}
            )
        return upload


def _require_permission(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _page(request, template: str, context: dict) -> TemplateResponse:
    return TemplateResponse(
        request,
        template,
        {
            "page_title": _("Dialoog importeren"),
            "header_title": _("Dialoog importeren"),
            "header_icon": "upload",
            "max_mb": MAX_FILE_BYTES // 2**20,
            "dialogue_fields": DIALOGUE_FIELDS,
            "column_help": COLUMN_HELP,
            **context,
        },
    )


def import_dialogue(request: HttpRequest) -> HttpResponse:
    _require_permission(request)
    if request.method == "POST" and "token" in request.POST:
        return _confirm(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _page(request, "dialogues/admin/import.html", {"form": form})
    upload = form.cleaned_data["file"]
    content = upload.read()
    file_format = form.cleaned_data["file_format"]
    try:
        data = read_upload(content, upload.name, file_format)
    except DialogueFileError as error:
        return _page(request, "dialogues/admin/import.html", {"form": form, "errors": error.errors})
    token = uuid.uuid4().hex
    default_storage.save(f"{PENDING_FOLDER}/{token}", ContentFile(content))
    space = form.cleaned_data["space"]
    request.session.setdefault(SESSION_KEY, {})[token] = {
        "name": upload.name,
        "format": file_format,
        "space": space.pk if space else None,
    }
    request.session.modified = True
    support = consensus.support(data.statements)
    statements = list(zip(data.statements, support.levels, strict=True))[:PREVIEW_STATEMENTS]
    return _page(
        request,
        "dialogues/admin/preview.html",
        {
            "data": data,
            "token": token,
            "file_name": upload.name,
            "space": space,
            "existing": existing_dialogue(data),
            "statements": statements,
            "with_level": support.with_level,
            "polarising": support.polarising_count,
            "option_count": sum(len(poll.options) for poll in data.polls),
        },
    )


def _confirm(request: HttpRequest) -> HttpResponse:
    token = request.POST["token"]
    pending = request.session.get(SESSION_KEY, {}).pop(token, None)
    request.session.modified = True
    path = f"{PENDING_FOLDER}/{token}"
    if pending is None or not default_storage.exists(path):
        messages.error(request, _("Deze upload is verlopen. Kies het bestand opnieuw."))
        return redirect("dialogue_import")
    try:
        with default_storage.open(path, "rb") as handle:
            content = handle.read()
        space = Space.objects.filter(pk=pending["space"]).first() if pending["space"] else None
        data = read_upload(content, pending["name"], pending["format"])
        replace = request.POST.get("replace") == "1"
        # A draft: it goes public when an editor ticks "gepubliceerd" after checking it.
        dialogue = dialogue_import(
            data=data, space=space, replace=replace, user=request.user, live=False
        )
    except (DialogueFileError, DialogueExists) as error:
        messages.error(request, str(error))
        return redirect("dialogue_import")
    finally:
        default_storage.delete(path)
    return redirect("dialogue_import_done", pk=dialogue.pk)


def _edit_url(dialogue: Dialogue) -> str:
    return reverse(Dialogue.snippet_viewset.get_url_name("edit"), args=[dialogue.pk])


def import_done(request: HttpRequest, pk: int) -> HttpResponse:
    """What the import made, that it is not online yet, and what the editor can do next."""
    _require_permission(request)
    dialogue = get_object_or_404(
        Dialogue.objects.visible_to(request.user).select_related("replaces"), pk=pk
    )
    votes = dialogue.statements.aggregate(total=Sum(F("agree") + F("disagree") + F("passed")))[
        "total"
    ]
    in_review = dialogue.workflow_in_progress
    return _page(
        request,
        "dialogues/admin/done.html",
        {
            "dialogue": dialogue,
            "questions": dialogue.questions.count(),
            "statements": dialogue.statements.count(),
            "votes": votes or 0,
            "polls": dialogue.polls.count(),
            "in_review": in_review,
            "can_submit": not dialogue.live and not in_review,
            "can_publish": not dialogue.live and request.user.has_perm(PUBLISH_PERMISSION),
            "edit_url": _edit_url(dialogue),
        },
    )


@require_POST
def import_next_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Submit the imported draft for review, or publish it, from the confirmation page."""
    _require_permission(request)
    if step not in NEXT_STEPS:
        raise Http404
    dialogue = get_object_or_404(Dialogue.objects.visible_to(request.user), pk=pk)
    try:
        if step == "beoordeling":
            dialogue_submit_for_review(dialogue=dialogue, user=request.user)
            done = _(
                "‘%(title)s’ is ter beoordeling aangeboden aan de eindredactie. Het staat nog "
                "niet online."
            )
        else:
            dialogue_publish(dialogue=dialogue, user=request.user)
            done = _("‘%(title)s’ is gepubliceerd en staat nu online.")
    except ReviewError as error:
        messages.error(request, str(error))
        return redirect("dialogue_import_done", pk=dialogue.pk)
    dialogue.refresh_from_db()
    wagtail_messages.success(
        request,
        done % {"title": dialogue.title},
        buttons=[wagtail_messages.button(dialogue.get_absolute_url(), _("Bekijk de pagina"))],
    )
    return redirect(_edit_url(dialogue))


def download_template(request: HttpRequest) -> HttpResponse:
    """The workbook template: the five sheets with an example row each, and an explanation."""
    _require_permission(request)
    response = HttpResponse(template_workbook(COLUMN_HELP), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="sjabloon-dialoog.xlsx"'
    return response
