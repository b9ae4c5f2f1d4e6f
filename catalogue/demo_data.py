# ruff: noqa: E501 - one line per translated title and summary reads best as data
"""The demo catalogue's texts and schedules: plausible Kanta-Häme trainings, not real ones.

Schedules are in days from the day the demo is loaded, so the demo never goes stale.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Venue:
    """Where a municipality's onsite trainings meet."""

    name: dict  # language code: the venue's name
    street_address: str
    postal_code: str
    latitude: str
    longitude: str


@dataclass(frozen=True)
class DemoTraining:
    """One demo training, in Finnish with Swedish and English translations.

    `schedule` is one of (days count from the day the demo is loaded):
      ("single", day, hour, minutes_long)
      ("course", [(day, hour, minutes_long), ...])
      ("weekly", first_day, hour, minutes_long, count)     weekly on the first day's weekday
      ("monthly", first_day, hour, minutes_long, count)    monthly on the first day's date
      ("days", first_day, number_of_days)                  all-day, one or several days
    `options` holds what only some trainings have: price, member_price, register, capacity,
    open (to other associations), audience, languages, status, material, session_titles,
    exclude/moved (a date of a series), cancel_session/moved_session (a session's number),
    public_link, full (with a waiting list), registrants.
    """

    slug: str
    kind: str
    themes: list  # theme slugs
    format: str
    municipality: str  # "online" for remote trainings
    organiser: str  # the slug of a demo association of the directory
    schedule: tuple
    options: dict
    texts: dict  # language code: (title, summary)


THEMES = [
    # slug, fi, sv, en
    ("rahoitus", "Rahoitus ja avustukset", "Finansiering och understöd", "Funding and grants"),
    (
        "hallitustyo",
        "Hallitustyö ja hallinto",
        "Styrelsearbete och förvaltning",
        "Board work and governance",
    ),
    ("talous", "Talous ja kirjanpito", "Ekonomi och bokföring", "Finances and accounting"),
    (
        "vapaaehtoiset",
        "Vapaaehtoistoiminnan johtaminen",
        "Ledning av frivilligverksamhet",
        "Volunteer management",
    ),
    (
        "viestinta",
        "Viestintä ja some",
        "Kommunikation och sociala medier",
        "Communication and social media",
    ),
    (
        "digitaidot",
        "Digitaidot ja etätyökalut",
        "Digitala färdigheter och distansverktyg",
        "Digital skills and remote tools",
    ),
    (
        "saavutettavuus",
        "Saavutettavuus ja osallisuus",
        "Tillgänglighet och delaktighet",
        "Accessibility and inclusion",
    ),
    (
        "hyvinvointi",
        "Hyvinvointi ja terveyden edistäminen",
        "Välmående och hälsofrämjande",
        "Wellbeing and health promotion",
    ),
    (
        "varautuminen",
        "Varautuminen ja turvallisuus",
        "Beredskap och säkerhet",
        "Preparedness and safety",
    ),
    ("projektit", "Projektinhallinta", "Projektledning", "Project management"),
    ("lait", "Lait ja säännöt", "Lagar och regler", "Law and regulations"),
]

VENUES = {
    "hameenlinna": Venue(
        name={
            "fi": "Järjestötalo Verkatehdas",
            "sv": "Föreningshuset Verkatehdas",
            "en": "Verkatehdas Association House",
        },
        street_address="Paasikiventie 2",
        postal_code="13200",
        latitude="60.99780",
        longitude="24.46630",
    ),
    "hattula": Venue(
        name={
            "fi": "Hattulan kunnantalo, valtuustosali",
            "sv": "Hattula kommunhus, fullmäktigesalen",
            "en": "Hattula town hall, council chamber",
        },
        street_address="Hattulantie 2",
        postal_code="13880",
        latitude="61.06200",
        longitude="24.37300",
    ),
    "janakkala": Venue(
        name={"fi": "Turengin kirjasto", "sv": "Turenki bibliotek", "en": "Turenki library"},
        street_address="Pysäkintie 5",
        postal_code="14200",
        latitude="60.91870",
        longitude="24.63880",
    ),
    "riihimaki": Venue(
        name={
            "fi": "Riihimäen kansalaisopisto",
            "sv": "Riihimäki medborgarinstitut",
            "en": "Riihimäki adult education centre",
        },
        street_address="Hämeenaukio 1",
        postal_code="11100",
        latitude="60.73850",
        longitude="24.77260",
    ),
    "hausjarvi": Venue(
        name={
            "fi": "Oitin seurakuntatalo",
            "sv": "Oitti församlingshem",
            "en": "Oitti parish hall",
        },
        street_address="Keskustie 12",
        postal_code="12100",
        latitude="60.78680",
        longitude="25.03010",
    ),
    "loppi": Venue(
        name={
            "fi": "Lopen paloasema, koulutustila",
            "sv": "Loppis brandstation, utbildningsrummet",
            "en": "Loppi fire station, training room",
        },
        street_address="Pilvenmäentie 1",
        postal_code="12700",
        latitude="60.71920",
        longitude="24.44490",
    ),
    "forssa": Venue(
        name={
            "fi": "Forssan kaupunginkirjasto, Vinssi-sali",
            "sv": "Forssa stadsbibliotek, Vinssi-salen",
            "en": "Forssa city library, Vinssi hall",
        },
        street_address="Wahreninkatu 4",
        postal_code="30100",
        latitude="60.81470",
        longitude="23.62290",
    ),
    "humppila": Venue(
        name={
            "fi": "Humppilan yhteiskoulu, auditorio",
            "sv": "Humppila samskola, auditoriet",
            "en": "Humppila school auditorium",
        },
        street_address="Koulutie 4",
        postal_code="31640",
        latitude="60.92460",
        longitude="23.36900",
    ),
    "jokioinen": Venue(
        name={"fi": "Jokioisten kartano", "sv": "Jockis gård", "en": "Jokioinen Manor"},
        street_address="Humppilantie 9",
        postal_code="31600",
        latitude="60.81500",
        longitude="23.48690",
    ),
    "tammela": Venue(
        name={"fi": "Tammelan kunnantalo", "sv": "Tammela kommunhus", "en": "Tammela town hall"},
        street_address="Hakkapeliitantie 3",
        postal_code="31300",
        latitude="60.80910",
        longitude="23.76090",
    ),
    "ypaja": Venue(
        name={
            "fi": "Ypäjän Hevosopisto, Ypäjä-sali",
            "sv": "Ypäjä Hippologiska institut, Ypäjä-salen",
            "en": "Ypäjä Equine College, Ypäjä hall",
        },
        street_address="Opistontie 9",
        postal_code="32100",
        latitude="60.80340",
        longitude="23.28120",
    ),
}

