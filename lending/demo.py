"""Demo content of lending: the two listings, 25 spaces and 40 equipment items owned by demo
associations across the region (fi/sv/en), and approved, pending, declined and past bookings.
The demo user "member" is an admin of an association that owns spaces and equipment."""

import datetime
import itertools
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from associations.models import AssociationPage, Membership, MembershipStatus, Role
from core.demo_support import ensure_page, home_page

from .models import (
    Booking,
    BookingEvent,
    BookingStatus,
    EquipmentIndexPage,
    EquipmentPage,
    ResourceKind,
    SpaceIndexPage,
    SpaceOpeningHours,
    SpacePage,
)


@dataclass(frozen=True)
class SpaceType:
    """A kind of space the demo's associations lend, each copy named after its municipality."""

    name: dict  # language code: name
    capacity: int
    area_m2: int
    facilities: list
    accessibility: list
    price_mode: str
    price: Decimal | None  # for other associations; members pay half


@dataclass(frozen=True)
class EquipmentType:
    name: dict  # language code: name
    category: str
    quantity: int
    max_loan_days: int
    deposit: int | None


@dataclass(frozen=True)
class Place:
    """A municipality as the texts name it, and where its resources are on the map."""

    genitive: str  # Finnish, as in "Hämeenlinnan kylätalo"
    sv: str
    en: str
    latitude: float
    longitude: float


SPACE_INDEX = {
    "fi": {
        "title": "Tilat",
        "intro": "Yhdistysten tiloja muiden yhdistysten käyttöön: kokoushuoneita, saleja, "
        "kylätaloja ja saunoja eri puolilla Kanta-Hämettä.",
    },
    "sv": {
        "title": "Lokaler",
        "intro": "Föreningars lokaler för andra föreningar: mötesrum, salar, byhus och bastur "
        "runt om i Egentliga Tavastland.",
    },
    "en": {
        "title": "Spaces",
        "intro": "Associations' spaces for other associations: meeting rooms, halls, village "
        "houses and saunas across Kanta-Häme.",
    },
}
EQUIPMENT_INDEX = {
    "fi": {
        "title": "Lainattavat välineet",
        "intro": "Teltat, äänentoistot, kahvinkeittimet ja pelit: lainaa toiselta "
        "yhdistykseltä äläkä osta omaa.",
    },
    "sv": {
        "title": "Utrustning att låna",
        "intro": "Tält, ljudanläggningar, kaffebryggare och spel: låna av en annan förening "
        "i stället för att köpa egna.",
    },
    "en": {
        "title": "Equipment to borrow",
        "intro": "Tents, sound systems, coffee makers and games: borrow from another "
        "association instead of buying your own.",
    },
}

