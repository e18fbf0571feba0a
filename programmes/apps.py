from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        # Before any viewset asks for a policy (a fallback one would be created otherwise).
        from . import policies

        policies.register()
        policies.install_log_entry_scope()
