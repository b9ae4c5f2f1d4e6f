"""The Linked Events reader: pages of a Tavastia Events `event/` list (recorded in
tests/fixtures/sources/) become records in the catalogue's terms."""

import copy
import datetime
import json
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from django.utils.functional import Promise

from sources.html import clean, plain_summary
from sources.linkedevents import assemble, list_url, read_page
from sources.places import municipality_of

# Skip reasons are asserted in English; the site's default language is Finnish.
pytestmark = pytest.mark.usefixtures("english")

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
HELSINKI = ZoneInfo("Europe/Helsinki")
API = "http://linkedevents.test/v1"

SUPER = "tavastia:agk7xy3q4u"
UMBRELLA = "tavastia:agk7yumb2a"


def recorded_page(number, host="https://tapahtumat.example.fi"):
    """A recorded page, its links pointing where a test says the API is."""
    text = (FIXTURES / f"linkedevents_page{number}.json").read_text(encoding="utf-8")
    return json.loads(text.replace("http://linkedevents.test", host))


def page(*events, next_url=None):
    return {
        "meta": {"count": len(events), "next": next_url, "previous": None},
        "data": list(events),
    }


def event(**fields):
    data = {
        "id": "tavastia:test1",
        "name": {"fi": "Kevätkokous", "sv": None, "en": ""},
        "start_time": "2027-03-24T16:00:00Z",
        "end_time": "2027-03-24T18:00:00Z",
        "event_status": "EventScheduled",
        "location": {"@id": f"{API}/place/tavastia:hml-paakirjasto/"},
        "offers": [],
        "keywords": [],
        "in_language": [],
        "sub_events": [],
        "super_event": None,
        "super_event_type": None,
    }
    data.update(fields)
    return data


def only_record(*events):
    reading = read_page(page(*events))
    assert not reading.skipped, reading.skipped
    [record] = reading.records
    return record


def reason_for(entry):
    reading = read_page(page(entry))
    assert not reading.records
    [skipped] = reading.skipped
    return str(skipped.reason)


@pytest.fixture
def pages():
    return [read_page(recorded_page(1)), read_page(recorded_page(2))]


@pytest.fixture
def assembled(pages):
    return {record.origin_id: record for record in assemble(pages).records}


def local(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HELSINKI)


# The address to fetch


def query_of(url):
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_list_url_keeps_the_users_filters_and_asks_for_places_and_keywords_in_full_pages():
    url = list_url(
        "https://tapahtumat.example.fi/v1/event/?publisher=tavastia:hml"
        "&division=ocd-division/country:fi/kunta:h%C3%A4meenlinna"
        "&keyword=yso:p2433,yso:p1808&start=today&end=2027-06-30&page_size=20"
    )

    assert url.startswith("https://tapahtumat.example.fi/v1/event/?")
    query = query_of(url)
    assert query["publisher"] == ["tavastia:hml"]
    assert query["division"] == ["ocd-division/country:fi/kunta:hämeenlinna"]
    assert query["keyword"] == ["yso:p2433,yso:p1808"]
    assert query["start"] == ["today"]
    assert query["end"] == ["2027-06-30"]
    assert query["include"] == ["location,keywords"]
    assert query["page_size"] == ["100"]
    assert "last_modified_since" not in query
    assert "show_deleted" not in query


def test_list_url_adds_to_the_users_own_includes():
    query = query_of(list_url("https://tapahtumat.example.fi/v1/event/?include=audience,location"))

    assert query["include"] == ["audience,location,keywords"]


def test_list_url_since_asks_for_changes_from_a_full_timestamp_with_its_offset():
    since = datetime.datetime(2026, 12, 1, 8, 30, 15, 123456, tzinfo=HELSINKI)

    url = list_url("https://tapahtumat.example.fi/v1/event/?publisher=tavastia:hml", since=since)

    assert "last_modified_since=2026-12-01T08:30:15%2B02:00" in url
    query = query_of(url)
    assert query["last_modified_since"] == ["2026-12-01T08:30:15+02:00"]
    assert query["publisher"] == ["tavastia:hml"]
    # Deleted events only come when asked for, and an incremental sync must see them.
    assert query["show_deleted"] == ["true"]


