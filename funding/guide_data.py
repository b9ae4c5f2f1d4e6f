# ruff: noqa: E501 - guide texts read best one paragraph a line
"""The funding guide (rahoitusopas) of the demo, in the same structure in fi, sv and en."""

INDEX = {
    "fi": {
        "title": "Rahoitus ja avustukset",
        "intro": "Avoimet ja tulevat avustushaut Kanta-Hämeen yhdistyksille: kuntien, hyvinvointialueen, STEA:n, Leader-ryhmien, säätiöiden ja EU-ohjelmien rahoitus yhdessä paikassa. Tilaa määräajat kalenteriisi.",
    },
    "sv": {
        "title": "Finansiering och bidrag",
        "intro": "Öppna och kommande ansökningar för föreningarna i Egentliga Tavastland: kommunernas, välfärdsområdets, STEA:s, Leadergruppernas, stiftelsernas och EU-programmens finansiering på ett ställe. Prenumerera på tidsfristerna i din kalender.",
    },
    "en": {
        "title": "Funding and grants",
        "intro": "Open and upcoming calls for Kanta-Häme's associations: funding from municipalities, the wellbeing services county, STEA, Leader groups, foundations and EU programmes in one place. Subscribe to the deadlines in your calendar.",
    },
}

TITLE = {"fi": "Rahoitusopas", "sv": "Finansieringsguide", "en": "Funding guide"}
INTRO = {
    "fi": "Opas pienen yhdistyksen rahoitukseen: mistä rahaa löytyy, miten hakemus kirjoitetaan, miten talousarvio tehdään ja mitä raportointi vaatii.",
    "sv": "En guide till finansiering för en liten förening: var pengarna finns, hur ansökan skrivs, hur budgeten görs och vad redovisningen kräver.",
    "en": "A guide to funding for a small association: where to find money, how to write the application, how to make the budget and what reporting requires.",
}

