"""Print the data-protection officer's overview as Markdown (the same as the admin page).

manage.py personal_data_register --language da > personal-data.md
"""

from django.core.management.base import BaseCommand
from django.utils import translation

from privacy import overview


class Command(BaseCommand):
    help = "Print the personal data the site holds, with purpose and retention, as Markdown."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="en", choices=["en", "da"])

    def handle(self, *args, language="en", **options):
        with translation.override(language):
            self.stdout.write(overview.markdown())
