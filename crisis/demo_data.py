"""Texts of the crisis demo: the index, the readiness library and the archived exercise.
Each language version has the same structure (paragraphs and list items in the same order),
so wagtail-localize can pair the strings."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoReport:
    """An association's status report in a situation, as its form takes it."""

    status: str
    continues: str  # what goes on, in the association's words
    offers: list
    needs: list
    show_publicly: bool
    share_with_partners: bool


INDEX_TEXTS = {
    "fi": {
        "title": "Poikkeustilanteet",
        "intro": (
            "Poikkeustilanteessa tästä näet, mikä yhdistystoiminta jatkuu, miten yhdistykset "
            "voivat auttaa ja mistä apua saa. Valmiuskirjasto auttaa varautumaan etukäteen."
        ),
    },
    "sv": {
        "title": "Exceptionella situationer",
        "intro": (
            "I en exceptionell situation ser du här vilken föreningsverksamhet som fortsätter, "
            "hur föreningarna kan hjälpa och var man får hjälp. Beredskapsbiblioteket hjälper "
            "er att förbereda er i förväg."
        ),
    },
    "en": {
        "title": "Exceptional situations",
        "intro": (
            "In an exceptional situation, see here which association activity continues, how "
            "associations can help and where to get help. The readiness library helps you "
            "prepare in advance."
        ),
    },
}