SPACE_TYPES = [
    SpaceType(
        name={"fi": "Kylätalo", "sv": "Byhus", "en": "Village hall"},
        capacity=80,
        area_m2=160,
        facilities=["kitchen", "stage", "parking", "tables"],
        accessibility=["step-free", "toilet"],
        price_mode="free",
        price=None,
    ),
    SpaceType(
        name={"fi": "Kokoushuone", "sv": "Mötesrum", "en": "Meeting room"},
        capacity=14,
        area_m2=30,
        facilities=["projector", "wifi", "tables"],
        accessibility=["step-free", "lift", "loop"],
        price_mode="free",
        price=None,
    ),
    SpaceType(
        name={
            "fi": "Seurojentalon sali",
            "sv": "Föreningshusets sal",
            "en": "Community centre hall",
        },
        capacity=150,
        area_m2=240,
        facilities=["kitchen", "stage", "sound", "parking"],
        accessibility=["step-free", "toilet", "parking"],
        price_mode="hour",
        price=Decimal("25.00"),
    ),
    SpaceType(
        name={"fi": "Rantasauna", "sv": "Strandbastu", "en": "Lakeside sauna"},
        capacity=12,
        area_m2=40,
        facilities=["sauna", "yard", "parking"],
        accessibility=[],
        price_mode="day",
        price=Decimal("60.00"),
    ),
    SpaceType(
        name={"fi": "Kerhohuone", "sv": "Klubbrum", "en": "Club room"},
        capacity=25,
        area_m2=45,
        facilities=["kitchen", "wifi", "tables"],
        accessibility=["step-free"],
        price_mode="free",
        price=None,
    ),
]
SPACE_TEXTS = {
    "fi": "{name} {place} keskustassa. Sopii kokouksiin, kerhoille ja juhliin.",
    "sv": "{name} i centrum av {place}. Passar för möten, klubbar och fester.",
    "en": "{name} in the centre of {place}. Suits meetings, clubs and parties.",
}
DESCRIPTION = {
    "fi": "Tila on yhdistysten käytössä arkisin ja viikonloppuisin. Avaimen saa sovitusti.",
    "sv": "Lokalen används av föreningar på vardagar och veckoslut. Nyckeln fås enligt avtal.",
    "en": "Associations use the space on weekdays and at weekends. Keys by arrangement.",
}
TERMS = {
    "fi": "Jätä tila siistiksi. Ei tupakointia. Käyttäjä vastaa aiheuttamistaan vahingoista.",
    "sv": "Lämna lokalen städad. Ingen rökning. Användaren ansvarar för skador.",
    "en": "Leave the space tidy. No smoking. The user is liable for any damage.",
}
CONTACT = {"fi": "Yhdistyksen sihteeri", "sv": "Föreningens sekreterare", "en": "Secretary"}
ADDRESS = {"fi": "Kirkkokatu {n}", "sv": "Kyrkogatan {n}", "en": "Kirkkokatu {n}"}
EQUIPMENT_TYPES = [
    EquipmentType(
        name={"fi": "Pop-up-teltta 3×3 m", "sv": "Pop up-tält 3×3 m", "en": "Pop-up tent 3×3 m"},
        category="tents",
        quantity=4,
        max_loan_days=5,
        deposit=50,
    ),
    EquipmentType(
        name={"fi": "Juhlateltta 5×10 m", "sv": "Festtält 5×10 m", "en": "Party tent 5×10 m"},
        category="tents",
        quantity=1,
        max_loan_days=4,
        deposit=200,
    ),
    EquipmentType(
        name={"fi": "Äänentoistolaitteisto", "sv": "Ljudanläggning", "en": "PA sound system"},
        category="audio-video",
        quantity=1,
        max_loan_days=3,
        deposit=100,
    ),
    EquipmentType(
        name={"fi": "Videotykki", "sv": "Videoprojektor", "en": "Video projector"},
        category="audio-video",
        quantity=2,
        max_loan_days=7,
        deposit=None,
    ),
    EquipmentType(
        name={
            "fi": "Kahvinkeitin 50 kuppia",
            "sv": "Kaffebryggare 50 koppar",
            "en": "Coffee urn for 50 cups",
        },
        category="kitchen",
        quantity=3,
        max_loan_days=7,
        deposit=None,
    ),
    EquipmentType(
        name={
            "fi": "Retkiastiasto 100 hengelle",
            "sv": "Servis för 100 personer",
            "en": "Tableware for 100",
        },
        category="kitchen",
        quantity=1,
        max_loan_days=7,
        deposit=30,
    ),
    EquipmentType(
        name={"fi": "Taittopöytä", "sv": "Fällbord", "en": "Folding table"},
        category="furniture",
        quantity=20,
        max_loan_days=7,
        deposit=None,
    ),
    EquipmentType(
        name={"fi": "Mölkky-peli", "sv": "Mölkky-spel", "en": "Mölkky game"},
        category="games",
        quantity=6,
        max_loan_days=14,
        deposit=None,
    ),
    EquipmentType(
        name={"fi": "Oksasilppuri", "sv": "Kvistkross", "en": "Garden shredder"},
        category="tools",
        quantity=1,
        max_loan_days=2,
        deposit=50,
    ),
    EquipmentType(
        name={"fi": "Megafoni", "sv": "Megafon", "en": "Megaphone"},
        category="other",
        quantity=2,
        max_loan_days=7,
        deposit=None,
    ),
]
EQUIPMENT_TEXTS = {
    "fi": "{name} lainaksi yhdistyksille. Nouto {place} keskustasta.",
    "sv": "{name} att låna för föreningar. Avhämtning i centrum av {place}.",
    "en": "{name} on loan to associations. Pick up in the centre of {place}.",
}
CONDITION = {
    "fi": "Hyvässä kunnossa. Tarkista osat noutaessa.",
    "sv": "I gott skick. Kontrollera delarna vid avhämtning.",
    "en": "In good condition. Check the parts when you pick it up.",
}
PLACES = {
    "hameenlinna": Place(
        genitive="Hämeenlinnan",
        sv="Tavastehus",
        en="Hämeenlinna",
        latitude=60.99596,
        longitude=24.46434,
    ),
    "hattula": Place(
        genitive="Hattulan", sv="Hattula", en="Hattula", latitude=61.05525, longitude=24.37144
    ),
    "janakkala": Place(
        genitive="Janakkalan", sv="Janakkala", en="Janakkala", latitude=60.90078, longitude=24.59771
    ),
    "riihimaki": Place(
        genitive="Riihimäen", sv="Riihimäki", en="Riihimäki", latitude=60.73769, longitude=24.77726
    ),
    "hausjarvi": Place(
        genitive="Hausjärven", sv="Hausjärvi", en="Hausjärvi", latitude=60.78683, longitude=25.02402
    ),
    "loppi": Place(genitive="Lopen", sv="Loppi", en="Loppi", latitude=60.71826, longitude=24.44366),
    "forssa": Place(
        genitive="Forssan", sv="Forssa", en="Forssa", latitude=60.81462, longitude=23.62143
    ),
    "humppila": Place(
        genitive="Humppilan", sv="Humppila", en="Humppila", latitude=60.92490, longitude=23.36914
    ),
    "jokioinen": Place(
        genitive="Jokioisten", sv="Jockis", en="Jokioinen", latitude=60.80467, longitude=23.48676
    ),
    "tammela": Place(
        genitive="Tammelan", sv="Tammela", en="Tammela", latitude=60.80915, longitude=23.76384
    ),
    "ypaja": Place(
        genitive="Ypäjän", sv="Ypäjä", en="Ypäjä", latitude=60.80493, longitude=23.28093
    ),
}
SPACES = 25
EQUIPMENT = 40


