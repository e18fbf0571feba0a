"""The image form in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE): alternative text is required
in both languages, so an image cannot be uploaded or saved without it."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from home.wording import language_in_sentence


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            field = self.fields.get(f"description_{code}")
            if field is None:
                continue
            field.required = True
            field.label = _("Alternative text (%(language)s)") % {
                "language": language_in_sentence(name)
            }
            field.help_text = _(
                "What the picture shows, for people who cannot see it: screen readers read it "
                "aloud, and browsers show it when the picture does not load. Where the picture "
                "is only decoration, tick “Image is decorative” in the image block."
            )
            field.error_messages["required"] = _(
                "Write the alternative text in %(language)s: an image cannot be used without it."
            ) % {"language": language_in_sentence(name)}
