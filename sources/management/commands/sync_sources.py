"""Sync sources: `sync_sources [--source ID]` syncs at once and prints one line per source
with its counts (and the skipped events' reasons, or the error); `sync_sources --due` is the
timer's (every 5 minutes): it queues the sources whose time has come for the worker."""

from django.core.management.base import BaseCommand, CommandError

from sources.models import RunStatus, Source
from sources.sync import sync_due, sync_source


class Command(BaseCommand):
    help = "Sync the sources now (or one with --source), or queue the due ones with --due."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--source", type=int, help="the id of the one source to sync")
        which.add_argument(
            "--due", action="store_true", help="queue the sources whose sync is due (the timer)"
        )

    def handle(self, *args, source=None, due=False, **options):
        if due:
            runs = sync_due()
            self.stdout.write(f"Sources queued: {len(runs)}")
            return
        sources = Source.objects.order_by("pk")
        if source is not None:
            sources = sources.filter(pk=source)
            if not sources.exists():
                raise CommandError(f"No source with the id {source}.")
        for item in sources:
            run = sync_source(item)
            self.stdout.write(f"{item.pk} {item.name}: {run_line(run)}")
            for skipped in run.report.get("skipped", []):
                self.stdout.write(f"    skipped {skipped['origin_id']}: {skipped['reason']}")
            for held in run.report.get("held", []) if run.status == RunStatus.HELD else []:
                self.stdout.write(f"    held {held['origin_id']}: {held['title']}")
            if run.status == RunStatus.FAILED:
                self.stdout.write(f"    failed: {run.error}")


def run_line(run):
    return (
        f"created {run.created}, updated {run.updated}, cancelled {run.cancelled}, "
        f"unchanged {run.unchanged}, skipped {run.skipped}"
    )