TRAININGS = [
    DemoTraining(
        slug="avustushaun-abc",
        kind="training",
        themes=["rahoitus"],
        format="hybrid",
        municipality="hameenlinna",
        organiser="jarjestoneuvottelukunta",
        schedule=("single", 9, 17, 150),
        options={"open": True, "capacity": 30, "register": True},
        texts={
            "fi": (
                "Avustushaun ABC",
                "Miten kirjoitan hyvän avustushakemuksen? Käydään läpi hakemuksen rakenne, budjetti ja yleisimmät virheet.",
            ),
            "sv": (
                "Understödsansökans ABC",
                "Hur skriver man en bra understödsansökan? Vi går igenom ansökans struktur, budgeten och de vanligaste misstagen.",
            ),
            "en": (
                "Grant applications from A to Z",
                "How do I write a good grant application? We go through the structure, the budget and the most common mistakes.",
            ),
        },
    ),
    DemoTraining(
        slug="hallituksen-perehdytys",
        kind="course",
        themes=["hallitustyo", "lait"],
        format="onsite",
        municipality="riihimaki",
        organiser="riihimaen-seutuverkosto",
        schedule=("course", [(12, 17, 180), (19, 17, 180), (26, 17, 180)]),
        options={
            "open": True,
            "capacity": 25,
            "register": True,
            "audience": ["board"],
            "session_titles": True,
        },
        texts={
            "fi": (
                "Uuden hallituksen perehdytyskurssi",
                "Kolmen illan kurssi uusille hallituksen jäsenille: vastuut, kokouskäytännöt ja yhdistyslaki.",
            ),
            "sv": (
                "Introduktionskurs för en ny styrelse",
                "En kurs på tre kvällar för nya styrelsemedlemmar: ansvar, mötespraxis och föreningslagen.",
            ),
            "en": (
                "Induction course for new board members",
                "A three-evening course for new board members: responsibilities, meeting practice and the Associations Act.",
            ),
        },
    ),
    DemoTraining(
        slug="kirjanpidon-perusteet",
        kind="training",
        themes=["talous"],
        format="onsite",
        municipality="forssa",
        organiser="forssan-seutuverkosto",
        schedule=("single", 15, 13, 240),
        options={
            "price": "20.00",
            "member_price": "10.00",
            "register": True,
            "capacity": 20,
            "audience": ["board", "staff"],
        },
        texts={
            "fi": (
                "Yhdistyksen kirjanpidon perusteet",
                "Tositteet, tilinpäätös ja toiminnantarkastus selkeästi. Ota oma kannettava mukaan.",
            ),
            "sv": (
                "Grunderna i föreningens bokföring",
                "Verifikat, bokslut och verksamhetsgranskning på ett klart sätt. Ta med din egen bärbara dator.",
            ),
            "en": (
                "Association bookkeeping basics",
                "Receipts, annual accounts and the operations audit made clear. Bring your own laptop.",
            ),
        },
    ),
    DemoTraining(
        slug="vapaaehtoisten-johtaminen-webinaari",
        kind="webinar",
        themes=["vapaaehtoiset"],
        format="online",
        municipality="online",
        organiser="kanta-hameen-sosiaaliturva",
        schedule=("single", 5, 14, 90),
        options={"open": True, "register": True, "public_link": True, "languages": ["fi", "sv"]},
        texts={
            "fi": (
                "Webinaari: vapaaehtoisten rekrytointi ja sitouttaminen",
                "Mistä uusia vapaaehtoisia ja miten he viihtyvät? Esimerkkejä kolmesta kantahämäläisestä yhdistyksestä.",
            ),
            "sv": (
                "Webbinarium: att rekrytera och engagera frivilliga",
                "Var hittar man nya frivilliga och hur trivs de? Exempel från tre föreningar i Egentliga Tavastland.",
            ),
            "en": (
                "Webinar: recruiting and keeping volunteers",
                "Where to find new volunteers and how to keep them? Examples from three associations in Kanta-Häme.",
            ),
        },
    ),
    DemoTraining(
        slug="somekoulu",
        kind="course",
        themes=["viestinta", "digitaidot"],
        format="online",
        municipality="online",
        organiser="hameenlinnan-seutuverkosto",
        schedule=("course", [(7, 18, 90), (14, 18, 90), (21, 18, 90), (28, 18, 90)]),
        options={"register": True, "capacity": 40, "cancel_session": 2},
        texts={
            "fi": (
                "Somekoulu yhdistyksille",
                "Neljän illan verkkokurssi: Facebook, Instagram, kuvat ja viestinnän vuosikello.",
            ),
            "sv": (
                "Sociala medier-skola för föreningar",
                "En nätkurs på fyra kvällar: Facebook, Instagram, bilder och kommunikationens årsklocka.",
            ),
            "en": (
                "Social media school for associations",
                "A four-evening online course: Facebook, Instagram, pictures and a yearly communication plan.",
            ),
        },
    ),
    DemoTraining(
        slug="teams-tutuksi",
        kind="training",
        themes=["digitaidot"],
        format="onsite",
        municipality="hattula",
        organiser="hameenlinnan-seutuverkosto",
        schedule=("single", 3, 10, 120),
        options={
            "free": True,
            "audience": ["volunteers", "everyone"],
            "languages": ["fi", "fi-plain"],
        },
        texts={
            "fi": (
                "Teams ja Zoom tutuiksi",
                "Rauhallinen opastus etäkokouksiin: liittyminen, kamera, mikrofoni ja puheenvuoron pyytäminen.",
            ),
            "sv": (
                "Bekanta dig med Teams och Zoom",
                "Lugn handledning i distansmöten: att ansluta, kameran, mikrofonen och att begära ordet.",
            ),
            "en": (
                "Getting to know Teams and Zoom",
                "A calm guide to remote meetings: joining, camera, microphone and asking for the floor.",
            ),
        },
    ),
    DemoTraining(
        slug="saavutettava-tapahtuma",
        kind="seminar",
        themes=["saavutettavuus"],
        format="hybrid",
        municipality="janakkala",
        organiser="hattulan-omaishoitajat-ry",
        schedule=("single", 20, 12, 240),
        options={
            "open": True,
            "register": True,
            "capacity": 60,
            "registrants": 4,
            "audience": ["everyone"],
        },
        texts={
            "fi": (
                "Seminaari: saavutettava ja osallistava tapahtuma",
                "Miten järjestän tapahtuman, johon kaikki pääsevät? Esteettömyys, selkokieli ja viittomakielinen tulkkaus.",
            ),
            "sv": (
                "Seminarium: ett tillgängligt och inkluderande evenemang",
                "Hur ordnar man ett evenemang som alla kan delta i? Tillgänglighet, lättläst språk och teckenspråkstolkning.",
            ),
            "en": (
                "Seminar: accessible and inclusive events",
                "How do I organise an event everyone can attend? Step-free access, plain language and sign language interpreting.",
            ),
        },
    ),
    DemoTraining(
        slug="liikuntaryhma-hausjarvi",
        kind="networking",
        themes=["hyvinvointi"],
        format="onsite",
        municipality="hausjarvi",
        organiser="kanta-hameen-sosiaaliturva",
        schedule=("weekly", 2, 18, 60, 20),
        options={"free": True, "open": True, "exclude": 2, "audience": ["everyone"]},
        texts={
            "fi": (
                "Hyvinvointiryhmä yhdistysaktiiveille",
                "Viikoittainen kevyt liikuntahetki ja vertaistuki yhdistystoimijoille. Ei ennakkoilmoittautumista.",
            ),
            "sv": (
                "Välmåendegrupp för föreningsaktiva",
                "En veckovis lätt motionsstund och kamratstöd för föreningsaktiva. Ingen föranmälan.",
            ),
            "en": (
                "Wellbeing group for association volunteers",
                "A weekly light exercise session and peer support for association people. No need to register.",
            ),
        },
    ),
    DemoTraining(
        slug="valmiussuunnitelma",
        kind="training",
        themes=["varautuminen"],
        format="onsite",
        municipality="loppi",
        organiser="loppi-vpk",
        schedule=("single", 25, 18, 150),
        options={"register": True, "capacity": 12, "full": True, "audience": ["board"]},
        texts={
            "fi": (
                "Yhdistyksen valmiussuunnitelma",
                "Mitä teemme poikkeustilanteessa? Laaditaan yhdessä valmiussuunnitelman runko omalle yhdistykselle.",
            ),
            "sv": (
                "Föreningens beredskapsplan",
                "Vad gör vi i en exceptionell situation? Tillsammans gör vi en stomme till en beredskapsplan för den egna föreningen.",
            ),
            "en": (
                "A preparedness plan for your association",
                "What do we do in an emergency? Together we draft a preparedness plan for your own association.",
            ),
        },
    ),
    DemoTraining(
        slug="hankeklinikka",
        kind="training",
        themes=["projektit", "rahoitus"],
        format="online",
        municipality="online",
        organiser="jarjestoneuvottelukunta",
        schedule=("monthly", 6, 9, 60, 12),
        options={"free": True, "open": True, "moved": 1, "public_link": True},
        texts={
            "fi": (
                "Hankeklinikka",
                "Kuukausittainen etäklinikka: tuo hankeideasi ja kysy rahoituksesta, budjetista tai raportoinnista.",
            ),
            "sv": (
                "Projektklinik",
                "En månatlig distansklinik: ta med din projektidé och fråga om finansiering, budget eller rapportering.",
            ),
            "en": (
                "Project clinic",
                "A monthly remote clinic: bring your project idea and ask about funding, budgets or reporting.",
            ),
        },
    ),
    DemoTraining(
        slug="yhdistyslaki-kevat",
        kind="webinar",
        themes=["lait", "hallitustyo"],
        format="online",
        municipality="online",
        organiser="jarjestoneuvottelukunta",
        schedule=("single", 11, 16, 60),
        options={"register": True, "languages": ["fi", "en"]},
        texts={
            "fi": (
                "Yhdistyslain muutokset",
                "Mitä yhdistyslain uudistus tarkoittaa sääntöjen, kokousten ja etäosallistumisen kannalta?",
            ),
            "sv": (
                "Ändringarna i föreningslagen",
                "Vad innebär reformen av föreningslagen för stadgar, möten och distansdeltagande?",
            ),
            "en": (
                "Changes to the Associations Act",
                "What does the reform of the Associations Act mean for rules, meetings and remote participation?",
            ),
        },
    ),
    DemoTraining(
        slug="jarjestofoorumi",
        kind="forum",
        themes=["hallitustyo", "rahoitus", "vapaaehtoiset"],
        format="hybrid",
        municipality="hameenlinna",
        organiser="jarjestoneuvottelukunta",
        schedule=("days", 40, 2),
        options={
            "open": True,
            "register": True,
            "capacity": 200,
            "audience": ["everyone"],
            "languages": ["fi", "sv"],
        },
        texts={
            "fi": (
                "Kanta-Hämeen järjestöfoorumi",
                "Vuoden suurin järjestötapaaminen: kaksi päivää puheenvuoroja, työpajoja ja verkostoitumista.",
            ),
            "sv": (
                "Organisationsforum i Egentliga Tavastland",
                "Årets största organisationsträff: två dagar med anföranden, workshoppar och nätverkande.",
            ),
            "en": (
                "Kanta-Häme association forum",
                "The year's biggest gathering of associations: two days of talks, workshops and networking.",
            ),
        },
    ),
    DemoTraining(
        slug="kylaverkosto-tammela",
        kind="networking",
        themes=["projektit"],
        format="onsite",
        municipality="tammela",
        organiser="hame-kylat",
        schedule=("single", 8, 18, 120),
        options={"free": True, "open": True},
        texts={
            "fi": (
                "Kyläyhdistysten verkostoilta",
                "Tammelan, Forssan ja Jokioisten kyläyhdistykset tapaavat: yhteishankkeet ja tilojen yhteiskäyttö.",
            ),
            "sv": (
                "Nätverkskväll för byaföreningar",
                "Byaföreningarna i Tammela, Forssa och Jockis träffas: samprojekt och gemensamt bruk av lokaler.",
            ),
            "en": (
                "Village associations' networking evening",
                "Village associations from Tammela, Forssa and Jokioinen meet: joint projects and sharing premises.",
            ),
        },
    ),
    DemoTraining(
        slug="luontopolku-jokioinen",
        kind="networking",
        themes=["hyvinvointi", "vapaaehtoiset"],
        format="onsite",
        municipality="jokioinen",
        organiser="forssan-luontoyhdistys",
        schedule=("single", 16, 10, 180),
        options={"free": True, "open": True, "audience": ["volunteers"]},
        texts={
            "fi": (
                "Talkoopäivä luontopolulla",
                "Kunnostetaan yhdessä Jokioisten luontopolkua ja opitaan talkoiden turvallisuudesta.",
            ),
            "sv": (
                "Talkodag på naturstigen",
                "Vi rustar tillsammans upp naturstigen i Jockis och lär oss om säkerhet vid talko.",
            ),
            "en": (
                "Volunteer work day on the nature trail",
                "Let's restore the Jokioinen nature trail together and learn about safety at volunteer work.",
            ),
        },
    ),
    DemoTraining(
        slug="hevosavusteinen-hyvinvointi",
        kind="seminar",
        themes=["hyvinvointi"],
        format="onsite",
        municipality="ypaja",
        organiser="forssan-seutuverkosto",
        schedule=("single", 30, 9, 420),
        options={"price": "35.00", "member_price": "25.00", "register": True, "capacity": 50},
        texts={
            "fi": (
                "Luonto- ja eläinavusteinen hyvinvointityö",
                "Seminaaripäivä Ypäjällä: miten yhdistykset voivat hyödyntää luontoa ja eläimiä hyvinvointityössä.",
            ),
            "sv": (
                "Natur- och djurassisterat välmåendearbete",
                "En seminariedag i Ypäjä: hur föreningar kan använda naturen och djur i välmåendearbetet.",
            ),
            "en": (
                "Nature- and animal-assisted wellbeing work",
                "A seminar day in Ypäjä: how associations can use nature and animals in wellbeing work.",
            ),
        },
    ),
    DemoTraining(
        slug="kotiseutuarkisto",
        kind="training",
        themes=["digitaidot"],
        format="onsite",
        municipality="janakkala",
        organiser="janakkalan-kotiseutu",
        schedule=("course", [(4, 17, 120), (11, 17, 120)]),
        options={"free": True, "open": True, "session_titles": True},
        texts={
            "fi": (
                "Kotiseutuarkisto digitaaliseksi",
                "Kahden illan kurssi valokuvien ja asiakirjojen digitoinnista ja kuvailusta.",
            ),
            "sv": (
                "Hembygdsarkivet blir digitalt",
                "En kurs på två kvällar om att digitalisera och beskriva fotografier och dokument.",
            ),
            "en": (
                "Digitising the local heritage archive",
                "A two-evening course on digitising and describing photographs and documents.",
            ),
        },
    ),
    DemoTraining(
        slug="humppila-tietosuoja",
        kind="training",
        themes=["lait", "digitaidot"],
        format="onsite",
        municipality="humppila",
        organiser="forssan-seutuverkosto",
        schedule=("single", 13, 18, 120),
        options={"register": True, "capacity": 25},
        texts={
            "fi": (
                "Tietosuoja yhdistyksessä",
                "Jäsenrekisteri, valokuvat ja sähköpostilistat: mitä tietosuoja-asetus edellyttää yhdistykseltä?",
            ),
            "sv": (
                "Dataskydd i föreningen",
                "Medlemsregister, fotografier och e-postlistor: vad kräver dataskyddsförordningen av en förening?",
            ),
            "en": (
                "Data protection in an association",
                "Member registers, photos and mailing lists: what does the GDPR require of an association?",
            ),
        },
    ),
    DemoTraining(
        slug="kriisiviestinta",
        kind="webinar",
        themes=["viestinta", "varautuminen"],
        format="online",
        municipality="online",
        organiser="jarjestoneuvottelukunta",
        schedule=("single", 18, 13, 90),
        options={"status": "postponed", "register": True},
        texts={
            "fi": (
                "Kriisiviestintä yhdistyksessä",
                "Miten viestimme jäsenille ja medialle, kun jotain odottamatonta tapahtuu?",
            ),
            "sv": (
                "Kriskommunikation i föreningen",
                "Hur kommunicerar vi med medlemmar och medier när något oväntat händer?",
            ),
            "en": (
                "Crisis communication in an association",
                "How do we talk to members and the media when something unexpected happens?",
            ),
        },
    ),
    DemoTraining(
        slug="toimintasuunnitelma-pajat",
        kind="training",
        themes=["hallitustyo", "projektit"],
        format="onsite",
        municipality="hattula",
        organiser="hameenlinnan-seutuverkosto",
        schedule=("single", 22, 17, 150),
        options={"status": "cancelled", "register": True, "capacity": 20},
        texts={
            "fi": (
                "Toimintasuunnitelmapaja",
                "Tehdään ensi vuoden toimintasuunnitelma ja talousarvio yhdessä toisten yhdistysten kanssa.",
            ),
            "sv": (
                "Verkstad för verksamhetsplanen",
                "Vi gör nästa års verksamhetsplan och budget tillsammans med andra föreningar.",
            ),
            "en": (
                "Action plan workshop",
                "Let's write next year's action plan and budget together with other associations.",
            ),
        },
    ),
    DemoTraining(
        slug="ensiapu-riihimaki",
        kind="training",
        themes=["varautuminen", "hyvinvointi"],
        format="onsite",
        municipality="riihimaki",
        organiser="loppi-vpk",
        schedule=("days", 33, 1),
        options={"price": "60.00", "member_price": "45.00", "register": True, "capacity": 16},
        texts={
            "fi": (
                "Ensiapukurssi EA1 yhdistysaktiiveille",
                "Koko päivän ensiapukurssi tapahtumien järjestäjille. Sisältää todistuksen.",
            ),
            "sv": (
                "Första hjälpen-kurs FHJ1 för föreningsaktiva",
                "En heldagskurs i första hjälpen för arrangörer av evenemang. Intyg ingår.",
            ),
            "en": (
                "First aid course for association volunteers",
                "A full-day first aid course for event organisers. Certificate included.",
            ),
        },
    ),
    DemoTraining(
        slug="selkokieli",
        kind="training",
        themes=["saavutettavuus", "viestinta"],
        format="online",
        municipality="online",
        organiser="kanta-hameen-sosiaaliturva",
        schedule=("single", 27, 10, 120),
        options={"register": True, "languages": ["fi", "fi-plain"], "open": True},
        texts={
            "fi": (
                "Selkokieli yhdistyksen viestinnässä",
                "Miten kirjoitan tiedotteen tai kutsun, jonka kaikki ymmärtävät?",
            ),
            "sv": (
                "Lättläst språk i föreningens kommunikation",
                "Hur skriver jag ett meddelande eller en inbjudan som alla förstår?",
            ),
            "en": (
                "Plain language in association communication",
                "How do I write a notice or invitation everyone understands?",
            ),
        },
    ),
    DemoTraining(
        slug="vertaistukiryhma-forssa",
        kind="networking",
        themes=["vapaaehtoiset", "hyvinvointi"],
        format="onsite",
        municipality="forssa",
        organiser="forssan-seutuverkosto",
        schedule=("weekly", 1, 17, 90, 30),
        options={"free": True, "exclude": 3, "moved": 5, "languages": ["fi"]},
        texts={
            "fi": (
                "Vertaistukiryhmän vetäjien tapaaminen",
                "Viikoittainen tapaaminen vertaisryhmien vetäjille: vaihdetaan kokemuksia ja jaksamisvinkkejä.",
            ),
            "sv": (
                "Träff för ledare av kamratstödsgrupper",
                "En veckovis träff för ledare av kamratgrupper: vi utbyter erfarenheter och tips för att orka.",
            ),
            "en": (
                "Meeting of peer support group leaders",
                "A weekly meeting for peer group leaders: sharing experiences and tips for coping.",
            ),
        },
    ),
    DemoTraining(
        slug="english-for-associations",
        kind="course",
        themes=["viestinta"],
        format="online",
        municipality="online",
        organiser="jarjestoneuvottelukunta",
        schedule=("course", [(6, 18, 60), (13, 18, 60), (20, 18, 60)]),
        options={"register": True, "capacity": 15, "languages": ["en"], "moved_session": 1},
        texts={
            "fi": (
                "Englantia yhdistystoimijoille",
                "Kolmen kerran keskustelukurssi: esittele yhdistyksesi ja toimi kansainvälisessä hankkeessa.",
            ),
            "sv": (
                "Engelska för föreningsaktiva",
                "En konversationskurs på tre gånger: presentera din förening och arbeta i ett internationellt projekt.",
            ),
            "en": (
                "English for association volunteers",
                "A three-session conversation course: present your association and work in an international project.",
            ),
        },
    ),
    DemoTraining(
        slug="ukrainalaiset-yhdistykset",
        kind="networking",
        themes=["saavutettavuus"],
        format="onsite",
        municipality="hameenlinna",
        organiser="hameenlinnan-seutuverkosto",
        schedule=("single", 17, 17, 120),
        options={"free": True, "open": True, "languages": ["fi", "uk", "ru"]},
        texts={
            "fi": (
                "Tervetuloa yhdistystoimintaan – ukrainankielinen ilta",
                "Tietoa suomalaisesta yhdistystoiminnasta ja tutustumista paikallisiin yhdistyksiin. Tulkkaus ukrainaksi.",
            ),
            "sv": (
                "Välkommen till föreningslivet – kväll på ukrainska",
                "Information om det finländska föreningslivet och lokala föreningar. Tolkning till ukrainska.",
            ),
            "en": (
                "Welcome to association life – an evening in Ukrainian",
                "About Finnish association life and meeting local associations. Interpreting into Ukrainian.",
            ),
        },
    ),
    DemoTraining(
        slug="tilintarkastus-webinaari",
        kind="webinar",
        themes=["talous", "lait"],
        format="online",
        municipality="online",
        organiser="forssan-seutuverkosto",
        schedule=("single", 35, 17, 90),
        options={"register": True, "public_link": False},
        texts={
            "fi": (
                "Toiminnantarkastus käytännössä",
                "Mitä toiminnantarkastaja tarkastaa ja miten hallitus valmistautuu? Webinaari ennen vuosikokouksia.",
            ),
            "sv": (
                "Verksamhetsgranskning i praktiken",
                "Vad granskar verksamhetsgranskaren och hur förbereder sig styrelsen? Webbinarium före årsmötena.",
            ),
            "en": (
                "The operations audit in practice",
                "What does the operations auditor check and how does the board prepare? A webinar before annual meetings.",
            ),
        },
    ),
    DemoTraining(
        slug="hankeviestinta",
        kind="training",
        themes=["projektit", "viestinta"],
        format="hybrid",
        municipality="riihimaki",
        organiser="riihimaen-seutuverkosto",
        schedule=("single", 24, 13, 180),
        options={"register": True, "capacity": 30, "open": True},
        texts={
            "fi": (
                "Hankkeen viestintä ja raportointi",
                "Näin kerrot hankkeen tuloksista rahoittajalle, jäsenille ja medialle.",
            ),
            "sv": (
                "Projektets kommunikation och rapportering",
                "Så berättar du om projektets resultat för finansiären, medlemmarna och medierna.",
            ),
            "en": (
                "Project communication and reporting",
                "How to tell the funder, members and media about your project's results.",
            ),
        },
    ),
    DemoTraining(
        slug="yhdistysten-kevatseminaari",
        kind="seminar",
        themes=["hallitustyo", "vapaaehtoiset"],
        format="onsite",
        municipality="forssa",
        organiser="forssan-seutuverkosto",
        schedule=("single", 45, 9, 360),
        options={"price": "15.00", "register": True, "capacity": 120, "open": True},
        texts={
            "fi": (
                "Forssan seudun järjestöseminaari",
                "Seminaari seudun yhdistyksille: puheenvuoroja kunnista ja hyvinvointialueelta sekä verkostoitumista.",
            ),
            "sv": (
                "Organisationsseminarium i Forssaregionen",
                "Ett seminarium för regionens föreningar: anföranden från kommunerna och välfärdsområdet samt nätverkande.",
            ),
            "en": (
                "Forssa sub-region association seminar",
                "A seminar for the sub-region's associations: talks from the municipalities and the wellbeing county, and networking.",
            ),
        },
    ),
    DemoTraining(
        slug="loppi-turvallisuuskavely",
        kind="training",
        themes=["varautuminen"],
        format="onsite",
        municipality="loppi",
        organiser="loppi-vpk",
        schedule=("single", 10, 18, 90),
        options={"free": True, "open": True, "audience": ["everyone"]},
        texts={
            "fi": (
                "Tapahtuman turvallisuuskävely",
                "Käydään läpi yleisötapahtuman pelastussuunnitelma paikan päällä Lopen keskustassa.",
            ),
            "sv": (
                "Säkerhetsvandring inför evenemang",
                "Vi går igenom räddningsplanen för ett publikevenemang på plats i Loppis centrum.",
            ),
            "en": (
                "Event safety walk",
                "We walk through a public event's rescue plan on site in the centre of Loppi.",
            ),
        },
    ),
    DemoTraining(
        slug="hausjarvi-kylatalot",
        kind="networking",
        themes=["projektit", "rahoitus"],
        format="onsite",
        municipality="hausjarvi",
        organiser="hame-kylat",
        schedule=("single", 29, 18, 120),
        options={"free": True, "open": True},
        texts={
            "fi": (
                "Kylätalojen yhteiskäyttö",
                "Miten kylätalo saadaan monen yhdistyksen käyttöön? Varauskalenterit, vastuut ja avustukset.",
            ),
            "sv": (
                "Gemensamt bruk av byagårdar",
                "Hur kan flera föreningar använda byagården? Bokningskalendrar, ansvar och understöd.",
            ),
            "en": (
                "Sharing village halls",
                "How can many associations use the village hall? Booking calendars, responsibilities and grants.",
            ),
        },
    ),
    DemoTraining(
        slug="ypaja-hallitusilta",
        kind="training",
        themes=["hallitustyo"],
        format="onsite",
        municipality="ypaja",
        organiser="forssan-seutuverkosto",
        schedule=("single", 37, 18, 120),
        options={"free": True, "register": True, "capacity": 20, "audience": ["board"]},
        texts={
            "fi": (
                "Puheenjohtajan ja sihteerin ilta",
                "Kokouksen valmistelu, pöytäkirja ja päätösten toimeenpano käytännössä.",
            ),
            "sv": (
                "Kväll för ordförande och sekreterare",
                "Att förbereda möten, skriva protokoll och verkställa beslut i praktiken.",
            ),
            "en": (
                "An evening for chairs and secretaries",
                "Preparing meetings, writing minutes and putting decisions into practice.",
            ),
        },
    ),
    DemoTraining(
        slug="humppila-nuoret",
        kind="networking",
        themes=["vapaaehtoiset", "saavutettavuus"],
        format="onsite",
        municipality="humppila",
        organiser="kanta-hameen-sosiaaliturva",
        schedule=("single", 19, 16, 120),
        options={"free": True, "open": True, "audience": ["volunteers"]},
        texts={
            "fi": (
                "Nuoret mukaan yhdistystoimintaan",
                "Miten nuoret saadaan mukaan ja heidän äänensä kuuluviin yhdistyksissä?",
            ),
            "sv": (
                "Få med unga i föreningsverksamheten",
                "Hur får vi med unga och deras röst hörd i föreningarna?",
            ),
            "en": (
                "Getting young people involved",
                "How to involve young people and make their voice heard in associations?",
            ),
        },
    ),
    DemoTraining(
        slug="jokioinen-talous",
        kind="training",
        themes=["talous"],
        format="onsite",
        municipality="jokioinen",
        organiser="forssan-seutuverkosto",
        schedule=("single", 31, 17, 120),
        options={"price": "10.00", "register": True, "capacity": 20},
        texts={
            "fi": (
                "Talousarvio ja maksuliikenne",
                "Yhdistyksen talousarvion laatiminen, pankkiyhteydet ja maksujen hyväksyntä.",
            ),
            "sv": (
                "Budget och betalningar",
                "Att göra föreningens budget, bankförbindelser och godkännande av betalningar.",
            ),
            "en": (
                "Budgets and payments",
                "Making the association's budget, banking and approving payments.",
            ),
        },
    ),
    DemoTraining(
        slug="tammela-luontoilta",
        kind="networking",
        themes=["hyvinvointi"],
        format="onsite",
        municipality="tammela",
        organiser="forssan-luontoyhdistys",
        schedule=("single", 23, 18, 90),
        options={"free": True, "open": True, "languages": ["fi"]},
        texts={
            "fi": (
                "Luontoilta Torronsuolla",
                "Opastettu iltakävely kansallispuistossa ja keskustelua luontoliikunnan järjestämisestä.",
            ),
            "sv": (
                "Naturkväll på Torronsuo",
                "En guidad kvällspromenad i nationalparken och samtal om att ordna friluftsaktiviteter.",
            ),
            "en": (
                "Nature evening at Torronsuo",
                "A guided evening walk in the national park and a talk on organising outdoor activities.",
            ),
        },
    ),
    DemoTraining(
        slug="vaalit-yhdistyksissa",
        kind="webinar",
        themes=["lait", "hallitustyo"],
        format="online",
        municipality="online",
        organiser="jarjestoneuvottelukunta",
        schedule=("single", 52, 17, 60),
        options={"free": True, "register": True, "status": "moved_online"},
        texts={
            "fi": (
                "Vuosikokous ja vaalit",
                "Vuosikokouksen kulku, vaalit ja etäosallistuminen. Siirretty verkkoon.",
            ),
            "sv": (
                "Årsmöte och val",
                "Hur årsmötet går till, val och distansdeltagande. Flyttat till nätet.",
            ),
            "en": (
                "The annual meeting and elections",
                "How the annual meeting runs, elections and remote participation. Moved online.",
            ),
        },
    ),
    DemoTraining(
        slug="hameenlinna-kumppanuuspoyta",
        kind="networking",
        themes=["rahoitus", "projektit"],
        format="onsite",
        municipality="hameenlinna",
        organiser="hameenlinnan-seutuverkosto",
        schedule=("monthly", 14, 15, 90, 8),
        options={"free": True, "open": True},
        texts={
            "fi": (
                "Kumppanuuspöytä",
                "Kuukausittainen tapaaminen yhdistyksille, kunnalle ja hyvinvointialueelle: yhteishankkeiden ideat.",
            ),
            "sv": (
                "Partnerskapsbord",
                "En månatlig träff för föreningar, kommunen och välfärdsområdet: idéer till samprojekt.",
            ),
            "en": (
                "Partnership table",
                "A monthly meeting of associations, the municipality and the wellbeing county: ideas for joint projects.",
            ),
        },
    ),
    # Past trainings (the archive)
    DemoTraining(
        slug="menneet-avustuskoulutus",
        kind="training",
        themes=["rahoitus"],
        format="onsite",
        municipality="hameenlinna",
        organiser="jarjestoneuvottelukunta",
        schedule=("single", -20, 17, 120),
        options={"free": True, "material": True},
        texts={
            "fi": (
                "Syksyn avustushaut",
                "Katsaus syksyn avustushakuihin. Materiaali ja tallenne ovat saatavilla.",
            ),
            "sv": (
                "Höstens understödsansökningar",
                "En översikt över höstens ansökningsomgångar. Material och inspelning finns tillgängliga.",
            ),
            "en": (
                "This autumn's grant calls",
                "An overview of this autumn's grant calls. Material and recording are available.",
            ),
        },
    ),
    DemoTraining(
        slug="menneet-some",
        kind="webinar",
        themes=["viestinta"],
        format="online",
        municipality="online",
        organiser="riihimaen-seutuverkosto",
        schedule=("single", -45, 14, 60),
        options={"free": True, "material": True},
        texts={
            "fi": (
                "Instagram yhdistyksen äänenä",
                "Webinaari Instagramin käytöstä yhdistyksen viestinnässä. Tallenne katsottavissa.",
            ),
            "sv": (
                "Instagram som föreningens röst",
                "Webbinarium om Instagram i föreningens kommunikation. Inspelningen kan ses.",
            ),
            "en": (
                "Instagram as the association's voice",
                "A webinar on using Instagram in association communication. The recording can be watched.",
            ),
        },
    ),
    DemoTraining(
        slug="menneet-turvallisuus",
        kind="training",
        themes=["varautuminen"],
        format="onsite",
        municipality="riihimaki",
        organiser="loppi-vpk",
        schedule=("single", -70, 18, 120),
        options={"free": True},
        texts={
            "fi": (
                "Yleisötapahtuman pelastussuunnitelma",
                "Koulutus pelastussuunnitelman laatimisesta yleisötapahtumaan.",
            ),
            "sv": (
                "Räddningsplan för publikevenemang",
                "Utbildning i att göra en räddningsplan för ett publikevenemang.",
            ),
            "en": (
                "A rescue plan for public events",
                "Training on drafting a rescue plan for a public event.",
            ),
        },
    ),
    DemoTraining(
        slug="menneet-foorumi",
        kind="forum",
        themes=["hallitustyo", "vapaaehtoiset"],
        format="onsite",
        municipality="forssa",
        organiser="jarjestoneuvottelukunta",
        schedule=("days", -120, 1),
        options={"free": True, "material": True},
        texts={
            "fi": (
                "Järjestöfoorumi (viime vuosi)",
                "Viime vuoden järjestöfoorumin esitykset ja yhteenveto.",
            ),
            "sv": (
                "Organisationsforum (förra året)",
                "Presentationer och sammanfattning från förra årets organisationsforum.",
            ),
            "en": (
                "Association forum (last year)",
                "Presentations and a summary of last year's association forum.",
            ),
        },
    ),
    DemoTraining(
        slug="menneet-saavutettavuus",
        kind="course",
        themes=["saavutettavuus"],
        format="hybrid",
        municipality="hattula",
        organiser="kanta-hameen-sosiaaliturva",
        schedule=("course", [(-60, 17, 120), (-53, 17, 120)]),
        options={"free": True},
        texts={
            "fi": (
                "Esteettömyyskartoitus omaan tilaan",
                "Kahden illan kurssi yhdistyksen tilojen esteettömyyden kartoittamisesta.",
            ),
            "sv": (
                "Tillgänglighetskartläggning av egen lokal",
                "En kurs på två kvällar om att kartlägga tillgängligheten i föreningens lokaler.",
            ),
            "en": (
                "Surveying the accessibility of your premises",
                "A two-evening course on surveying the accessibility of the association's premises.",
            ),
        },
    ),
    DemoTraining(
        slug="menneet-digi",
        kind="training",
        themes=["digitaidot"],
        format="onsite",
        municipality="janakkala",
        organiser="janakkalan-kotiseutu",
        schedule=("single", -10, 10, 120),
        options={"free": True},
        texts={
            "fi": (
                "Verkkosivut yhdistykselle",
                "Koulutus yhdistyksen verkkosivujen tekemisestä ilmaisilla työkaluilla.",
            ),
            "sv": (
                "En webbplats för föreningen",
                "Utbildning i att göra föreningens webbplats med gratis verktyg.",
            ),
            "en": (
                "A website for your association",
                "Training on building the association's website with free tools.",
            ),
        },
    ),
    DemoTraining(
        slug="menneet-talous",
        kind="webinar",
        themes=["talous", "lait"],
        format="online",
        municipality="online",
        organiser="forssan-seutuverkosto",
        schedule=("single", -30, 17, 90),
        options={"free": True, "material": True},
        texts={
            "fi": (
                "Verotus ja yhdistys",
                "Milloin yhdistys maksaa veroa? Yleishyödyllisyys ja elinkeinotoiminta.",
            ),
            "sv": (
                "Beskattning och föreningen",
                "När betalar en förening skatt? Allmännyttighet och näringsverksamhet.",
            ),
            "en": (
                "Taxation and associations",
                "When does an association pay tax? Public benefit and business activity.",
            ),
        },
    ),
]

