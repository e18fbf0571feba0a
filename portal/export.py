"""Everything the programme holds about a participant, as one JSON-ready dictionary (GDPR
right of access), assembled from the personal-data registry (privacy/registry.py): every model
that declares personal data contributes its section, so a new model is in the download as soon
as it is declared. Partners appear by name only; other people's check-ins and re-match
requests, passwords and tokens are never included."""

from django.conf import settings
from django.utils import timezone

from privacy import registry


def export_filename(today=None):
    return f"my-data-{(today or timezone.localdate()).isoformat()}.json"


def person_export(user):
    person = registry.Person.of(user)
    data = {
        "exported_at": timezone.now().isoformat(),
        "programme": str(getattr(settings, "WAGTAIL_SITE_NAME", "")),
    }
    for declaration in registry.personal_declarations():
        section = declaration.export_rows(person)
        if section is not None:
            data[declaration.key] = section
    return data


def participant_export(participant):
    return person_export(participant.user)
