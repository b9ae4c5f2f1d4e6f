"""The site search with the demo's own words: inflected Finnish and Swedish forms, compound
parts, typos, names of themes, organisers and funders, facets, suggestions, and the index kept
current through the task queue."""

import io
import re

import pytest

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Locale

from catalogue.models import Theme, TrainingPage
from core.models import SearchEntry
from funding.models import FundingOpportunityPage
from tests.catalogue_factories import local, make_training

pytestmark = pytest.mark.django_db

COUNT = re.compile(r'data-count="(\d+)"')
TITLE = re.compile(r'<li class="search-result[^"]*">\s*<h2><a href="[^"]*">([^<]*)</a>')


def search(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def count(client, language, query, **params):
    found = COUNT.search(search(client, language, q=query, **params))
    return int(found.group(1)) if found else 0


def titles(client, language, query, **params):
    """Every result title over all result pages, in order."""
    found = []
    for number in range(1, 30):
        html = search(client, language, q=query, page=number, **params)
        found += [unescape(title) for title in TITLE.findall(html)]
        if 'rel="next"' not in html:
            return found
    return found


def unescape(text):
    return text.replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", '"')


# --- 1. base forms per language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "inflected"),
    [("koulutus", "koulutuksen"), ("koulutus", "koulutuksia"), ("avustus", "avustuksia")],
)
def test_finnish_inflected_forms_find_what_the_base_form_finds(client, base, inflected):
    expected = count(client, "fi", base)
    assert expected >= 5
    assert count(client, "fi", inflected) >= 0.8 * expected


@pytest.mark.parametrize(
    ("base", "inflected"),
    [("utbildning", "utbildningar"), ("förening", "föreningarnas")],
)
def test_swedish_pages_are_searched_with_swedish_rules(client, base, inflected):
    expected = count(client, "sv", base)
    assert expected >= 5
    assert count(client, "sv", inflected) >= 0.8 * expected


def test_swedish_search_reads_swedish_pages_only(client):
    found = titles(client, "sv", "utlåtande")
    assert "Utlåtande: föreningarnas lokaler i servicenätverksplanen" in found or any(
        "Utlåtande" in title for title in found
    )
    assert not any("Lausunto" in title for title in found)


def test_an_inflected_word_finds_its_training(client):
    assert "Yhdistyksen kirjanpidon perusteet" in titles(client, "fi", "kirjanpito")
    assert "Yhdistyksen kirjanpidon perusteet" in titles(client, "fi", "kirjanpidon")


# --- 2. compounds and typos --------------------------------------------------------------------


def test_a_part_of_a_compound_finds_it(client):
    assert "Talousarvio ja maksuliikenne" in titles(client, "fi", "talous")


def test_a_prefix_finds_the_longer_word(client):
    assert "Yhdistyksen kirjanpidon perusteet" in titles(client, "fi", "kirjanp")


def test_the_grant_part_finds_the_organisation_grant_news(client):
    assert "Hyvinvointialueen järjestöavustusten haku avautuu" in titles(client, "fi", "avustus")


def test_one_typo_still_finds_and_offers_the_right_word(client):
    html = search(client, "fi", q="koulutsu")
    assert int(COUNT.search(html).group(1)) >= 0.8 * count(client, "fi", "koulutus")
    assert 'class="notice search-corrected"' in html
    assert "?q=koulutus" in html


def test_did_you_mean_when_nothing_is_found(client, english):
    html = search(client, "en", q="trainnig")
    assert "Did you mean" in html
    assert "?q=training" in html


def test_nonsense_finds_nothing_and_suggests_nothing(client, english):
    html = search(client, "en", q="qzxwvkjh")
    assert 'data-count="0"' in html
    assert "Did you mean" not in html


# --- 4. names and taxonomy ---------------------------------------------------------------------


