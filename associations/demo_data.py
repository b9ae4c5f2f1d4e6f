"""Made-up but plausible Kanta-Häme associations for the demo, in Finnish, Swedish and English.

Each field of activity has name patterns; each pattern is placed in two municipalities, so the
directory covers all ten fields of the strategy and all eleven municipalities (60
associations). Theatres, choirs and sports clubs are also tagged culture or sport, so their
profiles show the funding calls for those fields.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A municipality as the associations' names and descriptions name it."""

    code: str
    genitive: str  # Finnish, as in "Hämeenlinnan Lintuharrastajat"
    sv: str
    en: str


@dataclass(frozen=True)
class NamePattern:
    """An association's name with `{fi}`/`{sv}`/`{en}` where the place goes, and its summary."""

    name: dict  # language code: name pattern
    summary: dict  # language code: summary
    partner_themes: list  # cooperation theme slugs; the second copy keeps only the first
    more_fields: tuple = ()  # fields of activity besides the one it is listed under


@dataclass(frozen=True)
class Organiser:
    """An umbrella organisation or association that organises demo trainings."""

    slug: str
    field: str  # field of activity slug
    municipality: str
    name: dict  # language code: name
    summary: dict  # language code: summary
    website: str  # "" for https://<slug>.example.fi/
    partner_themes: list


MUNICIPALITIES = [
    Place(code="hameenlinna", genitive="Hämeenlinnan", sv="Tavastehus", en="Hämeenlinna"),
    Place(code="hattula", genitive="Hattulan", sv="Hattula", en="Hattula"),
    Place(code="janakkala", genitive="Janakkalan", sv="Janakkala", en="Janakkala"),
    Place(code="riihimaki", genitive="Riihimäen", sv="Riihimäki", en="Riihimäki"),
    Place(code="hausjarvi", genitive="Hausjärven", sv="Hausjärvi", en="Hausjärvi"),
    Place(code="loppi", genitive="Lopen", sv="Loppi", en="Loppi"),
    Place(code="forssa", genitive="Forssan", sv="Forssa", en="Forssa"),
    Place(code="humppila", genitive="Humppilan", sv="Humppila", en="Humppila"),
    Place(code="jokioinen", genitive="Jokioisten", sv="Jockis", en="Jokioinen"),
    Place(code="tammela", genitive="Tammelan", sv="Tammela", en="Tammela"),
    Place(code="ypaja", genitive="Ypäjän", sv="Ypäjä", en="Ypäjä"),
]

