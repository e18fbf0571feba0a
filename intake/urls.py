"""The application confirmation link, under /applications/ (and /da/ansoegninger/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "intake"
urlpatterns = [
    path(_("confirm/<str:token>/"), views.confirm, name="confirm"),
]
