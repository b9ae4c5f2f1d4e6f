"""The site search's analyser: words reduced to their base form in the page's own language,
the same way when a page is indexed and when a visitor searches.

Finnish and Swedish inflect heavily ("koulutuksen", "koulutuksia" → koulutus;
"föreningarnas" → förening) and build compounds ("järjestöavustus", "talousarvio"). Every word
is lemmatised with `simplemma` (pure Python, its dictionaries shipped with it), and a
compound also yields its parts when both halves are known words, so that "avustus" finds
"järjestöavustus". Pure functions, no database: the index (`core.search_index`) stores the
terms and asks for a query's.
"""

import dataclasses
import re
from functools import lru_cache

import simplemma

LANGUAGES = ("fi", "sv", "en")
# Parts shorter than these are not worth a term of their own ("tus", "ar").
MIN_PART = 4
MIN_LEFT = 3
MAX_TERM = 60
# A prefix shorter than this would match half the vocabulary.
MIN_PREFIX = 3

STOPWORDS = {
    "fi": {
        "ja",
        "tai",
        "on",
        "ei",
        "se",
        "että",
        "kuin",
        "myös",
        "sekä",
        "eli",
        "jos",
        "kun",
        "mutta",
        "vaan",
        "niin",
        "ovat",
        "olla",
        "oli",
        "ole",
        "tämä",
        "nämä",
        "ne",
        "he",
        "hän",
        "me",
        "te",
        "sinä",
        "minä",
        "sen",
        "sitä",
        "siitä",
        "jossa",
        "joka",
        "jotka",
        "mikä",
        "mitä",
        "kanssa",
        "voi",
        "voit",
        "vain",
        "kaikki",
    },
    "sv": {
        "och",
        "i",
        "på",
        "att",
        "det",
        "som",
        "en",
        "ett",
        "för",
        "med",
        "av",
        "till",
        "är",
        "om",
        "de",
        "den",
        "var",
        "har",
        "inte",
        "kan",
        "eller",
        "men",
        "så",
        "från",
        "vid",
        "också",
        "alla",
        "ni",
        "vi",
        "du",
        "jag",
        "sig",
    },
    "en": {
        "the",
        "and",
        "of",
        "to",
        "in",
        "for",
        "a",
        "an",
        "on",
        "with",
        "is",
        "are",
        "be",
        "or",
        "by",
        "at",
        "as",
        "it",
        "this",
        "that",
        "from",
        "your",
        "you",
        "we",
        "our",
        "can",
        "will",
    },
}

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def language_of(code):
    """The analyser's language for a locale code (`fi`, `sv-fi`, …): English if unknown."""
    code = (code or "").split("-")[0].lower()
    return code if code in LANGUAGES else "en"


def words(text):
    """The lowercased words of `text`, in order (hyphens and punctuation split words)."""
    return _WORD.findall((text or "").lower())


@lru_cache(maxsize=200_000)
def lemma(word, language):
    """The base form of one lowercased word; the word itself for numbers and what the
    dictionary cannot place."""
    if word.isdigit() or len(word) < 3:
        return word
    try:
        return simplemma.lemmatize(word, lang=language).lower()
    except ValueError:
        return word


@lru_cache(maxsize=200_000)
def is_known(word, language):
    return simplemma.is_known(word, lang=language)


@lru_cache(maxsize=100_000)
def compound_parts(word, language):
    """The parts of a Finnish or Swedish compound where both halves are words the dictionary
    knows: talousarvio → (talous, arvio), järjestöavustus → (järjestö, avustus),
    föreningsbidrag → (förening, bidrag). The left part may be inflected (kirjan|pito)."""
    if language not in ("fi", "sv") or len(word) < MIN_LEFT + MIN_PART or not word.isalpha():
        return ()
    parts = []
    for cut in range(MIN_LEFT, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        if not is_known(right, language):
            continue
        left_base = left if is_known(left, language) else None
        if left_base is None and language == "sv" and left.endswith("s"):
            # Swedish joins compounds with an s: förenings|bidrag.
            left_base = left[:-1] if is_known(left[:-1], language) else None
        if left_base is None:
            continue
        parts.append(lemma(left_base, language))
        parts.append(lemma(right, language))
    return tuple(dict.fromkeys(part for part in parts if len(part) >= MIN_LEFT))


def index_terms(fields, language):
    """The terms of a document: {term: weight} from (text, weight) pairs, each word's lemma
    at its field's weight (the highest wins), compound parts at half of it."""
    language = language_of(language)
    stop = STOPWORDS[language]
    terms = {}

    def add(term, weight):
        if 1 < len(term) <= MAX_TERM and term not in stop and terms.get(term, 0) < weight:
            terms[term] = weight

    for text, weight in fields:
        for word in words(text):
            if word in stop:
                continue
            base = lemma(word, language)
            add(base, weight)
            if base != word and weight >= 4:
                # Names are found as written too ("Hämeen", a surname).
                add(word, weight // 2)
            for part in compound_parts(base, language):
                add(part, max(weight // 2, 1))
    return terms


@dataclasses.dataclass(frozen=True)
class QueryWord:
    """One word of a visitor's search: the forms that match it exactly, the prefixes that
    match longer words (talous → talousarvio), and for a word the dictionary does not know
    (a typo, a rare compound) the lemma it only guessed, which the search uses only when the
    word as typed finds nothing."""

    text: str
    exact: frozenset
    prefixes: frozenset
    guessed: str = ""

    def with_forms(self, *forms, prefix=True):
        forms = {form for form in forms if form}
        return QueryWord(
            self.text,
            self.exact | forms,
            self.prefixes | (forms if prefix else set()),
            self.guessed,
        )


def query_words(query, language, prefix_min=MIN_PREFIX):
    """The words of a search, each with its forms: as typed and, when the dictionary knows
    the word, its lemma (koulutuksia → koulutus)."""
    language = language_of(language)
    stop = STOPWORDS[language]
    result = []
    seen = set()
    for word in words(query):
        if word in stop or word in seen:
            continue
        seen.add(word)
        base = lemma(word, language)
        forms = {word}
        guessed = ""
        if base != word:
            if is_known(word, language):
                forms.add(base)
            else:
                guessed = base
        prefixes = {form for form in forms if len(form) >= prefix_min}
        result.append(QueryWord(word, frozenset(forms), frozenset(prefixes), guessed))
    return result[:8]


def edit_distance(a, b, limit):
    """Damerau–Levenshtein distance (adjacent swaps count one) of `a` and `b`, or limit + 1
    as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous_previous = None
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                previous_previous is not None
                and i > 1
                and j > 1
                and ca == b[j - 2]
                and a[i - 2] == cb
            ):
                value = min(value, previous_previous[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]


def typo_limit(word):
    return 1 if len(word) < 8 else 2


def warm_up():
    """Load the dictionaries now (Finnish takes seconds) rather than in a visitor's search."""
    for language in LANGUAGES:
        simplemma.lemmatize("talo", lang=language)
