"""allauth adapter: the portal has no open sign-up; coordinators create participants.

- allauth's own emails (sign-in code, password reset) go out in the recipient's preferred
  language when the address belongs to an account, whatever page they were requested from.
- After logging in (without a ``?next=``), participants land on the portal dashboard in their
  own language; staff with admin access land in the admin; anyone else on the home page.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation


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

    def get_login_redirect_url(self, request):
        user = request.user
        if hasattr(user, "participant"):
            with translation.override(user.preferred_language):
                return reverse("portal:dashboard")
        if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)
