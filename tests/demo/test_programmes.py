"""The demo's two programmes: the host programme with its career and culture hosts, and a
career-mentor programme for accompanying partners and international students, each with its
own coordinator, people, matches and (for the mentor programme) an event; a programme lead
sees both."""

import datetime

from django.utils import timezone, translation

from accounts import roles
from accounts.models import User
from events.models import EventPage
from home.models import ProgrammePage
from portal import day
from portal.models import Match, Meeting, Participant
from programmes.models import Programme

HOST = "host-programme"
MENTOR = "career-mentor-programme"


def years_ago(years):
    return timezone.localdate() - datetime.timedelta(days=365 * years + 1)


def tracks(programme):
    return [(t.kind, t.name_en, t.name_da) for t in programme.tracks.order_by("sort_order")]


def criteria(programme):
    return [
        (c.name_en, c.target_percent) for c in programme.success_criteria.order_by("sort_order")
    ]


def test_the_two_programmes_with_their_tracks_rules_and_criteria(demo):
    assert list(Programme.objects.order_by("slug").values_list("slug", flat=True)) == [
        MENTOR,
        HOST,
    ]
    host = Programme.objects.get(slug=HOST)
    assert (host.name_en, host.name_da) == ("Host Programme", "Værtsprogrammet")
    assert tracks(host) == [
        ("career", "Career host", "Erhvervsvært"),
        ("culture", "Culture host", "Kulturvært"),
    ]
    assert criteria(host) == [
        ("Understanding Danish norms and culture", 70),
        ("Feeling included in Danish society", 70),
        ("Using culture and leisure offers", 70),
        ("Work or education", 70),
        ("Wanting to stay in Denmark", 50),
    ]
    assert all(c.name_da for c in host.success_criteria.all())
    assert (host.contact_name, host.contact_email) == ("Signe Holm", "hostprogramme@example.dk")
    assert host.max_years_in_denmark == 3
    a_year_ago, four_years_ago = years_ago(1), years_ago(4)
    assert host.is_eligible(arrived=a_year_ago, postcode="2400")  # København NV
    assert not host.is_eligible(arrived=a_year_ago, postcode="2000")  # Frederiksberg
    assert not host.is_eligible(arrived=four_years_ago, postcode="2400")
    assert (host.meetings_per_month_min, host.meetings_per_month_max) == (1, 2)

    mentor = Programme.objects.get(slug=MENTOR)
    assert (mentor.name_en, mentor.name_da) == ("Career Mentor Programme", "Karrierementorprogram")
    assert "accompanying" not in mentor.description_da and "partnere" in mentor.description_da
    assert "partners" in mentor.description_en and "students" in mentor.description_en
    assert tracks(mentor) == [("career", "Career mentor", "Karrierementor")]
    assert mentor.offered_kinds() == ["career"]
    assert mentor.success_criteria.count() == 4
    assert all(c.name_da and 0 <= c.target_percent <= 100 for c in mentor.success_criteria.all())
    assert mentor.checkin_every_months == 1  # its own rhythm
    assert mentor.is_eligible(arrived=four_years_ago, postcode="2400")  # a whole degree
    assert mentor.contact_email == "careermentor@example.dk"
    for programme in (host, mentor):
        programme.full_clean()


def test_each_coordinator_has_their_own_programme_and_the_lead_sees_both(demo):
    coordinator = User.objects.get(email="coordinator@example.com")
    coordinator2 = User.objects.get(email="coordinator2@example.com")
    lead = User.objects.get(email="lead@example.com")

    assert list(coordinator.coordinated_programmes.values_list("slug", flat=True)) == [HOST]
    assert list(coordinator2.coordinated_programmes.values_list("slug", flat=True)) == [MENTOR]
    for user in (coordinator, coordinator2):
        assert list(user.groups.values_list("name", flat=True)) == ["Coordinators"]
        assert user.has_perm("wagtailadmin.access_admin")
        assert not roles.sees_every_programme(user)

    assert list(lead.groups.values_list("name", flat=True)) == ["Programme leads"]
    assert not lead.coordinated_programmes.exists()  # a lead needs no assignment
    assert roles.sees_every_programme(lead)
    assert lead.check_password("demo-host-programme")


def test_everyone_of_the_earlier_demo_is_in_the_host_programme(demo):
    earlier = [
        "newcomer@example.com",
        "host@example.com",
        "newcomer2@example.com",
        "host2@example.com",
        "waiting@example.com",
    ]
    people = Participant.objects.filter(user__email__in=earlier)
    assert set(people.values_list("programme__slug", flat=True)) == {HOST}
    assert people.count() == 5
    host_matches = Match.objects.filter(newcomer__in=people)
    assert set(host_matches.values_list("programme__slug", flat=True)) == {HOST}


