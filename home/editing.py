"""Editing pages in two languages: preview in English and in Danish, and which Danish fields
are still empty and fall back to English.

Every public page keeps its translatable fields side by side (``title_en``, ``title_da``, ...;
see ``home/translation.py``). wagtail-modeltranslation draws both in the edit view but
previews only in the admin's own language, and nothing tells an editor that a Danish field is
empty and the Danish page shows the English text instead. This module adds both.

Nothing here imports the page models at module level: ``home.models`` imports the preview
mixin from this module.
"""

from django.conf import settings
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail import blocks
from wagtail.contrib.routable_page.models import RoutablePageMixin

DEFAULT_LANGUAGE = "en"
FALLBACK_LANGUAGE = "da"


def preview_language(mode_name):
    """The language a preview mode shows; English for an unknown mode."""
    codes = [code for code, _name in settings.LANGUAGES]
    return mode_name if mode_name in codes else DEFAULT_LANGUAGE


def serve_in_language(serve, request, mode_name):
    """Call a page's ``serve_preview`` with the mode's language active, rendering the response
    before the language is switched back (a TemplateResponse renders lazily, after
    ``serve_preview`` returns)."""
    language = preview_language(mode_name)
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = serve(request, mode_name)
        if hasattr(response, "render") and callable(response.render):
            response.render()
    return response


class BilingualPreviewMixin:
    """Wagtail preview modes "English" and "Danish" for a page whose fields are translated.

    The page is rendered with the mode's language active, so ``page.title`` and the other
    translated fields read their Danish values (falling back to English where empty, as the
    public site does) and the templates' own strings are Danish. The default mode is English.

    Routable pages use ``BilingualRoutablePageMixin`` instead: ``RoutablePageMixin`` has a
    ``serve_preview`` of its own that does not call ``super()``."""

    @property
    def preview_modes(self):
        return [(code, _(name)) for code, name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return DEFAULT_LANGUAGE

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        # The fake request is built for the page's URL in the active language (/da/... in
        # Danish), so that the locale middleware, the language switcher and every link in the
        # preview agree with the mode.
        with translation.override(preview_language(preview_mode or self.default_preview_mode)):
            return super().make_preview_request(original_request, preview_mode, extra_request_attrs)

    def serve_preview(self, request, mode_name):
        return serve_in_language(super().serve_preview, request, mode_name)


class BilingualRoutablePageMixin(RoutablePageMixin):
    """``RoutablePageMixin`` whose preview (its "/" route) is rendered in the mode's language.
    Use it on a ``BasePage`` subclass in place of ``RoutablePageMixin``."""

    def serve_preview(self, request, mode_name):
        return serve_in_language(super().serve_preview, request, mode_name)


def translated_fields(page):
    """Names of the page's fields that have an English and a Danish version, in the order the
    model declares them (title and slug first, from Wagtail's ``Page``)."""
    try:
        options = translator.get_options_for_model(type(page))
    except NotRegistered:
        return []
    names = set(options.all_fields)
    ordered = [field.name for field in type(page)._meta.get_fields() if field.name in names]
    return ordered


# Fields an editor never types in Danish on purpose: the URL slug gets its own Danish value
# from the title, and the SEO fields are optional in both languages.
NOT_REPORTED = {"slug", "url_path", "seo_title", "search_description"}


def is_empty(value):
    """True for a missing translation: None, blank text, or a StreamField with no blocks."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return len(value) == 0
    except TypeError:
        return False


def missing_danish_fields(page):
    """The translated fields whose English value is filled in but whose Danish value is empty,
    so that the Danish page shows the English text. Returns the model field names."""
    missing = []
    for name in translated_fields(page):
        if name in NOT_REPORTED:
            continue
        english = getattr(page, build_localized_fieldname(name, DEFAULT_LANGUAGE), None)
        danish = getattr(page, build_localized_fieldname(name, FALLBACK_LANGUAGE), None)
        if not is_empty(english) and is_empty(danish):
            missing.append(name)
    return missing


def field_label(page, name):
    """The field's name as editors see it ("introduction"), in the admin's language."""
    return str(type(page)._meta.get_field(name).verbose_name)


def missing_danish_labels(page):
    return [field_label(page, name) for name in missing_danish_fields(page)]


def capitalised(labels):
    return [capfirst(label) for label in labels]


class LabelledRichTextBlock(blocks.RichTextBlock):
    """A rich text block whose Draftail editor is named after the block ("Paragraph",
    "Answer"), so that screen readers announce it and axe-core finds a name for the editable
    area (``aria-input-field-name``). In a StreamField the block's visible label is not tied
    to the editable area: its ``<label for>`` points at Draftail's hidden input.

    Draftail takes ``ariaLabel`` among its options, which the widget sends to the browser
    (lazy labels are translated when the edit view is drawn). Migrations record it as a plain
    ``RichTextBlock``: the name changes nothing stored."""

    @cached_property
    def field(self):
        field = super().field
        options = getattr(field.widget, "options", None)
        if isinstance(options, dict):
            options["ariaLabel"] = self.label
        return field

    def deconstruct(self):
        _path, args, kwargs = super().deconstruct()
        return "wagtail.blocks.RichTextBlock", args, kwargs