# field of activity slug: the name patterns of its associations
PATTERNS = {
    "trade_unions": [
        NamePattern(
            name={
                "fi": "{fi} Opettajien ammattiosasto",
                "sv": "{sv} lärarnas fackavdelning",
                "en": "{en} Teachers' Union Branch",
            },
            summary={
                "fi": "Edunvalvontaa ja virkistystä alueen opettajille.",
                "sv": "Intressebevakning och rekreation för lärarna i området.",
                "en": "Advocacy and recreation for the area's teachers.",
            },
            partner_themes=["training"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Sairaanhoitajien yhdistys",
                "sv": "{sv} sjukskötarförening",
                "en": "{en} Nurses' Association",
            },
            summary={
                "fi": "Hoitajien ammatillista yhteistoimintaa ja koulutusta.",
                "sv": "Yrkesmässigt samarbete och utbildning för sjukskötare.",
                "en": "Professional cooperation and training for nurses.",
            },
            partner_themes=[],
        ),
        NamePattern(
            name={
                "fi": "{fi} Metallityöväen ammattiosasto",
                "sv": "{sv} metallarbetarnas fackavdelning",
                "en": "{en} Metalworkers' Union Branch",
            },
            summary={
                "fi": "Työpaikkojen edunvalvontaa ja jäsentapahtumia.",
                "sv": "Intressebevakning på arbetsplatserna och medlemsevenemang.",
                "en": "Workplace advocacy and members' events.",
            },
            partner_themes=["events"],
        ),
    ],
    "nature": [
        NamePattern(
            name={
                "fi": "{fi} Luonnonsuojeluyhdistys",
                "sv": "{sv} naturskyddsförening",
                "en": "{en} Nature Conservation Association",
            },
            summary={
                "fi": "Retkiä, talkoita ja luontokartoituksia kotiseudulla.",
                "sv": "Utflykter, talkoarbete och naturinventeringar i hembygden.",
                "en": "Excursions, volunteer work and nature surveys at home.",
            },
            partner_themes=["environment", "volunteers"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Lintuharrastajat",
                "sv": "{sv} fågelskådare",
                "en": "{en} Birdwatchers",
            },
            summary={
                "fi": "Linturetkiä ja laskentoja kaikenikäisille.",
                "sv": "Fågelutflykter och räkningar för alla åldrar.",
                "en": "Birdwatching trips and counts for all ages.",
            },
            partner_themes=["youth"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Eläinsuojeluyhdistys",
                "sv": "{sv} djurskyddsförening",
                "en": "{en} Animal Welfare Association",
            },
            summary={
                "fi": "Löytöeläinten auttamista ja eläinten hyvinvoinnin neuvontaa.",
                "sv": "Hjälp för hittedjur och rådgivning om djurens välfärd.",
                "en": "Help for stray animals and advice on animal welfare.",
            },
            partner_themes=["volunteers"],
        ),
    ],
    "social_health": [
        NamePattern(
            name={
                "fi": "{fi} Omaishoitajat",
                "sv": "{sv} närståendevårdare",
                "en": "{en} Family Carers",
            },
            summary={
                "fi": "Vertaistukea ja virkistystä omaishoitajille.",
                "sv": "Kamratstöd och rekreation för närståendevårdare.",
                "en": "Peer support and respite for family carers.",
            },
            partner_themes=["older-people", "volunteers"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Sydänyhdistys",
                "sv": "{sv} hjärtförening",
                "en": "{en} Heart Association",
            },
            summary={
                "fi": "Terveysliikuntaa, luentoja ja vertaistukea sydänpotilaille.",
                "sv": "Hälsomotion, föreläsningar och kamratstöd för hjärtpatienter.",
                "en": "Health exercise, talks and peer support for heart patients.",
            },
            partner_themes=["events"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Mielenterveysseura",
                "sv": "{sv} förening för psykisk hälsa",
                "en": "{en} Mental Health Society",
            },
            summary={
                "fi": "Matalan kynnyksen kohtaamispaikka ja kriisituki.",
                "sv": "En mötesplats med låg tröskel och krisstöd.",
                "en": "A low-threshold meeting place and crisis support.",
            },
            partner_themes=["joint-projects", "funding"],
        ),
    ],
    "society": [
        NamePattern(
            name={
                "fi": "{fi} Nuorisovaltuustoyhdistys",
                "sv": "{sv} ungdomsfullmäktigeförening",
                "en": "{en} Youth Council Association",
            },
            summary={
                "fi": "Nuorten äänen vahvistamista kunnan päätöksenteossa.",
                "sv": "Vi stärker ungas röst i kommunens beslutsfattande.",
                "en": "Strengthening young people's voice in municipal decisions.",
            },
            partner_themes=["youth"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Ihmisoikeusyhdistys",
                "sv": "{sv} människorättsförening",
                "en": "{en} Human Rights Association",
            },
            summary={
                "fi": "Keskustelutilaisuuksia ja ihmisoikeuskasvatusta.",
                "sv": "Diskussionsmöten och fostran i mänskliga rättigheter.",
                "en": "Public debates and human rights education.",
            },
            partner_themes=["training", "multicultural"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Yrittäjänaiset",
                "sv": "{sv} företagarkvinnor",
                "en": "{en} Women Entrepreneurs",
            },
            summary={
                "fi": "Verkostoja ja yhteiskunnallista vaikuttamista naisyrittäjille.",
                "sv": "Nätverk och samhällspåverkan för kvinnliga företagare.",
                "en": "Networks and advocacy for women entrepreneurs.",
            },
            partner_themes=[],
        ),
    ],
    "village": [
        NamePattern(
            name={
                "fi": "{fi} Kyläyhdistys",
                "sv": "{sv} byförening",
                "en": "{en} Village Association",
            },
            summary={
                "fi": "Kylätalo, talkoot ja kyläjuhlat – yhdessä elävä kylä.",
                "sv": "Bygdegård, talko och byfester – en levande by tillsammans.",
                "en": "A village hall, volunteer work and village fêtes.",
            },
            partner_themes=["premises", "events", "joint-projects"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Kotiseutuyhdistys",
                "sv": "{sv} hembygdsförening",
                "en": "{en} Local Heritage Society",
            },
            summary={
                "fi": "Kotiseutumuseo, perinnetapahtumat ja paikallishistoria.",
                "sv": "Hembygdsmuseum, traditionsevenemang och lokalhistoria.",
                "en": "A local museum, traditional events and local history.",
            },
            partner_themes=["events"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Asukasyhdistys",
                "sv": "{sv} invånarförening",
                "en": "{en} Residents' Association",
            },
            summary={
                "fi": "Asuinalueen viihtyisyyttä ja asukkaiden yhteistä tekemistä.",
                "sv": "Trivsel i bostadsområdet och gemensamma aktiviteter.",
                "en": "A pleasant neighbourhood and things to do together.",
            },
            partner_themes=["volunteers"],
        ),
    ],
    "safety": [
        NamePattern(
            name={"fi": "{fi} VPK", "sv": "{sv} FBK", "en": "{en} Volunteer Fire Brigade"},
            summary={
                "fi": "Sopimuspalokunta, nuoriso-osasto ja turvallisuuskoulutus.",
                "sv": "Avtalsbrandkår, ungdomsavdelning och säkerhetsutbildning.",
                "en": "A contract fire brigade, a youth section and safety training.",
            },
            partner_themes=["youth", "training"],
        ),
        NamePattern(
            name={"fi": "{fi} Reserviläiset", "sv": "{sv} reservister", "en": "{en} Reservists"},
            summary={
                "fi": "Maanpuolustushenkistä toimintaa ja ammuntaa.",
                "sv": "Försvarsanda, verksamhet och skytte.",
                "en": "National defence activities and shooting.",
            },
            partner_themes=[],
        ),
        NamePattern(
            name={
                "fi": "{fi} Meripelastus- ja turvayhdistys",
                "sv": "{sv} räddnings- och säkerhetsförening",
                "en": "{en} Rescue and Safety Association",
            },
            summary={
                "fi": "Vapaaehtoista pelastustoimintaa ja varautumisen koulutusta.",
                "sv": "Frivillig räddningsverksamhet och beredskapsutbildning.",
                "en": "Volunteer rescue and preparedness training.",
            },
            partner_themes=["training", "volunteers"],
        ),
    ],
    "international": [
        NamePattern(
            name={
                "fi": "{fi} Ystävyysseura",
                "sv": "{sv} vänskapsförening",
                "en": "{en} Friendship Society",
            },
            summary={
                "fi": "Kulttuurivaihtoa ja ystävyyskuntatoimintaa.",
                "sv": "Kulturutbyte och vänortsverksamhet.",
                "en": "Cultural exchange and twin-town activities.",
            },
            partner_themes=["multicultural", "events"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Monikulttuurinen yhdistys",
                "sv": "{sv} mångkulturell förening",
                "en": "{en} Multicultural Association",
            },
            summary={
                "fi": "Kotoutumisen tukea, kielikahviloita ja yhteisiä juhlia.",
                "sv": "Stöd för integration, språkcaféer och gemensamma fester.",
                "en": "Integration support, language cafés and shared celebrations.",
            },
            partner_themes=["multicultural", "joint-projects"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Kehitysyhteistyöyhdistys",
                "sv": "{sv} förening för utvecklingssamarbete",
                "en": "{en} Development Cooperation Association",
            },
            summary={
                "fi": "Keräyksiä ja hankkeita kehittyvissä maissa.",
                "sv": "Insamlingar och projekt i utvecklingsländer.",
                "en": "Fundraising and projects in developing countries.",
            },
            partner_themes=["funding"],
        ),
    ],
    "business": [
        NamePattern(
            name={"fi": "{fi} Yrittäjät", "sv": "{sv} företagare", "en": "{en} Entrepreneurs"},
            summary={
                "fi": "Paikallisten yrittäjien etujärjestö ja verkosto.",
                "sv": "Intresseorganisation och nätverk för lokala företagare.",
                "en": "The local entrepreneurs' association and network.",
            },
            partner_themes=["joint-projects"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Työttömien yhdistys",
                "sv": "{sv} arbetslösas förening",
                "en": "{en} Association of the Unemployed",
            },
            summary={
                "fi": "Työllistymisen tukea, ruokailua ja yhteisöllisyyttä.",
                "sv": "Stöd för sysselsättning, måltider och gemenskap.",
                "en": "Employment support, meals and community.",
            },
            partner_themes=["volunteers", "funding"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Maaseutuyrittäjät",
                "sv": "{sv} landsbygdsföretagare",
                "en": "{en} Rural Entrepreneurs",
            },
            summary={
                "fi": "Maaseudun elinkeinojen kehittämistä ja koulutusta.",
                "sv": "Utveckling av landsbygdens näringar och utbildning.",
                "en": "Developing rural livelihoods and training.",
            },
            partner_themes=["training"],
        ),
    ],
    "religion": [
        NamePattern(
            name={
                "fi": "{fi} Lähetysseura",
                "sv": "{sv} missionssällskap",
                "en": "{en} Mission Society",
            },
            summary={
                "fi": "Lähetystyön tukemista ja myyjäisiä.",
                "sv": "Stöd för missionsarbete och basarer.",
                "en": "Supporting mission work and charity sales.",
            },
            partner_themes=["events"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Diakoniayhdistys",
                "sv": "{sv} diakoniförening",
                "en": "{en} Diaconal Association",
            },
            summary={
                "fi": "Ruoka-apua ja ystävätoimintaa yksinäisille.",
                "sv": "Mathjälp och vänverksamhet för ensamma.",
                "en": "Food aid and befriending for lonely people.",
            },
            partner_themes=["older-people", "volunteers"],
        ),
        NamePattern(
            name={
                "fi": "{fi} Elämänkatsomustietoyhdistys",
                "sv": "{sv} förening för livsåskådning",
                "en": "{en} Secular Worldview Association",
            },
            summary={
                "fi": "Keskustelua ja tapahtumia elämänkatsomuksista.",
                "sv": "Samtal och evenemang om livsåskådningar.",
                "en": "Conversations and events about worldviews.",
            },
            partner_themes=[],
        ),
    ],
    "other": [
        NamePattern(
            name={
                "fi": "{fi} Harrastajateatteri",
                "sv": "{sv} amatörteater",
                "en": "{en} Amateur Theatre",
            },
            summary={
                "fi": "Kesäteatteria ja näytelmäpiirejä kaikenikäisille.",
                "sv": "Sommarteater och teatercirklar för alla åldrar.",
                "en": "Summer theatre and drama groups for all ages.",
            },
            partner_themes=["premises", "events"],
            more_fields=("culture",),
        ),
        NamePattern(
            name={
                "fi": "{fi} Urheiluseura",
                "sv": "{sv} idrottsförening",
                "en": "{en} Sports Club",
            },
            summary={
                "fi": "Liikuntaa lapsille, nuorille ja aikuisille.",
                "sv": "Idrott för barn, unga och vuxna.",
                "en": "Sport for children, young people and adults.",
            },
            partner_themes=["youth", "volunteers"],
            more_fields=("sport",),
        ),
        NamePattern(
            name={"fi": "{fi} Kuoro", "sv": "{sv} kör", "en": "{en} Choir"},
            summary={
                "fi": "Sekakuoro, joka esiintyy konserteissa ja juhlissa.",
                "sv": "En blandad kör som uppträder på konserter och fester.",
                "en": "A mixed choir performing at concerts and celebrations.",
            },
            partner_themes=["events"],
            more_fields=("culture",),
        ),
    ],
}

