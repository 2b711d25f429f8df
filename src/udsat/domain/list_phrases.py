"""Public sentences, per language, that say how a list state was reached.

A state read in a source needs no sentence (its source is linked); a derived row brings its
own sentences from the record; implied states and states from a complete list get theirs
here. Both languages have the same keys (a test checks it).
"""

from __future__ import annotations

from udsat.domain.criteria import rule_version_for_year
from udsat.domain.listing import COMPLETE, IMPLIED, ListState
from udsat.domain.statuses import official_term

PHRASES: dict[str, dict[str, str]] = {
    "da": {
        "implied_on": "Følger af, at området var {because} ({reference}): {inner} er altid "
                      "også {outer}.",
        "implied_off_outer": "Følger af, at området ikke var {because}: {inner} er altid "
                             "også {outer}.",
        "implied_off_excluded": "Følger af, at området var {because}: et område kan ikke "
                                "være begge dele ({reference}).",
        "complete": "Ikke på listen: vi kender hele listen over {plural} {year} "
                    "({size} områder), og området er ikke blandt dem.",
    },
    "en": {
        "implied_on": "Follows from the area being {because} ({reference}): {inner} is always "
                      "also {outer}.",
        "implied_off_outer": "Follows from the area not being {because}: {inner} is always "
                             "also {outer}.",
        "implied_off_excluded": "Follows from the area being {because}: an area cannot be "
                                "both ({reference}).",
        "complete": "Not on the list: we hold the whole {year} list of {plural} "
                    "({size} areas), and the area is not on it.",
    },
}

# Each official term with its article and in the plural, per language.
NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "da": {
        "udsat boligområde": ("et udsat boligområde", "udsatte boligområder"),
        "ghettoområde": ("et ghettoområde", "ghettoområder"),
        "hårdt ghettoområde": ("et hårdt ghettoområde", "hårde ghettoområder"),
        "parallelsamfund": ("et parallelsamfund", "parallelsamfund"),
        "omdannelsesområde": ("et omdannelsesområde", "omdannelsesområder"),
        "forebyggelsesområde": ("et forebyggelsesområde", "forebyggelsesområder"),
    },
    "en": {
        "udsat boligområde": ("a vulnerable housing area", "vulnerable housing areas"),
        "ghettoområde": ("a ghetto area (ghettoområde, the official term until 2020)",
                         "ghetto areas (ghettoområder)"),
        "hårdt ghettoområde": ("a hard ghetto area (hårdt ghettoområde, the official term "
                               "until 2020)", "hard ghetto areas (hårde ghettoområder)"),
        "parallelsamfund": ("a parallel society (parallelsamfund, the official term)",
                            "parallel societies (parallelsamfund)"),
        "omdannelsesområde": ("a transformation area (omdannelsesområde)",
                              "transformation areas (omdannelsesområder)"),
        "forebyggelsesområde": ("a prevention area (forebyggelsesområde)",
                                "prevention areas (forebyggelsesområder)"),
    },
}


def _name(code: str, year: int, language: str, plural: bool = False) -> str:
    term = official_term(code, year) or code
    return NAMES[language][term][1 if plural else 0]


def state_sentences(state: ListState, year: int, size: int | None = None) -> tuple[str, str]:
    """(Danish, English) sentence for an implied state or one from a complete list; the
    record's own sentences for a derived one; ("", "") for a state read in a source."""
    if state.origin == COMPLETE:
        return tuple(  # type: ignore[return-value]
            PHRASES[lang]["complete"].format(plural=_name(state.list, year, lang, plural=True),
                                             year=year, size=size if size is not None else "?")
            for lang in ("da", "en"))
    if state.origin != IMPLIED:
        return state.derivation_da, state.derivation_en
    rules = {r.code: r for r in rule_version_for_year(year).statuses}
    because = state.because_of
    if state.on_list:
        key, inner, outer = "implied_on", because, state.list
        reference = rules[because].legal_reference
    elif rules[state.list].within == because:
        key, inner, outer, reference = "implied_off_outer", state.list, because, ""
    else:
        key, inner, outer = "implied_off_excluded", state.list, because
        excluding = rules[state.list] if because in rules[state.list].excludes else rules[because]
        reference = excluding.legal_reference
    return tuple(  # type: ignore[return-value]
        PHRASES[lang][key].format(because=_name(because, year, lang), inner=_name(inner, year, lang),
                                  outer=_name(outer, year, lang), reference=reference)
        for lang in ("da", "en"))