def test_list_url_since_in_utc_keeps_its_offset():
    since = datetime.datetime(2026, 7, 1, 5, 0, tzinfo=datetime.UTC)

    query = query_of(list_url("https://tapahtumat.example.fi/v1/event/", since=since))

    assert query["last_modified_since"] == ["2026-07-01T05:00:00+00:00"]


def test_list_url_refuses_a_since_without_a_time_zone():
    with pytest.raises(ValueError):
        list_url("https://tapahtumat.example.fi/v1/event/", since=datetime.datetime(2026, 12, 1))


# One page


def test_a_page_names_the_next_page_and_the_last_page_none():
    assert read_page(recorded_page(1)).next_url == (
        "https://tapahtumat.example.fi/v1/event/?include=location%2Ckeywords&page=2&page_size=9"
    )
    assert read_page(recorded_page(2)).next_url == ""


def test_a_page_reads_every_event_of_the_recorded_list(pages):
    assert [record.origin_id for record in pages[0].records] == [
        "tavastia:agk7xy3q5a",
        SUPER,
        "tavastia:agk7yb2mvm",
        "tavastia:agk7ycx4ta",
        UMBRELLA,
        "tavastia:agk7yumb3b",
        "tavastia:agk7ywebin",
    ]
    assert [record.origin_id for record in pages[1].records] == [
        "tavastia:agk7xy3q5b",
        "tavastia:agk7xy3q5c",
        "tavastia:agk7yumb3c",
        "tavastia:agk7ynay01",
        "tavastia:agk7yorp01",
    ]


def test_a_deleted_event_is_no_record_but_a_deleted_id(pages):
    assert pages[0].deleted == ["tavastia:agk7xdel01"]
    assert "tavastia:agk7xdel01" not in [record.origin_id for record in pages[0].records]
    assert pages[1].deleted == []


def test_malformed_events_are_skipped_with_a_reason(pages):
    assert [(s.origin_id, str(s.reason)) for s in pages[0].skipped] == [
        ("tavastia:agk7xbad01", "The event's start or end time is not a valid date and time.")
    ]
    assert [(s.origin_id, str(s.reason)) for s in pages[1].skipped] == [
        ("tavastia:agk7xbad02", "The event ends before it starts.")
    ]


@pytest.mark.parametrize(
    "data",
    [{"meta": {}, "results": []}, {"data": "nothing"}, [], "<html>Not found</html>", None],
)
def test_a_page_that_is_not_an_event_list_raises_a_clear_error(data):
    with pytest.raises(ValueError, match="did not return a Linked Events event list"):
        read_page(data)


def test_a_bad_entry_never_stops_the_page():
    entries = [
        "tavastia:just-a-string",
        {},
        event(id=""),
        event(id=None),
        event(id="tavastia:noname", name={"fi": "", "sv": None}),
        event(id="tavastia:nonamefield", name=None),
        event(id="tavastia:nostart", start_time=None),
        event(id="tavastia:numberstart", start_time=1700000000),
        event(id="tavastia:badend", end_time="eilen"),
        event(id="tavastia:good"),
    ]

    reading = read_page(page(*entries))

    assert [record.origin_id for record in reading.records] == ["tavastia:good"]
    assert [(s.origin_id, str(s.reason)) for s in reading.skipped] == [
        ("", "An entry of the list is not an event."),
        ("", "The event has no id."),
        ("", "The event has no id."),
        ("", "The event has no id."),
        ("tavastia:noname", "The event has no name in Finnish, Swedish or English."),
        ("tavastia:nonamefield", "The event has no name in Finnish, Swedish or English."),
        ("tavastia:nostart", "The event has no start time."),
        ("tavastia:numberstart", "The event's start or end time is not a valid date and time."),
        ("tavastia:badend", "The event's start or end time is not a valid date and time."),
    ]


