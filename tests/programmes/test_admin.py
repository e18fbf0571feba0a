"""Programme leads create and edit programmes, with tracks and success criteria inline, in
the admin under "Host programme"; coordinators without the permission do not see it."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.users.models import UserProfile

from programmes.factories import make_coordinator
from programmes.models import Programme
from tests.factories import ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/host-programme/programmes/"


@pytest.fixture
def lead():
    """A programme lead: admin access and the programmes' permissions."""
    user = UserFactory(email="lead@example.com")
    group = Group.objects.create(name="Test programme leads")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "programmes"],
            codename__in=["access_admin", "add_programme", "change_programme"],
        )
    )
    user.groups.add(group)
    return user


def inline(prefix, rows, initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
    return data


def programme_form(**overrides):
    data = {
        "name_en": "Career Mentor Programme",
        "name_da": "Karrierementorprogram",
        "slug": "career-mentors",
        "description_en": "For accompanying partners.",
        "description_da": "For medfølgende partnere.",
        "area_en": "Copenhagen",
        "area_da": "København",
        "contact_name": "Sofie Lund",
        "contact_email": "mentors@example.com",
        "contact_phone": "+45 33 66 33 66",
        "match_length_months": "9",
        "meetings_per_month_min": "2",
        "meetings_per_month_max": "3",
        "first_checkin_after_months": "1",
        "checkin_every_months": "3",
        "max_years_in_denmark": "3",
        "postcodes": "1000-2999",
        "active": "on",
        **{
            f"weight_{name}": "2"
            for name in ("language", "interest", "professional_field", "availability", "area")
        },
        "weight_age": "1",
        **inline(
            "tracks",
            [{"kind": "career", "name_en": "Career mentor", "name_da": "Karrierementor"}],
        ),
        **inline(
            "success_criteria",
            [
                {"name_en": "Work or education", "name_da": "Arbejde", "target_percent": "70"},
                {"name_en": "Wanting to stay", "name_da": "At blive", "target_percent": "50"},
            ],
        ),
    }
    data.update(overrides)
    return data


def test_a_lead_creates_a_programme_with_tracks_and_criteria(client, lead):
    client.force_login(lead)
    form = client.get(URL + "new/").content.decode()
    for field in ("name_en", "name_da", "tracks-__prefix__-name_da", "success_criteria"):
        assert field in form
    assert "Changing this affects new matches only; running matches keep their rules." in form

    response = client.post(URL + "new/", programme_form(), follow=True)
    programme = Programme.objects.get(slug="career-mentors")
    assert (programme.name_en, programme.name_da, programme.match_length_months) == (
        "Career Mentor Programme",
        "Karrierementorprogram",
        9,
    )
    assert [(t.kind, t.name_en, t.name_da) for t in programme.tracks.all()] == [
        ("career", "Career mentor", "Karrierementor")
    ]
    assert [(c.name_en, c.target_percent) for c in programme.success_criteria.all()] == [
        ("Work or education", 70),
        ("Wanting to stay", 50),
    ]
    assert "apply to new matches only" in response.content.decode()


def test_bad_rules_are_explained_and_what_was_typed_is_kept(client, lead):
    client.force_login(lead)
    response = client.post(
        URL + "new/",
        programme_form(meetings_per_month_min="4", meetings_per_month_max="2", postcodes="1000-"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The most meetings a month cannot be fewer than the least." in body
    assert "Not understood: 1000-" in body
    assert 'value="Karrierementorprogram"' in body
    assert not Programme.objects.filter(slug="career-mentors").exists()


def test_editing_says_in_danish_that_rule_changes_reach_new_matches_only(client, lead):
    programme = ProgrammeFactory(tracks=[], criteria=[])
    profile = UserProfile.get_for_user(lead)
    profile.preferred_language = "da"
    profile.save()
    client.force_login(lead)
    form = client.get(f"{URL}edit/{programme.pk}/").content.decode()
    assert "En ændring her gælder kun nye match; igangværende match beholder deres regler." in form

    response = client.post(
        f"{URL}edit/{programme.pk}/",
        programme_form(slug=programme.slug, match_length_months="12"),
        follow=True,
    )
    programme.refresh_from_db()
    assert programme.match_length_months == 12
    assert "gælder kun nye match" in response.content.decode()


def test_coordinators_without_the_permission_do_not_see_programmes(client):
    coordinator = UserFactory()
    coordinator.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(coordinator)
    assert client.get(URL).status_code == 302  # sent away: no permission
    assert URL not in client.get("/admin/").content.decode()


def test_a_participant_wants_only_a_kind_their_programme_offers(client):
    from tests.portal.test_admin import participant_form

    mentors = ProgrammeFactory(tracks=[("career", "Career mentor", "Karrierementor")])
    coordinator = make_coordinator(UserFactory(), mentors)
    client.force_login(coordinator)
    response = client.post(
        "/admin/host-programme/participants/new/",
        participant_form(programme=str(mentors.pk), wanted_host_kind="culture"),
    )
    assert response.status_code == 200
    assert f"{mentors.name} has no culture host track." in response.content.decode()
    assert 'value="Amina"' in response.content.decode()


def test_with_one_programme_a_new_participant_is_in_it_already(client):
    only = ProgrammeFactory()
    coordinator = make_coordinator(UserFactory(), only)
    client.force_login(coordinator)
    form = client.get("/admin/host-programme/participants/new/").content.decode()
    assert f'<option value="{only.pk}" selected>' in form
