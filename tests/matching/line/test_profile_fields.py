"""Participants edit their own languages (rows of language and level), interests and when they
are free in the portal; coordinators also edit the waiting pause and the host-course waiver.
Bad rows give a clear message and keep what was typed."""

import pytest

from programmes.models import Interest

pytestmark = pytest.mark.django_db


def profile_data(participant, **extra):
    return {
        "first_name": participant.user.first_name,
        "last_name": participant.user.last_name,
        "preferred_language": "en",
        "phone": "",
        "languages": "Spanish",
        "interests": "",
        "professional_field": "",
        "area": "Frederiksberg",
        "bio": "",
        "wanted_host_kind": "culture",
        **extra,
    }


def test_a_newcomer_saves_languages_with_levels_interests_and_availability(client, newcomer):
    sailing = Interest.objects.create(name_en="Sailing", name_da="Sejlads")
    client.force_login(newcomer.user)
    page = client.get("/portal/profile/").content.decode()
    assert 'aria-label="Language 1"' in page and "Sailing" in page
    response = client.post(
        "/portal/profile/",
        profile_data(
            newcomer,
            language_skills_0="es",
            language_skills_1="native",
            language_skills_2="da",
            language_skills_3="basic",
            chosen_interests=[sailing.pk],
            availability=["evenings", "weekends"],
            postcode="2000",
        ),
    )
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.language_skills == [
        {"language": "es", "level": "native"},
        {"language": "da", "level": "basic"},
    ]
    assert list(newcomer.chosen_interests.all()) == [sailing]
    assert newcomer.availability == ["evenings", "weekends"]
    assert newcomer.postcode == "2000"


def test_a_language_without_a_level_is_refused_and_kept(client, newcomer):
    client.force_login(newcomer.user)
    response = client.post(
        "/portal/profile/",
        profile_data(
            newcomer, language_skills_0="pt", language_skills_2="pt", language_skills_3="fluent"
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose a level for each language." in html
    assert '<option value="pt" selected>' in html
    newcomer.refresh_from_db()
    assert newcomer.language_skills[0]["language"] == "es"  # unchanged


def test_the_coordinator_edits_the_pause_and_the_host_course_waiver(client, coordinator, host):
    client.force_login(coordinator)
    page = client.get(f"/admin/host-programme/participants/edit/{host.pk}/").content.decode()
    for name in ("waiting_paused", "host_course_waived", "language_skills_0", "availability"):
        assert f'name="{name}' in page, name
