"""Settings: SQLite by default, PostgreSQL from DATABASE_URL, production refuses to start bare."""

import os
import subprocess
import sys

import pytest

from udsat.web.settings.base import database_from_environment

SECRET = "s" * 40


def _import_production(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")}
    return subprocess.run(
        [sys.executable, "-c", "import udsat.web.settings.production as p; print(p.ALLOWED_HOSTS)"],
        env={**clean, **env}, capture_output=True, text=True, timeout=60,
    )


def test_default_database_is_the_embedded_sqlite_file(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_environment()
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert str(config["NAME"]).endswith("udsat.sqlite3")


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/udsat")
    config = database_from_environment()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("udsat", "127.0.0.1", 5432)


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": SECRET}, "DJANGO_ALLOWED_HOSTS"),
        ({"DJANGO_SECRET_KEY": SECRET, "DJANGO_ALLOWED_HOSTS": "udsat.example"}, "DATABASE_URL"),
    ],
)
def test_production_refuses_to_start_without_its_environment(env, missing):
    result = _import_production(env)
    assert result.returncode != 0
    assert f"production settings need the environment variable {missing}" in result.stderr


def test_production_refuses_a_short_or_default_secret():
    result = _import_production({"DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "a",
                                 "DATABASE_URL": "postgres://x@localhost/x"})
    assert "at least 32 characters" in result.stderr


def test_production_starts_with_its_environment():
    result = _import_production({"DJANGO_SECRET_KEY": SECRET,
                                 "DJANGO_ALLOWED_HOSTS": "udsat.example, www.udsat.example",
                                 "DATABASE_URL": "postgres://x@localhost/x"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['udsat.example', 'www.udsat.example']"


def test_production_refuses_a_wildcard_host():
    result = _import_production({"DJANGO_SECRET_KEY": SECRET, "DJANGO_ALLOWED_HOSTS": "*",
                                 "DATABASE_URL": "postgres://x@localhost/x"})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must name the site's hosts; '*' is refused" in result.stderr
    result = _import_production({"DJANGO_SECRET_KEY": SECRET,
                                 "DJANGO_ALLOWED_HOSTS": "udsat.example,*.example",
                                 "DATABASE_URL": "postgres://x@localhost/x"})
    assert "'*' is refused" in result.stderr


# The environment README.md documents for `make serve` (a real secret: 50+ varied characters).
DEPLOY_ENV = {"DJANGO_SETTINGS_MODULE": "udsat.web.settings.production",
              "DJANGO_SECRET_KEY": "k7Qw-9zLx_2VbN4mR8tYp1sD6fG3hJ0cA5eU-oIiPlKjHgFdSaZx",
              "DJANGO_ALLOWED_HOSTS": "udsat.example"}


def _production(tmp_path, *arguments: str, code: str = "") -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env = {**clean, **DEPLOY_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "UDSAT_VAR_DIR": str(tmp_path)}
    command = ["-c", code] if code else ["-m", "django", *arguments]
    return subprocess.run([sys.executable, *command], env=env, capture_output=True, text=True,
                          timeout=300)


def test_check_deploy_is_clean_with_the_documented_environment(tmp_path):
    result = _production(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_sends_hsts_a_csp_and_redirects_to_https(tmp_path):
    code = ("import django; django.setup()\n"
            "from django.test import Client\n"
            "c = Client(HTTP_HOST='udsat.example')\n"
            # A view that needs no database (this one is not migrated): the language switch.
            "r = c.get('/i18n/setlang/')\n"
            "print(r.status_code, r.headers['Location'])\n"
            "r = c.get('/i18n/setlang/', secure=True)\n"
            "print(r.status_code, r.headers['Strict-Transport-Security'])\n"
            "print(r.headers['Content-Security-Policy'])\n")
    lines = _production(tmp_path, code=code).stdout.splitlines()
    assert lines[0] == "301 https://udsat.example/i18n/setlang/"
    assert lines[1] == "302 max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in lines[2] and "object-src 'none'" in lines[2]


def test_a_request_error_is_logged_to_stderr_with_its_traceback(tmp_path):
    # The database is empty (not migrated): the area list fails, as a real fault would.
    code = ("import django; django.setup()\n"
            "from django.test import Client\n"
            "c = Client(HTTP_HOST='udsat.example', raise_request_exception=False)\n"
            "print(c.get('/omraader/', secure=True).status_code)\n")
    result = _production(tmp_path, code=code)
    assert result.stdout.strip() == "500"
    assert "ERROR django.request: Internal Server Error: /omraader/" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr
    assert "no such table" in result.stderr


def test_admins_come_from_the_environment():
    result = _import_production({"DJANGO_SECRET_KEY": SECRET, "DJANGO_ALLOWED_HOSTS": "a",
                                 "DATABASE_URL": "postgres://x@localhost/x",
                                 "DJANGO_ADMINS": "Ada Lund <ada@example.org>, bo@example.org"})
    assert result.returncode == 0, result.stderr
    code = ("import udsat.web.settings.production as p; print(p.ADMINS)")
    env = {**os.environ, "DJANGO_SECRET_KEY": SECRET, "DJANGO_ALLOWED_HOSTS": "a",
           "DATABASE_URL": "postgres://x@localhost/x",
           "DJANGO_ADMINS": "Ada Lund <ada@example.org>, bo@example.org"}
    shown = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                           timeout=60).stdout.strip()
    assert shown == "[('Ada Lund', 'ada@example.org'), ('bo@example.org', 'bo@example.org')]"
