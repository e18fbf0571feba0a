import re

from django.utils import translation


def url_in(language, page):
    with translation.override(language):
        return page.get_url()


def text(response):
    """The page's visible text with whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())
