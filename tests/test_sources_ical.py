"""The iCalendar reader: what an association's Google, Outlook or Nextcloud calendar becomes.

The recorded calendars are checked against a second reader (recurring_ical_events): the
occurrences the Reading implies, series expanded as the catalogue expands them, are the ones
that reader finds in the same file.
"""

import datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurrence
import recurring_ical_events
import time_machine

from catalogue.occurrences import rule_starts
from sources import ical
from sources.places import municipality_of
from sources.records import Exception_, Series, Session

# Skip reasons are asserted in English; the site's default language is Finnish.
pytestmark = pytest.mark.usefixtures("english")

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
HELSINKI = ZoneInfo("Europe/Helsinki")
UTC = datetime.UTC
NOW = datetime.datetime(2026, 12, 15, 10, 0, tzinfo=UTC)
# Inside the reader's session window (30 days back, 400 ahead) and holding every fixture event.
WINDOW = (
    datetime.datetime(2026, 11, 16, tzinfo=HELSINKI),
    datetime.datetime(2027, 12, 31, tzinfo=HELSINKI),
)


def read(document, **options):
    with time_machine.travel(NOW, tick=False):
        return ical.read(document, **options)


def read_fixture(name, **options):
    return read((FIXTURES / name).read_bytes(), **options)


def calendar(*events, header=""):
    """A document of VEVENT bodies (lines without BEGIN/END)."""
    blocks = "".join(f"BEGIN:VEVENT\n{body.strip()}\nEND:VEVENT\n" for body in events)
    head = f"{header.strip()}\n" if header.strip() else ""
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//Test//FI\n{head}{blocks}END:VCALENDAR\n"


def only_record(reading):
    assert reading.skipped == []
    assert len(reading.records) == 1
    return reading.records[0]


def at(*args):
    return datetime.datetime(*args, tzinfo=HELSINKI)


# ---------------------------------------------------------------------------------------------
# The recorded calendars against a second reader


def occurrences_in_reading(reading, low, high):
    """(start, end) in UTC of every occurrence that takes place, series expanded with
    django-recurrence as the catalogue does, exceptions and statuses applied."""
    found = set()
    for record in reading.records:
        if record.status == "cancelled":
            continue
        for session in record.sessions:
            if session.status == "cancelled":
                continue
            if session.status == "moved":
                found.add((session.new_start, session.new_end))
            else:
                found.add((session.start, session.end))
        series = record.series
        if series is None:
            continue
        first = datetime.datetime.combine(series.first_date, series.start_time, tzinfo=HELSINKI)
        exceptions = {exception.date: exception for exception in record.exceptions}
        rule = recurrence.deserialize(series.rule)
        for start in rule.between(low, high, inc=True, dtstart=first):
            exception = exceptions.get(start.astimezone(HELSINKI).date())
            if exception is None:
                found.add((start, start + series.duration))
            elif exception.action == "moved":
                found.add((exception.new_start, exception.new_end))
    return {(s.astimezone(UTC), e.astimezone(UTC)) for s, e in found if low <= s < high}


def as_instant(value):
    if not isinstance(value, datetime.datetime):
        return datetime.datetime.combine(value, datetime.time(), tzinfo=HELSINKI)
    if value.tzinfo is None:  # floating: the reader reads it in Helsinki
        return value.replace(tzinfo=HELSINKI)
    return value


def occurrences_by_second_reader(document, low, high):
    """The same from recurring_ical_events; it keeps cancelled overrides (STATUS:CANCELLED)
    and drops EXDATEs, so cancelled ones are left out here."""
    parsed = icalendar.Calendar.from_ical(document)
    found = set()
    for event in recurring_ical_events.of(parsed).between(low, high):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start, end = as_instant(event.start), as_instant(event.end)
        if low <= start < high:
            found.add((start.astimezone(UTC), end.astimezone(UTC)))
    return found


@pytest.mark.parametrize("name", ["google.ics", "outlook.ics", "nextcloud.ics"])
def test_recorded_calendar_gives_the_occurrences_another_reader_finds(name):
    document = (FIXTURES / name).read_bytes()
    reading = read(document)

    assert reading.skipped == []
    mine = occurrences_in_reading(reading, *WINDOW)
    theirs = occurrences_by_second_reader(document, *WINDOW)
    assert mine == theirs
    assert len(mine) > 3


