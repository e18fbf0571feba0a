"""``manage.py load_scale --times 100``: made-up data on top of the demo (``home.scale``), for
the page benchmark and for tests of how the site behaves as the programme grows."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home import scale


class Command(BaseCommand):
    help = "Add made-up participants, matches, meetings, events and sign-ups, N times the demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--times",
            type=int,
            default=10,
            help="How many units to add; one unit is 20 participants, 8 matches, 100 meetings, "
            "3 events and 30 sign-ups (default 10).",
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Refusing to load made-up data: these settings do not allow it.")
        if options["times"] < 1:
            raise CommandError("--times must be 1 or more.")
        started = time.perf_counter()
        try:
            made = scale.build(options["times"], seed=options["seed"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Added {made} in {seconds:.1f} s."))
