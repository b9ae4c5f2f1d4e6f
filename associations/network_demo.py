# ruff: noqa: E501 - one line per translated text reads best as data
"""Demo networks: the three sub-regional networks of the strategy and two thematic ones, in
fi/sv/en, with demo associations as members, their public partners and a coordinator each.
The catalogue's demo links meetings to them by slug (`NETWORK_SLUGS`)."""

from core.demo_support import ensure_page
from core.regions import SubRegion, municipalities_of

from .models import NetworkIndexPage, NetworkKind, NetworkMember, NetworkPage, NetworkPartner

INDEX_TEXTS = {
    "fi": {
        "title": "Verkostot",
        "intro": (
            "Kanta-Hämeen järjestöt tekevät yhteistyötä seutujen ja teemojen verkostoissa. "
            "Tutustu verkostoihin, niiden jäseniin ja tapaamisiin, ja pyydä yhdistyksellesi "
            "paikkaa verkostossa."
        ),
    },
    "sv": {
        "title": "Nätverk",
        "intro": (
            "Organisationerna i Egentliga Tavastland samarbetar i regionala och tematiska "
            "nätverk. Bekanta dig med nätverken, deras medlemmar och möten, och be om en plats "
            "för din förening."
        ),
    },
    "en": {
        "title": "Networks",
        "intro": (
            "Kanta-Häme's associations work together in sub-regional and thematic networks. "
            "Meet the networks, their members and meetings, and ask for a place for your "
            "association."
        ),
    },
}

SLUGS = {
    "hameenlinna": "hameenlinnan-seudun-jarjestoverkosto",
    "riihimaki": "riihimaen-seudun-jarjestoverkosto",
    "forssa": "forssan-seudun-jarjestoverkosto",
    "older": "kanta-hameen-ikajarjestojen-verkosto",
    "youth": "nuoriso-ja-liikuntajarjestojen-verkosto",
}

# Public partners: (kind, website, names by language).
CITY = {
    "hameenlinna": (
        "municipality",
        "https://www.hameenlinna.fi/",
        {"fi": "Hämeenlinnan kaupunki", "sv": "Tavastehus stad", "en": "City of Hämeenlinna"},
    ),
    "riihimaki": (
        "municipality",
        "https://www.riihimaki.fi/",
        {"fi": "Riihimäen kaupunki", "sv": "Riihimäki stad", "en": "City of Riihimäki"},
    ),
    "forssa": (
        "municipality",
        "https://www.forssa.fi/",
        {"fi": "Forssan kaupunki", "sv": "Forssa stad", "en": "City of Forssa"},
    ),
}
WELLBEING = (
    "wellbeing-area",
    "https://omahame.fi/",
    {
        "fi": "Kanta-Hämeen hyvinvointialue",
        "sv": "Egentliga Tavastlands välfärdsområde",
        "en": "Kanta-Häme Wellbeing Services County",
    },
)
HAMK = (
    "college",
    "https://www.hamk.fi/",
    {
        "fi": "Hämeen ammattikorkeakoulu HAMK",
        "sv": "Tavastlands yrkeshögskola HAMK",
        "en": "Häme University of Applied Sciences HAMK",
    },
)

SUB_REGIONAL = {
    "hameenlinna": {
        "region": SubRegion.HAMEENLINNA,
        "organiser": "hameenlinnan-seutuverkosto",
        "coordinator": ("Sanna Lehtonen", "+358 40 710 2201"),
        "partners": [CITY["hameenlinna"], WELLBEING, HAMK],
        "title": {
            "fi": "Hämeenlinnan seudun järjestöverkosto",
            "sv": "Tavastehusregionens organisationsnätverk",
            "en": "Hämeenlinna sub-regional network of associations",
        },
        "place": {
            "fi": "Hämeenlinnan, Hattulan ja Janakkalan",
            "sv": "Tavastehus, Hattula och Janakkala",
            "en": "Hämeenlinna, Hattula and Janakkala",
        },
        "practice": {
            "fi": "Verkosto kokoontuu neljä kertaa vuodessa, vuorotellen Hämeenlinnassa, Hattulassa ja Janakkalassa, ja etäyhteys on aina mukana.",
            "sv": "Nätverket träffas fyra gånger om året, i tur och ordning i Tavastehus, Hattula och Janakkala, alltid också på distans.",
            "en": "The network meets four times a year, in turn in Hämeenlinna, Hattula and Janakkala, always with a remote option.",
        },
    },
    "riihimaki": {
        "region": SubRegion.RIIHIMAKI,
        "organiser": "riihimaen-seutuverkosto",
        "coordinator": ("Jari Koskinen", "+358 40 710 2202"),
        "partners": [CITY["riihimaki"], WELLBEING],
        "title": {
            "fi": "Riihimäen seudun järjestöverkosto",
            "sv": "Riihimäkiregionens organisationsnätverk",
            "en": "Riihimäki sub-regional network of associations",
        },
        "place": {
            "fi": "Riihimäen, Hausjärven ja Lopen",
            "sv": "Riihimäki, Hausjärvi och Loppi",
            "en": "Riihimäki, Hausjärvi and Loppi",
        },
        "practice": {
            "fi": "Tapaamiset joka toinen kuukausi Riihimäen järjestötalolla; kesällä yhteinen kyläretki.",
            "sv": "Möten varannan månad i organisationshuset i Riihimäki; på sommaren en gemensam byutfärd.",
            "en": "Meetings every other month at the Riihimäki association house; a joint village trip in summer.",
        },
    },
    "forssa": {
        "region": SubRegion.FORSSA,
        "organiser": "forssan-seutuverkosto",
        "coordinator": ("Minna Virtanen", "+358 40 710 2203"),
        "partners": [CITY["forssa"], WELLBEING, HAMK],
        "title": {
            "fi": "Forssan seudun järjestöverkosto",
            "sv": "Forssaregionens organisationsnätverk",
            "en": "Forssa sub-regional network of associations",
        },
        "place": {
            "fi": "Forssan seudun viiden kunnan",
            "sv": "Forssaregionens fem kommuner",
            "en": "the five municipalities around Forssa",
        },
        "practice": {
            "fi": "Aamukahvitapaaminen kuukauden ensimmäisenä tiistaina, vuorotellen seudun kunnissa.",
            "sv": "Morgonkaffe den första tisdagen i månaden, i tur och ordning i regionens kommuner.",
            "en": "A morning coffee meeting on the first Tuesday of the month, in turn in each municipality.",
        },
    },
}

