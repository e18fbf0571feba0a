"""Site search with odd input: whatever is typed, the visitor gets a results page (perhaps
empty) showing what they searched for, never a server error. Run on SQLite by default and on
PostgreSQL with DATABASE_URL set, since each database chokes on different characters."""

import pytest

pytestmark = pytest.mark.django_db

ODD_QUERIES = [
    "\x00",
    "host\x00programme",
    "'\";--",
    "'",
    '"',
    "--",
    "newcomer'\";--",
    "%",
    "_",
    "\\",
    "a & b | !c",
    "(",
    ":*",
    "<script>alert(1)</script>",
    "x" * 2000,
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_search_text_gets_a_results_page(client, content_page, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "Search" in response.text


def test_a_nul_byte_is_dropped_and_the_rest_is_searched(client, content_page):
    response = client.get("/search/?q=newcomer%00")
    assert response.status_code == 200
    assert response.context["query"] == "newcomer"
    assert response.context["page_obj"].paginator.count == 1


def test_quotes_and_dashes_around_a_word_still_find_it(client, content_page):
    response = client.get("/search/", {"q": '\'"newcomer";--'})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 1


@pytest.mark.parametrize("page", ["99999999999999999999999", "-1", "abc", "\x00"])
def test_an_odd_page_number_shows_a_page_of_results(client, content_page, page):
    response = client.get("/search/", {"q": "newcomer", "page": page})
    assert response.status_code == 200
