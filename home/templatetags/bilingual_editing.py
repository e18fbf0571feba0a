"""Tags for the admin's page listing and edit view: which Danish fields are empty and show
the English text instead (see home/editing.py)."""

from django import template

from home.editing import danish_missing_by_page, danish_missing_notice, missing_danish_labels

register = template.Library()


@register.simple_tag
def danish_missing(page):
    """The labels of the page's empty Danish fields ("title", "introduction")."""
    if page is None or not getattr(page, "pk", None):
        return []
    return missing_danish_labels(page)


@register.simple_tag
def danish_missing_notice_text(labels):
    return danish_missing_notice(labels)


@register.simple_tag
def danish_missing_in_listing(page, table):
    """The labels for one row of a page listing. The first row works them out for every row
    of the table at once, so a listing of fifty pages costs a few queries, not fifty."""
    missing = getattr(table, "_danish_missing", None)
    if missing is None:
        rows = list(getattr(table, "data", None) or [page])
        if page not in rows:
            rows.append(page)
        missing = danish_missing_by_page(rows)
        if table is not None:
            table._danish_missing = missing
    return missing.get(page.pk, [])
