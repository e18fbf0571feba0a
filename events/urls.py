"""Participants' and public sign-up links, under /events/ (and /da/arrangementer/). The
words are translated (Danish catalogue); the .ics addresses that calendar apps subscribe to
keep theirs."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import (
    converters,  # noqa: F401 (registers <dbid:...>)
    views,
)

app_name = "events"
urlpatterns = [
    path("calendar.ics", views.calendar_feed, name="feed"),
    path("event-<dbid:pk>.ics", views.event_ics, name="event_ics"),
    path(_("mine/"), views.my_events, name="mine"),
    path(_("dates/<dbid:pk>/sign-up/"), views.sign_up, name="sign_up"),
    path(_("sign-ups/<dbid:pk>/cancel/"), views.cancel, name="cancel"),
    path(_("calendar-feed/"), views.manage_feed, name="manage_feed"),
    path("calendar-feed/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path(_("confirm/<str:token>/"), views.public_confirm, name="public_confirm"),
    path(_("cancel/<str:token>/"), views.public_cancel, name="public_cancel"),
]
