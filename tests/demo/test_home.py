"""The demo command builds the public site in English and Danish, idempotently."""

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page, Site

from home.models import (
    ActivityIdeaPage,
    ActivityIndexPage,
    ContactSettings,
    ContentPage,
    FooterSettings,
    GuidePage,
    GuideStepPage,
    HomePage,
)

from .conftest import load_demo

HOME_PAGE_TYPES = [
    HomePage,
    ContentPage,
    GuidePage,
    GuideStepPage,
    ActivityIndexPage,
    ActivityIdeaPage,
]


def page_url(page, language):
    with translation.override(language):
        return page.get_url()


def test_builds_every_page_type_live_under_the_default_site(demo):
    counts = {model.__name__: model.objects.live().count() for model in HOME_PAGE_TYPES}
    assert counts == {
        "HomePage": 1,
        "ContentPage": 4,
        "GuidePage": 1,
        "GuideStepPage": 5,
        "ActivityIndexPage": 1,
        "ActivityIdeaPage": 5,
    }
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("localhost", 80, "Host Programme")
    assert site.root_page.specific_class is HomePage
    # Wagtail's "Welcome to your new Wagtail site!" page is gone: the home page is alone.
    assert list(Page.objects.filter(depth=2)) == [site.root_page]
    assert "Demo content is ready." in demo.output


def test_guide_steps_come_in_order_with_tips_and_pitfalls(demo):
    guide = GuidePage.objects.get()
    steps = list(guide.steps())
    assert [step.slug_en for step in steps] == [
        "start-up-and-alliances",
        "recruiting-and-motivating-hosts",
        "communication",
        "activities",
        "continuation-after-funding",
    ]
    for step in steps:
        kinds = [block.value["kind"] for block in step.body_en if block.block_type == "callout"]
        assert "pitfall" in kinds, step.title_en
        assert len(step.body_en) == len(step.body_da), step.title_en


def test_every_page_renders_in_english_and_danish(demo, client):
    pages = Page.objects.live().type(*HOME_PAGE_TYPES).specific()
    assert len(pages) == 17
    for page in pages:
        english = client.get(page_url(page, "en"))
        assert english.status_code == 200, page.title_en
        assert escape(page.title_en) in english.content.decode()

        danish_url = page_url(page, "da")
        assert danish_url.startswith("/da/")
        danish = client.get(danish_url)
        assert danish.status_code == 200, page.title_da
        html = danish.content.decode()
        assert '<html lang="da">' in html
        assert escape(page.title_da) in html


def test_danish_pages_have_danish_slugs_and_content(demo, client):
    host = ContentPage.objects.get(slug_en="become-a-host")
    assert page_url(host, "da") == "/da/bliv-vaert/"
    html = client.get("/da/bliv-vaert/").content.decode()
    assert "Bliv vært" in html
    assert "værtskursus" in html
    assert "Signe Holm" in html  # the contact person from the site settings

    idea = ActivityIdeaPage.objects.get(slug_en="conversation-wheel")
    assert (idea.suits_da, idea.time_needed_da, idea.cost_da) == (
        "Alle par, især til første møde",
        "Cirka en time",
        "Gratis",
    )


def test_results_page_holds_the_evaluation_figures(demo):
    results = ContentPage.objects.get(slug_en="results")
    figures = {
        statistic["figure"]
        for block in results.body_en
        if block.block_type == "statistics"
        for statistic in block.value["statistics"]
    }
    assert {"90 %", "79 %", "72 %", "73 %", "64 %", "63 %", "70 %", "52 %", "50 %"} <= figures


def test_settings_are_filled_in_both_languages(demo):
    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.for_site(site)
    assert (contact.role_en, contact.role_da) == ("Coordinator", "Koordinator")
    assert contact.email == "hostprogramme@example.dk"
    footer = FooterSettings.for_site(site)
    assert footer.about_en.startswith("The Host Programme pairs")
    assert footer.about_da.startswith("Værtsprogrammet sætter")
    assert [link.value["name"] for link in footer.social_links_da] == ["Facebook", "LinkedIn"]


def test_editor_can_sign_in_to_wagtail_admin(demo, client):
    editor = get_user_model().objects.get(email="editor@example.com")
    assert editor.check_password("demo-host-programme")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert editor.has_perm("wagtailadmin.access_admin")
    assert client.login(email="editor@example.com", password="demo-host-programme")
    assert client.get("/admin/").status_code == 200


def test_running_twice_updates_and_duplicates_nothing(demo):
    User = get_user_model()
    newcomer = ContentPage.objects.get(slug_en="join-as-a-newcomer")
    newcomer.title_da = "Ændret af en redaktør"
    newcomer.save_revision().publish()
    editor = User.objects.get(email="editor@example.com")
    editor.set_password("something-else")
    editor.save()
    before = (Page.objects.count(), User.objects.count(), Site.objects.count())

    load_demo()

    assert (Page.objects.count(), User.objects.count(), Site.objects.count()) == before
    newcomer.refresh_from_db()
    assert newcomer.title_da == "Deltag som nytilkommen"
    editor.refresh_from_db()
    assert editor.check_password("demo-host-programme")


def test_running_again_adds_no_revision_to_unchanged_pages(demo):
    newcomer = ContentPage.objects.get(slug_en="join-as-a-newcomer")
    newcomer.intro_da = "Ændret af en redaktør"
    newcomer.save_revision().publish()
    pages = Page.objects.type(*HOME_PAGE_TYPES)
    before = dict(pages.values_list("pk", "latest_revision_id"))

    load_demo()

    after = dict(pages.values_list("pk", "latest_revision_id"))
    changed = [pk for pk in after if after[pk] != before[pk]]
    assert changed == [newcomer.pk]
