"""The sentence beside an area's newest status reads its numbers from the rule files and says
no more than the record knows."""

import pytest
from django.utils import translation

from udsat.domain.listing import RecordEntry, resolve
from udsat.web.areas.reasons import status_reason


def _year(year, **states):
    """The year as the record resolves it (implications included) from these rows."""
    entries = [RecordEntry(year, "a", code, on, ("https://example.org",), line=n)
               for n, (code, on) in enumerate(states.items(), start=2)]
    return resolve(entries, {}, ["a"]).year("a", year)


@pytest.mark.parametrize(("year", "states", "expected"), [
    # 2018-2020: L 38's transitional rule looks back five years (2018.toml), not four.
    (2019, {"transformation": True}, "ghettoområde i hvert af de seneste 5 år"),
    (2022, {"transformation": True}, "parallelsamfund i hvert af de seneste 5 år"),
    # 2021 rules: parallelsamfund = non-Western > 50 % within an udsat area (2 of 4 criteria).
    (2022, {"segregated": True}, "over 50 % indvandrere og efterkommere fra ikke-vestlige "
                                 "lande og opfylder mindst 2 af 4 kriterier"),
    # § 61 b: non-Western > 30 % and 2 of the 4 prevention criteria.
    (2023, {"prevention": True}, "over 30 % indvandrere og efterkommere fra ikke-vestlige "
                                 "lande og opfylder mindst 2 af 4 kriterier"),
    (2013, {"segregated": True}, "mindst 1.000 beboere og opfylder mindst 3 af 5 kriterier"),
    (2023, {"vulnerable": False, "prevention": False}, "står ikke på nogen af listerne fra 2023"),
    # Off the parallelsamfund list, the udsatte list unknown: it says only that.
    (2022, {"segregated": False}, "står ikke på listen over parallelsamfund, "
                                  "omdannelsesområde fra 2022; om de øvrige lister"),
])
def test_status_reason_follows_the_rule_file_and_the_record(year, states, expected):
    with translation.override("da"):
        assert expected in status_reason(_year(year, **states))
