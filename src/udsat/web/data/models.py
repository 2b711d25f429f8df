"""What the web stores. Only aggregates: the web never sees a person."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from udsat.domain.observations import ABSENCE_LABELS, ABSENCES

VALUE_XOR_ABSENCE = (Q(value__isnull=True) & ~Q(absence="")) | (
    Q(value__isnull=False) & Q(absence="")
)
ABSENCE_CHOICES = [("", _("value"))] + [(a, ABSENCE_LABELS[a][1]) for a in ABSENCES]
ORIGIN_CHOICES = [
    ("official", _("official list")),
    ("derived", _("rebuilt from published lists")),
    ("implied", _("follows from another list")),
    ("complete", _("absent from a complete list")),
    ("computed", _("computed by udsat")),
]


class LoadBatch(models.Model):
    """One load of a bundle or file: what, its checksum, when and by whom."""

    kind = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    dataset = models.CharField(max_length=60, default="reference")
    synthetic = models.BooleanField(default=False)
    digest = models.CharField(max_length=64, unique=True, help_text="sha256 of the content")
    file_name = models.CharField(max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True,
                                     help_text="sha256 of the source file it was imported from")
    source_url = models.TextField(blank=True)
    loaded_by = models.CharField(max_length=150, blank=True)
    loaded_at = models.DateTimeField(default=timezone.now)
    manifest = models.JSONField(default=dict, blank=True)
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-loaded_at", "-id"]
        verbose_name_plural = "load batches"

    def __str__(self) -> str:
        return f"{self.kind}:{self.name} ({self.loaded_at:%Y-%m-%d %H:%M})"


class Area(models.Model):
    """A housing area, synced from the catalogue's geography."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    municipality_code = models.PositiveSmallIntegerField()
    municipality_name = models.CharField(max_length=100)
    region_code = models.PositiveSmallIntegerField()
    region_name = models.CharField(max_length=100)
    aliases = models.JSONField(default=list, blank=True)
    evaluated_2018 = models.BooleanField(default=False)
    # Areas that only synthetic demo data defines; never shown as a real place.
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """An indicator, synced from the catalogue (the catalogue is the truth)."""

    code = models.CharField(max_length=80, unique=True)
    theme = models.CharField(max_length=60)
    label_da = models.CharField(max_length=300)
    label_en = models.CharField(max_length=300)
    description_da = models.TextField()
    description_en = models.TextField()
    level = models.CharField(max_length=20)
    unit = models.CharField(max_length=20)
    universe = models.CharField(max_length=300)
    source = models.CharField(max_length=80)
    precision = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["theme", "code"]

    def __str__(self) -> str:
        return self.code

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_da


class Observation(models.Model):
    """A figure for an area, indicator and period: a value, or a typed absence (never 0).

    ``dataset`` keeps families apart (published reference figures, synthetic demo data,
    register analytics), so one never overwrites another; ``breakdown`` is "" for everyone in
    the indicator's universe, else a group such as "stayers" or "newcomers".
    """

    dataset = models.CharField(max_length=60, default="reference")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="observations")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    period = models.CharField(max_length=20)
    breakdown = models.CharField(max_length=60, blank=True, default="")
    value = models.DecimalField(max_digits=18, decimal_places=6, null=True, blank=True)
    absence = models.CharField(max_length=20, choices=ABSENCE_CHOICES, blank=True)
    unit = models.CharField(max_length=20)
    source = models.CharField(max_length=80)
    n_persons = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    batch = models.ForeignKey(LoadBatch, on_delete=models.PROTECT, related_name="observations")

    class Meta:
        ordering = ["area", "indicator", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "area", "indicator", "period", "breakdown"],
                name="one_observation_per_key",
            ),
            models.CheckConstraint(condition=VALUE_XOR_ABSENCE, name="value_xor_absence"),
        ]

    def __str__(self) -> str:
        shown = self.value if self.value is not None else self.absence
        return f"{self.area.slug} {self.indicator.code} {self.period}: {shown}"


class ObservationRevision(models.Model):
    """A figure as it was before a later load revised it: the old value and its batch.

    The observation itself always holds the current figure; its revisions, newest first,
    hold every earlier one, each with the batch that had set it and the batch that replaced it.
    """

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE,
                                    related_name="revisions")
    value = models.DecimalField(max_digits=18, decimal_places=6, null=True, blank=True)
    absence = models.CharField(max_length=20, choices=ABSENCE_CHOICES, blank=True)
    unit = models.CharField(max_length=20)
    source = models.CharField(max_length=80)
    n_persons = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    batch = models.ForeignKey(LoadBatch, on_delete=models.PROTECT, related_name="revised_figures",
                              help_text="the load that had set this figure")
    superseded_by = models.ForeignKey(LoadBatch, on_delete=models.PROTECT,
                                      related_name="superseded_figures")
    superseded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["observation", "-superseded_at", "-id"]

    def __str__(self) -> str:
        shown = self.value if self.value is not None else self.absence
        return f"{self.observation_id}: {shown} (until batch {self.superseded_by_id})"


