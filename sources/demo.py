"""Demo sources: a choir's Google calendar (iCal) and the Kanta-Häme list of a Linked Events
service, each synced once from a document written here with dates from today, so that the
catalogue shows imported trainings ("Source: …"), their run history and report, a cancelled
date and a moved one, the three language versions of a Linked Events event, and a field kept
from a local edit. The sources do not sync on schedule: their addresses are examples."""

import datetime
import json

from django.utils import timezone

from associations.models import AssociationPage
from catalogue.models import Theme
from core.demo_support import finnish

from . import sync
from .models import ImportedEvent, KeywordTheme, Source

CHOIR_URL = (
    "https://calendar.google.com/calendar/ical/hameenlinnan.laulu%40example.fi/public/basic.ics"
)
LINKED_EVENTS_URL = (
    "https://tapahtumat.kanta-hame.example/linkedevents/v1/event/?division=kanta-hame"
)
ZONE = "Europe/Helsinki"

# YSO concepts of Linked Events and the themes they give.
KEYWORDS = [
    ("yso:p2433", "ikääntyneet", "hyvinvointi"),
    ("yso:p4354", "lapset (ikäryhmät)", "hyvinvointi"),
    ("yso:p11617", "nuoret (ikäryhmät)", "hyvinvointi"),
    ("yso:p1808", "musiikki", "hyvinvointi"),
    ("yso:p360", "kulttuuritapahtumat", "viestinta"),
    ("yso:p8270", "vapaaehtoistyö", "vapaaehtoiset"),
    ("yso:p1327", "rahoitus", "rahoitus"),
]


def seed(out, scale=1):
    if Source.objects.exists():
        out.write("Sources: already there.")
        return
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=finnish())}
    for keyword, label, theme in KEYWORDS:
        if theme in themes:
            KeywordTheme.objects.get_or_create(
                keyword=keyword, defaults={"label": label, "theme": themes[theme]}
            )
    today = timezone.localdate()
    choir = _source(
        "Hämeenlinnan Laulu ry:n kalenteri",
        "ical",
        CHOIR_URL,
        "hameenlinnan-seutuverkosto",
        municipality="hameenlinna",
        themes=[themes.get("hyvinvointi")],
    )
    linked = _source(
        "Kanta-Hämeen tapahtumat (Linked Events)",
        "linkedevents",
        LINKED_EVENTS_URL,
        "jarjestoneuvottelukunta",
        themes=[themes.get("vapaaehtoiset")],
    )
    runs = [
        sync.sync_source(choir, documents=[choir_calendar(today)]),
        sync.sync_source(linked, documents=linked_events_pages(today)),
    ]
    # An editor improved one imported description: later syncs keep it (a locked field).
    event = ImportedEvent.objects.filter(source=choir, origin_id__startswith="konsertti").first()
    if event is not None and event.training is not None:
        page = event.training.get_latest_revision_as_object()
        page.summary = (
            "Hämeenlinnan Laulun joulukonsertti Verkatehtaalla: perinteisiä joululauluja ja "
            "uusia sovituksia. Vapaa pääsy, ohjelma 10 €."
        )
        page.save_revision(log_action=True).publish()
    created = sum(run.created for run in runs)
    out.write(f"Sources: 2 demo sources, {created} imported trainings.")


def _source(name, kind, url, organiser_slug, municipality="", themes=()):
    organiser = AssociationPage.objects.filter(slug=organiser_slug, locale=finnish()).first()
    if organiser is None:
        organiser = AssociationPage.objects.filter(locale=finnish()).first()
    source = Source.objects.create(
        name=name,
        kind=kind,
        url=url,
        organiser=organiser,
        municipality=municipality,
        languages=["fi"],
        policy="trusted",
        active=False,
    )
    source.themes.set([theme for theme in themes if theme is not None])
    return source


def _day(today, days):
    return today + datetime.timedelta(days=days)