@pytest.mark.parametrize("name", ["google.ics", "outlook.ics", "nextcloud.ics"])
def test_recorded_series_expand_alike_in_django_recurrence_and_the_catalogue(name):
    for record in read_fixture(name).records:
        series = record.series
        if series is None:
            continue
        page = SimpleNamespace(
            recurrence=recurrence.deserialize(series.rule),
            series_start_date=series.first_date,
            series_start_time=series.start_time,
        )
        assert rule_starts(page, *WINDOW) == ical.series_starts(series, *WINDOW)


def test_google_weekly_rehearsals_are_a_helsinki_series_with_a_moved_and_a_cancelled_date():
    reading = read_fixture("google.ics")
    rehearsals = next(r for r in reading.records if r.texts["fi"].title == "Kuoroharjoitukset")

    assert rehearsals.origin_id == rehearsals.uid == "6k2j9d8e1qv0b5ou3c7mlp4r2s@google.com"
    assert rehearsals.sessions == []
    assert rehearsals.series == Series(
        rule="RRULE:FREQ=WEEKLY;UNTIL=20270525T205959Z;BYDAY=TU\n"
        "EXDATE:20261222T160000Z\nEXDATE:20261229T160000Z",
        first_date=datetime.date(2026, 9, 1),
        start_time=datetime.time(18, 0),
        duration=datetime.timedelta(hours=2),
    )
    assert rehearsals.exceptions == [
        Exception_(
            date=datetime.date(2027, 2, 16),
            action="moved",
            new_start=at(2027, 2, 17, 18, 30),
            new_end=at(2027, 2, 17, 20, 30),
            new_location="Hämeenlinnan seurakuntatalo, Rauhankatu 14, 13100 Hämeenlinna",
        ),
        Exception_(date=datetime.date(2027, 3, 9), action="cancelled"),
    ]
    assert (rehearsals.texts["fi"].venue, rehearsals.street_address) == (
        "Verkatehdas",
        "Paasikiventie 2",
    )
    assert (rehearsals.postal_code, rehearsals.locality, rehearsals.municipality) == (
        "13200",
        "Hämeenlinna",
        "hameenlinna",
    )
    assert rehearsals.modified == datetime.datetime(2026, 11, 30, 19, 45, 12, tzinfo=UTC)


def test_google_meet_meeting_in_utc_is_online_with_its_join_link_and_no_instructions():
    reading = read_fixture("google.ics")
    meeting = next(r for r in reading.records if r.texts["fi"].title == "Hallituksen kokous")

    assert meeting.sessions == [Session(start=at(2027, 1, 20, 18), end=at(2027, 1, 20, 19, 30))]
    assert meeting.online is True
    assert meeting.join_link == "https://meet.google.com/xqz-vmke-bta"
    assert meeting.municipality == "online"
    assert meeting.contact_email == "hallitus@hameenlinnanlaulu.fi"
    assert "Älä muokkaa" not in meeting.texts["fi"].description
    assert (
        meeting.texts["fi"].summary == "Hallituksen kokous: talousarvio 2027 ja kevään konsertit."
    )


def test_outlook_monthly_meeting_in_fle_standard_time_is_a_series_with_teams_link():
    reading = read_fixture("outlook.ics")
    meeting = reading.records[0]

    assert meeting.series.first_date == datetime.date(2026, 10, 7)
    assert meeting.series.start_time == datetime.time(18, 0)
    assert meeting.series.duration == datetime.timedelta(minutes=90)
    assert "BYDAY=1WE" in meeting.series.rule
    assert "EXDATE:20270106T160000Z" in meeting.series.rule
    assert meeting.online is True
    assert meeting.join_link.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert (meeting.locality, meeting.municipality) == ("Tuulos", "hameenlinna")
    description = meeting.texts["fi"].description
    assert description.startswith("<p><b>Kyläyhdistyksen kuukausitapaaminen</b>")
    assert (
        "<style" not in description and "DOCTYPE" not in description and "<span" not in description
    )


