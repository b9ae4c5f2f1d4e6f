"""Demo content of the cooperation board: the board page and listings of every kind by demo
associations across Kanta-Häme (fi/sv/en), with expiry dates that move with today's date. The
demo user "member" is an admin of the association that owns the first listing."""

import datetime

from django.utils import timezone

from associations.models import AssociationPage, Membership, MembershipStatus, Role
from core.demo_support import ensure_page, home_page

from .models import BoardIndexPage, BoardListingPage, ListingKind

BOARD_INDEX = {
    "fi": {
        "title": "Yhteistyöilmoitukset",
        "intro": "Yhdistykset pyytävät ja tarjoavat apua toisilleen: osaamista, vapaaehtoisia, "
        "yhteisiä työntekijöitä ja kumppaneita hankkeisiin.",
    },
    "sv": {
        "title": "Samarbetsannonser",
        "intro": "Föreningar ber om och erbjuder hjälp åt varandra: kunnande, frivilliga, "
        "gemensamma anställda och partner för projekt.",
    },
    "en": {
        "title": "Cooperation board",
        "intro": "Associations ask each other for help and offer it: know-how, volunteers, "
        "shared employees and partners for projects.",
    },
}

# (slug, kind, municipality, owner's title contains, days listed, extra common fields, texts)
LISTINGS = [
    (
        "apua-kirjanpitoon",
        ListingKind.HELP_WANTED,
        "hattula",
        "",
        60,
        {"themes": ["funding"], "fields_of_activity": ["social_health"]},
        {
            "fi": (
                "Rahastonhoitaja kaipaa apua kirjanpitoon",
                "Hattulan Martat etsii kokenutta rahastonhoitajaa neuvomaan kirjanpidossa.",
                "Uusi rahastonhoitajamme opettelee kirjanpito-ohjelmaa ja tilinpäätöstä. "
                "Toivomme, että joku toisen yhdistyksen kokenut rahastonhoitaja voisi istua "
                "kanssamme pari iltaa ennen tilinpäätöstä. Tarjoamme kahvit ja pullat!",
            ),
            "sv": (
                "Kassören behöver hjälp med bokföringen",
                "Hattulan Martat söker en erfaren kassör som kan ge råd om bokföringen.",
                "Vår nya kassör lär sig bokföringsprogrammet och bokslutet. Vi hoppas att en "
                "erfaren kassör från en annan förening kunde sitta med oss ett par kvällar före "
                "bokslutet. Vi bjuder på kaffe och bulle!",
            ),
            "en": (
                "Our treasurer needs help with bookkeeping",
                "Hattulan Martat is looking for an experienced treasurer to advise on bookkeeping.",
                "Our new treasurer is learning the bookkeeping software and the year-end "
                "accounts. We hope an experienced treasurer from another association could sit "
                "with us for a couple of evenings before the accounts are closed. Coffee and "
                "buns are on us!",
            ),
        },
    ),
    (
        "videotykki-ja-kylasuunnitelmat",
        ListingKind.HELP_OFFERED,
        "forssa",
        "Kyläyhdistys",
        120,
        {"themes": ["premises", "joint-projects"], "fields_of_activity": ["village"]},
        {
            "fi": (
                "Lainaamme videotykkiä ja jaamme kyläsuunnitelman osaamista",
                "Forssan seudun kyläyhdistys lainaa videotykkiä ja kertoo, miten kyläsuunnitelma "
                "tehdään.",
                "Teimme kyläsuunnitelman kahden vuoden työllä ja opimme paljon: kyselyt, "
                "kyläillat, kunnan kanssa neuvottelut. Tulemme mielellämme kertomaan "
                "kokemuksistamme kyläiltaanne. Videotykin saa lainaan samalla.",
            ),
            "sv": (
                "Vi lånar ut en projektor och delar kunnande om byplaner",
                "Forssan seudun kyläyhdistys lånar ut en projektor och berättar hur man gör en "
                "byplan.",
                "Vi gjorde vår byplan under två år och lärde oss mycket: enkäter, bykvällar, "
                "förhandlingar med kommunen. Vi kommer gärna och berättar om våra erfarenheter "
                "på er bykväll. Projektorn kan lånas samtidigt.",
            ),
            "en": (
                "We lend a projector and share know-how in village plans",
                "Forssan seudun kyläyhdistys lends a projector and tells how a village plan is "
                "made.",
                "We made our village plan over two years and learnt a lot: surveys, village "
                "evenings, talks with the municipality. We are glad to come and tell about it "
                "at your village evening. The projector can be borrowed at the same time.",
            ),
        },
    ),
    (
        "nuorten-disco-vapaaehtoiset",
        ListingKind.VOLUNTEERS,
        "riihimaki",
        "",
        30,
        {
            "themes": ["volunteers", "youth", "events"],
            "fields_of_activity": ["culture"],
            "suitable_for": ["young", "working-age"],
        },
        {
            "fi": (
                "Vapaaehtoisia nuorten discoon yhdeksi illaksi",
                "Riihimäen nuorisoseura hakee 6 aikuista valvojiksi ja kioskiin nuorten discoon.",
                "Disco on perjantaina klo 18–22 nuorisoseurantalolla. Tarvitsemme aikuisia "
                "ovelle, kioskiin ja valvojiksi. Ei vaadi kokemusta; perehdytämme paikan päällä.",
                "yksi ilta, noin 4 tuntia",
            ),
            "sv": (
                "Frivilliga till ungdomsdisco en kväll",
                "Riihimäen nuorisoseura söker 6 vuxna som övervakare och till kiosken på ett "
                "ungdomsdisco.",
                "Discot är på fredag kl. 18–22 i ungdomsföreningens hus. Vi behöver vuxna vid "
                "dörren, i kiosken och som övervakare. Ingen erfarenhet behövs; vi visar på "
                "plats.",
                "en kväll, cirka 4 timmar",
            ),
            "en": (
                "Volunteers for a one-evening youth disco",
                "Riihimäen nuorisoseura needs 6 adults to supervise and run the kiosk at a "
                "youth disco.",
                "The disco is on Friday from 6 to 10 pm at the youth society's hall. We need "
                "adults at the door, in the kiosk and to supervise. No experience needed; we "
                "show you on the spot.",
                "one evening, about 4 hours",
            ),
        },
    ),
    (
        "yhteinen-koordinaattori",
        ListingKind.SHARED_EMPLOYEE,
        "janakkala",
        "",
        150,
        {"themes": ["joint-projects", "older-people"], "fields_of_activity": ["social_health"]},
        {
            "fi": (
                "Yhteinen osa-aikainen koordinaattori kahdelle yhdistykselle",
                "Kaksi janakkalalaista yhdistystä etsii kolmatta mukaan palkkaamaan yhteisen "
                "koordinaattorin.",
                "Omaishoitajat ja sydänyhdistys aikovat palkata yhteisen osa-aikaisen "
                "koordinaattorin (noin 60 %) vapaaehtoistoimintaan. Jos yhdistyksenne tarvitsee "
                "apua vapaaehtoisten tukemisessa, tule mukaan jakamaan kulut ja työaika.",
            ),
            "sv": (
                "Gemensam koordinator på deltid för två föreningar",
                "Två föreningar i Janakkala söker en tredje att anställa en gemensam "
                "koordinator med.",
                "Närståendevårdarna och hjärtföreningen tänker anställa en gemensam koordinator "
                "på deltid (cirka 60 %) för frivilligverksamheten. Om er förening behöver hjälp "
                "med att stödja frivilliga, kom med och dela kostnaderna och arbetstiden.",
            ),
            "en": (
                "A shared part-time coordinator for two associations",
                "Two associations in Janakkala are looking for a third to hire a shared "
                "coordinator with.",
                "The family carers and the heart association plan to hire a shared part-time "
                "coordinator (about 60%) for volunteer work. If your association needs help in "
                "supporting volunteers, join us to share the costs and the working time.",
            ),
        },
    ),
    (
        "kumppani-leader-hankkeeseen",
        ListingKind.PARTNER,
        "tammela",
        "",
        90,
        {"themes": ["joint-projects", "funding"], "fields_of_activity": ["village", "nature"]},
        {
            "fi": (
                "Kumppani Leader-hankkeeseen kylien luontopoluista",
                "Etsimme yhdistystä kumppaniksi Leader-hankkeeseen, jossa kunnostetaan kylien "
                "luontopolkuja.",
                "Haemme ensi haussa Leader-rahoitusta luontopolkujen kunnostukseen ja "
                "opastauluihin. Kumppaniksi sopii luonto-, kylä- tai kotiseutuyhdistys Forssan "
                "seudulta. Kumppani osallistuu talkoisiin ja suunnitteluun.",
            ),
            "sv": (
                "Partner till ett Leader-projekt om byarnas naturstigar",
                "Vi söker en förening som partner i ett Leader-projekt där byarnas naturstigar "
                "rustas upp.",
                "Vi ansöker i nästa omgång om Leader-finansiering för att rusta upp naturstigar "
                "och sätta upp infotavlor. En natur-, by- eller hembygdsförening från "
                "Forssaregionen passar som partner. Partnern deltar i talko och planering.",
            ),
            "en": (
                "A partner for a Leader project on village nature trails",
                "We are looking for an association to partner in a Leader project to restore "
                "village nature trails.",
                "We are applying for Leader funding in the next call to restore nature trails "
                "and put up information boards. A nature, village or local heritage "
                "association from the Forssa sub-region suits as a partner. The partner joins "
                "the work parties and the planning.",
            ),
        },
    ),
]


