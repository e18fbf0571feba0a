"""Loading the demo a second time changes nothing: no row is added or removed in any table,
no page gets a new revision, and every page keeps exactly its content."""

from django.apps import apps
from wagtail.models import Page, Revision

from home.demo_support import snapshot

from .conftest import load_demo


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    }


def pages():
    return {
        page.pk: (page.latest_revision_id, page.live_revision_id, snapshot(page))
        for page in Page.objects.specific()
    }


def revisions_per_page():
    return {page.pk: page.revisions.count() for page in Page.objects.all()}


def test_a_second_load_changes_no_count_and_adds_no_revision(demo):
    counts, revisions, before = row_counts(), revisions_per_page(), pages()
    assert Revision.objects.exists()

    output = load_demo()

    assert "published" not in output  # every page reported as unchanged
    assert row_counts() == counts
    assert revisions_per_page() == revisions
    assert pages() == before