def choir_calendar(today):
    """A Google Calendar export: weekly rehearsals (one cancelled, one moved), a concert, a
    sale that lasts all day."""
    first = _day(today, (1 - today.weekday()) % 7 + 7)  # a Tuesday in a week or two
    cancelled = _day(first, 14)
    moved = _day(first, 28)
    concert = _day(today, 12)
    sale = _day(today, 19)
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Hämeenlinnan Laulu ry",
        f"X-WR-TIMEZONE:{ZONE}",
        "BEGIN:VEVENT",
        f"DTSTART;TZID={ZONE}:{first:%Y%m%d}T180000",
        f"DTEND;TZID={ZONE}:{first:%Y%m%d}T200000",
        "RRULE:FREQ=WEEKLY;COUNT=16;BYDAY=TU",
        "DTSTAMP:20261201T080000Z",
        "UID:harjoitukset-hameenlinnan-laulu@google.com",
        "SUMMARY:Kuoroharjoitukset",
        "DESCRIPTION:Sekakuoron viikkoharjoitukset. Uudet laulajat tervetuloa kokeilemaan"
        "\\, ilmoita etukäteen kuoronjohtajalle.",
        "LOCATION:Verkatehdas\\, Paasikiventie 2\\, 13200 Hämeenlinna",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "BEGIN:VEVENT",
        f"DTSTART;TZID={ZONE}:{cancelled:%Y%m%d}T180000",
        f"DTEND;TZID={ZONE}:{cancelled:%Y%m%d}T200000",
        f"RECURRENCE-ID;TZID={ZONE}:{cancelled:%Y%m%d}T180000",
        "DTSTAMP:20261201T080000Z",
        "UID:harjoitukset-hameenlinnan-laulu@google.com",
        "SUMMARY:Kuoroharjoitukset",
        "STATUS:CANCELLED",
        "END:VEVENT",
        "BEGIN:VEVENT",
        f"DTSTART;TZID={ZONE}:{_day(moved, 1):%Y%m%d}T183000",
        f"DTEND;TZID={ZONE}:{_day(moved, 1):%Y%m%d}T203000",
        f"RECURRENCE-ID;TZID={ZONE}:{moved:%Y%m%d}T180000",
        "DTSTAMP:20261201T080000Z",
        "UID:harjoitukset-hameenlinnan-laulu@google.com",
        "SUMMARY:Kuoroharjoitukset",
        "LOCATION:Hämeenlinnan pääkirjasto\\, Lukiokatu 2\\, 13100 Hämeenlinna",
        "END:VEVENT",
        "BEGIN:VEVENT",
        f"DTSTART;TZID={ZONE}:{concert:%Y%m%d}T180000",
        f"DTEND;TZID={ZONE}:{concert:%Y%m%d}T193000",
        "DTSTAMP:20261201T080000Z",
        "UID:konsertti-hameenlinnan-laulu@google.com",
        "SUMMARY:Joulukonsertti",
        "DESCRIPTION:Hämeenlinnan Laulun perinteinen joulukonsertti. Vapaa pääsy.",
        "LOCATION:Verkatehdas\\, Paasikiventie 2\\, 13200 Hämeenlinna",
        "END:VEVENT",
        "BEGIN:VEVENT",
        f"DTSTART;VALUE=DATE:{sale:%Y%m%d}",
        f"DTEND;VALUE=DATE:{_day(sale, 1):%Y%m%d}",
        "DTSTAMP:20261201T080000Z",
        "UID:myyjaiset-hameenlinnan-laulu@google.com",
        "SUMMARY:Kuoron nuottimyyjäiset",
        "DESCRIPTION:Käytettyjä nuotteja ja levyjä kuoron matkarahastoon.",
        "LOCATION:Kauppatori\\, 13100 Hämeenlinna",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode()


def _when(day, hour, minute=0):
    moment = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(moment).isoformat()


def _place(name, street, postal_code, town_fi, town_sv):
    return {
        "@id": f"{LINKED_EVENTS_URL.split('?')[0].replace('event/', 'place/')}{postal_code}/",
        "name": {"fi": name, "sv": name, "en": name},
        "street_address": {"fi": street, "sv": street, "en": street},
        "postal_code": postal_code,
        "address_locality": {"fi": town_fi, "sv": town_sv, "en": town_fi},
    }


def _keywords(*ids):
    base = LINKED_EVENTS_URL.split("event/")[0]
    return [{"@id": f"{base}keyword/{keyword}/"} for keyword in ids]


