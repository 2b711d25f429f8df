"""Mirror the catalogue's areas and indicators into the database (idempotent)."""

from __future__ import annotations

from udsat.domain.catalogue import Catalogue
from udsat.web.data.models import Area, Indicator


def sync_catalogue(catalogue: Catalogue) -> int:
    """Create or update Area and Indicator rows; returns how many rows changed."""
    changed = 0
    geography = catalogue.geography
    for area in geography.areas:
        muni = geography.municipality_of(area)
        region = geography.region(muni.region_code)
        wanted = {
            "name": area.name,
            "municipality_code": muni.code,
            "municipality_name": muni.name,
            "region_code": muni.region_code,
            "region_name": region.name if region else "",
            "aliases": list(area.aliases),
            "evaluated_2018": area.evaluated_2018,
        }
        changed += _upsert(Area, {"slug": area.slug}, wanted)
    for ind in catalogue.indicators:
        wanted = {
            "theme": ind.theme,
            "label_da": ind.label_da,
            "label_en": ind.label_en,
            "description_da": ind.description_da,
            "description_en": ind.description_en,
            "level": ind.level,
            "unit": ind.unit,
            "universe": ind.universe,
            "source": ind.source,
            "precision": ind.precision,
        }
        changed += _upsert(Indicator, {"code": ind.id}, wanted)
    return changed


def _upsert(model, key: dict, wanted: dict) -> int:
    row = model.objects.filter(**key).first()
    if row is None:
        model.objects.create(**key, **wanted)
        return 1
    if all(getattr(row, field) == value for field, value in wanted.items()):
        return 0
    for field, value in wanted.items():
        setattr(row, field, value)
    row.save()
    return 1
