"""The explanation's phrase tables: the same keys in every language, and no English on a Danish
page."""

import re
from decimal import Decimal as D

from udsat.domain.classification import Measures, classify
from udsat.domain.explanation import explain
from udsat.domain.explanation_phrases import MEASURE_LABELS, MOVERS, PHRASES

# Common English words that are not also Danish words ("over", "under", "for", "i", "at",
# "men" are both, so they are not here).
ENGLISH = {
    "the", "and", "of", "would", "could", "area", "areas", "share", "residents", "resident",
    "more", "fewer", "with", "without", "not", "met", "unknown", "which", "whether", "change",
    "criterion", "year", "years", "work", "education", "income", "region", "list", "lists",
    "below", "above", "counted", "persons", "average", "latest", "only", "still", "apply",
    "depends", "known", "moving", "nobody", "insufficient", "missing", "exactly", "threshold",
    "percentage", "points", "requires", "each", "last", "smallest", "single", "no", "longer",
    "become", "about", "times", "twice", "half", "moves", "in", "to", "by", "or", "is", "be",
}


def _words(text: str) -> set[str]:
    text = re.sub(r"\{[^}]*\}", " ", text)  # placeholders are code, not words
    return {w.lower() for w in re.findall(r"[A-Za-zÆØÅæøå]+", text)}


def test_danish_and_english_have_the_same_keys():
    assert PHRASES.keys() == {"da", "en"}
    assert set(PHRASES["da"]) == set(PHRASES["en"])
    assert set(MEASURE_LABELS["da"]) == set(MEASURE_LABELS["en"])
    assert set(MOVERS["da"]) == set(MOVERS["en"])


def test_every_template_has_the_same_placeholders_in_both_languages():
    for key, danish in PHRASES["da"].items():
        assert set(re.findall(r"\{(\w+)\}", danish)) == set(re.findall(r"\{(\w+)\}", PHRASES["en"][key])), key


def test_no_english_word_in_a_danish_phrase():
    tables = [PHRASES["da"], MEASURE_LABELS["da"], MOVERS["da"]]
    found = {(key, word) for table in tables for key, text in table.items()
             for word in _words(text) & ENGLISH}
    assert found == set()


def test_the_word_list_catches_english():
    # The check is not empty: the English table is full of such words.
    assert len({w for text in PHRASES["en"].values() for w in _words(text) & ENGLISH}) > 20


def test_a_rendered_danish_explanation_has_no_english_word():
    measures = Measures(residents=1500, nonwestern_pct=D("60"), outside_work_edu_pct=D("39.7"),
                        basic_edu_pct=D("65"), convicted_pct=D("1.0"),
                        national_convicted_pct=D("0.70"), income_pct_of_region=D("54.9"),
                        base_persons={"outside_work_edu_pct": 1000})
    text = explain(classify(2020, measures), "da")
    # Statute citations ("L 38") and figures aside, every word is Danish.
    assert _words(text) & ENGLISH == set()
