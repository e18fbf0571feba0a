"""allauth's own messages that the site can show, listed so that they are in the project's
catalogue (locale/da/LC_MESSAGES/django.po) and translated there in the glossary's words.

The project's catalogue (``LOCALE_PATHS``) takes precedence over allauth's, whose Danish is
poor ("Loggede succesfuldt ind med ...", "Password ændret med success."). Each string below
is allauth's msgid exactly as allauth 65 writes it; ``gettext_noop`` only marks it for
``make messages``, allauth translates it itself when it shows it. Most of allauth's pages and
messages are the project's own templates (templates/account/); these are the rest: form
labels and errors of the login, sign-in code and password forms, and the messages of
allauth's templates that the project does not replace.

tests/i18n/test_allauth_wording.py renders each one in Danish.
"""

from django.utils.translation import gettext_noop

ALLAUTH_MESSAGES = (
    # Login form: labels and errors (allauth/account/forms.py, adapter.py).
    gettext_noop("Password"),
    gettext_noop("Remember Me"),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("Be patient, you are sending too many requests."),
    gettext_noop("The email address is not assigned to any user account."),
    # Sign-in code form.
    gettext_noop("Code"),
    gettext_noop("Incorrect code."),
    # Choosing a password from the invitation or reset link.
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("The password reset token was invalid."),
    # Changing the password (accounts/password/change/ is allauth's own page).
    gettext_noop("Change Password"),
    gettext_noop("Current Password"),
    gettext_noop("Please type your current password."),
    # Messages of allauth's own message templates (templates/account/messages/).
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("You have signed out."),
    gettext_noop("Password successfully changed."),
    gettext_noop("Password successfully set."),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("A sign-in code has been sent to %(recipient)s."),
    gettext_noop(
        "Unable to confirm %(email)s because it is already confirmed by a different account."
    ),
    gettext_noop("Your primary email address must be verified."),
)
