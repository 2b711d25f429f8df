"""The /patterns/ page: every component with sample content, for designers and reviewers."""

from __future__ import annotations

from decimal import Decimal

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from udsat.domain.comparison import comparison_phrase
from udsat.domain.listing import DERIVED, IMPLIED, OFFICIAL, ListState, ListYear, lists_of_year
from udsat.domain.observations import NOT_PUBLISHED, absence_label
from udsat.web.charts import Point, bar_chart, line_chart


def patterns(request):
    language = get_language() or "da"
    # Sample figures, clearly marked as examples on the page (not data about any place).
    a, b = _("Eksempel A"), _("Eksempel B")
    series = [Point(a, str(y), Decimal(v)) for y, v in
              ((2019, "42.0"), (2020, "39.5"), (2021, "37.1"), (2022, "35.0"))]
    series += [Point(b, str(y), Decimal(v)) for y, v in
               ((2019, "21.0"), (2020, "20.6"), (2021, "20.1"), (2022, "19.8"))]
    line = line_chart("pattern-line", _("Eksempel: linjediagram"), series, "pct", 1, language,
                      "", synthetic=True)
    bars = bar_chart("pattern-bar", _("Eksempel: søjlediagram"),
                     [Point(a, "", Decimal("12.5")),
                      Point(b, "", None, absence_label(NOT_PUBLISHED, language))],
                     "pct", 1, language, "", synthetic=True)
    # Sample list years (not about any place): read, derived, off some lists, unknown.
    samples = {
        2018: {"transformation": ListState("transformation", True, OFFICIAL),
               "segregated": ListState("segregated", True, IMPLIED),
               "vulnerable": ListState("vulnerable", True, IMPLIED)},
        2019: {"transformation": ListState("transformation", True, DERIVED)},
        2020: {"segregated": ListState("segregated", False, OFFICIAL)},
        2021: {},
    }
    history = [ListYear(y, lists_of_year(y), states) for y, states in samples.items()]
    return render(request, "patterns.html", {
        "line": line,
        "bars": bars,
        "history": history,
        "phrase": comparison_phrase(Decimal("20.3"), Decimal("10.0"), "municipality", "pct",
                                    language),
    })
