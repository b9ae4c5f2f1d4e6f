"""The catalogue's filters, one by one and combined; bad input; month view; archive; queries."""

import datetime

import pytest

from django.http import QueryDict
from django.utils import timezone

from wagtail.models import Locale

from catalogue.filters import parse_filters
from catalogue.models import Occurrence, TrainingPage

pytestmark = pytest.mark.django_db

URL = "/fi/koulutukset/"


@pytest.fixture
def client(client):
    client.defaults["HTTP_HOST"] = "localhost"
    return client


def titles_in(response):
    """The training titles listed on a catalogue page."""
    html = response.content.decode()
    fi = Locale.objects.get(language_code="fi")
    return {
        t
        for t in TrainingPage.objects.filter(locale=fi).values_list("title", flat=True)
        if f">{t}<" in html or f">{t}:" in html
    }


def expected(**filters):
    fi = Locale.objects.get(language_code="fi")
    occurrences = Occurrence.objects.in_locale(fi).upcoming()
    for name, values in filters.items():
        occurrences = getattr(occurrences, name)(*values)
    return set(occurrences.values_list("training__title", flat=True))


def get(client, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    return response


def test_unfiltered_catalogue_lists_upcoming_occurrences_in_date_order(client):
    response = get(client, "")
    page = response.context["page_obj"]
    starts = [o.start for o in page.object_list]
    assert starts == sorted(starts)
    assert all(o.end > timezone.now() for o in page.object_list)
    assert (
        response.context["result_count"]
        == Occurrence.objects.in_locale(Locale.objects.get(language_code="fi")).upcoming().count()
    )


@pytest.mark.parametrize(
    "query, method, values",
    [
        ("theme=rahoitus", "with_theme", ["rahoitus"]),
        ("kind=webinar", "of_kind", ["webinar"]),
        ("format=online", "in_format", ["online"]),
        ("region=forssa-seutu", "in_region", ["forssa-seutu"]),
        ("municipality=loppi", "in_municipality", ["loppi"]),
        ("language=uk", "in_language", ["uk"]),
        ("organiser=loppi-vpk", "by_organiser", ["loppi-vpk"]),
        ("free=1", "free", []),
        ("open=1", "open_to_others", []),
    ],
)
def test_each_filter_alone(client, query, method, values):
    response = get(client, f"?{query}")
    want = expected(**{method: values})
    assert want, "the demo should have matches for every filter"
    assert (
        response.context["result_count"]
        == Occurrence.objects.in_locale(Locale.objects.get(language_code="fi"))
        .upcoming()
        .__getattribute__(method)(*values)
        .count()
    )
    shown = {o.training.title for o in response.context["page_obj"].object_list}
    assert shown <= want
    assert not response.context["filters"].problems


def test_filters_combine_with_and_and_values_with_or(client):
    response = get(client, "?theme=rahoitus&theme=talous&municipality=hameenlinna&kind=training")
    shown = {o.training.title for o in response.context["page_obj"].object_list}
    want = expected(
        with_theme=["rahoitus", "talous"], in_municipality=["hameenlinna"], of_kind=["training"]
    )
    assert shown == want
    assert "Avustushaun ABC" in shown


def test_theme_and_municipality_find_a_training_for_a_newcomer(client):
    response = get(client, "?theme=varautuminen&municipality=loppi")
    shown = {o.training.title for o in response.context["page_obj"].object_list}
    assert "Yhdistyksen valmiussuunnitelma" in shown
    assert all(o.municipality == "loppi" for o in response.context["page_obj"].object_list)


def test_text_search(client):
    response = get(client, "?q=kirjanpid")
    shown = {o.training.title for o in response.context["page_obj"].object_list}
    assert shown == {"Yhdistyksen kirjanpidon perusteet"}


def test_date_range_and_time_spans(client):
    today = timezone.localdate()
    start = today + datetime.timedelta(days=9)
    response = get(client, f"?from={start}&to={start}")
    for occurrence in response.context["page_obj"].object_list:
        assert timezone.localtime(occurrence.start).date() <= start
        assert timezone.localtime(occurrence.end).date() >= start
    assert "Avustushaun ABC" in {o.training.title for o in response.context["page_obj"].object_list}
    week = get(client, "?when=week").context["page_obj"].object_list
    monday = today - datetime.timedelta(days=today.weekday())
    assert all(
        timezone.localtime(o.start).date() <= monday + datetime.timedelta(days=6) for o in week
    )
    month = get(client, "?when=month").context["page_obj"].object_list
    assert all(
        timezone.localtime(o.start).month == today.month or o.start < timezone.now() for o in month
    )


@pytest.mark.parametrize(
    "query, note",
    [
        ("theme=not-a-theme", "not-a-theme"),
        ("from=2026-13-45", "2026-13-45"),
        ("date=2026-13-45&from=2026-13-45", "2026-13-45"),
        ("page=abc", "abc"),
        ("free=maybe", "maybe"),
        ("from=2026-01-01&from=2026-02-01", "from"),
        ("kind=webinar&kind=%3Cscript%3E", "&lt;script&gt;"),
        ("municipality=helsinki", "helsinki"),
        ("month=2026-99&view=month", "2026-99"),
        ("view=calendar", "calendar"),
        ("when=yesterday", "yesterday"),
        ("from=2027-05-01&to=2027-01-01", ""),
    ],
)
def test_bad_input_is_ignored_with_a_visible_note(client, query, note):
    response = get(client, f"?{query}")
    html = response.content.decode()
    assert 'class="notice catalogue-problems"' in html
    assert note in html
    assert "<script>" not in html.split("catalogue-problems")[1][:2000]


def test_bad_values_do_not_drop_good_ones(client):
    response = get(client, "?kind=webinar&kind=bogus&format=online")
    filters = response.context["filters"]
    assert filters.kinds == ["webinar"] and filters.formats == ["online"]
    assert len(filters.problems) == 1


def test_very_long_search_text_and_page_beyond_the_end(client):
    get(client, "?q=" + "a" * 5000)
    response = get(client, "?page=99999")
    assert response.context["page_obj"].number == response.context["page_obj"].paginator.num_pages


def test_parser_is_shared_and_reports_reasons():
    query = QueryDict("theme=rahoitus&theme=nope&from=2026-02-30&free=1")
    filters = parse_filters(query, themes=["rahoitus"], organisers=[])
    assert filters.themes == ["rahoitus"] and filters.free
    assert filters.date_from is None
    assert not filters.is_valid
    assert len(filters.problems) == 2


def test_pagination_keeps_filters(client):
    response = get(client, "?format=onsite")
    if response.context["page_obj"].has_next():
        assert "format=onsite&amp;page=2" in response.content.decode()


CATALOGUE_URLS = [
    URL,
    URL + "?theme=rahoitus&municipality=hameenlinna&free=1&q=avustus&page=1",
    URL + "?view=month",
    URL + "archive/",
]


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_catalogue_query_count_is_constant(client, django_assert_max_num_queries):
    for url in CATALOGUE_URLS:
        with django_assert_max_num_queries(25):
            client.get(url)
    before = [count_queries(client, url) for url in CATALOGUE_URLS]
    from catalogue.factories import local, make_training

    for n in range(25):
        make_training(f"lisaa-{n}", sessions=[(local(n % 9, 10), local(n % 9, 12))], is_free=True)
    after = [count_queries(client, url) for url in CATALOGUE_URLS]
    assert after == before


def test_month_view_is_an_accessible_table(client):
    today = timezone.localdate()
    response = get(client, f"?view=month&month={today:%Y-%m}")
    html = response.content.decode()
    assert "<table" in html and "<caption>" in html
    assert html.count('<th scope="col">') == 7
    assert 'aria-current="date"' in html
    weeks = response.context["weeks"]
    days = [cell for week in weeks for cell in week]
    assert len(days) % 7 == 0
    listed = sum(cell["count"] for cell in days if cell["in_month"])
    assert listed == response.context["month_total"]


def test_month_view_shows_moved_and_cancelled_occurrences(client):
    page = TrainingPage.objects.get(slug="vertaistukiryhma-forssa", locale__language_code="fi")
    moved = page.occurrences.get(status="rescheduled")
    month = timezone.localtime(moved.start).strftime("%Y-%m")
    response = get(client, f"?view=month&month={month}&organiser=forssan-seutuverkosto")
    cell = next(
        cell
        for week in response.context["weeks"]
        for cell in week
        if cell["date"] == timezone.localtime(moved.start).date()
    )
    assert moved.pk in {o.pk for o in cell["occurrences"]}


def test_month_navigation_keeps_filters(client):
    response = get(client, "?view=month&month=2027-01&theme=rahoitus")
    html = response.content.decode()
    assert "month=2026-12" in html and "month=2027-02" in html
    assert "theme=rahoitus" in html


def test_archive_lists_past_trainings_only(client):
    response = get(client, "archive/")
    titles = {row["training"].title for row in response.context["archive_rows"]}
    assert "Syksyn avustushaut" in titles
    assert "Avustushaun ABC" not in titles
    lasts = [row["last"] for row in response.context["archive_rows"]]
    assert lasts == sorted(lasts, reverse=True)
    filtered = get(client, "archive/?theme=viestinta")
    assert {row["training"].title for row in filtered.context["archive_rows"]} == {
        "Instagram yhdistyksen äänenä"
    }


def test_catalogue_works_in_swedish_with_the_same_filters(client):
    response = client.get("/sv/koulutukset/?theme=rahoitus&municipality=hameenlinna")
    assert response.status_code == 200
    titles = {o.training.title for o in response.context["page_obj"].object_list}
    assert "Understödsansökans ABC" in titles