def _owners():
    """Demo associations as owners, the demo member's admin association first."""
    owners = list(
        AssociationPage.objects.filter(locale__language_code="fi", is_demo=True).order_by("path")
    )
    member_admin = Membership.objects.filter(
        user__username="member", role=Role.ADMIN, status=MembershipStatus.ACTIVE
    ).first()
    if member_admin is not None:
        owners.remove(member_admin.association)
        owners.insert(0, member_admin.association)
    return owners


def _hours():
    weekdays = [
        SpaceOpeningHours(weekday=d, opens=datetime.time(8), closes=datetime.time(22), sort_order=d)
        for d in range(5)
    ]
    weekend = [
        SpaceOpeningHours(weekday=d, opens=datetime.time(10), closes=datetime.time(0), sort_order=d)
        for d in (5, 6)
    ]
    return weekdays + weekend


def _place_names(place):
    return {"fi": place.genitive.removesuffix("n"), "sv": place.sv, "en": place.en}


def _space_args(n, owner):
    space = SPACE_TYPES[n % len(SPACE_TYPES)]
    code = owner.municipality
    place = PLACES[code]
    names = {
        "fi": f"{place.genitive} {space.name['fi'].lower()}",
        "sv": f"{space.name['sv']} i {place.sv}",
        "en": f"{place.en} {space.name['en'].lower()}",
    }
    if n >= len(PLACES):
        names = {lang: f"{name} {n // len(PLACES) + 1}" for lang, name in names.items()}
    places = _place_names(place)
    texts = {
        lang: {
            "title": names[lang],
            "summary": SPACE_TEXTS[lang].format(name=names[lang], place=places[lang]),
            "description": DESCRIPTION[lang],
            "address": ADDRESS[lang].format(n=n + 1),
            "terms": TERMS[lang],
            "contact_role": CONTACT[lang],
        }
        for lang in ("fi", "sv", "en")
    }
    common = {
        "association": owner,
        "municipality": code,
        "capacity": space.capacity,
        "area_m2": space.area_m2,
        "facilities": space.facilities,
        "accessibility": space.accessibility,
        "latitude": Decimal(str(round(place.latitude + (n % 7) * 0.001, 5))),
        "longitude": Decimal(str(round(place.longitude + (n % 5) * 0.001, 5))),
        "price_mode": space.price_mode,
        "price_other": space.price,
        "price_member": space.price / 2 if space.price else None,
        "min_minutes": 60,
        "max_minutes": 12 * 60 if n % 2 else 8 * 60,
        "buffer_before": 0 if n % 3 else 30,
        "buffer_after": 30 if n % 2 else 0,
        "advance_days": 180,
        "booking_mode": "contact" if n % 9 == 8 else "request",
        "contact_email": f"tilat{n}@example.fi",
        "is_demo": True,
        "opening_hours": _hours(),
    }
    return f"tila-{n + 1}", texts, common