def test_skip_reasons_are_translated_when_shown():
    # Lazy, so that the run's report shows them in its reader's language.
    [skipped] = read_page(page(event(name={}))).skipped

    assert isinstance(skipped.reason, Promise)


# Texts


def test_texts_come_in_each_language_the_event_is_named_in(assembled):
    assert set(assembled[SUPER].texts) == {"fi", "sv", "en"}
    assert set(assembled["tavastia:agk7ycx4ta"].texts) == {"fi"}
    assert set(assembled["tavastia:agk7ynay01"].texts) == {"fi", "en"}


def test_texts_carry_title_summary_venue_and_price(assembled):
    fi = assembled["tavastia:agk7ycx4ta"].texts["fi"]

    assert fi.title == "Forssan Mieslaulajien joulukonsertti"
    assert fi.summary == "Perinteinen joulukonsertti Forssan Nuorisoseurantalolla."
    assert fi.venue == "Forssan Nuorisoseurantalo"
    assert fi.price_info == "12 €"


def test_venue_is_the_place_name_in_the_texts_language_with_the_rooms_name(assembled):
    texts = assembled[SUPER].texts

    assert texts["fi"].venue == "Hämeenlinnan pääkirjasto, Kokoushuone Sibelius"
    assert texts["sv"].venue == "Tavastehus huvudbibliotek, Mötesrummet Sibelius"
    # A place without an English name keeps its Finnish one.
    assert assembled["tavastia:agk7yb2mvm"].texts["en"].venue == "Riihimäen VPK:n talo"


def test_description_is_cleaned_to_the_editors_features(assembled):
    description = assembled[SUPER].texts["fi"].description

    assert description == (
        "<p>Tule kysymään <strong>yhdistyksesi</strong> viestinnästä!</p>"
        "<h3>Kenelle?</h3><ul><li>hallitusten jäsenille</li><li>tiedottajille</li></ul>"
        '<p>Lisätietoja <a href="https://jarjestoneuvonta.example.fi/some">'
        "järjestöneuvonnasta</a>.</p>"
    )


def test_summary_falls_back_to_the_description_and_is_plain_and_short():
    long_words = "Tervetuloa yhdistyksen vuosikokoukseen kuulemaan uutiset. " * 20
    record = only_record(
        event(description={"fi": f"<p><b>{long_words}</b></p><script>x()</script>"})
    )

    summary = record.texts["fi"].summary
    assert summary.startswith("Tervetuloa yhdistyksen vuosikokoukseen")
    assert len(summary) <= 500
    assert summary.endswith("…")
    assert "<" not in summary and "x()" not in summary


def test_short_description_given_as_html_becomes_plain_text():
    short = "<p>Tule <em>mukaan</em>!</p><ul><li>kahvia</li><li>pullaa</li></ul>Ilmainen&nbsp;ilta"
    record = only_record(event(short_description={"fi": short}))

    assert record.texts["fi"].summary == "Tule mukaan! kahvia pullaa Ilmainen ilta"


# Times


def test_a_timed_event_has_aware_start_and_end(assembled):
    [session] = assembled["tavastia:agk7ycx4ta"].sessions

    assert session.start == local(2026, 12, 19, 18, 0)
    assert session.end == local(2026, 12, 19, 19, 30)
    assert session.start.tzinfo is not None
    assert not session.all_day
    assert session.status == "scheduled"


def test_an_event_given_as_dates_is_all_day_to_the_end_of_its_last_day(assembled):
    [session] = assembled["tavastia:agk7ynay01"].sessions

    assert session.all_day
    assert session.start == local(2027, 3, 1)
    assert session.end == local(2027, 4, 1)


