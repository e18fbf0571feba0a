import sys

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="accounts.sync_roles")


def sync_roles_after_migrate(sender, app_config, using, verbosity=1, plan=None, **kwargs):
    """After ``migrate`` (and the test databases' set-up), bring the role groups in line.

    Django sends post_migrate once per app; the sync runs on the last one, when every app's
    tables exist. Skipped after migrating backwards, when tables the sync needs may be gone.
    """
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if app_config is not with_models[-1]:
        return
    if plan and any(backwards for _migration, backwards in plan):
        return
    from django.core.management.color import color_style

    from accounts import role_sync
    from accounts.management.commands.sync_roles import report

    changes = role_sync.sync(using=using)
    stdout = kwargs.get("stdout") or sys.stdout
    report(changes, stdout, color_style(), verbosity=verbosity)
