"""The data-protection officer's overview, generated from the registry: the categories of
personal data held, their purpose, where they are shown, who can see them and how long they
are kept. Shown in the admin (privacy/views.py) and as Markdown (personal_data_register)."""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import registry


@dataclass(frozen=True)
class Entry:
    model: str
    fields: list
    purpose: str
    shown: str
    seen_by: str
    kept: str
    erasure: str
    in_download: str


@dataclass(frozen=True)
class Category:
    name: str
    entries: list


def _erasure(declaration):
    if declaration.erasure_note:
        return str(declaration.erasure_note)
    if declaration.erase_mode == registry.NOT_ERASED:
        return str(declaration.not_erased_because)
    if declaration.erase_mode == registry.DELETE:
        return _("Deleted.")
    if declaration.erase_mode == registry.ANONYMISE:
        return _("Anonymised in place.")
    return _("Erased by its own rule.")


def _field_label(model, name):
    return str(capfirst(model._meta.get_field(name).verbose_name))


def categories():
    grouped = {}
    for declaration in registry.personal_declarations():
        model = declaration.model
        personal = list(declaration.personal) + sorted(declaration.secret)
        entry = Entry(
            model=str(capfirst(model._meta.verbose_name_plural)),
            fields=[_field_label(model, name) for name in dict.fromkeys(personal)],
            purpose=str(declaration.purpose),
            shown=str(declaration.shown),
            seen_by=str(declaration.seen_by),
            kept=str(declaration.kept),
            erasure=_erasure(declaration),
            in_download=_("Yes")
            if declaration.export is not False and declaration.rows is not None
            else str(declaration.not_exported_because),
        )
        grouped.setdefault(str(declaration.category), []).append(entry)
    return [Category(name, entries) for name, entries in grouped.items()]


def markdown():
    lines = [f"# {_('Personal data held by the programme')}", ""]
    for category in categories():
        lines += [f"## {category.name}", ""]
        for entry in category.entries:
            lines += [
                f"### {entry.model}",
                "",
                f"- **{_('Personal fields')}:** {', '.join(entry.fields)}",
                f"- **{_('Purpose')}:** {entry.purpose}",
                f"- **{_('Where it is shown')}:** {entry.shown}",
                f"- **{_('Who can see it')}:** {entry.seen_by}",
                f"- **{_('How long it is kept')}:** {entry.kept}",
                f"- **{_('On erasure')}:** {entry.erasure}",
                f"- **{_('In the My data download')}:** {entry.in_download}",
                "",
            ]
    return "\n".join(lines)