BODY = {
    "fi": (
        "Koulutus on tarkoitettu kaikille kantahämäläisille yhdistystoimijoille. Mukaan ei "
        "tarvita aiempaa kokemusta. Kysy rohkeasti yhteyshenkilöltä, jos sinulla on kysyttävää "
        "saavutettavuudesta tai osallistumisesta."
    ),
    "sv": (
        "Utbildningen är avsedd för alla föreningsaktiva i Egentliga Tavastland. Ingen tidigare "
        "erfarenhet behövs. Fråga gärna kontaktpersonen om tillgänglighet eller deltagande."
    ),
    "en": (
        "The training is meant for everyone active in Kanta-Häme's associations. No earlier "
        "experience is needed. Do ask the contact person about accessibility or taking part."
    ),
}

SESSION_TITLES = {
    "fi": ["Osa {n}"],
    "sv": ["Del {n}"],
    "en": ["Part {n}"],
}

NOTES = {
    "cancelled": {
        "fi": "Kouluttaja on estynyt; kerta korvataan kurssin lopussa.",
        "sv": "Utbildaren är förhindrad; gången ersätts i slutet av kursen.",
        "en": "The trainer cannot come; the session is made up at the end of the course.",
    },
    "excluded": {
        "fi": "Ei kokoontumista arkipyhän vuoksi.",
        "sv": "Ingen träff på grund av helgdag.",
        "en": "No meeting because of a public holiday.",
    },
    "moved": {
        "fi": "Siirretty päivää myöhemmäksi tilan remontin vuoksi.",
        "sv": "Flyttad en dag framåt på grund av renovering av lokalen.",
        "en": "Moved a day later because the room is being renovated.",
    },
    "moved_place": {
        "fi": "Seurakuntatalon kokoushuone",
        "sv": "Församlingshemmets mötesrum",
        "en": "Parish hall meeting room",
    },
    "postponed": {
        "fi": "Siirretään myöhempään ajankohtaan; uusi päivä kerrotaan pian.",
        "sv": "Skjuts upp till en senare tidpunkt; det nya datumet meddelas snart.",
        "en": "Postponed to a later date; the new date will be announced soon.",
    },
    "cancelled_training": {
        "fi": "Peruttu liian vähäisen ilmoittautumismäärän vuoksi.",
        "sv": "Inställd på grund av för få anmälda.",
        "en": "Cancelled because too few people registered.",
    },
    "moved_online": {
        "fi": "Siirretty verkkoon; liittymislinkki lähetetään ilmoittautuneille.",
        "sv": "Flyttat till nätet; länken skickas till de anmälda.",
        "en": "Moved online; the link is sent to those registered.",
    },
}

