"""The application confirmation link, under /applications/ (and /da/applications/)."""

from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
]
