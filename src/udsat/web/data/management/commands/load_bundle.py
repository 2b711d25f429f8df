"""manage.py load_bundle DIR: verify a bundle and load it atomically (or, with --dry-run, count)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from udsat.domain.bundle import BundleError
from udsat.web.data.loading import load_bundle


class Command(BaseCommand):
    help = "Verify a bundle (manifest, checksums, every row) and load it in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--loaded-by", default="cli")
        parser.add_argument("--dry-run", action="store_true",
                            help="check and count new, revised and unchanged rows; write nothing")
        parser.add_argument("--json", action="store_true", dest="as_json",
                            help="print the report as JSON")

    def handle(self, *args, directory: Path, loaded_by: str, dry_run: bool = False,
               as_json: bool = False, **options):
        try:
            report = load_bundle(directory, loaded_by=loaded_by, dry_run=dry_run)
        except BundleError as exc:
            raise CommandError(str(exc), returncode=2) from None  # bad input: exit 2
        self.stdout.write(json.dumps(report.as_dict()) if as_json else report.summary())