def test_a_theme_name_finds_the_trainings_tagged_with_it(client):
    fi = Locale.objects.get(language_code="fi")
    theme = Theme.objects.get(slug="talous", locale=fi)
    tagged = set(
        TrainingPage.objects.live()
        .filter(locale=fi, theme_links__theme=theme)
        .values_list("title", flat=True)
    )
    assert tagged
    found = set(titles(client, "fi", theme.name, type="training"))
    assert tagged <= found


def test_an_organiser_name_finds_its_trainings(client):
    training = (
        TrainingPage.objects.live()
        .filter(locale__language_code="fi", organiser__isnull=False)
        .select_related("organiser")
        .first()
    )
    found = titles(client, "fi", training.organiser.title, type="training")
    assert training.title in found


def test_a_funder_name_finds_its_calls(client):
    call = (
        FundingOpportunityPage.objects.live()
        .filter(locale__language_code="fi")
        .select_related("funder")
        .first()
    )
    assert call.title in titles(client, "fi", call.funder.name, type="funding")


# --- 3. one search, facets and labels ----------------------------------------------------------


def test_results_of_every_kind_with_counts_and_labels(client, english):
    html = search(client, "en", q="association")
    for kind in ("training", "association"):
        assert f"search-result--{kind}" in html or f"type={kind}" in html
    assert "Results by type" in html


def test_the_type_facet_keeps_one_kind(client):
    html = search(client, "fi", q="koulutus", type="training")
    kinds = set(re.findall(r'class="search-result search-result--(\w+)', html))
    assert kinds == {"training"}


def test_the_municipality_facet(client):
    all_results = count(client, "fi", "yhdistys")
    in_forssa = count(client, "fi", "yhdistys", municipality="forssa")
    assert 0 < in_forssa < all_results


def test_a_training_says_when_it_is(client, english):
    html = search(client, "en", q="budget", type="training")
    assert re.search(r"on \d{1,2}/\d{1,2}/\d{4}|on \d{1,2}\.\d{1,2}\.\d{4}", html)


def test_upcoming_only_leaves_out_past_trainings_and_past_ranks_below(client):
    make_training(
        "mennyt-kirjanpito",
        title="Kirjanpidon kertauskurssi (mennyt)",
        summary="Kirjanpito kuntoon.",
        themes=("talous",),
        sessions=[(local(-30, 17), local(-30, 19))],
    )
    ordered = titles(client, "fi", "kirjanpito", type="training")
    assert "Kirjanpidon kertauskurssi (mennyt)" in ordered
    html = search(client, "fi", q="kirjanpito", type="training")
    marks = re.findall(r'search-result--training( search-result--past)?"', html)
    past = [bool(mark) for mark in marks]
    assert past == sorted(past)  # every upcoming result before the first past one
    assert "Kirjanpidon kertauskurssi (mennyt)" not in titles(
        client, "fi", "kirjanpito", type="training", upcoming="1"
    )


def test_unknown_facets_are_noted_not_errors(client, english):
    html = search(client, "en", q="training", type="nosuch", municipality="atlantis")
    assert "There is no type of result" in html
    assert "There is no municipality" in html


# --- 5. suggestions ----------------------------------------------------------------------------


def test_suggestions_as_json_for_a_word_being_typed(client):
    response = client.get("/fi/search/suggest/", {"q": "kirjanp"})
    assert response.status_code == 200
    data = response.json()
    assert "Yhdistyksen kirjanpidon perusteet" in [item["title"] for item in data["suggestions"]]
    assert all(item["url"].startswith("/fi/") for item in data["suggestions"])
    assert len(data["suggestions"]) <= 8


def test_suggestions_reject_bad_input_with_400(client):
    assert client.get("/fi/search/suggest/?q=a&q=b").status_code == 400
    assert client.get("/fi/search/suggest/", {"q": "x" * 500}).status_code == 400
    response = client.get("/fi/search/suggest/", {"q": "\x00("})
    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_the_page_works_without_script_and_loads_the_suggestions(client):
    html = search(client, "fi", q="talous")
    assert 'data-suggest-url="/fi/search/suggest/"' in html
    assert "js/search.js" in html


# --- queries ----------------------------------------------------------------------------------


