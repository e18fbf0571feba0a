"""Personal data under the GDPR: what the site holds about a person, how it is exported and
erased, how long it is kept, what people consented to, and who looked at it."""

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Personal data")

    def ready(self):
        # Every app declares its models' personal data in <app>/personal_data.py; third-party
        # apps' models are declared in privacy/personal_data.py.
        autodiscover_modules("personal_data")
