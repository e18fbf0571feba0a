"""The image's alternative text exists in English and Danish."""

from modeltranslation.translator import TranslationOptions, register

from .models import SiteImage


@register(SiteImage)
class ImageTranslation(TranslationOptions):
    fields = ("description",)
