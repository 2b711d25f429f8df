"""manage.py backup --out DIR: the database and uploaded documents in one .tar.gz."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from udsat.web.data.backups import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded documents (MEDIA_ROOT) into one archive."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=Path("var/backups"))

    def handle(self, *args, out: Path, **options):
        try:
            archive = backup(out)
        except BackupError as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write(str(archive))
