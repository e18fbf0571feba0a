"""What a participant sees and does in the portal."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from wagtail.models import Site

from home.models import ContactSettings
from portal.models import CheckIn, HostKind, Match, Meeting, RematchRequest, WheelEntry
from tests.factories import (
    CheckInFactory,
    MatchFactory,
    MeetingFactory,
    NewcomerFactory,
    ProgrammeFactory,
)

from .conftest import make_pair

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def text(response):
    """The page's text with tags removed and whitespace collapsed, for readable assertions."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def meetings_url(match):
    return f"/portal/matches/{match.pk}/meetings/"


def add_url(match):
    return f"/portal/matches/{match.pk}/meetings/new/"


# ---------------------------------------------------------------------------------------------
# Dashboard
# ---------------------------------------------------------------------------------------------


def test_newcomer_dashboard_shows_the_host_and_how_the_match_is_going(newcomer_client, pair):
    response = newcomer_client.get("/portal/")
    assert response.status_code == 200
    page = text(response)
    assert "Your culture host" in page
    assert "Henrik Host" in page
    assert "Henrik likes long walks and rye bread." in page
    assert "Languages English" in page
    assert "Interests Cooking, hiking" in page
    assert f"Email {pair.host.user.email}" in page
    assert "Phone +45 55 66 77 88" in page
    assert f'href="mailto:{pair.host.user.email}"' in response.content.decode()
    assert "Month 2 of 6" in page
    assert "1 meeting logged." in page
    assert "At one or two meetings a month, that is 1 to 4 by now." in page
    assert "On track" in page
    # 40 days in, the first check-in (after a month) is due.
    assert "It is time for a check-in." in page
    assert "Suggested next step: Answer a short check-in: tell us how the match is going." in page


def test_host_dashboard_shows_the_newcomer(host_client, pair):
    page = text(host_client.get("/portal/"))
    assert "Your newcomer (culture match)" in page
    assert "Amira Newcomer" in page
    assert "Amira moved to Aarhus last year." in page
    assert "Phone +45 11 22 33 44" in page


def test_check_in_prompt_disappears_once_answered(newcomer_client, pair):
    CheckInFactory(match=pair, participant=pair.newcomer)
    page = text(newcomer_client.get("/portal/"))
    assert "It is time for a check-in." not in page
    assert "Next check-in" in page


def test_a_participant_without_a_match_sees_what_happens_next(client):
    settings_ = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.name = "Mette Jensen"
    settings_.email = "mette@example.com"
    settings_.save()
    waiting = NewcomerFactory(user__first_name="Wanda")
    client.force_login(waiting.user)
    page = text(client.get("/portal/"))
    assert "Welcome, Wanda" in page
    assert "You are waiting for a match" in page
    assert "A coordinator looks for a host who shares your interests" in page
    assert "usually takes a few weeks" in page
    assert "Mette Jensen" in page
    assert "mette@example.com" in page


def test_a_waiting_participant_is_given_their_programmes_contact_person(client):
    settings_ = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.name = "Mette Jensen"
    settings_.email = "mette@example.com"
    settings_.save()
    mentors = ProgrammeFactory(
        contact_name="Mads Mentor",
        contact_email="mentors@example.com",
        contact_phone="+45 70 10 20 30",
    )
    waiting = NewcomerFactory(user__first_name="Wanda", programme=mentors)
    client.force_login(waiting.user)
    page = text(client.get("/portal/"))
    assert "Questions? Contact Mads Mentor" in page
    assert "mentors@example.com" in page
    assert "+45 70 10 20 30" in page
    assert "Questions? Contact Mette Jensen" not in page  # the site's contact: footer only


def test_ended_matches_are_listed_as_history(newcomer_client, pair):
    Match.objects.filter(pk=pair.pk).update(
        status=Match.Status.ENDED_EARLY, ended_on=TODAY() - datetime.timedelta(days=2)
    )
    page = text(newcomer_client.get("/portal/"))
    assert "Earlier matches" in page
    assert "Henrik Host (Culture host)" in page
    assert "ended early" in page
    assert "Meetings with Henrik Host" in page


def test_sub_navigation_goes_straight_to_the_one_active_match(newcomer_client, pair):
    response = newcomer_client.get("/portal/meetings/")
    assert response.status_code == 302
    assert response["Location"] == meetings_url(pair)
    response = newcomer_client.get("/portal/check-in/")
    assert response["Location"] == f"/portal/matches/{pair.pk}/check-in/"


