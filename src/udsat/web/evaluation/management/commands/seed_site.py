"""manage.py seed_site: create the site's first pages (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from udsat.web.evaluation.seeding import ContentError, seed_site


class Command(BaseCommand):
    help = "Create the front page and the pages about the evaluation, if they are missing."

    def handle(self, *args, **options):
        try:
            created = seed_site()
        except ContentError as error:
            raise CommandError(str(error)) from None
        if created:
            self.stdout.write("created: " + ", ".join(created))
        else:
            self.stdout.write("site already seeded; nothing changed")
