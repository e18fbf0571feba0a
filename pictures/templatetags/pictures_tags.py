from django import template

from pictures.renditions import BODY_SIZES, CARD_SIZES, picture_html

register = template.Library()


@register.simple_tag
def responsive_picture(image, sizes=BODY_SIZES, hero=False, alt=None):
    """``{% responsive_picture image %}``: see ``pictures.renditions.picture_html``."""
    return picture_html(image, sizes=sizes, hero=hero, alt=alt)


@register.simple_tag
def card_picture(image):
    """A listing card's picture: decorative, since the card's title says what it is about."""
    return picture_html(image, sizes=CARD_SIZES, alt="")
