"""Build the demo site: bilingual pages, settings, accounts, participants, matches, events.

Idempotent: running it again updates what it made and duplicates nothing. Refuses to run
unless the settings allow demo content (development and test settings only).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from accounts import role_sync

# Each app contributes one builder; later builders may use what earlier ones made.
BUILDERS = [
    "programmes.demo.build",
    "evaluation.demo.build_surveys",
    "home.demo.build",
    "portal.demo.build",
    "events.demo.build",
    "evaluation.demo.build",
    "intake.demo.build",
]


class Command(BaseCommand):
    help = "Create or update the demo content (never under production settings)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "Refusing to load demo content: these settings do not allow it "
                "(demo accounts have a published password)."
            )
        with transaction.atomic():
            # The demo's editor and coordinators join the role groups; make sure they exist.
            role_sync.sync()
            for path in BUILDERS:
                import_string(path)(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
