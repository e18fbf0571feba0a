"""Template filters for wording that depends on the language: ``{% load wording %}``."""

from django import template

from home.wording import language_in_sentence

register = template.Library()


@register.filter(name="language_in_sentence")
def language_in_sentence_filter(name):
    """``{{ user.get_preferred_language_display|language_in_sentence }}``: "Danish" in
    English, "dansk" in Danish."""
    return language_in_sentence(name)
