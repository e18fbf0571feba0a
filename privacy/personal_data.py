"""Declarations for the models of Django, Wagtail, allauth and taggit (the project's own apps
declare theirs in ``<app>/personal_data.py``).

Participants never reach the Wagtail admin, so the admin's own records (comments, uploads,
editing sessions) only ever hold staff; they are still declared, and erasing an account
deletes or unlinks them. Wagtail's log entries and revisions are scrubbed: wherever they carry
the person's name or address as text, it is replaced by "[erased]".

The consent records (``privacy.ConsentRecord``) are declared at the end.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import texts
from .erasure import scrub, scrub_json
from .registry import BLANK, DELETE, KEEP, declare, exempt, json_value


def _model(label):
    return apps.get_model(label)


def _by_user(label, field="user"):
    return lambda person: _model(label).objects.filter(**{field: person.user})


# --- allauth ------------------------------------------------------------------------------------

declare(
    "account.EmailAddress",
    category=_("Login email addresses"),
    purpose=_("Logging in and confirming the email address."),
    shown=texts.SHOWN_PORTAL_AND_ADMIN,
    seen_by=texts.SEEN_BY_PERSON_AND_COORDINATORS,
    kept=texts.KEPT_WITH_PARTICIPANT,
    personal={"user": KEEP, "email": BLANK},
    not_personal=["verified", "primary"],
    rows=_by_user("account.EmailAddress"),
    erase_mode=DELETE,
    export_key="email_addresses",
)
declare(
    "account.EmailConfirmation",
    category=_("Login email addresses"),
    purpose=_("Confirming the email address."),
    shown=texts.SHOWN_NOWHERE,
    seen_by=texts.SEEN_BY_NOBODY,
    kept=texts.KEPT_SHORT,
    personal={"email_address": KEEP},
    secret=["key"],
    not_personal=["created", "sent"],
    rows=_by_user("account.EmailConfirmation", "email_address__user"),
    erase_mode=DELETE,
    export_key="email_confirmations",
)


# --- sessions -----------------------------------------------------------------------------------


def _delete_sessions(person):
    """Log the person out everywhere: their sessions are found by decoding each live one."""
    mine = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if session.get_decoded().get("_auth_user_id") == str(person.user.pk)
    ]
    Session.objects.filter(pk__in=mine).delete()
    return len(mine)


declare(
    "sessions.Session",
    category=_("Login sessions"),
    purpose=_("Keeping the person logged in."),
    shown=texts.SHOWN_NOWHERE,
    seen_by=texts.SEEN_BY_NOBODY,
    kept=_("Until the person logs out, the session expires or the person is erased."),
    secret=["session_key", "session_data"],
    not_personal=["expire_date"],
    erase_mode=_delete_sessions,
    erasure_note=_("Deleted: the person is logged out everywhere."),
    export=False,
    not_exported_because=_("A signed reference to the account, nothing more."),
)


# --- Wagtail's audit log and revisions ------------------------------------------------------------


def _mentioning(label, *text_fields):
    """Rows of ``label`` whose text fields mention the person's name or address."""

    def rows(person):
        condition = Q(pk__in=[])
        for identifier in person.identifiers:
            for name in text_fields:
                condition |= Q(**{f"{name}__icontains": identifier})
        return _model(label).objects.filter(condition)

    return rows


def _scrubber(label, text_fields, json_fields):
    find = _mentioning(label, *text_fields, *json_fields)

    def erase(person):
        count = 0
        for row in find(person):
            changes = {name: scrub(getattr(row, name), person.identifiers) for name in text_fields}
            changes |= {
                name: scrub_json(getattr(row, name), person.identifiers) for name in json_fields
            }
            type(row)._base_manager.filter(pk=row.pk).update(**changes)
            count += 1
        return count

    return erase


def _log_entries_about(person):
    """Entries about the person's own account and participant record (the "who changed my
    data" part of the download); the coordinators' names stay out."""
    from wagtail.models import ModelLogEntry

    about = Q(content_type=ContentType.objects.get_for_model(person.user), object_id=person.user.pk)
    if person.participant is not None:
        about |= Q(
            content_type=ContentType.objects.get_for_model(person.participant),
            object_id=person.participant.pk,
        )
    return [
        {"action": entry.action, "timestamp": json_value(entry, "timestamp")}
        for entry in ModelLogEntry.objects.filter(about).order_by("timestamp", "pk")
    ]