def test_an_event_without_a_start_time_of_day_is_all_day_at_helsinki_midnight():
    # Older versions of the API give a timestamp and has_start_time instead of a date.
    record = only_record(
        event(
            start_time="2027-05-19T21:00:00Z",  # 20 May, 00:00 in Helsinki
            end_time=None,
            has_start_time=False,
            has_end_time=False,
        )
    )

    [session] = record.sessions
    assert session.all_day
    assert session.start == local(2027, 5, 20)
    assert session.end == local(2027, 5, 21)


def test_an_all_day_event_whose_end_is_midnight_ends_there():
    record = only_record(
        event(
            start_time="2027-05-19T21:00:00Z",
            end_time="2027-05-22T21:00:00Z",  # 23 May, 00:00 in Helsinki: exclusive
            has_start_time=False,
            has_end_time=False,
        )
    )

    [session] = record.sessions
    assert (session.start, session.end) == (local(2027, 5, 20), local(2027, 5, 23))


def test_a_date_without_an_end_is_one_whole_day():
    record = only_record(event(start_time="2027-05-20", end_time=None))

    [session] = record.sessions
    assert (session.start, session.end, session.all_day) == (
        local(2027, 5, 20),
        local(2027, 5, 21),
        True,
    )


def test_a_timed_event_without_an_end_ends_when_it_starts():
    record = only_record(event(start_time="2027-05-20T09:00:00+03:00", end_time=None))

    [session] = record.sessions
    assert session.start == session.end == local(2027, 5, 20, 9, 0)
    assert not session.all_day


def test_a_timed_event_whose_last_day_has_no_time_ends_with_that_day():
    record = only_record(event(start_time="2027-05-20T09:00:00+03:00", end_time="2027-05-22"))

    [session] = record.sessions
    assert session.start == local(2027, 5, 20, 9, 0)
    assert session.end == local(2027, 5, 23)


def test_times_with_z_and_with_an_offset_are_the_same_moment():
    with_z = only_record(event(start_time="2027-05-20T06:00:00Z", end_time=None))
    with_offset = only_record(event(start_time="2027-05-20T09:00:00+03:00", end_time=None))

    assert with_z.sessions[0].start == with_offset.sessions[0].start


def test_an_all_day_event_ending_before_it_starts_is_skipped():
    reason = reason_for(event(start_time="2027-05-20", end_time="2027-05-18"))

    assert reason == "The event ends before it starts."


def test_a_postponed_event_without_a_date_is_kept_without_sessions():
    record = only_record(event(event_status="EventPostponed", start_time=None, end_time=None))

    assert record.status == "postponed"
    assert record.sessions == []


@pytest.mark.parametrize(
    ("event_status", "status"),
    [
        ("EventScheduled", "scheduled"),
        ("EventCancelled", "cancelled"),
        ("EventPostponed", "postponed"),
        ("EventRescheduled", "rescheduled"),
        (None, "scheduled"),
        ("SomethingNew", "scheduled"),
    ],
)
def test_event_status_is_the_catalogues_status(event_status, status):
    assert only_record(event(event_status=event_status)).status == status


# Series: super events and their sub-events


def test_a_recurring_event_is_one_record_with_a_session_per_sub_event(assembled):
    series = assembled[SUPER]

    assert [(s.origin_id, s.start, s.end, s.status) for s in series.sessions] == [
        ("tavastia:agk7xy3q5a", local(2027, 1, 14, 17), local(2027, 1, 14, 19), "scheduled"),
        ("tavastia:agk7xy3q5b", local(2027, 1, 28, 17), local(2027, 1, 28, 19), "cancelled"),
        ("tavastia:agk7xy3q5c", local(2027, 2, 11, 18), local(2027, 2, 11, 20), "moved"),
    ]
    assert series.sub_event_ids == [
        "tavastia:agk7xy3q5a",
        "tavastia:agk7xy3q5b",
        "tavastia:agk7xy3q5c",
    ]
    for sub_id in series.sub_event_ids:
        assert sub_id not in assembled


def test_a_sub_events_session_is_titled_only_when_its_name_differs(assembled):
    titles = [session.title for session in assembled[SUPER].sessions]

    assert titles == ["", "", "Yhdistysten some-klinikka: videot"]


