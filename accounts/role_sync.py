"""Bring the role groups in line with ``accounts.roles``: create missing groups, add missing
permissions, remove permissions that are not declared, and say what changed.

Only the declared groups are touched; other groups (Wagtail's "Moderators", anything made by
hand) are left alone. Idempotent: a second run changes nothing. Permissions of an app that is
not installed are skipped with a warning; a permission of an installed app that does not exist
is a mistake in the declaration and stops the sync.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts.roles import ROLES

CREATED = "created"
ADDED = "added"
REMOVED = "removed"
SKIPPED = "skipped"


@dataclass(frozen=True)
class Change:
    group: str
    action: str  # CREATED, ADDED, REMOVED or SKIPPED (a warning: nothing was changed)
    what: str

    def __str__(self):
        return f"{self.group}: {self.action} {self.what}"


def ensure_permissions_exist(using=DEFAULT_DB_ALIAS):
    """Create every installed model's content type and default permissions (Django does this
    per app after migrate; the sync may run before it reached the later apps)."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)


def _split(name):
    app_label, codename = name.split(".", 1)
    return app_label, codename


def _installed(app_label):
    try:
        global_apps.get_app_config(app_label)
    except LookupError:
        return False
    return True


def _resolve(names, using):
    """{"app.codename": Permission} for the installed ones, and the names skipped."""
    wanted = {_split(name) for name in names}
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.using(using)
        .select_related("content_type")
        .filter(
            content_type__app_label__in={app for app, _ in wanted},
            codename__in={c for _, c in wanted},
        )
    }
    resolved, skipped = {}, []
    for app_label, codename in sorted(wanted):
        name = f"{app_label}.{codename}"
        if (app_label, codename) in found:
            resolved[name] = found[app_label, codename]
        elif _installed(app_label):
            raise ImproperlyConfigured(
                f"accounts.roles declares {name}, but the installed app {app_label!r} has no "
                "such permission."
            )
        else:
            skipped.append(name)
    return resolved, skipped


def _skipped(group, name):
    app_label = name.split(".")[0]
    return Change(group.name, SKIPPED, f"{name} (the {app_label} app is not installed)")


def _label(permission):
    return f"{permission.content_type.app_label}.{permission.codename}"


def _sync_model_permissions(group, role, using, changes):
    declared, skipped = _resolve(role.permissions, using)
    for name in skipped:
        app_label = name.split(".")[0]
        changes.append(
            Change(group.name, SKIPPED, f"{name} (the {app_label} app is not installed)")
        )
    current = {_label(p): p for p in group.permissions.select_related("content_type")}
    to_add = sorted(set(declared) - set(current))
    to_remove = sorted(set(current) - set(declared))
    group.permissions.add(*(declared[name] for name in to_add))
    group.permissions.remove(*(current[name] for name in to_remove))
    changes.extend(Change(group.name, ADDED, f"permission {name}") for name in to_add)
    changes.extend(Change(group.name, REMOVED, f"permission {name}") for name in to_remove)


def _sync_tree_permissions(
    group, declared_names, *, root, rows, target, make, kind, using, changes
):
    """Page or collection permissions: exactly ``declared_names`` on ``root``, nothing else."""
    if root is None:  # e.g. after a test's flush; nothing can hang from a missing root
        if declared_names:
            changes.append(
                Change(group.name, SKIPPED, f"{kind} permissions (there is no root {kind} yet)")
            )
        return
    resolved, skipped = _resolve(declared_names, using)
    declared = {(root["pk"], name): permission for name, permission in resolved.items()}
    changes.extend(_skipped(group, name) for name in skipped)
    current = {
        (getattr(row, target), _label(row.permission)): row
        for row in rows.select_related("permission__content_type")
    }
    for key in sorted(set(current) - set(declared)):
        row = current[key]
        row.delete()
        changes.append(
            Change(group.name, REMOVED, f"{kind} permission {key[1]} on {kind} {key[0]}")
        )
    for key in sorted(set(declared) - set(current)):
        make(declared[key])
        changes.append(Change(group.name, ADDED, f"{kind} permission {key[1]} on {kind} {key[0]}"))


def sync(using=DEFAULT_DB_ALIAS):
    """Bring every declared role's group in line; return the changes (empty when in line)."""
    ensure_permissions_exist(using)
    changes = []
    with transaction.atomic(using=using):
        # Ids only: right after migrate, wagtail-modeltranslation has not yet added the
        # translated columns to Page, so a whole Page row cannot be read.
        root_page = Page.objects.using(using).filter(depth=1).order_by("path").values("pk").first()
        root_collection = (
            Collection.objects.using(using).filter(depth=1).order_by("path").values("pk").first()
        )
        for role in ROLES:
            group, created = Group.objects.using(using).get_or_create(name=role.group_name)
            if created:
                changes.append(Change(group.name, CREATED, "group"))
            _sync_model_permissions(group, role, using, changes)
            _sync_tree_permissions(
                group,
                {f"wagtailcore.{codename}" for codename in role.page_permissions},
                root=root_page,
                rows=GroupPagePermission.objects.using(using).filter(group=group),
                target="page_id",
                make=lambda permission, group=group: GroupPagePermission.objects.using(
                    using
                ).create(group=group, page_id=root_page["pk"], permission=permission),
                kind="page",
                using=using,
                changes=changes,
            )
            _sync_tree_permissions(
                group,
                role.collection_permissions,
                root=root_collection,
                rows=GroupCollectionPermission.objects.using(using).filter(group=group),
                target="collection_id",
                make=lambda permission, group=group: GroupCollectionPermission.objects.using(
                    using
                ).create(group=group, collection_id=root_collection["pk"], permission=permission),
                kind="collection",
                using=using,
                changes=changes,
            )
    return changes