DESCRIPTION = {
    "fi": "{summary}\n\nToimimme {place} alueella ja olemme avoimia kaikille. Tervetuloa mukaan!",
    "sv": "{summary}\n\nVi verkar i {place} och är öppna för alla. Välkommen med!",
    "en": "{summary}\n\nWe work in {place} and are open to everyone. You are welcome to join!",
}
PARTNER_NOTE = {
    "fi": "Etsimme kumppaneita yhteisiin tapahtumiin ja hankkeisiin.",
    "sv": "Vi söker partner för gemensamma evenemang och projekt.",
    "en": "We are looking for partners for joint events and projects.",
}
# Which demo associations the demo user `member` belongs to (index into the list, role).
MEMBER_OF = [(12, "admin"), (0, "member")]

# The umbrella organisations and associations that organise the demo trainings (the catalogue's
# demo refers to them by slug).
ORGANISERS = [
    Organiser(
        slug="jarjestoneuvottelukunta",
        field="society",
        municipality="hameenlinna",
        name={
            "fi": "Kanta-Hämeen järjestöneuvottelukunta",
            "sv": "Egentliga Tavastlands organisationsdelegation",
            "en": "Kanta-Häme Association Council",
        },
        summary={
            "fi": "Maakunnan yhdistysten yhteinen ääni ja tämän portaalin ylläpitäjä.",
            "sv": "Landskapets föreningars gemensamma röst och den här portalens upprätthållare.",
            "en": "The joint voice of the region's associations and the keeper of this portal.",
        },
        website="https://meidanhame.fi",
        partner_themes=["training", "joint-projects"],
    ),
    Organiser(
        slug="hameenlinnan-seutuverkosto",
        field="society",
        municipality="hameenlinna",
        name={
            "fi": "Hämeenlinnan seudun järjestöverkosto",
            "sv": "Tavastehusregionens organisationsnätverk",
            "en": "Hämeenlinna Sub-regional Network",
        },
        summary={
            "fi": "Hämeenlinnan, Hattulan ja Janakkalan yhdistysten yhteistyöverkosto.",
            "sv": "Samarbetsnätverket för föreningarna i Tavastehus, Hattula och Janakkala.",
            "en": "The cooperation network of associations in Hämeenlinna, Hattula and Janakkala.",
        },
        website="",
        partner_themes=["training"],
    ),
    Organiser(
        slug="riihimaen-seutuverkosto",
        field="society",
        municipality="riihimaki",
        name={
            "fi": "Riihimäen seudun järjestöverkosto",
            "sv": "Riihimäkiregionens organisationsnätverk",
            "en": "Riihimäki Sub-regional Network",
        },
        summary={
            "fi": "Riihimäen, Hausjärven ja Lopen yhdistysten yhteistyöverkosto.",
            "sv": "Samarbetsnätverket för föreningarna i Riihimäki, Hausjärvi och Loppi.",
            "en": "The cooperation network of associations in Riihimäki, Hausjärvi and Loppi.",
        },
        website="",
        partner_themes=["training"],
    ),
    Organiser(
        slug="forssan-seutuverkosto",
        field="society",
        municipality="forssa",
        name={
            "fi": "Forssan seudun järjestöverkosto",
            "sv": "Forssaregionens organisationsnätverk",
            "en": "Forssa Sub-regional Network",
        },
        summary={
            "fi": "Forssan seudun viiden kunnan yhdistysten yhteistyöverkosto.",
            "sv": "Samarbetsnätverket för föreningarna i Forssaregionens fem kommuner.",
            "en": (
                "The cooperation network of associations in the five municipalities around Forssa."
            ),
        },
        website="",
        partner_themes=["training"],
    ),
    Organiser(
        slug="hame-kylat",
        field="village",
        municipality="hattula",
        name={
            "fi": "Hämeen Kylät ry",
            "sv": "Tavastlands byar rf",
            "en": "Häme Villages Association",
        },
        summary={
            "fi": "Kylätoiminnan kehittäjä ja kyläyhdistysten tuki koko maakunnassa.",
            "sv": "Utvecklar byverksamheten och stöder byföreningarna i hela landskapet.",
            "en": "Develops village action and supports village associations across the region.",
        },
        website="",
        partner_themes=["joint-projects", "funding"],
    ),
    Organiser(
        slug="kanta-hameen-sosiaaliturva",
        field="social_health",
        municipality="hameenlinna",
        name={
            "fi": "Kanta-Hämeen sosiaali- ja terveysjärjestöt ry",
            "sv": "Social- och hälsoorganisationerna i Egentliga Tavastland rf",
            "en": "Kanta-Häme Social and Health Organisations",
        },
        summary={
            "fi": "Sosiaali- ja terveysjärjestöjen yhteistyö ja edunvalvonta maakunnassa.",
            "sv": "Samarbete och intressebevakning för social- och hälsoorganisationerna.",
            "en": "Cooperation and advocacy of the region's social and health organisations.",
        },
        website="",
        partner_themes=["older-people", "volunteers"],
    ),
    Organiser(
        slug="loppi-vpk",
        field="safety",
        municipality="loppi",
        name={
            "fi": "Lopen Vapaaehtoinen Palokunta ry",
            "sv": "Loppis frivilliga brandkår rf",
            "en": "Loppi Volunteer Fire Brigade",
        },
        summary={
            "fi": "Sammutustoimintaa, ensiapua ja varautumiskoulutusta Lopella.",
            "sv": "Släckning, första hjälp och beredskapsutbildning i Loppi.",
            "en": "Firefighting, first aid and preparedness training in Loppi.",
        },
        website="",
        partner_themes=["youth"],
    ),
    Organiser(
        slug="forssan-luontoyhdistys",
        field="nature",
        municipality="forssa",
        name={
            "fi": "Forssan seudun luonnonsuojeluyhdistys ry",
            "sv": "Forssanejdens naturskyddsförening rf",
            "en": "Forssa Region Nature Conservation Society",
        },
        summary={
            "fi": "Luontoretkiä, kunnostustalkoita ja ympäristökasvatusta Forssan seudulla.",
            "sv": "Naturutflykter, restaureringstalko och miljöfostran i Forssaregionen.",
            "en": "Nature walks, restoration work and environmental education around Forssa.",
        },
        website="",
        partner_themes=["environment"],
    ),
    Organiser(
        slug="janakkalan-kotiseutu",
        field="village",
        municipality="janakkala",
        name={
            "fi": "Janakkalan kotiseutuyhdistys ry",
            "sv": "Janakkala hembygdsförening rf",
            "en": "Janakkala Local Heritage Society",
        },
        summary={
            "fi": "Paikallishistoriaa, museotoimintaa ja perinnetapahtumia Janakkalassa.",
            "sv": "Lokalhistoria, museiverksamhet och traditionsevenemang i Janakkala.",
            "en": "Local history, a museum and heritage events in Janakkala.",
        },
        website="",
        partner_themes=["events"],
    ),
]

