"""The site's URLs plus a stand-in discussion page, for the notification tests on a branch where
the discussion pages (discussions/urls_members.py, written alongside) are not there yet. The
mails only need `Discussion.get_absolute_url()` to reverse `discussions:detail`."""

from django.http import HttpResponse
from django.urls import include, path

from kennisplatform import urls as site

stand_in = (
    [path("discussies/<int:pk>/", lambda request, slug, pk: HttpResponse(), name="detail")],
    "discussions",
)
urlpatterns = [
    path("ruimtes/<slug:slug>/", include(stand_in))
    if p.pattern.describe().startswith("'ruimtes/<slug:slug>/'")
    and getattr(p, "namespace", None) == "discussions"
    else p
    for p in site.urlpatterns
]
handler404 = site.handler404
handler500 = site.handler500
