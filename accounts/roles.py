"""The staff roles, declared once: what an editor, a coordinator and a programme lead may do.

Each role is a Django group. ``manage.py sync_roles`` (also run after every ``migrate``, see
``accounts/apps.py``) creates the groups and gives each exactly the permissions below: missing
ones are added, any other permission of the group is removed. Giving someone a role is adding
them to its group (admin → Settings → Users → the user's "Roles" tab).

Why here, in ``accounts``: a role is about who a staff account is, every other app depends on
``accounts`` and not the other way round, and permissions are named as text
("portal.view_participant"), so this module imports no other app's models. Before issue 8 the
grants were spread over data migrations (home 0002, portal 0002, events 0002, privacy 0001,
and Wagtail's own "Editors" group); those stay as history, nothing new goes into migrations.

Editors never hold a permission on participant data: not on the portal, not on event sign-ups
or calendar feeds, not on the privacy app (tests/accounts/test_roles.py checks this against the
personal-data registry).
"""

from dataclasses import dataclass

CRUD = ("add", "change", "delete", "view")


def model_permissions(app_label, *model_names, actions=CRUD):
    """``app_label.<action>_<model>`` for each model and action."""
    return frozenset(f"{app_label}.{action}_{model}" for model in model_names for action in actions)


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str  # stored in the database; kept as it was before roles were declared
    summary: str  # for people reading the code and the sync report; the README says the same
    # "app_label.codename" of Django model permissions (Wagtail's admin access, snippets,
    # settings and ModelViewSets all check these).
    permissions: frozenset[str] = frozenset()
    # Codenames of Wagtail page permissions, granted on the root page, so on the whole tree.
    page_permissions: frozenset[str] = frozenset()
    # "app_label.codename" of Wagtail collection permissions (images, documents), granted on
    # the root collection, so on every collection.
    collection_permissions: frozenset[str] = frozenset()

    def __str__(self):
        return self.group_name


ADMIN_ACCESS = frozenset({"wagtailadmin.access_admin"})

# Images and documents: what Wagtail's own "Editors" group had from its first migration.
MEDIA = model_permissions("wagtailimages", "image", actions=("add", "change", "delete", "choose"))
MEDIA |= model_permissions("wagtaildocs", "document", actions=("add", "change", "delete", "choose"))
MEDIA_COLLECTIONS = model_permissions("wagtailimages", "image", actions=("add", "change", "choose"))
MEDIA_COLLECTIONS |= model_permissions(
    "wagtaildocs", "document", actions=("add", "change", "choose")
)

EDITOR = Role(
    key="editor",
    group_name="Editors",
    summary=(
        "Writes and publishes the public pages and events, images and documents, the contact "
        "person and the footer. Sees no participant data."
    ),
    permissions=ADMIN_ACCESS
    | MEDIA
    | frozenset({"home.change_contactsettings", "home.change_footersettings"}),
    page_permissions=frozenset({"add_page", "change_page", "publish_page"}),
    collection_permissions=MEDIA_COLLECTIONS,
)

# Participants, matches, meetings, check-ins, re-match requests, the conversation wheel; event
# dates with their sign-ups and waiting lists, the portal's calendar feeds; the consents and
# the audit trail about a participant. (Wagtail's image and document migrations had also given
# the group choose_image and choose_document; coordinators choose neither, so the sync removes
# them.)
COORDINATOR = Role(
    key="coordinator",
    group_name="Coordinators",
    summary=(
        "Follows the participants, matches, meetings, check-ins and re-match requests of their "
        "programmes, and the sign-ups to events; reads a participant's consents and audit log."
    ),
    permissions=ADMIN_ACCESS
    | model_permissions(
        "portal", "participant", "match", "meeting", "checkin", "rematchrequest", "wheelentry"
    )
    | model_permissions("events", "eventoccurrence", "signup", "calendarfeed")
    | model_permissions("programmes", "interest", "professionalfield")
    | model_permissions("matching", "matchproposal")
    | model_permissions("evaluation", "survey")
    | model_permissions("evaluation", "surveyinvitation", actions=("view",))
    | model_permissions("notifications", "groupmessage", actions=("add", "view"))
    | model_permissions("notifications", "delivery", actions=("view",))
    # Applications: reviewed (notes, accept, decline), never added or deleted by hand.
    | model_permissions("intake", "application", actions=("change", "view"))
    | frozenset({"privacy.view_consentrecord", "privacy.view_audit_log"}),
)

# No delete: a programme holds its people's records, and removing one
# is not an everyday action (a superuser can).
PROGRAMME_PERMISSIONS = model_permissions(
    "programmes", "programme", actions=("add", "change", "view")
)

# Who holds this sees every programme's people; a coordinator sees only their programmes.
ALL_PROGRAMMES_PERMISSION = "programmes.change_programme"

PROGRAMME_LEAD = Role(
    key="programme_lead",
    group_name="Programme leads",
    summary=(
        "Sees everything a coordinator sees, for every programme, and sets up the programmes: "
        "their tracks, rules, contact person and coordinators."
    ),
    permissions=COORDINATOR.permissions | PROGRAMME_PERMISSIONS,
)

ROLES = (EDITOR, COORDINATOR, PROGRAMME_LEAD)


def get(key):
    """The role with ``key`` ("editor", "coordinator", "programme_lead")."""
    for role in ROLES:
        if role.key == key:
            return role
    raise LookupError(f"No role {key!r}; the roles are {', '.join(r.key for r in ROLES)}.")


def sees_every_programme(user):
    """True for programme leads (and superusers): no programme scoping applies to them."""
    return user.is_active and user.has_perm(ALL_PROGRAMMES_PERMISSION)
