"""Bad-input sweep: malformed, oversized and hostile values sent to every public GET parameter
and every public form the site shows, on one URL of each page type.

What the site must do with them: never answer 5xx, never echo HTML unescaped, and store
nothing from a form it rejected. URLs and parameter names are discovered the way a crawler
would: one live page of each type, the GET forms and POST forms in its HTML, the calendar
feeds and CSV downloads it links to, plus the filter names the catalogue and funding parsers
know (which a page may not show as a field)."""

import html as html_lib
import re
from urllib.parse import urlencode, urlsplit

import pytest

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import Page

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
HOSTILE_VALUES = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page;--",
    "\x00",
    "a\x00b",
    "%00",
    "x" * 10_000,
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-30",
    "0000-00-00",
    "../../../../etc/passwd",
    "\u202egnp.exe",
    "😀" * 50,
    "[]",
    '{"$gt": ""}',
    "\r\nSet-Cookie: x=1",
]
# What must never appear raw in an HTML answer (the escaped forms are fine).
RAW_MARKERS = ["<script>alert(", "<img src=x onerror=alert("]
OUR_APPS = ("home", "catalogue", "funding", "associations", "lending", "calendars")

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
FIELD_NAME = re.compile(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"", re.I)
ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')
FEED_LINK = re.compile(r'href="([^"]+\.(?:ics|csv)(?:\?[^"]*)?)"')


def local(url):
    """A path and query on this site from an absolute, webcal: or relative link."""
    parts = urlsplit(html_lib.unescape(url))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def known_filter_names():
    names = set()
    from catalogue import filters as catalogue_filters

    names.update(catalogue_filters.MULTI_PARAMS, catalogue_filters.SINGLE_PARAMS)
    from funding import filters as funding_filters

    names.update(funding_filters.FILTER_PARAMS)
    names.update(("page", "view", "month", "sort", "t"))
    return names


def one_url_per_page_type():
    urls = {}
    for language in ("fi", "sv"):
        pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
        for page in pages.order_by("path").specific(defer=True):
            kind = type(page).__name__
            if kind not in urls and page.url:
                urls[kind] = page.url
                if kind == "TrainingPage":
                    urls["TrainingPage cancel"] = page.url + "cancel/"
                if kind == "TrainingIndexPage":
                    urls["TrainingIndexPage archive"] = page.url + "archive/"
    urls["search"] = "/fi/search/"
    # Public forms outside the page tree (accounts), where the installed apps have them.
    with translation.override("fi"):
        for name in ("signup", "login", "password_reset"):
            for candidate in (name, f"accounts:{name}"):
                try:
                    urls[name] = reverse(candidate)
                    break
                except NoReverseMatch:
                    continue
    return urls


def forms_in(html):
    """(method, action, field names) of every form in the page."""
    found = []
    for attributes, body in FORM.findall(html):
        attrs = dict(ATTRIBUTE.findall(attributes))
        names = [name for name in FIELD_NAME.findall(body) if name != "csrfmiddlewaretoken"]
        found.append((attrs.get("method", "get").lower(), attrs.get("action", ""), names))
    return found


def discover(client):
    """GET targets (path → parameter names) and POST forms (path → field names)."""
    get_targets, post_forms = {}, {}
    filter_names = known_filter_names()
    for url in one_url_per_page_type().values():
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200:
            continue
        html = response.content.decode()
        names = {"page"}
        for method, action, fields in forms_in(html):
            target = local(action) if action else url
            if method == "get":
                names.update(fields)
                if target != url:
                    get_targets.setdefault(target.split("?")[0], set()).update(fields)
            elif not target.startswith(("/admin/", "/i18n/")):
                post_forms.setdefault(target, set()).update(fields)
        # A page with a filter form also gets the filters its parser knows but does not show.
        if names & filter_names - {"page", "q"}:
            names |= filter_names
        get_targets.setdefault(url, set()).update(names)
        for link in FEED_LINK.findall(html):
            path = local(link).split("?")[0]
            get_targets.setdefault(path, set()).update(names)
    return get_targets, post_forms


def row_counts():
    counts = {}
    for label in OUR_APPS:
        if not apps.is_installed(label):
            continue
        for model in apps.get_app_config(label).get_models():
            counts[model._meta.label] = model._default_manager.count()
    user_model = apps.get_model("auth", "User")
    counts["auth.User"] = user_model.objects.count()
    return counts


