"""Editing pages in two languages: preview in English and in Danish, and which Danish fields
are still empty and fall back to English.

Every public page keeps its translatable fields side by side (``title_en``, ``title_da``, ...;
see ``home/translation.py``). wagtail-modeltranslation draws both in the edit view but
previews only in the admin's own language, and nothing tells an editor that a Danish field is
empty and the Danish page shows the English text instead. This module adds both.

Nothing here imports the page models at module level: ``home.models`` imports the preview
mixin from this module.
"""

import json

from django.conf import settings
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField

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


class BilingualPageMixin:
    """Wagtail preview modes "English" and "Danish" for a page whose fields are translated,
    and an edit form that marks the Danish fields that are empty and fall back to English.

    The page is rendered with the mode's language active, so ``page.title`` and the other
    translated fields read their Danish values (falling back to English where empty, as the
    public site does) and the templates' own strings are Danish. The default mode is English.

    Routable pages use ``BilingualRoutablePageMixin`` instead: ``RoutablePageMixin`` has a
    ``serve_preview`` of its own that does not call ``super()``."""

    base_form_class = None  # set below, once BilingualPageForm is defined

    @property
    def preview_modes(self):
        return list(settings.LANGUAGES)  # [("en", "English"), ("da", "Danish")], translated

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
    """Names of the fields of a page (or page model) that have an English and a Danish
    version, in the order the model declares them (title and slug first, from ``Page``)."""
    model = page if isinstance(page, type) else type(page)
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    names = set(options.all_fields)
    return [field.name for field in model._meta.get_fields() if field.name in names]


# Fields an editor never types in Danish on purpose: the URL slug gets its own Danish value
# from the title, and the SEO fields are optional in both languages.
NOT_REPORTED = {"slug", "url_path", "seo_title", "search_description"}


def is_empty(value, stream=False):
    """True for a missing translation: None, blank text, or a StreamField with no blocks
    (a ``StreamValue``, or its stored JSON text as a revision keeps it)."""
    if value is None:
        return True
    if isinstance(value, str):
        text = value.strip()
        if stream and text.startswith("["):
            try:
                return len(json.loads(text)) == 0
            except ValueError:
                return False
        return not text
    try:
        return len(value) == 0
    except TypeError:
        return False


def missing_danish_fields(page, values=None):
    """The translated fields whose English value is filled in but whose Danish value is empty,
    so that the Danish page shows the English text. Returns the model field names.

    ``values`` may give the stored values by localised name (``{"intro_da": ...}``, as a
    revision's content holds them) instead of reading them from the page."""
    model = type(page)
    missing = []
    for name in translated_fields(page):
        if name in NOT_REPORTED:
            continue
        stream = isinstance(model._meta.get_field(name), StreamField)
        english_name = build_localized_fieldname(name, DEFAULT_LANGUAGE)
        danish_name = build_localized_fieldname(name, FALLBACK_LANGUAGE)
        if values is None:
            english, danish = getattr(page, english_name, None), getattr(page, danish_name, None)
        else:
            english, danish = values.get(english_name), values.get(danish_name)
        if not is_empty(english, stream) and is_empty(danish, stream):
            missing.append(name)
    return missing


def field_label(page, name):
    """The field's name as editors see it ("introduction"), in the admin's language."""
    return str(type(page)._meta.get_field(name).verbose_name)


def missing_danish_labels(page, values=None):
    return [field_label(page, name) for name in missing_danish_fields(page, values)]


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


def danish_missing_notice(labels):
    """One sentence naming the empty Danish fields, for the top of the edit view."""
    return ngettext(
        "This field is empty in Danish, so the Danish page shows the English text: %(fields)s.",
        "These fields are empty in Danish, so the Danish page shows the English text: %(fields)s.",
        len(labels),
    ) % {"fields": ", ".join(str(label) for label in labels)}


def name_rich_text_editors(form):
    """Name each rich text field's Draftail editor after the field ("Thank-you text [da]"),
    as ``LabelledRichTextBlock`` does for blocks: the field's ``<label for>`` points at
    Draftail's hidden input, not at the editable area. The widget gets its own options, as
    form fields share their widget's options with the model's form field."""
    # Imported here: the rich text converters load the page model, and this module is
    # imported while the models are being loaded.
    from wagtail.admin.rich_text import DraftailRichTextArea

    for field in form.fields.values():
        if isinstance(field.widget, DraftailRichTextArea):
            field.widget.options = {**field.widget.options, "ariaLabel": field.label}


class BilingualPageForm(WagtailAdminPageForm):
    """The page edit form. Each Danish field that is empty while its English one is filled
    in says so in its help text ("Empty in Danish: the Danish page shows the English text"),
    which Wagtail draws under the field and ties to it with ``aria-describedby``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_rich_text_editors(self)
        self.danish_missing = missing_danish_fields(self.instance) if self.instance.pk else []
        for name in self.danish_missing:
            field = self.fields.get(build_localized_fieldname(name, FALLBACK_LANGUAGE))
            if field is None:
                continue
            note = _("Empty in Danish: the Danish page shows the English text.")
            field.help_text = f"{note} {field.help_text}".strip() if field.help_text else note


BilingualPageMixin.base_form_class = BilingualPageForm


def danish_missing_by_page(pages):
    """``{page id: [field labels]}`` for the pages of a listing whose Danish fields are empty,
    as their editors last saved them: the latest draft where there are unpublished changes,
    else the page itself. Pages with nothing missing are left out.

    A listing's pages come without their StreamFields, so the values are read in one query
    per page type, and the drafts' in one query, however many pages are listed."""
    from wagtail.models import Revision

    pages = [page for page in pages if translated_fields(page)]
    draft_ids = {
        page.pk: page.latest_revision_id
        for page in pages
        if page.has_unpublished_changes and page.latest_revision_id
    }
    drafts = dict(Revision.objects.filter(pk__in=draft_ids.values()).values_list("pk", "content"))
    by_model = {}
    for page in pages:
        if draft_ids.get(page.pk) not in drafts:
            by_model.setdefault(type(page), []).append(page.pk)
    stored = {}
    for model, ids in by_model.items():
        names = [
            build_localized_fieldname(name, language)
            for name in translated_fields(model)
            if name not in NOT_REPORTED
            for language in (DEFAULT_LANGUAGE, FALLBACK_LANGUAGE)
        ]
        for row in model._default_manager.filter(pk__in=ids).values("pk", *names):
            stored[row["pk"]] = row

    missing = {}
    for page in pages:
        values = drafts.get(draft_ids.get(page.pk)) or stored.get(page.pk, {})
        labels = missing_danish_labels(page, values)
        if labels:
            missing[page.pk] = labels
    return missing
