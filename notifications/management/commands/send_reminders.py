"""Daily: send reminders for upcoming events and check-ins that are due.

Cron (every morning at 07:00, Danish time):
    0 7 * * *  cd /srv/hostprogramme && .venv/bin/python manage.py send_reminders
"""

from django.core.management.base import BaseCommand

from notifications.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send the reminders that are due today (events, check-ins). Safe to run twice."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"Sent {len(sent)} reminder(s).")