def check(response, what):
    assert response.status_code < 500, f"{what} answered {response.status_code}"
    content_type = response.get("Content-Type", "")
    if "html" in content_type and not getattr(response, "streaming", False):
        text = response.content.decode(errors="replace")
        for marker in RAW_MARKERS:
            assert marker not in text, f"{what} reflects {marker!r} unescaped"
    assert "x=1" not in response.cookies, f"{what} let a value split the headers"


def query(params):
    return "?" + urlencode(params, doseq=True)


def test_get_parameters_survive_hostile_values(client):
    get_targets, _ = discover(client)
    assert any(path.endswith(".ics") for path in get_targets), get_targets
    assert len(get_targets) >= 8, sorted(get_targets)
    for path, names in sorted(get_targets.items()):
        names = sorted(names) + ["unknown_parameter"]
        # Every parameter at once, for each value: each parser meets each value.
        for value in HOSTILE_VALUES:
            what = f"GET {path} (all parameters = {value[:30]!r})"
            check(client.get(path + query(dict.fromkeys(names, value))), what)
        # Each parameter alone, with a value chosen in turn; then every one repeated.
        for index, name in enumerate(names):
            value = HOSTILE_VALUES[index % len(HOSTILE_VALUES)]
            check(client.get(path + query({name: value})), f"GET {path}?{name}={value[:30]!r}")
        repeated = [(name, value) for name in names for value in HOSTILE_VALUES[:6]]
        check(client.get(path + "?" + urlencode(repeated)), f"GET {path} repeated parameters")
        # Wrong types: lists of garbage, a bare name without value, a broken escape.
        check(client.get(path + "?page&view&month=&theme=%ZZ&from=%E0%A4%A"), f"GET {path} raw")


def test_path_parameters_survive_hostile_values(client):
    paths = [
        "/fi/calendar/training/00000000-0000-0000-0000-000000000000.ics",
        "/fi/calendar/training/not-a-uuid.ics",
        "/fi/funding/99999999999999999999999/deadlines.ics",
        "/fi/funding/0/opportunities.csv",
        "/fi/funding/opportunity/00000000-0000-0000-0000-000000000000.ics",
        "/fi/%3Cscript%3Ealert(1)%3C/script%3E/",
        "/fi/" + "x" * 2000 + "/",
        "/fi/%00/",
        "/xx/",
        "/fi/calendar/lending/00000000-0000-0000-0000-000000000000.ics",
        "/fi/calendar/lending/owner/%3Cscript%3E.ics",
        "/fi/lainaus/upotus/00000000-0000-0000-0000-000000000000/",
        "/fi/lainaus/paatos/%3Cscript%3Ealert(1)%3C/script%3E/",
        "/fi/lainaus/paatos/1:approve:x:y/",
        "/fi/lainaus/varaus/00000000-0000-0000-0000-000000000000/",
        "/fi/lainaus/muokkaa/99999999999999999999999/",
        "/fi/lainaus/yhdistys/99999999999999999999999/",
    ]
    for path in paths:
        check(client.get(path), f"GET {path}")


def test_public_forms_reject_hostile_values_and_store_nothing(client):
    _, post_forms = discover(client)
    assert post_forms, "no public form found (the training registration form is one)"
    for path, fields in sorted(post_forms.items()):
        fields = sorted(fields)
        before = row_counts()
        attempts = [
            (f"every field = {value[:30]!r}", dict.fromkeys(fields, value))
            for value in HOSTILE_VALUES
        ]
        attempts += [
            ("empty", {}),
            ("lists", {name: ["a", "b", SCRIPT] for name in fields}),
            ("unknown field", {"unknown": SCRIPT}),
        ]
        # Every field hostile: the email is not an email, so the form must refuse.
        for what, data in attempts:
            check(client.post(path, data), f"POST {path} {what}")
        json_garbage = client.post(path, "\x00garbage", content_type="application/json")
        check(json_garbage, f"POST {path} JSON garbage")
        assert row_counts() == before, f"a rejected POST to {path} stored something"


