"""Response headers: a Content-Security-Policy everywhere, and nothing a signed-in person sees
kept by a shared cache."""

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_the_public_site_allows_only_its_own_scripts_and_styles(client, home_page):
    policy = directives(client.get("/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_portal_has_the_strict_policy_too(client, participant):
    client.force_login(participant.user)
    policy = directives(client.get("/da/portal/"))
    assert policy["script-src"] == ["'self'"]


def test_the_admin_may_run_its_inline_scripts_but_nothing_from_elsewhere(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.mark.parametrize("path", ["/", "/da/", "/accounts/login/", "/da/portal/"])
def test_pages_for_a_signed_in_person_are_private_and_not_stored(
    client, home_page, participant, path
):
    client.force_login(participant.user)
    response = client.get(path)
    assert response.status_code in {200, 302}
    assert {"private", "no-store"} <= cache_control(response)


def test_a_public_page_with_the_signed_in_header_is_not_stored(client, home_page, participant):
    client.force_login(participant.user)
    response = client.get("/")
    assert "Log out" in response.content.decode()
    assert "no-store" in cache_control(response)


def test_anonymous_pages_stay_cacheable(client, home_page):
    response = client.get("/")
    assert "no-store" not in cache_control(response)
