"""The few views the URL configuration needs itself: closed pages and uploaded images."""

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.static import serve

# Rendition file names change whenever the image or the filter changes, so they can be kept.
IMAGE_MAX_AGE = 60 * 60 * 24 * 30


def not_found(request, *args, **kwargs):
    raise Http404


def serve_image_file(request, path):
    """An uploaded image or one of its renditions, straight from MEDIA_ROOT.

    Only ``original_images/`` and ``images/`` are served: Wagtail images are public, whereas
    documents may be private and go through Wagtail's own view (/documents/...), which checks
    the collection's privacy. A proxy that serves these folders itself takes the load off
    gunicorn (README: Production); this view keeps images working when it does not.
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=IMAGE_MAX_AGE)
    return response
