"""StreamField blocks for the public pages, grouped in ``BodyBlock`` which every page reuses."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from evaluation.blocks import LiveFiguresBlock

from .editing import LabelledRichTextBlock
from .video import player_url


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        preview_value = {"text": "What a match involves", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("advice", _("Advice")), ("tip", _("Tip")), ("pitfall", _("Pitfall"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = LabelledRichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Advice, tip or pitfall")
        template = "blocks/callout_block.html"
        preview_value = {"kind": "tip", "title": "Tip", "text": "<p>Meet somewhere calm.</p>"}


class KeyFactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=80)
    value = blocks.CharBlock(label=_("Value"), max_length=300)


class KeyFactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    facts = blocks.ListBlock(KeyFactBlock(), label=_("Facts"))

    class Meta:
        icon = "list-ul"
        label = _("Key facts")
        template = "blocks/key_facts_block.html"
        preview_value = {
            "title": "At a glance",
            "facts": [{"label": "Length", "value": "Six months"}],
        }


class FeatureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = LabelledRichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])
    page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80, required=False)


class FeatureListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    features = blocks.ListBlock(FeatureBlock(), label=_("Items"))

    class Meta:
        icon = "grip"
        label = _("Cards")
        template = "blocks/feature_list_block.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = LabelledRichTextBlock(
        label=_("Answer"), features=["bold", "italic", "link", "ul", "ol"]
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "blocks/question_block.html"


class StatisticBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("For example 90 %"))
    label = blocks.CharBlock(label=_("What it measures"), max_length=200)


class StatisticsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    statistics = blocks.ListBlock(StatisticBlock(), label=_("Figures"))
    source = blocks.CharBlock(label=_("Source"), max_length=300, required=False)

    class Meta:
        icon = "table"
        label = _("Figures")
        template = "blocks/statistics_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=300)
    page = blocks.PageChooserBlock(label=_("Page"))
    button_text = blocks.CharBlock(label=_("Button text"), max_length=80)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class PictureBlock(ImageBlock):
    """Wagtail's image block with its fields and its error in the editor's language: Wagtail's
    Danish catalogue has no words for them. Deconstructed as Wagtail's ImageBlock."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.child_blocks["decorative"].label = _("Image is decorative")
        self.child_blocks["alt_text"].label = _("Alt text")

    def clean(self, value):
        try:
            return super().clean(value)
        except blocks.StructBlockValidationError as error:
            if "alt_text" in error.block_errors:
                missing = ValidationError(
                    _("Please add some alt text for your image or mark it as decorative")
                )
                raise blocks.StructBlockValidationError(
                    block_errors={**error.block_errors, "alt_text": missing}
                ) from error
            raise


def picture_block(**kwargs):
    """The picture with its alternative text for this use (suggested from the image's own)
    or "decorative" (alt=""); publishing asks for one of the two."""
    return PictureBlock(label=_("Image"), **kwargs)


class CaptionedImageBlock(blocks.StructBlock):
    image = picture_block()
    caption = blocks.CharBlock(label=_("Caption"), max_length=300)
    credit = blocks.CharBlock(
        label=_("Credit"),
        max_length=120,
        required=False,
        help_text=_("Who made the picture, for example: Photo: Anna Jensen"),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/captioned_image_block.html"


class VideoEmbedBlock(EmbedBlock):
    """A YouTube or Vimeo address, played without third-party cookies (home/video.py).

    Those two are accepted without asking the provider, so an editor can save one while the
    provider is out of reach; any other address is checked as Wagtail's embed block does and
    shown as a link."""

    def clean(self, value):
        if value and player_url(value.url):
            return value
        return super().clean(value)


class VideoBlock(blocks.StructBlock):
    video = VideoEmbedBlock(
        label=_("Video address"),
        help_text=_("The address of a YouTube or Vimeo video, for example https://youtu.be/…"),
    )
    title = blocks.CharBlock(
        label=_("What the video is"),
        max_length=200,
        help_text=_("For people who cannot see it, and as the link text if it cannot be played."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=300, required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        video = value.get("video")
        context["video_url"] = video.url if video else ""
        context["player_url"] = player_url(context["video_url"])
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = LabelledRichTextBlock(
        label=_("Paragraph"),
        features=["h3", "bold", "italic", "link", "ol", "ul", "image"],
        template="blocks/paragraph_block.html",
    )
    callout = CalloutBlock()
    key_facts = KeyFactsBlock()
    cards = FeatureListBlock()
    question = QuestionBlock()
    statistics = StatisticsBlock()
    live_figures = LiveFiguresBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    image = picture_block(template="blocks/image_block.html")
    captioned_image = CaptionedImageBlock()
    video = VideoBlock()


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=60, help_text=_("For example Facebook"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")
