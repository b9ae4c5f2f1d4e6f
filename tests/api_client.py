"""A Linked Events client, as another site's reader would be: it follows `meta.next` and
resolves `@id`s, through the Django test client."""

from django.conf import settings


def path_of(url):
    assert url.startswith(settings.BASE_URL), url
    return url.removeprefix(settings.BASE_URL)


def get_json(client, url):
    response = client.get(path_of(url) if url.startswith("http") else url)
    assert response.status_code == 200, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def walk(client, url, data_key="data", next_of=lambda body: body["meta"]["next"]):
    """Every item of a paged list, following its next links to the end."""
    items, seen = [], set()
    while url:
        assert url not in seen, "a next link went round in a circle"
        seen.add(url)
        body = get_json(client, url)
        items.extend(body[data_key])
        url = next_of(body)
    return items
