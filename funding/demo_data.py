# ruff: noqa: E501 - one line per translated title and summary reads best as data
"""The demo funding calls: typical of what Kanta-Häme's associations apply for, but examples,
not the real calls. Dates are in days from the day the demo is loaded, so statuses stay
varied: closed, open, closing soon, upcoming and continuous."""

FUNDERS = [
    # slug, type, website, {lang: (name, description)}
    (
        "hameenlinna",
        "municipality",
        "https://www.hameenlinna.fi",
        {
            "fi": (
                "Hämeenlinnan kaupunki",
                "Kaupunki tukee yhdistysten toimintaa, tapahtumia ja tiloja.",
            ),
            "sv": (
                "Tavastehus stad",
                "Staden stöder föreningarnas verksamhet, evenemang och lokaler.",
            ),
            "en": (
                "City of Hämeenlinna",
                "The city supports associations' activities, events and premises.",
            ),
        },
    ),
    (
        "riihimaki",
        "municipality",
        "https://www.riihimaki.fi",
        {
            "fi": (
                "Riihimäen kaupunki",
                "Kaupungin avustukset yhdistyksille ja harrastustoiminnalle.",
            ),
            "sv": ("Riihimäki stad", "Stadens bidrag till föreningar och hobbyverksamhet."),
            "en": ("City of Riihimäki", "The city's grants for associations and hobby activities."),
        },
    ),
    (
        "forssa",
        "municipality",
        "https://www.forssa.fi",
        {
            "fi": ("Forssan kaupunki", "Kaupungin järjestö- ja kulttuuriavustukset."),
            "sv": ("Forssa stad", "Stadens organisations- och kulturbidrag."),
            "en": ("Town of Forssa", "The town's grants for organisations and culture."),
        },
    ),
    (
        "oma-hame",
        "wellbeing_county",
        "https://omahame.fi",
        {
            "fi": (
                "Oma Hämeen hyvinvointialue",
                "Hyvinvointialue avustaa hyvinvointia ja terveyttä edistävää järjestötoimintaa.",
            ),
            "sv": (
                "Välfärdsområdet Egentliga Tavastland (Oma Häme)",
                "Välfärdsområdet stöder organisationer som främjar välfärd och hälsa.",
            ),
            "en": (
                "Oma Häme wellbeing services county",
                "The county supports organisations that promote wellbeing and health.",
            ),
        },
    ),
    (
        "stea",
        "state",
        "https://www.stea.fi",
        {
            "fi": (
                "Sosiaali- ja terveysjärjestöjen avustuskeskus STEA",
                "STEA myöntää valtionavustuksia sosiaali- ja terveysalan yleishyödyllisille yhteisöille.",
            ),
            "sv": (
                "Social- och hälsoorganisationernas understödscentral STEA",
                "STEA beviljar statsbidrag till allmännyttiga social- och hälsoorganisationer.",
            ),
            "en": (
                "Funding Centre for Social Welfare and Health Organisations STEA",
                "STEA grants state funding to non-profit social welfare and health organisations.",
            ),
        },
    ),
    (
        "linnaseutu",
        "leader",
        "https://www.linnaseutu.fi",
        {
            "fi": (
                "Linnaseutu ry (Leader)",
                "Leader-ryhmä Hämeenlinnan, Hattulan ja Janakkalan maaseudulla.",
            ),
            "sv": (
                "Linnaseutu rf (Leader)",
                "Leadergrupp på landsbygden i Tavastehus, Hattula och Janakkala.",
            ),
            "en": (
                "Linnaseutu (Leader group)",
                "The Leader group for rural Hämeenlinna, Hattula and Janakkala.",
            ),
        },
    ),
    (
        "pomoottori",
        "leader",
        "https://www.pomoottori.fi",
        {
            "fi": ("Leader Pomoottori ry", "Leader-ryhmä Riihimäen seudulla."),
            "sv": ("Leader Pomoottori rf", "Leadergrupp i Riihimäkiregionen."),
            "en": ("Leader Pomoottori", "The Leader group of the Riihimäki sub-region."),
        },
    ),
    (
        "etpahame",
        "leader",
        "https://www.etpahame.fi",
        {
            "fi": ("Leader Etpähäme ry", "Leader-ryhmä Forssan seudulla."),
            "sv": ("Leader Etpähäme rf", "Leadergrupp i Forssaregionen."),
            "en": ("Leader Etpähäme", "The Leader group of the Forssa sub-region."),
        },
    ),
    (
        "skr-hame",
        "foundation",
        "https://skr.fi",
        {
            "fi": (
                "Suomen Kulttuurirahaston Hämeen rahasto",
                "Apurahoja taiteeseen, kulttuuriin ja kansalaistoimintaan Hämeessä.",
            ),
            "sv": (
                "Finska kulturfondens Tavastlands fond",
                "Stipendier för konst, kultur och medborgarverksamhet i Tavastland.",
            ),
            "en": (
                "Finnish Cultural Foundation, Häme Regional Fund",
                "Grants for the arts, culture and civic activity in Häme.",
            ),
        },
    ),
    (
        "oph-erasmus",
        "eu",
        "https://www.oph.fi/fi/ohjelmat/erasmus",
        {
            "fi": (
                "Opetushallitus: Erasmus+",
                "Opetushallitus on Erasmus+ -ohjelman kansallinen toimisto.",
            ),
            "sv": (
                "Utbildningsstyrelsen: Erasmus+",
                "Utbildningsstyrelsen är Erasmus+-programmets nationella kontor.",
            ),
            "en": (
                "Finnish National Agency for Education: Erasmus+",
                "The national agency of the Erasmus+ programme in Finland.",
            ),
        },
    ),
    (
        "tyollisyyspalvelut",
        "employment",
        "https://tyomarkkinatori.fi",
        {
            "fi": (
                "Kanta-Hämeen työllisyysalueet (TE-palvelut)",
                "Työllisyysalueet myöntävät palkkatukea myös yhdistyksille.",
            ),
            "sv": (
                "Sysselsättningsområdena i Egentliga Tavastland (arbets- och näringstjänster)",
                "Sysselsättningsområdena beviljar lönesubvention även till föreningar.",
            ),
            "en": (
                "Kanta-Häme employment areas (employment services)",
                "The employment areas grant wage subsidies to associations too.",
            ),
        },
    ),
    (
        "okm",
        "ministry",
        "https://okm.fi",
        {
            "fi": (
                "Opetus- ja kulttuuriministeriö",
                "Ministeriö avustaa liikunnan, nuorisotyön ja kulttuurin järjestöjä.",
            ),
            "sv": (
                "Undervisnings- och kulturministeriet",
                "Ministeriet stöder organisationer inom idrott, ungdomsarbete och kultur.",
            ),
            "en": (
                "Ministry of Education and Culture",
                "The ministry supports sport, youth work and culture organisations.",
            ),
        },
    ),
    (
        "jarjestoneuvottelukunta",
        "other",
        "https://www.meidanhame.fi",
        {
            "fi": ("Kanta-Hämeen järjestöneuvottelukunta", "Maakunnan yhdistysten yhteistyöelin."),
            "sv": (
                "Organisationsdelegationen i Egentliga Tavastland",
                "Samarbetsorgan för landskapets föreningar.",
            ),
            "en": (
                "Kanta-Häme regional association council",
                "The cooperation body of the region's associations.",
            ),
        },
    ),
]

