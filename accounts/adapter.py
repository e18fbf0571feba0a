"""allauth adapter: the portal has no open sign-up; coordinators create participants.

- allauth's own emails (sign-in code, password reset) go out in the recipient's preferred
  language when the address belongs to an account, whatever page they were requested from,
  as text and HTML, from the programme's name in that language (notifications/emails.py).
- After logging in (without a ``?next=``), participants land on the portal dashboard in their
  own language; staff with admin access land in the admin; anyone else on the home page.
  After logging out, people land on the home page in the language they were reading.
- allauth's messages ("You are logged in as ...") are written in the language of the page
  they will be shown on, which after logging in or out is the page redirected to, not the
  page the form was on. Their wording is ours (templates/account/messages/).
"""

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_login_redirect_url, get_next_redirect_url
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation

from notifications import emails

# Messages shown on the page a redirect leads to, with how to find that page.
SHOWN_AFTER_LOGIN = "account/messages/logged_in.txt"
SHOWN_AFTER_LOGOUT = "account/messages/logged_out.txt"


def language_of(url):
    """The language of one of the site's addresses: /da/... is Danish, anything else English
    (the default language has no prefix; the admin and its messages are English)."""
    return translation.get_language_from_path(urlsplit(url).path) or settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        if user is None or getattr(user, "email", "").lower() != (email or "").lower():
            user = get_user_model().objects.filter(email__iexact=email).first()
        language = getattr(user, "preferred_language", None) or translation.get_language()
        if user is not None:
            context = {"user": user, **context}  # the greeting uses the first name
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)

    def get_from_email(self):
        """The programme's name in the recipient's language (active in ``send_mail``)."""
        return emails.from_address(translation.get_language())

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's text email, with the site's HTML frame as its HTML part."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            message.attach_alternative(
                emails.html_layout(message.subject, message.body), "text/html"
            )
        return message

    def get_login_redirect_url(self, request):
        user = request.user
        if hasattr(user, "participant"):
            with translation.override(user.preferred_language):
                return reverse("portal:dashboard")
        if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)

    def get_logout_redirect_url(self, request):
        """The home page in the language the person was reading."""
        return reverse("wagtail_serve", args=[""])

    def add_message(self, request, level, message_template=None, message_context=None, **kw):
        language = translation.get_language()
        if message_template == SHOWN_AFTER_LOGIN:
            language = language_of(get_login_redirect_url(request))
        elif message_template == SHOWN_AFTER_LOGOUT:
            target = get_next_redirect_url(request) or self.get_logout_redirect_url(request)
            language = language_of(target)
        with translation.override(language):
            super().add_message(request, level, message_template, message_context, **kw)