def test_the_mentor_programme_has_its_mentors_newcomers_and_matches(demo):
    # Without the waiting line's people (portal/demo_content/waiting.yaml) and the evaluation
    # demo's former pairs (alumni.*@example.org), counted apart.
    people = Participant.objects.filter(programme__slug=MENTOR).exclude(
        user__email__regex=r"^(waiting\d+@|freementor\d+@|alumni\.)"
    )
    mentors = people.filter(role=Participant.Role.HOST)
    assert set(mentors.values_list("user__email", flat=True)) == {
        "mentor@example.com",
        "mentor2@example.com",
        "mentor3@example.com",
    }
    assert all(m.offers_career_hosting and not m.offers_culture_hosting for m in mentors)
    newcomers = people.filter(role=Participant.Role.NEWCOMER)
    assert newcomers.count() == 4
    assert set(newcomers.values_list("wanted_host_kind", flat=True)) == {"career"}

    matches = (
        Match.objects.filter(programme__slug=MENTOR)
        .exclude(newcomer__user__email__startswith="alumni.")
        .order_by("start_date")
    )
    assert [(m.newcomer.user.email, m.host.user.email) for m in matches] == [
        ("partner@example.com", "mentor2@example.com"),
        ("student@example.com", "mentor@example.com"),
    ]
    for match in matches:
        assert match.status == Match.Status.ACTIVE
        assert match.newcomer.programme == match.host.programme == match.programme
        assert match.checkin_every_months == 1  # copied from its programme
        assert match.meetings.count() >= 2
        with translation.override("en"):
            assert match.kind_label() == "Career mentor"
        with translation.override("da"):
            assert match.kind_label() == "Karrierementor"
    assert Meeting.objects.filter(match__in=matches).count() == 8

    waiting = day.newcomers_waiting(people)
    assert set(waiting.values_list("user__email", flat=True)) == {
        "partner2@example.com",
        "student2@example.com",
    }
    # Priya's six months are nearly over: the coordinator's "ending soon" panel has her.
    ending = day.ending_soon(Match.objects.filter(programme__slug=MENTOR))
    assert [m.newcomer.user.email for m in ending] == ["partner@example.com"]


def test_a_mentee_sees_her_career_mentor_in_the_portal_in_her_language(demo, client):
    client.force_login(User.objects.get(email="partner@example.com"))
    page = client.get("/portal/").content.decode()
    assert "Your career mentor" in page and "Sofie Bech" in page
    page = client.get("/da/portal/").content.decode()
    assert "Din karrierementor" in page

    client.force_login(User.objects.get(email="mentor@example.com"))
    page = client.get("/da/portal/").content.decode()
    assert "Wei Chen" in page


def test_the_mentor_programme_has_its_own_event_in_the_calendar(demo, client):
    workshop = EventPage.objects.get(slug_en="job-search-workshop-for-partners-and-students")
    assert workshop.live and workshop.programme.slug == MENTOR
    assert workshop.event_language == "en"
    assert workshop.title_da and workshop.intro_da
    signed_up = set(
        workshop.occurrences.get().signups.active().values_list("user__email", flat=True)
    )
    assert signed_up == {"partner@example.com", "student@example.com", "mentor@example.com"}
    # Every other demo event is shared by all programmes.
    assert not EventPage.objects.exclude(pk=workshop.pk).filter(programme__isnull=False).exists()

    mentor_calendar = client.get(f"/calendar/?programme={MENTOR}").content.decode()
    assert "Job-search workshop: networking your way in" in mentor_calendar
    assert "Monthly welcome meeting" in mentor_calendar  # shared events show for every programme
    host_calendar = client.get(f"/calendar/?programme={HOST}").content.decode()
    assert "networking your way in" not in host_calendar
    danish = client.get(f"/da/arrangementer/?programme={MENTOR}").content.decode()
    assert "Workshop om jobsøgning: netværk dig ind" in danish


def test_the_second_coordinator_and_the_lead_can_use_the_admin(demo, client):
    for email in ("coordinator2@example.com", "lead@example.com"):
        client.force_login(User.objects.get(email=email))
        assert client.get("/admin/").status_code == 200, email
        assert client.get("/admin/host-programme/follow-up/").status_code == 200, email
    # Only the lead sets up programmes.
    assert client.get("/admin/host-programme/programmes/").status_code == 200
    client.force_login(User.objects.get(email="coordinator2@example.com"))
    assert client.get("/admin/host-programme/programmes/").status_code in (302, 403)


def test_each_programme_has_its_public_page_in_both_languages(demo, client):
    pages = {
        page.programme.slug: page
        for page in ProgrammePage.objects.live().select_related("programme")
    }
    assert sorted(pages) == [MENTOR, HOST]
    english = client.get("/career-mentor-programme/")
    danish = client.get("/da/karrierementorprogrammet/")
    assert english.status_code == danish.status_code == 200
    assert "<h1>The career mentor programme</h1>" in english.text
    assert "<li>Career mentor</li>" in english.text
    assert "<h1>Karrierementorprogrammet</h1>" in danish.text
    assert "<li>Karrierementor</li>" in danish.text
    assert "Københavns Kommune" in danish.text and "Copenhagen Municipality" in english.text
    home = client.get("/da/").text
    assert '<a href="/da/vaertsprogrammet/">Værtsprogrammet</a>' in home


def test_each_demo_coordinator_sees_their_own_programmes_people_and_the_lead_sees_both(
    demo, client
):
    listing = "/admin/host-programme/participants/?q=example.com"
    seen = {}
    for email in ("coordinator@example.com", "coordinator2@example.com", "lead@example.com"):
        client.force_login(User.objects.get(email=email))
        seen[email] = client.get(listing).text
    lucia = "Lucía Fernández"  # newcomer@example.com, host programme
    mentee = Participant.objects.filter(programme__slug=MENTOR, role="newcomer").first()
    mentee_name = mentee.user.get_full_name()
    assert lucia in seen["coordinator@example.com"]
    assert mentee_name not in seen["coordinator@example.com"]
    assert mentee_name in seen["coordinator2@example.com"]
    assert lucia not in seen["coordinator2@example.com"]
    assert lucia in seen["lead@example.com"] and mentee_name in seen["lead@example.com"]
