"""Public pages for dialogues. Every query starts from `Dialogue.objects.visible_to(user)`."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _

from core.pagination import paginate, query_without_page
from dialogues.exporters import XLSX_CONTENT_TYPE, export_csv_zip, export_xlsx
from dialogues.figure_png import figure_png
from dialogues.figures import dialogue_figure, figure_csv
from dialogues.filters import StatementFilter
from dialogues.models import Cluster, Dialogue, Statement
from dialogues.selectors import SORTS, dialogue_report, facet_counts, sorted_statements

STATEMENTS_PER_PAGE = 50


def dialogue_list(request: HttpRequest) -> HttpResponse:
    dialogues = Dialogue.objects.visible_to(request.user)
    return render(request, "dialogues/dialogue_list.html", {"dialogues": dialogues})


def dialogue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = get_object_or_404(Dialogue.objects.visible_to(request.user), slug=slug)
    return render(request, "dialogues/dialogue_detail.html", {"report": dialogue_report(dialogue)})


def statement_list(request: HttpRequest, slug: str) -> HttpResponse:
    dialogue = get_object_or_404(Dialogue.objects.visible_to(request.user), slug=slug)
    statements = Statement.objects.filter(dialogue=dialogue)
    sort = request.GET.get("sorteer", "draagvlak")
    filterset = StatementFilter(
        request.GET,
        queryset=sorted_statements(statements, sort).select_related("question", "cluster"),
    )
    counts = facet_counts(statements, request.GET, StatementFilter)
    levels = [
        (value, label, counts["niveau"].get(value, 0))
        for value, label in filterset.filters["niveau"].extra["choices"]
    ]
    questions = [(q, counts["vraag"].get(q.number, 0)) for q in dialogue.questions.all()]
    clusters = [
        (c, counts["cluster"].get(c.pk, 0))
        for c in Cluster.objects.filter(question__dialogue=dialogue).select_related("question")
    ]
    return render(
        request,
        "dialogues/statement_list.html",
        {
            "dialogue": dialogue,
            "filterset": filterset,
            "levels": levels,
            "polarising_yes": counts["polariserend"].get(True, 0),
            "polarising_no": counts["polariserend"].get(False, 0),
            "questions": questions,
            "clusters": clusters,
            "sort": sort if sort in SORTS else "draagvlak",
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


def figure_download(request: HttpRequest, slug: str, figure: str, file_format: str) -> HttpResponse:
    """One figure of the report as a standalone SVG or a PNG image, or its data as CSV, to
    reuse elsewhere."""
    dialogue = get_object_or_404(Dialogue.objects.visible_to(request.user), slug=slug)
    found = dialogue_figure(dialogue, figure)
    if found is None:
        raise Http404
    if file_format == "svg":
        svg = render_to_string("dialogues/figure.svg", {"figure": found}, request)
        content = '<?xml version="1.0" encoding="UTF-8"?>\n' + svg.strip() + "\n"
        kind = "image/svg+xml"
    elif file_format == "png":
        source = _("Bron: %(site)s, dialoog ‘%(title)s’ (%(date)s), %(url)s") % {
            "site": settings.SITE_NAME,
            "title": dialogue.title,
            "date": formats.date_format(dialogue.date, "j F Y"),
            "url": request.build_absolute_uri(dialogue.get_absolute_url()),
        }
        content, kind = figure_png(found, source), "image/png"
    else:
        content, kind = "\ufeff" + figure_csv(found), "text/csv; charset=utf-8"
    response = HttpResponse(content, content_type=kind)
    name = f"{dialogue.slug}-{found.key}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