def test_the_series_has_the_super_events_texts_place_and_offers(assembled):
    series = assembled[SUPER]

    assert series.texts["fi"].title == "Yhdistysten some-klinikka"
    assert series.municipality == "hameenlinna"
    assert series.is_free is True
    assert series.url == "https://jarjestoneuvonta.example.fi/some-klinikka"
    assert series.parent_origin_id == ""


def test_an_umbrella_event_holds_its_events_as_sessions_named_and_placed(assembled):
    umbrella = assembled[UMBRELLA]

    assert [(s.origin_id, s.title, s.location) for s in umbrella.sessions] == [
        ("tavastia:agk7yumb3b", "Nuorten elokuvailta", ""),
        ("tavastia:agk7yumb3c", "Nuorten disko", "Hämeenlinnan pääkirjasto"),
    ]


def test_assemble_does_not_depend_on_the_order_of_pages(pages):
    forwards = assemble(pages)
    backwards = assemble(list(reversed(copy.deepcopy(pages))))

    def sessions(reading):
        return {r.origin_id: [s.origin_id for s in r.sessions] for r in reading.records}

    assert sessions(forwards) == sessions(backwards)


def test_assemble_leaves_the_pages_as_they_were(pages):
    before = copy.deepcopy(pages)

    assemble(pages)

    assert pages == before


def test_assemble_keeps_skipped_and_deleted_of_every_page(pages):
    reading = assemble(pages)

    assert [s.origin_id for s in reading.skipped] == ["tavastia:agk7xbad01", "tavastia:agk7xbad02"]
    assert reading.deleted == ["tavastia:agk7xdel01"]
    assert reading.next_url == ""


def test_a_sub_event_whose_super_event_never_came_stays_a_record_naming_it(assembled):
    orphan = assembled["tavastia:agk7yorp01"]

    assert orphan.parent_origin_id == "tavastia:agk7yorphan"
    assert len(orphan.sessions) == 1
    assert orphan.sessions[0].origin_id == ""


def test_an_incremental_sync_keeps_a_changed_sub_event_for_the_sync_to_attach():
    changed = recorded_page(2)
    changed["data"] = [e for e in changed["data"] if e["id"] == "tavastia:agk7xy3q5b"]

    [record] = assemble([read_page(changed)]).records

    assert record.origin_id == "tavastia:agk7xy3q5b"
    assert record.parent_origin_id == SUPER
    assert record.status == "cancelled"
    assert record.sessions[0].status == "cancelled"


def test_a_super_event_without_its_sub_events_keeps_its_span_without_origin_id():
    first = recorded_page(1)
    first["data"] = [e for e in first["data"] if e["id"] == SUPER]

    [record] = assemble([read_page(first)]).records

    assert len(record.sub_event_ids) == 3
    [span] = record.sessions
    assert (span.start, span.end, span.origin_id) == (
        local(2027, 1, 14, 17),
        local(2027, 2, 11, 19),
        "",
    )


def test_a_recurring_event_inside_an_umbrella_keeps_its_own_sessions():
    umbrella = event(
        id="tavastia:umb",
        name={"fi": "Kulttuuriviikko"},
        super_event_type="umbrella",
        sub_events=[{"@id": f"{API}/event/tavastia:rec/"}],
    )
    recurring = event(
        id="tavastia:rec",
        name={"fi": "Kirjastokierros"},
        super_event={"@id": f"{API}/event/tavastia:umb/"},
        super_event_type="recurring",
        sub_events=[{"@id": f"{API}/event/tavastia:rec1/"}],
    )
    occurrence = event(
        id="tavastia:rec1",
        name={"fi": "Kirjastokierros"},
        super_event={"@id": f"{API}/event/tavastia:rec/"},
    )

    records = {
        r.origin_id: r for r in assemble([read_page(page(umbrella, recurring, occurrence))]).records
    }

    assert set(records) == {"tavastia:umb", "tavastia:rec"}
    assert records["tavastia:rec"].parent_origin_id == "tavastia:umb"
    assert [s.origin_id for s in records["tavastia:rec"].sessions] == ["tavastia:rec1"]


