"""The accounts app on its own: every page that needs a login sends the visitor to the site's
login page (settings.LOGIN_URL, no view names it), sessions opened before the app existed stay
logged in, the account page shows what other apps register, and accounts imports no app of
ours above it."""

import ast
from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings

pytestmark = pytest.mark.django_db

LOGIN = "/fi/tili/kirjaudu/"


@pytest.mark.parametrize(
    "path",
    [
        "/fi/tili/",
        "/fi/tili/omat-tiedot/",
        "/fi/tili/poista/",
        "/fi/tili/yhdistys/uusi/",
    ],
)
def test_login_required_page_sends_visitor_to_the_site_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={path}"


def test_login_redirect_keeps_the_page_language(client):
    response = client.get("/sv/tili/omat-tiedot/")
    assert response["Location"] == "/sv/tili/kirjaudu/?next=/sv/tili/omat-tiedot/"


def test_views_do_not_name_a_login_url():
    """One place says where the login page is: LOGIN_URL."""
    offenders = [
        f"{path}:{node.lineno}"
        for path in _our_modules()
        for node in ast.walk(ast.parse(path.read_text(), str(path)))
        if isinstance(node, ast.keyword) and node.arg == "login_url"
    ]
    assert offenders == []


def test_session_from_before_accounts_app_stays_logged_in(client, users):
    client.force_login(users["member"], backend="associations.login_limits.ThrottledModelBackend")
    response = client.get("/fi/tili/")
    assert response.status_code == 200
    assert users["member"].email in response.content.decode()


def test_account_page_shows_the_associations_section(client, users):
    client.force_login(users["member"])
    html = client.get("/fi/tili/").content.decode()
    assert 'aria-labelledby="account-associations"' in html
    assert html.index("account-associations") < html.index("account-data")


def test_accounts_imports_no_app_above_it():
    """accounts sits just above core and calendars; the apps above register into it."""
    above = {config.name for config in _our_app_configs()} - {"accounts", "core", "calendars"}
    imports = []
    for path in _our_modules("accounts"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                imports += [(path.name, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imports.append((path.name, node.module))
    assert [(name, module) for name, module in imports if module.split(".")[0] in above] == []
    assert above >= {"associations", "catalogue", "funding", "lending", "crisis", "home"}


def _our_app_configs():
    base = Path(settings.BASE_DIR).resolve()
    return [
        config for config in apps.get_app_configs() if Path(config.path).resolve().parent == base
    ]


def _our_modules(app=None):
    for config in _our_app_configs():
        if app is None or config.name == app:
            yield from sorted(Path(config.path).rglob("*.py"))
