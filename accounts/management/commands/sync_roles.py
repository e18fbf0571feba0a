"""Bring the role groups (editors, coordinators, programme leads) in line with accounts.roles.

Runs by itself after every ``migrate``; run it by hand to see what it would put right, e.g.
after someone changed a group's permissions in the admin.
"""

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from accounts import role_sync


class Command(BaseCommand):
    help = (
        "Create the role groups declared in accounts/roles.py and give each exactly the declared "
        "permissions (adding missing ones, removing any other); report what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, **options):
        changes = role_sync.sync(using=database)
        report(changes, self.stdout, self.style, options["verbosity"])


def report(changes, stdout, style, verbosity=1):
    """Print the changes at verbosity >= 1 (migrate's default); warnings stand out."""
    if verbosity < 1:
        return
    for change in changes:
        if change.action == role_sync.SKIPPED:
            stdout.write(style.WARNING(f"Roles: {change}"))
        else:
            stdout.write(f"Roles: {change}")
    made = [change for change in changes if change.action != role_sync.SKIPPED]
    if made:
        stdout.write(style.SUCCESS(f"Roles: {len(made)} change(s); the groups are in line."))
    else:
        stdout.write("Roles: no changes; the groups were already in line.")
