# ruff: noqa: E501 - one line per translated title and summary reads best as data
"""The demo funding calls: typical of what Kanta-Häme's associations apply for, but examples,
not the real calls. Dates are in days from the day the demo is loaded, so statuses stay
varied: closed, open, closing soon, upcoming and continuous."""

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class FunderEntry:
    """A demo funder, written in Finnish and translated to Swedish and English."""

    slug: str
    funder_type: str
    website: str
    texts: dict  # {language code: (name, description)}


@dataclass(frozen=True, kw_only=True)
class Round:
    """One application round, in days from the day the demo is loaded."""

    opens: int | None = None
    closes: int
    at: str | None = None  # "HH:MM" in Helsinki; none: the end of the day
    decision_after: int | None = None  # days after the deadline; none or negative: no date


@dataclass(frozen=True)
class Rounds:
    """A call with application rounds."""

    rounds: tuple

    def __init__(self, *rounds):
        object.__setattr__(self, "rounds", rounds)


@dataclass(frozen=True)
class Continuous:
    """A call open all the time (rolling applications)."""


@dataclass(frozen=True, kw_only=True)
class Annual:
    """A call that recurs every year; this year's round in days from today."""

    opens: int
    closes: int
    at: str


@dataclass(frozen=True, kw_only=True)
class OpportunityEntry:
    """A demo funding call, written in Finnish and translated to Swedish and English."""

    slug: str
    funder: str  # a `FunderEntry` slug
    instrument: str
    timing: Rounds | Continuous | Annual
    amount_min: int | None = None
    amount_max: int | None = None
    total_available: int | None = None
    themes: tuple = ()  # catalogue theme slugs
    applicants: tuple = ()
    fields: tuple = ()  # fields of activity of the directory
    sub_regions: tuple = ()
    municipalities: tuple = ()
    joint_application: bool = False
    self_financing_percent: int | None = None
    published_days_ago: int
    texts: dict  # {language code: (title, summary)}


