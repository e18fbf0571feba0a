"""The page form every public page uses (``BasePage.base_form_class``): a page's picture must
have its alternative text in both languages before the page is published.

Image blocks in the body check their own text (Wagtail's ``ImageBlock``: alternative text or
"decorative"); both checks run only when publishing, since Wagtail defers validation for
drafts.
"""

from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.wording import language_in_sentence

from .alt_text import missing_alt_text_languages


class PictureCheckingPageForm(WagtailAdminPageForm):
    picture_fields = ("image",)

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        for name in self.picture_fields:
            missing = missing_alt_text_languages(cleaned_data.get(name))
            if missing:
                languages = get_text_list([language_in_sentence(n) for n in missing], _("or"))
                self.add_error(
                    name,
                    _(
                        "This picture has no alternative text in %(languages)s, so the page "
                        "cannot be published with it. Add the text to the image under Images "
                        "(what the picture shows, for people who cannot see it), or choose "
                        "another picture."
                    )
                    % {"languages": languages},
                )
        return cleaned_data
