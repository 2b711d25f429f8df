"""A crawl of the site from both front pages: every internal link answers 200.

Links are followed from every HTML page reached, except that the area pages of areas outside
the fifteen are only requested, not read for more links: their links have the same shapes as
the fifteen's, which are read (60 areas x 5 pages x 2 languages would cost minutes).
"""

import re
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command

from udsat.web.data.models import Area

HREF = re.compile(r'(?:href|src)="([^"]+)"')
SKIP = ("/admin/", "/django-admin/", "/documents/", "/i18n/", "/static/")


def _internal(base: str, href: str) -> str | None:
    url, _fragment = urldefrag(urljoin(base, href.replace("&amp;", "&")))
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path or path.startswith(SKIP) or path.startswith("data:"):
        return None
    return path


@pytest.mark.django_db
def test_every_internal_link_answers_200_in_both_languages(client, seeded_site):
    call_command("seed_reports", verbosity=0)
    read_areas = set(Area.objects.filter(evaluated_2018=True).values_list("slug", flat=True))
    queue = deque(["/", "/en/"])
    seen = set(queue)
    broken = {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200:
            broken[path] = response.status_code
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        area = re.match(r"^(?:/en)?/omraader/([^/]+)/", path)
        if area and area.group(1) not in read_areas:
            continue
        for href in HREF.findall(response.content.decode()):
            found = _internal(f"http://testserver{path}", href)
            if found and found not in seen:
                seen.add(found)
                queue.append(found)
    assert broken == {}
    # The crawl reached both languages' data pages, levels, downloads and reports.
    for wanted in ("/omraader/vollsmose/niveau/beboerne/", "/en/omraader/vollsmose/",
                   "/en/resultater/", "/lister/antal.csv", "/rapporter/tingbjerg-baseline-2020/"):
        assert wanted in seen, wanted
