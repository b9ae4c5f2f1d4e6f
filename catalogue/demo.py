"""Demo content for the catalogue: themes, the catalogue page and 40+ trainings, organised by
demo associations of the directory, in Finnish with Swedish and English translations (through
wagtail-localize), with real occurrences and registrations. `scale` adds Finnish-only copies
for benchmarks."""

import dataclasses
import datetime
import itertools
from decimal import Decimal
from zoneinfo import ZoneInfo

import recurrence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale

from associations.models import AssociationPage, NetworkPage
from associations.permissions import associations_of
from core.demo_support import ensure_page, home_page
from core.translation import translate_from_versions

from . import demo_data as data
from .history import record_past_occurrences
from .member_events import apply_member_texts, submit_new_event
from .models import (
    ExceptionAction,
    Occurrence,
    Registration,
    RegistrationStatus,
    ScheduleException,
    Session,
    SessionStatus,
    Theme,
    TrainingCoOrganiser,
    TrainingIndexPage,
    TrainingNetwork,
    TrainingPage,
    TrainingTheme,
)
from .occurrences import write_occurrences

ZONE = ZoneInfo(settings.TIME_ZONE)
LANGS = ("fi", "sv", "en")
COPIES_PER_SCALE = 250

INDEX_TEXTS = {
    "fi": {
        "title": "Koulutukset ja tapahtumat",
        "intro": (
            "Kaikki Kanta-Hämeen yhdistysten koulutukset, kurssit ja tapahtumat yhdessä paikassa."
        ),
    },
    "sv": {
        "title": "Utbildningar och evenemang",
        "intro": (
            "Alla utbildningar, kurser och evenemang för föreningarna i Egentliga Tavastland "
            "på ett ställe."
        ),
    },
    "en": {
        "title": "Trainings and events",
        "intro": "All the trainings, courses and events of Kanta-Häme's associations in one place.",
    },
}


def at(today, days, hour, minute=0):
    return datetime.datetime.combine(
        today + datetime.timedelta(days=days), datetime.time(hour, minute), tzinfo=ZONE
    )


def seed_snippet(model, slug, names, extra=None):
    fi = Locale.objects.get(language_code="fi")
    existing = model.objects.filter(slug=slug, locale=fi).first()
    if existing is None:
        existing = model.objects.create(slug=slug, locale=fi, name=names["fi"], **(extra or {}))
    missing = {
        code: model(slug=slug, name=names[code], **(extra or {}))
        for code in ("sv", "en")
        if existing.get_translation_or_none(Locale.objects.get(language_code=code)) is None
    }
    if missing:
        translate_from_versions(existing, missing)
    return existing


def seed_taxonomy():
    themes = {}
    for order, (slug, fi, sv, en) in enumerate(data.THEMES):
        themes[slug] = seed_snippet(
            Theme, slug, {"fi": fi, "sv": sv, "en": en}, {"sort_order": order}
        )
    return themes, organiser_associations()


def organiser_associations():
    """The Finnish profiles of the directory's demo associations, by slug (the trainings
    refer to the organisers of `associations.demo_data.ORGANISERS` and a few others)."""
    return {
        page.slug: page
        for page in AssociationPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, is_demo=True
        ).defer_streamfields()
    }


