"""Safe uploads: a report document must be a real PDF (by content, not by name), not too
large, and stored under a name we make ourselves.

``WAGTAILDOCS_EXTENSIONS = ["pdf"]`` only checks the name; ``pdf_problem`` reads the bytes.
``documents.ReportDocumentForm`` is Wagtail's document form with these checks
(``WAGTAILDOCS_DOCUMENT_FORM_BASE``), so every upload path in the admin goes through them.
"""

from __future__ import annotations

import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_HEADER = re.compile(rb"^%PDF-[12]\.\d")
# A PDF ends with "startxref <offset> %%EOF" (ISO 32000-1, 7.5.5); incremental updates may
# append a few bytes of whitespace, so look at the tail rather than the very last bytes.
_TRAILER = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TAIL_BYTES = 2048


def max_upload_bytes() -> int:
    return int(getattr(settings, "UDSAT_MAX_DOCUMENT_BYTES", DEFAULT_MAX_BYTES))


def pdf_problem(head: bytes, tail: bytes, size: int) -> str | None:
    """Why these bytes are not a plausible PDF, or None. ``head``/``tail``: first/last KiB."""
    if not _HEADER.match(head):
        return _("Filen er ikke en PDF: den begynder ikke med %PDF-.")
    match = _TRAILER.search(tail)
    if match is None:
        return _("Filen er ikke en hel PDF: slutningen (startxref og EOF-mærket) mangler.")
    if int(match.group(1)) >= size:
        return _("Filen er ikke en gyldig PDF: krydsreferencen peger uden for filen.")
    if b"obj" not in head and b"obj" not in tail:
        return _("Filen er ikke en gyldig PDF: den indeholder ingen objekter.")
    return None


def check_pdf_file(file) -> None:
    """Raise ValidationError unless ``file`` (an uploaded or stored file) is a PDF in size."""
    size = file.size
    if size > max_upload_bytes():
        limit_mb = max_upload_bytes() // (1024 * 1024)
        raise ValidationError(_("Filen er for stor: højst %(mb)s MB.") % {"mb": limit_mb})
    file.seek(0)
    head = file.read(1024)
    file.seek(max(0, size - _TAIL_BYTES))
    tail = file.read(_TAIL_BYTES)
    file.seek(0)
    problem = pdf_problem(head, tail, size)
    if problem:
        raise ValidationError(problem)


def safe_stored_name(original: str) -> str:
    """A stored name we choose: a slug of the original stem plus a random token, ``.pdf``."""
    stem = original.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem[:-4] if stem.lower().endswith(".pdf") else stem
    slug = slugify(stem)[:60] or "rapport"
    return f"{slug}-{secrets.token_hex(4)}.pdf"


def validate_report_document(document) -> None:
    """The page-level check: a chosen document must be a PDF by content as well."""
    if not document.file.name.lower().endswith(".pdf"):
        raise ValidationError({"document": _("Rapporten skal være en PDF.")})
    try:
        with document.open_file() as handle:
            check_pdf_file(handle)
    except ValidationError as exc:
        raise ValidationError({"document": exc.messages}) from exc
    except OSError as exc:
        raise ValidationError({"document": _("Filen kan ikke læses.")}) from exc