PRICE_INFO = {
    "fi": "Jäsenhinta koskee Kanta-Hämeen järjestöverkostojen jäseniä.",
    "sv": "Medlemspriset gäller medlemmar i organisationsnätverken i Egentliga Tavastland.",
    "en": "The member price applies to members of the Kanta-Häme association networks.",
}

ACCESSIBILITY_INFO = {
    "fi": "Pysäköinti pääovella, invapaikka merkitty.",
    "sv": "Parkering vid huvudingången, invalidplats utmärkt.",
    "en": "Parking at the main door, accessible space marked.",
}

REGISTRANTS = [
    ("Anneli Virtanen", "Hämeenlinnan Eläkkeensaajat ry"),
    ("Jussi Mäkelä", "Lopen Vapaaehtoinen Palokunta ry"),
    ("Sanna Laine", "Riihimäen Kansalaisopiston kannatusyhdistys ry"),
    ("Pekka Heinonen", "Hausjärven kyläyhdistys ry"),
    ("Leena Koskinen", "Forssan Martat ry"),
    ("Marko Järvinen", "Tammelan Urheilijat ry"),
    ("Tiina Lehtonen", "Janakkalan kotiseutuyhdistys ry"),
    ("Kari Saarinen", "Hattulan Yrittäjät ry"),
    ("Päivi Niemi", "Humppilan nuorisoseura ry"),
    ("Ville Hämäläinen", "Ypäjän hevosharrastajat ry"),
    ("Riikka Salonen", "Jokioisten kylät ry"),
    ("Mikko Rantanen", "Kanta-Hämeen Omaishoitajat ry"),
    ("Elina Tuominen", "Forssan seudun luonnonsuojeluyhdistys ry"),
    ("Oskari Lindholm", "Riihimäen Svenska förening rf"),
    ("Helmi Karjalainen", "Hämeenlinnan Nuorkauppakamari ry"),
]

