"""Demo surveys: the council's strategy survey ("What does your association need from the
council?", after the 2020 survey for the association strategy 2025) with about 40 answers
from demo associations in the three sub-regions, and the standing training-wish form that
the catalogue links to, with answers of this year. Page texts in fi/sv/en; answers mostly in
Finnish, a few in Swedish. Idempotent: answers are added only to a survey that has none."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from associations.models import AssociationPage
from associations.permissions import associations_of
from core.demo_support import ensure_page, home_page

from .models import AnswerMode, Purpose, SurveyAnswer, SurveyField, SurveyPage

THEMES = {
    "fi": [
        "Talous ja kirjanpito",
        "Viestintä ja some",
        "Vapaaehtoisten rekrytointi",
        "Rahoitushaut",
        "Yhdistyksen hallinto ja kokouskäytännöt",
    ],
    "sv": [
        "Ekonomi och bokföring",
        "Kommunikation och sociala medier",
        "Rekrytering av frivilliga",
        "Ansökan om finansiering",
        "Föreningens förvaltning och mötespraxis",
    ],
    "en": [
        "Finances and bookkeeping",
        "Communications and social media",
        "Recruiting volunteers",
        "Applying for funding",
        "Running an association and its meetings",
    ],
}
INFORMED = {
    "fi": ["Sähköinen uutiskirje", "Meidän Häme -portaali", "Sosiaalinen media", "Seututapaamiset"],
    "sv": [
        "Elektroniskt nyhetsbrev",
        "Portalen Meidän Häme",
        "Sociala medier",
        "Regionala träffar",
    ],
    "en": ["Email newsletter", "The Meidän Häme portal", "Social media", "Sub-regional meetings"],
}
COOPERATION = {
    "fi": [
        "Yhteiset tapahtumat",
        "Tilojen ja välineiden yhteiskäyttö",
        "Yhteiset hankkeet ja rahoitushaut",
        "Vertaisverkostot",
    ],
    "sv": [
        "Gemensamma evenemang",
        "Gemensam användning av lokaler och utrustning",
        "Gemensamma projekt och finansieringsansökningar",
        "Kamratnätverk",
    ],
    "en": [
        "Joint events",
        "Sharing spaces and equipment",
        "Joint projects and funding applications",
        "Peer networks",
    ],
}
WAYS = {
    "fi": ["Lähikoulutuksena", "Etänä", "Hybridinä (paikan päällä tai etänä)"],
    "sv": ["På plats", "På distans", "Hybrid (på plats eller på distans)"],
    "en": ["In person", "Online", "Hybrid (in person or online)"],
}


def _lines(values):
    return "\n".join(values)


def _strategy_questions(lang):
    q = {
        "fi": [
            ("Mitä yhdistystä edustat?", "", ""),
            ("Millaista koulutusta yhdistyksenne tarvitsee?", "Valitse kaikki sopivat.", ""),
            ("Kuinka tärkeää yhteistyö muiden yhdistysten kanssa on teille?", "", ""),
            ("Millaisesta yhteistyöstä olisitte kiinnostuneita?", "Valitse kaikki sopivat.", ""),
            ("Miten haluatte ensisijaisesti saada tietoa neuvottelukunnalta?", "", ""),
            ("Mitä muuta haluatte sanoa neuvottelukunnalle?", "Vapaaehtoinen.", ""),
        ],
        "sv": [
            ("Vilken förening representerar du?", "", ""),
            ("Vilken utbildning behöver er förening?", "Välj alla som passar.", ""),
            ("Hur viktigt är samarbetet med andra föreningar för er?", "", ""),
            ("Vilket slags samarbete skulle ni vara intresserade av?", "Välj alla som passar.", ""),
            ("Hur vill ni helst få information från delegationen?", "", ""),
            ("Vad mer vill ni säga till delegationen?", "Frivilligt.", ""),
        ],
        "en": [
            ("Which association do you represent?", "", ""),
            ("What training does your association need?", "Choose all that apply.", ""),
            ("How important is cooperation with other associations to you?", "", ""),
            ("What kind of cooperation would interest you?", "Choose all that apply.", ""),
            ("How would you most like to hear from the council?", "", ""),
            ("What else would you like to tell the council?", "Optional.", ""),
        ],
    }[lang]
    scale_ends = {
        "fi": ("Ei lainkaan tärkeää", "Erittäin tärkeää"),
        "sv": ("Inte alls viktigt", "Mycket viktigt"),
        "en": ("Not important at all", "Very important"),
    }[lang]
    shapes = [
        ("association", True, ""),
        ("checkboxes", True, _lines(THEMES[lang])),
        ("scale", True, ""),
        ("checkboxes", False, _lines(COOPERATION[lang])),
        ("radio", True, _lines(INFORMED[lang])),
        ("multiline", False, ""),
    ]
    fields = []
    for order, ((label, help_text, _unused), (field_type, required, choices)) in enumerate(
        zip(q, shapes, strict=True)
    ):
        fields.append(
            SurveyField(
                sort_order=order,
                label=label,
                help_text=help_text,
                field_type=field_type,
                required=required,
                choices=choices,
                scale_low_label=scale_ends[0] if field_type == "scale" else "",
                scale_high_label=scale_ends[1] if field_type == "scale" else "",
            )
        )
    return fields


def _wish_questions(lang):
    labels = {
        "fi": [
            ("Minkä yhdistyksen puolesta vastaat?", "Jos vastaat yhdistyksesi puolesta."),
            ("Mistä aiheista toivotte koulutusta?", "Valitse kaikki sopivat."),
            ("Miten osallistuisitte mieluiten?", ""),
            ("Kertokaa toiveistanne omin sanoin", "Esimerkiksi aihe, ajankohta tai paikkakunta."),
        ],
        "sv": [
            ("För vilken förening svarar du?", "Om du svarar för din förening."),
            ("Om vilka ämnen önskar ni utbildning?", "Välj alla som passar."),
            ("Hur skulle ni helst delta?", ""),
            ("Berätta om era önskemål med egna ord", "Till exempel ämne, tidpunkt eller ort."),
        ],
        "en": [
            ("Which association are you answering for?", "If you answer for your association."),
            ("What topics would you like training on?", "Choose all that apply."),
            ("How would you prefer to take part?", ""),
            ("Tell us your wishes in your own words", "For example the topic, time or place."),
        ],
    }[lang]
    shapes = [
        ("association", False, ""),
        ("checkboxes", True, _lines(THEMES[lang])),
        ("radio", True, _lines(WAYS[lang])),
        ("multiline", False, ""),
    ]
    return [
        SurveyField(
            sort_order=order,
            label=label,
            help_text=help_text,
            field_type=field_type,
            required=required,
            choices=choices,
        )
        for order, ((label, help_text), (field_type, required, choices)) in enumerate(
            zip(labels, shapes, strict=True)
        )
    ]


STRATEGY_TEXTS = {
    "fi": {
        "title": "Mitä yhdistyksesi tarvitsee neuvottelukunnalta?",
        "intro": (
            "Kanta-Hämeen järjestöneuvottelukunta kysyy yhdistyksiltä, millaista koulutusta, "
            "yhteistyötä ja tiedotusta ne toivovat. Vastaukset ohjaavat järjestöstrategian "
            "toimenpiteitä. Kukin yhdistys vastaa kerran; vastaaminen vie noin viisi minuuttia."
        ),
        "thank_you_text": (
            "Kiitos! Kokoamme tulokset neuvottelukunnan seuraavaan kokoukseen ja kerromme "
            "niistä Meidän Häme -portaalissa."
        ),
    },
    "sv": {
        "title": "Vad behöver din förening av delegationen?",
        "intro": (
            "Organisationsdelegationen i Egentliga Tavastland frågar föreningarna vilken "
            "utbildning, vilket samarbete och vilken information de önskar. Svaren styr "
            "åtgärderna i organisationsstrategin. Varje förening svarar en gång; det tar "
            "ungefär fem minuter."
        ),
        "thank_you_text": (
            "Tack! Vi sammanställer resultaten till delegationens nästa möte och berättar om "
            "dem i portalen Meidän Häme."
        ),
    },
    "en": {
        "title": "What does your association need from the council?",
        "intro": (
            "The Kanta-Häme regional association council asks associations what training, "
            "cooperation and information they would like. The answers guide the actions of the "
            "association strategy. Each association answers once; it takes about five minutes."
        ),
        "thank_you_text": (
            "Thank you! We will gather the results for the council's next meeting and report "
            "on them in the Meidän Häme portal."
        ),
    },
}

WISH_TEXTS = {
    "fi": {
        "title": "Koulutustoiveet",
        "intro": (
            "Mitä koulutusta yhdistyksenne tarvitsisi? Toiveet kootaan vuosittain "
            "neuvottelukunnan raporttiin, ja niiden pohjalta järjestetään koulutuksia eri "
            "puolilla maakuntaa."
        ),
        "thank_you_text": "Kiitos toiveistanne! Uudet koulutukset löydät koulutuskalenterista.",
    },
    "sv": {
        "title": "Önskemål om utbildning",
        "intro": (
            "Vilken utbildning skulle er förening behöva? Önskemålen sammanställs varje år i "
            "delegationens rapport och ligger till grund för utbildningar runt om i landskapet."
        ),
        "thank_you_text": "Tack för era önskemål! Nya utbildningar hittar du i kalendern.",
    },
    "en": {
        "title": "Training wishes",
        "intro": (
            "What training would your association need? The wishes are gathered each year into "
            "the council's report, and trainings around the region are planned from them."
        ),
        "thank_you_text": "Thank you for your wishes! New trainings appear in the catalogue.",
    },
}

COMMENTS_FI = [
    "Kirjanpito-ohjelmien käytöstä kaivataan käytännön koulutusta pienille yhdistyksille.",
    "Uusia vapaaehtoisia on vaikea löytää, erityisesti nuoria. Vinkit olisivat tervetulleita.",
    "Rahoitushakujen aikataulut voisi koota yhteen kalenteriin.",
    "Toivomme etäosallistumismahdollisuutta, koska välimatkat Forssan seudulla ovat pitkiä.",
    "Yhteinen tapahtumakalenteri on hyvä idea, kunhan se on helppo päivittää.",
    "Tarvitsemme apua yhdistyksen verkkosivujen ja somen ylläpitoon.",
    "Kunnan avustusten hakemisesta voisi järjestää illan, jossa käydään lomake läpi.",
    "Hallituksen jäsenten perehdytys uusiin tehtäviin olisi tarpeen joka vuosi.",
    "Tilojen yhteiskäytöstä voisi sopia kylätalojen kesken.",
    "Seutuverkoston tapaamiset ovat olleet hyödyllisiä, jatkakaa niitä.",
]
COMMENTS_SV = [
    "Vi önskar material och utbildning även på svenska.",
    "Det vore bra med ett gemensamt nyhetsbrev för hela landskapet.",
]
WISH_COMMENTS_FI = [
    "Tilinpäätöksen laatiminen ja toiminnantarkastus, mieluiten syksyllä.",
    "Somekoulutus aloittelijoille Riihimäellä tai etänä.",
    "Miten tehdä hyvä rahoitushakemus säätiöille?",
    "Vapaaehtoisten perehdytys ja jaksaminen.",
    "Kokouskäytännöt ja pöytäkirjan laatiminen uusille sihteereille.",
]


def _survey(home, slug, texts, questions, common):
    versions = {lang: {**texts[lang], "form_fields": questions(lang)} for lang in texts}
    return ensure_page(home, SurveyPage, slug, versions, common)


def _pick(rng, options, low=1, high=2):
    return sorted(rng.sample(options, rng.randint(low, min(high, len(options)))), key=options.index)


def _answering_associations(exclude):
    associations = AssociationPage.objects.filter(locale__language_code="fi", is_demo=True)
    return [a for a in associations.order_by("pk") if a.pk not in exclude]


def _stamp(answers_and_times):
    for answer, moment in answers_and_times:
        SurveyAnswer.objects.filter(pk=answer.pk).update(submit_time=moment)


def seed_strategy_answers(page, associations, now):
    if SurveyAnswer.objects.filter(page=page).exists():
        return 0
    rng = random.Random(2020)
    fi = {field.field_type + str(field.sort_order): field for field in page.get_form_fields()}
    themes, cooperation = THEMES["fi"], COOPERATION["fi"]
    stamped = []
    for n, association in enumerate(associations[:41]):
        swedish = n % 13 == 5
        data = {
            fi["checkboxes1"].clean_name: _pick(rng, themes, 1, 3),
            fi["scale2"].clean_name: str(rng.choice([2, 3, 4, 4, 5, 5, 5])),
            fi["checkboxes3"].clean_name: _pick(rng, cooperation, 0, 2),
            fi["radio4"].clean_name: rng.choice(INFORMED["fi"] + INFORMED["fi"][:2]),
            fi["multiline5"].clean_name: (
                COMMENTS_SV[n % len(COMMENTS_SV)]
                if swedish
                else (COMMENTS_FI[n % len(COMMENTS_FI)] if n % 3 == 0 else "")
            ),
        }
        answer = SurveyAnswer.objects.create(
            page=page,
            form_data=data,
            association=association,
            sub_region=association.sub_region,
            one_per_association=True,
            language="sv" if swedish else "fi",
        )
        stamped.append((answer, now - datetime.timedelta(days=20 - n % 19, hours=n)))
    _stamp(stamped)
    return len(stamped)


def seed_wish_answers(page, associations, now):
    if SurveyAnswer.objects.filter(page=page).exists():
        return 0
    rng = random.Random(2026)
    fields = list(page.get_form_fields())
    themes_field, way_field, text_field = fields[1], fields[2], fields[3]
    stamped = []
    # Spread over this year so far, so the yearly figures have something to count.
    days_into_year = max((now - now.replace(month=1, day=1)).days, 1)
    for n, association in enumerate(associations[::3][:16]):
        data = {
            themes_field.clean_name: _pick(rng, THEMES["fi"], 1, 2),
            way_field.clean_name: rng.choice(WAYS["fi"]),
            text_field.clean_name: WISH_COMMENTS_FI[n % len(WISH_COMMENTS_FI)] if n % 2 else "",
        }
        answer = SurveyAnswer.objects.create(
            page=page,
            form_data=data,
            association=association,
            sub_region=association.sub_region,
            language="fi",
        )
        stamped.append((answer, now - datetime.timedelta(days=(n * 7) % days_into_year)))
    _stamp(stamped)
    return len(stamped)


def seed(out, scale=1):
    home = home_page()
    now = timezone.now()
    strategy = _survey(
        home,
        "mita-yhdistyksesi-tarvitsee",
        STRATEGY_TEXTS,
        _strategy_questions,
        {
            "answer_mode": AnswerMode.PER_ASSOCIATION,
            "opens_at": now - datetime.timedelta(days=21),
            "closes_at": now + datetime.timedelta(days=30),
        },
    )
    wishes = _survey(
        home,
        "koulutustoiveet",
        WISH_TEXTS,
        _wish_questions,
        {"answer_mode": AnswerMode.SIGNED_IN, "purpose": Purpose.TRAINING_WISHES},
    )
    # The demo member's associations are left to answer the strategy survey themselves.
    member = get_user_model().objects.filter(username="member").first()
    member_own = {a.pk for a in associations_of(member)} if member else set()
    associations = _answering_associations(member_own)
    count = seed_strategy_answers(strategy, associations, now)
    count += seed_wish_answers(wishes, associations, now)
    out.write(
        f"Surveys: the strategy survey and the training-wish form in fi/sv/en, {count} answers.\n"
    )