# Timing: ("rounds", [(opens, closes, "HH:MM" or None, decision_days or None), ...]),
# ("continuous",) or ("annual", opens, closes, "HH:MM"): days from today for this year's round.
OPPORTUNITIES = [
    # slug, funder, instrument, timing, (min, max, total), themes, applicants, fields, sub_regions, municipalities, joint, self_financing %, published days ago, {lang: (title, summary)}
    (
        "hameenlinna-toiminta-avustus",
        "hameenlinna",
        "operating",
        ("annual", -25, 20, "16:00"),
        (300, 5000, 180000),
        ["rahoitus", "hallitustyo"],
        ["registered"],
        [],
        [],
        ["hameenlinna"],
        False,
        None,
        40,
        {
            "fi": (
                "Hämeenlinnan yhdistysten toiminta-avustus",
                "Hämeenlinnalaiset rekisteröidyt yhdistykset voivat hakea avustusta vuoden toimintaansa. Haku on kerran vuodessa.",
            ),
            "sv": (
                "Tavastehus verksamhetsbidrag för föreningar",
                "Registrerade föreningar i Tavastehus kan söka bidrag för årets verksamhet. Ansökan görs en gång om året.",
            ),
            "en": (
                "Hämeenlinna operating grant for associations",
                "Registered associations in Hämeenlinna can apply for a grant for their year's activities. The call opens once a year.",
            ),
        },
    ),
    (
        "hameenlinna-kohdeavustus",
        "hameenlinna",
        "small",
        ("rounds", [(-120, -60, "16:00", 30), (-30, 9, "16:00", 30)]),
        (100, 1500, 40000),
        ["rahoitus"],
        ["registered", "unregistered"],
        [],
        [],
        ["hameenlinna"],
        False,
        None,
        12,
        {
            "fi": (
                "Hämeenlinnan kohdeavustus tapahtumiin ja pieniin hankkeisiin",
                "Avustus yksittäiseen tapahtumaan, retkeen tai pieneen hankkeeseen. Hakuja on kaksi vuodessa; myös rekisteröimättömät ryhmät voivat hakea.",
            ),
            "sv": (
                "Tavastehus riktat bidrag för evenemang och små projekt",
                "Bidrag för ett enskilt evenemang, en utfärd eller ett litet projekt. Två ansökningsomgångar per år; även oregistrerade grupper kan söka.",
            ),
            "en": (
                "Hämeenlinna targeted grant for events and small projects",
                "A grant for a single event, outing or small project. Two rounds a year; unregistered groups can apply too.",
            ),
        },
    ),
    (
        "hameenlinna-kesatyoseteli",
        "hameenlinna",
        "employment",
        ("rounds", [(15, 60, "12:00", None)]),
        (300, 600, None),
        ["rahoitus", "vapaaehtoiset"],
        ["registered"],
        [],
        [],
        ["hameenlinna"],
        False,
        None,
        3,
        {
            "fi": (
                "Kesätyöseteli: palkkaa nuori yhdistykseen",
                "Kaupunki maksaa osan hämeenlinnalaisen nuoren kesätyön palkasta, kun yhdistys palkkaa hänet vähintään kahdeksi viikoksi.",
            ),
            "sv": (
                "Sommarjobbssedel: anställ en ung person i föreningen",
                "Staden betalar en del av lönen när föreningen anställer en ung person från Tavastehus i minst två veckor.",
            ),
            "en": (
                "Summer job voucher: hire a young person",
                "The city pays part of the wage when an association employs a young person from Hämeenlinna for at least two weeks.",
            ),
        },
    ),
    (
        "riihimaki-yhdistysavustus",
        "riihimaki",
        "operating",
        ("rounds", [(-10, 35, "15:00", 45)]),
        (200, 4000, 90000),
        ["rahoitus", "hallitustyo"],
        ["registered"],
        [],
        [],
        ["riihimaki"],
        False,
        None,
        9,
        {
            "fi": (
                "Riihimäen yhdistysten toiminta-avustus",
                "Riihimäkeläiset yhdistykset voivat hakea avustusta säännölliseen toimintaan, erityisesti lasten, nuorten ja ikäihmisten hyväksi.",
            ),
            "sv": (
                "Riihimäki verksamhetsbidrag för föreningar",
                "Föreningar i Riihimäki kan söka bidrag för regelbunden verksamhet, särskilt för barn, unga och äldre.",
            ),
            "en": (
                "Riihimäki operating grant for associations",
                "Associations in Riihimäki can apply for regular activities, especially for children, young people and older people.",
            ),
        },
    ),
    (
        "riihimaki-tila-avustus",
        "riihimaki",
        "premises",
        ("rounds", [(20, 50, "15:00", 40)]),
        (500, 8000, 50000),
        ["rahoitus"],
        ["registered"],
        [],
        [],
        ["riihimaki"],
        True,
        20,
        2,
        {
            "fi": (
                "Riihimäen avustus yhdistysten tilakuluihin",
                "Tukea vuokraan ja tilojen ylläpitoon. Etusijalla tilat, joita useampi yhdistys käyttää yhdessä.",
            ),
            "sv": (
                "Riihimäki bidrag för föreningarnas lokalkostnader",
                "Stöd för hyra och underhåll av lokaler. Lokaler som flera föreningar delar prioriteras.",
            ),
            "en": (
                "Riihimäki grant for associations' premises",
                "Support for rent and upkeep of premises. Premises shared by several associations come first.",
            ),
        },
    ),
    (
        "riihimaki-tapahtuma-avustus",
        "riihimaki",
        "small",
        ("rounds", [(-20, 28, "15:00", 21)]),
        (100, 2000, 25000),
        ["rahoitus", "viestinta"],
        ["registered", "unregistered"],
        [],
        [],
        ["riihimaki"],
        True,
        None,
        20,
        {
            "fi": (
                "Riihimäen tapahtuma-avustus",
                "Avustus avoimiin yleisötapahtumiin Riihimäellä. Yhteistapahtumat ja esteettömät tapahtumat saavat lisäpisteitä.",
            ),
            "sv": (
                "Riihimäki evenemangsbidrag",
                "Bidrag för öppna publikevenemang i Riihimäki. Gemensamma och tillgängliga evenemang får extra poäng.",
            ),
            "en": (
                "Riihimäki event grant",
                "A grant for open public events in Riihimäki. Joint and accessible events score extra points.",
            ),
        },
    ),
    (
        "forssa-jarjestoavustus",
        "forssa",
        "operating",
        ("rounds", [(-90, -40, "15:00", -10)]),
        (200, 3000, 60000),
        ["rahoitus", "hallitustyo"],
        ["registered"],
        [],
        [],
        ["forssa"],
        False,
        None,
        80,
        {
            "fi": (
                "Forssan järjestöjen toiminta-avustus",
                "Forssalaisten yhdistysten vuosittainen toiminta-avustus. Tämän vuoden haku on päättynyt.",
            ),
            "sv": (
                "Forssa verksamhetsbidrag för organisationer",
                "Årligt verksamhetsbidrag för föreningar i Forssa. Årets ansökan har avslutats.",
            ),
            "en": (
                "Forssa operating grant for organisations",
                "The yearly operating grant for associations in Forssa. This year's call has closed.",
            ),
        },
    ),
    (
        "forssa-pienavustus",
        "forssa",
        "small",
        ("continuous",),
        (50, 500, 10000),
        ["rahoitus", "vapaaehtoiset"],
        ["registered", "unregistered"],
        [],
        [],
        ["forssa"],
        False,
        None,
        100,
        {
            "fi": (
                "Forssan pienavustus vapaaehtoistoimintaan",
                "Pieni avustus vapaaehtoisten toimintaan, kuten tarvikkeisiin ja kahvituksiin. Hakemuksia käsitellään jatkuvasti.",
            ),
            "sv": (
                "Forssa litet bidrag för frivilligverksamhet",
                "Ett litet bidrag för frivilligas verksamhet, till exempel material och servering. Ansökningar behandlas fortlöpande.",
            ),
            "en": (
                "Forssa small grant for volunteer activity",
                "A small grant for volunteers' activities, such as supplies and refreshments. Applications are handled continuously.",
            ),
        },
    ),
    (
        "forssa-kulttuuriavustus",
        "forssa",
        "project",
        ("rounds", [(-25, 3, "15:00", 20)]),
        (300, 3000, 20000),
        ["rahoitus"],
        ["registered", "unregistered"],
        ["culture_sport"],
        [],
        ["forssa"],
        False,
        None,
        25,
        {
            "fi": (
                "Forssan kulttuuritoiminnan kohdeavustus",
                "Avustus kulttuuritapahtumiin ja -hankkeisiin Forssassa. Haku päättyy pian.",
            ),
            "sv": (
                "Forssa riktat bidrag för kulturverksamhet",
                "Bidrag för kulturevenemang och kulturprojekt i Forssa. Ansökan stänger snart.",
            ),
            "en": (
                "Forssa grant for cultural activities",
                "A grant for cultural events and projects in Forssa. The call closes soon.",
            ),
        },
    ),
    (
        "omahame-jarjestoavustus",
        "oma-hame",
        "operating",
        ("rounds", [(-35, 6, "23:59", 60)]),
        (1000, 30000, 900000),
        ["hyvinvointi", "rahoitus"],
        ["registered"],
        ["social_health"],
        [],
        [],
        True,
        None,
        30,
        {
            "fi": (
                "Oma Hämeen järjestöavustus hyvinvoinnin edistämiseen",
                "Hyvinvointialue avustaa sosiaali- ja terveysalan sekä muita hyvinvointia edistäviä yhdistyksiä koko Kanta-Hämeessä.",
            ),
            "sv": (
                "Oma Hämes organisationsbidrag för välfärd",
                "Välfärdsområdet stöder social- och hälsoorganisationer och andra föreningar som främjar välfärd i hela Egentliga Tavastland.",
            ),
            "en": (
                "Oma Häme association grant for wellbeing",
                "The wellbeing services county supports social and health organisations and other associations that promote wellbeing across Kanta-Häme.",
            ),
        },
    ),
    (
        "omahame-kohdeavustus",
        "oma-hame",
        "project",
        ("rounds", [(40, 70, "16:00", 50)]),
        (500, 10000, 200000),
        ["hyvinvointi", "saavutettavuus"],
        ["registered"],
        ["social_health", "village"],
        [],
        [],
        True,
        10,
        5,
        {
            "fi": (
                "Oma Hämeen kohdeavustus ikäihmisten osallisuuteen",
                "Kertaluonteinen avustus toimintaan, joka vähentää ikäihmisten yksinäisyyttä ja lisää osallisuutta. Haku avautuu pian.",
            ),
            "sv": (
                "Oma Hämes riktade bidrag för äldres delaktighet",
                "Engångsbidrag för verksamhet som minskar äldres ensamhet och ökar delaktigheten. Ansökan öppnar snart.",
            ),
            "en": (
                "Oma Häme targeted grant for older people's inclusion",
                "A one-off grant for activities that reduce loneliness among older people and increase inclusion. The call opens soon.",
            ),
        },
    ),
    (
        "stea-avustukset",
        "stea",
        "project",
        ("annual", -15, 45, "16:15"),
        (20000, 300000, None),
        ["hyvinvointi", "projektit", "rahoitus"],
        ["registered"],
        ["social_health"],
        [],
        [],
        True,
        10,
        15,
        {
            "fi": (
                "STEA:n avustushaku sosiaali- ja terveysjärjestöille",
                "Valtionavustus terveyttä ja sosiaalista hyvinvointia edistävään toimintaan ja hankkeisiin. Haku on kerran vuodessa.",
            ),
            "sv": (
                "STEA:s ansökan för social- och hälsoorganisationer",
                "Statsbidrag för verksamhet och projekt som främjar hälsa och social välfärd. Ansökan ordnas en gång om året.",
            ),
            "en": (
                "STEA's call for social welfare and health organisations",
                "State funding for activities and projects that promote health and social wellbeing. The call opens once a year.",
            ),
        },
    ),
    (
        "linnaseutu-hanketuki",
        "linnaseutu",
        "project",
        ("continuous",),
        (5000, 100000, None),
        ["projektit", "rahoitus"],
        ["registered"],
        ["village", "nature", "culture_sport"],
        [],
        ["hameenlinna", "hattula", "janakkala"],
        True,
        25,
        60,
        {
            "fi": (
                "Linnaseudun Leader-tuki yhdistysten hankkeisiin",
                "Tukea kylien ja yhdistysten kehittämis- ja investointihankkeisiin Hämeenlinnan, Hattulan ja Janakkalan maaseudulla. Hakemuksia otetaan vastaan jatkuvasti.",
            ),
            "sv": (
                "Linnaseutus Leaderstöd för föreningarnas projekt",
                "Stöd för byars och föreningars utvecklings- och investeringsprojekt på landsbygden i Tavastehus, Hattula och Janakkala. Ansökningar tas emot fortlöpande.",
            ),
            "en": (
                "Linnaseutu Leader support for associations' projects",
                "Support for villages' and associations' development and investment projects in rural Hämeenlinna, Hattula and Janakkala. Applications are accepted continuously.",
            ),
        },
    ),
    (
        "linnaseutu-pienhankkeet",
        "linnaseutu",
        "small",
        ("rounds", [(-40, 12, "16:00", 45)]),
        (1000, 5000, 60000),
        ["rahoitus"],
        ["registered"],
        ["village"],
        [],
        ["hameenlinna", "hattula", "janakkala"],
        False,
        20,
        18,
        {
            "fi": (
                "Linnaseudun yhdistysten pienet investoinnit",
                "Teemahanke pieniin hankintoihin, kuten kyläkodin laitteisiin tai retkeilyreitin opasteisiin.",
            ),
            "sv": (
                "Linnaseutus små investeringar för föreningar",
                "Ett temaprojekt för små anskaffningar, till exempel utrustning till byhuset eller skyltar längs en vandringsled.",
            ),
            "en": (
                "Linnaseutu small investments for associations",
                "A themed project for small purchases, such as equipment for the village hall or signs for a hiking trail.",
            ),
        },
    ),
    (
        "pomoottori-hanketuki",
        "pomoottori",
        "project",
        ("continuous",),
        (5000, 80000, None),
        ["projektit", "rahoitus"],
        ["registered"],
        ["village", "nature"],
        ["riihimaki-seutu"],
        [],
        True,
        25,
        70,
        {
            "fi": (
                "Pomoottorin Leader-tuki yhteisöllisiin hankkeisiin",
                "Tukea yhdistysten ja kylien kehittämis- ja investointihankkeisiin Riihimäen seudulla. Ota yhteyttä jo ideavaiheessa.",
            ),
            "sv": (
                "Pomoottoris Leaderstöd för gemenskapsprojekt",
                "Stöd för föreningars och byars utvecklings- och investeringsprojekt i Riihimäkiregionen. Ta kontakt redan i idéskedet.",
            ),
            "en": (
                "Pomoottori Leader support for community projects",
                "Support for associations' and villages' development and investment projects in the Riihimäki sub-region. Get in touch at the idea stage.",
            ),
        },
    ),
    (
        "pomoottori-nuorten-ideat",
        "pomoottori",
        "small",
        ("rounds", [(30, 80, "16:00", 30)]),
        (200, 1500, 15000),
        ["rahoitus", "vapaaehtoiset"],
        ["registered", "unregistered"],
        ["culture_sport"],
        ["riihimaki-seutu"],
        [],
        False,
        None,
        1,
        {
            "fi": (
                "Nuorten ideat toteutukseen -pienavustus",
                "13–29-vuotiaiden ryhmät voivat hakea pientä tukea omaan ideaansa, kuten tapahtumaan tai harrastusryhmään.",
            ),
            "sv": (
                "Småbidrag: ungas idéer blir verklighet",
                "Grupper av 13–29-åringar kan söka litet stöd för en egen idé, till exempel ett evenemang eller en hobbygrupp.",
            ),
            "en": (
                "Young people's ideas small grant",
                "Groups of 13–29-year-olds can apply for a small grant for their own idea, such as an event or a hobby group.",
            ),
        },
    ),
    (
        "etpahame-kylaavustus",
        "etpahame",
        "project",
        ("rounds", [(-80, -20, "16:00", 40), (60, 100, "16:00", 40)]),
        (3000, 50000, None),
        ["projektit", "rahoitus"],
        ["registered"],
        ["village"],
        ["forssa-seutu"],
        [],
        True,
        25,
        50,
        {
            "fi": (
                "Etpähämeen kylien kehittämishankkeet",
                "Leader-tukea Forssan seudun kylien ja yhdistysten yhteisiin kehittämishankkeisiin. Seuraava valintajakso avautuu myöhemmin.",
            ),
            "sv": (
                "Etpähämes utvecklingsprojekt för byar",
                "Leaderstöd för gemensamma utvecklingsprojekt för byar och föreningar i Forssaregionen. Nästa urvalsperiod öppnar senare.",
            ),
            "en": (
                "Etpähäme village development projects",
                "Leader support for joint development projects of villages and associations in the Forssa sub-region. The next selection period opens later.",
            ),
        },
    ),
    (
        "skr-hameen-rahasto",
        "skr-hame",
        "project",
        ("annual", 90, 120, "16:00"),
        (1000, 20000, 400000),
        ["rahoitus"],
        ["any"],
        ["culture_sport", "village", "society"],
        [],
        [],
        False,
        None,
        45,
        {
            "fi": (
                "Suomen Kulttuurirahaston Hämeen rahaston apurahat",
                "Apurahoja hämäläisille yhteisöille ja työryhmille taiteeseen, kulttuuriperintöön ja kansalaistoimintaan. Haku on kerran vuodessa.",
            ),
            "sv": (
                "Stipendier från Finska kulturfondens Tavastlands fond",
                "Stipendier för sammanslutningar och arbetsgrupper i Tavastland inom konst, kulturarv och medborgarverksamhet. Ansökan ordnas en gång om året.",
            ),
            "en": (
                "Finnish Cultural Foundation's Häme Regional Fund grants",
                "Grants for communities and working groups in Häme for the arts, cultural heritage and civic activity. The call opens once a year.",
            ),
        },
    ),
    (
        "erasmus-small-scale",
        "oph-erasmus",
        "project",
        ("rounds", [(-150, -30, "13:00", 60), (-60, 25, "13:00", 60)]),
        (30000, 60000, None),
        ["projektit", "rahoitus"],
        ["registered"],
        ["international", "culture_sport"],
        [],
        [],
        True,
        0,
        35,
        {
            "fi": (
                "Erasmus+ pienimuotoiset kumppanuushankkeet",
                "Kansainvälinen yhteistyöhanke aikuiskoulutuksen, nuorisotyön tai liikunnan järjestöille. Kumppani tarvitaan vähintään yhdestä toisesta maasta.",
            ),
            "sv": (
                "Erasmus+ småskaliga partnerskap",
                "Internationellt samarbetsprojekt för organisationer inom vuxenutbildning, ungdomsarbete eller idrott. En partner från minst ett annat land behövs.",
            ),
            "en": (
                "Erasmus+ small-scale partnerships",
                "An international cooperation project for adult education, youth or sport organisations. You need a partner from at least one other country.",
            ),
        },
    ),
    (
        "palkkatuki-yhdistyksille",
        "tyollisyyspalvelut",
        "employment",
        ("continuous",),
        (None, None, None),
        ["rahoitus", "hallitustyo"],
        ["registered"],
        [],
        [],
        [],
        False,
        None,
        90,
        {
            "fi": (
                "Palkkatuki yhdistykselle",
                "Yhdistys voi saada palkkatukea työttömän työnhakijan palkkaamiseen. Tuen määrä riippuu työnhakijan tilanteesta; kysy työllisyysalueelta ennen sopimusta.",
            ),
            "sv": (
                "Lönesubvention för föreningar",
                "En förening kan få lönesubvention för att anställa en arbetslös arbetssökande. Beloppet beror på den sökandes situation; fråga sysselsättningsområdet före avtalet.",
            ),
            "en": (
                "Wage subsidy for associations",
                "An association can receive a wage subsidy for hiring an unemployed jobseeker. The amount depends on the jobseeker's situation; ask the employment area before signing.",
            ),
        },
    ),
    (
        "okm-liikunnan-kansalaistoiminta",
        "okm",
        "operating",
        ("rounds", [(-130, -100, "16:15", 60)]),
        (2000, 40000, None),
        ["rahoitus"],
        ["registered"],
        ["culture_sport"],
        [],
        [],
        False,
        None,
        120,
        {
            "fi": (
                "Liikunnan kansalaistoiminnan avustus",
                "Valtionavustus liikuntajärjestöjen kansalaistoimintaan. Tämän vuoden haku on päättynyt.",
            ),
            "sv": (
                "Bidrag för medborgarverksamhet inom idrott",
                "Statsbidrag för idrottsorganisationers medborgarverksamhet. Årets ansökan har avslutats.",
            ),
            "en": (
                "Grant for civic activity in sport",
                "State funding for sport organisations' civic activity. This year's call has closed.",
            ),
        },
    ),
    (
        "vuoden-yhdistysteko",
        "jarjestoneuvottelukunta",
        "prize",
        ("rounds", [(5, 40, None, 70)]),
        (1000, 1000, 1000),
        ["vapaaehtoiset"],
        ["registered", "unregistered"],
        [],
        [],
        [],
        False,
        None,
        4,
        {
            "fi": (
                "Vuoden yhdistysteko -palkinto",
                "Ehdota palkittavaksi kanta-hämäläistä yhdistystä tai ryhmää, joka on tehnyt vuoden aikana jotain erityisen hyvää.",
            ),
            "sv": (
                "Priset Årets föreningsgärning",
                "Föreslå en förening eller grupp i Egentliga Tavastland som har gjort något särskilt bra under året.",
            ),
            "en": (
                "Association deed of the year award",
                "Nominate an association or group in Kanta-Häme that has done something especially good this year.",
            ),
        },
    ),
]

