"""The API's query parameters: parsed and validated once, documented from the same fields.

Lists are comma-separated (``area=vollsmose,gellerupparken``). A bad value answers 400 with
the parameter's name as the key of the error (``{"period": ["..."]}``), so a caller always
learns which parameter to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from udsat.domain.bundle import STATUS_ORIGINS
from udsat.domain.observations import PERIOD_UNSTATED

MAX_LIMIT = 10000
DEFAULT_LIMIT = 1000
MAX_LAST = 50
_SLUG_TEXT = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"
_SLUG = re.compile(f"^{_SLUG_TEXT}$")
_YEAR = re.compile(r"^[0-9]{4}$")
_RANGE = re.compile(r"^([0-9]{4})-([0-9]{4})$")
_PERIOD_TEXT = r"(?:latest|unstated|[0-9]{4}(?:-[0-9]{4})?)"
_PLACE_TEXT = r"(?:[0-9]{1,4}|DK|all)"


def _list_of(item: str) -> str:
    """The OpenAPI pattern of a comma-separated list of ``item``."""
    return f"^{item}(?:,{item})*$"


def _pattern(item: str, message) -> RegexValidator:
    return RegexValidator(_list_of(item), message=message)
LATEST = "latest"
PLACE_KINDS = ("municipality", "region", "country", "social_housing")


@dataclass(frozen=True)
class PeriodFilter:
    """Years and ranges asked for; ``latest`` and ``last`` pick per indicator and dataset."""

    periods: tuple[str, ...] = ()  # exact periods (years, or "unstated")
    ranges: tuple[tuple[int, int], ...] = ()
    latest: bool = False
    last: int | None = None

    @property
    def empty(self) -> bool:
        return not (self.periods or self.ranges or self.latest or self.last)


def parse_period(text: str) -> PeriodFilter:
    """``2019``, ``2015-2019``, ``latest``, ``unstated``, or several of them comma-separated."""
    periods, ranges, latest = [], [], False
    for item in _items(text):
        if item == LATEST:
            latest = True
        elif item == PERIOD_UNSTATED or _YEAR.match(item):
            periods.append(item)
        elif (found := _RANGE.match(item)) is not None:
            start, end = sorted((int(found[1]), int(found[2])))  # 2019-2015 = 2015-2019
            ranges.append((start, end))
        else:
            raise serializers.ValidationError(
                _("%(item)r er ikke et år (2019), et interval (2015-2019), 'latest' eller "
                  "'unstated'.") % {"item": item})
    return PeriodFilter(tuple(periods), tuple(ranges), latest)


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class SlugListField(serializers.CharField):
    """A comma-separated list of codes (slugs); returns a tuple."""

    def __init__(self, **kwargs):
        super().__init__(validators=[_pattern(_SLUG_TEXT, _(
            "Angiv koder med små bogstaver, tal, - og _, adskilt af komma."))], **kwargs)

    def run_validation(self, data=serializers.empty):
        items = _items(super().run_validation(data))
        for item in items:
            if not _SLUG.match(item):
                raise serializers.ValidationError(
                    _("%(item)r er ikke en gyldig kode (små bogstaver, tal, - og _).")
                    % {"item": item})
        return tuple(items)


class CodeListField(serializers.CharField):
    """A comma-separated list of numeric codes (municipality or region codes)."""

    def __init__(self, **kwargs):
        super().__init__(validators=[_pattern("[0-9]{1,4}", _(
            "Angiv koder på 1-4 cifre, adskilt af komma."))], **kwargs)

    def run_validation(self, data=serializers.empty):
        items = _items(super().run_validation(data))
        for item in items:
            if not re.fullmatch("[0-9]{1,4}", item):
                raise serializers.ValidationError(
                    _("%(item)r er ikke en kode på 1-4 cifre.") % {"item": item})
        return tuple(int(item) for item in items)


class PeriodField(serializers.CharField):
    def __init__(self, **kwargs):
        super().__init__(validators=[_pattern(_PERIOD_TEXT, _(
            "Angiv år (2019), intervaller (2015-2019), 'latest' eller 'unstated', adskilt af "
            "komma."))], **kwargs)

    def run_validation(self, data=serializers.empty):
        return parse_period(super().run_validation(data))


class CommonQuery(serializers.Serializer):
    """Parameters every data endpoint takes."""

    lang = serializers.ChoiceField(
        choices=["da", "en"], required=False,
        help_text=_("Sprog for etiketter (da eller en); ellers Accept-Language."))
    release = serializers.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1,
        help_text=_("Udgivelsens id (se /api/v1/releases/): tallene som de var i den udgivelse."))
    limit = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_LIMIT, default=DEFAULT_LIMIT,
        help_text=_("Rækker pr. side i JSON (CSV, XLSX og JSON-stat giver hele udvalget)."))
    offset = serializers.IntegerField(
        required=False, min_value=0, max_value=2**31 - 1, default=0,
        help_text=_("Spring så mange rækker over (JSON)."))


class FigureQuery(CommonQuery):
    """Filters shared by observations and place observations."""

    indicator = SlugListField(required=False, max_length=2000,
                              help_text=_("Indikator-id'er, kommasepareret."))
    period = PeriodField(
        required=False, max_length=500,
        help_text=_("År (2019), interval (2015-2019), 'latest' (seneste år pr. indikator), "
                    "'unstated', eller flere kommasepareret."))
    last = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_LAST,
        help_text=_("De N seneste år pr. indikator og datasæt (inden for period, hvis den er "
                    "givet)."))
    dataset = SlugListField(required=False, max_length=500,
                            help_text=_("Datasæt: reference (offentliggjorte tal), synthetic, ..."))
    breakdown = serializers.CharField(
        required=False, max_length=500,
        validators=[_pattern(_SLUG_TEXT, _("Angiv grupper (fx stayers eller total), adskilt "
                                           "af komma."))],
        help_text=_("Gruppe, fx stayers; 'total' for alle i indikatorens univers."))

    def validate(self, attrs):
        period = attrs.get("period") or PeriodFilter()
        if "last" in attrs:  # the last N years within the periods asked for, if any
            period = PeriodFilter(period.periods, period.ranges, period.latest, attrs["last"])
        attrs["period"] = period
        if "breakdown" in attrs:
            items = _items(attrs["breakdown"])
            for item in items:
                if item != "total" and not _SLUG.match(item):
                    raise serializers.ValidationError(
                        {"breakdown": [_("%(item)r er ikke en gyldig gruppe.") % {"item": item}]})
            attrs["breakdown"] = tuple("" if i == "total" else i for i in items)
        return attrs


class ObservationQuery(FigureQuery):
    area = SlugListField(required=False, max_length=4000,
                         help_text=_("Områdets slug, kommasepareret."))
    municipality = CodeListField(required=False, max_length=500,
                                 help_text=_("Kommunekoder, kommasepareret (fx 101)."))
    region = CodeListField(required=False, max_length=200,
                           help_text=_("Regionskoder, kommasepareret (fx 1084)."))


class PlaceObservationQuery(FigureQuery):
    place_kind = serializers.ChoiceField(
        choices=PLACE_KINDS, required=False,
        help_text=_("municipality, region, country eller social_housing."))
    place_code = serializers.CharField(
        required=False, max_length=500,
        validators=[_pattern(_PLACE_TEXT, _("Angiv kommunekoder, regionskoder, DK eller all, "
                                            "adskilt af komma."))],
        help_text=_("Stedets kode: kommunekode, regionskode, DK eller all; kommasepareret."))

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if "place_code" in attrs:
            codes = _items(attrs["place_code"])
            for code in codes:
                if not re.fullmatch(_PLACE_TEXT, code):
                    raise serializers.ValidationError({"place_code": [
                        _("%(item)r er ikke en kommunekode, regionskode, DK eller all.")
                        % {"item": code}]})
            attrs["place_code"] = tuple(codes)
        return attrs


class AreaQuery(CommonQuery):
    area = SlugListField(required=False, max_length=4000,
                         help_text=_("Områdets slug, kommasepareret."))
    municipality = CodeListField(required=False, max_length=500,
                                 help_text=_("Kommunekoder, kommasepareret."))
    evaluated_2018 = serializers.BooleanField(
        required=False,
        help_text=_("true: kun de 15 områder, der var hårde ghettoområder 1. december 2018."))


class IndicatorQuery(CommonQuery):
    indicator = SlugListField(required=False, max_length=2000,
                              help_text=_("Indikator-id'er, kommasepareret."))
    level = serializers.ChoiceField(
        choices=["area", "residents", "movers", "sector"], required=False,
        help_text=_("Niveau: area, residents, movers eller sector."))


class YearRange(serializers.Serializer):
    year_from = serializers.IntegerField(required=False, min_value=1900, max_value=2100,
                                         help_text=_("Første år (med)."))
    year_to = serializers.IntegerField(required=False, min_value=1900, max_value=2100,
                                       help_text=_("Sidste år (med)."))


class StatusQuery(CommonQuery, YearRange):
    area = SlugListField(required=False, max_length=4000,
                         help_text=_("Områdets slug, kommasepareret."))
    status = SlugListField(required=False, max_length=200,
                           help_text=_("Listen: vulnerable, segregated, transformation, "
                                       "prevention."))
    on_list = serializers.BooleanField(
        required=False, help_text=_("true: på listen; false: ikke på listen."))
    origin = serializers.ChoiceField(
        choices=list(STATUS_ORIGINS), required=False,
        help_text=_("official (den officielle liste), derived (genskabt), implied (følger af en "
                    "anden liste), complete (fraværende fra en komplet liste) eller computed."))
    dataset = SlugListField(required=False, max_length=500, help_text=_("Datasæt."))


class FlowQuery(CommonQuery, YearRange):
    area = SlugListField(required=False, max_length=4000,
                         help_text=_("Fraflytningsområdets slug, kommasepareret."))
    dataset = SlugListField(required=False, max_length=500, help_text=_("Datasæt."))
    move_type = serializers.ChoiceField(choices=["planned_rehousing", "other"], required=False,
                                        help_text=_("planned_rehousing eller other."))


class ListCountQuery(CommonQuery, YearRange):
    dataset = SlugListField(required=False, max_length=500, help_text=_("Datasæt."))


class ReportQuery(CommonQuery):
    area = SlugListField(required=False, max_length=4000,
                         help_text=_("Rapporter om disse områder (slug), kommasepareret."))
    track = serializers.ChoiceField(
        choices=["physical", "social", "cross_cutting"], required=False,
        help_text=_("Spor: physical, social eller cross_cutting."))