def schedule_children(spec, options, code, today):
    """(sessions, common fields) for one language version of a training."""
    kind = spec[0]
    sessions, fields, exceptions = [], {}, []
    if kind == "single":
        _, day, hour, minutes = spec
        start = at(today, day, hour)
        sessions.append((start, start + datetime.timedelta(minutes=minutes), False))
    elif kind == "course":
        for day, hour, minutes in spec[1]:
            start = at(today, day, hour)
            sessions.append((start, start + datetime.timedelta(minutes=minutes), False))
    elif kind == "days":
        _, day, days = spec
        start = at(today, day, 0)
        sessions.append((start, start + datetime.timedelta(days=days - 1), True))
    else:
        _, day, hour, minutes, count = spec
        first = today + datetime.timedelta(days=day)
        if kind == "weekly":
            rule = recurrence.Rule(recurrence.WEEKLY, count=count)
            step = datetime.timedelta(weeks=1)
        else:
            rule = recurrence.Rule(recurrence.MONTHLY, count=count, bymonthday=min(first.day, 28))
            first = first.replace(day=min(first.day, 28))
            step = None
        exdates = []
        if options.get("exclude") and step:
            excluded = first + step * options["exclude"]
            exdates.append(datetime.datetime.combine(excluded, datetime.time()))
        fields = {
            "recurrence": recurrence.Recurrence(rrules=[rule], exdates=exdates),
            "series_start_date": first,
            "series_start_time": datetime.time(hour),
            "series_duration": datetime.timedelta(minutes=minutes),
        }
        if options.get("moved"):
            n = options["moved"]
            moved_day = first + step * n if step else _add_months(first, n)
            new_start = datetime.datetime.combine(
                moved_day + datetime.timedelta(days=1), datetime.time(hour), tzinfo=ZONE
            )
            exceptions.append(
                ScheduleException(
                    date=moved_day,
                    action=ExceptionAction.MOVED,
                    reason=data.NOTES["moved"][code],
                    new_start=new_start,
                    new_end=new_start + datetime.timedelta(minutes=minutes),
                    new_location=data.NOTES["moved_place"][code],
                    sort_order=0,
                )
            )
    session_objects = []
    for index, (start, end, all_day) in enumerate(sessions):
        session = Session(start=start, end=end, all_day=all_day, sort_order=index)
        if options.get("session_titles") or len(sessions) > 1:
            session.title = data.SESSION_TITLES[code][0].format(n=index + 1)
        if options.get("cancel_session") == index + 1:
            session.status = SessionStatus.CANCELLED
            session.reason = data.NOTES["cancelled"][code]
        if options.get("moved_session") == index + 1:
            session.status = SessionStatus.MOVED
            session.reason = data.NOTES["moved"][code]
            session.new_start = start + datetime.timedelta(days=1)
            session.new_end = end + datetime.timedelta(days=1)
        session_objects.append(session)
    return session_objects, exceptions, fields


