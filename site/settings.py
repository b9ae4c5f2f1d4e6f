"""Settings for Meidän Häme, read from the environment (see README.md)."""

import os
import sys
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# The test suite runs with TESTING on, whether started by `make test` or by plain pytest.
TESTING = env_bool("TESTING", default="pytest" in sys.modules)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-do-not-use-in-production"
    else:
        raise ImproperlyConfigured(
            "The SECRET_KEY environment variable is required when DEBUG is off. "
            "Set SECRET_KEY to a long random string (or DEBUG=1 for local development)."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", BASE_URL)

# How many proxies of our own (nginx, a load balancer) stand in front of the app and append to
# X-Forwarded-For. 0: the header is ignored and REMOTE_ADDR is the client (core/net.py).
try:
    TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
except ValueError:
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT must be a whole number: how many proxies of your own append to "
        "X-Forwarded-For (1 behind one nginx, 0 with none)."
    ) from None

# Downloading sources (sources/fetch.py): addresses in private networks (loopback, 10/8, …)
# are refused unless this is on, for tests and intranet deployments; every wait gives up after
# SOURCES_TIMEOUT seconds and no document may pass SOURCES_MAX_BYTES, compressed or not.
SOURCES_ALLOW_PRIVATE_NETWORKS = env_bool("SOURCES_ALLOW_PRIVATE_NETWORKS", default=False)
SOURCES_TIMEOUT = float(os.environ.get("SOURCES_TIMEOUT", "10"))
SOURCES_MAX_BYTES = 5 * 1024 * 1024

INSTALLED_APPS = [
    "home",
    "api",
    "catalogue",
    "funding",
    "associations",
    "lending",
    "board",
    "practices",
    "surveys",
    "sources",
    "crisis",
    "reports",
    "accounts",
    "calendars",
    "core",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "recurrence",
    # Its templates and static files serve the API documentation without an outside CDN.
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First, so that every response gets the CSP, including those made by other middleware.
    "meidanhame.security.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Answers repeated calendar feed requests from the cache, before sessions, locale and Wagtail.
    "calendars.middleware.CachedFeedMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database outage becomes a 503 page instead of a 500 (site/middleware.py).
    "meidanhame.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "meidanhame.urls"
WSGI_APPLICATION = "meidanhame.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite file by default so that `make run` needs nothing installed; PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if not IS_POSTGRES:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # SQLite: wait for a writer instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Errors become cache misses: the site keeps serving while Redis is down.
            "BACKEND": "meidanhame.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "meidanhame",
            "TIMEOUT": 60 * 60 * 6,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "meidanhame",
            "TIMEOUT": 60 * 60 * 6,
            # The default 300 keys would evict feeds among the thousands of cached event blocks.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL.startswith(("smtp://", "smtps://", "submission://")):
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or (465 if _email.scheme == "smtps" else 587)
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_SSL = _email.scheme == "smtps"
    EMAIL_USE_TLS = _email.scheme == "submission"
elif EMAIL_URL.startswith("file://"):
    # Each message as a file in a folder (used by the browser tests to follow emailed links).
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = EMAIL_URL.removeprefix("file://")
elif EMAIL_URL.startswith("locmem://"):
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Meidän Häme <noreply@meidanhame.fi>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (README, "Background work"): every email and every slow job is a task. The
# database queue survives restarts and is shared by every app server; `manage.py run_worker`
# takes its tasks. Tests run a task as it is enqueued, unless they choose the queue
# (TASKS_BACKEND=database) to test the worker itself.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate" if TESTING else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}
# Seconds between a refused email's attempts; after the last one it is listed as failed for
# editors in the admin ("Outgoing mail"), where they can send it again.
MAIL_RETRY_DELAYS = [
    float(seconds) for seconds in env_list("MAIL_RETRY_DELAYS", "60,300,1800,7200,21600")
]
# A task still marked running after this long lost its worker (killed): `run_worker` and
# `requeue_tasks` queue its email again (sending is idempotent, so a slow one is not repeated).
TASK_LEASE_SECONDS = float(os.environ.get("TASK_LEASE_SECONDS", "600"))

# Every password login passes the login limit (accounts/login_limits.py), the Wagtail
# admin's too; its form says when the user must wait. Its password reset has the site's limit
# of emails per address. The second backend only keeps the sessions opened before the limit
# moved to accounts/ (a session names its backend); drop it once they have expired.
AUTHENTICATION_BACKENDS = [
    "accounts.login_limits.ThrottledModelBackend",
    "associations.login_limits.ThrottledModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.forms.AdminPasswordResetForm"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Finnish first, Swedish second, English third.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Helsinki"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Meidän Häme"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL full-text search stems Finnish; SQLite ignores this option.
        **({"SEARCH_CONFIG": "finnish"} if IS_POSTGRES else {}),
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# An account's address is the one confirmed at sign-up (invitations trust it); users cannot
# change it unconfirmed in the admin's account settings, editors can in the user admin.
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Views that need a login say only @login_required; the admin has its own login page.
LOGIN_URL = "accounts:login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Production hardening: HTTPS-only cookies, HSTS and redirects when DEBUG is off.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not TESTING)
    SESSION_COOKIE_SECURE = not TESTING
    CSRF_COOKIE_SECURE = not TESTING
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if not EMAIL_URL:
        EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
