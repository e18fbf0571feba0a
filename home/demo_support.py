"""What the demo builders share: reading their data files, picking one language out of the
``{en: …, da: …}`` pairs in them, publishing a page only when its content changed, and
finding or creating rows with the factories the tests use.

The data files live beside the code (``home/demo_content/``, ``portal/demo_content/``,
``events/demo_content/``); the README's "Demo content" section says how to edit them.
"""

from pathlib import Path

import yaml
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from wagtail.fields import StreamField

DEMO_PASSWORD = "demo-host-programme"  # noqa: S105 - a published demo password, by design
LANGUAGES = ("en", "da")


def load(path):
    """The data in a YAML file (``path`` may be a ``Path`` or a string)."""
    with Path(path).open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def is_translated(value):
    """A text in both languages is written as a mapping with exactly the keys en and da."""
    return isinstance(value, dict) and set(value) == set(LANGUAGES)


def localised(value, language):
    """``value`` in one language: every ``{en: …, da: …}`` pair, however deep, becomes its
    text in ``language``; everything else is the same in both languages."""
    if is_translated(value):
        return value[language]
    if isinstance(value, dict):
        return {key: localised(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [localised(item, language) for item in value]
    return value


def set_translated(obj, name, value):
    """Set ``name_en`` and ``name_da`` from a pair (or from one value for both)."""
    for language in LANGUAGES:
        setattr(obj, f"{name}_{language}", localised(value, language))


def require_demo_allowed(settings):
    if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
        raise ImproperlyConfigured("Demo accounts have a published password: not here.")


# --- Pages ---------------------------------------------------------------------------------


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(value) for value in data]
    return data


def snapshot(page):
    """Every stored field of ``page``, in a form that compares equal between runs (bodies
    without their random block ids)."""
    values = {}
    for model_field in page._meta.concrete_fields:
        value = getattr(page, model_field.attname)
        if isinstance(model_field, StreamField):
            value = _without_ids(model_field.get_prep_value(value))
        values[model_field.attname] = value
    return values


def publish_if_changed(page, apply):
    """Let ``apply(page)`` write the demo's content on a saved page, then publish it, unless
    the live version already has exactly that content: a second run adds no revision, and an
    editor's change is put back with one. Returns whether it published."""
    before = snapshot(page)
    apply(page)
    up_to_date = page.live and page.live_revision_id and not page.has_unpublished_changes
    if up_to_date and snapshot(page) == before:
        return False
    page.save_revision().publish()
    return True


# --- Rows ----------------------------------------------------------------------------------


def upsert(factory, lookup, **fields):
    """The row matching ``lookup`` with ``fields`` set, made with ``factory`` if missing."""
    model = factory._meta.model
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return factory(**lookup, **fields)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def demo_account(email, groups=(), **fields):
    """A demo user with the published password, a verified primary address (allauth's login
    needs one) and ``groups`` (the role groups of accounts/roles.py, which load_demo syncs
    before building)."""
    from accounts.factories import UserFactory

    user = upsert(UserFactory, {"email": email}, is_active=True, **fields)
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.filter(user=user).exclude(email__iexact=email).delete()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user