def test_outlook_w_europe_standard_time_is_read_through_the_windows_zone_table():
    reading = read_fixture("outlook.ics")
    meeting = reading.records[1]

    assert meeting.sessions == [
        Session(start=at(2027, 2, 10, 18), end=at(2027, 2, 10, 19)),
    ]
    # The LOCATION names the meeting service, not a place.
    assert (meeting.texts["fi"].venue, meeting.municipality, meeting.online) == ("", "online", True)


def test_nextcloud_duration_count_rdate_floating_and_cancelled_events():
    records = {r.texts["fi"].title: r for r in read_fixture("nextcloud.ics").records}

    circle = records["Lukupiiri"]
    assert circle.series.rule == "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=10"
    assert circle.series.duration == datetime.timedelta(minutes=90)
    assert (circle.latitude, circle.longitude) == (Decimal("60.73853"), Decimal("24.77264"))
    assert circle.keywords == ["Kirjallisuus", "Lukupiiri"]
    assert circle.municipality == "riihimaki"

    exhibition = records["Jäsenten käsityönäyttely"]
    assert exhibition.series.rule == (
        "RDATE:20270306T100000Z\nRDATE:20270313T100000Z\nRDATE:20270320T100000Z"
    )
    assert exhibition.url == "https://riihimaenelakkeensaajat.fi/nayttely"

    work_day = records["Kevättalkoot kerholla"]
    assert work_day.sessions == [Session(start=at(2027, 4, 24, 10), end=at(2027, 4, 24, 14))]
    assert (work_day.status, work_day.municipality) == ("scheduled", "hausjarvi")

    assert records["Kevätkokous"].status == "cancelled"


# ---------------------------------------------------------------------------------------------
# Time zones and times


def test_windows_zone_name_without_vtimezone():
    record = only_record(
        read(
            calendar(
                "UID:w1\nSUMMARY:Palaveri\n"
                "DTSTART;TZID=W. Europe Standard Time:20270210T170000\n"
                "DTEND;TZID=W. Europe Standard Time:20270210T180000"
            )
        )
    )
    assert record.sessions[0].start == at(2027, 2, 10, 18)


def test_weekly_rule_in_another_zone_becomes_sessions_with_overrides_applied():
    document = calendar(
        "UID:ny\nSUMMARY:Etäkuoro\nDTSTART;TZID=America/New_York:20270101T120000\n"
        "DTEND;TZID=America/New_York:20270101T130000\nRRULE:FREQ=WEEKLY;COUNT=20",
        "UID:ny\nSUMMARY:Etäkuoro\nRECURRENCE-ID;TZID=America/New_York:20270108T120000\n"
        "DTSTART;TZID=America/New_York:20270108T140000\n"
        "DTEND;TZID=America/New_York:20270108T150000",
        "UID:ny\nSUMMARY:Etäkuoro\nRECURRENCE-ID;TZID=America/New_York:20270115T120000\n"
        "DTSTART;TZID=America/New_York:20270115T120000\nSTATUS:CANCELLED",
    )
    record = only_record(read(document))

    assert record.series is None
    assert len(record.sessions) == 20
    # 12:00 in New York is 19:00 in Helsinki in winter, 18:00 when only the US has summer time.
    assert record.sessions[0].start == at(2027, 1, 1, 19)
    assert record.sessions[10].start == at(2027, 3, 12, 19)
    assert record.sessions[11].start == at(2027, 3, 19, 18)
    moved, cancelled = record.sessions[1], record.sessions[2]
    assert (moved.status, moved.start, moved.new_start) == (
        "moved",
        at(2027, 1, 8, 19),
        at(2027, 1, 8, 21),
    )
    assert cancelled.status == "cancelled"


def test_rule_in_utc_becomes_sessions_on_the_same_instants():
    record = only_record(
        read(
            calendar(
                "UID:u\nSUMMARY:Kokous\nDTSTART:20270301T160000Z\nDTEND:20270301T170000Z\n"
                "RRULE:FREQ=WEEKLY;COUNT=6"
            )
        )
    )
    assert record.series is None
    assert [s.start.astimezone(UTC).hour for s in record.sessions] == [16] * 6
    assert record.sessions[-1].start == at(2027, 4, 5, 19)