CHAPTERS = {
    "fi": [
        (
            "Mistä rahoitusta löytyy",
            [
                "Aloita läheltä: oman kunnan yhdistysavustukset ovat usein helpoin ensimmäinen askel. Hyvinvointialue avustaa hyvinvointia ja terveyttä edistävää toimintaa, ja STEA rahoittaa sosiaali- ja terveysalan järjestöjen isompia hankkeita.",
                "Maaseudun yhdistyksille Leader-ryhmät (Linnaseutu, Pomoottori ja Etpähäme) ovat tärkein kehittämisrahan lähde. Säätiöt, kuten Suomen Kulttuurirahaston Hämeen rahasto, ja EU-ohjelmat, kuten Erasmus+, sopivat kulttuuriin ja kansainväliseen yhteistyöhön.",
                "Tilaa tämän palvelun määräaikakalenteri, niin et unohda hakuaikoja.",
            ],
        ),
        (
            "Hakemuksen kirjoittaminen",
            [
                "Kerro ensin, mikä ongelma ratkaistaan ja kenen hyväksi. Rahoittaja haluaa tietää, mitä muuttuu, ei vain mitä tehdään.",
                "Kirjoita selkeästi ja lyhyesti. Käytä rahoittajan omia käsitteitä ja vastaa jokaiseen kysymykseen. Pyydä joku yhdistyksen ulkopuolinen lukemaan hakemus ennen lähettämistä.",
                "Jätä hakemus hyvissä ajoin: sähköiset palvelut ruuhkautuvat viimeisenä päivänä.",
            ],
        ),
        (
            "Talousarvio",
            [
                "Talousarvion on vastattava toimintasuunnitelmaa: jokaiselle kululle on löydyttävä peruste suunnitelmasta.",
                "Merkitse erikseen oma rahoitus, muut avustukset ja talkootyö, jos rahoittaja hyväksyy sen omarahoitukseksi. Arvioi kulut realistisesti ja pyydä tarjouksia isoista hankinnoista.",
                "Käytä liitteenä olevaa talousarviopohjaa.",
            ],
        ),
        (
            "Yhteishakemukset",
            [
                "Useampi yhdistys voi hakea yhdessä: yhteinen tapahtuma, jaettu tila tai yhteinen työntekijä vakuuttaa rahoittajan usein paremmin kuin monta pientä hakemusta.",
                "Sopikaa kirjallisesti, kuka on päähakija, miten raha jaetaan ja kuka raportoi. Päähakija vastaa rahoittajalle koko avustuksesta.",
            ],
        ),
        (
            "Raportointi",
            [
                "Avustuksen käytöstä raportoidaan rahoittajan ohjeiden mukaan, yleensä muutaman kuukauden kuluessa toiminnan päättymisestä.",
                "Säilytä kuitit ja osallistujamäärät jo toiminnan aikana. Hyvin tehty raportti helpottaa seuraavaa hakemusta.",
            ],
        ),
    ],
    "sv": [
        (
            "Var hittar man finansiering",
            [
                "Börja nära: den egna kommunens föreningsbidrag är ofta det enklaste första steget. Välfärdsområdet stöder verksamhet som främjar välfärd och hälsa, och STEA finansierar större projekt för social- och hälsoorganisationer.",
                "För föreningar på landsbygden är Leadergrupperna (Linnaseutu, Pomoottori och Etpähäme) den viktigaste källan till utvecklingspengar. Stiftelser, som Finska kulturfondens Tavastlands fond, och EU-program, som Erasmus+, passar för kultur och internationellt samarbete.",
                "Prenumerera på tjänstens kalender för tidsfrister, så glömmer du inte ansökningstiderna.",
            ],
        ),
        (
            "Att skriva ansökan",
            [
                "Berätta först vilket problem som ska lösas och för vem. Finansiären vill veta vad som förändras, inte bara vad som görs.",
                "Skriv tydligt och kort. Använd finansiärens egna begrepp och svara på varje fråga. Be någon utanför föreningen läsa ansökan innan den skickas.",
                "Lämna in ansökan i god tid: e-tjänsterna blir överbelastade den sista dagen.",
            ],
        ),
        (
            "Budget",
            [
                "Budgeten ska motsvara verksamhetsplanen: varje kostnad ska ha en grund i planen.",
                "Ange separat egen finansiering, andra bidrag och talkoarbete, om finansiären godkänner det som självfinansiering. Uppskatta kostnaderna realistiskt och be om offerter för stora anskaffningar.",
                "Använd budgetmallen i bilagan.",
            ],
        ),
        (
            "Gemensamma ansökningar",
            [
                "Flera föreningar kan söka tillsammans: ett gemensamt evenemang, en delad lokal eller en gemensam anställd övertygar ofta finansiären bättre än många små ansökningar.",
                "Kom skriftligt överens om vem som är huvudsökande, hur pengarna fördelas och vem som redovisar. Huvudsökanden ansvarar för hela bidraget inför finansiären.",
            ],
        ),
        (
            "Redovisning",
            [
                "Användningen av bidraget redovisas enligt finansiärens anvisningar, oftast inom några månader efter att verksamheten avslutats.",
                "Spara kvitton och deltagarantal redan under verksamheten. En väl gjord redovisning gör nästa ansökan lättare.",
            ],
        ),
    ],
    "en": [
        (
            "Where to find funding",
            [
                "Start close to home: your municipality's association grants are often the easiest first step. The wellbeing services county supports activities that promote wellbeing and health, and STEA funds larger projects of social welfare and health organisations.",
                "For rural associations, the Leader groups (Linnaseutu, Pomoottori and Etpähäme) are the main source of development money. Foundations, such as the Finnish Cultural Foundation's Häme Regional Fund, and EU programmes, such as Erasmus+, suit culture and international cooperation.",
                "Subscribe to this service's deadline calendar so that you never miss an application period.",
            ],
        ),
        (
            "Writing the application",
            [
                "First say what problem you will solve and for whom. The funder wants to know what changes, not only what you do.",
                "Write clearly and briefly. Use the funder's own terms and answer every question. Ask someone outside the association to read the application before you send it.",
                "Send the application in good time: online services are congested on the last day.",
            ],
        ),
        (
            "The budget",
            [
                "The budget must match the plan of activities: every cost needs a reason in the plan.",
                "Show your own funding, other grants and voluntary work separately, if the funder accepts it as self-financing. Estimate costs realistically and ask for quotes for large purchases.",
                "Use the budget template attached.",
            ],
        ),
        (
            "Joint applications",
            [
                "Several associations can apply together: a joint event, a shared space or a shared employee often convinces a funder better than many small applications.",
                "Agree in writing who is the lead applicant, how the money is shared and who reports. The lead applicant answers to the funder for the whole grant.",
            ],
        ),
        (
            "Reporting",
            [
                "Report on the use of the grant as the funder instructs, usually within a few months of the end of the activity.",
                "Keep receipts and participant numbers as you go. A good report makes the next application easier.",
            ],
        ),
    ],
}

