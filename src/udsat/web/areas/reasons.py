"""The one-sentence reason beside an area's newest status: what the status means in law.

The full, figure-by-figure explanation is the criteria panel's; this sentence only says what
being on that list means (almenboligloven § 61 a as amended by L 38 (2018-19) and L 23
(2021-22)), in the term in force for the list's year.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from udsat.domain.listing import ListYear

NEW_TERMS_FROM = 2021  # L 23 (2021-22): parallelsamfund, omdannelsesområde, forebyggelsesområde
CRITERIA_FROM = 2018  # L 38 (2018-19): at least 1,000 residents and two of four criteria


def status_reason(latest: ListYear | None) -> str:
    """'Et omdannelsesområde er ...' for the newest list's headline status, or ''."""
    if latest is None:
        return ""
    status, year = latest.headline_status, latest.year
    if not status:
        return _("Området står ikke på listen fra %(year)s.") % {"year": year}
    if status == "transformation":
        if year >= NEW_TERMS_FROM:
            return _("Et omdannelsesområde har været parallelsamfund i en årrække, som loven "
                     "fastsætter; andelen af almene familieboliger skal ned på højst 40 % i 2030.")
        return _("Et hårdt ghettoområde havde været ghettoområde de seneste fire år; andelen af "
                 "almene familieboliger skal ned på højst 40 % i 2030.")
    if status == "segregated" and year >= CRITERIA_FROM:
        return _("Området har mindst 1.000 beboere, over 50 % indvandrere og efterkommere fra "
                 "ikke-vestlige lande og opfylder mindst to af de fire kriterier om arbejde, "
                 "dømte, uddannelse og indkomst.")
    if status == "vulnerable" and year >= CRITERIA_FROM:
        return _("Området har mindst 1.000 beboere og opfylder mindst to af de fire kriterier "
                 "om arbejde, dømte, uddannelse og indkomst.")
    if status == "prevention":
        return _("Området har mindst 1.000 beboere, over 30 % indvandrere og efterkommere fra "
                 "ikke-vestlige lande og opfylder mindst to af de fem kriterier for "
                 "forebyggelsesområder.")
    return _("Området opfyldte det års kriterier for listen.")
