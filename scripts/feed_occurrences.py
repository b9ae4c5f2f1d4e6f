"""Print the occurrences every calendar feed of the current database gives, one line each.

`feed_checksums.py` says whether a feed's bytes changed; this says whether what a subscriber
sees changed. Every feed URL (the same list) is read back with icalendar and expanded by
recurring-ical-events over a fixed window, and each occurrence printed as

    URL<TAB>UID<TAB>start<TAB>end<TAB>STATUS<TAB>SUMMARY

(timed values as UTC instants, all-day values as dates, `end` exclusive), sorted, followed by
`URL<TAB>count N`. Two runs on the same data with different code, or on two databases, are
compared with `diff`: no output means subscribers see the same occurrences.

    .venv/bin/python scripts/feed_occurrences.py --today 2026-12-07 > before.txt
    ... change the code, `manage.py migrate` on a copy of the database ...
    .venv/bin/python scripts/feed_occurrences.py --today 2026-12-07 > after.txt
    diff before.txt after.txt

Feeds choose what they hold by the clock (the catalogue's window, funding's 90 days of
history, the deadlines ahead); `--today` sets the clock to noon of that day in Helsinki for
the whole run, so runs on different days agree. The window is printed in the first line.
"""

import argparse
import datetime
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

import icalendar  # noqa: E402
import recurring_ical_events  # noqa: E402
import time_machine  # noqa: E402
from feed_checksums import feed_paths  # noqa: E402  (sets Django up)

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

ZONE = ZoneInfo(settings.TIME_ZONE)
# Wider than any feed's own window (the catalogue's 30 days back and 18 months ahead, funding's
# year back and two ahead, lending's 400 days), so an occurrence that moves out shows.
BACK = datetime.timedelta(days=400)
AHEAD = datetime.timedelta(days=3 * 366)


def occurrence_lines(path, body, start, end):
    """The sorted lines of the occurrences of one feed between `start` and `end`."""
    calendar = icalendar.Calendar.from_ical(body)
    lines = []
    for event in recurring_ical_events.of(calendar).between(start, end):
        begin = event["DTSTART"].dt
        fields = [
            path,
            str(event.get("UID", "")),
            _iso(begin),
            _iso(_end(event, begin)),
            str(event.get("STATUS", "")),
            str(event.get("SUMMARY", "")),
        ]
        lines.append("\t".join(field.replace("\n", "\\n").replace("\t", " ") for field in fields))
    return sorted(lines)


def _end(event, begin):
    """DTEND, or what RFC 5545 §3.6.1 says an event without one lasts."""
    if "DTEND" in event:
        return event["DTEND"].dt
    if "DURATION" in event:
        return begin + event["DURATION"].dt
    if isinstance(begin, datetime.datetime):
        return begin
    return begin + datetime.timedelta(days=1)


def _iso(value):
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    return value.isoformat()


def print_occurrences(today):
    start = datetime.datetime.combine(today - BACK, datetime.time(), tzinfo=ZONE)
    end = datetime.datetime.combine(today + AHEAD, datetime.time(), tzinfo=ZONE)
    print(f"# today {today}; occurrences from {start.isoformat()} to {end.isoformat()}")
    client = Client(HTTP_HOST=settings.BASE_URL.split("://", 1)[1])
    for path in feed_paths():
        if not path.split("?", 1)[0].endswith(".ics"):
            continue
        for cache in caches.all():
            cache.clear()
        response = client.get(path)
        if response.status_code != 200:
            print(f"{path}\tstatus {response.status_code}")
            continue
        body = b"".join(response) if response.streaming else response.content
        lines = occurrence_lines(path, body, start, end)
        for line in lines:
            print(line)
        print(f"{path}\tcount {len(lines)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        help="run as if it were noon of this day (YYYY-MM-DD) in Helsinki; default: today",
    )
    arguments = parser.parse_args()
    if arguments.today is None:
        print_occurrences(timezone.localdate())
        return
    noon = datetime.datetime.combine(arguments.today, datetime.time(12), tzinfo=ZONE)
    with time_machine.travel(noon, tick=False):
        print_occurrences(arguments.today)


if __name__ == "__main__":
    main()