def _equipment_args(n, owner):
    equipment = EQUIPMENT_TYPES[n % len(EQUIPMENT_TYPES)]
    code = owner.municipality
    places = _place_names(PLACES[code])
    suffix = f" ({n // len(EQUIPMENT_TYPES) + 1})" if n >= len(EQUIPMENT_TYPES) else ""
    texts = {
        lang: {
            "title": f"{name}{suffix}",
            "summary": EQUIPMENT_TEXTS[lang].format(name=name, place=places[lang]),
            "description": DESCRIPTION[lang],
            "address": ADDRESS[lang].format(n=n + 2),
            "terms": TERMS[lang],
            "contact_role": CONTACT[lang],
            "condition_notes": CONDITION[lang],
        }
        for lang, name in equipment.name.items()
    }
    common = {
        "association": owner,
        "category": equipment.category,
        "municipality": code,
        "quantity": equipment.quantity,
        "max_loan_days": equipment.max_loan_days,
        "deposit": Decimal(equipment.deposit) if equipment.deposit else None,
        "price_mode": "free" if n % 4 else "day",
        "price_other": None if n % 4 else Decimal("10.00"),
        "advance_days": 120,
        "booking_mode": "request",
        "contact_email": f"lainaus{n}@example.fi",
        "is_demo": True,
    }
    return f"valine-{n + 1}", texts, common