def test_lending_forms_and_parameters_survive_hostile_values(client, django_user_model):
    """What an anonymous crawler cannot reach: the booking request forms and the member's
    listing form (logged in), and the week of a resource's availability calendar."""
    from django.core.cache import cache

    from associations.permissions import associations_of
    from lending.models import EquipmentPage, SpacePage

    member = django_user_model.objects.get(username="member")
    client.force_login(member)
    space = SpacePage.objects.live().filter(locale__language_code="fi", booking_mode="request")[0]
    item = EquipmentPage.objects.live().filter(locale__language_code="fi")[0]
    owned = associations_of(member, role="admin").first()
    listing_form = reverse("lending:member_new", args=[owned.pk, "tila"])
    targets = [space.url + "varaa/", item.url + "varaa/", listing_form]
    for url in [space.url, item.url]:
        for value in HOSTILE_VALUES:
            check(client.get(url + query({"week": value})), f"GET {url}?week={value[:30]!r}")
    for url in targets:
        response = client.get(url)
        assert response.status_code == 200, url
        posts = [form for form in forms_in(response.content.decode()) if form[0] == "post"]
        fields = sorted(set(max(posts, key=lambda form: len(form[2]))[2]))
        assert "accept_terms" in fields or "capacity" in fields, (url, fields)
        for value in HOSTILE_VALUES:
            check(client.get(url + query(dict.fromkeys(fields, value))), f"GET {url} initial")
        before = row_counts()
        for value in HOSTILE_VALUES:
            cache.clear()  # past the rate limit, so that every value meets the form's rules
            check(client.post(url, dict.fromkeys(fields, value)), f"POST {url} {value[:30]!r}")
        check(client.post(url, {name: ["a", SCRIPT] for name in fields}), f"POST {url} lists")
        assert row_counts() == before, f"a rejected POST to {url} stored something"


# Extreme but valid dates, and ids past 64 bits ------------------------------------------------

EXTREME_DATES = ["0001-01-01", "9999-12-31", "0001-01", "9999-12"]
DATE_PARAMETERS = ("from", "to", "date", "week", "month", "first_day", "last_day")
MAX_ID = 2**63 - 1
HUGE_IDS = [MAX_ID, MAX_ID + 1, 2**64, 10**40]


def date_queries():
    """Each extreme date in each date parameter alone, in all of them at once, and in the
    combinations a page computes with (a month view from a date, a range)."""
    for value in EXTREME_DATES:
        for name in DATE_PARAMETERS:
            yield {name: value}
        yield dict.fromkeys(DATE_PARAMETERS, value)
        yield {"view": "month", "from": value}
        yield {"view": "month", "to": value}
        yield {"from": value, "to": value}
        yield {"date": value, "from": "10:00", "to": "12:00"}


def test_extreme_dates_never_answer_a_server_error(client, django_user_model):
    """The catalogue list, month view and archive, the spaces and equipment listings, every
    feed and page a crawler finds, a resource's ?week= and the booking forms."""
    from associations.permissions import associations_of
    from lending.models import EquipmentPage, SpacePage

    get_targets, _ = discover(client)
    member = django_user_model.objects.get(username="member")
    client.force_login(member)
    space = SpacePage.objects.live().filter(locale__language_code="fi", booking_mode="request")[0]
    item = EquipmentPage.objects.live().filter(locale__language_code="fi")[0]
    paths = {*get_targets, space.url, item.url, space.url + "varaa/", item.url + "varaa/"}
    errors = []
    for path in sorted(paths):
        for params in date_queries():
            response = client.get(path + query(params))
            if response.status_code >= 500:
                errors.append(f"GET {path}{query(params)} answered {response.status_code}")
    association = associations_of(member).first().pk
    forms = [
        (space.url + "varaa/", {"start": "10:00", "end": "00:00"}, ("date",)),
        (item.url + "varaa/", {"quantity": "1"}, ("first_day", "last_day")),
    ]
    for url, fields, date_fields in forms:
        for value in EXTREME_DATES:
            data = {"association": association, "accept_terms": "on", **fields}
            response = client.post(url, {**data, **dict.fromkeys(date_fields, value)})
            if response.status_code >= 500:
                errors.append(f"POST {url} {date_fields}={value} answered {response.status_code}")
    assert errors == []


