"""The municipalities and sub-regions (seutu) of Kanta-Häme, as code constants.

They change only by law (a municipal merger), so they are choices rather than editable
content; any app that places something in the region imports them from here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubRegion(models.TextChoices):
    HAMEENLINNA = "hameenlinna-seutu", _("Hämeenlinna sub-region")
    RIIHIMAKI = "riihimaki-seutu", _("Riihimäki sub-region")
    FORSSA = "forssa-seutu", _("Forssa sub-region")


class Municipality(models.TextChoices):
    HAMEENLINNA = "hameenlinna", _("Hämeenlinna")
    HATTULA = "hattula", _("Hattula")
    JANAKKALA = "janakkala", _("Janakkala")
    RIIHIMAKI = "riihimaki", _("Riihimäki")
    HAUSJARVI = "hausjarvi", _("Hausjärvi")
    LOPPI = "loppi", _("Loppi")
    FORSSA = "forssa", _("Forssa")
    HUMPPILA = "humppila", _("Humppila")
    JOKIOINEN = "jokioinen", _("Jokioinen")
    TAMMELA = "tammela", _("Tammela")
    YPAJA = "ypaja", _("Ypäjä")


SUB_REGION_OF = {
    Municipality.HAMEENLINNA: SubRegion.HAMEENLINNA,
    Municipality.HATTULA: SubRegion.HAMEENLINNA,
    Municipality.JANAKKALA: SubRegion.HAMEENLINNA,
    Municipality.RIIHIMAKI: SubRegion.RIIHIMAKI,
    Municipality.HAUSJARVI: SubRegion.RIIHIMAKI,
    Municipality.LOPPI: SubRegion.RIIHIMAKI,
    Municipality.FORSSA: SubRegion.FORSSA,
    Municipality.HUMPPILA: SubRegion.FORSSA,
    Municipality.JOKIOINEN: SubRegion.FORSSA,
    Municipality.TAMMELA: SubRegion.FORSSA,
    Municipality.YPAJA: SubRegion.FORSSA,
}

# Where something takes place: one of the municipalities, or online only.
ONLINE = "online"
PLACE_CHOICES = [*Municipality.choices, (ONLINE, _("Online"))]


def municipalities_of(sub_region):
    """The municipalities of a sub-region, in the order of the choices."""
    return [m for m in Municipality if SUB_REGION_OF[m] == sub_region]


def sub_region_of(place):
    """The sub-region of a municipality code, or "" for online and unknown places."""
    try:
        return SUB_REGION_OF[Municipality(place)].value
    except ValueError:
        return ""
