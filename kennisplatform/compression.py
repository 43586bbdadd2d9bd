"""Gzip for HTML, JSON and XML responses to anonymous GET requests, outside the back office.

BREACH: when a compressed response reflects attacker-chosen text (a search query) next to a
secret, the compressed length leaks the secret a byte at a time. What we compress, and why:

- Never for a signed-in user: their pages and API answers may show what others may not see.
- Never in the back office (/beheer/, its login page included): editors' forms and tokens.
- Only GET and HEAD: a form re-rendered after a POST reflects what was typed into it.
- Never a response that carries a CSRF token (a form: login, sign-up, contact): Django sends
  its CSRF cookie with every response that used the token, and such a response is sent as it
  is. Anonymous public pages carry no token (the language switch is a GET form) and hold
  nothing secret: an anonymous visitor sees only what every visitor sees.
- Static files are compressed ahead of time by WhiteNoise (gzip and brotli); this middleware
  sits below WhiteNoise so that those responses never pass through it. Downloads (documents,
  images) are not of the types below and pass unchanged.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

from kennisplatform.middleware import ADMIN_PREFIX

COMPRESSED_TYPES = ("text/html", "application/json", "application/problem+json", "application/xml")


class SafeGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not self.is_safe(request, response):
            return response
        return super().process_response(request, response)

    @staticmethod
    def is_safe(request, response) -> bool:
        if request.method not in ("GET", "HEAD") or request.path.startswith(ADMIN_PREFIX):
            return False
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in COMPRESSED_TYPES:
            return False
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return False  # the page holds a form's secret token (Django sends its cookie)
        user = getattr(request, "user", None)
        return user is None or not user.is_authenticated
