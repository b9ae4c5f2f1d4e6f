"""The read API's OpenAPI document, documentation page, rate limit and CORS."""

import pytest

from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_one_openapi_document_describes_both_prefixes_from_the_site_root(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    paths = set(document["paths"])
    for path in (
        "/api/v1/event/",
        "/api/v1/event/{event_id}/",
        "/api/v1/place/",
        "/api/v1/keyword/",
        "/api/v1/organization/",
        "/api/v1/space/",
        "/api/v1/equipment/{identifier}/",
        "/common-grants/opportunities",
        "/common-grants/opportunities/{identifier}",
        "/common-grants/opportunities/search",
    ):
        assert path in paths, path
    parameters = {p["name"] for p in document["paths"]["/api/v1/event/"]["get"]["parameters"]}
    assert {"start", "end", "keyword", "location", "page_size"} <= parameters
    assert "post" in document["paths"]["/common-grants/opportunities/search"]


def test_the_documentation_page_works_without_an_outside_cdn(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/api/v1/openapi.json" in page
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page


@override_settings(API_RATE_LIMIT=(3, 60))
def test_past_the_limit_an_address_gets_429_with_retry_after(client):
    for _ in range(3):
        assert client.get("/api/v1/keyword/").status_code == 200
    response = client.get("/api/v1/keyword/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["detail"]
    other = client.get("/api/v1/keyword/", REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 200


def test_cors_for_get_without_credentials(client):
    response = client.get("/common-grants/opportunities", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_no_500_for_odd_requests(client):
    for url in (
        "/api/v1/event/?page_size=%00",
        "/api/v1/event/?start=%FF%FE",
        "/api/v1/event/?keyword=" + "x" * 5000,
        "/api/v1/event/nonsense/",
        "/common-grants/opportunities/%20",
    ):
        assert client.get(url).status_code < 500, url


HOSTILE = ["\x00", "x" * 5000, "-1", "99999999999999999999999", "2026-02-30", "<script>", "😀"]


@override_settings(API_RATE_LIMIT=(100_000, 60))
def test_no_parameter_of_any_list_gives_a_500(client):
    """Every query parameter the OpenAPI document declares, with hostile values: 200 or 400
    with reasons, never a server error."""
    document = client.get("/api/v1/openapi.json").json()
    checked = 0
    for path, operations in document["paths"].items():
        if "{" in path or "get" not in operations:
            continue
        for parameter in operations["get"].get("parameters", []):
            for value in HOSTILE:
                response = client.get(path, {parameter["name"]: value})
                assert response.status_code in (200, 400), (path, parameter["name"], value)
                if response.status_code == 400:
                    assert response.json()["detail"]
                checked += 1
    assert checked > 200
