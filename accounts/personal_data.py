"""The account's personal data, declared for the registry (privacy/registry.py).

Erasure keeps the row (matches and meetings point at the participant, which points here) but
empties it: the address becomes erased-<id>@erased.invalid, so the real address is free to
register again, and the account can no longer log in."""

from django.utils.translation import gettext_lazy as _

from privacy import texts
from privacy.erasure import erased_email
from privacy.registry import BLANK, declare, json_value

from .models import User

ACCOUNT_EXPORT_FIELDS = [
    "email",
    "first_name",
    "last_name",
    "preferred_language",
    "date_joined",
    "last_login",
    "is_active",
]


def _erase_account(person):
    user = User.objects.get(pk=person.user.pk)
    user.email = erased_email(user)
    user.first_name = ""
    user.last_name = ""
    user.last_login = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    person.user.refresh_from_db()
    return 1


declare(
    "accounts.User",
    category=_("Account"),
    purpose=_("Logging in, and writing to the person in their language."),
    shown=texts.SHOWN_PORTAL_AND_ADMIN,
    seen_by=texts.SEEN_BY_PERSON_AND_COORDINATORS,
    kept=texts.KEPT_WITH_PARTICIPANT,
    personal={"email": erased_email, "first_name": BLANK, "last_name": BLANK, "last_login": BLANK},
    secret=["password"],
    not_personal=[
        "preferred_language",
        "date_joined",
        "is_active",
        "is_staff",
        "is_superuser",
        "groups",
        "user_permissions",
    ],
    rows=lambda person: User.objects.filter(pk=person.user.pk),
    erase_mode=_erase_account,
    erasure_note=_(
        "Anonymised in place: the name is emptied, the address replaced, the password made "
        "unusable and the account closed."
    ),
    export=lambda person: {name: json_value(person.user, name) for name in ACCOUNT_EXPORT_FIELDS},
    export_key="account",
)
