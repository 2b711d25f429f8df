"""Rule versions of the statutory lists (almenboligloven § 61 a, § 61 b, § 168 a), as data.

Each file in ``catalogue/criteria/`` is one law version (or one amendment) with its
effective dates and legal reference. They are validated once on load; a bad file fails with
its name and the key, e.g. ``2018.toml: criterion[1].comparison: unknown comparison 'gt'``.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from udsat.domain.rule_version import (
    COMPARISONS,
    EDUCATION_TREATMENTS,
    MEASURES,
    REFERENCES,
    Amendment,
    Counting,
    Criterion,
    RuleVersion,
    StatusRule,
    Transitional,
)
from udsat.domain.statuses import STATUSES

__all__ = [
    "COMPARISONS", "CRITERIA_DIR", "MEASURES", "REFERENCES", "Amendment", "Counting",
    "CriteriaError", "Criterion", "RuleVersion", "StatusRule", "Transitional", "load_rule_versions",
    "rule_version", "rule_version_for_year", "rule_versions",
]

CRITERIA_DIR = Path(__file__).resolve().parent.parent / "catalogue" / "criteria"


class CriteriaError(ValueError):
    """A criteria file is malformed; names the file and the key."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        self.file, self.key, self.reason = file, key, reason
        super().__init__(f"{file}: {key}: {reason}")


