import pytest

from home.models import (
    ActivityIdeaPage,
    ActivityIndexPage,
    ContentPage,
    GuidePage,
    GuideStepPage,
    ProgrammePage,
)
from portal.models import HostKind
from tests.events.conftest import calendar_page, make_event  # noqa: F401 (for programme pages)
from tests.factories import ProgrammeFactory


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


@pytest.fixture
def mentors():
    return ProgrammeFactory(
        name_en="Career Mentor Programme",
        name_da="Karrierementorprogram",
        slug="mentors",
        description_en="Accompanying partners meet a mentor from their field.",
        description_da="Medfølgende partnere møder en mentor fra deres fag.",
        area="Copenhagen Municipality",
        max_years_in_denmark=2,
        contact_name="Mette Mentor",
        contact_email="mentors@example.com",
        contact_phone="+45 33 66 33 66",
        tracks=[(HostKind.CAREER, "Career mentor", "Karrierementor")],
    )


@pytest.fixture
def hosts():
    return ProgrammeFactory(name_en="Host Programme", name_da="Værtsprogram", slug="hosts")


@pytest.fixture
def programme_page(home_page, mentors):
    page = ProgrammePage(
        title_en="Career mentors",
        title_da="Karrierementorer",
        slug_en="career-mentors",
        slug_da="karrierementorer",
        intro_en="A mentor for your working life in Denmark.",
        intro_da="En mentor til dit arbejdsliv i Danmark.",
        programme=mentors,
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
