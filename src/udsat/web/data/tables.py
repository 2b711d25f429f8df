"""How each bundle table's rows are checked and turned into model fields.

One parser per table: it reads a CSV row (all strings), appends a problem naming the file,
line and column for anything wrong, and returns the natural key and the field values to
store. Nothing here writes to the database; ``loading`` does that once every row is clean.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from udsat.domain.bundle import DESTINATION_KINDS, MOVE_TYPES, PLACE_KINDS, STATUS_ORIGINS
from udsat.domain.catalogue import Catalogue
from udsat.domain.limits import (
    MAX_COUNT,
    MAX_SMALL_WHOLE,
    count_problem,
    figure_problem,
    is_ascii_whole,
    is_year,
    parse_whole,
    period_problem,
)
from udsat.domain.observations import ABSENCES, parse_decimal
from udsat.domain.statuses import STATUSES, official_term

MAX_PROBLEMS_KEPT = 500


@dataclass
class RowContext:
    """What a row parser may consult, and where its problems go."""

    catalogue: Catalogue
    extra_areas: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    problem_count: int = 0
    file: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        return f"{self.file}, line {self.line}"

    def problem(self, column: str | None, reason: str) -> None:
        # Keep the first few hundred messages only: a bundle of a million bad rows must not
        # fill memory with a million messages.
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(f"{self.where}, column {column!r}: {reason}" if column
                                 else f"{self.where}: {reason}")

    _slugs: dict[str, str] = field(default_factory=dict)
    _indicator_ids: set[str] = field(default_factory=set)

    def known_indicator(self, code: str) -> bool:
        if code in self._indicator_ids:
            return True
        if not self._indicator_ids:
            self._indicator_ids.update(i.id for i in self.catalogue.indicators)
        return code in self._indicator_ids

    def area_slug(self, column: str, text: str) -> str | None:
        if text in self.extra_areas:
            return text
        slug = self._slugs.get(text)
        if slug is not None:  # a million rows name a few hundred areas: remember them
            return slug
        area = self.catalogue.geography.area(text)
        if area is not None and len(self._slugs) < 100_000:
            self._slugs[text] = area.slug
        if area is None:
            hints = ", ".join(self.catalogue.geography.suggest_areas(text)) or "none"
            self.problem(column, f"unknown area {text!r} (closest: {hints})")
            return None
        return area.slug

    def integer(self, column: str, text: str, required: bool = True,
                maximum: int = MAX_COUNT) -> int | None:
        """A whole number in ASCII digits within 0..maximum (the column's bound)."""
        text = (text or "").strip()
        if not text:
            if required:
                self.problem(column, "is empty")
            return None
        try:
            number = parse_whole(text)
        except ValueError as exc:
            self.problem(column, str(exc))
            return None
        reason = count_problem(number, maximum)
        if reason:
            self.problem(column, reason)
            return None
        return number

    def year(self, column: str, text: str) -> int | None:
        """A year: four ASCII digits (the column is a smallint)."""
        text = (text or "").strip()
        if not is_year(text):
            self.problem(column, f"{text!r} is not a year (four digits 0-9)")
            return None
        return int(text)

    def choice(self, column: str, text: str, allowed: tuple[str, ...]) -> str:
        if text not in allowed:
            self.problem(column, f"{text!r} is not one of {', '.join(allowed)}")
        return text


class Parsed(NamedTuple):
    """A checked row: its natural key and the values to store (a tuple: cheap per row)."""

    key: tuple
    fields: dict[str, Any]


def _figure(row: dict[str, str], ctx: RowContext) -> dict[str, Any]:
    """The columns observations and place observations share: a value or a typed absence."""
    indicator = row["indicator"]
    if not ctx.known_indicator(indicator):
        ctx.problem("indicator", f"unknown indicator {indicator!r}")
    text, absence, period = row["value"].strip(), row["absence"].strip(), row["period"].strip()
    value: Decimal | None = None
    if text:
        try:
            value = parse_decimal(text)
        except ValueError as exc:
            ctx.problem("value", str(exc))
        else:
            reason = figure_problem(value)
            if reason:
                ctx.problem("value", reason)
                value = None
        if absence:
            ctx.problem(None, "give a value or an absence, not both")
    elif not absence:
        ctx.problem(None, "give a value or an absence (a missing figure is never zero)")
    if absence and absence not in ABSENCES:
        ctx.problem("absence", f"{absence!r} is not one of {', '.join(ABSENCES)}")
    if not period:
        ctx.problem("period", "is empty")
    elif period_problem(period):
        ctx.problem("period", period_problem(period))
    n_persons = row["n_persons"]
    return {
        "indicator": indicator, "period": period, "breakdown": row["breakdown"].strip(),
        "value": value, "absence": absence, "unit": row["unit"], "source": row["source"],
        "n_persons": ctx.integer("n_persons", n_persons, required=False) if n_persons else None,
        "note": row["note"],
    }


def parse_observation(row: dict[str, str], ctx: RowContext) -> Parsed | None:
    area = ctx.area_slug("area", row["area"])
    values = _figure(row, ctx)
    if area is None:
        return None
    values["area"] = area
    return Parsed((area, values["indicator"], values["period"], values["breakdown"]), values)


def parse_place_observation(row: dict[str, str], ctx: RowContext) -> Parsed | None:
    kind = ctx.choice("place_kind", row["place_kind"], PLACE_KINDS)
    code = row["place_code"].strip()
    geography = ctx.catalogue.geography
    if kind == "municipality" and geography.municipality(code) is None:
        ctx.problem("place_code", f"unknown municipality code {code!r}")
    if kind == "region" and not (is_ascii_whole(code) and geography.region(int(code))):
        ctx.problem("place_code", f"unknown region code {code!r}")
    values = _figure(row, ctx)
    values.update(place_kind=kind, place_code=code)
    key = (kind, code, values["indicator"], values["period"], values["breakdown"])
    return Parsed(key, values)


def parse_status(row: dict[str, str], ctx: RowContext) -> Parsed | None:
    """One area's state on one list in one year: on it or not, and how that is known."""
    area = ctx.area_slug("area", row["area"])
    year = ctx.year("year", row["year"])
    status = row["status"].strip()
    if status not in STATUSES:
        ctx.problem("status", f"{status!r} is not one of {', '.join(STATUSES)}")
    elif year is not None and official_term(status, year) != row["term"]:
        ctx.problem("term", f"{row['term']!r} is not the official term for {status} in {year} "
                    f"({official_term(status, year)!r})")
    origin = ctx.choice("origin", row["origin"], STATUS_ORIGINS)
    on_list = ctx.choice("on_list", row["on_list"], ("true", "false")) == "true"
    if area is None or year is None:
        return None
    values = {"area": area, "year": year, "status": status, "origin": origin, "term": row["term"],
              "rule_version": row["rule_version"], "source_url": row["source_url"],
              "note": row["note"], "on_list": on_list, "derivation_da": row["derivation_da"],
              "derivation_en": row["derivation_en"]}
    return Parsed((area, year, status, origin), values)


def parse_flow(row: dict[str, str], ctx: RowContext) -> Parsed | None:
    year = ctx.year("year", row["year"])
    origin = ctx.area_slug("origin", row["origin"])
    kind = ctx.choice("destination_kind", row["destination_kind"], DESTINATION_KINDS)
    destination = ctx.area_slug("destination", row["destination"]) if row["destination"] else None
    if kind == "listed_area" and not row["destination"]:
        ctx.problem("destination", "a move to a listed area names the area")
    move_type = ctx.choice("move_type", row["move_type"], MOVE_TYPES)
    suppressed = ctx.choice("suppressed", row["suppressed"], ("true", "false")) == "true"
    n_persons = ctx.integer("n_persons", row["n_persons"], required=False)
    if suppressed == (n_persons is not None):
        ctx.problem("n_persons", "a suppressed flow has no count, an unsuppressed one has one")
    if origin is None or year is None:
        return None
    values = {"year": year, "origin": origin, "destination": destination,
              "destination_kind": kind, "move_type": move_type, "n_persons": n_persons,
              "suppressed": suppressed}
    return Parsed((year, origin, destination, kind, move_type), values)


def parse_area(row: dict[str, str], ctx: RowContext) -> Parsed | None:
    slug = row["slug"].strip()
    if ctx.catalogue.geography.area(slug) is not None:
        ctx.problem("slug", f"{slug!r} is a catalogue area; the areas table adds new ones only")
    code = ctx.integer("municipality_code", row["municipality_code"], maximum=MAX_SMALL_WHOLE)
    if code is not None and ctx.catalogue.geography.municipality(code) is None:
        ctx.problem("municipality_code", f"unknown municipality code {code}")
    synthetic = ctx.choice("synthetic", row["synthetic"], ("true", "false")) == "true"
    if not row["name"].strip():
        ctx.problem("name", "is empty")
    values = {"slug": slug, "name": row["name"].strip(), "municipality_code": code,
              "synthetic": synthetic}
    return Parsed((slug,), values)


# Table name -> row parser, in load order (areas first: other tables refer to them).
PARSERS: dict[str, Callable[[dict[str, str], RowContext], Parsed | None]] = {
    "areas": parse_area,
    "observations": parse_observation,
    "place_observations": parse_place_observation,
    "statuses": parse_status,
    "flows": parse_flow,
}