def _owners():
    owners = list(
        AssociationPage.objects.filter(locale__language_code="fi", live=True).order_by("path")
    )
    member_admin = Membership.objects.filter(
        user__username="member", role=Role.ADMIN, status=MembershipStatus.ACTIVE
    ).first()
    if member_admin is not None and member_admin.association in owners:
        owners.remove(member_admin.association)
        owners.insert(0, member_admin.association)
    return owners


def _owner_for(owners, n, municipality, hint):
    """The member's association for the first listing; then one in the municipality whose
    name has `hint`, else any in the municipality, else one of the rest."""
    if n == 0:
        return owners[0]
    local = [a for a in owners[1:] if a.municipality == municipality]
    hinted = [a for a in local if hint and hint.lower() in a.title.lower()]
    return (hinted or local or owners[1:] or owners)[0]


def seed(out, scale=1):
    home = home_page()
    owners = _owners()
    if not owners:
        out.write("Board: no associations, skipped.\n")
        return
    index = ensure_page(home, BoardIndexPage, "yhteistyo", BOARD_INDEX, {"show_in_menus": True})
    today = timezone.localdate()
    count = 0
    for n, (slug, kind, municipality, hint, days, extra, texts) in enumerate(LISTINGS):
        localized = {}
        for code, values in texts.items():
            title, summary, description, *rest = values
            localized[code] = {"title": title, "summary": summary, "description": description}
            if rest:
                localized[code]["time_needed"] = rest[0]
        common = {
            "kind": kind,
            "municipality": municipality,
            "association": _owner_for(owners, n, municipality, hint),
            "starts_on": today,
            "expires_on": today + datetime.timedelta(days=days),
            **extra,
        }
        ensure_page(index, BoardListingPage, slug, localized, common)
        count += 1
    copies = seed_copies(index, owners, scale, today)
    out.write(f"Board: {count} listings" + (f" and {copies} copies" if copies else "") + ".\n")


