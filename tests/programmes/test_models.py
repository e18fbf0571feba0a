"""A programme's own rules: eligibility (postcodes, years in Denmark) and its rhythm."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from programmes.eligibility import (
    arrived_recently_enough,
    eligibility_problems,
    parse_postcodes,
    postcode_allowed,
)
from tests.factories import ProgrammeFactory


def test_postcodes_parse_into_ranges_and_single_codes():
    assert parse_postcodes("1000-2999, 4000;5000 – 5099\n8000") == [
        (1000, 2999),
        (4000, 4000),
        (5000, 5099),
        (8000, 8000),
    ]
    assert parse_postcodes("  ") == []


@pytest.mark.parametrize("text", ["1000-", "abc", "2999-1000", "100", "1000-2999, 12345"])
def test_postcodes_that_are_not_understood_are_named(text):
    with pytest.raises(ValidationError) as error:
        parse_postcodes(text)
    assert "Not understood:" in error.value.messages[0]


def test_a_postcode_is_checked_against_the_ranges():
    text = "1000-2999, 4000"
    assert [postcode_allowed(text, code) for code in ("1000", "2999", "4000")] == [True] * 3
    assert [postcode_allowed(text, code) for code in ("0999", "3000", "4001", "", "2l00")] == [
        False
    ] * 5
    assert postcode_allowed("", "9990")  # no list: everywhere


def test_three_years_in_denmark_is_the_last_eligible_day():
    arrived = datetime.date(2023, 5, 10)
    assert arrived_recently_enough(arrived, 3, today=datetime.date(2026, 5, 10))
    assert not arrived_recently_enough(arrived, 3, today=datetime.date(2026, 5, 11))
    assert arrived_recently_enough(arrived, None, today=datetime.date(2040, 1, 1))
    # 29 February: three years later is 28 February.
    leap = datetime.date(2024, 2, 29)
    assert arrived_recently_enough(leap, 3, today=datetime.date(2027, 2, 28))
    assert not arrived_recently_enough(leap, 3, today=datetime.date(2027, 3, 1))


def test_the_years_end_by_the_date_in_denmark_not_the_servers(monkeypatch):
    """At 23:30 UTC it is already the next day in Copenhagen: the last eligible day is over
    there, whatever the server's clock says."""
    from django.utils import timezone

    late = datetime.datetime(2026, 5, 10, 23, 30, tzinfo=datetime.UTC)  # 01:30 on 11 May here
    monkeypatch.setattr(timezone, "now", lambda: late)
    assert not arrived_recently_enough(datetime.date(2023, 5, 10), 3)
    assert arrived_recently_enough(datetime.date(2023, 5, 11), 3)


def test_eligibility_problems_say_what_is_wrong():
    problems = eligibility_problems(
        max_years=3,
        postcodes="1000-2999",
        arrived=datetime.date(2020, 1, 1),
        postcode="8000",
        today=datetime.date(2026, 1, 1),
    )
    assert problems == [
        "The programme is for people who have lived in Denmark at most 3 years.",
        "The programme does not cover this postcode.",
    ]


@pytest.mark.django_db
def test_a_programme_checks_eligibility_with_its_own_rules():
    programme = ProgrammeFactory(max_years_in_denmark=2, postcodes="5000-5999")
    today = datetime.date(2026, 6, 1)
    assert programme.is_eligible(arrived=datetime.date(2025, 1, 1), postcode="5000", today=today)
    assert not programme.is_eligible(
        arrived=datetime.date(2023, 1, 1), postcode="5000", today=today
    )
    assert not programme.is_eligible(
        arrived=datetime.date(2025, 1, 1), postcode="1000", today=today
    )


@pytest.mark.django_db
def test_the_most_meetings_a_month_cannot_be_fewer_than_the_least():
    programme = ProgrammeFactory.build(meetings_per_month_min=3, meetings_per_month_max=2)
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert error.value.message_dict["meetings_per_month_max"] == [
        "The most meetings a month cannot be fewer than the least."
    ]


@pytest.mark.django_db
def test_the_first_check_in_comes_before_the_match_ends_and_postcodes_are_validated():
    programme = ProgrammeFactory.build(
        match_length_months=3, first_checkin_after_months=3, postcodes="1000-, 2000"
    )
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "postcodes" in error.value.message_dict
    assert error.value.message_dict["first_checkin_after_months"] == [
        "The first check-in must come before the match ends."
    ]


@pytest.mark.django_db
def test_a_programme_offers_the_kinds_of_its_tracks_under_its_own_names():
    programme = ProgrammeFactory(tracks=[("career", "Career mentor", "Karrierementor")])
    assert programme.offered_kinds() == ["career"]
    assert programme.track_name("career") == "Career mentor"
    assert programme.track_name("culture") == "Culture host"  # not offered: the general name