# Trainings that are meetings or events of a network (associations.network_demo): those the
# sub-regional networks organise, and a few thematic ones. Network page slugs.
NETWORK_OF_ORGANISER = {
    "hameenlinnan-seutuverkosto": "hameenlinnan-seudun-jarjestoverkosto",
    "riihimaen-seutuverkosto": "riihimaen-seudun-jarjestoverkosto",
    "forssan-seutuverkosto": "forssan-seudun-jarjestoverkosto",
}
NETWORK_MEETINGS = {
    "vertaistukiryhma-forssa": ["kanta-hameen-ikajarjestojen-verkosto"],
    "selkokieli": ["kanta-hameen-ikajarjestojen-verkosto"],
    "liikuntaryhma-hausjarvi": ["nuoriso-ja-liikuntajarjestojen-verkosto"],
    "humppila-nuoret": ["nuoriso-ja-liikuntajarjestojen-verkosto"],
    "tammela-luontoilta": ["nuoriso-ja-liikuntajarjestojen-verkosto"],
    "hameenlinna-kumppanuuspoyta": ["hameenlinnan-seudun-jarjestoverkosto"],
}


def networks_of(training):
    """The network slugs whose meeting the demo training is."""
    slugs = list(NETWORK_MEETINGS.get(training.slug, []))
    by_organiser = NETWORK_OF_ORGANISER.get(training.organiser)
    if by_organiser and by_organiser not in slugs:
        slugs.insert(0, by_organiser)
    return slugs


