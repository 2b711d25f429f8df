"""The data managers' import page in the Wagtail admin: upload, read the report, confirm.

The web may not import ``udsat.ingest`` (the layers contract), so the page runs the same
``udsat import KIND FILE --json`` command a data manager would type, as a subprocess: first
with ``--dry-run`` (validation report and what would change), then, after confirmation,
for real. The uploaded file waits between the two steps in a private temporary directory.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

LOAD_PERMISSION = "data.add_loadbatch"  # held by the "Data managers" group and superusers
MAX_UPLOAD_BYTES = 100 * 1024 * 1024
# The import page waits for the command inside the request (imports do not yet run in the
# background): gunicorn's timeout (gunicorn_config, 330 s) is longer, so the page always gets
# the command's report - or its timeout - rather than a killed worker and a 500.
COMMAND_TIMEOUT_SECONDS = 300
SESSION_KEY = "udsat_pending_imports"
KINDS = [
    ("tidy", _("Tidy CSV (område, indikator, periode, værdi, enhed, kilde, fravær)")),
    ("beboerdata", _("Landsbyggefondens Beboerdata (XLSX eller CSV)")),
    ("ministry-list", _("Ministeriets årlige listetabel (XLSX eller CSV)")),
    ("statistikbanken-json", _("Statistikbanken-tabel, JSON-stat 2.0")),
    ("statistikbanken-px", _("Statistikbanken-tabel, PX")),
]


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Filtype"), choices=KINDS)
    file = forms.FileField(label=_("Fil"))
    source_url = forms.URLField(label=_("Hvor den er offentliggjort (URL)"), required=False,
                                 assume_scheme="https")
    indicator = forms.CharField(label=_("Indikator-id (kun Statistikbanken-tabeller)"),
                                required=False, max_length=80)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Filen er større end %(mb)d MB.")
                                        % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)})
        return upload


UPLOAD_PREFIX = "udsat-upload-"
STALE_UPLOAD_SECONDS = 24 * 3600  # an upload never confirmed is removed after a day


def remove_stale_uploads(now: float | None = None) -> int:
    """Remove upload directories left unconfirmed for a day (a session that never came back)."""
    now = time.time() if now is None else now
    removed = 0
    for directory in Path(tempfile.gettempdir()).glob(UPLOAD_PREFIX + "*"):
        try:
            stale = now - directory.stat().st_mtime > STALE_UPLOAD_SECONDS
        except OSError:
            continue
        if stale and directory.is_dir():
            shutil.rmtree(directory, ignore_errors=True)
            removed += 1
    return removed


def can_load_data(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(LOAD_PERMISSION))


def run_udsat(arguments: list[str]) -> tuple[int, str]:
    """Run ``udsat ARGUMENTS`` with this site's settings; (exit code, standard output)."""
    completed = subprocess.run(
        [sys.executable, "-m", "udsat.cli", *arguments], capture_output=True, text=True,
        timeout=COMMAND_TIMEOUT_SECONDS, check=False,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE},
    )
    return completed.returncode, completed.stdout


def _safe_name(name: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).name).strip(".-")
    return stem[:120] or "upload"


def _command(pending: dict, dry_run: bool, user) -> list[str]:
    arguments = ["import", pending["kind"], pending["path"], "--json",
                 "--loaded-by", user.get_username()]
    if pending["source_url"]:
        arguments += ["--source-url", pending["source_url"]]
    if pending["indicator"]:
        arguments += ["--indicator", pending["indicator"]]
    return [*arguments, "--dry-run"] if dry_run else arguments


def _report(arguments: list[str]) -> dict:
    try:
        code, output = run_udsat(arguments)
    except subprocess.TimeoutExpired:
        code, output = -1, ""
    try:
        report = json.loads(output.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        report = {"ok": False, "problems": [{"text": _("Importkommandoen fejlede uden en "
                                                     "rapport (exitkode %(code)s).")
                                             % {"code": code}}]}
    report["exit_code"] = code
    report["changes"] = _changes((report.get("load") or {}).get("counts", {}))
    return report


def _changes(counts: dict[str, int]) -> list[dict]:
    """Per table: how many rows are new, revised and unchanged."""
    tables = dict.fromkeys(k.rsplit("_", 1)[0] for k in counts if k != "areas_known")
    return [{"table": t, "new": counts.get(f"{t}_new", 0),
             "revised": counts.get(f"{t}_revised", 0),
             "unchanged": counts.get(f"{t}_unchanged", 0)} for t in tables]


def import_data(request):
    """Step 1 (GET/POST upload): the form, then the dry-run report. Step 2 (POST confirm)."""
    if not can_load_data(request.user):
        raise PermissionDenied
    pending_all = request.session.get(SESSION_KEY, {})
    if request.method == "POST" and "confirm" in request.POST:
        pending = pending_all.pop(request.POST.get("token", ""), None)
        request.session[SESSION_KEY] = pending_all
        if pending is None:
            return render(request, "data/import.html", {
                "form": UploadForm(), "expired": True})
        try:
            report = _report(_command(pending, dry_run=False, user=request.user))
        finally:
            shutil.rmtree(Path(pending["path"]).parent, ignore_errors=True)
        return render(request, "data/import.html", {"form": UploadForm(), "report": report,
                                                    "loaded": True})
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "data/import.html", {"form": form})
    remove_stale_uploads()
    directory = Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX))
    try:
        path = directory / _safe_name(form.cleaned_data["file"].name)
        with path.open("wb") as handle:
            for chunk in form.cleaned_data["file"].chunks():
                handle.write(chunk)
        pending = {"kind": form.cleaned_data["kind"], "path": str(path),
                   "source_url": form.cleaned_data["source_url"],
                   "indicator": form.cleaned_data["indicator"].strip()}
        report = _report(_command(pending, dry_run=True, user=request.user))
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)  # temporary files go on every path
        raise
    token = ""
    if report.get("ok") and report.get("load") and not report["load"].get("already_loaded"):
        # One upload waits per session: an earlier one left unconfirmed is discarded.
        for earlier in pending_all.values():
            shutil.rmtree(Path(earlier["path"]).parent, ignore_errors=True)
        token = secrets.token_urlsafe(16)
        request.session[SESSION_KEY] = {token: pending}
    else:
        shutil.rmtree(directory, ignore_errors=True)
    return render(request, "data/import.html", {"form": UploadForm(), "report": report,
                                                "token": token})