@pytest.mark.parametrize(
    "where, params",
    [
        ("catalogue", {"from": "9999-12-31"}),
        ("catalogue", {"to": "0001-01-01", "view": "month"}),
        ("archive", {"to": "9999-12-31"}),
        ("spaces", {"date": "0001-01-01", "from": "10:00", "to": "12:00"}),
        ("equipment", {"from": "9999-12-31"}),
        ("space", {"week": "9999-12-31"}),
    ],
)
def test_an_extreme_date_is_ignored_with_a_reason(client, where, params):
    from catalogue.models import TrainingIndexPage
    from lending.models import EquipmentIndexPage, SpaceIndexPage, SpacePage

    en = {"locale__language_code": "en"}
    url = {
        "catalogue": lambda: TrainingIndexPage.objects.get(**en).url,
        "archive": lambda: TrainingIndexPage.objects.get(**en).url + "archive/",
        "spaces": lambda: SpaceIndexPage.objects.get(**en).url,
        "equipment": lambda: EquipmentIndexPage.objects.get(**en).url,
        "space": lambda: SpacePage.objects.live().filter(**en)[0].url,
    }[where]()
    response = client.get(url + query(params))
    assert response.status_code == 200
    value = next(v for v in params.values() if "-" in v)
    assert f"“{value}” is not between" in html_lib.unescape(response.content.decode())


def test_the_booking_form_refuses_an_extreme_date_with_a_field_error(client, django_user_model):
    from associations.permissions import associations_of
    from lending.models import EquipmentPage, SpacePage

    member = django_user_model.objects.get(username="member")
    client.force_login(member)
    association = associations_of(member).first().pk
    space = SpacePage.objects.live().filter(locale__language_code="fi", booking_mode="request")[0]
    item = EquipmentPage.objects.live().filter(locale__language_code="fi")[0]
    common = {"association": association, "accept_terms": "on"}
    for url, data in [
        (space.url + "varaa/", {"date": "9999-12-31", "start": "10:00", "end": "00:00"}),
        (item.url + "varaa/", {"first_day": "9999-12-31", "last_day": "9999-12-31"}),
    ]:
        response = client.post(url, {**common, "quantity": "1", **data})
        assert response.status_code == 400
        errors = [error for field in response.context["form"].errors.values() for error in field]
        assert any("2100" in str(error) for error in errors), errors


def routes_with_ids():
    """Every URL route of our apps with an id in its path, as (route, converters)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found = []

    def walk(patterns, prefix, converters):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            known = {**converters, **getattr(pattern.pattern, "converters", {})}
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route, known)
            elif isinstance(pattern, URLPattern):
                module = getattr(pattern.callback, "__module__", "") or ""
                if module.split(".")[0] in {*OUR_APPS, "crisis"} and "<" in route:
                    found.append((route, known))

    with translation.override("fi"):
        walk(get_resolver().url_patterns, "/", {})
    return found


def fill(route, converters, id_value):
    from django.urls.converters import IntConverter, SlugConverter, UUIDConverter

    from core.converters import IdConverter

    def value(match):
        converter = converters[match.group(1)]
        if isinstance(converter, UUIDConverter):
            return "00000000-0000-0000-0000-000000000000"
        if isinstance(converter, SlugConverter):
            return "approve"
        if isinstance(converter, IdConverter | IntConverter):
            return str(id_value)
        return "x"

    return re.sub(r"<(?:\w+:)?(\w+)>", value, route)


def test_every_id_in_a_url_is_bounded_and_ids_past_64_bits_answer_404(client, users):
    from django.urls.converters import IntConverter

    from core.converters import IdConverter

    routes = routes_with_ids()
    with_ids = [
        (route, converters)
        for route, converters in routes
        if any(isinstance(c, IdConverter | IntConverter) for c in converters.values())
    ]
    assert len(with_ids) >= 10, routes
    unbounded = [
        route
        for route, converters in with_ids
        if any(type(c) is IntConverter for c in converters.values())
    ]
    assert unbounded == [], "use <id:…> (core.converters.IdConverter) for ids"
    errors = []
    for user in (None, users["member"], users["editor"]):
        client.logout()
        if user is not None:
            client.force_login(user)
        for route, converters in with_ids:
            for id_value in HUGE_IDS:
                path = fill(route, converters, id_value)
                for method in (client.get, client.post):
                    status = method(path).status_code
                    if status >= 500 or (id_value > MAX_ID and status != 404):
                        errors.append(f"{method.__name__.upper()} {path} as {user}: {status}")
    assert errors == []