# Finnish-only copies per step of `scale`, for benchmarks of the board and the site search.
COPIES_PER_SCALE = 20


def seed_copies(index, owners, scale, today):
    """Live Finnish copies of the demo listings, from other associations, made quickly."""
    wanted = (scale - 1) * COPIES_PER_SCALE
    if wanted <= 0:
        return 0
    existing = set(
        BoardListingPage.objects.child_of(index)
        .filter(slug__startswith="kopio-")
        .values_list("slug", flat=True)
    )
    now = timezone.now()
    made = 0
    for number in range(1, wanted + 1):
        slug = f"kopio-{number}"
        if slug in existing:
            continue
        _slug, kind, municipality, _hint, days, extra, texts = LISTINGS[number % len(LISTINGS)]
        title, summary, description, *rest = texts["fi"]
        page = BoardListingPage(
            slug=slug,
            title=f"{title} ({number})",
            summary=summary,
            description=description,
            time_needed=rest[0] if rest else "",
            kind=kind,
            municipality=municipality,
            association=owners[number % len(owners)],
            starts_on=today,
            expires_on=today + datetime.timedelta(days=1 + number % days),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now - datetime.timedelta(days=number % 30),
            last_published_at=now,
            **extra,
        )
        index.add_child(instance=page)
        made += 1
    return made