def test_hourly_parts_and_long_rules_become_at_most_500_sessions():
    record = only_record(
        read(
            calendar(
                "UID:h\nSUMMARY:Vuorot\nDTSTART;TZID=Europe/Helsinki:20261201T090000\n"
                "DURATION:PT1H\nRRULE:FREQ=DAILY;BYHOUR=9,12,15"
            )
        )
    )
    assert record.series is None
    assert len(record.sessions) == ical.MAX_SESSIONS
    assert record.sessions[0].start == at(2026, 12, 1, 9)


def test_rule_with_a_single_date_is_one_session():
    record = only_record(
        read(
            calendar(
                "UID:one\nSUMMARY:Kerran\nDTSTART:20250301T160000Z\nDTEND:20250301T170000Z\n"
                "RRULE:FREQ=WEEKLY;COUNT=1"
            )
        )
    )
    assert record.series is None
    assert record.sessions == [Session(start=at(2025, 3, 1, 18), end=at(2025, 3, 1, 19))]


def test_floating_time_is_read_in_the_calendars_x_wr_timezone():
    document = calendar(
        "UID:f\nSUMMARY:Talkoot\nDTSTART:20270424T100000\nDTEND:20270424T120000",
        header="X-WR-TIMEZONE:Europe/Stockholm",
    )
    assert only_record(read(document)).sessions[0].start == at(2027, 4, 24, 11)


def test_floating_weekly_rule_without_x_wr_timezone_is_a_helsinki_series():
    record = only_record(
        read(
            calendar(
                "UID:f2\nSUMMARY:Jumppa\nDTSTART:20270111T180000\nDTEND:20270111T190000\n"
                "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270531T235959Z"
            )
        )
    )
    assert record.series.first_date == datetime.date(2027, 1, 11)
    assert record.series.start_time == datetime.time(18, 0)


def test_custom_vtimezone_with_helsinki_rules_keeps_the_series():
    vtimezone = (
        "BEGIN:VTIMEZONE\nTZID:Suomen aika\nBEGIN:STANDARD\nDTSTART:19701025T040000\n"
        "TZOFFSETFROM:+0300\nTZOFFSETTO:+0200\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\n"
        "END:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:19700329T030000\nTZOFFSETFROM:+0200\n"
        "TZOFFSETTO:+0300\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\nEND:VTIMEZONE"
    )
    record = only_record(
        read(
            calendar(
                "UID:c\nSUMMARY:Kerho\nDTSTART;TZID=Suomen aika:20270105T180000\n"
                "DTEND;TZID=Suomen aika:20270105T200000\nRRULE:FREQ=WEEKLY;COUNT=20",
                header=vtimezone,
            )
        )
    )
    assert record.series.start_time == datetime.time(18, 0)
    assert record.series.rule == "RRULE:FREQ=WEEKLY;COUNT=20"


def test_duration_instead_of_dtend():
    record = only_record(
        read(calendar("UID:d\nSUMMARY:Kurssi\nDTSTART:20270301T080000Z\nDURATION:PT2H30M"))
    )
    assert record.sessions[0].end - record.sessions[0].start == datetime.timedelta(hours=2.5)


def test_timed_event_without_end_is_zero_length():
    # RFC 5545 3.6.1: it ends on the same date and time of day as it starts.
    record = only_record(read(calendar("UID:z\nSUMMARY:Muistutus\nDTSTART:20270301T080000Z")))
    assert record.sessions[0].end == record.sessions[0].start == at(2027, 3, 1, 10)


