"""What purges the page cache: any change to something a public page shows.

The rule is deliberately simple: one site-wide generation (``pagecache.generation``) changes
when any of these is saved or deleted, which purges every cached page, frame fragment (menu,
footer) and feed at once:

- pages (publishing, unpublishing, moving, deleting, and draft saves too: cheap and safe),
  their view restrictions, sites and the site settings shown in the frame (contact, footer);
- programmes and their tracks (programme pages, calendar filters), images and documents;
- event dates and sign-ups: the places left and the waiting list on event pages and in the
  calendar change at once, not after a lifetime.

A proxy in front (WAGTAILFRONTENDCACHE) is asked to purge the page's URLs in every language,
its parent (listings) and the home page when a page is published, unpublished or moved.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from . import generation

_watched = ()
_settings_models = ()


def watched_models():
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction, Site

    from events.models import EventOccurrence, SignUp
    from programmes.models import Programme, Track

    return (
        Page,
        PageViewRestriction,
        Site,
        BaseSiteSetting,
        BaseGenericSetting,
        AbstractImage,
        AbstractDocument,
        Programme,
        Track,
        EventOccurrence,
        SignUp,
    )


def model_changed(sender, instance, created=False, **kwargs):
    if created and isinstance(instance, _settings_models):
        return  # made empty on first use, while a page is rendered: nothing shown changed
    generation.bump()


def page_changed(sender, instance, **kwargs):
    generation.bump()
    purge_frontend_cache(instance)


def page_moved(sender, instance, **kwargs):
    generation.bump()
    purge_frontend_cache(instance)


def page_urls(page):
    """The page's full URL in every language (each language has its own slugs)."""
    urls = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = page.get_full_url()
            if url:
                urls.add(url)
    return urls


def purge_frontend_cache(page):
    """Ask the proxies configured in WAGTAILFRONTENDCACHE (none by default) to drop the page,
    its parent and the home page, in every language."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = set()
    for related in (page, page.get_parent(), page.get_site() and page.get_site().root_page):
        if related is not None and related.depth > 1:
            urls |= page_urls(related)
    purge_urls_from_cache(sorted(urls))


def connect():
    global _watched, _settings_models
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.signals import page_published, page_unpublished, post_page_move

    _watched = watched_models()
    _settings_models = (BaseSiteSetting, BaseGenericSetting)
    # Connected model by model: a receiver for every model would make Django load every row
    # it deletes (no fast deletes) anywhere in the project.
    for model in apps.get_models():
        if issubclass(model, _watched):
            post_save.connect(model_changed, sender=model, dispatch_uid=f"pagecache_saved_{model}")
            post_delete.connect(
                model_changed, sender=model, dispatch_uid=f"pagecache_deleted_{model}"
            )
    page_published.connect(page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="pagecache_moved")
