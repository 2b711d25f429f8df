"""manage.py load_bundle DIR: verify a bundle and load it atomically."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from udsat.domain.bundle import BundleError
from udsat.web.data.loading import load_bundle


class Command(BaseCommand):
    help = "Verify a bundle (manifest, checksums, every row) and load it in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--loaded-by", default="cli")

    def handle(self, *args, directory: Path, loaded_by: str, **options):
        try:
            report = load_bundle(directory, loaded_by=loaded_by)
        except BundleError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(report.summary())
