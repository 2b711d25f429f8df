"""While a long SQLite load holds the write lock, a request that must write is told so (503)."""

import os
import tempfile

from django.db import OperationalError
from django.test import RequestFactory
from django.utils import translation

from udsat.web.data.uploads import STALE_UPLOAD_SECONDS, UPLOAD_PREFIX, remove_stale_uploads
from udsat.web.database_busy import DatabaseBusyMiddleware


def test_a_locked_database_answers_503_with_retry_after_and_a_message():
    middleware = DatabaseBusyMiddleware(lambda request: None)
    request = RequestFactory().post("/admin/login/")
    with translation.override("da"):
        response = middleware.process_exception(request, OperationalError("database is locked"))
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "optaget af en dataindlæsning" in response.content.decode()
    # Any other database fault stays a fault (500, logged with its traceback).
    assert middleware.process_exception(request, OperationalError("disk I/O error")) is None


def test_uploads_left_unconfirmed_for_a_day_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    old, new = tmp_path / f"{UPLOAD_PREFIX}old", tmp_path / f"{UPLOAD_PREFIX}new"
    for directory in (old, new):
        directory.mkdir()
        (directory / "file.csv").write_text("x")
    now = new.stat().st_mtime
    os.utime(old, (now - STALE_UPLOAD_SECONDS - 1, now - STALE_UPLOAD_SECONDS - 1))
    assert remove_stale_uploads(now) == 1
    assert not old.exists() and new.exists()