def seed(out, scale=1):
    home = home_page()
    owners = _owners()
    if not owners:
        out.write("Lending: no demo associations, skipped.\n")
        return
    space_index = ensure_page(home, SpaceIndexPage, "tilat", SPACE_INDEX, {"show_in_menus": True})
    equipment_index = ensure_page(
        home, EquipmentIndexPage, "lainattavat", EQUIPMENT_INDEX, {"show_in_menus": True}
    )
    # The member's association owns every eighth resource; the rest spread over the region.
    spread = owners[1:]
    spaces = []
    for n in range(SPACES * scale):
        owner = owners[0] if n % 8 == 0 else spread[(n * 7) % len(spread)]
        slug, texts, common = _space_args(n, owner)
        spaces.append(ensure_page(space_index, SpacePage, slug, texts, common))
    items = []
    for n in range(EQUIPMENT * scale):
        owner = owners[0] if n % 8 == 0 else spread[(n * 5 + 3) % len(spread)]
        slug, texts, common = _equipment_args(n, owner)
        items.append(ensure_page(equipment_index, EquipmentPage, slug, texts, common))
    count = seed_bookings(spaces, items, owners)
    out.write(f"Lending: {len(spaces)} spaces, {len(items)} equipment items, {count} bookings.\n")


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def seed_bookings(spaces, items, owners):
    if Booking.objects.filter(contact_email__endswith="@demo.example.fi").exists():
        return 0
    User = get_user_model()
    member = User.objects.filter(username="member").first()
    requester_association = next(
        (
            m.association
            for m in Membership.objects.filter(user=member, role=Role.MEMBER).select_related(
                "association"
            )
        ),
        owners[-1],
    )
    today = timezone.localdate()
    plan = [
        (-20, BookingStatus.APPROVED),
        (-6, BookingStatus.APPROVED),
        (3, BookingStatus.APPROVED),
        (5, BookingStatus.REQUESTED),
        (9, BookingStatus.DECLINED),
        (12, BookingStatus.APPROVED),
        (16, BookingStatus.REQUESTED),
    ]
    statuses = itertools.cycle(plan)
    count = 0
    now = timezone.now()
    for n, space in enumerate(spaces):
        for k in range(2):
            offset, status = next(statuses)
            day = today + datetime.timedelta(days=offset + k)
            start, end = _at(day, 17), _at(day, 20)
            mine = space.association_id != owners[0].pk and n % 3 == 0
            _create(
                space,
                ResourceKind.SPACE,
                start,
                end,
                status,
                user=member if mine else None,
                association=requester_association if mine else owners[(n + 5) % len(owners)],
                quantity=1,
                now=now,
                buffers=(space.buffer_before, space.buffer_after),
            )
            count += 1
    for n, item in enumerate(items):
        offset, status = next(statuses)
        first = today + datetime.timedelta(days=offset)
        start, end = _at(first, 0), _at(first + datetime.timedelta(days=2), 0)
        mine = item.association_id != owners[0].pk and n % 4 == 0
        _create(
            item,
            ResourceKind.EQUIPMENT,
            start,
            end,
            status,
            user=member if mine else None,
            association=requester_association if mine else owners[(n + 3) % len(owners)],
            quantity=max(1, item.quantity // 2),
            now=now,
        )
        count += 1
    return count


def _create(
    resource, kind, start, end, status, *, user, association, quantity, now, buffers=(0, 0)
):
    booking = Booking.objects.create(
        kind=kind,
        resource=resource,
        owner_id=resource.association_id,
        municipality=resource.municipality,
        association=association,
        requested_by=user,
        contact_name=user.get_full_name() if user else "Demo Requester",
        contact_email=f"requester{resource.pk}@demo.example.fi",
        message="Vuosikokous ja kahvit." if kind == ResourceKind.SPACE else "Kesäjuhlaan.",
        starts_at=start,
        ends_at=end,
        blocked_from=start - datetime.timedelta(minutes=buffers[0]),
        blocked_until=end + datetime.timedelta(minutes=buffers[1]),
        quantity=quantity,
        status=status,
        created_at=min(now, start) - datetime.timedelta(days=3),
        decided_at=None if status == BookingStatus.REQUESTED else min(now, start),
        expires_at=max(now, start - datetime.timedelta(hours=2))
        if status == BookingStatus.REQUESTED
        else None,
        decision_reason="Sali on remontissa." if status == BookingStatus.DECLINED else "",
    )
    BookingEvent.objects.create(
        booking=booking,
        at=booking.created_at,
        to_status=BookingStatus.REQUESTED,
        actor_label="demo",
    )
    if status != BookingStatus.REQUESTED:
        BookingEvent.objects.create(
            booking=booking,
            at=booking.decided_at,
            from_status=BookingStatus.REQUESTED,
            to_status=status,
            actor_label="demo",
            reason=booking.decision_reason,
        )
