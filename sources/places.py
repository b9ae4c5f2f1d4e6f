"""Which Kanta-Häme municipality a place written by a source is in.

Sources write the town as people do: "Hämeenlinna", "Tavastehus", "13100 HÄMEENLINNA",
"Parola" (a village of Hattula). Names decide first, then a postal code we are sure of; a
place we cannot tell is "" (unknown), never a guess.
"""

from core.regions import Municipality

# Every spelling a name may take, by municipality: the Finnish and Swedish names, and the
# villages and former municipalities that appear as a postal locality of their own.
_NAMES = {
    Municipality.HAMEENLINNA: (
        "Hämeenlinna",
        "Tavastehus",
        "Hauho",
        "Kalvola",
        "Lammi",
        "Lampis",
        "Renko",
        "Tuulos",
        "Iittala",
    ),
    Municipality.HATTULA: ("Hattula", "Parola", "Tyrväntö"),
    Municipality.JANAKKALA: ("Janakkala", "Turenki", "Tervakoski"),
    Municipality.RIIHIMAKI: ("Riihimäki",),
    Municipality.HAUSJARVI: ("Hausjärvi", "Oitti", "Ryttylä", "Hikiä"),
    Municipality.LOPPI: ("Loppi", "Loppis", "Läyliäinen"),
    Municipality.FORSSA: ("Forssa",),
    Municipality.HUMPPILA: ("Humppila",),
    Municipality.JOKIOINEN: ("Jokioinen", "Jockis", "Minkiö"),
    Municipality.TAMMELA: ("Tammela", "Porras"),
    Municipality.YPAJA: ("Ypäjä",),
}

# Finnish genitives, as in "Riihimäen kaupunginkirjasto": only used when reading free text.
_GENITIVES = {
    Municipality.HAMEENLINNA: "Hämeenlinnan",
    Municipality.HATTULA: "Hattulan",
    Municipality.JANAKKALA: "Janakkalan",
    Municipality.RIIHIMAKI: "Riihimäen",
    Municipality.HAUSJARVI: "Hausjärven",
    Municipality.LOPPI: "Lopen",
    Municipality.FORSSA: "Forssan",
    Municipality.HUMPPILA: "Humppilan",
    Municipality.JOKIOINEN: "Jokioisten",
    Municipality.TAMMELA: "Tammelan",
    Municipality.YPAJA: "Ypäjän",
}

# And where something is, as in "järjestetään Hämeenlinnassa".
_LOCATIVES = {
    Municipality.HAMEENLINNA: "Hämeenlinnassa",
    Municipality.HATTULA: "Hattulassa",
    Municipality.JANAKKALA: "Janakkalassa",
    Municipality.RIIHIMAKI: "Riihimäellä",
    Municipality.HAUSJARVI: "Hausjärvellä",
    Municipality.LOPPI: "Lopella",
    Municipality.FORSSA: "Forssassa",
    Municipality.HUMPPILA: "Humppilassa",
    Municipality.JOKIOINEN: "Jokioisissa",
    Municipality.TAMMELA: "Tammelassa",
    Municipality.YPAJA: "Ypäjällä",
}

# Postal codes of the municipalities' centres and villages, whole; then the three-digit
# prefixes that belong to one municipality only.
_POSTAL_CODES = {
    "13720": Municipality.HATTULA,  # Parola
    "13880": Municipality.HATTULA,
    "14200": Municipality.JANAKKALA,  # Turenki
    "12400": Municipality.JANAKKALA,  # Tervakoski
    "12100": Municipality.HAUSJARVI,  # Oitti
    "12700": Municipality.LOPPI,
    "14300": Municipality.HAMEENLINNA,  # Renko
    "14500": Municipality.HAMEENLINNA,  # Iittala
    "14700": Municipality.HAMEENLINNA,  # Hauho
    "16900": Municipality.HAMEENLINNA,  # Lammi
    "31300": Municipality.TAMMELA,
    "31600": Municipality.JOKIOINEN,
    "31640": Municipality.HUMPPILA,
    "32100": Municipality.YPAJA,
}
_POSTAL_PREFIXES = {
    "131": Municipality.HAMEENLINNA,
    "132": Municipality.HAMEENLINNA,
    "135": Municipality.HAMEENLINNA,
    "136": Municipality.HAMEENLINNA,
    "111": Municipality.RIIHIMAKI,
    "301": Municipality.FORSSA,
    "303": Municipality.FORSSA,
}


def _fold(text):
    """Case and the Finnish letters folded, so that "HAMEENLINNA" finds Hämeenlinna."""
    return text.casefold().translate(str.maketrans("äöå", "aoa")).strip()


_BY_NAME = {_fold(name): place for place, names in _NAMES.items() for name in names}
# In free text "loppis" is more often a flea market than Loppi in Swedish.
_BY_WORD = {
    **{name: place for name, place in _BY_NAME.items() if name != "loppis"},
    **{_fold(word): place for place, word in _GENITIVES.items()},
    **{_fold(word): place for place, word in _LOCATIVES.items()},
}


def municipality_of(locality="", postal_code="", text=""):
    """The `core.regions.Municipality` code of a place, or "" when it is not one we know.

    `locality` is the town as written ("Tavastehus", "Parola"), `postal_code` five digits,
    `text` any free text (a LOCATION line, a venue name): there a municipality counts only
    when exactly one is named.
    """
    place = _BY_NAME.get(_fold(locality))
    if place is not None:
        return place.value
    code = postal_code.strip()
    if len(code) == 5 and code.isdigit():
        place = _POSTAL_CODES.get(code) or _POSTAL_PREFIXES.get(code[:3])
        if place is not None:
            return place.value
    words = "".join(char if char.isalpha() else " " for char in _fold(text)).split()
    named = {_BY_WORD[word] for word in words if word in _BY_WORD}
    if len(named) == 1:
        return named.pop().value
    return ""