def test_an_event_read_twice_across_pages_counts_once():
    first = read_page(page(event(name={"fi": "Vanha nimi"})))
    second = read_page(page(event(name={"fi": "Uusi nimi"})))

    [record] = assemble([first, second]).records

    assert record.texts["fi"].title == "Uusi nimi"


# Place


def test_an_included_place_gives_address_municipality_and_position(assembled):
    record = assembled["tavastia:agk7yb2mvm"]

    assert record.street_address == "Hämeenkatu 6"
    assert record.postal_code == "11100"
    assert record.locality == "Riihimäki"
    assert record.municipality == "riihimaki"
    assert record.latitude == Decimal("60.73899")
    assert record.longitude == Decimal("24.77342")
    assert record.online is False


def test_a_post_office_names_its_municipality(assembled):
    record = assembled["tavastia:agk7ynay01"]

    assert record.locality == "Parola"
    assert record.municipality == "hattula"
    assert record.latitude is None and record.longitude is None


def test_a_place_given_only_by_reference_leaves_the_address_blank(assembled):
    record = assembled["tavastia:agk7yorp01"]

    assert (record.street_address, record.locality, record.municipality) == ("", "", "")
    assert record.texts["fi"].venue == ""


def test_the_places_division_names_the_municipality_when_the_address_does_not():
    place = {
        "id": "tavastia:aulanko",
        "name": {"fi": "Aulangon ulkoilualue"},
        "divisions": [
            {"type": "muni", "ocd_id": "ocd-division/country:fi/kunta:hämeenlinna", "name": None}
        ],
    }

    assert only_record(event(location=place)).municipality == "hameenlinna"


def test_a_place_outside_the_region_has_no_municipality():
    place = {
        "id": "helsinki:tprek:8740",
        "name": {"fi": "Oodi"},
        "street_address": {"fi": "Töölönlahdenkatu 4"},
        "postal_code": "00100",
        "address_locality": {"fi": "Helsinki"},
        "position": {"type": "Point", "coordinates": [24.93817, 60.17399]},
    }

    record = only_record(event(location=place))

    assert record.municipality == ""
    assert record.locality == "Helsinki"
    assert record.latitude == Decimal("60.17399")


def test_an_internet_event_is_online_with_its_join_link(assembled):
    record = assembled["tavastia:agk7ywebin"]

    assert record.online is True
    assert record.join_link == "https://teams.example.fi/l/meetup-join/yhdistyksen-talous"
    assert record.municipality == "online"
    assert record.texts["fi"].venue == "Internet"


def test_a_virtual_event_of_newer_versions_is_online():
    record = only_record(
        event(
            location=None,
            is_virtualevent=True,
            virtualevent_url="https://meet.example.fi/talkoot",
        )
    )

    assert record.online is True
    assert record.join_link == "https://meet.example.fi/talkoot"
    assert record.municipality == "online"


def test_a_hybrid_event_is_online_and_in_its_municipality():
    place = {
        "id": "tavastia:fss-kirjasto",
        "name": {"fi": "Forssan kirjasto"},
        "address_locality": {"fi": "Forssa"},
        "street_address": {"fi": "Wahreninkatu 4"},
    }
    record = only_record(
        event(location=place, is_virtualevent=True, virtualevent_url="https://striimi.example.fi/")
    )

    assert (record.online, record.municipality) == (True, "forssa")


# Offers


def test_a_free_offer_makes_the_event_free(assembled):
    assert assembled["tavastia:agk7yb2mvm"].is_free is True
    assert assembled["tavastia:agk7yb2mvm"].price is None


