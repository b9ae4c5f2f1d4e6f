"""Demo content for the site's own pages: the home pages, about, news, legal pages, users.

Every text is written in Finnish, Swedish and English; the organisations are plausible, not real,
and the site shows a notice that the content is demo data.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from core.demo_support import ensure_page, publish
from core.sites import site_address
from core.translation import sync_translations, translate_from_versions

from .models import (
    AccessibilityStatementPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)


@dataclass(frozen=True)
class DemoUser:
    """A demo login, as the README and `make run` list it."""

    username: str
    password: str
    group: str | None  # the group made by the data migrations
    is_superuser: bool
    first_name: str
    last_name: str


DEMO_USERS = [
    DemoUser(
        username="admin",
        password="hame-admin-2026",
        group=None,
        is_superuser=True,
        first_name="Aino",
        last_name="Ylläpitäjä",
    ),
    DemoUser(
        username="editor",
        password="hame-editor-2026",
        group="Editors",
        is_superuser=False,
        first_name="Eeva",
        last_name="Toimittaja",
    ),
    DemoUser(
        username="member",
        password="hame-member-2026",
        group="Members",
        is_superuser=False,
        first_name="Matti",
        last_name="Jäsen",
    ),
]


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def seed_users(out):
    User = get_user_model()
    for demo_user in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=demo_user.username,
            defaults={
                "email": f"{demo_user.username}@demo.meidanhame.fi",
                "first_name": demo_user.first_name,
                "last_name": demo_user.last_name,
                "is_staff": demo_user.is_superuser,
                "is_superuser": demo_user.is_superuser,
            },
        )
        if created:
            user.set_password(demo_user.password)
            user.save()
        if demo_user.group:
            user.groups.add(Group.objects.get(name=demo_user.group))
        profile = UserProfile.get_for_user(user)
        if profile.preferred_language != "fi":
            profile.preferred_language = "fi"
            profile.save()
    return {u.username: User.objects.get(username=u.username) for u in DEMO_USERS}


HOME_TEXTS = {
    "fi": {
        "title": "Meidän Häme",
        "hero_title": "Kanta-Hämeen yhdistysten yhteinen tietopalvelu",
        "hero_text": (
            "Löydä koulutukset, tapahtumat, rahoitus ja lainattavat tilat ja välineet "
            "yhdestä paikasta – ja tilaa ne omaan kalenteriisi."
        ),
        "hero_link_label": "Tutustu palveluun",
    },
    "sv": {
        "title": "Meidän Häme",
        "hero_title": "Föreningarnas gemensamma informationstjänst i Egentliga Tavastland",
        "hero_text": (
            "Hitta utbildningar, evenemang, finansiering och lokaler och utrustning att låna "
            "på ett ställe – och prenumerera på dem i din egen kalender."
        ),
        "hero_link_label": "Bekanta dig med tjänsten",
    },
    "en": {
        "title": "Meidän Häme",
        "hero_title": "The shared information service of Kanta-Häme's associations",
        "hero_text": (
            "Find trainings, events, funding and spaces and equipment to borrow in one place – "
            "and subscribe to them in your own calendar."
        ),
        "hero_link_label": "About the service",
    },
}


def seed_home(out):
    """The Finnish home page as the site root, with its Swedish and English translations."""
    root = Page.get_first_root_node()
    fi = Locale.objects.get(language_code="fi")
    home = HomePage.objects.filter(locale=fi).first()
    if home is None:
        home = HomePage(slug="meidan-hame", locale=fi, **HOME_TEXTS["fi"])
        root.add_child(instance=home)
        publish(home)
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site is None:
            hostname, port = site_address()  # BASE_URL, as `migrate` keeps it
            site = Site(hostname=hostname, port=port, is_default_site=True, root_page=home)
        site.root_page = home
        site.site_name = "Meidän Häme"
        site.save()
        # Wagtail's placeholder welcome page is replaced by ours.
        if old_root is not None and old_root.specific_class is Page:
            old_root.delete()
        home.refresh_from_db()
    return home


def translate_home(home):
    translate_from_versions(
        home, {code: HomePage(slug=home.slug, **HOME_TEXTS[code]) for code in ("sv", "en")}
    )


ABOUT = {
    "fi": {
        "title": "Tietoa palvelusta",
        "intro": (
            "Meidän Häme kokoaa Kanta-Hämeen noin 3 250 yhdistyksen koulutukset, tapahtumat, "
            "rahoitusmahdollisuudet ja yhteiskäyttöiset tilat yhteen paikkaan."
        ),
        "body": [
            ("heading", {"text": "Kenelle palvelu on tarkoitettu", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Palvelu on tehty yhdistysten hallitusten jäsenille, vapaaehtoisille ja "
                    "työntekijöille sekä kunnille ja hyvinvointialueelle, jotka tekevät "
                    "yhteistyötä järjestöjen kanssa.",
                    "Palvelua ylläpitävät Kanta-Hämeen järjestöneuvottelukunta ja kolme "
                    "seutuverkostoa: Hämeenlinnan, Riihimäen ja Forssan seudut.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Rekisteröidyt yhdistykset seuduittain (PRH)",
                    "header": ["Seutu", "Yhdistyksiä", "Kunnat"],
                    "rows": [
                        ["Hämeenlinnan seutu", "1 744", "Hämeenlinna, Hattula, Janakkala"],
                        ["Riihimäen seutu", "789", "Riihimäki, Hausjärvi, Loppi"],
                        ["Forssan seutu", "720", "Forssa, Humppila, Jokioinen, Tammela, Ypäjä"],
                    ],
                },
            ),
            (
                "accordion",
                {
                    "title": "Usein kysyttyä",
                    "items": [
                        {
                            "question": "Maksaako palvelun käyttö jotain?",
                            "answer": p("Ei maksa. Palvelu on maksuton kaikille yhdistyksille."),
                        },
                        {
                            "question": "Miten saan yhdistyksemme koulutuksen palveluun?",
                            "answer": p(
                                "Kirjaudu jäsenenä ja lisää koulutus. Toimittaja tarkistaa sen "
                                "ennen julkaisua, yleensä kahden arkipäivän kuluessa."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
    "sv": {
        "title": "Om tjänsten",
        "intro": (
            "Meidän Häme samlar utbildningar, evenemang, finansieringsmöjligheter och delade "
            "lokaler för de cirka 3 250 föreningarna i Egentliga Tavastland på ett ställe."
        ),
        "body": [
            ("heading", {"text": "För vem är tjänsten", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Tjänsten är gjord för föreningarnas styrelsemedlemmar, frivilliga och "
                    "anställda samt för kommunerna och välfärdsområdet som samarbetar med "
                    "organisationerna.",
                    "Tjänsten upprätthålls av Egentliga Tavastlands organisationsdelegation och "
                    "tre regionala nätverk: Tavastehus-, Riihimäki- och Forssaregionen.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Registrerade föreningar per region (PRS)",
                    "header": ["Region", "Föreningar", "Kommuner"],
                    "rows": [
                        ["Tavastehusregionen", "1 744", "Tavastehus, Hattula, Janakkala"],
                        ["Riihimäkiregionen", "789", "Riihimäki, Hausjärvi, Loppis"],
                        ["Forssaregionen", "720", "Forssa, Humppila, Jockis, Tammela, Ypäjä"],
                    ],
                },
            ),
            (
                "accordion",
                {
                    "title": "Vanliga frågor",
                    "items": [
                        {
                            "question": "Kostar det något att använda tjänsten?",
                            "answer": p("Nej. Tjänsten är avgiftsfri för alla föreningar."),
                        },
                        {
                            "question": "Hur får vi in vår förenings utbildning i tjänsten?",
                            "answer": p(
                                "Logga in som medlem och lägg till utbildningen. En redaktör "
                                "granskar den före publicering, vanligen inom två vardagar."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
    "en": {
        "title": "About the service",
        "intro": (
            "Meidän Häme gathers the trainings, events, funding opportunities and shared spaces "
            "of Kanta-Häme's some 3,250 associations in one place."
        ),
        "body": [
            ("heading", {"text": "Who the service is for", "level": "h2"}),
            (
                "paragraph",
                p(
                    "The service is made for associations' board members, volunteers and staff, "
                    "and for the municipalities and the wellbeing services county that work "
                    "with them.",
                    "It is run by the Kanta-Häme association council and three sub-regional "
                    "networks: the Hämeenlinna, Riihimäki and Forssa sub-regions.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Registered associations by sub-region (PRH)",
                    "header": ["Sub-region", "Associations", "Municipalities"],
                    "rows": [
                        ["Hämeenlinna sub-region", "1,744", "Hämeenlinna, Hattula, Janakkala"],
                        ["Riihimäki sub-region", "789", "Riihimäki, Hausjärvi, Loppi"],
                        ["Forssa sub-region", "720", "Forssa, Humppila, Jokioinen, Tammela, Ypäjä"],
                    ],
                },
            ),
            (
                "accordion",
                {
                    "title": "Frequently asked questions",
                    "items": [
                        {
                            "question": "Does using the service cost anything?",
                            "answer": p("No. The service is free for all associations."),
                        },
                        {
                            "question": "How do we get our association's training listed?",
                            "answer": p(
                                "Sign in as a member and add the training. An editor checks it "
                                "before it is published, usually within two working days."
                            ),
                        },
                    ],
                },
            ),
        ],
    },
}

PRIVACY = {
    "fi": {
        "title": "Tietosuojaseloste",
        "intro": "Näin käsittelemme henkilötietojasi Meidän Häme -palvelussa.",
        "body": [
            ("heading", {"text": "Rekisterinpitäjä", "level": "h2"}),
            ("paragraph", p("Kanta-Hämeen järjestöneuvottelukunta (esimerkkitieto).")),
            ("heading", {"text": "Mitä tietoja keräämme", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Koulutukseen ilmoittautuessasi tallennamme nimesi, sähköpostiosoitteesi, "
                    "yhdistyksesi ja kertomasi erityistarpeet. Tilojen ja välineiden "
                    "varauksissa tallennamme varaajan nimen ja yhteystiedot.",
                ),
            ),
            ("heading", {"text": "Kuinka kauan tiedot säilytetään", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Ilmoittautumis- ja varaustiedot poistetaan 90 päivän kuluttua "
                    "tapahtumasta. Voit pyytää tietojesi poistamista milloin tahansa."
                ),
            ),
        ],
    },
    "sv": {
        "title": "Dataskyddsbeskrivning",
        "intro": "Så här behandlar vi dina personuppgifter i tjänsten Meidän Häme.",
        "body": [
            ("heading", {"text": "Personuppgiftsansvarig", "level": "h2"}),
            ("paragraph", p("Egentliga Tavastlands organisationsdelegation (exempeluppgift).")),
            ("heading", {"text": "Vilka uppgifter vi samlar in", "level": "h2"}),
            (
                "paragraph",
                p(
                    "När du anmäler dig till en utbildning sparar vi ditt namn, din e-postadress, "
                    "din förening och de särskilda behov du uppger. Vid bokningar av lokaler "
                    "och utrustning sparar vi bokarens namn och kontaktuppgifter.",
                ),
            ),
            ("heading", {"text": "Hur länge uppgifterna sparas", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Anmälnings- och bokningsuppgifter raderas 90 dagar efter evenemanget. "
                    "Du kan när som helst begära att dina uppgifter raderas."
                ),
            ),
        ],
    },
    "en": {
        "title": "Privacy notice",
        "intro": "How we process your personal data in the Meidän Häme service.",
        "body": [
            ("heading", {"text": "Controller", "level": "h2"}),
            ("paragraph", p("The Kanta-Häme association council (example data).")),
            ("heading", {"text": "What we collect", "level": "h2"}),
            (
                "paragraph",
                p(
                    "When you register for a training we store your name, email address, "
                    "association and any special needs you tell us. For bookings of spaces and "
                    "equipment we store the booker's name and contact details.",
                ),
            ),
            ("heading", {"text": "How long we keep it", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Registration and booking data is deleted 90 days after the event. You can "
                    "ask us to delete your data at any time."
                ),
            ),
        ],
    },
}

ACCESSIBILITY = {
    "fi": {
        "title": "Saavutettavuusseloste",
        "intro": p(
            "Tämä saavutettavuusseloste koskee Meidän Häme -palvelua. Palvelua koskee laki "
            "digitaalisten palvelujen tarjoamisesta (306/2019)."
        ),
        "non_accessible_content": p(
            "Osa yhdistysten itse lisäämistä liitetiedostoista (PDF) ei ole saavutettavia. "
            "Pyydämme yhdistyksiä lisäämään tiedot myös sivun tekstiin."
        ),
        "feedback": p(
            "Huomasitko puutteen? Kerro siitä osoitteeseen saavutettavuus@meidanhame.fi. "
            "Vastaamme 14 päivän kuluessa."
        ),
        "enforcement": p(
            "Jos et ole tyytyväinen vastaukseen, voit tehdä ilmoituksen valvontaviranomaiselle: "
            "Etelä-Suomen aluehallintovirasto, saavutettavuusvaatimukset.fi."
        ),
    },
    "sv": {
        "title": "Tillgänglighetsutlåtande",
        "intro": p(
            "Detta tillgänglighetsutlåtande gäller tjänsten Meidän Häme. Tjänsten omfattas av "
            "lagen om tillhandahållande av digitala tjänster (306/2019)."
        ),
        "non_accessible_content": p(
            "En del bilagor (PDF) som föreningarna själva lagt till är inte tillgängliga. "
            "Vi ber föreningarna att också skriva in uppgifterna i sidans text."
        ),
        "feedback": p(
            "Har du upptäckt en brist? Berätta om den på saavutettavuus@meidanhame.fi. "
            "Vi svarar inom 14 dagar."
        ),
        "enforcement": p(
            "Om du inte är nöjd med svaret kan du anmäla saken till tillsynsmyndigheten: "
            "Regionförvaltningsverket i Södra Finland, tillganglighetskrav.fi."
        ),
    },
    "en": {
        "title": "Accessibility statement",
        "intro": p(
            "This accessibility statement covers the Meidän Häme service. The service is subject "
            "to the Act on the Provision of Digital Services (306/2019)."
        ),
        "non_accessible_content": p(
            "Some attachments (PDF) that associations add themselves are not accessible. We ask "
            "associations to also write the information in the page text."
        ),
        "feedback": p(
            "Did you notice a problem? Tell us at saavutettavuus@meidanhame.fi. We answer within "
            "14 days."
        ),
        "enforcement": p(
            "If you are not satisfied with the answer, you can notify the supervisory authority: "
            "the Regional State Administrative Agency for Southern Finland, "
            "webaccessibility.fi."
        ),
    },
}

NEWS_INDEX = {
    "fi": {"title": "Ajankohtaista", "intro": "Uutiset, lausunnot ja aloitteet."},
    "sv": {"title": "Aktuellt", "intro": "Nyheter, utlåtanden och initiativ."},
    "en": {"title": "News", "intro": "News, statements and initiatives."},
}

# slug, days ago, category, {lang: (title, summary, paragraph)}
NEWS = [
    (
        "jarjestostrategia-paivitetaan",
        3,
        "news",
        {
            "fi": (
                "Kanta-Hämeen järjestöstrategia päivitetään",
                "Järjestöneuvottelukunta kutsuu yhdistykset mukaan päivittämään strategiaa.",
                "Työpajat pidetään Hämeenlinnassa, Riihimäellä ja Forssassa sekä etänä.",
            ),
            "sv": (
                "Organisationsstrategin för Egentliga Tavastland uppdateras",
                "Organisationsdelegationen bjuder in föreningarna att uppdatera strategin.",
                "Workshopparna hålls i Tavastehus, Riihimäki och Forssa samt på distans.",
            ),
            "en": (
                "The Kanta-Häme association strategy is being updated",
                "The association council invites associations to help update the strategy.",
                "Workshops are held in Hämeenlinna, Riihimäki and Forssa, and online.",
            ),
        },
    ),
    (
        "lausunto-toimitilat",
        12,
        "statement",
        {
            "fi": (
                "Lausunto: yhdistysten toimitilat palveluverkkosuunnitelmassa",
                "Yhdistykset tarvitsevat edullisia tiloja myös koulujen ja kirjastojen muuttuessa.",
                "Esitämme, että kunnat avaavat tyhjilleen jäävät tilat yhdistysten käyttöön.",
            ),
            "sv": (
                "Utlåtande: föreningarnas lokaler i servicenätsplanen",
                "Föreningarna behöver förmånliga lokaler även när skolor och bibliotek förändras.",
                "Vi föreslår att kommunerna öppnar tomma lokaler för föreningarnas bruk.",
            ),
            "en": (
                "Statement: association premises in the service network plan",
                "Associations need affordable premises as schools and libraries change.",
                "We propose that municipalities open vacant premises for associations to use.",
            ),
        },
    ),
    (
        "aloite-avustuskalenteri",
        25,
        "initiative",
        {
            "fi": (
                "Aloite: yhteinen avustusten hakukalenteri kunnille",
                "Kuntien yhdistysavustusten hakuajat kootaan yhteen kalenteriin.",
                "Yhteinen kalenteri auttaa pieniä yhdistyksiä huomaamaan hakuajat ajoissa.",
            ),
            "sv": (
                "Initiativ: en gemensam ansökningskalender för kommunernas bidrag",
                "Ansökningstiderna för kommunernas föreningsbidrag samlas i en kalender.",
                "En gemensam kalender hjälper små föreningar att se ansökningstiderna i tid.",
            ),
            "en": (
                "Initiative: one grant calendar for the municipalities",
                "The application periods of municipal association grants in one calendar.",
                "A shared calendar helps small associations notice application periods in time.",
            ),
        },
    ),
    (
        "hyvinvointialueen-avustukset",
        6,
        "funding_news",
        {
            "fi": (
                "Hyvinvointialueen järjestöavustusten haku avautuu",
                "Oma Hämeen järjestöavustuksia voi hakea hyvinvointia edistävään toimintaan.",
                "Hakuaika ja ohjeet löytyvät rahoitusosiosta. Tule myös hakuinfoon etänä.",
            ),
            "sv": (
                "Välfärdsområdets organisationsbidrag kan sökas",
                "Egentliga Tavastlands välfärdsområde beviljar bidrag för hälsofrämjande arbete.",
                "Ansökningstid och anvisningar finns under finansiering. Delta i infot på distans.",
            ),
            "en": (
                "The wellbeing services county's association grants open",
                "Associations can apply for grants for activities that promote wellbeing.",
                "The application period and guidance are in the funding section. Join the info.",
            ),
        },
    ),
    (
        "jarjestofoorumi-forssassa",
        40,
        "news",
        {
            "fi": (
                "Järjestöfoorumi kokoaa maakunnan yhdistykset Forssaan",
                "Vuoden järjestöfoorumin teemana on yhdistysten yhteistyö ja tilojen yhteiskäyttö.",
                "Foorumiin voi osallistua paikan päällä tai etänä. Ohjelma julkaistaan pian.",
            ),
            "sv": (
                "Organisationsforumet samlar landskapets föreningar i Forssa",
                "Årets forum handlar om samarbete mellan föreningar och delade lokaler.",
                "Man kan delta på plats eller på distans. Programmet publiceras snart.",
            ),
            "en": (
                "The association forum gathers the region's associations in Forssa",
                "This year's forum is about cooperation and sharing premises.",
                "You can take part on site or online. The programme is published soon.",
            ),
        },
    ),
    (
        "leader-kylahankkeet",
        18,
        "funding_news",
        {
            "fi": (
                "Leader-ryhmät rahoittavat kylien yhteisiä hankkeita",
                "Kylä- ja asukasyhdistykset voivat hakea tukea yhteisiin investointeihin.",
                "Ota yhteyttä oman alueesi Leader-ryhmään jo hankkeen suunnitteluvaiheessa.",
            ),
            "sv": (
                "Leadergrupperna finansierar byarnas gemensamma projekt",
                "By- och invånarföreningar kan söka stöd för gemensamma investeringar.",
                "Kontakta din regions Leadergrupp redan när projektet planeras.",
            ),
            "en": (
                "Leader groups fund villages' joint projects",
                "Village and residents' associations can apply for support for investments.",
                "Contact your area's Leader group already while planning the project.",
            ),
        },
    ),
]


def seed(out, scale=1):
    users = seed_users(out)
    home = seed_home(out)
    translate_home(home)
    about = ensure_page(home, StandardPage, "tietoa-palvelusta", ABOUT, {"show_in_menus": True})
    privacy = ensure_page(home, StandardPage, "tietosuojaseloste", PRIVACY)
    today = timezone.localdate()
    statement = ensure_page(
        home,
        AccessibilityStatementPage,
        "saavutettavuusseloste",
        ACCESSIBILITY,
        {
            "compliance_status": "partial",
            "prepared_on": datetime.date(2026, 9, 1),
            "reviewed_on": datetime.date(2026, 11, 1),
        },
    )
    news_index = ensure_page(
        home, NewsIndexPage, "ajankohtaista", NEWS_INDEX, {"show_in_menus": True}
    )
    for slug, days_ago, category, texts in NEWS:
        ensure_page(
            news_index,
            NewsPage,
            slug,
            {
                code: {
                    "title": title,
                    "summary": summary,
                    "body": [("paragraph", p(paragraph))],
                }
                for code, (title, summary, paragraph) in texts.items()
            },
            {"date": today - datetime.timedelta(days=days_ago), "category": category},
            user=users["editor"],
        )
    site = Site.objects.get(is_default_site=True)
    settings_obj = SiteSettings.for_site(site)
    settings_obj.accessibility_statement = statement
    settings_obj.privacy_notice = privacy
    settings_obj.postal_address = "Esimerkkikatu 1, 13100 Hämeenlinna"
    settings_obj.contact_phone = "+358 3 123 4567"
    settings_obj.show_demo_notice = True
    settings_obj.save()
    if not home.hero_link_page_id:
        home.hero_link_page = about
        publish(home)
        sync_translations(home)
    return {"home": home, "users": users}
