"""The words of an explanation, one table per language with the same keys (checked by a test).

Each entry is a ``str.format`` template; the code picks the entry, never the language. Danish
first: a Danish page shows no English word (tests/domain/test_explanation_phrases.py).
"""

from __future__ import annotations

from udsat.domain.classification import RESIDENTS

PHRASES: dict[str, dict[str, str]] = {
    "da": {
        "heading": "Listen {year} efter {title} ({citation}).",
        "status": "Status: {terms}.",
        "insufficient": "Utilstrækkelige data: det kan ikke afgøres, om området er {unknown}; mangler: {missing}.",
        "no_status": "Området opfylder ikke betingelserne for nogen status.",
        "met": "Opfyldt: {rows}.",
        "not_met": "Ikke opfyldt: {rows}.",
        "unknown": "Ukendt: {rows}.",
        "value_unknown": "{label} (ukendt)",
        "rule": "kriterium: {symbol} {threshold}",
        "exactly_at": "præcis på grænsen",
        "above": "{margin} procentpoint over",
        "below": "{margin} procentpoint under",
        "prevention_tag": "{label} [forebyggelsesområde]",
        "history_missing": "status i {year}",
        "and": " og ",
        "to_or_below": "ned på {t} eller derunder",
        "below_t": "under {t}",
        "to_or_above": "op på {t} eller derover",
        "above_t": "over {t}",
        "residents_below": "under {t} beboere",
        "residents_to": "op på {t} beboere",
        "subject_share": "andelen",
        "subject_area": "området",
        "change_persons": "{persons} {who} ville bringe {subject} {target}",
        "change_about": "omkring {persons} {who} i {latest} alene ville bringe {years}-årsgennemsnittet "
                        "{target} ({why})",
        "latest_year": "det seneste af de {years} år",
        "why_two": "en ændring i ét af årene flytter gennemsnittet det halve, så det kræver omkring "
                   "dobbelt så mange",
        "why_many": "en ændring i ét af årene flytter gennemsnittet over {years} år med 1/{years} af "
                    "ændringen, så det kræver omkring {years} gange så mange",
        "change_value": "{label} {target} (nu {value} %)",
        "intro_persons": "Mindste enkeltændring talt i personer: ",
        "intro_residents": "Mindste enkeltændring: ingen ændring af ét enkelt kriterium ændrer status, men ",
        "intro_value": "Ændring, der ikke tælles i personer: ",
        "intro_no_base": "Ændring, hvor antallet af personer bag andelen ikke kendes: ",
        "lost": "området ville ikke længere være {terms}",
        "gained": "området ville blive {terms}",
        "undecided": "om området ville være {terms}, afhænger af listerne i {years}, som ikke kendes",
        "history_rule": "{name} kræver {needed} i hvert af de seneste {years} år ({start}-{year})",
        "transitional": " (overgangsregel)",
        "history_off": "ikke på listen i {years}",
        "history_unknown": "ukendt for {years}",
        "history_met": "opfyldt",
        "plan_letting_apply": "Som tidligere hårdt ghettoområde/omdannelsesområde med udviklingsplan gælder "
                              "planens særlige regler til planen er gennemført, senest {deadline} ({reference}); "
                              "udlejningsreglerne gælder fortsat ({clear} af {needed} år i træk uden for listerne).",
        "plan_letting_ended": "Som tidligere hårdt ghettoområde/omdannelsesområde med udviklingsplan gælder "
                              "planens særlige regler til planen er gennemført, senest {deadline} ({reference}); "
                              "udlejningsreglerne gælder ikke længere ({clear} af {needed} år i træk uden for "
                              "listerne).",
    },
    "en": {
        "heading": "The {year} list under {title} ({citation}).",
        "status": "Status: {terms}.",
        "insufficient": "Insufficient data: cannot decide whether the area is {unknown}; missing: {missing}.",
        "no_status": "The area meets the conditions for no status.",
        "met": "Met: {rows}.",
        "not_met": "Not met: {rows}.",
        "unknown": "Unknown: {rows}.",
        "value_unknown": "{label} (unknown)",
        "rule": "criterion: {symbol} {threshold}",
        "exactly_at": "exactly at the threshold",
        "above": "{margin} percentage points above",
        "below": "{margin} percentage points below",
        "prevention_tag": "{label} [prevention area]",
        "history_missing": "status in {year}",
        "and": " and ",
        "to_or_below": "to {t} or below",
        "below_t": "below {t}",
        "to_or_above": "to {t} or above",
        "above_t": "above {t}",
        "residents_below": "below {t} residents",
        "residents_to": "to {t} residents",
        "subject_share": "the share",
        "subject_area": "the area",
        "change_persons": "{persons} {who} would bring {subject} {target}",
        "change_about": "about {persons} {who} in {latest} alone would bring the {years}-year average "
                        "{target} ({why})",
        "latest_year": "the latest of the {years} years",
        "why_two": "a change in one of the years moves the average by half, so it takes about "
                   "twice as many",
        "why_many": "a change in one of the years moves the {years}-year average by 1/{years} of the "
                    "change, so it takes about {years} times as many",
        "change_value": "{label} {target} (now {value} %)",
        "intro_persons": "Smallest single change counted in persons: ",
        "intro_residents": "Smallest single change: no change in a single criterion alters the status, but ",
        "intro_value": "A change not counted in persons: ",
        "intro_no_base": "A change where the number of persons behind the share is not known: ",
        "lost": "the area would no longer be {terms}",
        "gained": "the area would become {terms}",
        "undecided": "whether the area would be {terms} depends on the lists of {years}, which are not known",
        "history_rule": "{name} requires {needed} in each of the last {years} years ({start}-{year})",
        "transitional": " (transitional rule)",
        "history_off": "not on the list in {years}",
        "history_unknown": "unknown for {years}",
        "history_met": "met",
        "plan_letting_apply": "As a former hard ghetto/transformation area with a development plan, the plan's "
                              "special rules apply until the plan is completed, at the latest {deadline} "
                              "({reference}); the letting rules still apply ({clear} of {needed} consecutive "
                              "years off the lists).",
        "plan_letting_ended": "As a former hard ghetto/transformation area with a development plan, the plan's "
                              "special rules apply until the plan is completed, at the latest {deadline} "
                              "({reference}); the letting rules no longer apply ({clear} of {needed} "
                              "consecutive years off the lists).",
    },
}

