"""Settings for Kennisplatform Wijkaanpak: one module, configured by environment variables.

Development is the safe default only when DEBUG=1 is set explicitly (`make run` and `make test`
do). With DEBUG off, a missing SECRET_KEY or ALLOWED_HOSTS stops start-up with a clear message.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (got {value!r}).")


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable (50+ random "
            "characters), or DEBUG=1 for local development."
        )
    # Development only: a fresh key per process; sessions do not survive a restart.
    SECRET_KEY = secrets.token_urlsafe(64)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. Set it to the site's host names, comma separated "
            "(for example ALLOWED_HOSTS=kennisplatform.example.nl)."
        )
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first, so their templates and translations win.
    "kennisplatform",
    "core",
    "textsearch",
    "spaces",
    "topics",
    "municipalities",
    "cases",
    "patterns",
    "forward",
    "dialogues",
    "connectors",
    "discussions",
    "meetings",
    "notifications",
    "accounts",
    "api",
    "search",
    "pages",
    "ops",
    "embeds",
    "opendata",
    # Wagtail: the editors' back office.
    "wagtail.contrib.settings",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Accounts: sign-up, login, e-mail addresses, two-factor (accounts/, docs in the README).
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before everything that reads the session: a kept anonymous page skips all of it.
    "core.pagecache.AnonymousPageCacheMiddleware",
    "kennisplatform.compression.SafeGZipMiddleware",  # below WhiteNoise: see its docstring
    "kennisplatform.middleware.SecurityHeadersMiddleware",
    "api.middleware.ApiHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kennisplatform.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.EditorTwoFactorMiddleware",
    "kennisplatform.middleware.UserDependentCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Whole pages for anonymous visitors from the cache, under the content state token
# (core/pagecache.py). Off in development, where a changed template must show at once.
PAGE_CACHE = env_bool("PAGE_CACHE", not DEBUG)

ROOT_URLCONF = "kennisplatform.urls"
WSGI_APPLICATION = "kennisplatform.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kennisplatform.context_processors.site",
                "embeds.context_processors.alternates",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default lives in var/
    # One connection per request is right for SQLite; WAL lets readers and a writer coexist.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler spends 100-400 ms compiling the plan of a search over many
    # rows, more than it saves on queries of this size (measured with make bench-search).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits (the contact form's) must hold across worker processes and servers, so their
# counters never live in process memory: in Redis when there is one, else in a database table
# that a migration creates (connectors/migrations/0003_ratelimit_cache_table.py).
RATELIMIT_CACHE_TABLE = "kennisplatform_ratelimit"
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        },
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "ratelimit",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": RATELIMIT_CACHE_TABLE,
        },
    }

# How many reverse proxies (load balancer, nginx) stand before the site and append to
# X-Forwarded-For. 0: the client is REMOTE_ADDR and X-Forwarded-For is ignored (anyone can
# send it). N: the client is the Nth address from the right of X-Forwarded-For.
try:
    TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT") or "0")
except ValueError:
    TRUSTED_PROXY_COUNT = -1
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be a whole number, 0 or more.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# One account system for the site and the back office: everyone logs in at /account/login/
# (django-allauth), by e-mail address, with rate limits; editors with a second step (TOTP).
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "mijn"
WAGTAILADMIN_LOGIN_URL = "account_login"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "add_email": "accounts.forms.AddEmailForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = (
    False  # a button, so that mail scanners following links confirm nothing
)
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kennisplatform Wijkaanpak] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_RATE_LIMITS = {
    # Wrong passwords: 5 per account per 15 minutes, and 10 a minute from one address. While
    # either limit holds, even the right password is refused (accounts/tests/test_login.py).
    "login_failed": "10/m/ip,5/15m/key",
    "login": "30/m/ip",
    "signup": "5/m/ip,20/h/ip",
    "reset_password": "5/m/ip,3/15m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "5/m/user",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kennisplatform Wijkaanpak"
MFA_PASSKEY_LOGIN_ENABLED = False
# Editors (core.access.is_editor, staff, back-office access) must set up two-factor
# authentication before anything else (accounts/middleware.py).
ACCOUNTS_EDITOR_MFA_REQUIRED = env_bool("ACCOUNTS_EDITOR_MFA_REQUIRED", True)

# Language: Dutch first, English selectable.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# The language switch's cookie: one year, only sent with same-site requests and top-level
# navigation, never read by script.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Security. Production values are the default; DEBUG relaxes only what needs HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # SECURE_COOKIES=0 only for plain HTTP on this machine (`make serve`); never behind TLS.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env_bool(
        "SECURE_COOKIES", True
    )
# A load balancer probes the health check over plain HTTP (ops/health.py).
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@kennisplatform-wijkaanpak.nl")

# Production: JSON lines on stdout (ops/logging.py); development: plain text on stderr.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "ops.logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"}
        if LOG_FORMAT == "text"
        else {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        app: {"level": os.environ.get("LOG_LEVEL", "INFO")}
        for app in (
            *("kennisplatform", "cases", "dialogues", "connectors", "search", "api", "ops"),
            *("spaces", "topics", "municipalities", "accounts"),
        )
    },
}

# Background work (django-tasks): search indexing after a save, off the request path.
# Production: the database backend with `python manage.py db_worker` as a second process.
# Development and tests (DEBUG=1): run at once, in the request.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get("TASKS_BACKEND", "immediate" if DEBUG else "database")
if _task_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_task_backend]}}

# Site
SITE_NAME = "Kennisplatform Wijkaanpak"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Cases: a live case not checked for this many days is on the editors' list "Te controleren"
# (a Django setting, not a Wagtail setting: cases stand below `pages`, which holds those).
CASE_REVIEW_AFTER_DAYS = int(os.environ.get("CASE_REVIEW_AFTER_DAYS") or "365")
if CASE_REVIEW_AFTER_DAYS < 1:
    raise ImproperlyConfigured("CASE_REVIEW_AFTER_DAYS must be a whole number of days, 1 or more.")

# Wagtail (the editors' back office at /beheer/)
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "textsearch.backends",
        # We index Dutch search terms already stemmed in Python (textsearch/analysis.py), so that
        # SQLite and PostgreSQL find the same; PostgreSQL must leave them as they are.
        "SEARCH_CONFIG": "simple",
        "AUTOCOMPLETE_SEARCH_CONFIG": "simple",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # every download passes our visibility hook
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no editor's e-mail hash goes to a third party
# Passwords and e-mail addresses change through the accounts pages (rate-limited, verified),
# not through the back office's own forms.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
TAGGIT_CASE_INSENSITIVE = True

# REST API (the Dutch API Design Rules)
API_VERSION = "1.0.0"
API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "core.api.LinkPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kennisplatform Wijkaanpak API",
    "DESCRIPTION": (
        "Leesbare API van het Kennisplatform Wijkaanpak: praktijkvoorbeelden, thema's, "
        "gemeenten en dialogen. Anonieme aanroepen zien precies wat een anonieme bezoeker "
        "van de site ziet.\n\n"
        "Bijhouden: elke bron heeft gewijzigdOp, elke lijst neemt gewijzigdSinds en sorteer. "
        "Elk antwoord heeft een ETag; stuur die terug in If-None-Match en u krijgt 304 zolang "
        "er niets veranderde. Last-Modified (en If-Modified-Since) alleen bij een "
        "praktijkvoorbeeld, dialoog of ruimte. Let op: gewijzigdSinds vertelt niet wat sindsdien "
        "is verwijderd of verborgen; haal daarvoor af en toe de hele lijst op."
    ),
    "VERSION": API_VERSION,
    "CONTACT": {
        "name": "Redactie Kennisplatform Wijkaanpak",
        "url": f"{SITE_URL}/api/v1/docs",
        "email": "api@kennisplatform-wijkaanpak.nl",
    },
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    # Relative: the API answers where the document was fetched from (api/schema.py).
    "SERVERS": [{"url": "/api/v1", "description": "Kennisplatform Wijkaanpak"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["api.schema.only_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.problems_and_version_header",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    # Several resources have a `soort`, each with its own values.
    "ENUM_NAME_OVERRIDES": {"DiscussionSoortEnum": "discussions.models.Discussion.Kind"},
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