class _Reader:
    """Typed access to one TOML table, naming file and key in every error."""

    def __init__(self, file: str, key: str, raw: Any) -> None:
        if not isinstance(raw, dict):
            raise CriteriaError(file, key, "expected a table")
        self.file, self.key, self.raw = file, key, raw

    def _fail(self, name: str, reason: str) -> CriteriaError:
        return CriteriaError(self.file, f"{self.key}.{name}", reason)

    def get(self, name: str, kind: type | tuple[type, ...], required: bool = True) -> Any:
        if name not in self.raw:
            if required:
                raise self._fail(name, "is missing")
            return None
        value = self.raw[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise self._fail(name, f"expected {getattr(kind, '__name__', kind)}, got {value!r}")
        return value

    def decimal(self, name: str, required: bool = True) -> Decimal | None:
        text = self.get(name, str, required)
        if text is None:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise self._fail(name, f"{text!r} is not a decimal number (write it as a string)") from None

    def names(self, name: str, allowed: set[str] | tuple[str, ...]) -> tuple[str, ...]:
        values = self.get(name, list, required=False) or []
        for value in values:
            if value not in allowed:
                raise self._fail(name, f"unknown name {value!r}; known: {', '.join(sorted(allowed))}")
        return tuple(values)

    def check_unknown(self, known: set[str]) -> None:
        for name in self.raw:
            if name not in known:
                raise self._fail(name, f"unknown key; known: {', '.join(sorted(known))}")


def _criterion(reader: _Reader) -> Criterion:
    reader.check_unknown(
        {"id", "measure", "comparison", "threshold", "factor", "reference", "wording_da",
         "statute", "age_band", "years_averaged"}
    )
    measure = reader.get("measure", str)
    if measure not in MEASURES:
        raise reader._fail("measure", f"unknown measure {measure!r}; known: {', '.join(MEASURES)}")
    comparison = reader.get("comparison", str)
    if comparison not in COMPARISONS:
        raise reader._fail("comparison", f"unknown comparison {comparison!r}; known: {', '.join(COMPARISONS)}")
    threshold, factor = reader.decimal("threshold", False), reader.decimal("factor", False)
    reference = reader.get("reference", str, False)
    if (threshold is None) == (factor is None):
        raise reader._fail("threshold", "give either threshold or factor with reference")
    if factor is not None and reference not in REFERENCES:
        raise reader._fail("reference", f"a factor needs a reference, one of {', '.join(REFERENCES)}")
    return Criterion(
        id=reader.get("id", str), measure=measure, comparison=comparison, threshold=threshold,
        factor=factor, reference=reference, wording_da=reader.get("wording_da", str),
        statute=reader.get("statute", str), age_band=reader.get("age_band", str, False) or "",
        years_averaged=reader.get("years_averaged", int, False),
    )


def _status(reader: _Reader, criterion_ids: set[str], earlier: set[str]) -> StatusRule:
    reader.check_unknown(
        {"code", "legal_reference", "min_criteria", "of", "requires", "within", "excludes",
         "history_status", "history_years", "transitional"}
    )
    code = reader.get("code", str)
    if code not in STATUSES:
        raise reader._fail("code", f"unknown status {code!r}; known: {', '.join(STATUSES)}")
    within = reader.get("within", str, False)
    if within is not None and within not in earlier:
        raise reader._fail("within", f"{within!r} is not a status defined earlier in the file")
    rule = StatusRule(
        code=code, legal_reference=reader.get("legal_reference", str),
        min_criteria=reader.get("min_criteria", int, False), of=reader.names("of", criterion_ids),
        requires=reader.names("requires", criterion_ids), within=within,
        excludes=reader.names("excludes", earlier),
        history_status=reader.get("history_status", str, False),
        history_years=reader.get("history_years", int, False),
        transitional=tuple(
            Transitional(
                first_list_year=t.get("first_list_year", int), last_list_year=t.get("last_list_year", int),
                history_years=t.get("history_years", int),
            )
            for i, raw in enumerate(reader.get("transitional", list, False) or [])
            for t in [_Reader(reader.file, f"{reader.key}.transitional[{i}]", raw)]
        ),
    )
    if rule.min_criteria is not None and not 1 <= rule.min_criteria <= len(rule.of):
        raise reader._fail("min_criteria", f"must be between 1 and the {len(rule.of)} criteria in 'of'")
    if (rule.history_status is None) != (rule.history_years is None):
        raise reader._fail("history_years", "history_status and history_years go together")
    if rule.history_status is not None and rule.history_status not in earlier:
        raise reader._fail("history_status", f"{rule.history_status!r} is not defined earlier")
    if rule.min_criteria is None and not (rule.requires or rule.within):
        raise reader._fail("min_criteria", "a status needs min_criteria, requires or within")
    return rule


def _counting(reader: _Reader) -> Counting:
    """The [counting] table: the ministry's practice, each choice with its source."""
    reader.check_unknown(
        {"unknown_education", "foreign_education", "education_source", "population_year",
         "register_year", "data_years_source", "deviations"}
    )
    treatments = {}
    for name, allowed in EDUCATION_TREATMENTS.items():
        value = reader.get(name, str)
        if value not in allowed:
            raise reader._fail(name, f"unknown treatment {value!r}; known: {', '.join(allowed)}")
        treatments[name] = value
    offsets = {}
    for name in ("population_year", "register_year"):
        value = reader.get(name, int)
        if not -5 <= value <= 0:
            raise reader._fail(name, f"{value} is not an offset from the list year between -5 and 0")
        offsets[name] = value
    for name in ("education_source", "data_years_source"):
        if not reader.get(name, str).strip():
            raise reader._fail(name, "a counting choice needs its source")
    return Counting(
        **treatments, education_source=reader.get("education_source", str), **offsets,
        data_years_source=reader.get("data_years_source", str),
        deviations=tuple(reader.get("deviations", list, False) or ()),
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise CriteriaError(path.name, "-", f"not valid TOML: {exc}") from None


def _date(reader: _Reader, name: str, required: bool = True) -> dt.date | None:
    value = reader.get(name, dt.date, required)
    if isinstance(value, dt.datetime):
        raise reader._fail(name, "expected a date without time")
    return value


def _version(file: str, data: dict[str, Any]) -> RuleVersion:
    head = _Reader(file, "version", data.get("version"))
    criteria_raw = data.get("criterion") or []
    criteria = tuple(_criterion(_Reader(file, f"criterion[{i}]", c)) for i, c in enumerate(criteria_raw))
    ids = [c.id for c in criteria]
    if len(set(ids)) != len(ids):
        raise CriteriaError(file, "criterion", f"duplicate criterion ids in {ids}")
    statuses: list[StatusRule] = []
    for i, raw in enumerate(data.get("status") or []):
        statuses.append(_status(_Reader(file, f"status[{i}]", raw), set(ids), {s.code for s in statuses}))
    if not statuses:
        raise CriteriaError(file, "status", "a rule version defines at least one status")
    return RuleVersion(
        name=head.get("name", str), title_da=head.get("title_da", str), title_en=head.get("title_en", str),
        effective_from=_date(head, "effective_from"), effective_to=_date(head, "effective_to", False),
        list_month=head.get("list_month", int), list_day=head.get("list_day", int),
        first_list_year=head.get("first_list_year", int),
        last_list_year=head.get("last_list_year", int, False),
        legal_reference=head.get("legal_reference", str), citation=head.get("citation", str),
        sources=tuple(head.get("sources", list)),
        minimum_residents=head.get("minimum_residents", int), criteria=criteria,
        statuses=tuple(statuses), notes=tuple(head.get("notes", list, False) or ()), file=file,
        counting=_counting(_Reader(file, "counting", data.get("counting"))),
    )


def _amendment(file: str, data: dict[str, Any]) -> tuple[Amendment, tuple[str, ...]]:
    r = _Reader(file, "amendment", data["amendment"])
    amendment = Amendment(
        name=r.get("name", str), title_da=r.get("title_da", str), title_en=r.get("title_en", str),
        effective_from=_date(r, "effective_from"), legal_reference=r.get("legal_reference", str),
        sources=tuple(r.get("sources", list)), former_status=r.get("former_status", str), plan_deadline=_date(r, "plan_deadline"),
        letting_clear_years=r.get("letting_clear_years", int),
        letting_clear_of=r.names("letting_clear_of", STATUSES),
        notes=tuple(r.get("notes", list, False) or ()), file=file,
    )
    if amendment.former_status not in STATUSES:
        raise r._fail("former_status", f"unknown status {amendment.former_status!r}")
    return amendment, tuple(r.get("applies_to", list))


def load_rule_versions(root: Path | None = None) -> tuple[RuleVersion, ...]:
    """Every rule version under ``root`` (default: the packaged catalogue), oldest first."""
    directory = root or CRITERIA_DIR
    versions: dict[str, RuleVersion] = {}
    amendments: list[tuple[Amendment, tuple[str, ...]]] = []
    for path in sorted(directory.glob("*.toml")):
        data = _read(path)
        if "amendment" in data:
            amendments.append(_amendment(path.name, data))
            continue
        version = _version(path.name, data)
        if version.name in versions:
            raise CriteriaError(path.name, "version.name", f"duplicate version name {version.name!r}")
        versions[version.name] = version
    for amendment, applies_to in amendments:
        for name in applies_to:
            if name not in versions:
                raise CriteriaError(amendment.file, "amendment.applies_to", f"unknown version {name!r}")
            old = versions[name]
            versions[name] = replace(old, amendments=old.amendments + (amendment,))
    ordered = tuple(sorted(versions.values(), key=lambda v: v.effective_from))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.effective_to is None or before.effective_to >= after.effective_from:
            raise CriteriaError(before.file, "version.effective_to", f"overlaps {after.file}")
    return ordered


@functools.cache
def _default_versions() -> tuple[RuleVersion, ...]:
    return load_rule_versions()


def rule_versions() -> tuple[RuleVersion, ...]:
    """The packaged rule versions, loaded once."""
    return _default_versions()


def rule_version(name: str) -> RuleVersion:
    """A packaged rule version by name ("2010", "2013", "2018", "2021")."""
    for version in _default_versions():
        if version.name == name:
            return version
    known = ", ".join(v.name for v in _default_versions())
    raise KeyError(f"unknown rule version {name!r}; known: {known}")


def rule_version_for_year(year: int) -> RuleVersion:
    """The version in force on that year's list date (1 October up to 2012, then 1 December).

    Each law sets its own list date, so the newest version in force on its own date wins.
    """
    for version in reversed(_default_versions()):
        if version.in_force_on(version.list_date(year)):
            return version
    raise KeyError(f"no rule version covers the list of {year} (the first statutory list is 2010)")
