"""The personal-data registry: every installed model says here what it holds about a person.

Each app declares its models in ``<app>/personal_data.py`` (loaded by ``PrivacyConfig.ready``);
models of third-party apps (Django, Wagtail, allauth) are declared in
``privacy/personal_data.py``. A declaration names, for each field, whether it is personal
(and what erasure does to it) or not personal, so the completeness test in
``tests/privacy/test_registry.py`` fails when a model or field appears without a decision.

The same declarations drive three things:

- the "My data" download (``export(person)`` per model, see ``portal/export.py``);
- erasure (``erase(person)`` per model, see ``privacy/erasure.py``);
- the data-protection officer's overview (category, purpose, where shown, who sees it, how long
  it is kept; see ``privacy/views.py`` and ``manage.py personal_data_register``).

Erasure modes, in the spirit of pretalx (anonymise in place so history and counts survive) and
pretix (per-app shredders):

- ``ANONYMISE``: the rows stay; each personal field is replaced by its rule (``BLANK`` empties
  it, ``KEEP`` leaves it with a reason, a callable computes the new value from the row);
- ``DELETE``: the person's rows are deleted;
- ``NOT_ERASED``: the rows are never about a participant (staff, public content); the reason
  says why;
- a callable ``erase(person) -> int`` for anything else.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models

ANONYMISE = "anonymise"
DELETE = "delete"
NOT_ERASED = "not erased"


class _Blank:
    """Erasure rule: the field's empty value ("" for text, None where null is allowed)."""

    def __repr__(self):
        return "BLANK"


class _Keep:
    """Erasure rule: the field stays (e.g. a link to the anonymised account)."""

    def __repr__(self):
        return "KEEP"


BLANK = _Blank()
KEEP = _Keep()


@dataclass(frozen=True)
class Person:
    """Whom an export or an erasure is about: the account and, if any, the participant."""

    user: models.Model
    participant: models.Model | None = None
    email: str = ""  # the address before erasure (rows found by address, e.g. reminders)
    # Text that identifies the person (email, full name), for scrubbing free-text copies such
    # as Wagtail's log labels and revisions. Captured before anything is anonymised.
    identifiers: tuple[str, ...] = ()

    @classmethod
    def of(cls, user):
        participant = getattr(user, "participant", None) if user.pk else None
        names = [user.email, user.get_full_name()]
        return cls(
            user=user,
            participant=participant,
            email=user.email,
            identifiers=tuple(sorted({n for n in names if n and len(n) > 2}, key=len)[::-1]),
        )


@dataclass(frozen=True)
class Declaration:
    label: str  # "app_label.ModelName"
    category: str = ""
    purpose: str = ""
    shown: str = ""  # where it is shown
    seen_by: str = ""  # who can see it
    kept: str = ""  # how long it is kept
    # field name -> erasure rule (BLANK, KEEP or a callable(row) -> value)
    personal: Mapping[str, object] = field(default_factory=dict)
    not_personal: frozenset[str] = frozenset()
    # Personal but never exported: secrets (tokens, password hashes) and session blobs.
    secret: frozenset[str] = frozenset()
    # rows(person) -> queryset of the rows about that person; None when none ever are.
    rows: Callable | None = None
    erase_mode: object = ANONYMISE
    # export(person) -> JSON-ready value; None means the default (personal + plain fields of
    # rows(person)); False means not exported, with ``not_exported_because``.
    export: Callable | bool | None = None
    export_key: str = ""
    not_exported_because: str = ""
    not_erased_because: str = ""
    erasure_note: str = ""  # how a custom erase_mode erases, for the overview
    exempt: str = ""  # a reason: nothing here is personal data
    after_erase: Callable | None = None

    @property
    def model(self):
        return apps.get_model(self.label)

    @property
    def decided_fields(self):
        return set(self.personal) | set(self.not_personal) | set(self.secret)

    @property
    def key(self):
        return self.export_key or self.label.lower()

    @property
    def holds_personal_data(self):
        return not self.exempt

    # --- export ---------------------------------------------------------------------------

    def export_rows(self, person):
        if self.export is False or self.rows is None or self.exempt:
            return None
        if callable(self.export):
            return self.export(person)
        names = [
            name
            for name in _field_order(self.model)
            if name in self.decided_fields and name not in self.secret
        ]
        return [{name: json_value(row, name) for name in names} for row in self.rows(person).all()]

    # --- erasure --------------------------------------------------------------------------

    def erase(self, person):
        """Erase this model's rows about ``person``; return how many rows were touched."""
        if self.exempt or self.erase_mode == NOT_ERASED:
            return 0
        if callable(self.erase_mode):
            return self.erase_mode(person)
        if self.rows is None:
            return 0
        rows = self.rows(person)
        if self.erase_mode == DELETE:
            count = rows.count()
            rows.delete()
            return count
        count = 0
        for row in rows:
            for name, rule in self.personal.items():
                if rule is KEEP:
                    continue
                setattr(row, _attname(row, name), _replacement(row, name, rule))
            # .update() would skip auto_now fields and signals, which is fine, but a per-row save
            # lets callables look at the row; erasure is rare, so clarity wins over speed.
            type(row)._base_manager.filter(pk=row.pk).update(
                **{
                    _attname(row, name): getattr(row, _attname(row, name))
                    for name, rule in self.personal.items()
                    if rule is not KEEP
                }
            )
            count += 1
        return count


def _attname(row, name):
    return row._meta.get_field(name).attname


def _replacement(row, name, rule):
    if callable(rule):
        return rule(row)
    model_field = row._meta.get_field(name)
    if model_field.null:
        return None
    if isinstance(model_field, models.JSONField):
        return model_field.default() if callable(model_field.default) else {}
    return ""


def _field_order(model):
    return [f.name for f in model._meta.concrete_fields]


def json_value(row, name):
    value = getattr(row, name)
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool, list, dict)):
        return value
    return str(value)  # files, decimals, UUIDs


# --- the registry ---------------------------------------------------------------------------

_registry: dict[str, Declaration] = {}


def declare(label, **kwargs):
    """Declare a model's personal data. ``not_personal``/``secret`` take any iterable."""
    for name in ("not_personal", "secret"):
        if name in kwargs:
            kwargs[name] = frozenset(kwargs[name])
    if label in _registry:
        raise ValueError(f"{label} is declared twice in the personal-data registry")
    declaration = Declaration(label=label, **kwargs)
    _registry[label] = declaration
    return declaration


def exempt(labels: Iterable[str], reason, not_personal=()):
    """Declare models that hold no personal data, with the reason."""
    for label in labels:
        declare(label, exempt=reason, not_personal=not_personal)


def declarations():
    """Every declaration, in a stable order (the order apps declared them)."""
    return list(_registry.values())


def get(label):
    return _registry.get(label)


def personal_declarations():
    return [d for d in _registry.values() if d.holds_personal_data]


def checked_fields(model):
    """The fields of ``model`` that need a decision: its own concrete and many-to-many fields
    (inherited ones are decided on the parent model), without Django's automatic links."""
    own = list(model._meta.local_fields) + list(model._meta.local_many_to_many)
    return [f.name for f in own if not f.auto_created]
