"""manage.py ensure_roles: editorial groups, permissions and the review workflow."""

from django.core.management.base import BaseCommand

from udsat.web.reports.roles import ensure_roles


class Command(BaseCommand):
    help = "Create or complete the groups Editors, Moderators, Administrators, Data managers and the Review workflow."

    def handle(self, *args, **options):
        groups = ensure_roles()
        self.stdout.write("Roles ready: " + ", ".join(sorted(groups)))
