"""Back-office pages for cases beyond Wagtail's own: merging tags, and the cases to check."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from taggit.models import Tag
from wagtail.admin import messages

from cases.models import Case
from cases.reviews import case_mark_reviewed, cases_due_for_review
from cases.services import MERGE_TAGS_PERMISSION, merge_tags
from core.access import is_editor
from core.pagination import paginate, query_without_page


class TagChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, tag: Tag) -> str:
        return _("%(name)s (%(count)s)") % {"name": tag.name, "count": tag.case_count}


class TagMergeForm(forms.Form):
    tags = TagChoice(
        queryset=Tag.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Trefwoorden die hetzelfde betekenen"),
        help_text=_("Tussen haakjes: bij hoeveel praktijkvoorbeelden het trefwoord staat."),
        error_messages={"required": _("Kies de trefwoorden die u wilt samenvoegen.")},
    )
    keep = forms.ModelChoiceField(
        queryset=Tag.objects.none(),
        label=_("Houd dit trefwoord"),
        help_text=_("Een van de gekozen trefwoorden; de andere verdwijnen."),
        error_messages={"required": _("Kies welk trefwoord blijft.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tags = (
            Tag.objects.annotate(case_count=Count("cases_taggedcase_items"))
            .filter(case_count__gt=0)
            .order_by("name")
        )
        self.fields["tags"].queryset = tags
        self.fields["keep"].queryset = tags

    def clean(self):
        cleaned = super().clean()
        tags, keep = cleaned.get("tags"), cleaned.get("keep")
        if tags is not None and keep is not None:
            if keep not in tags:
                raise ValidationError(_("Het trefwoord dat blijft moet een van de gekozen zijn."))
            if len(tags) < 2:
                raise ValidationError(_("Kies ten minste twee trefwoorden om samen te voegen."))
        return cleaned


def merge_tags_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(MERGE_TAGS_PERMISSION):
        raise PermissionDenied
    form = TagMergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = merge_tags(
                user=request.user,
                tags=list(form.cleaned_data["tags"]),
                keep=form.cleaned_data["keep"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "%(merged)s samengevoegd met ‘%(kept)s’. Praktijkvoorbeelden met een van "
                    "deze trefwoorden: %(cases)s."
                )
                % {
                    "merged": ", ".join(f"‘{name}’" for name in report.merged),
                    "kept": report.kept.name,
                    "cases": report.cases,
                },
            )
            return redirect("case_tags_merge")
    return TemplateResponse(
        request,
        "cases/admin/merge_tags.html",
        {
            "form": form,
            "page_title": _("Trefwoorden samenvoegen"),
            "header_title": _("Trefwoorden samenvoegen"),
            "header_icon": "tag",
        },
    )


# --- Cases to check ("Te controleren") ------------------------------------------------------

REVIEW_QUEUE_PER_PAGE = 50


def review_queue_view(request: HttpRequest) -> HttpResponse:
    """Live cases nobody checked for `CASE_REVIEW_AFTER_DAYS` days, the longest unchecked
    first, each with a button "Gecontroleerd". Editors only."""
    if not is_editor(request.user):
        raise PermissionDenied  # Wagtail's refusal: back to the dashboard with a message
    cases = (
        cases_due_for_review()
        .select_related("space")
        .only("pk", "title", "slug", "live", "last_reviewed_at", "last_published_at", "space__name")
    )
    return TemplateResponse(
        request,
        "cases/admin/review_queue.html",
        {
            "page": paginate(request, cases, per_page=REVIEW_QUEUE_PER_PAGE),
            "query_without_page": query_without_page(request),
            "review_after_days": settings.CASE_REVIEW_AFTER_DAYS,
            "page_title": _("Te controleren"),
            "header_title": _("Te controleren"),
            "header_icon": "calendar-check",
        },
    )


@require_POST
def mark_reviewed_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Gecontroleerd: nog juist", from the list or from the case's edit page."""
    if not is_editor(request.user):
        raise PermissionDenied
    case = get_object_or_404(Case, pk=pk, live=True)
    case_mark_reviewed(case=case, user=request.user)
    messages.success(
        request,
        _("‘%(title)s’ is gecontroleerd. Op de pagina staat nu de datum van vandaag.")
        % {"title": case.title},
    )
    # From the edit page the address says where to go back (its form has fields of its own).
    back = request.GET.get("next") or request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("case_review_queue")
