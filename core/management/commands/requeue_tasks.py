"""Timer (every 10 minutes): queue again the emails whose task was lost, in case a worker was
killed and has not been restarted (a restarted worker does this itself)."""

from django.core.management.base import BaseCommand

from core.mail import requeue_lost


class Command(BaseCommand):
    help = "Queue again pending emails whose delivery task was lost (a killed worker)."

    def handle(self, *args, **options):
        self.stdout.write(f"{requeue_lost()} emails queued again.")
