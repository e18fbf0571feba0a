"""The personal-data registry is complete: every installed model and every one of its fields
has a decision, so a new model or field cannot hold personal data unnoticed."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from privacy import registry

PROJECT_DIR = Path(settings.BASE_DIR).resolve()


def is_project_model(model):
    path = Path(model._meta.app_config.path).resolve()
    return PROJECT_DIR in path.parents and ".venv" not in path.parts


ALL_MODELS = [m for m in apps.get_models() if not m._meta.auto_created]


def test_every_installed_model_is_declared():
    missing = [m._meta.label for m in ALL_MODELS if registry.get(m._meta.label) is None]
    assert missing == [], (
        "Declare these models' personal data in <app>/personal_data.py (personal fields with "
        f"their export and erasure, or exempt with a reason): {missing}"
    )


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m._meta.label)
def test_every_field_has_a_decision(model):
    declaration = registry.get(model._meta.label)
    if declaration is None:
        pytest.fail(f"{model._meta.label} is not declared")
    fields = set(registry.checked_fields(model))
    decided = declaration.decided_fields
    assert decided - fields == set(), f"{model._meta.label}: declared fields that do not exist"
    if declaration.exempt and not is_project_model(model):
        # Third-party configuration and indexes: the reason is the decision. Our own models
        # must still list their fields, so a personal field added to a page is noticed.
        assert str(declaration.exempt)
        return
    undecided = sorted(fields - decided)
    assert undecided == [], (
        f"{model._meta.label}: decide whether these fields are personal "
        f"(personal=..., secret=...) or not (not_personal=...): {undecided}"
    )


@pytest.mark.parametrize("declaration", registry.personal_declarations(), ids=lambda d: d.label)
def test_every_personal_declaration_says_how_it_is_exported_erased_and_kept(declaration):
    for text in ("category", "purpose", "shown", "seen_by", "kept"):
        assert str(getattr(declaration, text)).strip(), f"{declaration.label}: no {text}"
    if declaration.export is False or declaration.rows is None:
        assert str(declaration.not_exported_because).strip(), (
            f"{declaration.label} is not in the download: say why (not_exported_because)"
        )
    if declaration.erase_mode == registry.NOT_ERASED:
        assert str(declaration.not_erased_because).strip()
    elif not callable(declaration.erase_mode):
        assert declaration.rows is not None, f"{declaration.label}: rows(person) is needed"
    # Every personal field that erasure anonymises has a rule that can be applied.
    model = declaration.model
    for name, rule in declaration.personal.items():
        field = model._meta.get_field(name)
        if rule is registry.BLANK and declaration.erase_mode == registry.ANONYMISE:
            assert field.null or isinstance(
                field, (models.CharField, models.TextField, models.JSONField)
            ), f"{declaration.label}.{name} cannot be blanked"


def test_a_new_field_without_a_decision_fails_the_check():
    """The check above is not vacuous: a model with an undeclared field is reported."""
    declaration = registry.get("portal.WheelEntry")
    fields = set(registry.checked_fields(declaration.model)) | {"favourite_colour"}
    assert fields - declaration.decided_fields == {"favourite_colour"}


def test_exports_leave_secrets_out():
    for declaration in registry.personal_declarations():
        assert not (declaration.secret & set(declaration.not_personal)), declaration.label


def test_every_custom_erasure_is_described_for_the_overview():
    for declaration in registry.personal_declarations():
        if callable(declaration.erase_mode):
            assert str(declaration.erasure_note).strip(), declaration.label
