"""Site-wide response headers: Content-Security-Policy, framing, caching and language."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

ADMIN_PREFIX = "/beheer/"

# The public site uses no inline script or style, and no page may be framed.
SITE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# The back office (Wagtail). Its templates set style attributes, so styles may be inline.
# Scripts: the pages that anyone can open (login, password reset) run Wagtail's files only;
# for signed-in editors Wagtail 8's inline panels, choosers and date fields start themselves
# with small inline scripts, so those pages allow inline script (still no other origin).
_ADMIN_CSP = (
    "default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
ADMIN_CSP_ANONYMOUS = _ADMIN_CSP.format(scripts="'self'")
ADMIN_CSP = _ADMIN_CSP.format(scripts="'self' 'unsafe-inline'")


def is_preview(request) -> bool:
    """A response that Wagtail shows in its preview panel, which is an iframe in the back office.

    Wagtail renders a preview by sending a made-up request for the public page through the
    whole middleware chain (marked `is_dummy`), inside the back office's preview view.
    """
    if getattr(request, "is_dummy", False):
        return True
    match = getattr(request, "resolver_match", None)
    return (
        request.path.startswith(ADMIN_PREFIX)
        and match is not None
        and "preview" in (match.url_name or "")
    )


class SecurityHeadersMiddleware:
    """CSP and framing: nothing may be framed, except a preview by the back office itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            user = getattr(request, "user", None)
            signed_in = user is not None and user.is_authenticated
            response.setdefault(
                "Content-Security-Policy", ADMIN_CSP if signed_in else ADMIN_CSP_ANONYMOUS
            )
        else:
            response.setdefault("Content-Security-Policy", SITE_CSP)
        if is_preview(request):
            response["Content-Security-Policy"] = response["Content-Security-Policy"].replace(
                "frame-ancestors 'none'", "frame-ancestors 'self'"
            )
            response["X-Frame-Options"] = "SAMEORIGIN"
        # Everything else keeps DENY from Django's XFrameOptionsMiddleware (X_FRAME_OPTIONS).
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


class UserDependentCacheMiddleware:
    """A response for a signed-in user may show what others may not see: never store it.

    Anonymous pages vary on the cookie as well, so that no shared cache serves one visitor's
    page to another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] += ", private"
        patch_vary_headers(response, ("Cookie",))
        return response


class LanguageMiddleware:
    """Dutch unless the visitor chose English with the language switch.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: many Dutch
    professionals have an English browser and expect a Dutch site with Dutch content.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response
