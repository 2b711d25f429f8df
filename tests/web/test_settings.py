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
