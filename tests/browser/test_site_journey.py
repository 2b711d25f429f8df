"""A reader's journey: front page, an area, the other language, a sorted table, a CSV."""

import csv
import io
from pathlib import Path

import pytest


@pytest.mark.browser
def test_front_page_to_area_language_switch_sort_and_download(site, page, axe, shoot):
    page.goto(site + "/")
    page.get_by_role("link", name="Vollsmose").first.click()
    page.wait_for_url("**/omraader/vollsmose/")
    assert page.locator("h1").inner_text() == "Vollsmose"

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/omraader/vollsmose/")
    assert page.locator("h1").inner_text() == "Vollsmose"
    assert page.locator("html").get_attribute("lang") == "en"
    shoot(page, "journey-area-en")

    page.get_by_role("link", name="Compare", exact=True).click()
    page.wait_for_url("**/en/sammenlign/")
    page.select_option("#compare-indicator", "youth_not_in_education_pct")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**indikator=youth_not_in_education_pct**")

    value_header = page.locator("th", has=page.locator("button[data-sort-key='2']"))
    page.locator("button[data-sort-key='2']").click()
    assert value_header.get_attribute("aria-sort") == "ascending"
    first = page.locator(".compare-table tbody tr").first.locator("td").nth(1).inner_text()
    assert first == "3.3 %"  # Vollsmose, the lowest published share (published as "3,3 %")
    # The sort buttons work from the keyboard too.
    page.locator("button[data-sort-key='2']").focus()
    page.keyboard.press("Enter")
    assert value_header.get_attribute("aria-sort") == "descending"
    first = page.locator(".compare-table tbody tr").first.locator("td").nth(1).inner_text()
    assert first == "11.3 %"  # Tåstrupgård, the highest
    # Not-published figures stay at the bottom whichever way the column is sorted.
    last = page.locator(".compare-table tbody tr").last.locator("td").nth(1).inner_text()
    assert last == "not published"
    shoot(page, "journey-compare-sorted")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the table (CSV)").click()
    content = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    by_area = {r["area"]: r for r in rows}
    assert len(rows) == 15
    assert by_area["Vollsmose"]["value"] == "3.3"
    assert by_area["Agervang"]["value"] == ""
    assert by_area["Agervang"]["absent_because"] == "not published"
