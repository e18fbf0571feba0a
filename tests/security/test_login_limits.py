"""Every login goes through allauth's limits: the Wagtail admin's login, Wagtail's login for
view-restricted pages and allauth's own, behind a proxy too."""

import pytest
from wagtail.models import PageViewRestriction

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts. Try again later."


def log_in(client, email, password, **headers):
    return client.post("/accounts/login/", {"login": email, "password": password}, **headers)


def test_the_admin_login_sends_people_to_the_sites_login_keeping_where_they_were_going(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


def test_the_admin_itself_sends_anonymous_visitors_to_the_sites_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_a_password_posted_to_the_admin_login_signs_nobody_in(client, participant):
    response = client.post("/admin/login/", {"username": "omar@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert client.get("/portal/").status_code == 302  # still anonymous


def test_the_admin_password_reset_is_allauths(client):
    response = client.get("/admin/password_reset/")
    assert response["Location"] == "/accounts/password/reset/"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/_util/login/?next=/members/", "/accounts/login/?next=/members/"),
        ("/da/_util/login/?next=/da/medlemmer/", "/da/accounts/login/?next=/da/medlemmer/"),
    ],
)
def test_wagtails_page_login_sends_people_to_the_sites_login(client, old, new):
    response = client.get(old)
    assert response.status_code == 302
    assert response["Location"] == new


def test_a_page_for_logged_in_visitors_sends_them_to_the_sites_login(client, home_page):
    PageViewRestriction.objects.create(page=home_page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, participant):
    for _ in range(5):
        response = log_in(client, "omar@example.com", "wrong password")
        assert TOO_MANY not in response.content.decode()
    refused = log_in(client, "Omar@Example.com", PASSWORD)
    assert refused.status_code == 200
    assert TOO_MANY in refused.content.decode()
    assert client.get("/portal/").status_code == 302  # not signed in


def test_behind_a_proxy_failed_logins_from_one_visitor_do_not_lock_out_another(
    client, participant, settings
):
    """Every request comes from the proxy (REMOTE_ADDR); the proxy names the visitor."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    attacker = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    for number in range(25):
        log_in(client, f"made-up-{number}@example.com", "guess", **attacker)
    assert TOO_MANY in log_in(client, "another@example.com", "guess", **attacker).content.decode()

    # A forged X-Forwarded-For does not help the attacker: the proxy appends the real address.
    forged = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.9"}
    assert TOO_MANY in log_in(client, "another@example.com", "guess", **forged).content.decode()

    visitor = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    response = log_in(client, "omar@example.com", PASSWORD, **visitor)
    assert response.status_code == 302
    assert response["Location"] == "/da/portal/"


def test_a_participant_sent_away_from_the_admin_sees_why_without_a_redirect_loop(
    client, participant
):
    client.force_login(participant.user)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [("/accounts/login/?next=/admin/", 302)]
    assert response.status_code == 200
    assert "You do not have permission to access the admin." in response.content.decode()
