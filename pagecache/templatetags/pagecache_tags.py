from django import template

from pagecache import generation

register = template.Library()


@register.simple_tag
def page_cache_generation():
    """The current generation, to key ``{% wagtailcache %}`` fragments with (see base.html)."""
    return generation.current()