PLACE_KIND_CHOICES = [
    ("municipality", _("municipality")),
    ("region", _("region")),
    ("country", _("country")),
    ("social_housing", _("all social housing")),
]


class PlaceObservation(models.Model):
    """A comparison figure for a municipality, a region, the country or all social housing."""

    dataset = models.CharField(max_length=60, default="reference")
    place_kind = models.CharField(max_length=20, choices=PLACE_KIND_CHOICES)
    place_code = models.CharField(max_length=20)
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="place_observations"
    )
    period = models.CharField(max_length=20)
    breakdown = models.CharField(max_length=60, blank=True, default="")
    value = models.DecimalField(max_digits=18, decimal_places=6, null=True, blank=True)
    absence = models.CharField(max_length=20, choices=ABSENCE_CHOICES, blank=True)
    unit = models.CharField(max_length=20)
    source = models.CharField(max_length=80)
    n_persons = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    batch = models.ForeignKey(
        LoadBatch, on_delete=models.PROTECT, related_name="place_observations"
    )

    class Meta:
        ordering = ["place_kind", "place_code", "indicator", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "place_kind", "place_code", "indicator", "period", "breakdown"],
                name="one_place_observation_per_key",
            ),
            models.CheckConstraint(condition=VALUE_XOR_ABSENCE, name="place_value_xor_absence"),
        ]

    def __str__(self) -> str:
        return f"{self.place_kind}:{self.place_code} {self.indicator.code} {self.period}"


class ListStatus(models.Model):
    """An area's state on one list (``status``) in one year: on it or not (``on_list``), and how
    that is known (``origin``; the derivation sentences for a state not read in a source)."""

    dataset = models.CharField(max_length=60, default="reference")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="list_statuses")
    year = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, blank=True)
    term = models.CharField(max_length=60, blank=True)
    rule_version = models.CharField(max_length=20, blank=True)
    origin = models.CharField(max_length=20, choices=ORIGIN_CHOICES)
    source_url = models.TextField(blank=True)
    note = models.TextField(blank=True)
    on_list = models.BooleanField(default=True)
    derivation_da = models.TextField(blank=True)
    derivation_en = models.TextField(blank=True)
    batch = models.ForeignKey(LoadBatch, on_delete=models.PROTECT, related_name="statuses")

    class Meta:
        ordering = ["area", "year", "status"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "area", "year", "status", "origin"], name="one_status_per_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area.slug} {self.year}: {self.term or 'exit'} ({self.origin})"


DESTINATION_KIND_CHOICES = [
    ("listed_area", _("another listed area")),
    ("other_social_housing", _("other social housing")),
    ("outside_social_housing", _("outside social housing")),
    ("unknown", _("unknown")),
]
MOVE_TYPE_CHOICES = [("planned_rehousing", _("planned rehousing")), ("other", _("other move"))]


class Flow(models.Model):
    """Persons who moved out of an area in a year, by destination and kind of move.

    A suppressed flow has no count (never zero): ``n_persons`` is null and ``suppressed`` set.
    The loader rejects duplicate keys itself, since a null destination never collides in SQL.
    """

    dataset = models.CharField(max_length=60)
    year = models.PositiveSmallIntegerField()
    origin = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="outflows")
    destination = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="inflows", null=True, blank=True
    )
    destination_kind = models.CharField(max_length=30, choices=DESTINATION_KIND_CHOICES)
    move_type = models.CharField(max_length=30, choices=MOVE_TYPE_CHOICES)
    n_persons = models.PositiveIntegerField(null=True, blank=True)
    suppressed = models.BooleanField(default=False)
    batch = models.ForeignKey(LoadBatch, on_delete=models.PROTECT, related_name="flows")

    class Meta:
        ordering = ["year", "origin", "destination_kind", "destination"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "year", "origin", "destination", "destination_kind", "move_type"],
                name="one_flow_per_key",
            ),
            models.CheckConstraint(
                condition=(Q(suppressed=True) & Q(n_persons__isnull=True))
                | (Q(suppressed=False) & Q(n_persons__isnull=False)),
                name="flow_count_xor_suppressed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.origin.slug} -> {self.destination_kind}"
