"""Fields of the public pages and site settings that exist in English and Danish."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    ActivityIdeaPage,
    ActivityIndexPage,
    ContactSettings,
    ContentPage,
    FooterSettings,
    GuidePage,
    GuideStepPage,
    HomePage,
    ProgrammePage,
)

PAGE_FIELDS = ("intro", "body")


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = PAGE_FIELDS


@register(ContentPage)
class ContentPageTranslation(TranslationOptions):
    fields = PAGE_FIELDS


@register(GuidePage)
class GuidePageTranslation(TranslationOptions):
    fields = PAGE_FIELDS


@register(GuideStepPage)
class GuideStepPageTranslation(TranslationOptions):
    fields = PAGE_FIELDS


@register(ActivityIndexPage)
class ActivityIndexPageTranslation(TranslationOptions):
    fields = PAGE_FIELDS


@register(ActivityIdeaPage)
class ActivityIdeaPageTranslation(TranslationOptions):
    fields = PAGE_FIELDS + ("suits", "time_needed", "cost")


@register(ProgrammePage)
class ProgrammePageTranslation(TranslationOptions):
    fields = PAGE_FIELDS


@register(ContactSettings)
class ContactSettingsTranslation(TranslationOptions):
    fields = ("role", "organisation", "hours")


@register(FooterSettings)
class FooterSettingsTranslation(TranslationOptions):
    fields = ("about", "social_links")
