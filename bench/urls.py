from django.http import HttpResponse
from django.urls import path

from kennisplatform.urls import handler404, handler500  # noqa: F401
from kennisplatform.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The baseline: a Django view that does nothing, through the same middleware."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare), *site_urlpatterns]
