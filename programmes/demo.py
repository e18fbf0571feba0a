"""The demo's programmes and the staff who run them.

``build(stdout)`` is run by ``manage.py load_demo`` before the portal's builder, which puts
each demo participant in a programme by its slug. The programmes, their tracks, rules,
success criteria, coordinators, and the coordinator and programme lead accounts are in
``demo_content/programmes.yaml``. Idempotent: a programme is found by its slug, a track by its
kind, a criterion by its place in the list, an account by its email.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction

from home.demo_support import (
    DEMO_PASSWORD,
    demo_account,
    load,
    require_demo_allowed,
    set_translated,
)

from .models import Interest, ProfessionalField, Programme, SuccessCriterion, Track

PROGRAMMES = Path(__file__).resolve().parent / "demo_content" / "programmes.yaml"
VOCABULARY = Path(__file__).resolve().parent / "demo_content" / "vocabulary.yaml"


def build_vocabulary():
    """The bilingual interest and professional-field lists, found by their English name."""
    data = load(VOCABULARY)
    for model, key in ((Interest, "interests"), (ProfessionalField, "fields")):
        for row in data[key]:
            model.objects.update_or_create(name_en=row["en"], defaults={"name_da": row["da"]})
    return len(data["interests"]), len(data["fields"])


def _translated(value):
    return {f"name_{language}": text for language, text in value.items()}


@transaction.atomic
def build_programme(row, accounts):
    programme = Programme.objects.filter(slug=row["slug"]).first() or Programme(slug=row["slug"])
    set_translated(programme, "name", row["name"])
    set_translated(programme, "description", row["description"])
    set_translated(programme, "area", row["area"])
    programme.contact_name = row["contact"]["name"]
    programme.contact_email = row["contact"]["email"]
    programme.contact_phone = row["contact"]["phone"]
    for name, value in row["rules"].items():
        setattr(programme, name, value)
    programme.full_clean(exclude=["coordinators"])
    programme.save()
    for order, track in enumerate(row["tracks"]):
        Track.objects.update_or_create(
            programme=programme,
            kind=track["kind"],
            defaults={"sort_order": order, **_translated(track["name"])},
        )
    for order, criterion in enumerate(row["success_criteria"]):
        SuccessCriterion.objects.update_or_create(
            programme=programme,
            sort_order=order,
            defaults={
                "target_percent": criterion["target_percent"],
                **_translated(criterion["name"]),
            },
        )
    programme.coordinators.set([accounts[email] for email in row["coordinators"]])
    return programme


def build(stdout):
    """Create or update the demo's programmes and their coordinators."""
    require_demo_allowed(settings)
    data = load(PROGRAMMES)
    stdout.write(
        f"Programmes: coordinators, programme lead and programmes (password {DEMO_PASSWORD})"
    )
    accounts = {}
    for row in data["staff"]:
        accounts[row["email"]] = demo_account(**row)
        stdout.write(f"  {', '.join(row['groups']).lower()}: {row['email']}")
    for row in data["programmes"]:
        programme = build_programme(row, accounts)
        coordinators = ", ".join(row["coordinators"])
        stdout.write(
            f"  {programme.name_en}: {len(row['tracks'])} tracks, coordinators {coordinators}"
        )
    interests, fields = build_vocabulary()
    stdout.write(f"  {interests} interests and {fields} professional fields")