# measure -> the label of the share or figure
MEASURE_LABELS: dict[str, dict[str, str]] = {
    "da": {
        RESIDENTS: "beboere",
        "nonwestern_pct": "indvandrere og efterkommere fra ikke-vestlige lande",
        "outside_work_edu_pct": "18-64-årige uden for arbejde og uddannelse",
        "convicted_pct": "dømte blandt beboere på 18 år og derover",
        "basic_edu_pct": "30-59-årige med alene grunduddannelse",
        "income_pct_of_region": "bruttoindkomst i pct. af regionens",
        "national_convicted_pct": "dømte på landsplan",
    },
    "en": {
        RESIDENTS: "residents",
        "nonwestern_pct": "immigrants and descendants from non-Western countries",
        "outside_work_edu_pct": "residents aged 18-64 outside work and education",
        "convicted_pct": "convicted residents aged 18+",
        "basic_edu_pct": "residents aged 30-59 with basic education only",
        "income_pct_of_region": "gross income as a share of the region's",
        "national_convicted_pct": "national share convicted",
    },
}

# (measure, how, direction) -> who would have to change; ``how`` as in domain/change.py
MOVERS: dict[str, dict[tuple[str, str, str], str]] = {
    "da": {
        ("outside_work_edu_pct", "status", "down"): "flere beboere på 18-64 år i arbejde eller uddannelse",
        ("outside_work_edu_pct", "status", "up"): "flere beboere på 18-64 år uden for arbejde og uddannelse",
        ("convicted_pct", "status", "down"): "færre dømte beboere",
        ("convicted_pct", "status", "up"): "flere dømte beboere",
        ("basic_edu_pct", "status", "down"): "flere beboere på 30-59 år med mere end grunduddannelse",
        ("basic_edu_pct", "status", "up"): "flere beboere på 30-59 år med alene grunduddannelse",
        ("nonwestern_pct", "leave", "down"): "beboere med ikke-vestlig baggrund, der flyttede ud, uden at "
                                             "nogen flyttede ind,",
        ("nonwestern_pct", "arrive", "up"): "beboere med ikke-vestlig baggrund, der flyttede ind, uden at "
                                            "nogen flyttede ud,",
        (RESIDENTS, "residents", "down"): "færre beboere",
        (RESIDENTS, "residents", "up"): "flere beboere",
    },
    "en": {
        ("outside_work_edu_pct", "status", "down"): "more residents aged 18-64 in work or education",
        ("outside_work_edu_pct", "status", "up"): "more residents aged 18-64 outside work and education",
        ("convicted_pct", "status", "down"): "fewer convicted residents",
        ("convicted_pct", "status", "up"): "more convicted residents",
        ("basic_edu_pct", "status", "down"): "more residents aged 30-59 with more than basic education",
        ("basic_edu_pct", "status", "up"): "more residents aged 30-59 with basic education only",
        ("nonwestern_pct", "leave", "down"): "residents of non-Western origin moving out, with nobody "
                                             "moving in,",
        ("nonwestern_pct", "arrive", "up"): "residents of non-Western origin moving in, with nobody "
                                            "moving out,",
        (RESIDENTS, "residents", "down"): "fewer residents",
        (RESIDENTS, "residents", "up"): "more residents",
    },
}

# The old shape, measure -> (Danish, English), for callers that format labels themselves.
LABELS: dict[str, tuple[str, str]] = {
    measure: (MEASURE_LABELS["da"][measure], MEASURE_LABELS["en"][measure])
    for measure in MEASURE_LABELS["da"]
}
