"""The read API from another site's page in a browser: the CORS preflight before a POST of
JSON, OPTIONS and HEAD on every route, and CORS headers on every answer."""

import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://kunta.example.fi"
GET_ROUTES = [
    "/api/v1/event/",
    "/api/v1/place/",
    "/api/v1/keyword/",
    "/api/v1/organization/",
    "/api/v1/space/",
    "/common-grants/opportunities",
    "/api/v1/openapi.json",
]


def preflight(client, path, method, headers=""):
    return client.options(
        path,
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
    )


def listed(value):
    return {part.strip().lower() for part in value.split(",")}


def test_a_browser_may_post_a_search_of_json_from_another_site(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        answer = preflight(client, "/common-grants/opportunities/search", "POST", "content-type")
    assert answer.status_code == 204
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "post" in listed(answer["Access-Control-Allow-Methods"])
    assert "content-type" in listed(answer["Access-Control-Allow-Headers"])
    assert int(answer["Access-Control-Max-Age"]) >= 600
    assert "Access-Control-Allow-Credentials" not in answer

    search = client.post(
        "/common-grants/opportunities/search",
        {"pagination": {"page": 1, "pageSize": 2}},
        content_type="application/json",
        HTTP_ORIGIN=ORIGIN,
    )
    assert search.status_code == 200
    assert search["Access-Control-Allow-Origin"] == "*"
    assert len(search.json()["items"]) == 2


@pytest.mark.parametrize("path", GET_ROUTES)
def test_get_routes_answer_a_preflight_with_their_methods(client, path):
    answer = preflight(client, path, "GET", "if-none-match")
    assert answer.status_code == 204
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert listed(answer["Access-Control-Allow-Methods"]) == {"get", "head", "options"}
    assert listed(answer["Allow"]) == {"get", "head", "options"}
    assert "if-none-match" in listed(answer["Access-Control-Allow-Headers"])
    assert answer.content == b""


def test_the_search_route_answers_options_with_post_only(client):
    answer = client.options("/common-grants/opportunities/search")
    assert answer.status_code == 204
    assert listed(answer["Allow"]) == {"post", "options"}


@pytest.mark.parametrize("path", GET_ROUTES)
def test_head_is_get_without_the_body(client, path):
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == got["Content-Type"]
    assert head["Access-Control-Allow-Origin"] == "*"
    if "ETag" in got:
        assert head["ETag"] == got["ETag"]
        assert client.head(path, HTTP_IF_NONE_MATCH=got["ETag"]).status_code == 304


def test_head_of_a_missing_or_bad_request_keeps_its_status(client):
    missing = client.head("/api/v1/event/meidanhame:00000000-0000-0000-0000-000000000000/")
    assert missing.status_code == 404 and missing.content == b""
    assert client.head("/api/v1/event/?page_size=x").status_code == 400
    assert client.head("/common-grants/opportunities/search").status_code == 405


def test_every_answer_lets_the_page_read_it_and_its_etag(client):
    for response in (
        client.get("/api/v1/event/", HTTP_ORIGIN=ORIGIN),
        client.get("/api/v1/event/?page_size=x", HTTP_ORIGIN=ORIGIN),
        client.get("/api/v1/event/meidanhame:nothing/", HTTP_ORIGIN=ORIGIN),
        client.get("/api/v1/openapi.json", HTTP_ORIGIN=ORIGIN),
    ):
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "etag" in listed(response["Access-Control-Expose-Headers"])


def test_the_openapi_document_names_only_get_and_post(client):
    document = client.get("/api/v1/openapi.json").json()
    methods = {method for operations in document["paths"].values() for method in operations}
    assert methods == {"get", "post"}