SUMMARY = {
    "fi": "{place} yhdistysten yhteistyöverkosto: tietoa, koulutusta ja yhteisiä hankkeita.",
    "sv": "Samarbetsnätverket för föreningarna i {place}: information, utbildning och gemensamma projekt.",
    "en": "The cooperation network of associations in {place}: information, training and joint projects.",
}
DESCRIPTION = {
    "fi": (
        "Verkosto kokoaa seudun yhdistykset, kunnan ja muut julkiset kumppanit saman pöydän "
        "ääreen. Jaamme tietoa avustuksista ja koulutuksista, suunnittelemme yhteisiä "
        "tapahtumia ja viemme yhdistysten ääntä kunnan päätöksentekoon. Jokainen seudun "
        "yhdistys on tervetullut mukaan."
    ),
    "sv": (
        "Nätverket samlar regionens föreningar, kommunen och andra offentliga partner kring "
        "samma bord. Vi delar information om understöd och utbildningar, planerar gemensamma "
        "evenemang och för fram föreningarnas röst i kommunens beslutsfattande. Alla "
        "föreningar i regionen är välkomna."
    ),
    "en": (
        "The network brings the sub-region's associations, the municipality and other public "
        "partners round one table. We share news of grants and trainings, plan joint events "
        "and bring the associations' voice to the municipality's decisions. Every association "
        "of the sub-region is welcome."
    ),
}
ROLE = {"fi": "verkostokoordinaattori", "sv": "nätverkskoordinator", "en": "network coordinator"}

