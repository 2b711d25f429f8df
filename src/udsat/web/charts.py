"""Charts: Vega-Lite specs rendered to SVG on the server, each with its words and its data.

Every chart carries a text alternative, the table behind it ("show the data") and a CSV link,
so nobody depends on seeing the picture. SVGs are cached by the spec's hash: the same data in
the same language renders once per process (vl-convert takes ~30 ms a chart when warm).
Colours: the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies;
series are also told apart by point shape and direct labels in the table.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

import vl_convert
from django.core.cache import cache
from django.utils.translation import gettext as _

from udsat.web.layout.templatetags.udsat_format import format_number, unit_suffix

# Okabe & Ito (2008), darkest members first so lines keep 3:1 contrast on white.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#996600", "#56B4E9")
SHAPES = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down")
UNIT_AXIS = {"pct": "%", "persons": "", "households": "", "dwellings": "", "dkk": "kr.",
             "index": "0-100", "count": ""}
CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Point:
    series: str
    period: str
    value: Decimal | None
    absence_text: str = ""  # why there is no value (never drawn as 0)


@dataclass
class Chart:
    """A chart's words, data and spec. The picture is drawn when asked for: pages link to an
    SVG endpoint (``svg_url``) so the HTML stays small; without one it is inlined."""

    key: str
    title: str
    description: str
    spec: dict
    language: str
    columns: list[str]
    rows: list[list[str]]
    csv_url: str
    synthetic: bool = False
    data: list[dict] = field(default_factory=list)
    svg_url: str = ""
    # The chart's selection as an /api/v1/observations/ query (urlencoded): "Hent data" links.
    api_query: str = ""
    narrow_svg_url: str = ""  # a variant drawn for screens under 30rem, if the chart has one
    narrow_spec: dict | None = None  # its spec, drawn inline when there is no URL

    @property
    def svg_src(self) -> str:
        return self.svg_url or _data_uri(self.svg)

    @property
    def narrow_src(self) -> str:
        if self.narrow_svg_url:
            return self.narrow_svg_url
        return _data_uri(render_svg(self.narrow_spec, self.language)) if self.narrow_spec else ""

    @property
    def svg(self) -> str:
        return render_svg(self.spec, self.language)


def _locale(language: str) -> dict:
    if language == "en":
        return {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", ""]}
    return {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]}


def render_svg(spec: dict, language: str) -> str:
    """The SVG for a spec, from the cache when the same spec was rendered before."""
    text = json.dumps(spec, sort_keys=True, default=str)
    key = "chart-svg:" + hashlib.sha256(f"{language}:{text}".encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = vl_convert.vegalite_to_svg(text, format_locale=_locale(language))
        cache.set(key, svg, CACHE_SECONDS)
    return svg


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _value_text(value: Decimal | None, absence_text: str, unit: str, precision: int,
                language: str) -> str:
    if value is None:
        return absence_text
    suffix = unit_suffix(unit, language) if unit in ("pct", "pp") else ""
    return format_number(value, precision, language) + suffix


def _axis_title(unit: str) -> str:
    return _("pct.-point") if unit == "pp" else UNIT_AXIS.get(unit, unit)


# Chart text is FONT_SIZE px in the SVG. Small multiples are drawn SMALL_WIDTH px wide in
# total, narrower than the 270 px a chart box has on a 320 px screen, so the browser never
# scales them down and their text stays 12 px (WCAG-minded minimum here: 11 px).
FONT_SIZE = 12
# Labels are measured when the SVG is drawn (vl-convert) and shown in the reader's browser: a
# wide font first, so a browser's fallback is never wider than what was measured and no label
# is cut off at the left edge; PADDING leaves room for the difference.
CHART_FONT = "DejaVu Sans, Verdana, sans-serif"
PADDING = {"left": 12, "right": 8, "top": 5, "bottom": 5}
SMALL_WIDTH = 256
SMALL_HEIGHT = 150
LINE_PLOT_WIDTH = 190  # the plot of a line chart; axes and padding make it about SMALL_WIDTH


def _base(title: str, width: int) -> dict:
    # The page shows the title as the figure's caption; the picture repeats it only in its
    # description, so a long title is never cut off inside the SVG.
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": title,
        "width": width,
        "height": 220,
        "background": "white",
        "padding": PADDING,
        "config": {"font": CHART_FONT, "axis": {"labelFontSize": FONT_SIZE,
                   "titleFontSize": FONT_SIZE, "labelColor": "#1b1f24", "titleColor": "#1b1f24"},
                   "legend": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE,
                              "orient": "bottom", "direction": "vertical", "labelLimit": 0,
                              "symbolSize": 60}},
    }


def _year_axis(periods: list[str]) -> dict:
    """Years as numbers with a few whole-year ticks, so labels never run together."""
    if periods and all(p.isdigit() and len(p) == 4 for p in periods):
        first, last = int(periods[0]), int(periods[-1])
        step = max(1, -(-(last - first) // 3))  # at most four labelled years
        ticks = list(range(last, first - 1, -step))[::-1]
        return {"field": "period_year", "type": "quantitative", "title": None,
                "scale": {"domain": [first, last] if first != last else [first - 1, last + 1],
                          "nice": False, "zero": False},
                "axis": {"format": "d", "values": ticks, "labelAngle": 0,
                         "labelOverlap": True, "labelFlush": True, "grid": False}}
    return {"field": "period", "type": "ordinal", "title": None, "sort": periods,
            "axis": {"labelAngle": 0, "labelOverlap": "parity"}}


def line_chart(key: str, title: str, points: list[Point], unit: str, precision: int,
               language: str, csv_url: str, synthetic: bool = False) -> Chart:
    """Values over time, one line per series; absent values are gaps, listed in the table."""
    drawn = [p for p in points if p.value is not None]
    series = list(dict.fromkeys(p.series for p in points))
    periods = sorted({p.period for p in points})
    spec = _base(title, LINE_PLOT_WIDTH)
    spec["height"] = SMALL_HEIGHT
    # "pad": the picture grows to hold its legend, so no legend label is ever cut off.
    spec["autosize"] = {"type": "pad"}
    spec["data"] = {"values": [{"series": p.series, "period": p.period,
                                "period_year": int(p.period) if p.period.isdigit() else None,
                                "value": float(p.value)} for p in drawn]}
    spec["mark"] = {"type": "line", "point": {"filled": True, "size": 40}, "strokeWidth": 2}
    spec["encoding"] = {
        "x": _year_axis(periods),
        "y": {"field": "value", "type": "quantitative", "title": _axis_title(unit),
              "scale": {"zero": unit != "index"}, "axis": {"tickCount": 4}},
        "color": {"field": "series", "type": "nominal", "title": None,
                  "scale": {"domain": series, "range": list(PALETTE[: len(series)])},
                  # One series needs no legend: the caption names it. A long name breaks
                  # after " / " ("Ghettoområder /" over "parallelsamfund").
                  "legend": None if len(series) == 1 else {
                      "labelExpr": "split(replace(datum.label, ' / ', ' /\\n'), '\\n')"}},
        "shape": {"field": "series", "type": "nominal", "title": None,
                  "scale": {"domain": series, "range": list(SHAPES[: len(series)])}},
    }
    columns = [_("År"), *series]
    by_key = {(p.series, p.period): p for p in points}
    rows = []
    for period in periods:
        row = [period]
        for name in series:
            point = by_key.get((name, period))
            row.append(_value_text(point.value, point.absence_text, unit, precision, language)
                       if point else "–")
        rows.append(row)
    return Chart(key, title, _describe_series(title, series, drawn, unit, precision, language),
                 spec, language, columns, rows, csv_url, synthetic, spec["data"]["values"])


def bar_chart(key: str, title: str, bars: list[Point], unit: str, precision: int,
              language: str, csv_url: str, synthetic: bool = False,
              narrow: bool = False) -> Chart:
    """One bar per label (``Point.series``); a bar without a value is named, never drawn as 0.

    Labels are never cut short. The ``narrow`` variant (for phones) is SMALL_WIDTH px wide in
    all and breaks a label after each "/" so the bars keep room beside it.
    """
    drawn = [p for p in bars if p.value is not None]
    spec = _bar_spec(title, bars, unit, narrow)
    columns = [_("Område"), _("Værdi")]
    rows = [[p.series, _value_text(p.value, p.absence_text, unit, precision, language)]
            for p in bars]
    missing = [p.series for p in bars if p.value is None]
    description = _describe_bars(title, drawn, missing, unit, precision, language)
    chart = Chart(key, title, description, spec, language, columns, rows, csv_url, synthetic,
                  spec["data"]["values"])
    if not narrow:
        chart.narrow_spec = _bar_spec(title, bars, unit, True)
    return chart


def _bar_spec(title: str, bars: list[Point], unit: str, narrow: bool) -> dict:
    spec = _base(title, SMALL_WIDTH if narrow else 380)
    spec["height"] = max(120, (38 if narrow else 22) * len(bars))
    if narrow:
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec["data"] = {"values": [
        {"label": p.series, "value": float(p.value) if p.value is not None else None,
         "note": p.absence_text}
        for p in bars
    ]}
    axis = {"labelLimit": 0}
    if narrow:
        axis["labelExpr"] = "split(replace(datum.label, '/', '/\\n'), '\\n')"
    y = {"field": "label", "type": "nominal", "title": None, "sort": [p.series for p in bars],
         "axis": axis}
    spec["layer"] = [
        {"transform": [{"filter": "datum.value != null"}],
         "mark": {"type": "bar", "color": PALETTE[0]},
         "encoding": {"y": y, "x": {"field": "value", "type": "quantitative",
                                    "title": _axis_title(unit),
                                    "axis": {"tickCount": 3 if narrow else 6}}}},
        # A bar without a value says why, in words, where the bar would start.
        {"transform": [{"filter": "datum.value == null"}],
         "mark": {"type": "text", "align": "left", "dx": 4, "fontStyle": "italic",
                  "color": "#4a5360", "fontSize": FONT_SIZE},
         "encoding": {"y": y, "x": {"datum": 0, "type": "quantitative"},
                      "text": {"field": "note"}}},
    ]
    return spec


def _describe_series(title, series, drawn, unit, precision, language) -> str:
    if not drawn:
        return _("%(title)s: ingen tal at vise.") % {"title": title}
    parts = [_("Linjediagram: %(title)s.") % {"title": title}]
    for name in series:
        own = sorted((p for p in drawn if p.series == name), key=lambda p: p.period)
        if not own:
            continue
        first, last = own[0], own[-1]
        parts.append(_("%(series)s: %(first)s i %(first_year)s, %(last)s i %(last_year)s.") % {
            "series": name,
            "first": _value_text(first.value, "", unit, precision, language),
            "first_year": first.period,
            "last": _value_text(last.value, "", unit, precision, language),
            "last_year": last.period,
        })
    return " ".join(parts)


def _describe_bars(title, drawn, missing, unit, precision, language) -> str:
    if not drawn:
        return _("%(title)s: ingen tal at vise.") % {"title": title}
    high = max(drawn, key=lambda p: p.value)
    low = min(drawn, key=lambda p: p.value)
    text = _("Søjlediagram: %(title)s. Højest: %(high)s (%(high_value)s). Lavest: %(low)s "
             "(%(low_value)s).") % {
        "title": title, "high": high.series,
        "high_value": _value_text(high.value, "", unit, precision, language),
        "low": low.series, "low_value": _value_text(low.value, "", unit, precision, language),
    }
    if missing:
        text += " " + _("Ikke offentliggjort for: %(areas)s.") % {"areas": ", ".join(missing)}
    return text