def test_sub_navigation_without_a_match_explains(client):
    client.force_login(NewcomerFactory().user)
    page = text(client.get("/portal/meetings/"))
    assert "You do not have a match yet." in page


# ---------------------------------------------------------------------------------------------
# Meeting log
# ---------------------------------------------------------------------------------------------


def test_logging_a_meeting_shows_it_to_both(client, pair, activity_ideas):
    client.force_login(pair.newcomer.user)
    day = TODAY() - datetime.timedelta(days=2)
    response = client.post(
        add_url(pair),
        {
            "date": day.isoformat(),
            "duration_minutes": "95",
            "activities": ["cooking", "danish"],
            "note": "Made frikadeller",
            "activity_idea": activity_ideas[0].pk,
        },
        follow=True,
    )
    assert response.redirect_chain == [(meetings_url(pair), 302)]
    meeting = Meeting.objects.get(note="Made frikadeller")
    assert (meeting.match, meeting.author, meeting.date) == (pair, pair.newcomer, day)
    assert meeting.duration_minutes == 95
    assert meeting.activities == ["cooking", "danish"]
    assert meeting.activity_idea.specific == activity_ideas[0]
    page = text(response)
    assert "The meeting is logged." in page
    assert "Cooking together, Danish practice" in page
    assert "95 minutes" in page
    assert "Logged by you" in page

    client.force_login(pair.host.user)
    page = text(client.get(meetings_url(pair)))
    assert "Made frikadeller" in page
    assert "Logged by Amira Newcomer" in page


def test_activity_idea_choices_are_live_ideas_in_the_current_language(
    newcomer_client, pair, activity_ideas
):
    english = newcomer_client.get(add_url(pair)).content.decode()
    assert ">Cooking together</option>" in english
    assert ">Conversation wheel</option>" in english
    assert "Secret draft idea" not in english
    danish = newcomer_client.get(f"/da{add_url(pair)}").content.decode()
    assert ">Lav mad sammen</option>" in danish
    assert ">Samtalehjulet</option>" in danish


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "BEFORE", "The date is before your match started on"),
        ("date", "FUTURE", "The date is in the future. Log a meeting after it has taken place."),
        ("duration_minutes", "4", "Enter a duration between 5 and 720 minutes (12 hours)."),
        ("duration_minutes", "721", "Enter a duration between 5 and 720 minutes (12 hours)."),
        ("activities", None, "Choose at least one thing you did together."),
    ],
)
def test_bad_meeting_input_keeps_what_was_typed(newcomer_client, pair, field, value, message):
    dates = {
        "BEFORE": (pair.start_date - datetime.timedelta(days=1)).isoformat(),
        "FUTURE": (TODAY() + datetime.timedelta(days=1)).isoformat(),
    }
    data = {
        "date": (TODAY() - datetime.timedelta(days=1)).isoformat(),
        "duration_minutes": "75",
        "activities": ["sport", "other"],
        "note": "We tried padel <for the first time>",
    }
    if value is None:
        del data[field]
    else:
        data[field] = dates.get(value, value)
    response = newcomer_client.post(add_url(pair), data)
    assert response.status_code == 200
    html = response.content.decode()
    # The message sits next to the field and is tied to it.
    error = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    assert error, html
    assert message in error.group(1)
    if field != "activities":
        control = re.search(rf"<input [^>]*name=\"{field}\"[^>]*>", html).group(0)
        assert 'aria-invalid="true"' in control
        assert f"id_{field}_error" in control
    # Everything typed is still there.
    if "date" in data:
        assert f'value="{data["date"]}"' in html
    if "duration_minutes" in data:
        assert f'value="{data["duration_minutes"]}"' in html
    if "activities" in data:
        assert 'value="sport" id="id_activities_3" checked' in html
        assert 'value="other" id="id_activities_8" checked' in html
    assert "We tried padel &lt;for the first time&gt;</textarea>" in html
    assert Meeting.objects.count() == 1


def test_a_new_meeting_starts_from_today_and_needs_a_date(newcomer_client, pair):
    html = newcomer_client.get(add_url(pair)).content.decode()
    assert f'<input type="date" name="date" value="{TODAY().isoformat()}"' in html
    response = newcomer_client.post(
        add_url(pair), {"date": "", "duration_minutes": "60", "activities": ["coffee"]}
    )
    assert "Enter the date you met." in text(response)
    assert Meeting.objects.count() == 1