CHECKLIST = {
    "fi": (
        "Tarkistuslista ennen lähettämistä",
        [
            "Hakija on oikeutettu hakemaan (rekisteröinti, kotikunta, toimiala)",
            "Toimintasuunnitelma ja talousarvio vastaavat toisiaan",
            "Omarahoitusosuus on laskettu",
            "Liitteet: säännöt, tilinpäätös, toimintakertomus",
            "Hakemuksen on allekirjoittanut nimenkirjoitusoikeutettu henkilö",
            "Määräaika ja kellonaika on tarkistettu",
        ],
    ),
    "sv": (
        "Checklista innan du skickar",
        [
            "Sökanden har rätt att söka (registrering, hemkommun, verksamhetsområde)",
            "Verksamhetsplanen och budgeten motsvarar varandra",
            "Självfinansieringsandelen är beräknad",
            "Bilagor: stadgar, bokslut, verksamhetsberättelse",
            "Ansökan är undertecknad av en namntecknare",
            "Tidsfristen och klockslaget är kontrollerade",
        ],
    ),
    "en": (
        "Checklist before sending",
        [
            "The applicant is eligible (registration, home municipality, field of activity)",
            "The plan of activities and the budget match",
            "The self-financing share is calculated",
            "Attachments: rules, financial statements, annual report",
            "The application is signed by a person authorised to sign for the association",
            "The deadline date and time are checked",
        ],
    ),
}

GLOSSARY = {
    "fi": (
        "Sanasto",
        [
            ("Toiminta-avustus", "Avustus yhdistyksen tavalliseen, jatkuvaan toimintaan."),
            ("Kohdeavustus", "Avustus yksittäiseen tapahtumaan, hankintaan tai hankkeeseen."),
            (
                "Omarahoitus",
                "Osuus kustannuksista, jonka hakija maksaa itse rahana tai talkootyönä.",
            ),
            (
                "Leader",
                "EU:n maaseuturahaston paikallinen kehittämistapa: Leader-ryhmä valitsee rahoitettavat hankkeet.",
            ),
            ("Hakuaika", "Aika, jonka kuluessa hakemus on jätettävä."),
        ],
    ),
    "sv": (
        "Ordlista",
        [
            ("Verksamhetsbidrag", "Bidrag för föreningens vanliga, fortlöpande verksamhet."),
            (
                "Riktat bidrag",
                "Bidrag för ett enskilt evenemang, en anskaffning eller ett projekt.",
            ),
            (
                "Självfinansiering",
                "Den andel av kostnaderna som sökanden betalar själv i pengar eller talkoarbete.",
            ),
            (
                "Leader",
                "Ett lokalt utvecklingssätt inom EU:s landsbygdsfond: Leadergruppen väljer de projekt som finansieras.",
            ),
            ("Ansökningstid", "Den tid inom vilken ansökan ska lämnas in."),
        ],
    ),
    "en": (
        "Glossary",
        [
            ("Operating grant", "A grant for an association's ordinary, continuing activities."),
            ("Targeted grant", "A grant for a single event, purchase or project."),
            (
                "Self-financing",
                "The share of costs the applicant pays itself, in money or voluntary work.",
            ),
            (
                "Leader",
                "A local development method of the EU's rural fund: the Leader group chooses the projects it funds.",
            ),
            ("Application period", "The time within which the application must be sent."),
        ],
    ),
}

DOWNLOADS = {
    "fi": (
        "Pohjat ladattavaksi",
        ["Talousarviopohja taulukkolaskentaan", "Tarkistuslista tulostettavaksi"],
    ),
    "sv": ("Mallar att ladda ner", ["Budgetmall för kalkylprogram", "Checklista att skriva ut"]),
    "en": ("Templates to download", ["Budget template for spreadsheets", "Checklist to print"]),
}

BUDGET_TEMPLATE = "Kulu / Kostnad / Cost;Euroa / Euro / Euros;Peruste / Grund / Reason\r\nTilavuokra;;\r\nTarvikkeet;;\r\nMatkat;;\r\nViestintä;;\r\nYhteensä;;\r\nOmarahoitus;;\r\nHaettava avustus;;\r\n"
CHECKLIST_TEMPLATE = "Rahoitushakemuksen tarkistuslista\n\n[ ] Hakija on oikeutettu hakemaan\n[ ] Toimintasuunnitelma ja talousarvio vastaavat toisiaan\n[ ] Omarahoitusosuus on laskettu\n[ ] Liitteet mukana\n[ ] Allekirjoitus\n[ ] Määräaika tarkistettu\n"
