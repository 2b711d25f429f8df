"""manage.py seed_reports: the initial reports library (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from udsat.domain.catalogue import CatalogueError
from udsat.web.reports.seeding import seed_reports


class Command(BaseCommand):
    help = "Create or update the reports index page and the initial reports (reports.csv)."

    def handle(self, *args, **options):
        try:
            outcome = seed_reports()
        except CatalogueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(
            "Reports: {created} created, {updated} updated, {unchanged} unchanged".format(**outcome)
        )
