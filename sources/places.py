"""Which Kanta-Häme municipality a source's address names: by the town (in Finnish or Swedish,
or a post office of the municipality), then by the postal code, then by a name in free text.
"""

import re
import unicodedata

from core.regions import Municipality

# Municipality names and the post offices inside them, as an address writes its town.
TOWNS = {
    Municipality.HAMEENLINNA: [
        "Hämeenlinna",
        "Tavastehus",
        "Hauho",
        "Kalvola",
        "Iittala",
        "Lammi",
        "Renko",
        "Tuulos",
        "Sairio",
    ],
    Municipality.HATTULA: ["Hattula", "Parola", "Tyrväntö"],
    Municipality.JANAKKALA: ["Janakkala", "Turenki", "Tervakoski", "Leppäkoski"],
    Municipality.RIIHIMAKI: ["Riihimäki"],
    Municipality.HAUSJARVI: ["Hausjärvi", "Oitti", "Ryttylä", "Hikiä", "Monni"],
    Municipality.LOPPI: ["Loppi", "Loppis", "Läyliäinen", "Launonen"],
    Municipality.FORSSA: ["Forssa"],
    Municipality.HUMPPILA: ["Humppila"],
    Municipality.JOKIOINEN: ["Jokioinen", "Jockis", "Minkiö"],
    Municipality.TAMMELA: ["Tammela", "Porras", "Liesjärvi"],
    Municipality.YPAJA: ["Ypäjä", "Ypäjänkylä"],
}

# Postal codes by their leading digits, only where a prefix belongs to one municipality.
POSTAL_PREFIXES = {
    "11": Municipality.RIIHIMAKI,
    "30": Municipality.FORSSA,
    "131": Municipality.HAMEENLINNA,
    "132": Municipality.HAMEENLINNA,
    "133": Municipality.HAMEENLINNA,
    "134": Municipality.HAMEENLINNA,
    "135": Municipality.HAMEENLINNA,
    "136": Municipality.HAMEENLINNA,
    "13720": Municipality.HATTULA,
    "13880": Municipality.HATTULA,
    "14200": Municipality.JANAKKALA,
    "14240": Municipality.JANAKKALA,
    "12400": Municipality.JANAKKALA,
    "12100": Municipality.HAUSJARVI,
    "12700": Municipality.LOPPI,
    "31600": Municipality.JOKIOINEN,
    "31640": Municipality.HUMPPILA,
    "31300": Municipality.TAMMELA,
    "32100": Municipality.YPAJA,
    "14700": Municipality.HAMEENLINNA,
    "16900": Municipality.HAMEENLINNA,
}

# How a municipality's name begins in Finnish or Swedish running text, whatever its case
# ending ("Hämeenlinnassa", "Riihimäellä", "Jokioisten"). Loppi is left out: its forms
# ("Lopella") begin like common words, and Swedish "loppis" is a flea market.
TEXT_STEMS = {
    Municipality.HAMEENLINNA: ["hämeenlinn", "tavastehus"],
    Municipality.HATTULA: ["hattula"],
    Municipality.JANAKKALA: ["janakkala"],
    Municipality.RIIHIMAKI: ["riihimä"],
    Municipality.HAUSJARVI: ["hausjärv"],
    Municipality.FORSSA: ["forssa"],
    Municipality.HUMPPILA: ["humppila"],
    Municipality.JOKIOINEN: ["jokioi", "jockis"],
    Municipality.TAMMELA: ["tammela"],
    Municipality.YPAJA: ["ypäjä"],
}


def _key(name):
    """A town name as compared: composed, case-folded, without spaces at the ends."""
    return unicodedata.normalize("NFC", name).strip().casefold()


_BY_TOWN = {_key(town): municipality for municipality, towns in TOWNS.items() for town in towns}

_STEMS = re.compile(
    r"\b({})\w*".format("|".join(stem for stems in TEXT_STEMS.values() for stem in stems)),
    re.IGNORECASE,
)
_BY_STEM = {stem: municipality for municipality, stems in TEXT_STEMS.items() for stem in stems}


def _by_postal_code(postal_code):
    digits = re.sub(r"\D", "", postal_code or "")
    if len(digits) != 5:
        return ""
    for length in (5, 3, 2):
        municipality = POSTAL_PREFIXES.get(digits[:length])
        if municipality:
            return municipality.value
    return ""


def _by_text(text):
    match = _STEMS.search(unicodedata.normalize("NFC", text or ""))
    return _BY_STEM[match.group(1).casefold()].value if match else ""


def municipality_of(locality: str = "", postal_code: str = "", text: str = "") -> str:
    """The code of the `core.regions.Municipality` an address is in, or "" when unknown."""
    by_town = _BY_TOWN.get(_key(locality or ""))
    if by_town:
        return by_town.value
    return _by_postal_code(postal_code) or _by_text(text)
