"""Demo content of the good-practice library: the library page and five practices of
associations across Kanta-Häme (fi/sv/en), one of them a readiness exercise. The demo user
"member" is an admin of the association that owns the first practice."""

from wagtail.models import Page

from associations.models import AssociationPage, Membership, MembershipStatus, Role
from core.demo_support import LANGUAGES, ensure_page, home_page, publish
from core.translation import translate_from_versions

from .models import GoodPracticeIndexPage, GoodPracticePage

LIBRARY = {
    "fi": {
        "title": "Hyvät käytännöt",
        "slug": "hyvat-kaytannot",
        "intro": "Kanta-Hämeen yhdistykset kertovat, mikä heillä toimi: kenelle, miten, mitä se "
        "maksoi ja mitä opimme. Kopioi vapaasti ja kysy lisää tekijöiltä.",
    },
    "sv": {
        "title": "Goda exempel",
        "slug": "goda-exempel",
        "intro": "Föreningar i Egentliga Tavastland berättar vad som fungerade: för vem, hur, vad "
        "det kostade och vad vi lärde oss. Kopiera fritt och fråga mer av dem som gjorde det.",
    },
    "en": {
        "title": "Good practices",
        "slug": "good-practices",
        "intro": "Associations in Kanta-Häme tell what worked for them: for whom, how, what it "
        "cost and what they learned. Copy freely and ask the people who did it.",
    },
}


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# (slug, municipality, common facts, texts by language)
PRACTICES = [
    (
        "kirjanpitorengas",
        "hattula",
        {
            "themes": ["joint-projects", "training"],
            "fields_of_activity": ["social_health", "village"],
            "contact_name": "Pirkko Mäkelä",
        },
        {
            "fi": {
                "title": "Yhdistysten kirjanpitorengas",
                "summary": "Kuuden yhdistyksen rahastonhoitajat tapaavat kuukausittain, "
                "tarkistavat toistensa tositteet ja tekevät tilinpäätökset yhdessä.",
                "for_whom": "Rahastonhoitajille, jotka tekevät kirjanpidon vapaaehtoisina ja "
                "jäävät usein yksin kysymystensä kanssa.",
                "how": _p(
                    "Rengas kokoontuu kirjaston kokoushuoneessa kuun ensimmäisenä tiistaina. "
                    "Jokainen tuo kuukauden tositteet, ja pareittain katsomme toistemme "
                    "kirjaukset läpi.",
                    "Käytämme samaa kirjanpito-ohjelmaa ja yhteistä tilikarttaa, joten "
                    "neuvominen on helppoa. Tammikuussa pidämme tilinpäätöstyöpajan, jossa "
                    "tilintarkastaja vastaa kysymyksiin.",
                ),
                "cost": "Ohjelman yhteislisenssi 40 euroa yhdistykseltä vuodessa. Tila on "
                "maksuton.",
                "learned": "Virheet löytyvät nyt kuukausittain eivätkä vasta tilinpäätöksessä. "
                "Uuden rahastonhoitajan on helpompi aloittaa, kun apua on saatavilla.",
                "contact_role": "renkaan kokoonkutsuja",
            },
            "sv": {
                "title": "En bokföringsring för föreningar",
                "summary": "Kassörerna i sex föreningar träffas varje månad, granskar "
                "varandras verifikat och gör boksluten tillsammans.",
                "for_whom": "Kassörer som sköter bokföringen som frivilliga och ofta blir "
                "ensamma med sina frågor.",
                "how": _p(
                    "Ringen träffas i bibliotekets mötesrum den första tisdagen i månaden. Var "
                    "och en tar med månadens verifikat, och i par går vi igenom varandras "
                    "bokningar.",
                    "Vi använder samma bokföringsprogram och en gemensam kontoplan, så det är "
                    "lätt att ge råd. I januari ordnar vi en bokslutsverkstad där revisorn "
                    "svarar på frågor.",
                ),
                "cost": "Gemensam programlicens 40 euro per förening och år. Lokalen är "
                "avgiftsfri.",
                "learned": "Felen hittas nu varje månad och inte först vid bokslutet. En ny "
                "kassör har lättare att börja när det finns hjälp.",
                "contact_role": "sammankallare för ringen",
            },
            "en": {
                "title": "A joint bookkeeping ring for associations",
                "summary": "The treasurers of six associations meet monthly, check each "
                "other's receipts and close their accounts together.",
                "for_whom": "Treasurers who keep the books as volunteers and are often left "
                "alone with their questions.",
                "how": _p(
                    "The ring meets in the library's meeting room on the first Tuesday of the "
                    "month. Everyone brings the month's receipts, and in pairs we go through "
                    "each other's entries.",
                    "We use the same bookkeeping software and a shared chart of accounts, so "
                    "advice is easy. In January we hold a year-end workshop where an auditor "
                    "answers questions.",
                ),
                "cost": "A shared software licence, 40 euros per association a year. The room "
                "is free.",
                "learned": "Mistakes are now found every month, not at the year-end. A new "
                "treasurer finds it easier to start when help is at hand.",
                "contact_role": "convener of the ring",
            },
        },
    ),
    (
        "yhteinen-vapaaehtoiskoordinaattori",
        "forssa",
        {
            "themes": ["volunteers", "joint-projects"],
            "fields_of_activity": ["social_health", "village"],
            "contact_name": "Sanna Lehtinen",
        },
        {
            "fi": {
                "title": "Kolmen yhdistyksen yhteinen vapaaehtoiskoordinaattori",
                "summary": "Kolme Forssan seudun yhdistystä palkkasi yhdessä osa-aikaisen "
                "vapaaehtoiskoordinaattorin. Hän perehdyttää, vuorottaa ja kiittää kaikkien "
                "kolmen vapaaehtoisia.",
                "for_whom": "Pienille yhdistyksille, joiden vapaaehtoiset uupuvat ja joilla ei "
                "ole varaa omaan työntekijään.",
                "how": _p(
                    "Sovimme yhteistyösopimuksella, että yksi yhdistys on työnantaja ja kaksi "
                    "muuta maksavat osuutensa kuukausittain. Koordinaattori tekee 24 tuntia "
                    "viikossa ja jakaa aikansa sovitun vuorolistan mukaan.",
                    "Vapaaehtoisilla on yksi yhteinen ilmoittautumislista ja yksi perehdytys. "
                    "Kerran kuussa pidämme yhteisen kiitosillan, johon kaikkien yhdistysten "
                    "vapaaehtoiset kutsutaan.",
                ),
                "cost": "Noin 21 000 euroa vuodessa sivukuluineen, jaettuna kolmelle. "
                "Ensimmäisen vuoden rahoitimme STEA:n kohdennetulla avustuksella.",
                "learned": "Kirjoita työnantajan vastuut ja kustannusten jako sopimukseen heti "
                "alussa. Yhteinen vuorolista vähensi päällekkäisiä tapahtumia, ja "
                "vapaaehtoiset alkoivat auttaa myös toistensa yhdistyksiä.",
                "contact_role": "vapaaehtoiskoordinaattori",
            },
            "sv": {
                "title": "En gemensam frivilligkoordinator för tre föreningar",
                "summary": "Tre föreningar i Forssaregionen anställde tillsammans en "
                "frivilligkoordinator på deltid. Hon introducerar, schemalägger och tackar "
                "alla tre föreningarnas frivilliga.",
                "for_whom": "Små föreningar vars frivilliga blir utmattade och som inte har "
                "råd med en egen anställd.",
                "how": _p(
                    "Vi kom överens i ett samarbetsavtal om att en förening är arbetsgivare och "
                    "de två andra betalar sin andel varje månad. Koordinatorn arbetar 24 timmar "
                    "i veckan och delar sin tid enligt ett överenskommet schema.",
                    "De frivilliga har en gemensam anmälningslista och en introduktion. En gång "
                    "i månaden ordnar vi en gemensam tackkväll dit alla föreningarnas frivilliga "
                    "bjuds in.",
                ),
                "cost": "Cirka 21 000 euro om året med bikostnader, delat på tre. Det första "
                "året finansierades med ett riktat understöd från STEA.",
                "learned": "Skriv in arbetsgivarens ansvar och kostnadsfördelningen i avtalet "
                "genast. Det gemensamma schemat minskade överlappande evenemang, och de "
                "frivilliga började hjälpa också varandras föreningar.",
                "contact_role": "frivilligkoordinator",
            },
            "en": {
                "title": "A volunteer coordinator shared by three associations",
                "summary": "Three associations in the Forssa sub-region hired a part-time "
                "volunteer coordinator together. She inducts, schedules and thanks the "
                "volunteers of all three.",
                "for_whom": "Small associations whose volunteers are worn out and who cannot "
                "afford an employee of their own.",
                "how": _p(
                    "We agreed in a cooperation agreement that one association is the employer "
                    "and the other two pay their share every month. The coordinator works 24 "
                    "hours a week and divides her time by an agreed rota.",
                    "Volunteers have one shared sign-up list and one induction. Once a month we "
                    "hold a joint thank-you evening to which the volunteers of every "
                    "association are invited.",
                ),
                "cost": "About 21,000 euros a year with employer costs, split three ways. The "
                "first year was funded with a targeted grant from STEA.",
                "learned": "Write the employer's duties and the split of costs into the "
                "agreement from the start. The shared rota cut overlapping events, and "
                "volunteers started helping each other's associations too.",
                "contact_role": "volunteer coordinator",
            },
        },
    ),
    (
        "kevyt-osallisuus-pop-up",
        "hameenlinna",
        {
            "themes": ["youth", "volunteers", "events"],
            "fields_of_activity": ["culture", "social_health"],
            "contact_name": "Juho Virtanen",
        },
        {
            "fi": {
                "title": "Kevyt osallisuus: pop-up-vapaaehtoisuutta nuorille",
                "summary": "Nuoret tulevat auttamaan yhdeksi tapahtumaksi kerrallaan ilman "
                "jäsenyyttä tai sitoutumista. Ilmoittautuminen vie minuutin.",
                "for_whom": "15–25-vuotiaille Hämeenlinnassa, jotka haluavat auttaa mutta eivät "
                "halua liittyä yhdistykseen.",
                "how": _p(
                    "Julkaisemme jokaisesta tapahtumasta lyhyen tehtävän: mitä tehdään, kuinka "
                    "kauan ja kenen kanssa. Nuori ilmoittautuu lomakkeella ja saa "
                    "tekstiviestin edellisenä päivänä.",
                    "Paikan päällä jokaisella nuorella on nimetty aikuinen pari. Lopuksi "
                    "annamme todistuksen, jota voi käyttää työnhaussa.",
                ),
                "cost": "Välipalat ja t-paidat noin 600 euroa vuodessa. Työtä noin kaksi "
                "tuntia tapahtumaa kohden.",
                "learned": "Nuoret tulivat uudestaan, kun tehtävä oli selvä ja lyhyt. Joka "
                "kymmenes liittyi myöhemmin jäseneksi, vaikka emme sitä pyytäneet.",
                "contact_role": "nuorisotyön vastaava",
            },
            "sv": {
                "title": "Lätt delaktighet: popup-frivilligarbete för unga",
                "summary": "Unga kommer och hjälper till vid ett evenemang i taget utan "
                "medlemskap eller förpliktelser. Anmälan tar en minut.",
                "for_whom": "15–25-åringar i Tavastehus som vill hjälpa till men inte vill gå "
                "med i en förening.",
                "how": _p(
                    "För varje evenemang publicerar vi en kort uppgift: vad som görs, hur länge "
                    "och med vem. Den unga anmäler sig med ett formulär och får ett sms dagen "
                    "före.",
                    "På plats har varje ung en namngiven vuxen som par. Till sist ger vi ett "
                    "intyg som kan användas när man söker jobb.",
                ),
                "cost": "Mellanmål och t-skjortor cirka 600 euro om året. Arbete cirka två "
                "timmar per evenemang.",
                "learned": "De unga kom tillbaka när uppgiften var tydlig och kort. Var tionde "
                "blev senare medlem, fast vi inte bad om det.",
                "contact_role": "ansvarig för ungdomsarbetet",
            },
            "en": {
                "title": "Light participation: pop-up volunteering for young people",
                "summary": "Young people come to help at one event at a time, with no "
                "membership and no commitment. Signing up takes a minute.",
                "for_whom": "People aged 15 to 25 in Hämeenlinna who want to help but do not "
                "want to join an association.",
                "how": _p(
                    "For each event we publish a short task: what is done, for how long and "
                    "with whom. The young person signs up with a form and gets a text message "
                    "the day before.",
                    "On site every young person has a named adult partner. At the end we give "
                    "a certificate they can use when applying for jobs.",
                ),
                "cost": "Snacks and T-shirts, about 600 euros a year. About two hours of work "
                "per event.",
                "learned": "Young people came back when the task was clear and short. One in "
                "ten later joined as a member, although we never asked.",
                "contact_role": "youth work lead",
            },
        },
    ),
    (
        "digitukikahvila-ikaihmisille",
        "riihimaki",
        {
            "themes": ["older-people", "training", "volunteers"],
            "fields_of_activity": ["social_health"],
            "contact_name": "Eila Nieminen",
        },
        {
            "fi": {
                "title": "Digitukikahvila ikäihmisille",
                "summary": "Joka torstai vapaaehtoiset auttavat ikäihmisiä puhelimen, "
                "pankkitunnusten ja Omakannan kanssa kahvikupin äärellä.",
                "for_whom": "Riihimäkeläisille ikäihmisille, jotka tarvitsevat apua "
                "digitaalisissa asioissa, ja heidän läheisilleen.",
                "how": _p(
                    "Kahvila on auki torstaisin klo 13–15 seurakuntatalon aulassa. Ajanvarausta "
                    "ei tarvita. Vapaaehtoiset istuvat saman pöydän ääreen ja neuvovat, mutta "
                    "eivät koskaan kirjaudu kenenkään puolesta.",
                    "Vapaaehtoiset saivat digitukikoulutuksen, ja jokaisella on tunnistettava "
                    "liivi. Yleisimmistä kysymyksistä teimme isolla fontilla tulostettavat "
                    "ohjeet.",
                ),
                "cost": "Kahvi ja pulla noin 15 euroa kerralta. Kaksi lainatablettia saimme "
                "kaupungin kirjastolta.",
                "learned": "Turvallisuus on tärkeintä: emme koske pankkitunnuksiin, ja sen "
                "sanominen ääneen lisäsi luottamusta. Samat ihmiset palaavat ja tuovat "
                "ystävänsä.",
                "contact_role": "kahvilan vastuuvapaaehtoinen",
            },
            "sv": {
                "title": "Digistödskafé för äldre",
                "summary": "Varje torsdag hjälper frivilliga äldre med telefonen, "
                "bankkoderna och Mina Kanta-sidor över en kopp kaffe.",
                "for_whom": "Äldre i Riihimäki som behöver hjälp med digitala ärenden, och "
                "deras anhöriga.",
                "how": _p(
                    "Kaféet är öppet på torsdagar kl. 13–15 i församlingshemmets foajé. Ingen "
                    "tidsbokning behövs. De frivilliga sitter vid samma bord och ger råd, men "
                    "loggar aldrig in för någon annans räkning.",
                    "De frivilliga fick en utbildning i digistöd, och alla har en väst som "
                    "känns igen. För de vanligaste frågorna gjorde vi utskrivbara anvisningar "
                    "med stor stil.",
                ),
                "cost": "Kaffe och bulle cirka 15 euro per gång. Två lånesurfplattor fick vi "
                "av stadsbiblioteket.",
                "learned": "Säkerheten är viktigast: vi rör inte bankkoderna, och att säga det "
                "högt ökade förtroendet. Samma personer kommer tillbaka och tar med sina "
                "vänner.",
                "contact_role": "ansvarig frivillig för kaféet",
            },
            "en": {
                "title": "A digital-support café for older people",
                "summary": "Every Thursday volunteers help older people with their phones, "
                "online banking codes and the My Kanta health service over a cup of coffee.",
                "for_whom": "Older people in Riihimäki who need help with digital errands, and "
                "their families.",
                "how": _p(
                    "The café is open on Thursdays from 1 to 3 pm in the lobby of the parish "
                    "hall. No booking is needed. Volunteers sit at the same table and advise, "
                    "but never log in on anyone's behalf.",
                    "The volunteers were trained in digital support, and each wears a vest "
                    "people recognise. For the most common questions we made printable "
                    "instructions in large type.",
                ),
                "cost": "Coffee and buns, about 15 euros a session. The city library lent us "
                "two tablets.",
                "learned": "Safety comes first: we never touch banking codes, and saying so "
                "out loud built trust. The same people come back and bring their friends.",
                "contact_role": "volunteer in charge of the café",
            },
        },
    ),
    (
        "valmiusharjoitus-sahkokatko",
        "janakkala",
        {
            "themes": ["joint-projects", "training"],
            "fields_of_activity": ["safety", "village"],
            "contact_name": "Markku Salonen",
            "is_readiness": True,
        },
        {
            "fi": {
                "title": "Valmiussuunnitelman pöytäharjoitus: kolmen päivän sähkökatko",
                "summary": "Kyläyhdistys, VPK ja Marttayhdistys harjoittelivat yhdessä, mitä "
                "kylällä tehdään, kun sähköt ovat poissa kolme päivää talvella.",
                "for_whom": "Kylä-, pelastus- ja sosiaalialan yhdistyksille, joilla on "
                "valmiussuunnitelma tai jotka aikovat tehdä sellaisen.",
                "how": _p(
                    "Kokoonnuimme kyläkoululle yhdeksi lauantaiksi. Harjoituksen vetäjä kertoi "
                    "tilanteen etenemisen kuudessa vaiheessa, ja jokainen yhdistys kertoi, mitä "
                    "se tekee ja keneen se ottaa yhteyttä.",
                    "Kirjasimme aukot: kenellä on aggregaatti, missä on lämmin tila, ketkä "
                    "ikäihmiset tarvitsevat käynnin. Lopuksi päivitimme valmiussuunnitelmat ja "
                    "yhteystietolistan.",
                ),
                "cost": "Yksi lauantai ja keittolounas, noin 150 euroa. Vetäjänä toimi "
                "pelastuslaitoksen kouluttaja maksutta.",
                "learned": "Paperinen yhteystietolista on välttämätön, kun puhelimet "
                "sammuvat. Harjoitus kannattaa toistaa joka toinen vuosi, sillä ihmiset "
                "vaihtuvat.",
                "contact_role": "kyläyhdistyksen puheenjohtaja",
            },
            "sv": {
                "title": "Skrivbordsövning i beredskapsplanen: tre dagars elavbrott",
                "summary": "Byaföreningen, FBK och Marthaföreningen övade tillsammans vad byn "
                "gör när strömmen är borta i tre dagar på vintern.",
                "for_whom": "By-, räddnings- och socialföreningar som har en beredskapsplan "
                "eller tänker göra en.",
                "how": _p(
                    "Vi samlades i byskolan en lördag. Övningsledaren beskrev hur läget "
                    "utvecklades i sex steg, och varje förening berättade vad den gör och vem "
                    "den kontaktar.",
                    "Vi skrev upp luckorna: vem har ett elaggregat, var finns ett varmt rum, "
                    "vilka äldre behöver ett besök. Till sist uppdaterade vi "
                    "beredskapsplanerna och kontaktlistan.",
                ),
                "cost": "En lördag och en soppa till lunch, cirka 150 euro. En utbildare från "
                "räddningsverket ledde övningen avgiftsfritt.",
                "learned": "En kontaktlista på papper är nödvändig när telefonerna slocknar. "
                "Övningen lönar sig att upprepa vartannat år, eftersom människorna byts.",
                "contact_role": "ordförande för byaföreningen",
            },
            "en": {
                "title": "A readiness plan tabletop exercise: a three-day power cut",
                "summary": "The village association, the volunteer fire brigade and the "
                "Martha association practised together what the village does when the power "
                "is out for three days in winter.",
                "for_whom": "Village, rescue and social associations that have a readiness "
                "plan or mean to write one.",
                "how": _p(
                    "We met at the village school for one Saturday. The exercise leader told "
                    "how the situation unfolded in six stages, and each association said what "
                    "it does and whom it contacts.",
                    "We wrote down the gaps: who has a generator, where there is a warm room, "
                    "which older people need a visit. At the end we updated the readiness "
                    "plans and the contact list.",
                ),
                "cost": "One Saturday and a soup lunch, about 150 euros. A trainer from the "
                "rescue department led the exercise free of charge.",
                "learned": "A contact list on paper is essential when the phones die. The "
                "exercise is worth repeating every other year, as people change.",
                "contact_role": "chair of the village association",
            },
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


def _owner_for(owners, n, municipality):
    """The member's association for the first practice; then one in the municipality, else
    one of the rest."""
    if n == 0:
        return owners[0]
    local = [a for a in owners[1:] if a.municipality == municipality]
    return (local or owners[1:] or owners)[0]


def seed(out, scale=1):
    home = home_page()
    owners = _owners()
    if not owners:
        out.write("Good practices: no associations, skipped.\n")
        return
    library = _library(home)
    for n, (slug, municipality, extra, texts) in enumerate(PRACTICES):
        common = {
            "municipality": municipality,
            "association": _owner_for(owners, n, municipality),
            **extra,
        }
        ensure_page(library, GoodPracticePage, slug, texts, common)
    out.write(f"Good practices: {len(PRACTICES)} practices.\n")


def _library(home):
    """The library under the home page, translated with its own address in each language
    (/sv/goda-exempel/, /en/good-practices/): the slug is one of the translated strings."""
    existing = Page.objects.child_of(home).filter(slug=LIBRARY["fi"]["slug"]).first()
    if existing is not None:
        return existing.specific
    library = GoodPracticeIndexPage(show_in_menus=True, **LIBRARY["fi"])
    home.add_child(instance=library)
    publish(library)
    versions = {
        code: GoodPracticeIndexPage(show_in_menus=True, **LIBRARY[code]) for code in LANGUAGES[1:]
    }
    translate_from_versions(library, versions)
    return library
