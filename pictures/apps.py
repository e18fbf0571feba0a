from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PicturesConfig(AppConfig):
    name = "pictures"
    verbose_name = _("Pictures")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from pictures.models import SiteImage
        from pictures.signals import prepare_after_save

        post_save.connect(prepare_after_save, sender=SiteImage, dispatch_uid="pictures-prepare")
