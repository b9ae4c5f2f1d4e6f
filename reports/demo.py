"""The demo's published yearly report: last year's figures beside the year before, under
"About the service", in three languages (the figures are counted when the page is read)."""

from django.utils import timezone

from wagtail.models import Locale, Page

from core.demo_support import ensure_page

from .models import YearlyReportPage


def texts(year):
    return {
        "fi": {
            "title": f"Vuosiraportti {year}",
            "intro": (
                "Järjestöneuvottelukunta seuraa Kanta-Hämeen järjestöstrategian toteutumista "
                f"vuosittain. Tässä ovat vuoden {year} luvut edellisen vuoden rinnalla: "
                "pidetyt koulutukset ja tapahtumat, lausunnot ja aloitteet, tiedotetut "
                "rahoitushaut sekä yhdistysten kesken lainatut tilat ja välineet."
            ),
        },
        "sv": {
            "title": f"Årsrapport {year}",
            "intro": (
                "Organisationsdelegationen följer upp hur organisationsstrategin för "
                f"Egentliga Tavastland genomförs varje år. Här är siffrorna för {year} bredvid "
                "året innan: hållna utbildningar och evenemang, utlåtanden och initiativ, "
                "finansieringsutlysningar samt lokaler och utrustning som föreningarna lånat "
                "av varandra."
            ),
        },
        "en": {
            "title": f"Yearly report {year}",
            "intro": (
                "The association council follows up the Kanta-Häme association strategy every "
                f"year. Here are the figures of {year} beside the year before: trainings and "
                "events held, statements and initiatives, funding calls informed, and spaces "
                "and equipment the associations lent each other."
            ),
        },
    }


def seed(out, scale=1):
    fi = Locale.objects.get(language_code="fi")
    about = Page.objects.filter(locale=fi, slug="tietoa-palvelusta").first()
    if about is None:
        return
    year = timezone.localdate().year - 1
    ensure_page(about.specific, YearlyReportPage, "vuosiraportti", texts(year), {"year": year})
    out.write(f"  yearly report {year} published under {about.title}")
