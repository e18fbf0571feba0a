"""Daily: erase the personal data whose time is up (see privacy/retention.py).

0 6 * * *  .venv/bin/python manage.py apply_retention
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from privacy import retention


class Command(BaseCommand):
    help = "Erase participants whose data has passed its retention period; print counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be erased, erase nothing."
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="Act as if today were this date (YYYY-MM-DD).",
        )

    def handle(self, *args, dry_run=False, today=None, **options):
        counts = retention.apply_retention(today, dry_run=dry_run)
        after = counts[retention.AFTER_LAST_MATCH]
        never = counts[retention.NEVER_MATCHED]
        signups = counts[retention.UNCONFIRMED_SIGNUPS]
        lines = [
            ngettext(
                "%(count)s participant erased after their last match ended.",
                "%(count)s participants erased after their last match ended.",
                after,
            )
            % {"count": after},
            ngettext(
                "%(count)s participant erased who was never matched.",
                "%(count)s participants erased who were never matched.",
                never,
            )
            % {"count": never},
            ngettext(
                "%(count)s unconfirmed event sign-up deleted.",
                "%(count)s unconfirmed event sign-ups deleted.",
                signups,
            )
            % {"count": signups},
            ngettext(
                "%(count)s unconfirmed application deleted.",
                "%(count)s unconfirmed applications deleted.",
                counts[retention.UNCONFIRMED_APPLICATIONS],
            )
            % {"count": counts[retention.UNCONFIRMED_APPLICATIONS]},
            ngettext(
                "%(count)s declined application deleted.",
                "%(count)s declined applications deleted.",
                counts[retention.DECLINED_APPLICATIONS],
            )
            % {"count": counts[retention.DECLINED_APPLICATIONS]},
        ]
        if dry_run:
            lines.insert(0, _("Dry run: nothing was erased."))
        self.stdout.write("\n".join(lines))