def _add_months(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def training_values(training, themes, organisers, today, networks=None):
    slug, kind, options = training.slug, training.kind, training.options
    venue = data.VENUES.get(training.municipality)
    common = {
        "kind": kind,
        "format": training.format,
        "municipality": training.municipality,
        "organiser": organisers[training.organiser],
        "is_free": "price" not in options,
        "price": Decimal(options["price"]) if "price" in options else None,
        "member_price": Decimal(options["member_price"]) if "member_price" in options else None,
        "open_to_others": options.get("open", False),
        "languages": options.get("languages", ["fi"]),
        "audience": options.get("audience", ["board", "volunteers"]),
        "status": options.get("status", "scheduled"),
        "contact_name": "Eeva Toimittaja",
        "contact_email": "koulutukset@demo.meidanhame.fi",
        "contact_phone": "+358 40 123 4567",
        "show_in_menus": False,
    }
    if training.format != "onsite":
        common["remote_platform"] = "Teams" if kind != "webinar" else "Zoom"
        common["join_link"] = f"https://meet.example.org/{slug}"
        common["join_link_public"] = options.get("public_link", False)
    if venue:
        common.update(
            street_address=venue.street_address,
            postal_code=venue.postal_code,
            latitude=Decimal(venue.latitude),
            longitude=Decimal(venue.longitude),
            step_free_access=training.municipality not in ("jokioinen",),
            accessible_toilet=training.municipality not in ("jokioinen", "hausjarvi"),
            induction_loop=training.municipality in ("hameenlinna", "forssa", "riihimaki"),
        )
    if options.get("register"):
        common.update(
            registration_mode="built_in",
            capacity=options.get("capacity"),
            registration_opens=at(today, -30, 9),
            registration_closes=None,
        )
    if options.get("material"):
        common["material_link"] = f"https://materiaalit.example.org/{slug}.pdf"
        common["recording_link"] = f"https://video.example.org/{slug}"
    per_language = {}
    for code in LANGS:
        title, summary = training.texts[code]
        sessions, exceptions, fields = schedule_children(training.schedule, options, code, today)
        values = {
            "title": title,
            "summary": summary,
            "body": [("paragraph", f"<p>{data.BODY[code]}</p>")],
            "sessions": sessions,
            "exceptions": exceptions,
            "theme_links": [
                TrainingTheme(theme=themes[t], sort_order=i) for i, t in enumerate(training.themes)
            ],
            "co_organiser_links": [],
            "network_links": [
                TrainingNetwork(network=networks[slug], sort_order=i)
                for i, slug in enumerate(data.networks_of(training))
                if networks and slug in networks
            ],
        }
        if venue:
            values["venue"] = venue.name[code]
            if not common["accessible_toilet"]:
                values["accessibility_info"] = data.ACCESSIBILITY_INFO[code]
        if common["member_price"] is not None:
            values["price_info"] = data.PRICE_INFO[code]
        status = common["status"]
        if status != "scheduled":
            key = {"cancelled": "cancelled_training"}.get(status, status)
            values["status_note"] = data.NOTES[key][code]
        per_language[code] = {**values, **fields}
    if options.get("open") and training.organiser != "jarjestoneuvottelukunta":
        for code in LANGS:
            per_language[code]["co_organiser_links"] = [
                TrainingCoOrganiser(organiser=organisers["jarjestoneuvottelukunta"], sort_order=0)
            ]
    return slug, common, per_language


def seed_registrations(page, options):
    """A full training gets three on its waiting list; `registrants` asks for a few people."""
    if not (options.get("full") or options.get("registrants")) or page.registrations.exists():
        return
    now = timezone.now()
    capacity = page.capacity or 0
    count = capacity + 3 if options.get("full") else options["registrants"]
    for index, (name, association) in enumerate(data.REGISTRANTS[:count]):
        email = name.lower().replace(" ", ".").replace("ä", "a").replace("ö", "o") + "@example.org"
        registered = now - datetime.timedelta(hours=len(data.REGISTRANTS) - index)
        Registration.objects.create(
            training=page,
            status=RegistrationStatus.CONFIRMED if index < capacity else RegistrationStatus.WAITING,
            name=name,
            email=email,
            association=association,
            language="fi",
            consent_at=now,
            created_at=registered,
            confirmed_at=registered,  # demo registrants confirmed their address at once
        )


def seed_copies(out, index, themes, organisers, scale, today):
    """Finnish-only copies of the demo trainings, live with occurrences, made quickly."""
    wanted = (scale - 1) * COPIES_PER_SCALE
    if wanted <= 0:
        return 0
    existing = set(
        TrainingPage.objects.child_of(index)
        .filter(slug__startswith="kopio-")
        .values_list("slug", flat=True)
    )
    now = timezone.now()
    made = 0
    trainings = itertools.cycle(data.TRAININGS)
    municipalities = itertools.cycle(list(data.VENUES))
    for number in range(1, wanted + 1):
        training = next(trainings)
        municipality = next(municipalities)
        slug = f"kopio-{number}"
        if slug in existing:
            continue
        # Spread the copies over the next year so that every month has some.
        shift = (number * 7) % 365 - 30
        shifted = _shifted(training, shift, municipality)
        _slug, common, per_language = training_values(shifted, themes, organisers, today)
        values = per_language["fi"]
        page = TrainingPage(
            slug=slug,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            **common,
            **{**values, "title": f"{values['title']} ({number})"},
        )
        index.add_child(instance=page)
        write_occurrences(page, now=now)
        made += 1
        if made % 500 == 0:
            out.write(f"  {made} training copies…")
    return made


def _shifted(training, shift, municipality):
    """`training` `shift` days later in `municipality` (online ones stay online), never full."""
    spec = training.schedule
    if spec[0] == "course":
        spec = ("course", [(d + shift, h, m) for d, h, m in spec[1]])
    else:
        spec = (spec[0], spec[1] + shift, *spec[2:])
    return dataclasses.replace(
        training,
        schedule=spec,
        municipality="online" if training.municipality == "online" else municipality,
        options={k: v for k, v in training.options.items() if k != "full"},
    )


def seed_external_training(index, themes, today):
    """A training by an organiser outside the directory (HAMK), in fi/sv/en."""
    spec = data.EXTERNAL_TRAINING
    organiser = spec["organiser"]
    start = at(today, 24, 13)
    common = {
        "kind": "training",
        "format": "hybrid",
        "municipality": spec["municipality"],
        "organiser": None,
        "external_organiser_url": organiser["url"],
        "external_organiser_kind": organiser["kind"],
        "street_address": spec["street_address"],
        "postal_code": spec["postal_code"],
        "remote_platform": "Teams",
        "join_link": "https://meet.example.org/hamk-hanketyopaja",
        "step_free_access": True,
        "accessible_toilet": True,
        "induction_loop": True,
        "open_to_others": True,
        "languages": ["fi"],
        "audience": ["board", "staff"],
        "registration_mode": "external",
        "registration_url": "https://www.hamk.fi/tapahtumat/",
        "show_in_menus": False,
    }
    per_language = {}
    for code in LANGS:
        title, summary, venue = spec["texts"][code]
        per_language[code] = {
            "title": title,
            "summary": summary,
            "venue": venue,
            "external_organiser_name": organiser["name"][code],
            "body": [("paragraph", f"<p>{data.BODY[code]}</p>")],
            "sessions": [
                Session(start=start, end=start + datetime.timedelta(hours=3), sort_order=0)
            ],
            "theme_links": [TrainingTheme(theme=themes["rahoitus"], sort_order=0)],
        }
    ensure_page(index, TrainingPage, spec["slug"], per_language, common)
    return 1


def seed_member_event(index, themes, today):
    """An event the demo member sent for their association on the site, in Finnish with the
    Swedish and English texts added, waiting for an editor's approval (once)."""
    spec = data.MEMBER_EVENT
    title = spec["texts"]["fi"][0]
    if TrainingPage.objects.child_of(index).filter(title=title).exists():
        return 0
    member = get_user_model().objects.filter(username="member").first()
    association = associations_of(member, role="admin").first() if member else None
    if association is None:
        return 0
    start = at(today, 45, 10)
    page = TrainingPage(
        locale=index.locale,
        organiser=association,
        kind="networking",
        format="onsite",
        municipality="hameenlinna",
        venue=spec["venue"],
        street_address=spec["street_address"],
        postal_code=spec["postal_code"],
        step_free_access=True,
        accessibility_info=spec["accessibility_info"],
        audience=["volunteers", "everyone"],
        languages=["fi"],
        registration_mode="built_in",
        capacity=30,
        body=[("paragraph", f"<p>{spec['body']}</p>")],
    )
    texts = {code: {"title": t, "summary": s} for code, (t, s) in spec["texts"].items()}
    apply_member_texts(page, texts, "fi")
    page.sessions = [Session(start=start, end=start + datetime.timedelta(hours=4), sort_order=0)]
    page.theme_links = [TrainingTheme(theme=themes["vapaaehtoiset"], sort_order=0)]
    submit_new_event(index, page, member)
    return 1


def seed(out, scale=1):
    home = home_page()
    themes, organisers = seed_taxonomy()
    index = ensure_page(
        home, TrainingIndexPage, "koulutukset", INDEX_TEXTS, {"show_in_menus": True}
    )
    today = timezone.localdate()
    created = 0
    networks = {
        network.slug: network
        for network in NetworkPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    }
    for training in data.TRAININGS:
        slug, common, per_language = training_values(training, themes, organisers, today, networks)
        page = ensure_page(index, TrainingPage, slug, per_language, common)
        seed_registrations(page, training.options)
        created += 1
    external = seed_external_training(index, themes, today)
    waiting = seed_member_event(index, themes, today)
    copies = seed_copies(out, index, themes, organisers, scale, today)
    # The demo's recent past is in the record of what happened, as the daily run would put it.
    recorded, _changed = record_past_occurrences()
    out.write(
        f"Catalogue: {created + external} trainings in fi/sv/en, {waiting} member event "
        f"waiting for approval, {copies} new copies, "
        f"{Occurrence.objects.count()} occurrences, {recorded} newly recorded as held."
    )
