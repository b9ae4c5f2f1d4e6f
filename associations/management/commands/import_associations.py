"""manage.py import_associations FILE [--dry-run]: see associations/importer.py for columns."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from associations.importer import __doc__ as COLUMNS
from associations.importer import import_associations


class Command(BaseCommand):
    help = "Import associations from the association register's open data (CSV).\n" + (
        COLUMNS or ""
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (UTF-8)")
        parser.add_argument("--dry-run", action="store_true", help="Report only; change nothing")

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.exists():
            raise CommandError(f"No such file: {file}")
        text = path.read_text(encoding="utf-8-sig")
        show_progress = self.stdout.isatty() if hasattr(self.stdout, "isatty") else False

        def progress(done, total):
            if total >= 100 and (done % 50 == 0 or done == total):
                width = 30
                filled = width * done // total
                bar = "#" * filled + "-" * (width - filled)
                end = "\n" if done == total else ""
                stream = sys.stderr if not show_progress else self.stdout
                stream.write(f"\r[{bar}] {done}/{total}{end}")

        with transaction.atomic():
            report = import_associations(text, dry_run=dry_run, progress=progress)
        prefix = "Dry run: would be " if dry_run else ""
        self.stdout.write(f"{prefix}{report.summary()}.")
        for line, reason in report.rejected:
            self.stdout.write(f"  line {line}: rejected – {reason}")