GUIDES = [
    (
        "valmiussuunnitelman-pohja",
        {
            "fi": {
                "title": "Yhdistyksen valmiussuunnitelman pohja",
                "intro": "Täytä hallituksen kokouksessa: yksi sivu riittää alkuun.",
                "body": (
                    "<h2>1. Toimintamme ja sen kriittiset osat</h2>"
                    "<p>Mitkä toiminnot jäsenet ja asiakkaat tarvitsevat myös poikkeustilanteessa "
                    "(esim. ystäväpuhelut, ruoka-apu, vertaistuki)? Kuka vastaa kustakin?</p>"
                    "<h2>2. Yhteystiedot ja viestintä</h2>"
                    "<ul><li>Hallituksen jäsenten puhelinnumerot paperilla ja puhelimessa.</li>"
                    "<li>Kuka päivittää tilannetiedon Meidän Hämeeseen ja jäsenille.</li>"
                    "<li>Viestintäkanavat, jos sähkö tai verkko katkeaa: tekstiviesti, "
                    "ilmoitustaulu, paikallisradio.</li></ul>"
                    "<h2>3. Korvaavat toimintatavat</h2>"
                    "<p>Miten toiminta jatkuu etänä tai pienemmissä ryhmissä? Mitä välineitä "
                    "tarvitaan (puhelinryhmät, videoyhteys, ulkotilat)?</p>"
                    "<h2>4. Mitä voimme tarjota muille</h2>"
                    "<p>Vapaaehtoiset, tilat, kuljetukset ja kalusto, joita voimme antaa "
                    "kunnan tai toisten yhdistysten käyttöön.</p>"
                    "<h2>5. Päivitys</h2>"
                    "<p>Käykää suunnitelma läpi kerran vuodessa ja aina uuden hallituksen "
                    "aloittaessa.</p>"
                ),
            },
            "sv": {
                "title": "Mall för föreningens beredskapsplan",
                "intro": "Fyll i på ett styrelsemöte: en sida räcker till en början.",
                "body": (
                    "<h2>1. Vår verksamhet och dess kritiska delar</h2>"
                    "<p>Vilka verksamheter behöver medlemmar och klienter också i en "
                    "exceptionell situation (t.ex. vänsamtal, mathjälp, kamratstöd)? Vem "
                    "ansvarar för vad?</p>"
                    "<h2>2. Kontaktuppgifter och kommunikation</h2>"
                    "<ul><li>Styrelsemedlemmarnas telefonnummer på papper och i telefonen.</li>"
                    "<li>Vem uppdaterar lägesinformationen på Meidän Häme och till "
                    "medlemmarna.</li>"
                    "<li>Kanaler om el eller nät går ner: textmeddelande, anslagstavla, "
                    "lokalradio.</li></ul>"
                    "<h2>3. Ersättande arbetssätt</h2>"
                    "<p>Hur fortsätter verksamheten på distans eller i mindre grupper? Vilka "
                    "verktyg behövs (telefongrupper, videolänk, utomhusplatser)?</p>"
                    "<h2>4. Vad vi kan erbjuda andra</h2>"
                    "<p>Frivilliga, lokaler, transporter och utrustning som vi kan ställa till "
                    "kommunens eller andra föreningars förfogande.</p>"
                    "<h2>5. Uppdatering</h2>"
                    "<p>Gå igenom planen en gång om året och alltid när en ny styrelse "
                    "börjar.</p>"
                ),
            },
            "en": {
                "title": "Readiness plan template for associations",
                "intro": "Fill it in at a board meeting: one page is enough to start.",
                "body": (
                    "<h2>1. Our activity and its critical parts</h2>"
                    "<p>Which activities do members and clients need in an exceptional "
                    "situation too (e.g. friendship calls, food aid, peer support)? Who is "
                    "responsible for each?</p>"
                    "<h2>2. Contacts and communication</h2>"
                    "<ul><li>Board members' phone numbers on paper and in your phone.</li>"
                    "<li>Who updates the status on Meidän Häme and informs the members.</li>"
                    "<li>Channels if power or the network fails: text messages, notice "
                    "board, local radio.</li></ul>"
                    "<h2>3. Alternative ways of working</h2>"
                    "<p>How does the activity continue remotely or in smaller groups? What "
                    "tools are needed (phone groups, video calls, outdoor spaces)?</p>"
                    "<h2>4. What we can offer others</h2>"
                    "<p>Volunteers, premises, transport and equipment we can lend to the "
                    "municipality or other associations.</p>"
                    "<h2>5. Keeping it up to date</h2>"
                    "<p>Review the plan once a year and whenever a new board starts.</p>"
                ),
            },
        },
    ),
    (
        "varautumisen-tarkistuslista",
        {
            "fi": {
                "title": "Varautumisen tarkistuslista",
                "intro": "Kymmenen asiaa, jotka jokainen yhdistys voi hoitaa kuntoon jo tänään.",
                "body": (
                    "<ul>"
                    "<li>Valmiussuunnitelma on tehty ja hallitus tuntee sen.</li>"
                    "<li>Jäsenrekisteri ja yhteystiedot ovat saatavilla myös ilman verkkoa.</li>"
                    "<li>Vähintään kaksi ihmistä osaa päivittää yhdistyksen tiedot "
                    "Meidän Hämeessä.</li>"
                    "<li>Yhdistyksen tiedoissa on ajantasainen yhteyshenkilö kumppaneille.</li>"
                    "<li>Etäkokouksen tapa on sovittu ja kokeiltu.</li>"
                    "<li>Sääntöjen mukainen päätöksenteko onnistuu myös etänä.</li>"
                    "<li>Tiloissa on ensiapuvälineet, taskulamppu ja paristoradio.</li>"
                    "<li>Vapaaehtoisten osaaminen (ajokortti, ensiapu, kielet) on koottu.</li>"
                    "<li>Tiedätte, mitä voitte tarjota muille ja mitä tarvitsette itse.</li>"
                    "<li>Kotivarasohje on jaettu jäsenille.</li>"
                    "</ul>"
                ),
            },
            "sv": {
                "title": "Checklista för beredskap",
                "intro": "Tio saker som varje förening kan ordna redan i dag.",
                "body": (
                    "<ul>"
                    "<li>Beredskapsplanen är gjord och styrelsen känner till den.</li>"
                    "<li>Medlemsregistret och kontaktuppgifterna finns också utan nät.</li>"
                    "<li>Minst två personer kan uppdatera föreningens uppgifter på "
                    "Meidän Häme.</li>"
                    "<li>Föreningens uppgifter har en aktuell kontaktperson för partner.</li>"
                    "<li>Sättet att hålla distansmöten är avtalat och prövat.</li>"
                    "<li>Beslutsfattande enligt stadgarna fungerar också på distans.</li>"
                    "<li>Lokalerna har första hjälpen-utrustning, ficklampa och batteriradio.</li>"
                    "<li>De frivilligas kunnande (körkort, första hjälp, språk) är "
                    "sammanställt.</li>"
                    "<li>Ni vet vad ni kan erbjuda andra och vad ni själva behöver.</li>"
                    "<li>Anvisningen om hemberedskap är delad till medlemmarna.</li>"
                    "</ul>"
                ),
            },
            "en": {
                "title": "Readiness checklist",
                "intro": "Ten things every association can put in order today.",
                "body": (
                    "<ul>"
                    "<li>The readiness plan is written and the board knows it.</li>"
                    "<li>The member register and contacts are available offline too.</li>"
                    "<li>At least two people can update the association's details on "
                    "Meidän Häme.</li>"
                    "<li>The association's details name a current contact for partners.</li>"
                    "<li>A way to hold remote meetings is agreed and tried.</li>"
                    "<li>Decisions under the rules can be made remotely too.</li>"
                    "<li>The premises have a first aid kit, a torch and a battery radio.</li>"
                    "<li>The volunteers' skills (driving licence, first aid, languages) are "
                    "listed.</li>"
                    "<li>You know what you can offer others and what you need yourselves.</li>"
                    "<li>The home preparedness guide is shared with the members.</li>"
                    "</ul>"
                ),
            },
        },
    ),
    (
        "turvallisuusfoorumin-yhteystiedot",
        {
            "fi": {
                "title": "Kanta-Hämeen turvallisuusfoorumin yhteystiedot",
                "intro": "Keneen ottaa yhteyttä, kun yhdistys haluaa auttaa tai tarvitsee apua. "
                "Demo: yhteystiedot ovat esimerkkejä.",
                "body": (
                    "<h2>Kanta-Hämeen turvallisuusfoorumi</h2>"
                    "<p>Alueellinen yhteistyöverkosto, joka kokoaa viranomaiset, kunnat, "
                    "hyvinvointialueen ja järjestöt varautumaan yhdessä.</p>"
                    "<ul><li>Sihteeristö (demo): turvallisuusfoorumi@example.fi, 03 123 4500</li>"
                    "<li>Järjestöjen edustaja (demo): jarjestot@example.fi, 040 123 4501</li>"
                    "<li>Hyvinvointialueen valmiussuunnittelija (demo): valmius@example.fi, "
                    "03 123 4502</li></ul>"
                    "<h2>Hätätilanteessa</h2>"
                    "<p>Soita aina hätänumeroon 112. Viranomaisten tiedotteet: Yle, "
                    "paikallisradio ja 112 Suomi -sovellus.</p>"
                ),
            },
            "sv": {
                "title": "Kontaktuppgifter till säkerhetsforumet i Egentliga Tavastland",
                "intro": "Vem ni kontaktar när föreningen vill hjälpa eller behöver hjälp. "
                "Demo: kontaktuppgifterna är exempel.",
                "body": (
                    "<h2>Säkerhetsforumet i Egentliga Tavastland</h2>"
                    "<p>Ett regionalt samarbetsnätverk som samlar myndigheter, kommuner, "
                    "välfärdsområdet och organisationer för att förbereda sig tillsammans.</p>"
                    "<ul><li>Sekretariatet (demo): turvallisuusfoorumi@example.fi, "
                    "03 123 4500</li>"
                    "<li>Organisationernas representant (demo): jarjestot@example.fi, "
                    "040 123 4501</li>"
                    "<li>Välfärdsområdets beredskapsplanerare (demo): valmius@example.fi, "
                    "03 123 4502</li></ul>"
                    "<h2>I en nödsituation</h2>"
                    "<p>Ring alltid nödnumret 112. Myndigheternas meddelanden: Yle, "
                    "lokalradion och appen 112 Suomi.</p>"
                ),
            },
            "en": {
                "title": "Contacts of the Kanta-Häme safety forum",
                "intro": "Whom to contact when your association wants to help or needs help. "
                "Demo: the contacts are examples.",
                "body": (
                    "<h2>Kanta-Häme safety forum</h2>"
                    "<p>A regional cooperation network that brings authorities, "
                    "municipalities, the wellbeing services county and NGOs together to "
                    "prepare.</p>"
                    "<ul><li>Secretariat (demo): turvallisuusfoorumi@example.fi, 03 123 4500</li>"
                    "<li>NGO representative (demo): jarjestot@example.fi, 040 123 4501</li>"
                    "<li>Readiness planner of the wellbeing services county (demo): "
                    "valmius@example.fi, 03 123 4502</li></ul>"
                    "<h2>In an emergency</h2>"
                    "<p>Always call the emergency number 112. Official announcements: Yle, "
                    "local radio and the 112 Suomi app.</p>"
                ),
            },
        },
    ),
]

