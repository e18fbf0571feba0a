"""Sending email through Django's email framework, in the recipient's own language.

Every message is rendered from two templates, ``<name>_subject.txt`` and ``<name>.txt``,
with the recipient's language active, and sent as text and HTML: the HTML part is
``<name>.html`` when it exists, else the text's words in the branded frame of
``templates/email/layout.html``. The sender's name is the programme's name in the recipient's
language (the address is ``DEFAULT_FROM_EMAIL``'s). allauth's emails get the same frame and
sender (``accounts/adapter.py``).

An email that reports a change to the database (a match created, a request received) is sent
with ``send_email_on_commit`` / ``send_email_to_user_on_commit``: only once that change is
committed, never when it rolls back (events defer theirs with ``transaction.on_commit``).
"""

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation


def from_address(language):
    """``DEFAULT_FROM_EMAIL``'s address under the programme's name in ``language``."""
    from home.seo import site_name

    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    with translation.override(language):
        name = site_name()
    # Left unencoded (Django encodes the header when sending), quoted if it needs to be.
    if any(char in name for char in '",;:()<>@[]\\'):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{address or settings.DEFAULT_FROM_EMAIL}>"


def html_layout(subject, text):
    """The text of an email in the site's HTML frame, in the active language."""
    site_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return render_to_string(
        "email/layout.html",
        {
            "subject": subject,
            "text": text.strip(),
            "site_url": site_url,
            "site_host": urlsplit(site_url).netloc,
        },
    )


def render_email(template_name, language, context):
    """Subject, text body and HTML body of an email, rendered in ``language``."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_name}_subject.txt", context).split())
        text = render_to_string(f"{template_name}.txt", context)
        try:
            html = render_to_string(f"{template_name}.html", context)
        except TemplateDoesNotExist:
            html = html_layout(subject, text)
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
        from_email=from_address(language),
        to=[to],
        reply_to=reply_to,
    )
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
