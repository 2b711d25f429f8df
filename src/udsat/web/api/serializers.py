"""The shapes of the API's JSON answers, for the OpenAPI document (rows are built as dicts
in ``figures`` and ``records``; Schemathesis checks that they keep to these shapes)."""

from __future__ import annotations

from rest_framework import serializers

from udsat.domain.observations import ABSENCES


def text(**kw):
    return serializers.CharField(allow_blank=True, **kw)


def nullable_text(**kw):
    return serializers.CharField(allow_blank=True, allow_null=True, **kw)


class ReleaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    loaded_at = serializers.DateTimeField()
    name = text()
    dataset = text()
    synthetic = serializers.BooleanField()
    digest = text()
    latest = serializers.BooleanField()


class ReleaseDetailSerializer(ReleaseSerializer):
    manifest = serializers.DictField()
    counts = serializers.DictField()
    bulk = serializers.URLField()


class FigureSerializer(serializers.Serializer):
    indicator = text()
    indicator_label = text()
    period = text()
    breakdown = text()
    breakdown_label = text()
    dataset = text()
    dataset_label = text()
    synthetic = serializers.BooleanField()
    value = serializers.FloatField(allow_null=True, help_text="null when absence is set")
    absence = serializers.ChoiceField(choices=list(ABSENCES), allow_null=True)
    absence_label = nullable_text()
    unit = text()
    n_persons = serializers.IntegerField(allow_null=True)
    source = text()
    note = text()
    release = serializers.IntegerField(help_text="the release that set this figure")


class ObservationSerializer(FigureSerializer):
    area = text()
    area_name = text()
    municipality_code = serializers.IntegerField()
    municipality_name = text()
    region_code = serializers.IntegerField()
    region_name = text()


class PlaceObservationSerializer(FigureSerializer):
    place_kind = text()
    place_kind_label = text()
    place_code = text()
    place_name = text()


class AreaStatusSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    status = text(help_text="the list: vulnerable, segregated, transformation, prevention")
    term = text()
    term_label = text()
    on_list = serializers.BooleanField()
    origin = text()
    derivation = text(help_text="how a state not read in a source is known")
    rule_version = text()
    source_url = text()
    note = text()
    dataset = text()


class AreaSerializer(serializers.Serializer):
    slug = text()
    name = text()
    aliases = serializers.ListField(child=text())
    municipality_code = serializers.IntegerField()
    municipality_name = text()
    region_code = serializers.IntegerField()
    region_name = text()
    evaluated_2018 = serializers.BooleanField()
    synthetic = serializers.BooleanField()
    statuses = AreaStatusSerializer(many=True)


class IndicatorSerializer(serializers.Serializer):
    code = text()
    label = text()
    label_da = text()
    label_en = text()
    description = text()
    theme = text()
    level = text()
    unit = text()
    universe = text()
    numerator = text()
    denominator = text()
    age_band = text()
    averaging_years = serializers.IntegerField()
    precision = serializers.IntegerField()
    source = text()
    source_name = text()
    source_url = text()
    law_references = serializers.ListField(child=text())
    years = serializers.ListField(child=text())


class StatusSerializer(serializers.Serializer):
    area = text()
    area_name = text()
    year = serializers.IntegerField()
    status = text()
    term = text()
    term_label = text()
    on_list = serializers.BooleanField()
    origin = text()
    derivation = text()
    rule_version = text()
    source_url = text()
    note = text()
    dataset = text()
    release = serializers.IntegerField()


class FlowSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    origin = text()
    origin_name = text()
    destination = nullable_text()
    destination_name = nullable_text()
    destination_kind = text()
    move_type = text()
    n_persons = serializers.IntegerField(allow_null=True, help_text="null when suppressed")
    suppressed = serializers.BooleanField()
    dataset = text()
    dataset_label = text()
    synthetic = serializers.BooleanField()
    release = serializers.IntegerField()


class ListCountSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    status = text()
    term = text()
    term_label = text()
    areas = serializers.IntegerField()
    official = serializers.IntegerField()
    derived = serializers.IntegerField()
    implied = serializers.IntegerField()
    complete = serializers.IntegerField(help_text="always 0: a complete list's absences are "
                                                  "not on the list")
    computed = serializers.IntegerField()
    dataset = text()


class ReportSerializer(serializers.Serializer):
    title = text()
    track = text()
    report_type = text()
    publication_year = serializers.IntegerField(allow_null=True)
    authors = text()
    institution = text()
    areas = serializers.ListField(child=text())
    levels = serializers.ListField(child=text())
    url = text()
    page = text()


def page_of(row: type[serializers.Serializer], name: str) -> type[serializers.Serializer]:
    """The JSON envelope: the release, the total, links to the neighbouring pages, the rows."""
    return type(name, (serializers.Serializer,), {
        "release": ReleaseSerializer(allow_null=True),
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": row(many=True),
    })
