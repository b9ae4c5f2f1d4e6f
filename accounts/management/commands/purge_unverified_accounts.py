"""Delete the accounts whose address was not confirmed within a day of signing up, so that a
stranger's sign-up with someone's address does not keep that person from signing up.
Run it hourly from a timer: `python manage.py purge_unverified_accounts`."""

from django.core.management.base import BaseCommand

from accounts.services import purge_unverified


class Command(BaseCommand):
    help = "Delete accounts not confirmed within a day of signing up."

    def handle(self, *args, **options):
        count = purge_unverified()
        self.stdout.write(f"Deleted {count} unconfirmed account(s).")