# A training by an organiser outside the directory: the city and the university of applied
# sciences train associations too, with no association made up for them.
EXTERNAL_TRAINING = {
    "slug": "hamk-hankehakemus-tyopaja",
    "organiser": {
        "url": "https://www.hamk.fi/",
        "kind": "college",
        "name": {
            "fi": "Hämeen ammattikorkeakoulu HAMK",
            "sv": "Tavastlands yrkeshögskola HAMK",
            "en": "Häme University of Applied Sciences HAMK",
        },
    },
    "texts": {
        "fi": (
            "Hankehakemuksen työpaja yhdistyksille",
            "HAMKin kehittämisasiantuntijat auttavat yhdistyksiä kirjoittamaan hankehakemuksen "
            "tavoitteet, budjetin ja arvioinnin.",
            "Visamäen kampus, auditorio",
        ),
        "sv": (
            "Verkstad för projektansökan för föreningar",
            "HAMK:s utvecklingsexperter hjälper föreningar att skriva projektansökans mål, "
            "budget och utvärdering.",
            "Visamäki campus, auditoriet",
        ),
        "en": (
            "Project application workshop for associations",
            "HAMK's development experts help associations write the aims, budget and "
            "evaluation of a project application.",
            "Visamäki campus, auditorium",
        ),
    },
    "street_address": "Visamäentie 35",
    "postal_code": "13100",
    "municipality": "hameenlinna",
}

# An event a member of an association sent on the site: it waits for an editor's approval.
MEMBER_EVENT = {
    "texts": {
        "fi": (
            "Omaishoitajien kevätretki Aulangolle",
            "Retki luontopolulle ja kahville Aulangon näkötornille. Mukaan mahtuu myös "
            "hoidettavia; kuljetus esteetön.",
        ),
        "sv": (
            "Närståendevårdarnas vårutflykt till Aulanko",
            "En utflykt till naturstigen och kaffe vid Aulanko utsiktstorn. Även de som vårdas "
            "är välkomna; transporten är tillgänglig.",
        ),
        "en": (
            "Family carers' spring outing to Aulanko",
            "An outing to the nature trail and coffee at the Aulanko lookout tower. The people "
            "cared for are welcome too; the transport is accessible.",
        ),
    },
    "body": (
        "Lähdemme yhteisellä esteettömällä bussilla Hattulan kirkonkylästä. Retken "
        "pituus on noin kaksi kilometriä tasaista polkua."
    ),
    "venue": "Aulangon näkötorni",
    "street_address": "Aulangontie 91",
    "postal_code": "13210",
    "accessibility_info": "Polku on tasainen ja soveltuu pyörätuolille; tornissa ei ole hissiä.",
}
