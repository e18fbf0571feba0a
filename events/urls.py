"""Participants' and public sign-up links, under /events/ (and /da/events/)."""

from django.urls import path

from . import (
    converters,  # noqa: F401 (registers <dbid:...>)
    views,
)

app_name = "events"
urlpatterns = [
    path("calendar.ics", views.calendar_feed, name="feed"),
    path("event-<dbid:pk>.ics", views.event_ics, name="event_ics"),
    path("mine/", views.my_events, name="mine"),
    path("dates/<dbid:pk>/sign-up/", views.sign_up, name="sign_up"),
    path("sign-ups/<dbid:pk>/cancel/", views.cancel, name="cancel"),
    path("calendar-feed/", views.manage_feed, name="manage_feed"),
    path("calendar-feed/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path("confirm/<str:token>/", views.public_confirm, name="public_confirm"),
    path("cancel/<str:token>/", views.public_cancel, name="public_cancel"),
]
