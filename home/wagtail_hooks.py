"""The page editor's two languages: readable language toggles, and which Danish fields are
empty (see home/editing.py)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css", order=100)
def editing_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-editing.css"))


@hooks.register("insert_editor_js", order=100)
def language_toggle_state():
    return format_html('<script src="{}"></script>', static("js/admin-language-toggle.js"))
