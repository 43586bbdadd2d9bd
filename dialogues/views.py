"""Public pages for dialogues. Every query starts from `Dialogue.objects.visible_to(user)`."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from core.pagination import paginate, query_without_page
from dialogues.exporters import XLSX_CONTENT_TYPE, export_csv_zip, export_xlsx
from dialogues.filters import StatementFilter
from dialogues.models import Cluster, Dialogue, Statement
from dialogues.selectors import dialogue_report

STATEMENTS_PER_PAGE = 50


def dialogue_list(request: HttpRequest) -> HttpResponse:
    dialogues = Dialogue.objects.visible_to(request.user)
    return render(request, "dialogues/dialogue_list.html", {"dialogues": dialogues})


def dialogue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = get_object_or_404(Dialogue.objects.visible_to(request.user), slug=slug)
    return render(request, "dialogues/dialogue_detail.html", {"report": dialogue_report(dialogue)})


def statement_list(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = get_object_or_404(Dialogue.objects.visible_to(request.user), slug=slug)
    statements = Statement.objects.filter(dialogue=dialogue).select_related("question", "cluster")
    filterset = StatementFilter(request.GET, queryset=statements.by_support())
    return render(
        request,
        "dialogues/statement_list.html",
        {
            "dialogue": dialogue,
            "filterset": filterset,
            "questions": dialogue.questions.all(),
            "clusters": Cluster.objects.filter(question__dialogue=dialogue).select_related(
                "question"
            ),
            "selected_levels": request.GET.getlist("niveau"),
            "page": paginate(request, filterset.qs, STATEMENTS_PER_PAGE),
            "query_without_page": query_without_page(request),
        },
    )


def dialogue_export(request: HttpRequest, slug: str, file_format: str) -> HttpResponse:
    """The dialogue as a workbook (.xlsx) or as a .zip of .csv files, to re-import elsewhere."""
    dialogue = get_object_or_404(Dialogue.objects.visible_to(request.user), slug=slug)
    if file_format == "xlsx":
        content, kind = export_xlsx(dialogue), XLSX_CONTENT_TYPE
    else:
        content, kind = export_csv_zip(dialogue), "application/zip"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{dialogue.slug}.{file_format}"'
    return response