FUNDERS = [
    FunderEntry(
        slug="hameenlinna",
        funder_type="municipality",
        website="https://www.hameenlinna.fi",
        texts={
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
    FunderEntry(
        slug="riihimaki",
        funder_type="municipality",
        website="https://www.riihimaki.fi",
        texts={
            "fi": (
                "Riihimäen kaupunki",
                "Kaupungin avustukset yhdistyksille ja harrastustoiminnalle.",
            ),
            "sv": (
                "Riihimäki stad",
                "Stadens bidrag till föreningar och hobbyverksamhet.",
            ),
            "en": (
                "City of Riihimäki",
                "The city's grants for associations and hobby activities.",
            ),
        },
    ),
    FunderEntry(
        slug="forssa",
        funder_type="municipality",
        website="https://www.forssa.fi",
        texts={
            "fi": (
                "Forssan kaupunki",
                "Kaupungin järjestö- ja kulttuuriavustukset.",
            ),
            "sv": (
                "Forssa stad",
                "Stadens organisations- och kulturbidrag.",
            ),
            "en": (
                "Town of Forssa",
                "The town's grants for organisations and culture.",
            ),
        },
    ),
    FunderEntry(
        slug="oma-hame",
        funder_type="wellbeing_county",
        website="https://omahame.fi",
        texts={
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
    FunderEntry(
        slug="stea",
        funder_type="state",
        website="https://www.stea.fi",
        texts={
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
    FunderEntry(
        slug="linnaseutu",
        funder_type="leader",
        website="https://www.linnaseutu.fi",
        texts={
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
    FunderEntry(
        slug="pomoottori",
        funder_type="leader",
        website="https://www.pomoottori.fi",
        texts={
            "fi": (
                "Leader Pomoottori ry",
                "Leader-ryhmä Riihimäen seudulla.",
            ),
            "sv": (
                "Leader Pomoottori rf",
                "Leadergrupp i Riihimäkiregionen.",
            ),
            "en": (
                "Leader Pomoottori",
                "The Leader group of the Riihimäki sub-region.",
            ),
        },
    ),
    FunderEntry(
        slug="etpahame",
        funder_type="leader",
        website="https://www.etpahame.fi",
        texts={
            "fi": (
                "Leader Etpähäme ry",
                "Leader-ryhmä Forssan seudulla.",
            ),
            "sv": (
                "Leader Etpähäme rf",
                "Leadergrupp i Forssaregionen.",
            ),
            "en": (
                "Leader Etpähäme",
                "The Leader group of the Forssa sub-region.",
            ),
        },
    ),
    FunderEntry(
        slug="skr-hame",
        funder_type="foundation",
        website="https://skr.fi",
        texts={
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
    FunderEntry(
        slug="oph-erasmus",
        funder_type="eu",
        website="https://www.oph.fi/fi/ohjelmat/erasmus",
        texts={
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
    FunderEntry(
        slug="tyollisyyspalvelut",
        funder_type="employment",
        website="https://tyomarkkinatori.fi",
        texts={
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
    FunderEntry(
        slug="okm",
        funder_type="ministry",
        website="https://okm.fi",
        texts={
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
    FunderEntry(
        slug="jarjestoneuvottelukunta",
        funder_type="other",
        website="https://www.meidanhame.fi",
        texts={
            "fi": (
                "Kanta-Hämeen järjestöneuvottelukunta",
                "Maakunnan yhdistysten yhteistyöelin.",
            ),
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

OPPORTUNITIES = [
    OpportunityEntry(
        slug="hameenlinna-toiminta-avustus",
        funder="hameenlinna",
        instrument="operating",
        timing=Annual(opens=-25, closes=20, at="16:00"),
        amount_min=300,
        amount_max=5000,
        total_available=180000,
        themes=("rahoitus", "hallitustyo"),
        applicants=("registered",),
        municipalities=("hameenlinna",),
        published_days_ago=40,
        texts={
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
    OpportunityEntry(
        slug="hameenlinna-kohdeavustus",
        funder="hameenlinna",
        instrument="small",
        timing=Rounds(
            Round(opens=-120, closes=-60, at="16:00", decision_after=30),
            Round(opens=-30, closes=9, at="16:00", decision_after=30),
        ),
        amount_min=100,
        amount_max=1500,
        total_available=40000,
        themes=("rahoitus",),
        applicants=("registered", "unregistered"),
        municipalities=("hameenlinna",),
        published_days_ago=12,
        texts={
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
    OpportunityEntry(
        slug="hameenlinna-kesatyoseteli",
        funder="hameenlinna",
        instrument="employment",
        timing=Rounds(Round(opens=15, closes=60, at="12:00")),
        amount_min=300,
        amount_max=600,
        themes=("rahoitus", "vapaaehtoiset"),
        applicants=("registered",),
        municipalities=("hameenlinna",),
        published_days_ago=3,
        texts={
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
    OpportunityEntry(
        slug="riihimaki-yhdistysavustus",
        funder="riihimaki",
        instrument="operating",
        timing=Rounds(Round(opens=-10, closes=35, at="15:00", decision_after=45)),
        amount_min=200,
        amount_max=4000,
        total_available=90000,
        themes=("rahoitus", "hallitustyo"),
        applicants=("registered",),
        municipalities=("riihimaki",),
        published_days_ago=9,
        texts={
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
    OpportunityEntry(
        slug="riihimaki-tila-avustus",
        funder="riihimaki",
        instrument="premises",
        timing=Rounds(Round(opens=20, closes=50, at="15:00", decision_after=40)),
        amount_min=500,
        amount_max=8000,
        total_available=50000,
        themes=("rahoitus",),
        applicants=("registered",),
        municipalities=("riihimaki",),
        joint_application=True,
        self_financing_percent=20,
        published_days_ago=2,
        texts={
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
    OpportunityEntry(
        slug="riihimaki-tapahtuma-avustus",
        funder="riihimaki",
        instrument="small",
        timing=Rounds(Round(opens=-20, closes=28, at="15:00", decision_after=21)),
        amount_min=100,
        amount_max=2000,
        total_available=25000,
        themes=("rahoitus", "viestinta"),
        applicants=("registered", "unregistered"),
        municipalities=("riihimaki",),
        joint_application=True,
        published_days_ago=20,
        texts={
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
    OpportunityEntry(
        slug="forssa-jarjestoavustus",
        funder="forssa",
        instrument="operating",
        timing=Rounds(Round(opens=-90, closes=-40, at="15:00", decision_after=-10)),
        amount_min=200,
        amount_max=3000,
        total_available=60000,
        themes=("rahoitus", "hallitustyo"),
        applicants=("registered",),
        municipalities=("forssa",),
        published_days_ago=80,
        texts={
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
    OpportunityEntry(
        slug="forssa-pienavustus",
        funder="forssa",
        instrument="small",
        timing=Continuous(),
        amount_min=50,
        amount_max=500,
        total_available=10000,
        themes=("rahoitus", "vapaaehtoiset"),
        applicants=("registered", "unregistered"),
        municipalities=("forssa",),
        published_days_ago=100,
        texts={
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
    OpportunityEntry(
        slug="forssa-kulttuuriavustus",
        funder="forssa",
        instrument="project",
        timing=Rounds(Round(opens=-25, closes=3, at="15:00", decision_after=20)),
        amount_min=300,
        amount_max=3000,
        total_available=20000,
        themes=("rahoitus",),
        applicants=("registered", "unregistered"),
        fields=("culture", "sport"),
        municipalities=("forssa",),
        published_days_ago=25,
        texts={
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
    OpportunityEntry(
        slug="omahame-jarjestoavustus",
        funder="oma-hame",
        instrument="operating",
        timing=Rounds(Round(opens=-35, closes=6, at="23:59", decision_after=60)),
        amount_min=1000,
        amount_max=30000,
        total_available=900000,
        themes=("hyvinvointi", "rahoitus"),
        applicants=("registered",),
        fields=("social_health",),
        joint_application=True,
        published_days_ago=30,
        texts={
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
    OpportunityEntry(
        slug="omahame-kohdeavustus",
        funder="oma-hame",
        instrument="project",
        timing=Rounds(Round(opens=40, closes=70, at="16:00", decision_after=50)),
        amount_min=500,
        amount_max=10000,
        total_available=200000,
        themes=("hyvinvointi", "saavutettavuus"),
        applicants=("registered",),
        fields=("social_health", "village"),
        joint_application=True,
        self_financing_percent=10,
        published_days_ago=5,
        texts={
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
    OpportunityEntry(
        slug="stea-avustukset",
        funder="stea",
        instrument="project",
        timing=Annual(opens=-15, closes=45, at="16:15"),
        amount_min=20000,
        amount_max=300000,
        themes=("hyvinvointi", "projektit", "rahoitus"),
        applicants=("registered",),
        fields=("social_health",),
        joint_application=True,
        self_financing_percent=10,
        published_days_ago=15,
        texts={
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
    OpportunityEntry(
        slug="linnaseutu-hanketuki",
        funder="linnaseutu",
        instrument="project",
        timing=Continuous(),
        amount_min=5000,
        amount_max=100000,
        themes=("projektit", "rahoitus"),
        applicants=("registered",),
        fields=("village", "nature", "culture", "sport"),
        municipalities=("hameenlinna", "hattula", "janakkala"),
        joint_application=True,
        self_financing_percent=25,
        published_days_ago=60,
        texts={
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
    OpportunityEntry(
        slug="linnaseutu-pienhankkeet",
        funder="linnaseutu",
        instrument="small",
        timing=Rounds(Round(opens=-40, closes=12, at="16:00", decision_after=45)),
        amount_min=1000,
        amount_max=5000,
        total_available=60000,
        themes=("rahoitus",),
        applicants=("registered",),
        fields=("village",),
        municipalities=("hameenlinna", "hattula", "janakkala"),
        self_financing_percent=20,
        published_days_ago=18,
        texts={
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
    OpportunityEntry(
        slug="pomoottori-hanketuki",
        funder="pomoottori",
        instrument="project",
        timing=Continuous(),
        amount_min=5000,
        amount_max=80000,
        themes=("projektit", "rahoitus"),
        applicants=("registered",),
        fields=("village", "nature"),
        sub_regions=("riihimaki-seutu",),
        joint_application=True,
        self_financing_percent=25,
        published_days_ago=70,
        texts={
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
    OpportunityEntry(
        slug="pomoottori-nuorten-ideat",
        funder="pomoottori",
        instrument="small",
        timing=Rounds(Round(opens=30, closes=80, at="16:00", decision_after=30)),
        amount_min=200,
        amount_max=1500,
        total_available=15000,
        themes=("rahoitus", "vapaaehtoiset"),
        applicants=("registered", "unregistered"),
        fields=("culture", "sport"),
        sub_regions=("riihimaki-seutu",),
        published_days_ago=1,
        texts={
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
    OpportunityEntry(
        slug="etpahame-kylaavustus",
        funder="etpahame",
        instrument="project",
        timing=Rounds(
            Round(opens=-80, closes=-20, at="16:00", decision_after=40),
            Round(opens=60, closes=100, at="16:00", decision_after=40),
        ),
        amount_min=3000,
        amount_max=50000,
        themes=("projektit", "rahoitus"),
        applicants=("registered",),
        fields=("village",),
        sub_regions=("forssa-seutu",),
        joint_application=True,
        self_financing_percent=25,
        published_days_ago=50,
        texts={
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
    OpportunityEntry(
        slug="skr-hameen-rahasto",
        funder="skr-hame",
        instrument="project",
        timing=Annual(opens=90, closes=120, at="16:00"),
        amount_min=1000,
        amount_max=20000,
        total_available=400000,
        themes=("rahoitus",),
        applicants=("any",),
        fields=("culture", "sport", "village", "society"),
        published_days_ago=45,
        texts={
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
    OpportunityEntry(
        slug="erasmus-small-scale",
        funder="oph-erasmus",
        instrument="project",
        timing=Rounds(
            Round(opens=-150, closes=-30, at="13:00", decision_after=60),
            Round(opens=-60, closes=25, at="13:00", decision_after=60),
        ),
        amount_min=30000,
        amount_max=60000,
        themes=("projektit", "rahoitus"),
        applicants=("registered",),
        fields=("international", "culture", "sport"),
        joint_application=True,
        self_financing_percent=0,
        published_days_ago=35,
        texts={
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
    OpportunityEntry(
        slug="palkkatuki-yhdistyksille",
        funder="tyollisyyspalvelut",
        instrument="employment",
        timing=Continuous(),
        themes=("rahoitus", "hallitustyo"),
        applicants=("registered",),
        published_days_ago=90,
        texts={
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
    OpportunityEntry(
        slug="okm-liikunnan-kansalaistoiminta",
        funder="okm",
        instrument="operating",
        timing=Rounds(Round(opens=-130, closes=-100, at="16:15", decision_after=60)),
        amount_min=2000,
        amount_max=40000,
        themes=("rahoitus",),
        applicants=("registered",),
        fields=("culture", "sport"),
        published_days_ago=120,
        texts={
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
    OpportunityEntry(
        slug="vuoden-yhdistysteko",
        funder="jarjestoneuvottelukunta",
        instrument="prize",
        timing=Rounds(Round(opens=5, closes=40, decision_after=70)),
        amount_min=1000,
        amount_max=1000,
        total_available=1000,
        themes=("vapaaehtoiset",),
        applicants=("registered", "unregistered"),
        published_days_ago=4,
        texts={
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