LOG_FIELDS = ["content_type", "action", "timestamp", "uuid", "revision", "content_changed"]
for log_label, object_field in [
    ("wagtailcore.ModelLogEntry", "object_id"),
    ("wagtailcore.PageLogEntry", "page"),
]:
    declare(
        log_label,
        category=_("Audit log"),
        purpose=_("Knowing who changed what, and when."),
        shown=texts.SHOWN_ADMIN,
        seen_by=texts.SEEN_BY_STAFF,
        kept=_("The entry stays; the person's name and address in it are erased with them."),
        personal={"label": BLANK, "data": BLANK, "user": KEEP},
        not_personal=[*LOG_FIELDS, "deleted", object_field],
        rows=_mentioning(log_label, "label", "data"),
        erase_mode=_scrubber(log_label, ["label"], ["data"]),
        erasure_note=_("The name and address are replaced by [erased]."),
        export=_log_entries_about if log_label == "wagtailcore.ModelLogEntry" else False,
        export_key="changes_to_my_record",
        not_exported_because=_("Changes to public pages, made by editors."),
    )

declare(
    "wagtailcore.Revision",
    category=_("Revisions"),
    purpose=_("Drafts and earlier versions of pages and snippets."),
    shown=texts.SHOWN_ADMIN,
    seen_by=texts.SEEN_BY_STAFF,
    kept=_("The revision stays; the person's name and address in it are erased with them."),
    personal={"object_str": BLANK, "content": BLANK, "user": KEEP},
    not_personal=[
        "content_type",
        "base_content_type",
        "object_id",
        "created_at",
        "approved_go_live_at",
    ],
    rows=_mentioning("wagtailcore.Revision", "object_str", "content"),
    erase_mode=_scrubber("wagtailcore.Revision", ["object_str"], ["content"]),
    erasure_note=_("The name and address are replaced by [erased]."),
    export=False,
    not_exported_because=_("Editors' drafts of content; participants' records have none."),
)


# --- the admin's own records: only staff accounts have rows ---------------------------------


def staff(label, *, personal, not_personal, erase_mode=DELETE, field="user", secret=()):
    declare(
        label,
        category=_("Staff accounts in the admin"),
        purpose=_("Editing the website and running the programme."),
        shown=texts.SHOWN_ADMIN,
        seen_by=texts.SEEN_BY_STAFF,
        kept=texts.KEPT_STAFF,
        personal=personal,
        not_personal=not_personal,
        secret=secret,
        rows=_by_user(label, field),
        erase_mode=erase_mode,
        export=False,
        not_exported_because=texts.NOT_ABOUT_PARTICIPANTS,
    )


staff(
    "wagtailusers.UserProfile",
    personal={"user": KEEP, "avatar": BLANK},
    not_personal=[
        "submitted_notifications",
        "approved_notifications",
        "rejected_notifications",
        "updated_comments_notifications",
        "preferred_language",
        "current_time_zone",
        "dismissibles",
        "theme",
        "contrast",
        "density",
        "keyboard_shortcuts",
    ],
)
staff(
    "wagtailadmin.EditingSession",
    personal={"user": KEEP},
    not_personal=["content_type", "object_id", "last_seen_at", "is_editing"],
)
staff(
    "wagtailadmin.FormState",
    personal={"user": KEEP, "data": BLANK},
    not_personal=["content_type", "object_id", "parent_object_id", "last_updated_at"],
)
staff(
    "wagtailcore.APIToken",
    personal={"user": KEEP, "name": BLANK},
    secret=["key_hash", "prefix"],
    not_personal=["created", "revoked_at", "last_used_at"],
)
staff(
    "wagtailcore.PageSubscription",
    personal={"user": KEEP},
    not_personal=["page", "comment_notifications"],
)
staff(
    "wagtailcore.UploadedFile",
    personal={"uploaded_by_user": KEEP},
    not_personal=["for_content_type", "file"],
    field="uploaded_by_user",
)
staff(
    "wagtailcore.Comment",
    personal={"user": KEEP, "text": BLANK, "resolved_by": KEEP},
    not_personal=[
        "page",
        "contentpath",
        "position",
        "created_at",
        "updated_at",
        "revision_created",
        "resolved_at",
    ],
    erase_mode="anonymise",
)
staff(
    "wagtailcore.CommentReply",
    personal={"user": KEEP, "text": BLANK},
    not_personal=["comment", "created_at", "updated_at"],
    erase_mode="anonymise",
)
for media_label, extra in [
    ("wagtaildocs.Document", []),
    (
        "wagtailimages.Image",
        [
            "description",
            "width",
            "height",
            "focal_point_x",
            "focal_point_y",
            "focal_point_width",
            "focal_point_height",
        ],
    ),
]:
    staff(
        media_label,
        personal={"uploaded_by_user": BLANK},
        not_personal=["collection", "title", "file", "created_at", "file_size", "file_hash", "tags"]
        + extra,
        erase_mode="anonymise",
        field="uploaded_by_user",
    )