def test_all_day_events_run_from_helsinki_midnight_to_midnight():
    reading = read(
        calendar(
            "UID:a1\nSUMMARY:Myyjäiset\nDTSTART;VALUE=DATE:20261212\nDTEND;VALUE=DATE:20261213",
            "UID:a2\nSUMMARY:Leiri\nDTSTART;VALUE=DATE:20270611\nDTEND;VALUE=DATE:20270614",
            "UID:a3\nSUMMARY:Liputuspäivä\nDTSTART;VALUE=DATE:20270604",
        )
    )
    sessions = [record.sessions[0] for record in reading.records]
    assert sessions == [
        Session(start=at(2026, 12, 12), end=at(2026, 12, 13), all_day=True),
        Session(start=at(2027, 6, 11), end=at(2027, 6, 14), all_day=True),
        Session(start=at(2027, 6, 4), end=at(2027, 6, 5), all_day=True),
    ]


def test_repeating_all_day_event_becomes_all_day_sessions():
    record = only_record(
        read(
            calendar(
                "UID:y\nSUMMARY:Vuosikokousviikko\nDTSTART;VALUE=DATE:20270301\n"
                "DTEND;VALUE=DATE:20270302\nRRULE:FREQ=MONTHLY;COUNT=3"
            )
        )
    )
    assert record.series is None
    assert [(s.start, s.all_day) for s in record.sessions] == [
        (at(2027, 3, 1), True),
        (at(2027, 4, 1), True),
        (at(2027, 5, 1), True),
    ]


def test_override_without_its_series_is_a_record_of_its_own():
    reading = read(
        calendar(
            "UID:lonely\nSUMMARY:Siirretty kokous\nRECURRENCE-ID:20270301T160000Z\n"
            "DTSTART:20270302T160000Z\nDTEND:20270302T170000Z"
        )
    )
    record = only_record(reading)
    assert record.origin_id == record.uid == "lonely#2027-03-01T16:00:00+00:00"
    assert record.sessions[0].start == at(2027, 3, 2, 18)


def test_cancelled_override_of_a_single_event_cancels_its_session():
    record = only_record(
        read(
            calendar(
                "UID:s1\nSUMMARY:Kokous\nDTSTART:20270301T160000Z\nDTEND:20270301T170000Z",
                "UID:s1\nSUMMARY:Kokous\nRECURRENCE-ID:20270301T160000Z\n"
                "DTSTART:20270301T160000Z\nSTATUS:CANCELLED",
            )
        )
    )
    assert [session.status for session in record.sessions] == ["cancelled"]


def test_broken_override_is_skipped_and_its_series_kept():
    reading = read(
        calendar(
            "UID:b\nSUMMARY:Kerho\nDTSTART;TZID=Europe/Helsinki:20270105T180000\n"
            "DTEND;TZID=Europe/Helsinki:20270105T190000\nRRULE:FREQ=WEEKLY;COUNT=5",
            "UID:b\nSUMMARY:Kerho\nRECURRENCE-ID;TZID=Europe/Helsinki:20270112T180000\n"
            "DTSTART;TZID=Europe/Helsinki:20270112T190000\n"
            "DTEND;TZID=Europe/Helsinki:20270112T180000",
        )
    )
    assert reading.records[0].series.rule == "RRULE:FREQ=WEEKLY;COUNT=5"
    assert reading.records[0].exceptions == []
    assert [(s.origin_id, str(s.reason)) for s in reading.skipped] == [
        ("b#2027-01-12T18:00:00+02:00", "The event ends before it starts")
    ]


# ---------------------------------------------------------------------------------------------
# Texts and places


def test_html_description_is_cleaned_to_the_editors_features():
    description = (
        '<h1>Ohjelma</h1><p onclick="steal()">Tervetuloa <b>kaikki</b>!</p>'
        "<script>alert(1)</script><style>p{}</style>"
        '<a href="javascript:alert(2)">klikkaa</a> '
        '<a href="https://example.fi/ohjelma" target="_blank">ohjelma</a>'
        "<ul><li>kahvi</li></ul><img src=x onerror=alert(3)>"
    )
    escaped = description.replace(",", "\\,").replace(";", "\\;")
    record = only_record(
        read(calendar(f"UID:h\nSUMMARY:Ilta\nDTSTART:20270301T160000Z\nDESCRIPTION:{escaped}"))
    )
    html = record.texts["fi"].description

    assert html == (
        "<h3>Ohjelma</h3><p>Tervetuloa <b>kaikki</b>!</p>klikkaa "
        '<a href="https://example.fi/ohjelma">ohjelma</a><ul><li>kahvi</li></ul>'
    )
    for unsafe in ("script", "alert", "onclick", "javascript", "style", "img", "target"):
        assert unsafe not in html
    assert record.texts["fi"].summary == "Ohjelma Tervetuloa kaikki! klikkaa ohjelma kahvi"


