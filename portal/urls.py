from django.urls import path

from matching import views as proposal_views

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("meetings/", views.meetings_index, name="meetings_index"),
    path("check-in/", views.checkin_index, name="checkin_index"),
    path("matches/<int:match_id>/meetings/", views.meeting_list, name="meetings"),
    path("matches/<int:match_id>/meetings/new/", views.meeting_form, name="meeting_add"),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/edit/",
        views.meeting_form,
        name="meeting_edit",
    ),
    path(
        "matches/<int:match_id>/meetings/<int:meeting_id>/delete/",
        views.meeting_delete,
        name="meeting_delete",
    ),
    path("matches/<int:match_id>/check-in/", views.check_in, name="check_in"),
    path("matches/<int:match_id>/rematch/", views.rematch, name="rematch"),
    path("matches/<int:match_id>/wheels/", views.match_wheels, name="match_wheels"),
    path("wheel/", views.wheel, name="wheel"),
    path("proposals/<int:proposal_id>/", proposal_views.proposal, name="proposal"),
    path(
        "proposals/<int:proposal_id>/decline/",
        proposal_views.proposal_decline,
        name="proposal_decline",
    ),
    path("profile/", views.profile, name="profile"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data.json", views.my_data_json, name="my_data_json"),
    path("privacy/", views.consents, name="consents"),
    path("privacy/<slug:purpose>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("privacy/<slug:purpose>/give/", views.consent_give, name="consent_give"),
]
urlpatterns += [
    path("my-data/erase/", views.erase_my_data, name="erase_my_data"),
    path("my-data/erased/", views.erased, name="erased"),
]
