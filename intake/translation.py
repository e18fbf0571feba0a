"""Fields of the application form pages that exist in English and Danish."""

from modeltranslation.translator import TranslationOptions, register

from home.translation import PAGE_FIELDS

from .models import ApplicationFormPage


@register(ApplicationFormPage)
class ApplicationFormPageTranslation(TranslationOptions):
    fields = PAGE_FIELDS + ("thank_you", "alternatives")