def test_plain_description_becomes_paragraphs_with_links():
    record = only_record(
        read(
            calendar(
                "UID:p\nSUMMARY:Ilta\nDTSTART:20270301T160000Z\n"
                "DESCRIPTION:Rivi yksi\\nrivi kaksi\\n\\nLisää: https://yhdistys.fi/ilta <b"
            )
        )
    )
    assert record.texts["fi"].description == (
        "<p>Rivi yksi<br/>rivi kaksi</p>"
        '<p>Lisää: <a href="https://yhdistys.fi/ilta">https://yhdistys.fi/ilta</a> &lt;b</p>'
    )


def test_teams_invitation_leaves_a_join_link_and_not_its_instructions():
    record = only_record(
        read(
            calendar(
                "UID:t\nSUMMARY:Hallitus\nDTSTART:20270301T160000Z\n"
                "DESCRIPTION:Esityslista liitteenä.\\n\\n________________________________\\n"
                "Microsoft Teams -kokous\\nNapsauta tätä liittyäksesi kokoukseen<https://teams.m"
                "icrosoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0>\\n"
                "________________________________\\n"
            )
        )
    )
    assert (
        record.join_link
        == "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"
    )
    assert record.texts["fi"].description == "<p>Esityslista liitteenä.</p>"


def test_long_texts_are_cut_between_words():
    words = " ".join(["sana"] * 200)
    record = only_record(
        read(
            calendar(
                f"UID:l\nSUMMARY:{words}\nDTSTART:20270301T160000Z\nDESCRIPTION:{words}",
            )
        )
    )
    assert len(record.texts["fi"].title) <= 200
    assert len(record.texts["fi"].summary) <= 500
    assert record.texts["fi"].summary.endswith("sana…")


def test_texts_go_to_the_language_asked_for():
    record = only_record(
        read(calendar("UID:s\nSUMMARY:Årsmöte\nDTSTART:20270301T160000Z"), language="sv")
    )
    assert list(record.texts) == ["sv"]


def test_location_that_is_a_link_makes_the_event_online():
    record = only_record(
        read(
            calendar(
                "UID:o\nSUMMARY:Webinaari\nDTSTART:20270301T160000Z\n"
                "LOCATION:https://zoom.us/j/123456789"
            )
        )
    )
    assert (record.online, record.join_link, record.municipality) == (
        True,
        "https://zoom.us/j/123456789",
        "online",
    )


LOCATIONS = [
    # LOCATION, then venue, street address, postal code, locality, municipality
    (
        "Seurojentalo, Hämeenaukio 2, 11100 Riihimäki",
        ("Seurojentalo", "Hämeenaukio 2", "11100", "Riihimäki", "riihimaki"),
    ),
    (
        "Tavastehus svenska samskola, Kaurialankatu 5, 13100 Tavastehus, Finland",
        ("Tavastehus svenska samskola", "Kaurialankatu 5", "13100", "Tavastehus", "hameenlinna"),
    ),
    ("Kylätalo, Parola", ("Kylätalo", "", "", "Parola", "hattula")),
    ("Nuorisotalo", ("Nuorisotalo", "", "", "", "")),
    ("Kauppakatu 3, 30100 FORSSA", ("", "Kauppakatu 3", "30100", "FORSSA", "forssa")),
]


