"""Sending email through Django's email framework, in the recipient's own language.

Every message is rendered from two templates, ``<name>_subject.txt`` and ``<name>.txt``
(plus ``<name>.html`` when it exists), with the recipient's language active.

An email that reports a change to the database (a match created, a request received) is sent
with ``send_email_on_commit`` / ``send_email_to_user_on_commit``: only once that change is
committed, never when it rolls back (events defer theirs with ``transaction.on_commit``).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation


def render_email(template_name, language, context):
    """Subject, text body and optional HTML body of an email, rendered in ``language``."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_name}_subject.txt", context).split())
        text = render_to_string(f"{template_name}.txt", context)
        try:
            html = render_to_string(f"{template_name}.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def send_email(template_name, to, language, context=None, attachments=(), reply_to=None):
    """Render and send one email to the address ``to`` in ``language``.

    ``attachments`` holds ``(filename, content, mimetype)`` triples, for example an event's
    ``.ics`` file. Returns the number of messages sent (0 or 1).
    """
    context = {"site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"), **(context or {})}
    subject, text, html = render_email(template_name, language, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=reply_to,
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message.send()


def send_email_to_user(user, template_name, context=None, attachments=()):
    """Send to a user account in the language that user chose."""
    return send_email(
        template_name,
        user.email,
        user.preferred_language,
        {"recipient": user, **(context or {})},
        attachments,
    )


def send_email_on_commit(template_name, to, language, context=None, attachments=(), reply_to=None):
    """``send_email`` once the current transaction commits (at once outside a transaction).

    Nothing is sent if the transaction rolls back. A failure to send is logged by Django
    (``robust``) and does not undo the committed change or stop other emails."""
    transaction.on_commit(
        lambda: send_email(template_name, to, language, context, attachments, reply_to),
        robust=True,
    )


def send_email_to_user_on_commit(user, template_name, context=None, attachments=()):
    """``send_email_to_user`` once the current transaction commits; see ``send_email_on_commit``."""
    transaction.on_commit(
        lambda: send_email_to_user(user, template_name, context, attachments), robust=True
    )
