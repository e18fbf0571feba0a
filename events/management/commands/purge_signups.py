"""Daily: delete public event sign-ups that were never confirmed by the emailed link."""

from django.core.management.base import BaseCommand

from events.services import UNCONFIRMED_SIGNUP_LIFETIME, purge_unconfirmed_signups


class Command(BaseCommand):
    help = "Delete public event sign-ups left unconfirmed for two days. Safe to run twice."

    def handle(self, *args, **options):
        count = purge_unconfirmed_signups()
        days = UNCONFIRMED_SIGNUP_LIFETIME.days
        self.stdout.write(f"Deleted {count} unconfirmed event sign-up(s) older than {days} days.")
