"""The public site's models, declared for the personal-data registry (privacy/registry.py)."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import NOT_ERASED, declare

PAGE_FIELDS = ["intro", "intro_en", "intro_da", "body", "body_en", "body_da", "image"]
PUBLIC_CONTENT = _("Public content written by editors.")

for label in [
    "home.HomePage",
    "home.ContentPage",
    "home.GuidePage",
    "home.GuideStepPage",
    "home.ActivityIndexPage",
]:
    declare(label, exempt=PUBLIC_CONTENT, not_personal=PAGE_FIELDS)

declare(
    "home.ActivityIdeaPage",
    exempt=PUBLIC_CONTENT,
    not_personal=PAGE_FIELDS
    + [
        f"{name}{suffix}"
        for name in ("suits", "time_needed", "cost")
        for suffix in ("", "_en", "_da")
    ],
)
# The programme's contact person is declared with the programme (programmes/personal_data.py);
# the page only points to it.
declare("home.ProgrammePage", exempt=PUBLIC_CONTENT, not_personal=PAGE_FIELDS + ["programme"])
declare(
    "home.FooterSettings",
    exempt=PUBLIC_CONTENT,
    not_personal=["site"]
    + [f"{name}{suffix}" for name in ("about", "social_links") for suffix in ("", "_en", "_da")],
)
declare(
    "home.ContactSettings",
    category=_("The programme's contact person"),
    purpose=_("Telling visitors whom to call or write to."),
    shown=_("Every page of the public website."),
    seen_by=_("Everyone: it is published on purpose."),
    kept=_("Until an editor replaces it."),
    personal={"name": None, "email": None, "phone": None},
    not_personal=["site", "address"]
    + [
        f"{name}{suffix}"
        for name in ("role", "organisation", "hours")
        for suffix in ("", "_en", "_da")
    ],
    erase_mode=NOT_ERASED,
    not_erased_because=_("A staff member published as the contact person, never a participant."),
    export=False,
    not_exported_because=_("A staff member published as the contact person, never a participant."),
)