# Whom each field's associations work for, where that work stands in the region's welfare
# description, and what they offer other associations (the cooperation part of a profile).
WELFARE = {
    "trade_unions": (["participation"], ["working_age"]),
    "nature": (["participation"], ["children_families", "everyone"]),
    "social_health": (
        ["life_situations", "expertise", "services_interface"],
        ["long_term_ill", "carers", "older"],
    ),
    "society": (["expertise"], ["everyone"]),
    "village": (["participation", "life_situations"], ["older", "children_families"]),
    "safety": (["expertise", "participation"], ["young", "everyone"]),
    "international": (["life_situations", "participation"], ["immigrants", "young"]),
    "business": (["expertise"], ["working_age", "unemployed"]),
    "religion": (["life_situations", "participation"], ["older", "young"]),
    "other": (["participation"], ["everyone"]),
}
CAN_OFFER = {
    "trade_unions": {
        "fi": "Kokous- ja neuvottelutaitojen koulutusta sekä kokenut puheenjohtaja mentoriksi.",
        "sv": "Utbildning i mötes- och förhandlingsfärdighet och en erfaren ordförande som mentor.",
        "en": "Training in meeting and negotiation skills, and an experienced chair as a mentor.",
    },
    "nature": {
        "fi": "Retkioppaita ja luontopolun talkooväkeä; lainaamme laavun ja retkivarusteet.",
        "sv": "Vandringsledare och talkofolk för naturstigar; vi lånar ut vindskydd och redskap.",
        "en": "Hike guides and volunteers for nature trails; we lend our shelter and outdoor gear.",
    },
    "social_health": {
        "fi": "Vertaistukiryhmän ohjaajakoulutusta ja tietoa sote-palveluihin ohjaamisesta.",
        "sv": "Utbildning för ledare av kamratstödsgrupper och kunskap om att hänvisa till vård.",
        "en": "Peer support group leader training and know-how in guiding people to services.",
    },
    "society": {
        "fi": "Apua yhdistyksen hallinnossa, kirjanpidossa ja avustushakemuksissa.",
        "sv": "Hjälp med föreningens förvaltning, bokföring och bidragsansökningar.",
        "en": "Help with an association's administration, bookkeeping and grant applications.",
    },
    "village": {
        "fi": "Kylätalo kokouksiin ja juhliin sekä talkooväkeä tapahtumien järjestämiseen.",
        "sv": "Bygdegården för möten och fester och talkofolk för att ordna evenemang.",
        "en": "The village hall for meetings and parties, and volunteers to help run events.",
    },
    "safety": {
        "fi": "Ensiapu- ja turvallisuuskoulutusta sekä järjestyksenvalvojia tapahtumiin.",
        "sv": "Utbildning i första hjälp och säkerhet och ordningsvakter till evenemang.",
        "en": "First aid and safety training, and security stewards for events.",
    },
    "international": {
        "fi": "Tulkkiapua ja kulttuurituntemusta monikielisten tapahtumien suunnitteluun.",
        "sv": "Tolkhjälp och kulturkännedom för att planera flerspråkiga evenemang.",
        "en": "Interpreting help and cultural know-how for planning multilingual events.",
    },
    "business": {
        "fi": "Markkinointi- ja viestintäosaamista sekä yhteyksiä paikallisiin yrityksiin.",
        "sv": "Kunnande i marknadsföring och kommunikation och kontakter till lokala företag.",
        "en": "Marketing and communication know-how, and contacts with local businesses.",
    },
    "religion": {
        "fi": "Tiloja pienryhmille ja vapaaehtoisia ikäihmisten ystävätoimintaan.",
        "sv": "Lokaler för smågrupper och frivilliga till vänverksamhet för äldre.",
        "en": "Rooms for small groups and volunteers for befriending older people.",
    },
    "other": {
        "fi": "Kokemusta tapahtumien järjestämisestä ja vapaaehtoisten perehdyttämisestä.",
        "sv": "Erfarenhet av att ordna evenemang och introducera frivilliga.",
        "en": "Experience in running events and welcoming new volunteers.",
    },
}
