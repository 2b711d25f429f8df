"""Words for breakdowns, places and destinations (the bundle's slugs) in both languages."""

from django.utils.translation import gettext_lazy as _

BREAKDOWN_LABELS = {
    "": _("Alle"),
    "stayers": _("Bofaste"),
    "newcomers": _("Tilflyttere"),
    "existing": _("Hidtidige beboere"),
    "planned_rehousing": _("Fraflyttet ved planlagt genhusning"),
    "other_moves": _("Fraflyttet af andre grunde"),
    "decomp_stayers": _("Bidrag fra bofaste"),
    "decomp_outmovers": _("Bidrag fra fraflyttere"),
    "decomp_inmovers": _("Bidrag fra tilflyttere"),
}

PLACE_LABELS = {
    "municipality": _("Kommunen"),
    "region": _("Regionen"),
    "social_housing": _("Hele den almene sektor"),
    "country": _("Hele landet"),
}

DESTINATION_LABELS = {
    "listed_area": _("Et andet område på listerne"),
    "other_social_housing": _("Anden almen bolig"),
    "outside_social_housing": _("Uden for den almene sektor"),
    "unknown": _("Ukendt"),
}

MOVE_TYPE_LABELS = {
    "planned_rehousing": _("Planlagt genhusning"),
    "other": _("Anden flytning"),
}

LEVEL_LABELS = {
    "area": _("Området"),
    "residents": _("Beboerne"),
    "movers": _("Fraflytterne"),
    "sector": _("Resten af den almene sektor"),
}


def breakdown_label(slug: str) -> str:
    return str(BREAKDOWN_LABELS.get(slug, slug))
