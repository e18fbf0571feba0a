"""Public sign-up without an account: limited per client and per address, one confirmation
email per cooldown, a honeypot, a name that cannot carry a link or markup into an email to
someone else's address, and unconfirmed sign-ups that do not stay for ever."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import SignUp, SignUpMode

from .test_views import text, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_url(make_event):
    event = make_event(signup_mode=SignUpMode.PUBLIC, capacity=50)
    return url_in("en", event) + f"sign-up/{event.occurrences.get().pk}/"


def sign_up(client, url, name="Maria Hansen", email="maria@example.com", **extra):
    return client.post(url, {"name": name, "email": email, **extra})


def test_the_same_address_is_limited_and_the_refusal_keeps_what_was_typed(
    client, form_url, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answers = [sign_up(client, form_url) for _ in range(6)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 200, 429]
    refused = answers[-1]
    assert "Too many sign-ups have been sent from here or for this email address." in text(refused)
    html = refused.content.decode()
    assert 'value="Maria Hansen"' in html
    assert 'value="maria@example.com"' in html
    assert len(mailoutbox) == 1  # and one email, not six


def test_one_client_cannot_send_sign_ups_to_any_number_of_addresses(
    client, form_url, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            sign_up(client, form_url, email=f"person{number}@example.com") for number in range(40)
        ]
    accepted = [a for a in answers if a.status_code == 200]
    assert len(accepted) == 10
    assert {a.status_code for a in answers[10:]} == {429}
    assert len(mailoutbox) == 10
    assert SignUp.objects.count() == 10


def test_signing_up_again_soon_sends_no_second_email_and_says_to_check_the_inbox(
    client, form_url, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = sign_up(client, form_url)
        second = sign_up(client, form_url, email="MARIA@example.com")
    assert "We have sent a link to maria@example.com." in text(first)
    assert (
        "We have not sent another email to MARIA@example.com: we sent one less than 10 "
        "minutes ago, or the address is already signed up. Please look in your inbox"
        in text(second)
    )
    assert len(mailoutbox) == 1
    assert SignUp.objects.count() == 1


def test_a_form_filled_in_by_a_bot_sends_nothing(
    client, form_url, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, form_url, website="http://spam.example")
    assert response.status_code == 200
    assert "This form could not be sent. Leave the last field empty and try again." in text(
        response
    )
    assert 'value="Maria Hansen"' in response.content.decode()
    assert not SignUp.objects.exists()
    assert mailoutbox == []


def test_the_public_form_has_the_honeypot_out_of_sight(client, form_url):
    html = client.get(form_url).content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in html
    assert 'name="website"' in html


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("<b>Maria</b>", "Please write just your name"),
        ('<a href="http://spam.example">Win</a>', "Please write your name, not a web address."),
        ("Claim your prize at http://spam.example", "Please write your name, not a web address."),
        ("Visit www.spam-shop.com now", "Please write your name, not a web address."),
        ("cheap-pills.ru", "Please write your name, not a web address."),
        ("123456", "Please write your name with letters, not only numbers."),
        ("M" * 101, "Ensure this value has at most 100 characters (it has 101)."),
    ],
)
def test_a_name_that_is_not_a_name_is_refused_with_a_clear_message(
    client, form_url, mailoutbox, name, message
):
    response = sign_up(client, form_url, name=name)
    assert response.status_code == 200
    assert message in text(response)
    assert 'value="maria@example.com"' in response.content.decode()
    assert not SignUp.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("name", ["Anne-Marie O'Neill", "Zoë Ødegård", "J. R. Jensen", "Lê Văn"])
def test_ordinary_names_are_accepted(client, form_url, name):
    response = sign_up(client, form_url, name=name)
    assert "Check your email" in text(response)
    assert SignUp.objects.get().name == name


def test_unconfirmed_sign_ups_are_deleted_after_two_days(make_event, newcomer):
    date = make_event(signup_mode=SignUpMode.PUBLIC).occurrences.get()
    old = services.sign_up_public(date, "Old", "old@example.com", "en")
    services.sign_up_public(date, "Recent", "recent@example.com", "en")
    confirmed = services.sign_up_public(date, "Kept", "kept@example.com", "en")
    services.confirm_public(confirmed)
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    SignUp.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=three_days_ago)

    assert services.purge_unconfirmed_signups() == 1
    assert set(SignUp.objects.values_list("name", flat=True)) == {"Recent", "Kept"}
    assert services.purge_unconfirmed_signups() == 0  # safe to run twice

    later = timezone.now() + datetime.timedelta(days=2, minutes=1)
    assert services.purge_unconfirmed_signups(now=later) == 1
    assert list(SignUp.objects.values_list("name", flat=True)) == ["Kept"]


def test_signing_up_again_after_confirming_sends_nothing_and_reveals_nothing(
    client, form_url, make_event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, form_url)
    services.confirm_public(SignUp.objects.get())
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        again = sign_up(client, form_url)
    assert "We have not sent another email to maria@example.com" in text(again)
    assert mailoutbox == []
    assert SignUp.objects.get().status == "confirmed"


def test_an_expired_link_is_refused_and_signing_up_again_starts_afresh(
    client, make_event, mailoutbox, django_capture_on_commit_callbacks
):
    date = make_event(signup_mode=SignUpMode.PUBLIC).occurrences.get()
    old = services.sign_up_public(date, "Maria", "maria@example.com", "en")
    SignUp.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    response = client.post(reverse("events:public_confirm", args=[old.token]))
    assert "This link has expired. Please sign up again." in text(response)
    old.refresh_from_db()
    assert old.status == "unconfirmed"

    with django_capture_on_commit_callbacks(execute=True):
        fresh = services.sign_up_public(date, "Maria", "maria@example.com", "en")
    assert fresh.pk != old.pk
    assert fresh.link_sent
    assert list(SignUp.objects.all()) == [fresh]
    services.confirm_public(fresh)
    fresh.refresh_from_db()
    assert fresh.status == "confirmed"
