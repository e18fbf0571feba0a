"""Compile ``locale/*/LC_MESSAGES/*.po`` to ``.mo`` without needing GNU gettext installed."""

import os
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the translation catalogues (pure Python, no msgfmt needed)."

    def handle(self, *args, **options):
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                mo_path = po_path.with_suffix(".mo")
                # Written beside it and moved into place, so a process starting meanwhile
                # (CI runs two test passes at once) reads the old file or the new, never half.
                fd, partial = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.partial")
                os.close(fd)
                try:
                    catalogue.save_as_mofile(partial)
                    os.chmod(partial, 0o644)  # readable as a plain file would be
                    os.replace(partial, mo_path)
                finally:
                    if os.path.exists(partial):
                        os.remove(partial)
                self.stdout.write(f"Compiled {po_path} ({catalogue.percent_translated()}%)")