THEMATIC = {
    "older": {
        "organiser": "kanta-hameen-sosiaaliturva",
        "coordinator": ("Leena Mäkinen", "+358 40 710 2204"),
        "partners": [WELLBEING, CITY["hameenlinna"]],
        "member_words": ("Omaishoitajat", "Sydänyhdistys", "Mielenterveysseura"),
        "title": {
            "fi": "Kanta-Hämeen ikäjärjestöjen verkosto",
            "sv": "Äldreorganisationernas nätverk i Egentliga Tavastland",
            "en": "Kanta-Häme network of older people's associations",
        },
        "summary": {
            "fi": "Eläkeläis-, omaishoitaja- ja potilasjärjestöjen yhteistyö ikäihmisten hyvinvoinnin puolesta.",
            "sv": "Pensionärs-, närståendevårdar- och patientorganisationer samarbetar för äldres välbefinnande.",
            "en": "Pensioners', carers' and patients' associations working together for older people's wellbeing.",
        },
        "description": {
            "fi": (
                "Verkosto kokoaa koko maakunnan ikäjärjestöt ja hyvinvointialueen yhteistyöhön. "
                "Teemme yhdessä vertaistukea, liikuntaryhmiä ja selkokielistä viestintää, ja "
                "annamme lausuntoja ikääntyneiden palveluista."
            ),
            "sv": (
                "Nätverket samlar landskapets äldreorganisationer och välfärdsområdet till "
                "samarbete. Vi ordnar kamratstöd, motionsgrupper och lättläst kommunikation "
                "tillsammans, och ger utlåtanden om äldreservicen."
            ),
            "en": (
                "The network brings the region's older people's associations and the wellbeing "
                "services county together. We organise peer support, exercise groups and "
                "plain-language information, and give statements on services for older people."
            ),
        },
        "practice": {
            "fi": "Verkosto tapaa kerran kuukaudessa etänä ja kahdesti vuodessa paikan päällä Hämeenlinnassa.",
            "sv": "Nätverket träffas en gång i månaden på distans och två gånger om året på plats i Tavastehus.",
            "en": "The network meets online once a month and in person in Hämeenlinna twice a year.",
        },
    },
    "youth": {
        "organiser": "loppi-vpk",
        "coordinator": ("Antti Heikkilä", "+358 40 710 2205"),
        "partners": [CITY["riihimaki"], CITY["forssa"], HAMK],
        "member_words": ("Urheiluseura", "VPK", "Harrastajateatteri"),
        "title": {
            "fi": "Nuoriso- ja liikuntajärjestöjen verkosto",
            "sv": "Nätverket för ungdoms- och idrottsorganisationer",
            "en": "Network of youth and sports associations",
        },
        "summary": {
            "fi": "Urheiluseurat, nuorisoseurat ja nuoriso-osastot jakavat vapaaehtoisia, tiloja ja osaamista.",
            "sv": "Idrottsföreningar, ungdomsföreningar och ungdomsavdelningar delar frivilliga, lokaler och kunnande.",
            "en": "Sports clubs, youth clubs and youth sections sharing volunteers, premises and know-how.",
        },
        "description": {
            "fi": (
                "Verkosto auttaa nuorten ja liikunnan parissa toimivia yhdistyksiä löytämään "
                "toisensa: yhteiset ohjaajakoulutukset, tilojen yhteiskäyttö ja nuorten oma ääni "
                "yhdistysten toiminnassa."
            ),
            "sv": (
                "Nätverket hjälper föreningar som arbetar med unga och idrott att hitta varandra: "
                "gemensamma ledarutbildningar, delade lokaler och de ungas egen röst i "
                "föreningarna."
            ),
            "en": (
                "The network helps associations working with young people and sport find each "
                "other: joint coach trainings, shared premises and young people's own voice in "
                "the associations."
            ),
        },
        "practice": {
            "fi": "Tapaamiset kolme kertaa vuodessa, yleensä jonkin jäsenseuran tiloissa.",
            "sv": "Möten tre gånger om året, oftast i någon medlemsförenings lokaler.",
            "en": "Meetings three times a year, usually at a member club's premises.",
        },
    },
}

MEMBERS_PER_NETWORK = 6


def _partners(partners, code):
    return [
        NetworkPartner(name=names[code], kind=kind, website=website, sort_order=i)
        for i, (kind, website, names) in enumerate(partners)
    ]


def _members(associations):
    return [
        NetworkMember(association=association, sort_order=i)
        for i, association in enumerate(associations)
    ]


def _coordinator(key, coordinator):
    name, phone = coordinator
    return {
        "coordinator_name": name,
        "coordinator_phone": phone,
        "coordinator_email": f"{key}.verkosto@demo.meidanhame.fi",
    }


def seed_networks(home, pages):
    """The network index and the five demo networks; `pages` are the Finnish demo
    association pages. Returns the networks."""
    by_slug = {page.slug: page for page in pages}
    index = ensure_page(home, NetworkIndexPage, "verkostot", INDEX_TEXTS, {"show_in_menus": True})
    networks = []
    for key, network in SUB_REGIONAL.items():
        places = {m.value for m in municipalities_of(network["region"])}
        members = [by_slug[network["organiser"]]] + [
            page
            for page in pages
            if page.municipality in places and page.slug != network["organiser"]
        ][:MEMBERS_PER_NETWORK]
        texts = {
            code: {
                "title": network["title"][code],
                "summary": SUMMARY[code].format(place=network["place"][code]),
                "description": DESCRIPTION[code],
                "meeting_practice": network["practice"][code],
                "coordinator_role": ROLE[code],
                "partners": _partners(network["partners"], code),
            }
            for code in ("fi", "sv", "en")
        }
        common = {
            "kind": NetworkKind.SUB_REGIONAL,
            "sub_region": network["region"],
            "member_links": _members(members),
            **_coordinator(key, network["coordinator"]),
        }
        networks.append(ensure_page(index, NetworkPage, SLUGS[key], texts, common))
    for key, network in THEMATIC.items():
        members = [by_slug[network["organiser"]]] + [
            page for page in pages if any(word in page.title for word in network["member_words"])
        ][:MEMBERS_PER_NETWORK]
        texts = {
            code: {
                "title": network["title"][code],
                "summary": network["summary"][code],
                "description": network["description"][code],
                "meeting_practice": network["practice"][code],
                "coordinator_role": ROLE[code],
                "partners": _partners(network["partners"], code),
            }
            for code in ("fi", "sv", "en")
        }
        common = {
            "kind": NetworkKind.THEMATIC,
            "member_links": _members(members),
            **_coordinator(key, network["coordinator"]),
        }
        networks.append(ensure_page(index, NetworkPage, SLUGS[key], texts, common))
    return networks