staff(
    "wagtailcore.WorkflowState",
    personal={"requested_by": BLANK},
    not_personal=[
        "content_type",
        "base_content_type",
        "object_id",
        "workflow",
        "status",
        "created_at",
        "current_task_state",
    ],
    erase_mode="anonymise",
    field="requested_by",
)
staff(
    "wagtailcore.TaskState",
    personal={"finished_by": BLANK, "comment": BLANK},
    not_personal=[
        "workflow_state",
        "revision",
        "task",
        "status",
        "started_at",
        "finished_at",
        "content_type",
    ],
    erase_mode="anonymise",
    field="finished_by",
)
declare(
    "wagtailcore.Page",
    category=_("Staff accounts in the admin"),
    purpose=_("Knowing who owns or has locked a page."),
    shown=texts.SHOWN_ADMIN,
    seen_by=texts.SEEN_BY_STAFF,
    kept=texts.KEPT_STAFF,
    personal={"owner": BLANK, "locked_by": BLANK},
    not_personal=[
        "path",
        "depth",
        "numchild",
        "translation_key",
        "locale",
        "latest_revision",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "title",
        "title_en",
        "title_da",
        "draft_title",
        "slug",
        "slug_en",
        "slug_da",
        "content_type",
        "url_path",
        "url_path_en",
        "url_path_da",
        "latest_revision_created_at",
        "alias_of",
        "show_in_menus",
        "seo_title",
        "seo_title_en",
        "seo_title_da",
        "search_description",
        "search_description_en",
        "search_description_da",
    ],
    rows=lambda person: _model("wagtailcore.Page").objects.filter(
        Q(owner=person.user) | Q(locked_by=person.user)
    ),
    export=False,
    not_exported_because=texts.NOT_ABOUT_PARTICIPANTS,
)

# --- no personal data -----------------------------------------------------------------------------

exempt(
    [
        "auth.Permission",
        "auth.Group",
        "contenttypes.ContentType",
        "wagtailcore.Locale",
        "wagtailcore.Site",
        "wagtailcore.Collection",
        "wagtailcore.GroupSitePermission",
        "wagtailcore.GroupCollectionPermission",
        "wagtailcore.GroupPagePermission",
        "wagtailcore.Workflow",
        "wagtailcore.WorkflowTask",
        "wagtailcore.WorkflowContentType",
        "wagtailcore.WorkflowPage",
        "wagtailcore.Task",
        "wagtailcore.GroupApprovalTask",
        "wagtailadmin.Admin",
        "wagtailredirects.Redirect",
    ],
    _("Configuration of the site and its permissions."),
)
exempt(
    ["wagtailcore.CollectionViewRestriction", "wagtailcore.PageViewRestriction"],
    _("A shared password or group for private pages, not a person's."),
)
exempt(
    [
        "wagtailcore.ReferenceIndex",
        "wagtailsearch.IndexEntry",
        "wagtailsearch.SQLiteFTSIndexEntry",
        "wagtailsearch.PostgresIndexEntry",
        "wagtailsearch.MySQLIndexEntry",
        "wagtailembeds.Embed",
        "wagtailimages.Rendition",
        "taggit.Tag",
        "taggit.TaggedItem",
    ],
    _("Indexes, caches and tags of public content; participants' records are not indexed."),
)
exempt(
    ["wagtailforms.FormSubmission"],
    _(
        "No form page types are installed, so nothing is ever submitted here. A form page "
        "added later must declare its submissions."
    ),
)


# --- privacy ------------------------------------------------------------------------------------

declare(
    "privacy.ConsentRecord",
    category=_("Consents"),
    purpose=_(
        "Showing that the person acknowledged the privacy notice (and, later, other consents), "
        "which version of the text, in which language and when, and when they withdrew it."
    ),
    shown=texts.SHOWN_PORTAL_AND_ADMIN,
    seen_by=texts.SEEN_BY_PERSON_AND_COORDINATORS,
    kept=texts.KEPT_WITH_PARTICIPANT,
    personal={"user": KEEP},
    not_personal=["purpose", "text_version", "language", "given_at", "withdrawn_at"],
    rows=_by_user("privacy.ConsentRecord"),
    erase_mode=DELETE,
    export_key="consents",
)
exempt(
    ["django_tasks_database.DBTaskResult"],
    _(
        "A background task waiting or done: the task's name and the ids it works on (a message "
        "to a group), no names or addresses; one recipient's failure is kept on their delivery."
    ),
    not_personal=[
        "status",
        "enqueued_at",
        "started_at",
        "finished_at",
        "args_kwargs",
        "priority",
        "task_path",
        "worker_ids",
        "queue_name",
        "backend_name",
        "run_after",
        "return_value",
        "exception_class_path",
        "traceback",
    ],
)
