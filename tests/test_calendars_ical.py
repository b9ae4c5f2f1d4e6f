"""The iCalendar builder, read back with an independent parser (icalendar +
recurring_ical_events), as a calendar client would read it. No database, no HTTP."""

import itertools
import logging
import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from dateutil import rrule as dateutil_rrule
from recurrence import DAILY, MONTHLY, WEEKLY, YEARLY, Recurrence, Rule, Weekday

from calendars.ical import (
    CALENDAR_END,
    MAX_EXDATES_PER_SERIES,
    build_calendar,
    calendar_header,
    serialize_event,
    vtimezone,
)
from calendars.types import (
    CalendarMeta,
    FeedEvent,
    RecurrenceSet,
    expand_occurrences,
    recurrence_to_ical,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
STAMP = datetime(2027, 1, 2, 10, 0, tzinfo=UTC)
FEED = CalendarMeta(
    name="Meidän Häme: koulutukset",
    description="Kanta-Hämeen yhdistysten koulutukset",
    url="https://meidanhame.fi/fi/koulutukset/",
    source="https://meidanhame.fi/fi/koulutukset.ics",
)


def helsinki(*args) -> datetime:
    return datetime(*args, tzinfo=HELSINKI)


def training(**fields) -> FeedEvent:
    values = {
        "uid": "training-1@meidanhame.fi",
        "summary": "Hallituskoulutus",
        "start": helsinki(2027, 2, 9, 18),
        "end": helsinki(2027, 2, 9, 20),
        "dtstamp": STAMP,
    }
    values.update(fields)
    return FeedEvent(**values)


def parse(ics: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(ics)


def occurrences(ics: bytes, start=date(2026, 1, 1), end=date(2031, 1, 1)) -> list:
    """(uid, summary, start in UTC or date, end, status) of every occurrence, sorted."""
    found = []
    for component in recurring_ical_events.of(parse(ics)).between(start, end):
        begin, finish = component["DTSTART"].dt, component["DTEND"].dt
        if isinstance(begin, datetime):
            begin, finish = begin.astimezone(UTC), finish.astimezone(UTC)
        found.append(
            (
                str(component["UID"]),
                str(component["SUMMARY"]),
                begin,
                finish,
                str(component.get("STATUS")),
            )
        )
    return sorted(found, key=lambda item: (str(item[2]), item[0]))


def starts(ics: bytes, **window) -> list:
    return [item[2] for item in occurrences(ics, **window)]


def lines(ics: bytes) -> list[bytes]:
    """Physical lines, without their CRLF."""
    assert ics.endswith(b"\r\n")
    return ics[:-2].split(b"\r\n")


def unfolded(ics: bytes) -> list[str]:
    return ics.decode().replace("\r\n ", "").split("\r\n")[:-1]


def exdates_of(vevent) -> list:
    """The EXDATE values of a VEVENT, whether written on one line or on several."""
    found = vevent.get("EXDATE", [])
    return [
        value.dt for prop in (found if isinstance(found, list) else [found]) for value in prop.dts
    ]


# --- time zones --------------------------------------------------------------------------------


def test_event_across_spring_forward_keeps_its_utc_instants():
    # Helsinki goes from 03:00 EET to 04:00 EEST on 28 March 2027: local 03:30 does not exist.
    event = training(start=helsinki(2027, 3, 28, 2, 30), end=helsinki(2027, 3, 28, 3, 30))
    ics = build_calendar(FEED, [event])

    assert "DTSTART;TZID=Europe/Helsinki:20270328T023000" in unfolded(ics)
    # The non-existent 03:30 is the instant 01:30Z, which a clock in Helsinki shows as 04:30.
    assert "DTEND;TZID=Europe/Helsinki:20270328T043000" in unfolded(ics)
    [(_, _, start, end, _)] = occurrences(ics)
    assert start == datetime(2027, 3, 28, 0, 30, tzinfo=UTC)
    assert end == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)


def test_second_pass_of_the_repeated_hour_is_written_in_utc_as_rfc_5545_reads_the_first():
    """RFC 5545 readers take an ambiguous local time as the first pass of the repeated hour,
    so a single event in the second pass is written in UTC; the others keep TZID."""
    # 31 October 2027: 04:00 EEST becomes 03:00 EET, so 03:00-04:00 happens twice.
    instants = [
        datetime(2027, 10, 30, 23, 30, tzinfo=UTC),  # 02:30 EEST
        datetime(2027, 10, 31, 0, 30, tzinfo=UTC),  # 03:30 EEST, first pass
        datetime(2027, 10, 31, 1, 30, tzinfo=UTC),  # 03:30 EET, second pass
        datetime(2027, 10, 31, 2, 30, tzinfo=UTC),  # 04:30 EET
    ]
    events = [
        training(uid=f"fall-{index}", start=moment, end=moment + timedelta(minutes=20))
        for index, moment in enumerate(instants)
    ]
    ics = build_calendar(FEED, events)

    parsed = [
        (vevent["DTSTART"].dt.astimezone(UTC), vevent["DTEND"].dt.astimezone(UTC))
        for vevent in parse(ics).walk("VEVENT")
    ]
    assert parsed == [(moment, moment + timedelta(minutes=20)) for moment in instants]
    text = unfolded(ics)
    assert "DTSTART;TZID=Europe/Helsinki:20271031T023000" in text
    assert "DTSTART;TZID=Europe/Helsinki:20271031T033000" in text  # the first 03:30
    # A TZID time in the repeated hour means the first pass (RFC 5545), so the second is in UTC.
    assert "DTSTART:20271031T013000Z" in text
    assert "DTEND:20271031T015000Z" in text
    assert "DTSTART;TZID=Europe/Helsinki:20271031T043000" in text
    # A one-event file (no X-WR-TIMEZONE to reinterpret UTC times) expands to the same instants.
    for event, moment in zip(events, instants, strict=True):
        assert starts(build_calendar(CalendarMeta(name=None), [event])) == [moment]


def test_weekly_series_keeps_its_local_time_across_both_dst_changes():
    series = training(
        start=helsinki(2027, 3, 21, 18), end=helsinki(2027, 3, 21, 19), rrules=("FREQ=WEEKLY",)
    )
    autumn = training(
        uid="autumn",
        start=helsinki(2027, 10, 24, 18),
        end=helsinki(2027, 10, 24, 19),
        rrules=("FREQ=WEEKLY;COUNT=2",),
    )
    ics = build_calendar(FEED, [series, autumn])

    assert starts(ics, start=date(2027, 3, 20), end=date(2027, 3, 30)) == [
        datetime(2027, 3, 21, 16, tzinfo=UTC),  # 18:00 EET
        datetime(2027, 3, 28, 15, tzinfo=UTC),  # 18:00 EEST
    ]
    assert starts(ics, start=date(2027, 10, 23), end=date(2027, 11, 1)) == [
        datetime(2027, 10, 24, 15, tzinfo=UTC),
        datetime(2027, 10, 24, 15, tzinfo=UTC),
        datetime(2027, 10, 31, 16, tzinfo=UTC),
        datetime(2027, 10, 31, 16, tzinfo=UTC),
    ]


def test_vtimezone_is_in_outlooks_form_one_standard_and_one_daylight_with_yearly_rules():
    """Outlook reads a VTIMEZONE with one STANDARD and one DAYLIGHT, each with a yearly RRULE,
    and ignores RDATE (MS-OXCICAL); icalendar's own `Timezone.from_tzid` lists RDATEs."""
    calendar = parse(build_calendar(FEED, [training()]))
    [timezone] = calendar.timezones
    block = vtimezone("Europe/Helsinki")
    assert block.count(b"BEGIN:STANDARD") == block.count(b"BEGIN:DAYLIGHT") == 1
    assert block.count(b"RRULE:") == 2 and b"RDATE" not in block

    assert str(timezone["TZID"]) == "Europe/Helsinki"
    assert [component.name for component in timezone.subcomponents] == ["STANDARD", "DAYLIGHT"]
    standard, daylight = timezone.subcomponents
    for observance, month in ((standard, 10), (daylight, 3)):
        assert observance["RRULE"] == {"FREQ": ["YEARLY"], "BYMONTH": [month], "BYDAY": ["-1SU"]}
        assert "RDATE" not in observance
    assert standard["TZOFFSETFROM"].td == timedelta(hours=3)
    assert standard["TZOFFSETTO"].td == timedelta(hours=2)
    assert daylight["TZOFFSETFROM"].td == timedelta(hours=2)
    assert daylight["TZOFFSETTO"].td == timedelta(hours=3)
    # The onset is given on the clock before the change: 03:00 EET and 04:00 EEST (01:00Z).
    assert daylight["DTSTART"].dt.time().hour == 3
    assert standard["DTSTART"].dt.time().hour == 4


def test_vtimezone_rules_agree_with_the_tz_database_from_2000_to_2060():
    # The VTIMEZONE read as a time zone of its own, not looked up by name.
    [timezone] = parse(build_calendar(FEED, [training()])).timezones
    described = timezone.to_tz(lookup_tzid=False)
    moments = []
    for year in range(2000, 2061):
        moments += [datetime(year, month, 15, 12, tzinfo=UTC) for month in range(1, 13)]
        for month in (3, 10):
            last_sunday = max(
                date(year, month, day)
                for day in range(25, 32)
                if date(year, month, day).weekday() == 6
            )
            change = datetime.combine(last_sunday, datetime.min.time(), UTC) + timedelta(hours=1)
            moments += [change + timedelta(seconds=delta) for delta in (-3600, -1, 0, 1, 1800)]

    mismatches = [
        moment
        for moment in moments
        if moment.astimezone(described).utcoffset() != moment.astimezone(HELSINKI).utcoffset()
    ]
    assert mismatches == []


def test_vtimezone_is_built_once_per_zone():
    assert vtimezone("Europe/Helsinki") is vtimezone("Europe/Helsinki")


def test_zone_without_dst_gets_a_single_standard_observance():
    block = vtimezone("Asia/Tokyo").decode()

    assert block.count("BEGIN:STANDARD") == 1
    assert "BEGIN:DAYLIGHT" not in block
    assert "TZOFFSETTO:+0900" in block


# --- all-day and recurring ---------------------------------------------------------------------


def test_all_day_and_multi_day_events_use_dates_with_exclusive_end():
    one_day = training(uid="day", start=date(2027, 5, 1), end=date(2027, 5, 2))
    camp = training(uid="camp", start=date(2027, 6, 10), end=date(2027, 6, 13))
    ics = build_calendar(FEED, [one_day, camp])

    text = unfolded(ics)
    assert "DTSTART;VALUE=DATE:20270610" in text
    assert "DTEND;VALUE=DATE:20270613" in text
    assert [(item[0], item[2], item[3]) for item in occurrences(ics)] == [
        ("day", date(2027, 5, 1), date(2027, 5, 2)),
        ("camp", date(2027, 6, 10), date(2027, 6, 13)),
    ]


def test_all_day_series_with_until_keeps_until_a_date():
    series = training(
        start=date(2027, 5, 3),
        end=date(2027, 5, 4),
        rrules=("FREQ=WEEKLY;UNTIL=20270524T235959Z",),
        exdates=(date(2027, 5, 10),),
    )
    ics = build_calendar(FEED, [series])

    assert "RRULE:FREQ=WEEKLY;UNTIL=20270525" in unfolded(ics)
    assert starts(ics) == [date(2027, 5, 3), date(2027, 5, 17), date(2027, 5, 24)]


def test_series_with_exclusions_and_extra_dates_expands_to_the_right_sessions():
    series = training(
        start=helsinki(2027, 1, 12, 18),
        end=helsinki(2027, 1, 12, 20),
        rrules=("FREQ=WEEKLY;BYDAY=TU;COUNT=6",),
        exdates=(helsinki(2027, 1, 26, 18), helsinki(2027, 2, 9, 18)),
        rdates=(helsinki(2027, 2, 20, 10),),
    )
    ics = build_calendar(FEED, [series])

    expected = [
        helsinki(2027, 1, 12, 18),
        helsinki(2027, 1, 19, 18),
        helsinki(2027, 2, 2, 18),
        helsinki(2027, 2, 16, 18),
        helsinki(2027, 2, 20, 10),
    ]
    assert starts(ics) == [moment.astimezone(UTC) for moment in expected]
    [vevent] = parse(ics).walk("VEVENT")
    # In the series' zone, as its wall-clock time.
    assert vevent["EXDATE"].params["TZID"] == "Europe/Helsinki"
    assert exdates_of(vevent) == [helsinki(2027, 1, 26, 18), helsinki(2027, 2, 9, 18)]


def test_moved_and_cancelled_sessions_replace_their_occurrences():
    moved = training(
        uid="ignored",
        summary="Hallituskoulutus (siirretty)",
        start=helsinki(2027, 1, 21, 17),
        end=helsinki(2027, 1, 21, 19),
        recurrence_id=helsinki(2027, 1, 19, 18),
        sequence=2,
    )
    cancelled = training(
        uid="ignored",
        status="CANCELLED",
        start=helsinki(2027, 1, 26, 18),
        end=helsinki(2027, 1, 26, 20),
        recurrence_id=helsinki(2027, 1, 26, 18),
        sequence=2,
    )
    series = training(
        start=helsinki(2027, 1, 12, 18),
        end=helsinki(2027, 1, 12, 20),
        rrules=("FREQ=WEEKLY;COUNT=4",),
        overrides=(moved, cancelled),
        sequence=2,
    )
    ics = build_calendar(FEED, [series])

    assert [(item[1], item[2], item[4]) for item in occurrences(ics)] == [
        ("Hallituskoulutus", helsinki(2027, 1, 12, 18).astimezone(UTC), "CONFIRMED"),
        ("Hallituskoulutus (siirretty)", helsinki(2027, 1, 21, 17).astimezone(UTC), "CONFIRMED"),
        ("Hallituskoulutus", helsinki(2027, 1, 26, 18).astimezone(UTC), "CANCELLED"),
        ("Hallituskoulutus", helsinki(2027, 2, 2, 18).astimezone(UTC), "CONFIRMED"),
    ]
    overrides = [c for c in parse(ics).walk("VEVENT") if "RECURRENCE-ID" in c]
    assert {str(component["UID"]) for component in overrides} == {series.uid}


def test_cancelled_event_is_kept_with_its_status():
    ics = build_calendar(FEED, [training(status="CANCELLED", sequence=3)])

    [event] = parse(ics).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["SEQUENCE"] == 3


# --- splitting series with many exclusions -----------------------------------------------------


def _many_exclusions(start, rule, count, keep, all_day=False):
    """A series, its expected starts, with every occurrence where keep(index) is False excluded."""
    zone = "Europe/Helsinki"
    everything = expand_occurrences(
        start,
        RecurrenceSet((rule,), (), ()),
        until=start + timedelta(days=count * 62),
        tzid=zone,
    )[:count]
    excluded = tuple(moment for index, moment in enumerate(everything) if not keep(index))
    expected = [moment for index, moment in enumerate(everything) if keep(index)]
    end = start + (timedelta(days=1) if all_day else timedelta(hours=2))
    return training(start=start, end=end, rrules=(rule,), exdates=excluded), expected


SPLIT_CASES = {
    "weekly-bounded": (helsinki(2027, 1, 4, 18), "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=400", 400),
    "weekly-implicit-day-endless": (helsinki(2027, 1, 5, 17, 30), "FREQ=WEEKLY", 300),
    "monthly-31st-endless": (helsinki(2027, 1, 31, 9), "FREQ=MONTHLY", 300),
    "monthly-30th-until": (helsinki(2027, 1, 30, 9), "FREQ=MONTHLY;UNTIL=20600101T000000Z", 300),
    "yearly-by-month": (helsinki(2027, 1, 15, 9), "FREQ=YEARLY;BYMONTH=1,3,5,7,9,11", 300),
    "daily-every-other": (helsinki(2027, 1, 1, 12), "FREQ=DAILY;INTERVAL=2;COUNT=500", 500),
    "all-day-daily": (date(2027, 1, 1), "FREQ=DAILY;UNTIL=20271231", 365),
}


@pytest.mark.parametrize("case", SPLIT_CASES)
def test_series_with_more_than_90_exdates_is_split_for_google_without_changing_sessions(case):
    """Google Calendar drops a series with more than about 90 EXDATEs: it is written in parts
    of at most 90, part n as `{uid}-p{n}`, that expand to exactly the same sessions."""
    start, rule, count = SPLIT_CASES[case]
    all_day = not isinstance(start, datetime)
    # Irregular gaps: four sessions in ten off, alone or in runs.
    series, expected = _many_exclusions(start, rule, count, lambda i: i * 7 % 10 >= 4, all_day)
    assert len(series.exdates) > MAX_EXDATES_PER_SERIES
    ics = build_calendar(FEED, [series])

    vevents = parse(ics).walk("VEVENT")
    assert len(vevents) > 1
    for vevent in vevents:
        assert len(exdates_of(vevent)) <= MAX_EXDATES_PER_SERIES
    uids = [str(vevent["UID"]) for vevent in vevents]
    assert uids[0] == series.uid
    assert uids[1:] == [f"{series.uid}-p{number}" for number in range(1, len(uids))]
    window = {"start": date(2026, 12, 1), "end": expected[-1] + timedelta(days=1)}
    if not all_day:
        expected = [moment.astimezone(UTC) for moment in expected]
    assert starts(ics, **window) == expected


def test_split_series_keeps_each_override_with_the_part_that_holds_it():
    series, expected = _many_exclusions(
        helsinki(2027, 1, 4, 18), "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=400", 400, lambda i: i % 3 != 1
    )
    late = expected[-5]  # in the last part
    moved = training(
        summary="Siirretty",
        start=late + timedelta(hours=1),
        end=late + timedelta(hours=3),
        recurrence_id=late,
    )
    ics = build_calendar(FEED, [replace(series, overrides=(moved,))])

    vevents = parse(ics).walk("VEVENT")
    [override] = [vevent for vevent in vevents if "RECURRENCE-ID" in vevent]
    parts = [vevent for vevent in vevents if "RECURRENCE-ID" not in vevent]
    assert len(parts) >= 2
    assert str(override["UID"]) == str(parts[-1]["UID"])
    # Filed under another part's UID, the original session would show up next to the moved one.
    wanted = [*expected[:-5], late + timedelta(hours=1), *expected[-4:]]
    assert starts(ics, start=date(2026, 12, 1), end=date(2031, 1, 1)) == [
        moment.astimezone(UTC) for moment in wanted
    ]


@pytest.mark.parametrize("seed", range(12))
def test_split_matches_the_unsplit_series_for_irregular_exclusions(seed):
    # Runs of exclusions at the start, the end and in between, and extra dates: the parts
    # together must expand exactly like the series written unsplit.
    chance = random.Random(seed)
    rule = chance.choice(
        ["FREQ=DAILY;COUNT=400", "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=420", "FREQ=DAILY;INTERVAL=3"]
    )
    start = helsinki(2027, 1, 4, 17, 15)
    everything = expand_occurrences(
        start, RecurrenceSet((rule,), (), ()), until=helsinki(2030, 12, 31, 0)
    )
    excluded, off = [], chance.random() < 0.5  # sometimes DTSTART itself is excluded
    for moment in everything[:400]:
        if chance.random() < 0.15:
            off = not off
        if off:
            excluded.append(moment)
    # Not 2 or 3 hours off a session: recurring_ical_events 3.8 mixes up local and UTC times
    # then and drops an RDATE that is exactly one UTC offset after an EXDATE.
    extra = tuple(start + timedelta(days=chance.randrange(0, 900), hours=4) for _ in range(8))
    series = training(
        start=start,
        end=start + timedelta(minutes=90),
        rrules=(rule,),
        exdates=tuple(excluded) + (helsinki(2027, 1, 5, 9),),  # one that matches nothing
        rdates=extra,
    )
    unsplit = build_calendar(FEED, [serialize_event(series, max_exdates=None)])
    split = build_calendar(FEED, [serialize_event(series)])

    for vevent in parse(split).walk("VEVENT"):
        assert len(exdates_of(vevent)) <= MAX_EXDATES_PER_SERIES
    window = {"start": date(2026, 12, 1), "end": date(2031, 1, 1)}
    expected = sorted({m.astimezone(UTC) for m in (*everything, *extra) if m not in excluded})
    assert starts(unsplit, **window) == expected
    assert starts(split, **window) == expected


def test_series_that_cannot_be_split_is_written_whole_and_logged(caplog):
    exdates = tuple(helsinki(2027, 2, 9, 18) + timedelta(days=day) for day in range(100))
    series = training(rrules=("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=SU"), exdates=exdates)
    with caplog.at_level(logging.WARNING, logger="calendars"):
        ics = build_calendar(FEED, [series])

    [vevent] = parse(ics).walk("VEVENT")
    assert len(exdates_of(vevent)) == 100
    assert "cannot be split" in caplog.text


def test_series_with_many_exdates_that_match_nothing_is_not_split():
    stray = tuple(helsinki(2027, 1, 1, 9) + timedelta(days=day) for day in range(120))
    series = training(rrules=("FREQ=MONTHLY;COUNT=3",), exdates=stray)
    ics = build_calendar(FEED, [series])

    [vevent] = parse(ics).walk("VEVENT")
    assert "EXDATE" not in vevent
    assert len(starts(ics)) == 3


# --- text --------------------------------------------------------------------------------------


def test_line_breaks_in_a_title_cannot_inject_properties():
    attack = "Kokous\r\nDTSTART:19700101T000000Z\r\nX-INJECTED:1\nEND:VEVENT\u2028URL:x"
    ics = build_calendar(
        FEED,
        [training(summary=attack, location="Sali\rEND:VCALENDAR", organizer_name='A"\r\nX:1')],
    )

    assert not any(line.startswith((b"X-INJECTED", b"X:1")) for line in lines(ics))
    assert sum(line == b"END:VEVENT" for line in lines(ics)) == 1
    [event] = parse(ics).walk("VEVENT")
    assert str(event["SUMMARY"]) == (
        "Kokous\nDTSTART:19700101T000000Z\nX-INJECTED:1\nEND:VEVENT\nURL:x"
    )
    assert event["DTSTART"].dt == training().start
    assert str(event["LOCATION"]) == "Sali\nEND:VCALENDAR"


def test_text_escaping_round_trips():
    text = "Kurssi; osa 1, osa 2 \\ loppu\nUusi rivi"
    ics = build_calendar(FEED, [training(summary=text, categories=("Talous, hallinto", "Kurssi"))])

    assert "SUMMARY;LANGUAGE=fi:Kurssi\\; osa 1\\, osa 2 \\\\ loppu\\nUusi rivi" in unfolded(ics)
    [event] = parse(ics).walk("VEVENT")
    assert str(event["SUMMARY"]) == text
    assert "CATEGORIES;LANGUAGE=fi:Talous\\, hallinto,Kurssi" in unfolded(ics)


def test_long_finnish_text_is_folded_at_75_octets_without_breaking_characters():
    description = (
        "Yhdistyksen hallituksen jäsenille tarkoitettu ilta: käydään läpi "
        "yhdistyslain velvoitteet, pöytäkirjat, tilinpäätös ja hyvä hallintotapa. "
        "Ääkköset öisin äänekkäästi, 🎉 juhlat ja “lainausmerkit” mukaan. " * 6
    )
    ics = build_calendar(FEED, [training(description=description, location="Hämeenlinna " * 9)])

    for line in lines(ics):
        assert len(line) <= 75
        line.decode("utf-8")  # every physical line is valid UTF-8 on its own
    [event] = parse(ics).walk("VEVENT")
    assert str(event["DESCRIPTION"]) == description.strip()


def test_texts_carry_their_language():
    ics = build_calendar(
        FEED,
        [
            training(uid="fi", location="Sali", description="Tervetuloa"),
            training(uid="sv", language="sv", summary="Styrelseutbildning", location="Salen"),
        ],
    )

    text = unfolded(ics)
    assert "SUMMARY;LANGUAGE=fi:Hallituskoulutus" in text
    assert "DESCRIPTION;LANGUAGE=fi:Tervetuloa" in text
    assert "LOCATION;LANGUAGE=fi:Sali" in text
    assert "SUMMARY;LANGUAGE=sv:Styrelseutbildning" in text
    assert "LOCATION;LANGUAGE=sv:Salen" in text


def test_link_is_added_to_the_description_for_clients_that_do_not_show_url():
    """Google Calendar and Outlook do not show URL; the link in the description is clickable."""
    url = "https://meidanhame.fi/fi/koulutukset/hallitus/"
    ics = build_calendar(FEED, [training(url=url, description="Tule mukaan.")])

    [event] = parse(ics).walk("VEVENT")
    assert str(event["URL"]) == url
    assert str(event["DESCRIPTION"]) == f"Tule mukaan.\n\n{url}"


def test_organizer_has_a_name_and_no_personal_address():
    ics = build_calendar(FEED, [training(organizer_name="Hämeen Partio, Forssa")])

    assert 'ORGANIZER;CN="Hämeen Partio, Forssa":mailto:noreply@meidanhame.fi' in unfolded(ics)
    assert "ORGANIZER" not in build_calendar(FEED, [training()]).decode()


def test_reminders_are_display_alarms_before_the_start():
    ics = build_calendar(FEED, [training(alarms=(timedelta(days=7), timedelta(days=1)))])

    [event] = parse(ics).walk("VEVENT")
    alarms = event.walk("VALARM")
    assert [alarm["TRIGGER"].dt for alarm in alarms] == [timedelta(days=-7), timedelta(days=-1)]
    assert {str(alarm["ACTION"]) for alarm in alarms} == {"DISPLAY"}


def test_event_of_no_length_has_no_end():
    ics = build_calendar(FEED, [training(end=training().start)])

    assert not any(line.startswith("DTEND") for line in unfolded(ics))


# --- calendar ----------------------------------------------------------------------------------


def test_feed_has_its_name_refresh_interval_and_source():
    text = unfolded(build_calendar(FEED, [training()]))

    for line in [
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME;LANGUAGE=fi:Meidän Häme: koulutukset",
        "X-WR-CALNAME:Meidän Häme: koulutukset",
        "DESCRIPTION;LANGUAGE=fi:Kanta-Hämeen yhdistysten koulutukset",
        "X-WR-CALDESC:Kanta-Hämeen yhdistysten koulutukset",
        "X-WR-TIMEZONE:Europe/Helsinki",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        "URL:https://meidanhame.fi/fi/koulutukset/",
        "SOURCE;VALUE=URI:https://meidanhame.fi/fi/koulutukset.ics",
    ]:
        assert line in text
    assert text[0] == "BEGIN:VCALENDAR" and text[-1] == "END:VCALENDAR"


def test_single_event_file_does_not_create_a_calendar():
    ics = build_calendar(CalendarMeta(name=None), [training()])

    names = {line.split(":")[0].split(";")[0] for line in unfolded(ics)}
    assert not names & {"NAME", "X-WR-CALNAME", "X-WR-CALDESC", "REFRESH-INTERVAL", "SOURCE"}
    assert "METHOD:PUBLISH" in unfolded(ics)
    assert len(parse(ics).walk("VEVENT")) == 1


def test_every_line_ends_in_crlf():
    ics = build_calendar(FEED, [training(description="a\nb\r\nc")])

    assert b"\n" not in ics.replace(b"\r\n", b"")
    assert b"\r" not in ics.replace(b"\r\n", b"")


def test_same_input_gives_identical_bytes_and_blocks_join_to_the_same_feed():
    events = [
        training(),
        training(uid="2", start=date(2027, 5, 1), end=date(2027, 5, 3)),
        training(uid="3", rrules=("FREQ=WEEKLY;COUNT=3",), alarms=(timedelta(days=1),)),
    ]
    first = build_calendar(FEED, events)

    assert build_calendar(FEED, list(events)) == first
    blocks = [serialize_event(event, FEED.language) for event in events]
    assert build_calendar(FEED, blocks) == first
    assert calendar_header(FEED) + b"".join(blocks) + CALENDAR_END == first
    # DTSTAMP is the event's, never the time of writing; no VTIMEZONE but ours is added.
    calendar = parse(first)
    assert {vevent["DTSTAMP"].dt for vevent in calendar.walk("VEVENT")} == {STAMP}
    assert len(calendar.timezones) == 1


def test_series_with_exdates_is_written_with_until_because_calcurse_counts_remaining_dates():
    """RFC 5545 removes EXDATEs from the COUNT occurrences, calcurse counts only the dates that
    remain (one more date per EXDATE), so a series with EXDATEs gets UNTIL = its last start."""
    series = training(rrules=("FREQ=WEEKLY;COUNT=4",), exdates=(helsinki(2027, 2, 16, 18),))
    ics = build_calendar(FEED, [series])
    [vevent] = parse(ics).walk("VEVENT")

    expected = [helsinki(2027, 2, 9, 18), helsinki(2027, 2, 23, 18), helsinki(2027, 3, 2, 18)]
    assert "COUNT" not in vevent["RRULE"]
    assert vevent["RRULE"]["UNTIL"] == [expected[-1].astimezone(UTC)]
    assert starts(ics) == [moment.astimezone(UTC) for moment in expected]
    assert calcurse_starts(vevent) == expected


def calcurse_starts(vevent) -> list:
    """The starts of a bounded series as calcurse reads it: COUNT counts the dates left after
    the EXDATEs (with COUNT=4 and one EXDATE, four sessions instead of three)."""
    rule = vevent["RRULE"].to_ical().decode()
    count = vevent["RRULE"].get("COUNT", [None])[0]
    rule = ";".join(part for part in rule.split(";") if not part.startswith("COUNT="))
    kept = (
        moment
        for moment in dateutil_rrule.rrulestr(rule, dtstart=vevent["DTSTART"].dt)
        if moment not in exdates_of(vevent)
    )
    return list(itertools.islice(kept, count))


def test_malformed_event_is_skipped_and_logged_without_breaking_the_feed(caplog):
    backwards = training(uid="backwards", end=training().start - timedelta(hours=1))
    naive = training(uid="naive", start=datetime(2027, 2, 9, 18), end=datetime(2027, 2, 9, 20))
    bad_rule = training(uid="bad-rule", rrules=("FREQ=SOMETIMES",))
    mixed = training(uid="mixed", start=date(2027, 2, 9))
    with caplog.at_level(logging.WARNING, logger="calendars"):
        ics = build_calendar(FEED, [backwards, naive, training(uid="good"), bad_rule, mixed])

    assert [str(event["UID"]) for event in parse(ics).walk("VEVENT")] == ["good"]
    logged = caplog.text
    for uid in ("backwards", "naive", "bad-rule", "mixed"):
        assert uid in logged


# --- django-recurrence -------------------------------------------------------------------------


def test_recurrence_until_is_written_in_utc_for_a_timed_series():
    recurrence = Recurrence(rrules=[Rule(WEEKLY, until=datetime(2027, 6, 30, 21, 0, tzinfo=UTC))])
    result = recurrence_to_ical(recurrence, helsinki(2027, 1, 5, 18))

    # Local midnight of 1 July from the widget: "up to and including 1 July", in UTC.
    assert result.rrules == ("FREQ=WEEKLY;UNTIL=20270701T205959Z",)
    ics = build_calendar(FEED, [training(start=helsinki(2027, 1, 5, 18), rrules=result.rrules)])
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270701T205959Z" in unfolded(ics)


def test_local_until_in_a_hand_written_rule_becomes_utc():
    """RFC 5545 requires UNTIL in UTC when DTSTART has a TZID; Google misreads a local one."""
    ics = build_calendar(FEED, [training(rrules=("FREQ=DAILY;UNTIL=20270212T180000",))])

    assert "RRULE:FREQ=DAILY;UNTIL=20270212T160000Z" in unfolded(ics)
    assert len(starts(ics)) == 4


def test_recurrence_widget_dates_exclude_the_session_of_that_day():
    start = helsinki(2027, 1, 5, 18)
    recurrence = Recurrence(
        rrules=[Rule(WEEKLY, count=5, byday=[Weekday(1)])],
        # What the widget stores for "19.1." and "2.2.": local midnight, in UTC.
        exdates=[datetime(2027, 1, 18, 22, tzinfo=UTC), datetime(2027, 2, 1, 22, tzinfo=UTC)],
        rdates=[datetime(2027, 1, 22, 22, tzinfo=UTC)],
    )
    result = recurrence_to_ical(recurrence, start)

    assert result.rrules == ("FREQ=WEEKLY;COUNT=5;BYDAY=TU",)
    assert result.exdates == (helsinki(2027, 1, 19, 18), helsinki(2027, 2, 2, 18))
    assert result.rdates == (helsinki(2027, 1, 23, 18),)
    series = training(start=start, end=start + timedelta(hours=2), **result._asdict())
    expected = [helsinki(2027, 1, day, 18) for day in (5, 12, 23, 26)]
    assert starts(build_calendar(FEED, [series])) == [moment.astimezone(UTC) for moment in expected]
    assert expand_occurrences(start, result, until=helsinki(2027, 3, 1, 0)) == expected


def test_recurrence_exrule_becomes_exdates_and_nth_weekdays_survive():
    start = helsinki(2027, 1, 11, 18)
    recurrence = Recurrence(
        rrules=[Rule(MONTHLY, count=6, byday=[Weekday(0, 2)])],
        exrules=[Rule(YEARLY, bymonth=[3], byday=[Weekday(0, 2)])],
    )
    result = recurrence_to_ical(recurrence, start)

    assert result.rrules == ("FREQ=MONTHLY;COUNT=6;BYDAY=2MO",)
    assert result.exdates == (helsinki(2027, 3, 8, 18),)


def test_all_day_recurrence_gets_a_date_until():
    recurrence = Recurrence(rrules=[Rule(DAILY, until=datetime(2027, 5, 9, 21, tzinfo=UTC))])
    result = recurrence_to_ical(recurrence, date(2027, 5, 1))

    assert result.rrules == ("FREQ=DAILY;UNTIL=20270510",)
