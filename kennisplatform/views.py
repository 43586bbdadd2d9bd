"""Site-wide pages: home, error pages, robots.txt."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from api.problems import problem_response
from cases.models import Case
from topics.views import topics_with_case_counts

HOME_CASES = 3


def home(request: HttpRequest) -> HttpResponse:
    visible = Case.objects.visible_to(request.user).with_card_data().recent()
    return render(
        request,
        "home.html",
        {
            "topics": topics_with_case_counts(request.user),
            "recent_successes": visible.successes()[:HOME_CASES],
            "recent_failures": visible.failures()[:HOME_CASES],
        },
    )


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if _is_api(request):
        return problem_response(404, detail="Deze bron bestaat niet.", instance=request.path)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return problem_response(500, detail="Er ging iets mis aan onze kant.")
    return render(request, "500.html", status=500)


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /api/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