BODY = {
    "fi": "Tämä on Meidän Häme -palvelun esimerkkisisältöä (demo): haku on keksitty, vaikka rahoittaja on todellinen. Tarkista aina ajantasaiset ehdot rahoittajan omasta hakuilmoituksesta.",
    "sv": "Detta är exempelinnehåll (demo) i tjänsten Meidän Häme: ansökan är påhittad, även om finansiären är verklig. Kontrollera alltid de aktuella villkoren i finansiärens egen utlysning.",
    "en": "This is example content (demo) of the Meidän Häme service: the call is made up, although the funder is real. Always check the current terms in the funder's own call.",
}
HOW_TO_APPLY = {
    "fi": "Hae rahoittajan sähköisessä asiointipalvelussa. Liitä mukaan toimintasuunnitelma, talousarvio ja edellisen vuoden tilinpäätös.",
    "sv": "Ansök i finansiärens e-tjänst. Bifoga verksamhetsplan, budget och föregående års bokslut.",
    "en": "Apply in the funder's online service. Attach the plan of activities, the budget and the previous year's financial statements.",
}
ELIGIBLE_COSTS = {
    "fi": "Toiminnasta aiheutuvat kulut, kuten tilavuokrat, tarvikkeet, matkat ja viestintä. Ei alkoholia eikä palkkioita hallituksen jäsenille.",
    "sv": "Kostnader för verksamheten, till exempel lokalhyror, material, resor och kommunikation. Inte alkohol eller arvoden till styrelsemedlemmar.",
    "en": "Costs of the activity, such as rent for premises, supplies, travel and communication. No alcohol and no fees for board members.",
}
REPORTING = {
    "fi": "Käytöstä raportoidaan rahoittajalle viimeistään kolmen kuukauden kuluttua toiminnan päättymisestä.",
    "sv": "Användningen redovisas för finansiären senast tre månader efter att verksamheten avslutats.",
    "en": "Report on the use of the money to the funder within three months of the end of the activity.",
}
PREREQUISITES = {
    "fi": "Yhdistyksen on oltava rekisteröity, ja sen tiedot on hyvä olla Lähellä.fi-palvelussa tai kansallisessa palvelutietovarannossa.",
    "sv": "Föreningen ska vara registrerad, och dess uppgifter bör finnas i tjänsten Lähellä.fi eller i den nationella servicedatalagret.",
    "en": "The association must be registered, and its details should be listed on Lähellä.fi or in the national service register.",
}
