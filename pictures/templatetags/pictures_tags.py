from django import template

from pictures.renditions import BODY_SIZES, CARD_RATIO, CARD_SIZES, HERO_RATIO, picture_html

register = template.Library()


@register.simple_tag
def responsive_picture(image, sizes=BODY_SIZES, hero=False, alt=None):
    """``{% responsive_picture image %}``: see ``pictures.renditions.picture_html``."""
    return picture_html(image, sizes=sizes, hero=hero, alt=alt)


@register.simple_tag
def card_picture(image):
    """A listing card's picture: decorative, since the card's title says what it is about."""
    return picture_html(image, sizes=CARD_SIZES, alt="", ratio=CARD_RATIO)


@register.simple_tag
def hero_picture(image):
    """A page's own picture at the top: loaded at once, cut to the hero's shape."""
    return picture_html(image, hero=True, ratio=HERO_RATIO)
