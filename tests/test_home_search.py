"""Site search, including hostile input: always a 200 page with a message, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_active_language(client):
    response = client.get("/fi/search/", {"q": "lausunto"})
    assert response.status_code == 200
    assert "Lausunto: yhdistysten toimitilat" in response.content.decode()
    response = client.get("/sv/search/", {"q": "utlåtande"})
    assert "Utlåtande: föreningarnas lokaler" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 10_000,
        "\x00",
        "abc\x00def",
        "'; DROP TABLE wagtailcore_page; --",
        "\"quoted\" 'single'",
        "🦔🌲 järjestö",
        "<script>alert(1)</script>",
        "%00",
        "(",
        "*",
        "&|!",
    ],
)
def test_odd_searches_answer_200_with_a_message(client, query):
    response = client.get("/fi/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


def test_empty_search_asks_for_words(client):
    html = client.get("/fi/search/", {"q": ""}).content.decode()
    assert "Kirjoita" in html or "Type one or more words" in html


def test_very_long_search_is_shortened_with_a_note(client):
    html = client.get("/en/search/", {"q": "yhdistys " * 2000}).content.decode()
    assert "shortened" in html


def test_repeated_and_odd_page_numbers_do_not_break_search(client):
    response = client.get("/fi/search/?q=yhdistys&page=abc&page=999")
    assert response.status_code == 200
