"""The admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): PDF by content only.

A module of its own because Wagtail's document forms cannot be imported while models load.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from udsat.web.reports.uploads import check_pdf_file, safe_stored_name


class ReportDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing anything that is not a PDF by content."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            if not file.name.lower().endswith(".pdf"):
                raise ValidationError(_("Kun PDF-filer kan uploades."))
            check_pdf_file(file)
            file.name = safe_stored_name(file.name)
        return file
