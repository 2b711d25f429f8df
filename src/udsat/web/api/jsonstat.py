"""A table as a JSON-stat 2.0 dataset (https://json-stat.org/full/).

Dimensions carry codes (category ``index``) and labels in the request's language. A cell
with a figure has its number in ``value``; a cell with a typed absence has ``null`` there
and the absence's code in ``status`` (suppressed, not_published, not_applicable, missing),
whose meanings travel in ``extension.status`` and in ``note`` - a suppressed cell is never a
number. A combination of categories with no row at all is ``null`` without a status.
"""

from __future__ import annotations

from math import prod

from django.utils.translation import gettext as _

from udsat.domain.observations import ABSENCES, absence_label
from udsat.web.api.tabular import Table

# Past this many cells a dense value array would be mostly nulls: send an object instead
# (JSON-stat 2.0 allows ``value`` and ``status`` as objects keyed by the cell's index).
DENSE_LIMIT = 200_000


def dataset(table: Table, language: str, href: str = "") -> dict:
    cube = table.cube
    assert cube is not None, f"{table.name} has no JSON-stat form"
    categories: list[dict[str, str]] = [{} for _ in cube.dimensions]
    cells: list[tuple[tuple[str, ...], object, str]] = []
    for row in table.rows:
        key = tuple(row[d.code] for d in cube.dimensions)
        for i, d in enumerate(cube.dimensions):
            categories[i].setdefault(key[i], row[d.label])
        cells.append((key, row[cube.value], row[cube.absence] or ""))
    for i, d in enumerate(cube.dimensions):
        if d.role == "time":
            categories[i] = dict(sorted(categories[i].items()))
    index = [{code: n for n, code in enumerate(c)} for c in categories]
    size = [len(c) for c in categories]
    strides = [prod(size[i + 1:]) for i in range(len(size))]
    dense = prod(size) <= DENSE_LIMIT
    values: list | dict = [None] * prod(size) if dense else {}
    status: dict[str, str] = {}
    for key, value, absence in cells:
        position = sum(index[i][code] * strides[i] for i, code in enumerate(key))
        values[position if dense else str(position)] = None if absence else value
        if absence:
            status[str(position)] = absence
    meanings = {code: absence_label(code, language) for code in ABSENCES}
    result: dict = {
        "version": "2.0", "class": "dataset", "label": table.title,
        "source": "udsat", "id": [d.id for d in cube.dimensions], "size": size,
        "dimension": {}, "value": values,
        "note": [_("status %(code)s: %(meaning)s; værdien er null, aldrig 0.")
                 % {"code": code, "meaning": meaning} for code, meaning in meanings.items()],
        "extension": {"status": meanings},
    }
    if status:
        result["status"] = status
    if href:
        result["href"] = href
    if table.release is not None:
        result["updated"] = table.release.loaded_at
        result["extension"]["release"] = table.release.as_dict()
    roles: dict[str, list[str]] = {}
    for i, d in enumerate(cube.dimensions):
        category: dict = {"index": index[i], "label": categories[i]}
        if d.role == "metric" and cube.unit is not None:
            category["unit"] = {code: _unit(cube.unit(code)) for code in categories[i]}
        result["dimension"][d.id] = {"label": d.title, "category": category}
        if d.role:
            roles.setdefault(d.role, []).append(d.id)
    if roles:
        result["role"] = roles
    return result


def _unit(unit: dict) -> dict:
    return {"label": unit.get("label", ""), "decimals": unit.get("decimals", 0)}
