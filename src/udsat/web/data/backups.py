"""Backup and restore: the database and the uploaded documents in one archive.

One ``.tar.gz`` holds ``backup.json`` (what, when, from which engine, the sha256 of every
member), the database - SQLite through its online backup API (a consistent copy while the
site runs), PostgreSQL through ``pg_dump --format=custom`` - and ``media/``, the uploaded
documents and images, which no database dump contains. Restore checks every checksum
before it touches anything, then replaces the database and the media directory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

FORMAT = 1
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"


class BackupError(RuntimeError):
    """The archive cannot be made or restored; the message says why."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups cover SQLite and PostgreSQL, not {vendor}")
    return vendor


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": str(db["NAME"]), "PGUSER": str(db.get("USER") or ""),
           "PGHOST": str(db.get("HOST") or ""), "PGPORT": str(db.get("PORT") or "")}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return {k: v for k, v in env.items() if v}


def _dump_database(directory: Path) -> Path:
    if _engine() == "sqlite":
        target = directory / SQLITE_MEMBER
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # consistent even while others write
        finally:
            copy.close()
        return target
    target = directory / POSTGRES_MEMBER
    result = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target)],
                            env=_pg_env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return target


def backup(out: Path) -> Path:
    """Write ``udsat-backup-<UTC time>.tar.gz`` into ``out``; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    archive = out / f"udsat-backup-{stamp}.tar.gz"
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="udsat-backup-") as tmp:
        database = _dump_database(Path(tmp))
        files = {database.name: _sha256(database)}
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                files["media/" + path.relative_to(media).as_posix()] = _sha256(path)
        manifest = Path(tmp) / "backup.json"
        manifest.write_text(json.dumps({
            "format": FORMAT, "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "engine": _engine(), "files": files}, indent=2))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest, "backup.json")
            tar.add(database, database.name)
            if media.is_dir():
                tar.add(media, "media")
        partial.rename(archive)  # never a half-written archive under the final name
    return archive


def restore(archive: Path) -> dict:
    """Replace the database and the media directory with the archive's; return its manifest."""
    if not archive.is_file():
        raise BackupError(f"{archive}: no such file")
    with tempfile.TemporaryDirectory(prefix="udsat-restore-") as tmp:
        root = Path(tmp)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(root, filter="data")  # no absolute paths, links or devices
            manifest = json.loads((root / "backup.json").read_text())
        except (tarfile.TarError, OSError, ValueError) as exc:
            raise BackupError(f"{archive}: not a udsat backup ({exc})") from None
        if manifest.get("format") != FORMAT or manifest.get("engine") != _engine():
            raise BackupError(f"{archive}: a {manifest.get('engine')} backup cannot be "
                              f"restored into {_engine()}")
        for name, digest in manifest["files"].items():
            member = root / name
            if not member.is_file() or _sha256(member) != digest:
                raise BackupError(f"{archive}: {name} is missing or damaged; nothing restored")
        _restore_database(root)
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        if (root / "media").is_dir():
            shutil.copytree(root / "media", media)
        else:
            media.mkdir(parents=True, exist_ok=True)
    return manifest


def _restore_database(root: Path) -> None:
    if _engine() == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(root / SQLITE_MEMBER)
        try:
            source.backup(connection.connection)  # page by page, in place
        finally:
            source.close()
        return
    connection.close()  # pg_restore --clean drops what this connection may hold
    result = subprocess.run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
         "--dbname", _pg_env()["PGDATABASE"], str(root / POSTGRES_MEMBER)],
        env=_pg_env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()[:2000]}")
