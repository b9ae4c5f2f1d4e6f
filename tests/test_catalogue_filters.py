"""The catalogue's filters, one by one and combined; bad input; month view; archive; queries."""

import datetime

import pytest

from django.http import QueryDict
from django.utils import timezone

from wagtail.models import Locale

from catalogue.filters import parse_filters
from catalogue.models import Occurrence, TrainingPage
from tests.catalogue_factories import local, make_training

pytestmark = pytest.mark.django_db

URL = "/fi/koulutukset/"


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
        # 27 with cold caches: one of them finds the training-wish form the listing links to,
        # one the networks offered as a filter (cached after that, as the organisers are).
        with django_assert_max_num_queries(27):
            client.get(url)
    before = [count_queries(client, url) for url in CATALOGUE_URLS]
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


def test_organiser_filter_takes_the_association_and_lists_only_organising_ones(client):
    response = get(client, "?organiser=forssan-seutuverkosto")
    listed = response.context["page_obj"].object_list
    assert listed and all("|forssan-seutuverkosto|" in o.organisers for o in listed)
    assert titles_in(response) <= expected(by_organiser=["forssan-seutuverkosto"])
    html = response.content.decode()
    assert '<option value="forssan-seutuverkosto" selected>Forssan seudun järjestöverkosto' in html
    choices = {a.slug for a in response.context["organiser_choices"]}
    assert {"forssan-seutuverkosto", "jarjestoneuvottelukunta", "loppi-vpk"} <= choices
    # A demo association that organises nothing is not offered, and asking for it is noted.
    assert "hattulan-omaishoitajat-ry" in choices  # organises the accessible event seminar
    assert "hameenlinnan-opettajien-ammattiosasto-ry" not in choices
    response = get(client, "?organiser=hameenlinnan-opettajien-ammattiosasto-ry")
    assert response.context["filters"].problems


def test_organiser_choices_follow_what_is_published(client, django_capture_on_commit_callbacks):
    """The list of organising associations is cached; publishing a training renews it."""
    from associations.models import AssociationPage

    slug = "hameenlinnan-opettajien-ammattiosasto-ry"
    choices = {a.slug for a in get(client, "").context["organiser_choices"]}
    assert slug not in choices
    association = AssociationPage.objects.get(slug=slug, locale__language_code="fi")
    with django_capture_on_commit_callbacks(execute=True):
        make_training("opettajien-iltakoulu", organiser=association)
    response = get(client, f"?organiser={slug}")
    assert slug in {a.slug for a in response.context["organiser_choices"]}
    assert not response.context["filters"].problems
    assert "Testikoulutus" in titles_in(response)


def test_organiser_filter_speaks_the_visitors_language(client):
    response = client.get("/en/koulutukset/?organiser=forssan-seutuverkosto")
    assert response.status_code == 200
    assert "Forssa Sub-regional Network" in response.content.decode()
    assert all(
        o.training.locale.language_code == "en" for o in response.context["page_obj"].object_list
    )


def _cell(response, date):
    return next(cell for week in response.context["weeks"] for cell in week if cell["date"] == date)


def test_month_view_shows_a_multi_day_event_on_every_day_it_covers(client):
    # Two nights across a month boundary: Friday 18.00 until Sunday 15.00.
    first_of_next = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(
        day=1
    )
    start_day = first_of_next - datetime.timedelta(days=1)
    days_from_today = (start_day - timezone.localdate()).days
    training = make_training(
        "kolmen-paivan-leiri",
        title="Kolmen päivän leiri",
        sessions=[(local(days_from_today, 18), local(days_from_today + 2, 15))],
    )
    covered = [start_day + datetime.timedelta(days=n) for n in range(3)]
    for month in {day.replace(day=1) for day in covered}:
        response = get(client, f"?view=month&month={month:%Y-%m}&organiser=jarjestoneuvottelukunta")
        for day in covered:
            if any(day == cell["date"] for week in response.context["weeks"] for cell in week):
                cell = _cell(response, day)
                assert training.pk in {o.training_id for o in cell["occurrences"]}, day
                assert cell["count"] >= 1
        # Counted once in the month's total, whatever the number of days.
        month_rows = [
            o
            for week in response.context["weeks"]
            for cell in week
            for o in cell["occurrences"]
            if o.training_id == training.pk
        ]
        assert len({o.pk for o in month_rows}) == 1
    html = get(client, f"?view=month&month={first_of_next:%Y-%m}").content.decode()
    assert "continues" in html or "jatkuu" in html
    # The day after it ends does not show it.
    after = covered[-1] + datetime.timedelta(days=1)
    response = get(client, f"?view=month&month={after:%Y-%m}")
    assert training.pk not in {o.training_id for o in _cell(response, after)["occurrences"]}


def test_month_view_all_day_event_ends_on_its_last_day(client):
    from catalogue.models import Session

    training = make_training("kaksipaivainen", sessions=[(local(40, 0), local(41, 0))])
    Session.objects.filter(page=training).update(all_day=True)
    training.refresh_from_db()
    training.save_revision().publish()
    first, last = local(40).date(), local(41).date()
    for day in (first, last, last + datetime.timedelta(days=1)):
        response = get(client, f"?view=month&month={day:%Y-%m}")
        shown = training.pk in {o.training_id for o in _cell(response, day)["occurrences"]}
        assert shown == (day <= last), day


@pytest.mark.parametrize("restriction", ["login", "password", "groups"])
def test_view_restricted_trainings_are_not_listed_to_visitors(client, restriction, users):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    training = make_training(
        "salainen-koulutus", title="Salainen hallituskoulutus", sessions=[(local(2), local(2, 14))]
    )
    visible = get(client, "?q=Salainen")
    assert "Salainen hallituskoulutus" in titles_in(visible)
    view_restriction = PageViewRestriction.objects.create(
        page=training, restriction_type=restriction, password="sala"
    )
    if restriction == "groups":
        view_restriction.groups.add(Group.objects.get(name="Editors"))
    month = f"?view=month&month={local(2):%Y-%m}"
    for query in ("?q=Salainen", "", month):
        assert "Salainen hallituskoulutus" not in get(client, query).content.decode(), query
    home = client.get("/fi/")
    assert "Salainen hallituskoulutus" not in home.content.decode()
    # Someone who may see it, sees it in the listing too.
    if restriction == "password":
        from django.urls import reverse

        url = reverse(
            "wagtailcore_authenticate_with_password", args=[view_restriction.pk, training.pk]
        )
        response = client.post(url, {"password": "sala", "return_url": training.url})
        assert response.status_code == 302
    else:
        client.force_login(users["editor"])
    assert "Salainen hallituskoulutus" in titles_in(get(client, "?q=Salainen"))
