"""Uploads are PDFs by content, within the size limit, under names we choose; rich text
never carries script onto a page."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

from udsat.web.reports.uploads import pdf_problem, safe_stored_name


def tiny_pdf() -> bytes:
    """A minimal well-formed PDF: header, two objects, xref table, trailer, startxref."""
    body = (
        b"%PDF-1.4\n"
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    )
    xref_at = len(body)
    return body + (
        b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
        b"trailer << /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    )


PDF = tiny_pdf()
HTML_AS_PDF = b"<html><script>alert(1)</script></html>"


@pytest.mark.parametrize(
    ("data", "ok"),
    [
        (PDF, True),
        (HTML_AS_PDF, False),  # a web page renamed .pdf
        (b"%PDF-1.4\n1 0 obj <<>> endobj\n", False),  # cut off: no startxref/%%EOF
        (PDF.replace(b"%PDF-1.4", b"%PDX-1.4"), False),  # wrong magic
        (b"\x89PNG\r\n\x1a\n" + PDF, False),  # a PDF glued behind a PNG header
    ],
)
def test_pdf_is_recognised_by_its_bytes_not_its_name(data, ok):
    problem = pdf_problem(data[:1024], data[-2048:], len(data))
    assert (problem is None) is ok


def test_startxref_pointing_outside_the_file_is_refused():
    broken = PDF.replace(b"startxref\n", b"startxref\n9999")  # offset 9999... > file size
    assert pdf_problem(broken[:1024], broken[-2048:], len(broken)) is not None


def test_stored_name_is_a_slug_with_a_random_token():
    name = safe_stored_name("../../etc/Rapport om <script>.PDF")
    assert name.startswith("rapport-om-script-") and name.endswith(".pdf")
    assert "/" not in name and ".." not in name
    assert safe_stored_name("x.pdf") != safe_stored_name("x.pdf")  # never overwrites


def _form(content: bytes, name: str):
    form_class = get_document_form(get_document_model())
    return form_class(
        data={"title": "Rapport", "collection": Collection.get_first_root_node().pk},
        files={"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


@pytest.mark.django_db
def test_document_form_refuses_a_non_pdf_named_pdf():
    form = _form(HTML_AS_PDF, "rapport.pdf")
    assert not form.is_valid()
    assert "file" in form.errors


@pytest.mark.django_db
def test_document_form_accepts_a_pdf_under_a_safe_name():
    form = _form(PDF, "Min rapport (endelig).pdf")
    assert form.is_valid(), form.errors
    document = form.save()
    stored = document.file.name.rsplit("/", 1)[-1]
    assert stored.startswith("min-rapport-endelig-") and stored.endswith(".pdf")


@pytest.mark.django_db
@override_settings(UDSAT_MAX_DOCUMENT_BYTES=100)
def test_document_form_refuses_a_pdf_over_the_size_limit():
    assert len(PDF) > 100  # the tiny PDF is about 300 bytes
    form = _form(PDF, "rapport.pdf")
    assert not form.is_valid()


@pytest.mark.django_db
def test_admin_upload_of_a_disguised_file_stores_nothing(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Rapport",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("rapport.pdf", HTML_AS_PDF),
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert get_document_model().objects.count() == 0


@pytest.mark.django_db
def test_report_page_refuses_a_stored_document_that_is_not_a_pdf(make_report):
    # A document that bypassed the form (e.g. created in a shell) is still caught on the page.
    document = get_document_model().objects.create(
        title="Falsk", file=SimpleUploadedFile("falsk.pdf", HTML_AS_PDF)
    )
    page = make_report()
    page.document = document
    with pytest.raises(ValidationError):
        page.full_clean()


@pytest.mark.django_db
def test_script_in_rich_text_never_reaches_the_page(client, make_report):
    page = make_report(
        summary=(
            '<p onclick="steal()">Tekst<script>alert(1)</script>'
            '<a href="javascript:alert(2)">link</a>'
            '<a href="https://example.org" onmouseover="x()">ok</a></p>'
        )
    )
    html = client.get(page.url).content.decode().lower()
    assert "<script>alert" not in html
    assert "javascript:" not in html
    assert "onclick" not in html and "onmouseover" not in html
    assert 'href="https://example.org"' in html  # ordinary links survive


@pytest.mark.django_db
def test_internal_links_survive_the_whitelist(client, make_report, index):
    page = make_report(summary=f'<p>Se <a linktype="page" id="{index.pk}">oversigten</a>.</p>')
    html = client.get(page.url).content.decode()
    assert '<a href="/rapporter/">oversigten</a>' in html  # expanded to the page's URL


@pytest.mark.django_db
def test_script_typed_in_the_admin_editor_is_shown_as_text(client, editor, index, areas):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("reports", "reportpage", index.pk))
    data = nested_form_data(
        {
            "title": "Skripttest",
            "slug": "skripttest",
            "track": "social",
            "report_type": "note",
            "summary": rich_text("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            "summary_en": rich_text(""),
            "findings": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, data).status_code == 302
    from udsat.web.reports.models import ReportPage

    page = ReportPage.objects.get(slug="skripttest")
    page.save_revision().publish()
    client.logout()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html
