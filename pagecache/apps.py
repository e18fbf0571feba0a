from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from django.core.signals import request_finished, request_started

        from . import generation, signals

        signals.connect()
        generation.keep_site_root_paths()
        request_started.connect(generation.request_started, dispatch_uid="pagecache_started")
        request_finished.connect(generation.request_finished, dispatch_uid="pagecache_finished")
