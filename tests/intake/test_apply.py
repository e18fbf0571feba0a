"""Applying on the public site, in English and Danish: the eligibility rules, nothing stored
for someone ineligible, the abuse protections, and the confirmation link."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from intake import services
from intake.models import Application, IneligibleCount
from programmes.eligibility import years_after

from .conftest import newcomer_answers, years_ago

pytestmark = pytest.mark.django_db

DANISH_URL = "/da/vaertsprogrammet/ansoeg/"
ENGLISH_URL = "/host-programme/apply/"


def link_in(mail):
    return re.search(r"https?://[^/\s]+(/\S+)", mail.body)[1]


# --- eligibility as a pure function --------------------------------------------------------------


@pytest.mark.parametrize("today", [datetime.date(2026, 11, 23), datetime.date(2028, 2, 29)])
def test_the_day_three_years_are_up_is_still_eligible_and_the_day_after_is_not(programme, today):
    arrived = datetime.date(today.year - 3, today.month, min(today.day, 28))
    last_day = years_after(arrived, 3)

    def problems(day):
        return services.eligibility_problems(
            programme, "newcomer", arrived=arrived, postcode="2200", today=day
        )

    assert problems(last_day) == []
    assert problems(last_day + datetime.timedelta(days=1)) == [
        "The programme is for people who have lived in Denmark at most 3 years."
    ]


def test_postcodes_inside_and_outside_the_area(programme):
    def problems(postcode):
        return services.eligibility_problems(
            programme, "newcomer", arrived=timezone.localdate(), postcode=postcode
        )

    assert problems("1000") == [] and problems("2999") == []
    assert problems("3000") == ["The programme does not cover this postcode."]
    assert problems("0999") == ["The programme does not cover this postcode."]


def test_hosts_have_no_years_rule_but_the_postcode_rule(programme):
    assert services.eligibility_problems(programme, "host", arrived=None, postcode="2100") == []
    assert services.eligibility_problems(programme, "host", arrived=None, postcode="8000") == [
        "The programme does not cover this postcode."
    ]


# --- the form page -------------------------------------------------------------------------------


def test_the_form_page_in_both_languages_carries_the_rules_for_the_script(client, form_page):
    english = client.get(ENGLISH_URL)
    assert english.status_code == 200
    text = english.content.decode()
    assert 'data-max-years="3"' in text and 'data-postcodes="1000-2999"' in text
    assert "Send my application" in text
    assert 'src="/static/js/eligibility.js"' in text
    danish = client.get(DANISH_URL).content.decode()
    assert "Send min ansøgning" in danish
    assert "Hvilket sprog skal vi skrive til dig på?" in danish
    # Four rows of language + level, usable without JavaScript.
    assert text.count('name="language_') == 4 and text.count('name="level_') == 4


def test_the_programme_page_links_to_its_forms(client, form_page, host_form_page):
    text = client.get("/host-programme/").content.decode()
    assert 'href="/host-programme/apply/"' in text
    assert 'href="/host-programme/become-a-host/"' in text


def test_an_application_is_stored_unconfirmed_and_the_link_goes_out_in_their_language(
    client, form_page, vocabulary, mailoutbox
):
    data = newcomer_answers(
        chosen_interests=[vocabulary["sailing"].pk], chosen_field=vocabulary["engineering"].pk
    )
    response = client.post(DANISH_URL, data)
    assert response.status_code == 200
    assert "Tjek din e-mail" in response.content.decode()
    application = Application.objects.get()
    assert application.status == Application.Status.UNCONFIRMED
    assert (application.first_name, application.email, application.preferred_language) == (
        "Amira",
        "amira@example.com",
        "da",
    )
    assert application.language_skills == [
        {"language": "ar", "level": "native"},
        {"language": "en", "level": "fluent"},
    ]
    assert list(application.chosen_interests.all()) == [vocabulary["sailing"]]
    assert application.chosen_field == vocabulary["engineering"]
    assert application.availability == ["evenings", "weekends"]
    assert application.has_partner and not application.has_children
    # The consent as it was given: the text's version, its language (the page's), the time.
    assert application.consent_version == "2026-11-1"
    assert application.consent_language == "da"
    assert timezone.now() - application.consent_given_at < datetime.timedelta(minutes=1)
    (mail,) = mailoutbox
    assert mail.to == ["amira@example.com"]
    assert mail.subject == "Bekræft din ansøgning til Værtsprogram"
    assert link_in(mail).startswith("/da/ansoegninger/bekraeft/")
    # Only a hash of the token is kept.
    token = link_in(mail).rstrip("/").rsplit("/", 1)[1]
    assert token not in application.token_hash
    assert application.token_hash == services.hash_token(token)


@pytest.mark.parametrize(
    ("url", "explanation", "alternatives"),
    [
        (
            ENGLISH_URL,
            "The programme is for people who have lived in Denmark at most 3 years.",
            "the language café",
        ),
        (
            DANISH_URL,
            "Programmet er for personer, der har boet i Danmark i højst 3 år.",
            "sprogcaféen",
        ),
    ],
)
def test_too_long_in_denmark_is_explained_kindly_and_nothing_is_stored(
    client, form_page, mailoutbox, url, explanation, alternatives
):
    one_day_too_long = years_ago(3) - datetime.timedelta(days=1)
    response = client.post(url, newcomer_answers(arrived_in_denmark=one_day_too_long.isoformat()))
    text = response.content.decode()
    assert response.status_code == 200
    assert explanation in text
    assert alternatives in text
    assert Application.objects.count() == 0
    assert mailoutbox == []
    # Only a count with nothing about the person, for the outcomes report's funnel.
    assert list(IneligibleCount.objects.values_list("role", "count")) == [("newcomer", 1)]
    # What was typed is still there, to correct a mistake.
    assert 'value="Amira"' in text and 'value="amira@example.com"' in text
    assert f'value="{one_day_too_long.isoformat()}"' in text


def test_exactly_three_years_is_still_accepted(client, form_page, mailoutbox):
    client.post(ENGLISH_URL, newcomer_answers(arrived_in_denmark=years_ago(3).isoformat()))
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    ("url", "explanation"),
    [
        (ENGLISH_URL, "The programme does not cover this postcode."),
        (DANISH_URL, "Programmet dækker ikke dette postnummer."),
    ],
)
def test_a_postcode_outside_the_area_stores_nothing(client, form_page, url, explanation):
    response = client.post(url, newcomer_answers(postcode="8000"))
    assert explanation in response.content.decode()
    assert Application.objects.count() == 0


def test_a_host_applies_without_an_arrival_date(client, host_form_page, mailoutbox):
    data = newcomer_answers(offered_kinds=["career", "culture"], capacity="2", workplace="Novo")
    del data["arrived_in_denmark"], data["wanted_host_kind"]
    response = client.post("/host-programme/become-a-host/", data)
    assert response.status_code == 200
    application = Application.objects.get()
    assert application.role == "host"
    assert application.offers_career_hosting and application.offers_culture_hosting
    assert (application.capacity, application.workplace) == (2, "Novo")
    assert application.arrived_in_denmark is None


def test_the_honeypot_stores_nothing_and_keeps_what_was_typed(client, form_page, mailoutbox):
    response = client.post(ENGLISH_URL, newcomer_answers(website="http://spam.example"))
    text = response.content.decode()
    assert "Leave the last field empty" in text
    assert 'value="Amira"' in text
    assert Application.objects.count() == 0 and mailoutbox == []


def test_consent_is_required(client, form_page):
    response = client.post(DANISH_URL, newcomer_answers(consent=None))
    assert "Sæt kryds i feltet" in response.content.decode()
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"first_name": "x" * 100_000},
        {"email": "not an address"},
        {"arrived_in_denmark": "31/02/2025"},
        {"arrived_in_denmark": "0001-01-01"},
        {"arrived_in_denmark": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()},
        {"postcode": "22OO"},
        {"language_1": "xx"},
        {"language_1": "", "level_1": "", "language_2": "", "level_2": ""},
        {"language_2": "ar"},
        {"level_1": ""},
        {"wanted_host_kind": "spaceship"},
        {"availability": ["never"]},
        {"chosen_interests": ["999999"]},
        {"chosen_field": "abc"},
        {"bio": "y" * 5000},
        {"phone": "call me"},
    ],
)
def test_garbage_is_refused_with_a_message_and_never_a_500(client, form_page, changes):
    response = client.post(ENGLISH_URL, newcomer_answers(**changes))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Please correct the marked fields" in text
    assert 'value="amira@example.com"' in text or "email" in changes
    assert Application.objects.count() == 0


def test_an_empty_post_is_refused_not_a_500(client, form_page):
    response = client.post(ENGLISH_URL, {})
    assert response.status_code == 200
    assert "Please correct the marked fields" in response.content.decode()


def test_the_rate_limit_per_address(client, form_page, mailoutbox):
    for _ in range(3):
        assert client.post(ENGLISH_URL, newcomer_answers()).status_code == 200
    response = client.post(ENGLISH_URL, newcomer_answers())
    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert 'value="Amira"' in response.content.decode()
    assert Application.objects.count() == 3 and len(mailoutbox) == 3


def test_the_rate_limit_per_client_address(client, form_page, mailoutbox):
    for number in range(10):
        client.post(ENGLISH_URL, newcomer_answers(email=f"person{number}@example.com"))
    response = client.post(ENGLISH_URL, newcomer_answers(email="another@example.com"))
    assert response.status_code == 429
    assert Application.objects.count() == 10
    # Another client address still gets through.
    other = client.post(
        ENGLISH_URL, newcomer_answers(email="another@example.com"), REMOTE_ADDR="10.9.9.9"
    )
    assert other.status_code == 200
    assert Application.objects.count() == 11


def test_the_confirmation_link_can_be_sent_again_once_per_cooldown(client, form_page, mailoutbox):
    client.post(ENGLISH_URL, newcomer_answers())
    first_link = link_in(mailoutbox[0])
    resend = {"resend": "1", "resend_email": "AMIRA@example.com"}
    response = client.post(ENGLISH_URL, resend)
    assert "we have sent its link again" in response.content.decode()
    assert len(mailoutbox) == 1  # the cooldown started when the first link went out
    cache.delete(f"intake:confirmation-sent:{Application.objects.get().pk}")  # ten minutes on
    client.post(ENGLISH_URL, resend)
    assert len(mailoutbox) == 2
    second_link = link_in(mailoutbox[1])
    assert second_link != first_link
    assert client.get(first_link).status_code == 404  # the old link was replaced
    client.post(ENGLISH_URL, resend)
    assert len(mailoutbox) == 2
    # An address that never applied gets the same answer and no email.
    response = client.post(ENGLISH_URL, {"resend": "1", "resend_email": "nobody@example.com"})
    assert "we have sent its link again" in response.content.decode()
    assert len(mailoutbox) == 2


# --- the confirmation link -----------------------------------------------------------------------


def test_following_the_link_and_confirming_puts_it_in_the_queue(client, form_page, mailoutbox):
    client.post(DANISH_URL, newcomer_answers())
    link = link_in(mailoutbox[0])
    page = client.get(link)
    assert "Bekræft min ansøgning" in page.content.decode()
    assert page.content.decode().count('<meta name="robots" content="noindex">') == 1
    assert Application.objects.get().status == Application.Status.UNCONFIRMED  # GET: nothing
    response = client.post(link)
    text = response.content.decode()
    assert "Tak: din ansøgning er bekræftet." in text
    assert "Hvad sker der nu?" in text
    application = Application.objects.get()
    assert application.status == Application.Status.TO_REVIEW
    assert application.confirmed_at is not None
    # Following it again changes nothing.
    client.post(link)
    assert Application.objects.get().confirmed_at == application.confirmed_at


def test_a_bad_link_says_so(client, db):
    response = client.get("/applications/confirm/not-a-token/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert client.post("/applications/confirm/not-a-token/").status_code == 404


def test_an_expired_link_says_so_and_confirms_nothing(client, form_page, mailoutbox):
    client.post(ENGLISH_URL, newcomer_answers())
    Application.objects.update(created_at=timezone.now() - datetime.timedelta(days=2, minutes=1))
    response = client.post(link_in(mailoutbox[0]))
    assert "Linket er udløbet" in response.content.decode()  # the link is in their language
    assert Application.objects.get().status == Application.Status.UNCONFIRMED


def test_the_daily_run_deletes_unconfirmed_and_old_declined_applications(programme):
    from privacy import retention
    from tests.intake.factories import application

    old = application(programme, status="unconfirmed", confirmed_at=None)
    recent = application(programme, status="unconfirmed", confirmed_at=None)
    Application.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2, hours=1)
    )
    programme.retention_days_never_matched = 30
    programme.save()
    declined = application(programme, status="declined", decided_at=timezone.now())
    counts = retention.apply_retention()
    assert counts[retention.UNCONFIRMED_APPLICATIONS] == 1
    assert counts[retention.DECLINED_APPLICATIONS] == 0
    assert set(Application.objects.values_list("pk", flat=True)) == {recent.pk, declined.pk}
    later = timezone.localdate() + datetime.timedelta(days=30)
    assert retention.apply_retention(later)[retention.DECLINED_APPLICATIONS] == 1
    assert not Application.objects.filter(pk=declined.pk).exists()
