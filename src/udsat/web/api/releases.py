"""Releases: every loaded bundle is one, and any earlier one can be served exactly as it was.

A release is a LoadBatch (its id, when it was loaded, its manifest and checksums). "The data
as of release R" is the database as it stood right after R was loaded: batch ids grow with
each load, so an observation whose current figure was set by a batch at or before R is
served as it is; one revised later is served from the ObservationRevision that was in
force at R (set by a batch <= R, superseded by one > R); one first loaded after R did not
exist yet. Place observations, statuses and flows keep no revisions (see ``as_of``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Case,
    DecimalField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    When,
)
from django.db.models import CharField as CharModelField
from rest_framework.exceptions import NotFound

from udsat.web.data.models import LoadBatch, ObservationRevision

FIGURE_FIELDS = ("value", "absence", "unit", "source", "n_persons", "note", "batch_id")
_OUTPUT = {
    "value": DecimalField(max_digits=18, decimal_places=6), "absence": CharModelField(),
    "unit": CharModelField(), "source": CharModelField(), "n_persons": IntegerField(),
    "note": TextField(), "batch_id": IntegerField(),
}


@dataclass(frozen=True)
class Release:
    id: int
    loaded_at: str
    name: str
    dataset: str
    synthetic: bool
    digest: str
    latest: bool

    def as_dict(self) -> dict:
        return {"id": self.id, "loaded_at": self.loaded_at, "name": self.name,
                "dataset": self.dataset, "synthetic": self.synthetic, "digest": self.digest,
                "latest": self.latest}

    @property
    def tag(self) -> str:
        """A short name for file names and headers: ``r12``."""
        return f"r{self.id}"


def _release(batch: LoadBatch, latest_id: int) -> Release:
    return Release(batch.id, batch.loaded_at.isoformat(timespec="seconds"), batch.name,
                   batch.dataset, batch.synthetic, batch.digest, batch.id == latest_id)


def latest_id() -> int:
    return LoadBatch.objects.order_by("-id").values_list("id", flat=True).first() or 0


def resolve(release_id: int | None) -> Release | None:
    """The release asked for (404 when unknown), else the latest; None when nothing is loaded."""
    newest = latest_id()
    if release_id is None:
        if not newest:
            return None
        return _release(LoadBatch.objects.get(id=newest), newest)
    batch = LoadBatch.objects.filter(id=release_id).first()
    if batch is None:
        raise NotFound({"release": [f"release {release_id} does not exist"]})
    return _release(batch, newest)


def all_releases() -> list[Release]:
    newest = latest_id()
    return [_release(b, newest) for b in LoadBatch.objects.order_by("-id")]


def observations_as_of(queryset: QuerySet, release: Release | None) -> QuerySet:
    """Observations as they stood at ``release``, each with ``r_<field>`` annotations holding
    the figure then in force (the current one for the latest release)."""
    if release is None or release.latest:
        return queryset.annotate(**{f"r_{f}": F(f) for f in FIGURE_FIELDS})
    rid = release.id
    earlier = ObservationRevision.objects.filter(
        observation=OuterRef("pk"), batch_id__lte=rid, superseded_by_id__gt=rid,
    ).order_by("-superseded_at", "-id")
    queryset = queryset.filter(Q(batch_id__lte=rid) | Exists(earlier))
    return queryset.annotate(**{
        f"r_{f}": Case(When(batch_id__lte=rid, then=F(f)),
                       default=Subquery(earlier.values(f)[:1]), output_field=_OUTPUT[f])
        for f in FIGURE_FIELDS
    })


def as_of(queryset: QuerySet, release: Release | None) -> QuerySet:
    """Rows of a table without revisions, as loaded up to ``release``.

    Exact for rows never revised; a row a later release revised is left out (its earlier
    content is not kept), which the API documents.
    """
    if release is None or release.latest:
        return queryset
    return queryset.filter(batch_id__lte=release.id)
