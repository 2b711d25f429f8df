"""API fixtures: the reference bundle plus a small synthetic bundle, and its revision.

The synthetic figures (Vollsmose, Odense = municipality 461):
  single_parent_households_pct 2022: 20.0 (400 persons); 2023: 18.0 (380 persons);
  2023 for stayers: suppressed (no value, no count).
The revision changes 2023 to 17.5 and adds 2024: 16.0.
"""

import pytest

from udsat.domain.bundle import (
    SCHEMA_VERSION,
    TABLE_COLUMNS,
    Manifest,
    now_utc,
    write_csv_table,
    write_manifest,
)

IND = "single_parent_households_pct"


def synthetic_bundle(directory, revised: bool = False):
    directory.mkdir(parents=True, exist_ok=True)
    value_2023 = "17.5" if revised else "18.0"
    observations = [
        ("vollsmose", IND, "2022", "", "20.0", "", "pct", "dst-registers", "400", ""),
        ("vollsmose", IND, "2023", "", value_2023, "", "pct", "dst-registers", "380", ""),
        ("vollsmose", IND, "2023", "stayers", "", "suppressed", "pct", "dst-registers", "", ""),
    ]
    if revised:
        observations.append(
            ("vollsmose", IND, "2024", "", "16.0", "", "pct", "dst-registers", "370", ""))
    places = [("municipality", "461", IND, "2023", "", "9.0", "", "pct", "dst-registers",
               "9000", "")]
    flows = [
        ("2023", "vollsmose", "", "other_social_housing", "planned_rehousing", "42", "false"),
        ("2023", "vollsmose", "", "unknown", "other", "", "true"),
    ]
    files = (
        write_csv_table(directory, "observations", TABLE_COLUMNS["observations"], observations),
        write_csv_table(directory, "place_observations", TABLE_COLUMNS["place_observations"],
                        places),
        write_csv_table(directory, "flows", TABLE_COLUMNS["flows"], flows),
    )
    write_manifest(directory, Manifest(
        schema_version=SCHEMA_VERSION, name="synthetic-api-test", created_at=now_utc(), producer="tests",
        files=files, dataset="synthetic", synthetic=True))
    return directory


@pytest.fixture
def api_data(loaded_reference, tmp_path):
    """The reference figures and the first synthetic release; returns that release's id."""
    from udsat.web.data.loading import load_bundle

    return load_bundle(synthetic_bundle(tmp_path / "v1"), loaded_by="tests").batch_id


@pytest.fixture
def revised_data(api_data, tmp_path):
    """(first release id, revision's release id) after the revision is loaded."""
    from udsat.web.data.loading import load_bundle

    second = load_bundle(synthetic_bundle(tmp_path / "v2", revised=True), loaded_by="tests")
    return api_data, second.batch_id