def linked_events_pages(today):
    """Two pages of a Linked Events list: a volunteer fair in three languages, a course of
    three evenings as a super event and its sub-events, and an online webinar."""
    base = LINKED_EVENTS_URL.split("?")[0]
    fair_day = _day(today, 24)
    course = [_day(today, 30 + 7 * n) for n in range(3)]
    webinar = _day(today, 17)
    riihimaki = _place(
        "Riihimäen kaupunginkirjasto", "Kauppatori 3", "11100", "Riihimäki", "Riihimäki"
    )
    forssa = _place("Forssan kirjasto", "Wahreninkatu 3", "30100", "Forssa", "Forssa")

    def event(identifier, name, start, end, **more):
        return {
            "id": identifier,
            "@id": f"{base}{identifier}/",
            "name": name,
            "short_description": more.pop("short", name),
            "description": more.pop("description", {}),
            "start_time": start,
            "end_time": end,
            "event_status": more.pop("status", "EventScheduled"),
            "last_modified_time": "2026-12-01T08:00:00+02:00",
            "info_url": more.pop("info_url", None),
            "offers": more.pop("offers", [{"is_free": True}]),
            "in_language": [{"@id": f"{base.replace('event/', 'language/')}fi/"}],
            **more,
        }

    fair = event(
        "kantahame:vapaaehtoismessut",
        {
            "fi": "Vapaaehtoistoiminnan messut",
            "sv": "Mässa om frivilligverksamhet",
            "en": "Volunteering fair",
        },
        _when(fair_day, 10),
        _when(fair_day, 15),
        short={
            "fi": "Yhdistykset esittelevät vapaaehtoistehtäviään – tule löytämään omasi.",
            "sv": "Föreningarna presenterar sina frivilliguppdrag – kom och hitta ditt.",
            "en": "Associations present their volunteer roles – come and find yours.",
        },
        description={
            "fi": "<p>Yli 30 kanta-hämäläistä yhdistystä esittäytyy. <b>Vapaa pääsy.</b></p>",
            "sv": "<p>Över 30 föreningar från Egentliga Tavastland presenterar sig. "
            "<b>Fritt inträde.</b></p>",
            "en": "<p>More than 30 associations of Kanta-Häme introduce themselves. "
            "<b>Free entry.</b></p>",
        },
        location=riihimaki,
        keywords=_keywords("yso:p8270"),
        info_url={"fi": "https://tapahtumat.kanta-hame.example/vapaaehtoismessut"},
    )
    parent_id = "kantahame:taloudenhoito-kurssi"
    sub_events = [
        event(
            f"kantahame:taloudenhoito-{n + 1}",
            {"fi": f"Yhdistyksen taloudenhoito, ilta {n + 1}"},
            _when(day, 17, 30),
            _when(day, 20),
            location=forssa,
            super_event={"@id": f"{base}{parent_id}/"},
            status="EventCancelled" if n == 1 else "EventScheduled",
        )
        for n, day in enumerate(course)
    ]
    parent = event(
        parent_id,
        {
            "fi": "Yhdistyksen taloudenhoito – kolmen illan kurssi",
            "sv": "Föreningens ekonomi – kurs på tre kvällar",
        },
        _when(course[0], 17, 30),
        _when(course[-1], 20),
        short={
            "fi": "Kirjanpito, tilinpäätös ja avustusten raportointi pienelle yhdistykselle.",
            "sv": "Bokföring, bokslut och rapportering av understöd för en liten förening.",
        },
        location=forssa,
        super_event_type="recurring",
        sub_events=[{"@id": f"{base}{sub['id']}/"} for sub in sub_events],
        keywords=_keywords("yso:p1327"),
        offers=[{"is_free": False, "price": {"fi": "15 €"}}],
    )
    online = event(
        "kantahame:avustuswebinaari",
        {"fi": "Avustushaku tutuksi – webinaari", "en": "Applying for grants – webinar"},
        _when(webinar, 13),
        _when(webinar, 14, 30),
        location={"@id": f"{base.replace('event/', 'place/')}helsinki:internet/"},
        keywords=_keywords("yso:p1327"),
    )
    first = {
        "meta": {"count": 6, "next": f"{base}?page=2", "previous": None},
        "data": [fair, parent, sub_events[0]],
    }
    second = {
        "meta": {"count": 6, "next": None, "previous": f"{base}?page=1"},
        "data": [sub_events[1], sub_events[2], online],
    }
    return [json.dumps(page).encode() for page in (first, second)]
