"""Fields of programmes that exist in English and Danish."""

from modeltranslation.translator import TranslationOptions, register

from .models import Interest, ProfessionalField, Programme, SuccessCriterion, Track


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description", "area")


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("name",)


@register(SuccessCriterion)
class SuccessCriterionTranslation(TranslationOptions):
    fields = ("name",)


@register(Interest)
class InterestTranslation(TranslationOptions):
    fields = ("name",)


@register(ProfessionalField)
class ProfessionalFieldTranslation(TranslationOptions):
    fields = ("name",)
