"""Made-up but plausible Kanta-Häme associations for the demo, in Finnish, Swedish and English.

Each field of activity has name patterns; each pattern is placed in two municipalities, so the
directory covers all ten fields and all eleven municipalities (60 associations).
"""

# code, Finnish genitive, Swedish name, English name
MUNICIPALITIES = [
    ("hameenlinna", "Hämeenlinnan", "Tavastehus", "Hämeenlinna"),
    ("hattula", "Hattulan", "Hattula", "Hattula"),
    ("janakkala", "Janakkalan", "Janakkala", "Janakkala"),
    ("riihimaki", "Riihimäen", "Riihimäki", "Riihimäki"),
    ("hausjarvi", "Hausjärven", "Hausjärvi", "Hausjärvi"),
    ("loppi", "Lopen", "Loppi", "Loppi"),
    ("forssa", "Forssan", "Forssa", "Forssa"),
    ("humppila", "Humppilan", "Humppila", "Humppila"),
    ("jokioinen", "Jokioisten", "Jockis", "Jokioinen"),
    ("tammela", "Tammelan", "Tammela", "Tammela"),
    ("ypaja", "Ypäjän", "Ypäjä", "Ypäjä"),
]

# field slug → [(fi name, sv name, en name, (fi, sv, en) summary, partner themes)]
PATTERNS = {
    "trade_unions": [
        (
            "{fi} Opettajien ammattiosasto",
            "{sv} lärarnas fackavdelning",
            "{en} Teachers' Union Branch",
            (
                "Edunvalvontaa ja virkistystä alueen opettajille.",
                "Intressebevakning och rekreation för lärarna i området.",
                "Advocacy and recreation for the area's teachers.",
            ),
            ["training"],
        ),
        (
            "{fi} Sairaanhoitajien yhdistys",
            "{sv} sjukskötarförening",
            "{en} Nurses' Association",
            (
                "Hoitajien ammatillista yhteistoimintaa ja koulutusta.",
                "Yrkesmässigt samarbete och utbildning för sjukskötare.",
                "Professional cooperation and training for nurses.",
            ),
            [],
        ),
        (
            "{fi} Metallityöväen ammattiosasto",
            "{sv} metallarbetarnas fackavdelning",
            "{en} Metalworkers' Union Branch",
            (
                "Työpaikkojen edunvalvontaa ja jäsentapahtumia.",
                "Intressebevakning på arbetsplatserna och medlemsevenemang.",
                "Workplace advocacy and members' events.",
            ),
            ["events"],
        ),
    ],
    "nature": [
        (
            "{fi} Luonnonsuojeluyhdistys",
            "{sv} naturskyddsförening",
            "{en} Nature Conservation Association",
            (
                "Retkiä, talkoita ja luontokartoituksia kotiseudulla.",
                "Utflykter, talkoarbete och naturinventeringar i hembygden.",
                "Excursions, volunteer work and nature surveys at home.",
            ),
            ["environment", "volunteers"],
        ),
        (
            "{fi} Lintuharrastajat",
            "{sv} fågelskådare",
            "{en} Birdwatchers",
            (
                "Linturetkiä ja laskentoja kaikenikäisille.",
                "Fågelutflykter och räkningar för alla åldrar.",
                "Birdwatching trips and counts for all ages.",
            ),
            ["youth"],
        ),
        (
            "{fi} Eläinsuojeluyhdistys",
            "{sv} djurskyddsförening",
            "{en} Animal Welfare Association",
            (
                "Löytöeläinten auttamista ja eläinten hyvinvoinnin neuvontaa.",
                "Hjälp för hittedjur och rådgivning om djurens välfärd.",
                "Help for stray animals and advice on animal welfare.",
            ),
            ["volunteers"],
        ),
    ],
    "social_health": [
        (
            "{fi} Omaishoitajat",
            "{sv} närståendevårdare",
            "{en} Family Carers",
            (
                "Vertaistukea ja virkistystä omaishoitajille.",
                "Kamratstöd och rekreation för närståendevårdare.",
                "Peer support and respite for family carers.",
            ),
            ["older-people", "volunteers"],
        ),
        (
            "{fi} Sydänyhdistys",
            "{sv} hjärtförening",
            "{en} Heart Association",
            (
                "Terveysliikuntaa, luentoja ja vertaistukea sydänpotilaille.",
                "Hälsomotion, föreläsningar och kamratstöd för hjärtpatienter.",
                "Health exercise, talks and peer support for heart patients.",
            ),
            ["events"],
        ),
        (
            "{fi} Mielenterveysseura",
            "{sv} förening för psykisk hälsa",
            "{en} Mental Health Society",
            (
                "Matalan kynnyksen kohtaamispaikka ja kriisituki.",
                "En mötesplats med låg tröskel och krisstöd.",
                "A low-threshold meeting place and crisis support.",
            ),
            ["joint-projects", "funding"],
        ),
    ],
    "society": [
        (
            "{fi} Nuorisovaltuustoyhdistys",
            "{sv} ungdomsfullmäktigeförening",
            "{en} Youth Council Association",
            (
                "Nuorten äänen vahvistamista kunnan päätöksenteossa.",
                "Vi stärker ungas röst i kommunens beslutsfattande.",
                "Strengthening young people's voice in municipal decisions.",
            ),
            ["youth"],
        ),
        (
            "{fi} Ihmisoikeusyhdistys",
            "{sv} människorättsförening",
            "{en} Human Rights Association",
            (
                "Keskustelutilaisuuksia ja ihmisoikeuskasvatusta.",
                "Diskussionsmöten och fostran i mänskliga rättigheter.",
                "Public debates and human rights education.",
            ),
            ["training", "multicultural"],
        ),
        (
            "{fi} Yrittäjänaiset",
            "{sv} företagarkvinnor",
            "{en} Women Entrepreneurs",
            (
                "Verkostoja ja yhteiskunnallista vaikuttamista naisyrittäjille.",
                "Nätverk och samhällspåverkan för kvinnliga företagare.",
                "Networks and advocacy for women entrepreneurs.",
            ),
            [],
        ),
    ],
    "village": [
        (
            "{fi} Kyläyhdistys",
            "{sv} byförening",
            "{en} Village Association",
            (
                "Kylätalo, talkoot ja kyläjuhlat – yhdessä elävä kylä.",
                "Bygdegård, talko och byfester – en levande by tillsammans.",
                "A village hall, volunteer work and village fêtes.",
            ),
            ["premises", "events", "joint-projects"],
        ),
        (
            "{fi} Kotiseutuyhdistys",
            "{sv} hembygdsförening",
            "{en} Local Heritage Society",
            (
                "Kotiseutumuseo, perinnetapahtumat ja paikallishistoria.",
                "Hembygdsmuseum, traditionsevenemang och lokalhistoria.",
                "A local museum, traditional events and local history.",
            ),
            ["events"],
        ),
        (
            "{fi} Asukasyhdistys",
            "{sv} invånarförening",
            "{en} Residents' Association",
            (
                "Asuinalueen viihtyisyyttä ja asukkaiden yhteistä tekemistä.",
                "Trivsel i bostadsområdet och gemensamma aktiviteter.",
                "A pleasant neighbourhood and things to do together.",
            ),
            ["volunteers"],
        ),
    ],
    "safety": [
        (
            "{fi} VPK",
            "{sv} FBK",
            "{en} Volunteer Fire Brigade",
            (
                "Sopimuspalokunta, nuoriso-osasto ja turvallisuuskoulutus.",
                "Avtalsbrandkår, ungdomsavdelning och säkerhetsutbildning.",
                "A contract fire brigade, a youth section and safety training.",
            ),
            ["youth", "training"],
        ),
        (
            "{fi} Reserviläiset",
            "{sv} reservister",
            "{en} Reservists",
            (
                "Maanpuolustushenkistä toimintaa ja ammuntaa.",
                "Försvarsanda, verksamhet och skytte.",
                "National defence activities and shooting.",
            ),
            [],
        ),
        (
            "{fi} Meripelastus- ja turvayhdistys",
            "{sv} räddnings- och säkerhetsförening",
            "{en} Rescue and Safety Association",
            (
                "Vapaaehtoista pelastustoimintaa ja varautumisen koulutusta.",
                "Frivillig räddningsverksamhet och beredskapsutbildning.",
                "Volunteer rescue and preparedness training.",
            ),
            ["training", "volunteers"],
        ),
    ],
    "international": [
        (
            "{fi} Ystävyysseura",
            "{sv} vänskapsförening",
            "{en} Friendship Society",
            (
                "Kulttuurivaihtoa ja ystävyyskuntatoimintaa.",
                "Kulturutbyte och vänortsverksamhet.",
                "Cultural exchange and twin-town activities.",
            ),
            ["multicultural", "events"],
        ),
        (
            "{fi} Monikulttuurinen yhdistys",
            "{sv} mångkulturell förening",
            "{en} Multicultural Association",
            (
                "Kotoutumisen tukea, kielikahviloita ja yhteisiä juhlia.",
                "Stöd för integration, språkcaféer och gemensamma fester.",
                "Integration support, language cafés and shared celebrations.",
            ),
            ["multicultural", "joint-projects"],
        ),
        (
            "{fi} Kehitysyhteistyöyhdistys",
            "{sv} förening för utvecklingssamarbete",
            "{en} Development Cooperation Association",
            (
                "Keräyksiä ja hankkeita kehittyvissä maissa.",
                "Insamlingar och projekt i utvecklingsländer.",
                "Fundraising and projects in developing countries.",
            ),
            ["funding"],
        ),
    ],
    "business": [
        (
            "{fi} Yrittäjät",
            "{sv} företagare",
            "{en} Entrepreneurs",
            (
                "Paikallisten yrittäjien etujärjestö ja verkosto.",
                "Intresseorganisation och nätverk för lokala företagare.",
                "The local entrepreneurs' association and network.",
            ),
            ["joint-projects"],
        ),
        (
            "{fi} Työttömien yhdistys",
            "{sv} arbetslösas förening",
            "{en} Association of the Unemployed",
            (
                "Työllistymisen tukea, ruokailua ja yhteisöllisyyttä.",
                "Stöd för sysselsättning, måltider och gemenskap.",
                "Employment support, meals and community.",
            ),
            ["volunteers", "funding"],
        ),
        (
            "{fi} Maaseutuyrittäjät",
            "{sv} landsbygdsföretagare",
            "{en} Rural Entrepreneurs",
            (
                "Maaseudun elinkeinojen kehittämistä ja koulutusta.",
                "Utveckling av landsbygdens näringar och utbildning.",
                "Developing rural livelihoods and training.",
            ),
            ["training"],
        ),
    ],
    "religion": [
        (
            "{fi} Lähetysseura",
            "{sv} missionssällskap",
            "{en} Mission Society",
            (
                "Lähetystyön tukemista ja myyjäisiä.",
                "Stöd för missionsarbete och basarer.",
                "Supporting mission work and charity sales.",
            ),
            ["events"],
        ),
        (
            "{fi} Diakoniayhdistys",
            "{sv} diakoniförening",
            "{en} Diaconal Association",
            (
                "Ruoka-apua ja ystävätoimintaa yksinäisille.",
                "Mathjälp och vänverksamhet för ensamma.",
                "Food aid and befriending for lonely people.",
            ),
            ["older-people", "volunteers"],
        ),
        (
            "{fi} Elämänkatsomustietoyhdistys",
            "{sv} förening för livsåskådning",
            "{en} Secular Worldview Association",
            (
                "Keskustelua ja tapahtumia elämänkatsomuksista.",
                "Samtal och evenemang om livsåskådningar.",
                "Conversations and events about worldviews.",
            ),
            [],
        ),
    ],
    "other": [
        (
            "{fi} Harrastajateatteri",
            "{sv} amatörteater",
            "{en} Amateur Theatre",
            (
                "Kesäteatteria ja näytelmäpiirejä kaikenikäisille.",
                "Sommarteater och teatercirklar för alla åldrar.",
                "Summer theatre and drama groups for all ages.",
            ),
            ["premises", "events"],
        ),
        (
            "{fi} Urheiluseura",
            "{sv} idrottsförening",
            "{en} Sports Club",
            (
                "Liikuntaa lapsille, nuorille ja aikuisille.",
                "Idrott för barn, unga och vuxna.",
                "Sport for children, young people and adults.",
            ),
            ["youth", "volunteers"],
        ),
        (
            "{fi} Kuoro",
            "{sv} kör",
            "{en} Choir",
            (
                "Sekakuoro, joka esiintyy konserteissa ja juhlissa.",
                "En blandad kör som uppträder på konserter och fester.",
                "A mixed choir performing at concerts and celebrations.",
            ),
            ["events"],
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
# demo refers to them by slug). Each: slug, field slug, municipality, (fi, sv, en) name,
# (fi, sv, en) summary, website, partner themes.
ORGANISERS = [
    (
        "jarjestoneuvottelukunta",
        "society",
        "hameenlinna",
        (
            "Kanta-Hämeen järjestöneuvottelukunta",
            "Egentliga Tavastlands organisationsdelegation",
            "Kanta-Häme Association Council",
        ),
        (
            "Maakunnan yhdistysten yhteinen ääni ja tämän portaalin ylläpitäjä.",
            "Landskapets föreningars gemensamma röst och den här portalens upprätthållare.",
            "The joint voice of the region's associations and the keeper of this portal.",
        ),
        "https://meidanhame.fi",
        ["training", "joint-projects"],
    ),
    (
        "hameenlinnan-seutuverkosto",
        "society",
        "hameenlinna",
        (
            "Hämeenlinnan seudun järjestöverkosto",
            "Tavastehusregionens organisationsnätverk",
            "Hämeenlinna Sub-regional Network",
        ),
        (
            "Hämeenlinnan, Hattulan ja Janakkalan yhdistysten yhteistyöverkosto.",
            "Samarbetsnätverket för föreningarna i Tavastehus, Hattula och Janakkala.",
            "The cooperation network of associations in Hämeenlinna, Hattula and Janakkala.",
        ),
        "",
        ["training"],
    ),
    (
        "riihimaen-seutuverkosto",
        "society",
        "riihimaki",
        (
            "Riihimäen seudun järjestöverkosto",
            "Riihimäkiregionens organisationsnätverk",
            "Riihimäki Sub-regional Network",
        ),
        (
            "Riihimäen, Hausjärven ja Lopen yhdistysten yhteistyöverkosto.",
            "Samarbetsnätverket för föreningarna i Riihimäki, Hausjärvi och Loppi.",
            "The cooperation network of associations in Riihimäki, Hausjärvi and Loppi.",
        ),
        "",
        ["training"],
    ),
    (
        "forssan-seutuverkosto",
        "society",
        "forssa",
        (
            "Forssan seudun järjestöverkosto",
            "Forssaregionens organisationsnätverk",
            "Forssa Sub-regional Network",
        ),
        (
            "Forssan seudun viiden kunnan yhdistysten yhteistyöverkosto.",
            "Samarbetsnätverket för föreningarna i Forssaregionens fem kommuner.",
            "The cooperation network of associations in the five municipalities around Forssa.",
        ),
        "",
        ["training"],
    ),
    (
        "hame-kylat",
        "village",
        "hattula",
        ("Hämeen Kylät ry", "Tavastlands byar rf", "Häme Villages Association"),
        (
            "Kylätoiminnan kehittäjä ja kyläyhdistysten tuki koko maakunnassa.",
            "Utvecklar byverksamheten och stöder byföreningarna i hela landskapet.",
            "Develops village action and supports village associations across the region.",
        ),
        "",
        ["joint-projects", "funding"],
    ),
    (
        "kanta-hameen-sosiaaliturva",
        "social_health",
        "hameenlinna",
        (
            "Kanta-Hämeen sosiaali- ja terveysjärjestöt ry",
            "Social- och hälsoorganisationerna i Egentliga Tavastland rf",
            "Kanta-Häme Social and Health Organisations",
        ),
        (
            "Sosiaali- ja terveysjärjestöjen yhteistyö ja edunvalvonta maakunnassa.",
            "Samarbete och intressebevakning för social- och hälsoorganisationerna.",
            "Cooperation and advocacy of the region's social and health organisations.",
        ),
        "",
        ["older-people", "volunteers"],
    ),
    (
        "loppi-vpk",
        "safety",
        "loppi",
        (
            "Lopen Vapaaehtoinen Palokunta ry",
            "Loppis frivilliga brandkår rf",
            "Loppi Volunteer Fire Brigade",
        ),
        (
            "Sammutustoimintaa, ensiapua ja varautumiskoulutusta Lopella.",
            "Släckning, första hjälp och beredskapsutbildning i Loppi.",
            "Firefighting, first aid and preparedness training in Loppi.",
        ),
        "",
        ["youth"],
    ),
    (
        "forssan-luontoyhdistys",
        "nature",
        "forssa",
        (
            "Forssan seudun luonnonsuojeluyhdistys ry",
            "Forssanejdens naturskyddsförening rf",
            "Forssa Region Nature Conservation Society",
        ),
        (
            "Luontoretkiä, kunnostustalkoita ja ympäristökasvatusta Forssan seudulla.",
            "Naturutflykter, restaureringstalko och miljöfostran i Forssaregionen.",
            "Nature walks, restoration work and environmental education around Forssa.",
        ),
        "",
        ["environment"],
    ),
    (
        "janakkalan-kotiseutu",
        "village",
        "janakkala",
        (
            "Janakkalan kotiseutuyhdistys ry",
            "Janakkala hembygdsförening rf",
            "Janakkala Local Heritage Society",
        ),
        (
            "Paikallishistoriaa, museotoimintaa ja perinnetapahtumia Janakkalassa.",
            "Lokalhistoria, museiverksamhet och traditionsevenemang i Janakkala.",
            "Local history, a museum and heritage events in Janakkala.",
        ),
        "",
        ["events"],
    ),
]
