"""Settings shared by every environment. SQLite by default; PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

WEB_DIR = Path(__file__).resolve().parent.parent
# Project checkout (src/udsat/web/settings -> four levels up); var/ holds the demo database.
BASE_DIR = WEB_DIR.parents[2]
VAR_DIR = Path(os.environ.get("UDSAT_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "udsat.web.data",
    "udsat.web.areas",
    "udsat.web.layout",
    "udsat.web.reports",
    "udsat.web.evaluation",
    "udsat.web.api",
    "rest_framework",
    "drf_spectacular",
    "udsat.web.access",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compressed responses; ETag/If-None-Match -> 304 (after gzip: its ETag is the content's).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # After the locale: a refusal is worded in the page's language.
    "udsat.web.query_parameters.QueryParameterMiddleware",
    # A write that meets SQLite's lock during a long data load: 503 and a message, not 500.
    "udsat.web.database_busy.DatabaseBusyMiddleware",
    # Inside the CSP and security middlewares: a page from the cache still gets their headers.
    "udsat.web.page_cache.AnonymousPageCacheMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "udsat.web.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "udsat.web.wsgi.application"


# SQLite's default page cache is 2 MB; a bundle of a million figures updates indexes far
# larger than that, and a bigger cache (64 MB) keeps those inserts off the disk. WAL lets the
# site keep reading while a bundle loads.
SQLITE_OPTIONS = {
    "timeout": 10,  # seconds a write waits for a running load before "database is locked"
    "init_command": "PRAGMA cache_size=-65536; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_from_environment() -> dict:
    """PostgreSQL (or any) from DATABASE_URL; else the embedded SQLite file under var/."""
    url = os.environ.get("DATABASE_URL")
    config = (
        dj_database_url.parse(url, conn_max_age=60) if url
        else {"ENGINE": "django.db.backends.sqlite3", "NAME": VAR_DIR / "udsat.sqlite3"}
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


DATABASES = {"default": database_from_environment()}

# "pages": rendered anonymous pages (udsat.web.page_cache), per gunicorn worker; a data load
# or a page publish changes the key, so nothing stale is ever served.
UDSAT_PAGE_CACHE = True
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
              "TIMEOUT": 3600, "OPTIONS": {"MAX_ENTRIES": 5000}},
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Danish first, English second. Danish URLs carry no prefix; English live under /en/.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Copenhagen"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [WEB_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

WAGTAIL_SITE_NAME = "udsat"
WAGTAILADMIN_BASE_URL = os.environ.get("UDSAT_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Danish full-text search (stemming: "rapporterne" finds "rapport") on PostgreSQL.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "danish"
# Report documents: PDF only, checked by content and size (udsat.web.reports.uploads).
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# Documents go through Wagtail's serve view, never a direct media URL: its hook keeps the
# documents of unpublished reports private (udsat.web.access.documents).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "udsat.web.reports.documents.ReportDocumentForm"
UDSAT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

LOGIN_URL = "wagtailadmin_login"

# Login throttling (django-axes): after 5 failed logins for one user name from one address,
# that pair is locked out for an hour, even with the right password. Attempts are kept in
# the database, so every gunicorn worker sees them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site
# only; the pages use no inline script (chart data travels as JSON in json_script blocks,
# which are not executed). Inline style attributes are allowed for the bar widths. The
# Wagtail admin is left out: its editors load their own inline scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# The open-data API (udsat.web.api): read-only, anonymous, OpenAPI 3 by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "URL_FORMAT_OVERRIDE": "format",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "udsat API",
    "DESCRIPTION": "Read-only open data on Denmark's vulnerable social-housing areas.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
    "PREPROCESSING_HOOKS": ["udsat.web.api.schema.only_api_endpoints"],
}