PAST_SITUATION = {
    "fi": {
        "title": "Vesikatkoharjoitus keväällä 2026",
        "summary": "Harjoitus: Hämeenlinnan seudulla varauduttiin laajaan vesikatkoon.",
        "message": (
            "<p>Harjoituksessa kokeiltiin, miten yhdistykset kertovat tilanteestaan ja mitä "
            "apua ne voivat tarjota, kun vesijohtovesi on poikki useita päiviä.</p>"
        ),
    },
    "sv": {
        "title": "Övning i vattenavbrott våren 2026",
        "summary": "Övning: i Tavastehusregionen förberedde man sig på ett omfattande "
        "vattenavbrott.",
        "message": (
            "<p>I övningen prövades hur föreningarna berättar om sitt läge och vilken hjälp de "
            "kan erbjuda när kranvattnet är avstängt i flera dagar.</p>"
        ),
    },
    "en": {
        "title": "Water outage exercise, spring 2026",
        "summary": "Exercise: the Hämeenlinna sub-region prepared for a wide water outage.",
        "message": (
            "<p>The exercise tried out how associations report their situation and what help "
            "they can offer when tap water is cut off for several days.</p>"
        ),
    },
}

DEMO_SITUATION = {
    "fi": {
        "title": "Pitkä sähkökatko (demo)",
        "summary": "Demo: myrsky on katkaissut sähköt laajalti. Katso, mikä toiminta jatkuu.",
        "message": (
            "<p>Tämä on esittelytilanne. Yhdistykset voivat kertoa, mikä toiminta jatkuu ja "
            "mitä apua ne voivat tarjota. Seuraa viranomaisten tiedotteita.</p>"
        ),
    },
    "sv": {
        "title": "Långt strömavbrott (demo)",
        "summary": "Demo: en storm har orsakat omfattande strömavbrott. Se vad som fortsätter.",
        "message": (
            "<p>Detta är en demosituation. Föreningarna kan berätta vilken verksamhet som "
            "fortsätter och vilken hjälp de kan erbjuda. Följ myndigheternas meddelanden.</p>"
        ),
    },
    "en": {
        "title": "Long power outage (demo)",
        "summary": "Demo: a storm has cut power widely. See what activity continues.",
        "message": (
            "<p>This is a demo situation. Associations can report what activity continues and "
            "what help they can offer. Follow the authorities' announcements.</p>"
        ),
    },
}

