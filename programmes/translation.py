"""Fields of programmes that exist in English and Danish."""

from modeltranslation.translator import TranslationOptions, register

from .models import Programme, SuccessCriterion, Track


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description", "area")


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("name",)


@register(SuccessCriterion)
class SuccessCriterionTranslation(TranslationOptions):
    fields = ("name",)
