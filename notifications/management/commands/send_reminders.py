"""Daily: end the matches whose end date has come (goodbye emails), then send reminders for
upcoming events and check-ins that are due.

Cron (every morning at 07:00, Danish time):
    0 7 * * *  cd /srv/hostprogramme && .venv/bin/python manage.py send_reminders
"""

from django.core.management.base import BaseCommand

from notifications.reminders import run_daily


class Command(BaseCommand):
    help = (
        "End matches on their end date, then send what is due today (goodbyes, events, "
        "check-ins). Safe to run twice."
    )

    def handle(self, *args, **options):
        sent = run_daily()
        self.stdout.write(f"Sent {len(sent)} reminder(s).")
