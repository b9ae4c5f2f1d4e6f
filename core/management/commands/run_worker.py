"""The worker: takes tasks from the database queue (django-tasks-db's `db_worker`, with the same
options), after queueing again what a stopped worker left behind."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core.mail import requeue_lost


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background worker: queue again the emails a stopped worker left, then take "
        "tasks from the database queue until stopped (options as db_worker's)."
    )

    def handle(self, *args, **options):
        requeued = requeue_lost()
        if requeued and options["verbosity"]:
            self.stdout.write(f"Queued {requeued} emails again that a stopped worker left.")
        super().handle(*args, **options)
