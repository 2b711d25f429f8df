"""manage.py restore ARCHIVE: replace the database and uploaded documents with a backup's."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from udsat.web.data.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` (checksums verified first)."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive: Path, **options):
        try:
            manifest = restore(archive)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(f"restored {archive} ({manifest['engine']}, made "
                          f"{manifest['created_at']}, {len(manifest['files'])} files)")