def test_a_date_after_the_planned_end_is_refused(client):
    # The coordinator has not closed the match yet, but its six months are over.
    match = make_pair(days_ago=200)
    Match.objects.filter(pk=match.pk).update(end_date=TODAY() - datetime.timedelta(days=10))
    client.force_login(match.newcomer.user)
    response = client.post(
        add_url(match),
        {
            "date": (TODAY() - datetime.timedelta(days=3)).isoformat(),
            "duration_minutes": "60",
            "activities": ["coffee"],
        },
    )
    assert "The date is after your match ended on" in text(response)


def test_the_author_edits_and_deletes_their_meeting(newcomer_client, pair):
    meeting = pair.meetings.get()
    edit = f"{meetings_url(pair)}{meeting.pk}/edit/"
    page = newcomer_client.get(edit).content.decode()
    assert f'value="{meeting.date.isoformat()}"' in page
    response = newcomer_client.post(
        edit,
        {
            "date": meeting.date.isoformat(),
            "duration_minutes": "150",
            "activities": ["museum_city"],
            "note": "Changed",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.duration_minutes, meeting.activities, meeting.note) == (
        150,
        ["museum_city"],
        "Changed",
    )

    delete = f"{meetings_url(pair)}{meeting.pk}/delete/"
    assert "Delete the meeting on" in text(newcomer_client.get(delete))
    response = newcomer_client.post(delete, follow=True)
    assert response.redirect_chain == [(meetings_url(pair), 302)]
    assert "The meeting has been deleted." in text(response)
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_an_ended_match_has_a_read_only_log(newcomer_client, pair):
    meeting = pair.meetings.get()
    Match.objects.filter(pk=pair.pk).update(status=Match.Status.COMPLETED, ended_on=TODAY())
    response = newcomer_client.get(meetings_url(pair))
    page = text(response)
    assert "Coffee at the harbour" in page
    assert "can no longer be changed" in page
    assert add_url(pair) not in response.content.decode()
    assert f"{meeting.pk}/edit/" not in response.content.decode()
    response = newcomer_client.post(
        add_url(pair),
        {"date": TODAY().isoformat(), "duration_minutes": "60", "activities": ["coffee"]},
    )
    assert response.status_code == 302
    assert Meeting.objects.count() == 1
    response = newcomer_client.post(f"{meetings_url(pair)}{meeting.pk}/delete/")
    assert response.status_code == 302
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_log_shows_both_sides_entries_newest_first(newcomer_client, pair):
    MeetingFactory(
        match=pair,
        author=pair.host,
        date=pair.start_date + datetime.timedelta(days=20),
        note="Host wrote this",
    )
    page = text(newcomer_client.get(meetings_url(pair)))
    assert page.index("Host wrote this") < page.index("Coffee at the harbour")
    assert "Logged by Henrik Host" in page


# ---------------------------------------------------------------------------------------------
# Check-in and re-match
# ---------------------------------------------------------------------------------------------


def test_a_check_in_is_recorded_and_shown_back(newcomer_client, pair):
    url = f"/portal/matches/{pair.pk}/check-in/"
    assert "A check-in is due now." in text(newcomer_client.get(url))
    response = newcomer_client.post(
        url,
        {"satisfaction": "2", "wants_to_continue": "no", "note": "We never find a time"},
        follow=True,
    )
    check_in = CheckIn.objects.get()
    assert (check_in.match, check_in.participant) == (pair, pair.newcomer)
    assert (check_in.satisfaction, check_in.wants_to_continue) == (2, False)
    assert check_in.note_for_coordinator == "We never find a time"
    page = text(response)
    assert "Thank you! Your check-in has been sent to the coordinator." in page
    assert "Your earlier answers" in page
    assert "2 No We never find a time" in page


def test_an_incomplete_check_in_explains_what_is_missing(newcomer_client, pair):
    response = newcomer_client.post(
        f"/portal/matches/{pair.pk}/check-in/", {"wants_to_continue": "yes", "note": "Typed"}
    )
    html = response.content.decode()
    assert '<ul class="errorlist" id="id_satisfaction_error">' in html
    assert "Choose a number from 1 to 5." in html
    assert 'value="yes" required aria-invalid="false"' not in html
    assert re.search(r'value="yes"[^>]*checked', html)
    assert ">\nTyped</textarea>" in html
    assert CheckIn.objects.count() == 0


def test_asking_for_a_rematch_notifies_the_coordinator_and_shows_the_status(
    newcomer_client, pair, on_commit
):
    url = f"/portal/matches/{pair.pk}/rematch/"
    with on_commit():
        response = newcomer_client.post(url, {"reason": "Our schedules never match"}, follow=True)
    request = RematchRequest.objects.get()
    assert (request.match, request.participant) == (pair, pair.newcomer)
    assert request.reason == "Our schedules never match"
    assert [m.to for m in mail.outbox] == [[settings.COORDINATOR_EMAIL]]
    page = text(response)
    assert "Your request has been sent." in page
    assert "Open" in page
    assert "You have an open request." in page
    assert 'name="reason"' not in response.content.decode()

    request.status = RematchRequest.Status.KEPT
    request.resolution_note = "We talked; you will try weekends."
    request.save()
    page = text(newcomer_client.get(url))
    assert "Match kept" in page
    assert "The coordinator's note: We talked; you will try weekends." in page


def test_an_empty_rematch_reason_is_refused(newcomer_client, pair):
    response = newcomer_client.post(f"/portal/matches/{pair.pk}/rematch/", {"reason": ""})
    assert "Tell the coordinator why you would like a re-match." in text(response)
    assert RematchRequest.objects.count() == 0


# ---------------------------------------------------------------------------------------------
# Profile
# ---------------------------------------------------------------------------------------------


def profile_data(participant, **changes):
    data = {
        "first_name": participant.user.first_name,
        "last_name": participant.user.last_name,
        "preferred_language": participant.user.preferred_language,
        "phone": participant.phone,
        "languages": participant.languages,
        "interests": participant.interests,
        "professional_field": participant.professional_field,
        "area": participant.area,
        "bio": participant.bio,
    }
    if participant.is_newcomer:
        data["arrived_in_denmark"] = participant.arrived_in_denmark.isoformat()
        data["wanted_host_kind"] = participant.wanted_host_kind
    else:
        data["offered_kinds"] = participant.offered_host_kinds
        data["capacity"] = str(participant.capacity)
    data.update(changes)
    return data


def test_a_newcomer_edits_their_profile(newcomer_client, pair):
    newcomer = pair.newcomer
    response = newcomer_client.post(
        "/portal/profile/",
        profile_data(
            newcomer,
            first_name="Amira",
            last_name="Haddad",
            phone="+45 20 30 40 50",
            interests="Running, baking",
            arrived_in_denmark="2025-03-01",
            wanted_host_kind="career",
            bio="Chemist, new in Odense.",
        ),
        follow=True,
    )
    assert response.redirect_chain == [("/portal/profile/", 302)]
    assert "Your profile has been saved." in text(response)
    newcomer.refresh_from_db()
    newcomer.user.refresh_from_db()
    assert newcomer.user.last_name == "Haddad"
    assert newcomer.phone == "+45 20 30 40 50"
    assert newcomer.interests == "Running, baking"
    assert newcomer.arrived_in_denmark == datetime.date(2025, 3, 1)
    assert newcomer.wanted_host_kind == HostKind.CAREER
    assert newcomer.bio == "Chemist, new in Odense."


def test_changing_the_language_switches_the_portal(newcomer_client, pair):
    response = newcomer_client.post(
        "/portal/profile/", profile_data(pair.newcomer, preferred_language="da"), follow=True
    )
    assert response.redirect_chain == [("/da/portal/profile/", 302)]
    pair.newcomer.user.refresh_from_db()
    assert pair.newcomer.user.preferred_language == "da"
    page = text(response)
    assert "Din profil er gemt." in page
    assert "Min profil" in page


def test_a_host_edits_the_kinds_offered_and_capacity(host_client, pair):
    host = pair.host
    response = host_client.post(
        "/portal/profile/", profile_data(host, offered_kinds=["culture"], capacity="2")
    )
    assert response.status_code == 302
    host.refresh_from_db()
    assert (host.offers_culture_hosting, host.offers_career_hosting, host.capacity) == (
        True,
        False,
        2,
    )
    page = host_client.get("/portal/profile/").content.decode()
    assert re.search(r'value="culture"[^>]*checked', page)
    assert not re.search(r'value="career"[^>]*checked', page)


def test_a_host_cannot_go_below_their_active_matches(host_client, pair):
    response = host_client.post("/portal/profile/", profile_data(pair.host, offered_kinds=[]))
    assert "Choose at least one kind of hosting." in text(response)
    pair.host.refresh_from_db()
    assert pair.host.offers_career_hosting is True


def test_a_host_cannot_lower_capacity_below_their_active_matches(host_client, pair):
    host = pair.host
    host.capacity = 2
    host.save()
    MatchFactory(host=host, kind=HostKind.CAREER)
    MatchFactory(host=host, kind=HostKind.CULTURE, status=Match.Status.COMPLETED)

    response = host_client.post("/portal/profile/", profile_data(host, capacity="1"))
    assert response.status_code == 200
    assert (
        "You have 2 active matches now; talk to your coordinator before lowering the number."
        in text(response)
    )
    assert 'name="capacity" value="1"' in response.content.decode()
    host.refresh_from_db()
    assert host.capacity == 2


# ---------------------------------------------------------------------------------------------
# Conversation wheel
# ---------------------------------------------------------------------------------------------


def wheel_data(**overrides):
    from portal.models import LifeArea

    data = {}
    for index, area in enumerate(LifeArea):
        data[f"importance_{area.value}"] = str(index % 6)
        data[f"note_{area.value}"] = ""
    data.update(overrides)
    return data


def test_filling_in_the_wheel(newcomer_client, pair):
    response = newcomer_client.post(
        "/portal/wheel/", wheel_data(importance_work="5", note_work="Looking for a lab job")
    )
    assert response.status_code == 302
    entries = {e.area: (e.importance, e.note) for e in pair.newcomer.wheel_entries.all()}
    assert len(entries) == 8
    assert entries["family"] == (0, "")
    assert entries["work"] == (5, "Looking for a lab job")
    # Saving again updates rather than duplicates.
    newcomer_client.post("/portal/wheel/", wheel_data(importance_work="3"))
    assert WheelEntry.objects.filter(participant=pair.newcomer).count() == 8
    assert pair.newcomer.wheel_entries.get(area="work").importance == 3
    page = newcomer_client.get("/portal/wheel/").content.decode()
    assert '<svg class="wheel"' in page


def test_a_missing_wheel_value_is_explained_and_the_rest_kept(newcomer_client, pair):
    response = newcomer_client.post(
        "/portal/wheel/", wheel_data(importance_friends="", note_family="Two kids")
    )
    page = text(response)
    assert "Choose how much “Friends” matters now, from 0 to 5." in page
    assert 'value="Two kids"' in response.content.decode()
    assert WheelEntry.objects.count() == 0


def test_the_pair_sees_both_wheels_side_by_side(newcomer_client, pair):
    WheelEntry.objects.create(participant=pair.newcomer, area="work", importance=5, note="Job!")
    WheelEntry.objects.create(participant=pair.host, area="work", importance=2)
    WheelEntry.objects.create(participant=pair.host, area="family", importance=4)
    response = newcomer_client.get(f"/portal/matches/{pair.pk}/wheels/")
    html = response.content.decode()
    assert html.count('<svg class="wheel"') == 2
    assert '<title id="wheel-mine-title">Your conversation wheel</title>' in html
    assert "Henrik Host's conversation wheel" in html
    page = text(response)
    assert "Work or studies 5 – Job! 2" in page
    assert "Family not filled in 4" in page


# ---------------------------------------------------------------------------------------------
# Languages, header, logout
# ---------------------------------------------------------------------------------------------


def test_the_portal_in_danish(newcomer_client, pair):
    response = newcomer_client.get("/da/portal/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="da">' in html
    page = text(response)
    assert "Velkommen, Amira" in page
    assert "Måned 2 af 6" in page
    assert "Registrér et møde" in page
    assert 'href="/da/portal/matches/' in html
    # The language switcher points at the same portal page in English.
    assert 'href="/portal/" hreflang="en"' in html


def test_header_shows_my_portal_and_a_logout_form_when_logged_in(newcomer_client, pair):
    html = newcomer_client.get("/portal/profile/").content.decode()
    assert '<a href="/portal/" aria-current="true">My portal</a>' in html
    assert re.search(r'<form class="logout-form" method="post" action="/accounts/logout/">', html)
    response = newcomer_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert newcomer_client.get("/portal/").status_code == 302


def test_header_shows_log_in_to_anonymous_visitors(client, pair):
    html = client.get("/accounts/login/").content.decode()
    assert '<a href="/accounts/login/">Log in</a>' in html
    assert "My portal" not in html


def test_my_data_page_links_to_the_download(newcomer_client, pair):
    html = newcomer_client.get("/portal/my-data/").content.decode()
    assert '<a class="button" href="/portal/my-data.json" download>' in html