def test_a_price_with_one_number_is_the_price(assembled):
    record = assembled["tavastia:agk7ycx4ta"]

    assert record.is_free is False
    assert record.price == Decimal("12")


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        ("10 €", Decimal("10")),
        ("5,50 €", Decimal("5.50")),
        ("€7.5", Decimal("7.5")),
        ("Aikuiset 10 €, lapset 5 €", None),
        ("Vapaaehtoinen maksu", None),
    ],
)
def test_a_price_is_read_only_when_it_has_exactly_one_number(price, expected):
    offer = {"is_free": False, "price": {"fi": price}, "info_url": None, "description": None}

    record = only_record(event(offers=[offer]))

    assert record.price == expected
    assert record.is_free is False
    assert record.texts["fi"].price_info == price


def test_two_priced_offers_give_no_single_price_but_keep_both_texts():
    offers = [
        {"is_free": False, "price": {"fi": "Aikuiset 15 €", "sv": "Vuxna 15 €"}},
        {"is_free": False, "price": {"fi": "Lapset 8 €", "sv": "Barn 8 €"}},
    ]

    record = only_record(event(name={"fi": "Konsertti", "sv": "Konsert"}, offers=offers))

    assert record.price is None
    assert record.texts["fi"].price_info == "Aikuiset 15 €; Lapset 8 €"
    assert record.texts["sv"].price_info == "Vuxna 15 €; Barn 8 €"


def test_any_free_offer_makes_the_event_free():
    offers = [{"is_free": False, "price": {"fi": "20 €"}}, {"is_free": True, "price": None}]

    record = only_record(event(offers=offers))

    assert (record.is_free, record.price) == (True, None)


def test_no_offers_means_the_source_does_not_say(assembled):
    assert assembled[UMBRELLA].is_free is None
    assert only_record(event(offers=None)).is_free is None


# Keywords, languages, links


def test_keywords_are_ids_from_included_keywords_and_from_references(assembled):
    assert assembled["tavastia:agk7yb2mvm"].keywords == ["yso:p4354", "yso:p360"]
    assert assembled["tavastia:agk7yorp01"].keywords == ["yso:p2433"]


def test_keyword_references_with_escaped_ids_are_read():
    record = only_record(event(keywords=[{"@id": f"{API}/keyword/yso%3Ap1235/"}]))

    assert record.keywords == ["yso:p1235"]


def test_event_languages_keep_finnish_swedish_and_english(assembled):
    # The recorded event is also in Russian, which the catalogue has no language for.
    assert assembled["tavastia:agk7yb2mvm"].languages == ["fi", "sv"]


def test_external_links_keep_web_addresses_only(assembled):
    assert assembled["tavastia:agk7yb2mvm"].external_links == [
        "https://www.facebook.com/riihimaenvpk",
        "https://www.instagram.com/riihimaenvpk/",
    ]


def test_url_is_the_finnish_info_url_or_any_other():
    assert only_record(event(info_url={"sv": "https://x.example.fi/sv"})).url == (
        "https://x.example.fi/sv"
    )
    assert only_record(
        event(info_url={"fi": "https://x.example.fi/", "sv": "https://x.example.fi/sv"})
    ).url == ("https://x.example.fi/")


def test_without_info_url_the_url_is_left_to_the_sync(assembled):
    assert assembled["tavastia:agk7ycx4ta"].url == ""


def test_registration_is_the_enrolment_url_or_the_ticket_link(assembled):
    assert assembled["tavastia:agk7ywebin"].registration_url == (
        "https://jarjestoneuvonta.example.fi/ilmoittaudu/talous"
    )
    assert assembled["tavastia:agk7ycx4ta"].registration_url == (
        "https://liput.example.fi/forssan-mieslaulajat-joulu"
    )


def test_image_modified_and_uid(assembled):
    series = assembled[SUPER]

    assert series.image_url == "https://tavastia-events.example.fi/media/images/some-klinikka.jpg"
    assert series.modified == datetime.datetime(2026, 12, 2, 11, 40, 3, 120044, tzinfo=datetime.UTC)
    assert series.uid == series.origin_id == SUPER


