"""Slugs and name matching: sources spell area names differently."""

import pytest

from udsat.domain.catalogue import default_catalogue
from udsat.domain.geography import normalise_name, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Gellerupparken/Toveshøj", "gellerupparken-toveshoej"),
        ("Mjølnerparken", "mjoelnerparken"),
        ("Taastrupgård", "taastrupgaard"),
        ("Skovvejen/Skovparken", "skovvejen-skovparken"),
        ("Æblehaven  og Rønnebærparken", "aeblehaven-og-roennebaerparken"),
        ("Café Ørkenen!", "cafe-oerkenen"),
    ],
)
def test_slug_is_lower_case_ascii_with_danish_letters_spelt_out(name, slug):
    assert slugify(name) == slug


def test_name_matching_ignores_case_spacing_and_trailing_dot():
    assert normalise_name("  GELLERUP/Toveshøj. ") == normalise_name("gellerup/toveshøj")


@pytest.mark.parametrize(
    ("spelling", "slug"),
    [
        ("Gellerupparken/Toveshøj", "gellerupparken-toveshoej"),
        ("Gellerup/Toveshøj", "gellerupparken-toveshoej"),
        ("Skovvejen/Skovparken", "skovvejen-skovparken"),
        ("Skovparken/Skovvejen", "skovvejen-skovparken"),
        ("mjoelnerparken", "mjoelnerparken"),
    ],
)
def test_source_spellings_resolve_to_one_area(spelling, slug):
    area = default_catalogue().geography.area(spelling)
    assert area is not None and area.slug == slug


def test_unknown_area_gets_the_closest_known_names():
    suggestions = default_catalogue().geography.suggest_areas("Mjølnerparkn")
    assert suggestions[0] == "Mjølnerparken"


def test_area_knows_its_municipality_and_region():
    geography = default_catalogue().geography
    area = geography.area("Vollsmose")
    municipality = geography.municipality_of(area)
    assert (municipality.code, municipality.name) == (461, "Odense")
    assert geography.region(municipality.region_code).name == "Region Syddanmark"