@pytest.mark.parametrize(("location", "expected"), LOCATIONS)
def test_location_is_split_into_venue_and_address(location, expected):
    escaped = location.replace(",", "\\,")
    record = only_record(
        read(calendar(f"UID:x\nSUMMARY:Ilta\nDTSTART:20270301T160000Z\nLOCATION:{escaped}"))
    )
    assert (
        record.texts["fi"].venue,
        record.street_address,
        record.postal_code,
        record.locality,
        record.municipality,
    ) == expected


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"locality": "Hämeenlinna"}, "hameenlinna"),
        ({"locality": "Tavastehus"}, "hameenlinna"),
        ({"locality": "HAMEENLINNA"}, "hameenlinna"),
        ({"locality": "Jockis"}, "jokioinen"),
        ({"locality": "Loppis"}, "loppi"),
        ({"locality": "Lampis"}, "hameenlinna"),
        ({"locality": "Riihimäki"}, "riihimaki"),
        ({"locality": "Turenki"}, "janakkala"),
        ({"locality": "Ypäjä"}, "ypaja"),
        ({"postal_code": "13720"}, "hattula"),
        ({"postal_code": "13210"}, "hameenlinna"),
        ({"postal_code": "31640"}, "humppila"),
        ({"locality": "Tampere", "postal_code": "33100"}, ""),
        ({"text": "Riihimäen kaupunginkirjasto"}, "riihimaki"),
        ({"text": "Loppiaisen konsertti"}, ""),
        ({"text": "Forssa–Hämeenlinna-viesti"}, ""),
        ({}, ""),
    ],
)
def test_municipality_of_names_in_finnish_and_swedish_and_postal_codes(arguments, expected):
    assert municipality_of(**arguments) == expected


# ---------------------------------------------------------------------------------------------
# What is skipped, what is refused


def test_malformed_events_are_skipped_with_a_reason_and_the_rest_read():
    reading = read(
        calendar(
            "UID:ok\nSUMMARY:Kunnossa\nDTSTART:20270301T160000Z",
            "UID:back\nSUMMARY:Takaperin\nDTSTART:20270301T160000Z\nDTEND:20270301T150000Z",
            "UID:date\nSUMMARY:Rikki\nDTSTART:2027030X",
            "UID:rule\nSUMMARY:Sääntö\nDTSTART:20270301T160000Z\nRRULE:FREQ=SOMETIMES",
            "UID:title\nDTSTART:20270301T160000Z",
            "UID:start\nSUMMARY:Ei alkua",
            "UID:never\nSUMMARY:Ei koskaan\nDTSTART:20270301T160000Z\n"
            "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "UID:often\nSUMMARY:Joka minuutti\nDTSTART:19700101T000000Z\nRRULE:FREQ=MINUTELY",
        )
    )
    assert [record.origin_id for record in reading.records] == ["ok"]
    assert {s.origin_id: str(s.reason) for s in reading.skipped} == {
        "back": "The event ends before it starts",
        "date": "The event's dates could not be read",
        "rule": "The event's repeat rule could not be read",
        "title": "The event has no title",
        "start": "The event has no start time",
        "never": "The event's repeat rule could not be read",
        "often": "The event repeats too often to be read",
    }


def test_event_without_uid_gets_the_same_derived_uid_on_every_reading():
    document = calendar("SUMMARY:Käsin tehty\nDTSTART:20270301T160000Z")
    first, second = only_record(read(document)), only_record(read(document))
    assert first.origin_id == second.origin_id == first.uid
    assert first.origin_id.endswith("@no-uid.invalid")


def test_more_events_than_allowed_refuses_the_whole_document():
    event = "UID:{n}\nSUMMARY:Tapahtuma\nDTSTART:20270301T160000Z"
    with pytest.raises(ValueError, match="5001 events"):
        read(calendar(*(event.format(n=n) for n in range(5001))))
    with pytest.raises(ValueError, match="more than the 2"):
        read(calendar(*(event.format(n=n) for n in range(3))), max_events=2)


@pytest.mark.parametrize(
    "document",
    [
        b"",
        "Hello",
        b"<!DOCTYPE html><html><body>Kirjaudu</body></html>",
        b"BEGIN:VEVENT\nEND:VEVENT",
    ],
)
def test_document_that_is_not_icalendar_is_refused(document):
    with pytest.raises(ValueError, match="not"):
        read(document)


def test_empty_calendar_reads_as_nothing():
    reading = read(calendar())
    assert (reading.records, reading.skipped) == ([], [])
