import pytest

from home.models import (
    ActivityIdeaPage,
    ActivityIndexPage,
    ContentPage,
    GuidePage,
    GuideStepPage,
)
from tests.events.conftest import calendar_page, make_event  # noqa: F401 (for programme pages)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def guide(home_page):
    """A guide with three steps, titled and slugged in both languages."""
    guide = publish(
        home_page,
        GuidePage(
            title_en="Five steps",
            title_da="Fem trin",
            slug_en="five-steps",
            slug_da="fem-trin",
            intro_en="How to run a good host programme.",
            intro_da="Sådan driver I et godt værtsprogram.",
        ),
    )
    for number, (english, danish) in enumerate(
        [
            ("Start-up", "Opstart"),
            ("Recruiting", "Rekruttering"),
            ("Communication", "Kommunikation"),
        ],
        start=1,
    ):
        publish(
            guide,
            GuideStepPage(
                title_en=english,
                title_da=danish,
                slug_en=f"step-{number}",
                slug_da=f"trin-{number}",
                body_en=[("paragraph", f"<p>Advice for {english}.</p>")],
                body_da=[("paragraph", f"<p>Råd om {danish}.</p>")],
            ),
        )
    return guide


@pytest.fixture
def activity_index(home_page):
    index = publish(
        home_page,
        ActivityIndexPage(
            title_en="Activity ideas",
            title_da="Idéer til aktiviteter",
            slug_en="activities",
            slug_da="aktiviteter",
        ),
    )
    publish(
        index,
        ActivityIdeaPage(
            title_en="Conversation wheel",
            title_da="Samtalehjulet",
            slug_en="conversation-wheel",
            slug_da="samtalehjulet",
            suits_en="Every pair, first meeting",
            suits_da="Alle par, første møde",
            time_needed_en="About an hour",
            time_needed_da="Cirka en time",
            cost_en="Free",
            cost_da="Gratis",
        ),
    )
    return index


@pytest.fixture
def content_page(home_page):
    return publish(
        home_page,
        ContentPage(
            title_en="Become a host",
            title_da="Bliv vært",
            slug_en="become-a-host",
            slug_da="bliv-vaert",
            intro_en="Give two hours a month.",
            intro_da="Giv to timer om måneden.",
            body_en=[("paragraph", "<p>Hosts meet a newcomer once or twice a month.</p>")],
            body_da=[
                ("paragraph", "<p>Værter mødes med en nytilkommen en til to gange om måneden.</p>")
            ],
            show_in_menus=True,
        ),
    )
