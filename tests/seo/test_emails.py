"""Every email goes out as text and HTML, in the recipient's language, from the programme's
name in that language; calendar files say ``method=PUBLISH``."""

import pytest
from django.core import mail

from notifications import emails, group_messages
from portal.models import Participant
from programmes.defaults import first_programme
from tests.factories import NewcomerFactory, UserFactory

pytestmark = pytest.mark.django_db


def html_part(message):
    (html, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return html


@pytest.mark.parametrize(
    ("language", "sender", "greeting", "lang"),
    [
        ("en", "Host Programme <noreply@example.com>", "Hello Amira,", 'lang="en"'),
        ("da", "Værtsprogrammet <noreply@example.com>", "Hej Amira", 'lang="da"'),
    ],
)
def test_a_portal_email_is_text_and_branded_html_in_the_recipients_language(
    language, sender, greeting, lang
):
    newcomer = NewcomerFactory(user__first_name="Amira", user__preferred_language=language)
    emails.send_email_to_user(
        newcomer.user,
        "notifications/email/group_message",
        {"participant": newcomer, "subject": "News", "body": "See https://example.com/x now."},
    )
    (message,) = mail.outbox
    assert message.from_email == sender
    assert greeting in message.body  # the text part is kept
    html = html_part(message)
    assert html.startswith("<!DOCTYPE html>")
    assert lang in html
    assert greeting in html
    assert '<a href="https://example.com/x" rel="nofollow">https://example.com/x</a>' in html
    assert 'role="presentation"' in html and "<script" not in html and "<link" not in html
    name = sender.split(" <")[0]
    assert f">{name}</a>" in html


def test_html_escapes_what_people_typed():
    newcomer = NewcomerFactory(user__first_name="<b>Bo</b>")
    emails.send_email_to_user(
        newcomer.user,
        "notifications/email/group_message",
        {"participant": newcomer, "subject": "S", "body": "1 < 2 & <script>x</script>"},
    )
    html = html_part(mail.outbox[0])
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "&lt;b&gt;Bo&lt;/b&gt;" in html


def test_a_group_message_gets_the_html_layout_in_each_language(on_commit):
    programme = first_programme()
    NewcomerFactory(programme=programme, user__first_name="Olga", user__preferred_language="da")
    NewcomerFactory(programme=programme, user__first_name="Tom", user__preferred_language="en")
    coordinator = UserFactory(is_superuser=True)
    with on_commit():
        group_messages.queue_message(
            sender=coordinator,
            programmes=[programme],
            people=Participant.objects.filter(programme=programme),
            kind="match",
            texts={
                "subject_en": "Summer party",
                "body_en": "Come to the summer party.",
                "subject_da": "Sommerfest",
                "body_da": "Kom til sommerfesten.",
            },
            audience={},
            description="test",
        )
    by_name = {m.subject: m for m in mail.outbox}
    assert "Kom til sommerfesten." in html_part(by_name["Sommerfest"])
    assert by_name["Sommerfest"].from_email == "Værtsprogrammet <noreply@example.com>"
    assert "Come to the summer party." in html_part(by_name["Summer party"])
    assert by_name["Summer party"].from_email == "Host Programme <noreply@example.com>"


@pytest.mark.parametrize(
    ("language", "sender", "words"),
    [
        ("en", "Host Programme <noreply@example.com>", "password"),
        ("da", "Værtsprogrammet <noreply@example.com>", "adgangskode"),
    ],
)
def test_allauths_emails_are_html_too(client, home_page, language, sender, words):
    UserFactory(email="olga@example.com", preferred_language=language)
    client.post("/accounts/password/reset/", {"email": "olga@example.com"})
    (message,) = mail.outbox
    assert message.from_email == sender
    assert words in message.body.lower()
    html = html_part(message)
    assert f'lang="{language}"' in html
    assert words in html.lower()


def test_a_calendar_attachment_is_published(make_event, on_commit):
    from events import services

    newcomer = NewcomerFactory(user__preferred_language="da")
    date = make_event().occurrences.get()
    with on_commit():
        services.sign_up(date, newcomer.user)
    (message,) = mail.outbox
    part = message.message().get_payload()[-1]
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "PUBLISH"
    assert part.get_filename() == "event.ics"
    assert "Sommerfest" not in message.body  # sanity: this is the sign-up email
    assert message.alternatives and "Du er tilmeldt" in html_part(message)


def test_the_first_programme_signs_emails_with_the_same_danish_name():
    """The programme's own name (e-mail sign-offs, application emails) is the site's name."""
    assert first_programme().name_da == "Værtsprogrammet"