# The HTML cleaner and the municipality finder the reader uses


def test_clean_keeps_safe_links_only():
    html = (
        '<p><a href="javascript:alert(1)">a</a> <a href="ftp://x.example.fi/">b</a> '
        '<a href="/suhteellinen">c</a> <a href="mailto:info@example.fi">d</a> '
        '<a href="https://x.example.fi/" data-linktype="page" data-id="3" onclick="x()">e</a></p>'
    )

    assert clean(html) == (
        '<p>a b c <a href="mailto:info@example.fi">d</a> <a href="https://x.example.fi/">e</a></p>'
    )


def test_clean_drops_scripts_and_styles_with_their_content_and_unknown_tags():
    html = (
        "<style>p { color: red }</style><p>Hei<script>steal()</script> "
        '<span style="x">kaikki</span><img src="https://x.example.fi/a.png"></p><div>Loppu</div>'
    )

    assert clean(html) == "<p>Hei kaikki</p><p>Loppu</p>"


def test_clean_makes_plain_text_paragraphs():
    assert clean("Rivi 1\nrivi 2\n\nKahvia & pullaa") == (
        "<p>Rivi 1<br/>rivi 2</p><p>Kahvia &amp; pullaa</p>"
    )


def test_plain_summary_cuts_at_a_word():
    assert plain_summary("<p>Yksi kaksi kolme</p>", limit=12) == "Yksi kaksi…"
    assert plain_summary("<p>Yksi kaksi</p>", limit=12) == "Yksi kaksi"


@pytest.mark.parametrize(
    ("address", "municipality"),
    [
        ({"locality": "Hämeenlinna"}, "hameenlinna"),
        ({"locality": "TAVASTEHUS"}, "hameenlinna"),
        ({"locality": "Jockis"}, "jokioinen"),
        ({"locality": "Turenki"}, "janakkala"),
        ({"locality": "Ypäjä"}, "ypaja"),
        ({"postal_code": "11130"}, "riihimaki"),
        ({"postal_code": "31640"}, "humppila"),
        ({"text": "Tapahtuma järjestetään Hämeenlinnassa."}, "hameenlinna"),
        ({"text": "Loppis i föreningshuset"}, ""),
        ({"locality": "Helsinki", "postal_code": "00100"}, ""),
        ({}, ""),
    ],
)
def test_municipality_of_an_address(address, municipality):
    assert municipality_of(**address) == municipality


@pytest.mark.parametrize(
    "position",
    [
        {"type": "Point", "coordinates": ["NaN", 60.1]},
        {"type": "Point", "coordinates": [24.9, 160.1]},
        {"type": "Point", "coordinates": [True]},
        {"type": "Polygon", "coordinates": [24.9, 60.1]},
        "POINT (24.9 60.1)",
    ],
)
def test_a_position_that_is_no_point_on_earth_is_left_out(position):
    record = only_record(event(location={"id": "tavastia:x", "position": position}))

    assert (record.latitude, record.longitude) == (None, None)


def test_a_position_with_an_altitude_keeps_latitude_and_longitude():
    position = {"type": "Point", "coordinates": [24.456031, 60.999749, 85.0]}

    record = only_record(event(location={"id": "tavastia:x", "position": position}))

    assert (record.latitude, record.longitude) == (Decimal("60.99975"), Decimal("24.45603"))


def test_an_offset_without_a_colon_is_read():
    record = only_record(event(start_time="2027-05-20T09:00:00+0300", end_time=None))

    assert record.sessions[0].start == local(2027, 5, 20, 9, 0)


def test_a_time_without_an_offset_is_helsinki_time():
    record = only_record(event(start_time="2027-05-20T09:00:00", end_time=None))

    assert record.sessions[0].start == local(2027, 5, 20, 9, 0)


def test_an_internet_place_given_only_by_reference_is_online():
    record = only_record(event(location={"@id": f"{API}/place/helsinki:internet/"}))

    assert (record.online, record.municipality, record.join_link) == (True, "online", "")
