"""Surveys are written in English and Danish; each person answers in their own language."""

from modeltranslation.translator import TranslationOptions, register

from .models import Question, Survey


@register(Survey)
class SurveyTranslation(TranslationOptions):
    fields = ("title", "intro")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "choices")
