"""The programmes' personal data, declared for the registry (privacy/registry.py).

A programme names a staff member as its contact person (name, email and phone, shown on its
pages and used in emails) and lists the coordinators given it. Neither is a participant's data.
"""

from django.utils.translation import gettext_lazy as _

from privacy.registry import NOT_ERASED, declare, exempt

STAFF_ONLY = _("A staff member of the programme, never a participant.")
TRANSLATED = ("", "_en", "_da")

declare(
    "programmes.Programme",
    category=_("The programme's contact person and coordinators"),
    purpose=_("Telling participants and visitors whom to contact; giving coordinators access."),
    shown=_("The programme's pages, its emails and the admin."),
    seen_by=_("Everyone for the contact person; administrators for the coordinators."),
    kept=_("Until an administrator replaces them."),
    personal={
        "contact_name": None,
        "contact_email": None,
        "contact_phone": None,
        "coordinators": None,
    },
    not_personal=[
        *(f"{name}{suffix}" for name in ("name", "description") for suffix in TRANSLATED),
        "slug",
        "area",
        "area_en",
        "area_da",
        "match_length_months",
        "meetings_per_month_min",
        "meetings_per_month_max",
        "first_checkin_after_months",
        "checkin_every_months",
        "max_years_in_denmark",
        "postcodes",
        "retention_days_after_last_match",
        "retention_days_never_matched",
        "active",
        "requires_host_course",
        "weight_language",
        "weight_interest",
        "weight_professional_field",
        "weight_availability",
        "weight_area",
        "weight_age",
    ],
    erase_mode=NOT_ERASED,
    not_erased_because=STAFF_ONLY,
    export=False,
    not_exported_because=STAFF_ONLY,
)
exempt(
    ["programmes.Track"],
    _("The programme's tracks: public names, no personal data."),
    not_personal=["programme", "sort_order", "kind", *(f"name{s}" for s in TRANSLATED)],
)
exempt(
    ["programmes.SuccessCriterion"],
    _("The programme's success criteria and targets: no personal data."),
    not_personal=[
        "programme",
        "sort_order",
        "target_percent",
        *(f"name{s}" for s in TRANSLATED),
    ],
)
exempt(
    ["programmes.Interest", "programmes.ProfessionalField"],
    _("The lists of interests and professional fields people choose from: no personal data."),
    not_personal=[*(f"name{s}" for s in TRANSLATED)],
)
