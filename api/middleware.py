"""Headers every API response carries (the Dutch API Design Rules, docs/architecture.md)."""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.problems import PROBLEM_CONTENT_TYPE, problem_response

API_PREFIX = "/api/"


class ApiHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX):
            return response
        if response.status_code == 404 and response.get("Content-Type") != PROBLEM_CONTENT_TYPE:
            # With DEBUG on, Django answers an unknown path with its HTML page before handler404
            # is asked; the API's 404 is a problem always.
            response = problem_response(
                404, detail="Deze bron bestaat niet.", instance=request.path
            )
        response["API-Version"] = settings.API_VERSION  # /core/version-header
        response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'"
        if request.path.startswith(f"{API_PREFIX}v1/docs"):
            # The human-readable reference page loads its own script and styles.
            response["Content-Security-Policy"] = (
                "default-src 'self'; script-src 'self' 'unsafe-inline' blob:; "
                "style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src blob:; "
                "frame-ancestors 'none'"
            )
        if "HTTP_AUTHORIZATION" in request.META:
            # What a token holder sees depends on who they are: never store it anywhere.
            patch_cache_control(response, no_store=True, private=True)
        else:
            # Read-only anonymous endpoints are open to every origin (/core/transport/cors).
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "API-Version"
        patch_vary_headers(response, ("Accept", "Authorization"))
        return response