def test_the_number_of_queries_does_not_grow_with_the_results(
    client, django_assert_max_num_queries, django_assert_num_queries
):
    client.get("/fi/search/", {"q": "kirjanpito", "n": 1})  # site, settings, vocabulary
    with django_assert_max_num_queries(50) as small:
        client.get("/fi/search/", {"q": "kirjanpito", "n": 2})
    # Counted now: the captured queries are a slice of a log that later queries move.
    queries = len(small)
    for number in range(12):
        make_training(
            f"kirjanpito-{number}",
            title=f"Kirjanpitoilta {number}",
            summary="Kirjanpidon ilta.",
            themes=("talous",),
        )
    assert count(client, "fi", "kirjanpito") >= 12
    with django_assert_num_queries(queries):
        client.get("/fi/search/", {"q": "kirjanpito", "n": 3})


# --- kept current -----------------------------------------------------------------------------


def test_publishing_indexes_and_unpublishing_removes(client):
    page = make_training("lumikenkaretki", title="Lumikenkäretki Evolla", summary="Retki.")
    assert "Lumikenkäretki Evolla" in titles(client, "fi", "lumikenkäretkiä")
    page = TrainingPage.objects.get(pk=page.pk)
    page.unpublish()
    assert "Lumikenkäretki Evolla" not in titles(client, "fi", "lumikenkäretki")
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_publishing_queues_the_reindexing_task():
    from django_tasks import default_task_backend

    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):
        default_task_backend.clear()
        page = make_training("jonossa", title="Jonossa indeksoitava koulutus")
        queued = [
            result
            for result in default_task_backend.results
            if result.task.name == "reindex_page" and result.args == [page.pk]
        ]
        assert queued
        assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_the_rebuild_command_writes_the_whole_index(client):
    SearchEntry.objects.all().delete()
    assert count(client, "fi", "koulutus") == 0
    out = io.StringIO()
    call_command("rebuild_search_index", "--now", stdout=out)
    assert "pages indexed" in out.getvalue()
    assert count(client, "fi", "koulutus") > 0


# --- the listings' own boxes -----------------------------------------------------------------


def test_the_catalogue_box_uses_the_analyser(client):
    html = client.get("/fi/koulutukset/", {"q": "kirjanpidon"}).content.decode()
    assert "Yhdistyksen kirjanpidon perusteet" in html


def test_the_funding_box_uses_the_analyser(client):
    call = (
        FundingOpportunityPage.objects.live()
        .filter(locale__language_code="fi")
        .select_related("funder")
        .first()
    )
    response = client.get(call.get_parent().url, {"q": call.funder.name})
    assert call.title in response.content.decode()


def test_the_rebuild_command_queues_its_work_for_the_worker(client):
    SearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)  # tests run queued tasks at once
    assert "queued" in out.getvalue()
    assert count(client, "fi", "koulutus") > 0


def test_listing_boxes_take_words_some_language_drops(client):
    """A word that is a stopword in one language only ("ja" in Finnish, "och" in Swedish)
    leaves the other words to find what they find, never an error."""
    alone = client.get("/fi/koulutukset/", {"q": "kirjanpidon"})
    assert alone.status_code == 200
    for query in ("kirjanpidon ja", "kirjanpidon och", "ja och the kirjanpidon"):
        response = client.get("/fi/koulutukset/", {"q": query})
        assert response.status_code == 200, query
        assert "Yhdistyksen kirjanpidon perusteet" in response.content.decode(), query
    assert client.get("/sv/koulutukset/", {"q": "och ja"}).status_code == 200


def test_deleting_a_live_page_takes_its_entry_with_it(client, users):
    page = make_training("poistettava-koulutus", sessions=[(local(5), local(5, 12))])
    assert SearchEntry.objects.filter(page_id=page.pk).exists()
    pk = page.pk
    TrainingPage.objects.get(pk=pk).delete()
    assert not SearchEntry.objects.filter(page_id=pk).exists()
    assert count(client, "fi", "poistettava") == 0
