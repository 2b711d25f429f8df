"""Production: secrets and hosts come from the environment, and nothing starts without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"production settings need the environment variable {name}")
    return value


SECRET_KEY = required("DJANGO_SECRET_KEY")
if SECRET_KEY == "dev-only-not-secret" or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be a real secret of at least 32 characters")
ALLOWED_HOSTS = [h.strip() for h in required("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
if any("*" in host for host in ALLOWED_HOSTS):
    # A wildcard lets any Host header through: password-reset links and absolute URLs
    # could then point at an attacker's host. Name the site's hosts.
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the site's hosts; '*' is refused")
required("DATABASE_URL")  # production never falls back to the embedded SQLite file
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]
DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS only. Behind a proxy that already redirects to HTTPS (and sets X-Forwarded-Proto),
# UDSAT_SSL_REDIRECT=0 leaves the redirect to the proxy.
SECURE_SSL_REDIRECT = os.environ.get("UDSAT_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = int(os.environ.get("UDSAT_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("UDSAT_HSTS_SUBDOMAINS", "1") != "0"
SECURE_HSTS_PRELOAD = os.environ.get("UDSAT_HSTS_PRELOAD", "1") != "0"


def admins(text: str) -> list[tuple[str, str]]:
    """DJANGO_ADMINS "Ada <ada@example.org>, bo@example.org" -> [(name, address), ...]."""
    found = []
    for entry in filter(None, (e.strip() for e in text.split(","))):
        name, _, address = entry.rpartition("<")
        address = address.rstrip(">").strip()
        found.append((name.strip() or address, address))
    return found


# Who is mailed a request error's traceback (with EMAIL_HOST set); always also on stderr.
ADMINS = admins(os.environ.get("DJANGO_ADMINS", ""))
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "udsat@localhost")
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")

# Errors are seen: every log line goes to stderr (gunicorn's and the service manager's
# journal keep it): request errors with their tracebacks, and the data loads ("udsat").
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"production": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr",
                   "formatter": "plain"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR",
                        "filters": ["production"]},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["stderr", "mail_admins"], "level": "WARNING",
                           "propagate": False},
        "udsat": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "axes": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
