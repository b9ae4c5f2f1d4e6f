"""The events held in the yearly report, from the record of what happened (`EventRecord`, kept
after a training is unpublished or deleted): events by kind, theme, sub-region, municipality
and organiser; sessions and hours; registrations; and the shares of events open to other
associations, online, hybrid and co-organised. An event (a training) counts once in a year
however many sessions it had; cancelled occurrences are not held."""

from collections import Counter

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import reports
from core.regions import PLACE_CHOICES, SubRegion

from .models import EventRecord, Kind, Theme

ORGANISER_ROWS = 15  # the most active organisers by name; the rest as one row


def _events(year):
    """{training key: its facts} of the events held in `year` (one row per training)."""
    events = {}
    for record in (
        EventRecord.objects.held()
        .in_year(year)
        .order_by("start")
        .values(
            "training_key",
            "kind",
            "format",
            "themes",
            "municipality",
            "sub_region",
            "organiser_id",
            "organiser_name",
            "co_organised",
            "open_to_others",
            "registrations",
            "attended",
            "hours",
        )
    ):
        event = events.setdefault(record["training_key"], {**record, "sessions": 0, "hours": 0})
        event["sessions"] += 1
        event["hours"] += float(record["hours"] or 0)
        event["registrations"] = max(event["registrations"], record["registrations"])
        if record["attended"] is not None:
            event["attended"] = max(event["attended"] or 0, record["attended"])
    return events


def _count(events, field):
    return Counter(event[field] for event in events.values())


def _theme_names():
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    names = {}
    for slug, name, code in Theme.objects.values_list("slug", "name", "locale__language_code"):
        if code == language or slug not in names:
            names[slug] = name
    return names


def _organiser_rows(per_year):
    """The `ORGANISER_ROWS` organisers with the most events over the years, by name, and the
    others as one row."""
    overall = Counter()
    for counts in per_year:
        overall.update(counts)
    top = [name for name, _number in overall.most_common(ORGANISER_ROWS) if name]
    rows = [reports.Row(name, [counts.get(name, 0) for counts in per_year]) for name in top]
    rest = [sum(n for name, n in counts.items() if name not in top) for counts in per_year]
    if any(rest):
        rows.append(reports.Row(_("Other organisers"), rest))
    return rows


@reports.register
class EventsSection(reports.Section):
    key, order = "events", 10

    def title(self):
        return _("Events held")

    def tables(self, years):
        per_year = [_events(year) for year in years]
        events = [len(held) for held in per_year]
        themes = []
        for held in per_year:
            counts = Counter()
            for event in held.values():
                counts.update(set(event["themes"]))
            themes.append(counts)
        shares = [
            ("open_to_others", _("Open to other associations")),
            ("online", _("Online")),
            ("hybrid", _("Hybrid")),
            ("co_organised", _("Co-organised")),
        ]

        def number_of(held, key):
            if key in ("online", "hybrid"):
                return sum(1 for event in held.values() if event["format"] == key)
            return sum(1 for event in held.values() if event[key])

        return [
            reports.Table(
                _("By kind"),
                _("Kind"),
                reports.rows_from_counts(Kind.choices, [_count(h, "kind") for h in per_year]),
                unit=_("events"),
            ),
            reports.Table(
                _("By theme"),
                _("Theme"),
                reports.rows_from_counts(list(_theme_names().items()), themes),
                unit=_("events"),
                total=False,
                note=_("An event of several themes counts under each of them."),
            ),
            reports.Table(
                _("By sub-region"),
                _("Sub-region"),
                reports.rows_from_counts(
                    [*SubRegion.choices, ("", _("Online, no place"))],
                    [_count(h, "sub_region") for h in per_year],
                    keep_empty=True,
                ),
                unit=_("events"),
            ),
            reports.Table(
                _("By municipality"),
                _("Municipality"),
                reports.rows_from_counts(
                    PLACE_CHOICES, [_count(h, "municipality") for h in per_year]
                ),
                unit=_("events"),
            ),
            reports.Table(
                _("By organiser"),
                _("Organiser"),
                _organiser_rows([_count(h, "organiser_name") for h in per_year]),
                unit=_("events"),
            ),
            reports.Table(
                _("Sessions, hours and registrations"),
                _("Figure"),
                [
                    reports.Row(_("Events"), events),
                    reports.Row(
                        _("Sessions"), [sum(e["sessions"] for e in h.values()) for h in per_year]
                    ),
                    reports.Row(
                        _("Hours"),
                        [round(sum(e["hours"] for e in h.values()), 1) for h in per_year],
                    ),
                    reports.Row(
                        _("Registrations"),
                        [sum(e["registrations"] for e in h.values()) for h in per_year],
                    ),
                    reports.Row(
                        _("Events whose attendance was recorded"),
                        [sum(1 for e in h.values() if e["attended"] is not None) for h in per_year],
                    ),
                    reports.Row(
                        _("Came, in those events"),
                        [sum(e["attended"] or 0 for e in h.values()) for h in per_year],
                    ),
                ],
                total=False,
                note=_(
                    "Registrations are those confirmed on the site; events with registration "
                    "elsewhere have none here. Attendance is counted where the organiser "
                    "marked who came."
                ),
            ),
            reports.Table(
                _("Open, remote and co-organised events"),
                _("Events"),
                [
                    reports.Row(label, [number_of(h, key) for h in per_year])
                    for key, label in shares
                ],
                unit=_("events"),
                total=False,
            ),
            reports.Table(
                _("Their share of all events"),
                _("Events"),
                [
                    reports.Row(
                        label,
                        [reports.share(number_of(h, key), len(h)) for h in per_year],
                    )
                    for key, label in shares
                ],
                total=False,
                percent=True,
            ),
        ]