# Reports in the archived exercise, one from each demo association in turn.
PAST_REPORTS = [
    DemoReport(
        status="remote",
        continues="Vertaistukiryhmä kokoontui puhelimessa tiistaisin klo 10.",
        offers=["phone"],
        needs=[],
        show_publicly=True,
        share_with_partners=True,
    ),
    DemoReport(
        status="partly",
        continues="Kylätalo toimi vedenjakelupisteenä; muut tapahtumat peruttiin.",
        offers=["premises", "volunteers"],
        needs=["equipment"],
        show_publicly=True,
        share_with_partners=True,
    ),
    DemoReport(
        status="paused",
        continues="",
        offers=[],
        needs=["information"],
        show_publicly=True,
        share_with_partners=False,
    ),
    DemoReport(
        status="normal",
        continues="Ulkoilutapahtumat jatkuivat normaalisti.",
        offers=["transport"],
        needs=[],
        show_publicly=True,
        share_with_partners=True,
    ),
    DemoReport(
        status="remote",
        continues="Kerhot siirtyivät verkkoon.",
        offers=[],
        needs=["volunteers"],
        show_publicly=False,
        share_with_partners=True,
    ),
    DemoReport(
        status="closed",
        continues="",
        offers=[],
        needs=[],
        show_publicly=False,
        share_with_partners=False,
    ),
]
