"""The site search: one index of every live page the apps register, searched in the page's
own language with the analyser of `core.textsearch`.

An app registers each page type it wants found (`register(TrainingPage, "training",
describe)`) from its `AppConfig.ready()`; `describe(page)` returns a `Document`: the text, the
names that tag it (themes, organiser, funder), its municipality, dates and a label saying what
it is ("Training on 12.1.2027"). Publishing, unpublishing or moving a page queues a task that
rewrites its entry; `rebuild_search_index` rewrites them all (nightly: labels and dates move
with time). Both SQLite and PostgreSQL run the same queries: an entry table and an inverted
table of terms with an index serving exact terms and prefixes.

A search is a handful of queries whatever the number of results: the matching entries
(grouped, ranked, paginated), their count and the counts per kind. A word that matches
nothing is compared with the vocabulary (cached, edit distance one or two) for "did you mean".
"""

import bisect
import dataclasses
import datetime
import logging
from contextlib import contextmanager, suppress
from contextvars import ContextVar

from django_tasks import task

from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Max, Q, Sum, Value, When
from django.db.models.signals import post_delete
from django.utils import formats, timezone, translation
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import textsearch
from .models import SearchEntry, SearchTerm

logger = logging.getLogger(__name__)

TITLE_WEIGHT = 8
NAME_WEIGHT = 4
SUMMARY_WEIGHT = 2
TEXT_WEIGHT = 1
VOCABULARY_TIMEOUT = 10 * 60


@dataclasses.dataclass
class Document:
    """What one page gives the index. `text` is prose (strings, or rich text with tags);
    `names` the themes, organiser, funder and other names that tag it."""

    kind: str
    summary: str = ""
    text: list = dataclasses.field(default_factory=list)
    names: list = dataclasses.field(default_factory=list)
    label: str = ""
    municipality: str = ""
    starts: datetime.datetime | None = None
    ends: datetime.datetime | None = None
    expires: datetime.datetime | None = None


@dataclasses.dataclass
class Kind:
    code: str
    label: object  # a lazy plural: "Trainings"
    order: int


_describers = {}
_kinds = {}


def register_kind(code, label, order=100):
    """Name a kind of result for the facets and the grouping ("training", _("Trainings"))."""
    _kinds[code] = Kind(code, label, order)


def register(page_model, describe):
    """Index the live pages of `page_model` with `describe(page)`, called with the page's
    language active; it returns a `Document`, or None to leave it out. Publishing,
    unpublishing and moving such a page queue its reindexing: register after the app's own
    publish receivers (occurrences, deadlines), which then run first."""
    _describers[page_model] = describe
    uid = f"core.search.{page_model._meta.label_lower}"
    page_published.connect(_page_changed, sender=page_model, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(_page_changed, sender=page_model, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(_page_changed, sender=page_model, dispatch_uid=f"{uid}.moved")
    # Deleting a live page unpublishes it first, which reindexes it while it still exists:
    # its entry goes with it once the row is gone.
    post_delete.connect(_page_deleted, sender=page_model, dispatch_uid=f"{uid}.deleted")


def kinds():
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.code))


def kind_label(code):
    kind = _kinds.get(code)
    return kind.label if kind else code


def _describer_for(page_class):
    for cls in page_class.__mro__:
        if cls in _describers:
            return _describers[cls]
    return None


def indexed_models():
    return list(_describers)


# --- writing the index -----------------------------------------------------------------------


def _plain(value):
    if value is None:
        return ""
    if hasattr(value, "source"):  # RichText
        value = value.source
    return strip_tags(str(value))


def stream_text(value):
    """The searchable text of a StreamField value (its blocks' text, without tags)."""
    if not value:
        return ""
    try:
        return " ".join(value.stream_block.get_searchable_content(value))
    except AttributeError:
        return _plain(value)


def _is_listed(page):
    return page.live and not page.expired and page.get_view_restrictions().count() == 0


def index_page(page):
    """Write (or remove) the entry of one page. Returns True when the page is indexed."""
    page = page.specific
    describe = _describer_for(type(page))
    document = None
    if describe is not None and _is_listed(page):
        language = page.locale.language_code
        with translation.override(language):
            document = describe(page)
    if document is None:
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return False
    language = textsearch.language_of(page.locale.language_code)
    fields = [(page.title, TITLE_WEIGHT), (document.summary, SUMMARY_WEIGHT)]
    fields += [(name, NAME_WEIGHT) for name in document.names if name]
    fields += [(_plain(text), TEXT_WEIGHT) for text in document.text if text]
    terms = textsearch.index_terms(fields, language)
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(
            page_id=page.pk,
            defaults={
                "language": language,
                "kind": document.kind,
                "title": page.title[:255],
                "summary": _plain(document.summary)[:1000],
                "label": str(document.label)[:200],
                "url": page.get_url() or page.url_path,
                "municipality": document.municipality or "",
                "starts": document.starts,
                "ends": document.ends,
                "expires": document.expires,
            },
        )
        SearchTerm.objects.filter(entry=entry).delete()
        SearchTerm.objects.bulk_create(
            SearchTerm(entry=entry, language=language, term=term, weight=weight)
            for term, weight in terms.items()
        )
    return True


def rebuild():
    """Rewrite the whole index: every live page of a registered type, and nothing else.
    Returns the number of pages indexed."""
    models = indexed_models()
    pages = Page.objects.none()
    if models:
        pages = Page.objects.live().type(*models).order_by("pk")
    indexed = 0
    # One transaction: the index changes at once for readers, and SQLite syncs to disk once.
    with transaction.atomic():
        for page in pages.specific().iterator(chunk_size=200):
            try:
                with transaction.atomic():
                    indexed += index_page(page)
            except Exception:  # one broken page must not stop the rest
                logger.exception("Search: could not index page %s", page.pk)
        SearchEntry.objects.exclude(page_id__in=pages.values("pk")).delete()
    _forget_vocabulary()
    return indexed


@task()
def rebuild_task():
    """The worker's share of `rebuild_search_index`."""
    return rebuild()


@task()
def reindex_page(page_id):
    """The worker's share of keeping the index current: one page, as it is now."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        SearchEntry.objects.filter(page_id=page_id).delete()
        return False
    return index_page(page)


_deferred = ContextVar("search_deferred", default=None)


@contextmanager
def indexing_deferred():
    """Index the pages published inside the block once, at its end (the demo's thousands)."""
    pending = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
        for page in Page.objects.filter(pk__in=pending).specific().iterator(chunk_size=200):
            index_page(page)


def _page_deleted(sender, instance, **kwargs):
    SearchEntry.objects.filter(page_id=instance.pk).delete()


def _page_changed(sender, instance, **kwargs):
    pending = _deferred.get()
    if pending is not None:
        pending.add(instance.pk)
    else:
        reindex_page.enqueue(instance.pk)


# --- the vocabulary: typo correction and suggestions -----------------------------------------


def _forget_vocabulary():
    """After a rebuild. A page published is not worth it: the vocabulary is kept for
    VOCABULARY_TIMEOUT, so that a search costs the same queries whatever was published in
    between; a new word only misses the typo check and the guessed lemmas for that long."""
    cache.delete_many([f"search:vocabulary:{language}" for language in textsearch.LANGUAGES])


def vocabulary(language):
    """(sorted terms, {term: number of entries}) of one language, cached for a while."""
    key = f"search:vocabulary:{language}"
    found = cache.get(key)
    if found is None:
        counts = dict(
            SearchTerm.objects.filter(language=language)
            .values_list("term")
            .annotate(n=Count("pk"))
            .values_list("term", "n")
        )
        found = (sorted(counts), counts)
        cache.set(key, found, VOCABULARY_TIMEOUT)
    return found


def _in_vocabulary(word, terms):
    """Whether some term is `word` or (for a prefix form) starts with it."""
    position = bisect.bisect_left(terms, word)
    return position < len(terms) and terms[position].startswith(word)


def correction(word, language):
    """The most common term within one typo (two for long words) of `word`, or None."""
    terms, counts = vocabulary(language)
    limit = textsearch.typo_limit(word)
    best = None
    # Typos rarely hit the first letter: compare with the terms that share it.
    start = bisect.bisect_left(terms, word[0])
    end = bisect.bisect_left(terms, word[0] + "\uffff")
    for term in terms[start:end]:
        if abs(len(term) - len(word)) > limit:
            continue
        distance = textsearch.edit_distance(word, term, limit)
        if distance <= limit:
            rank = (distance, -counts[term], term)
            if best is None or rank < best[0]:
                best = (rank, term)
    return best[1] if best else None


# --- searching -------------------------------------------------------------------------------


@dataclasses.dataclass
class Search:
    """A visitor's search, analysed: its words, the typos corrected, the query to run."""

    query: str
    language: str
    words: list
    corrections: dict  # typed word → the term searched instead

    @property
    def corrected_query(self):
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(word, word) for word in self.query.lower().split())


def analyse(query, language, prefix_min=textsearch.MIN_PREFIX, vocabulary_checks=True):
    """The words of `query` with their forms in `language`. With `vocabulary_checks`, a word
    that matches nothing as typed also gets its guessed lemma and the closest known term
    (one cached read of the vocabulary)."""
    language = textsearch.language_of(language)
    words = textsearch.query_words(query, language, prefix_min=prefix_min)
    corrections = {}
    if words and vocabulary_checks:
        terms, counts = vocabulary(language)
        corrected = []
        for word in words:
            found = word.text in counts or any(
                _in_vocabulary(prefix, terms) for prefix in word.prefixes
            )
            if not found and word.guessed in counts:
                # järjestöavustuksia → järjestöavustus; "koulutsu" → koulu is a poor guess,
                # so the typo check below runs all the same.
                long_enough = len(word.guessed) > len(word.text) - 3
                word = word.with_forms(word.guessed, prefix=long_enough)
            if not found and word.text.isalpha() and len(word.text) >= 4:
                fixed = correction(word.text, language)
                if fixed and fixed != word.guessed:
                    corrections[word.text] = fixed
                    word = word.with_forms(fixed)
            corrected.append(word)
        words = corrected
    return Search(query, language, words, corrections)


def _word_condition(word, prefix="terms__"):
    condition = Q(**{f"{prefix}term__in": sorted(word.exact)})
    for start in sorted(word.prefixes):
        condition |= Q(**{f"{prefix}term__startswith": start})
    return condition


def matching(search, *, kinds=None, municipality="", upcoming=False, now=None):
    """The entries matching every word of `search`, ranked: upcoming and undated before past,
    then by score (title and names above body, exact above prefix), then soonest, undated
    last. None when the search has no words."""
    if not search.words:
        return None
    now = now or timezone.now()
    entries = SearchEntry.objects.filter(Q(expires__isnull=True) | Q(expires__gt=now))
    if search.language:
        entries = entries.filter(language=search.language)
    if kinds:
        entries = entries.filter(kind__in=list(kinds))
    if municipality:
        entries = entries.filter(municipality=municipality)
    if upcoming:
        entries = entries.filter(ends__gte=now)
    any_word = Q()
    for word in search.words:
        any_word |= _word_condition(word)
    # In the same filter() as the words, so that it constrains the same join of terms: the
    # index on (language, term) serves it.
    languages = [search.language] if search.language else list(textsearch.LANGUAGES)
    entries = entries.filter(any_word, terms__language__in=languages)
    exact_terms = sorted(set().union(*(word.exact for word in search.words)))
    hits = {
        f"hit{i}": Max(Case(When(_word_condition(word), then=1), default=0))
        for i, word in enumerate(search.words)
    }
    entries = entries.annotate(
        **hits,
        score=Sum(
            Case(
                When(terms__term__in=exact_terms, then=F("terms__weight") * 2),
                default=F("terms__weight"),
                output_field=IntegerField(),
            )
        ),
        past=Case(When(ends__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()),
    )
    entries = entries.annotate(matched=sum((F(name) for name in hits), Value(0))).filter(
        matched=len(hits)
    )
    # On a tie, what has a date (the soonest first) before what has none.
    return entries.order_by(
        "past", "-score", F("starts").asc(nulls_last=True), "title", "page_id"
    ).only("page_id", "kind", "title", "summary", "label", "url", "municipality", "starts", "ends")


def counts_by_kind(search, **filters):
    """{kind: number of matching entries} for the facets, with the other filters applied."""
    entries = matching(search, **filters)
    if entries is None:
        return {}
    return dict(
        SearchEntry.objects.filter(pk__in=entries.values("pk"))
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )


def page_ids(query, kind):
    """The page ids of `kind` matching `query`, as a subquery, for a listing's own text box.
    The listing already keeps its own language's pages, and a saved search's alert may run
    in the subscriber's language: every language's forms of each word are searched."""
    # Base forms only: no typo fallback in a listing's box, whose queries stay the same.
    analysed = [
        analyse(query, language, vocabulary_checks=False) for language in textsearch.LANGUAGES
    ]
    # A word one language drops (a stopword there: "ja", "och") is dropped for all: the
    # pages of that language were indexed without it, so requiring it would find nothing.
    by_language = [{word.text: word for word in search.words} for search in analysed]
    words = [
        textsearch.QueryWord(
            text,
            frozenset().union(*(forms[text].exact for forms in by_language)),
            frozenset().union(*(forms[text].prefixes for forms in by_language)),
        )
        for text in by_language[0]
        if all(text in forms for forms in by_language)
    ]
    entries = matching(Search(query, "", words, {}), kinds=[kind])
    if entries is None:
        return SearchEntry.objects.none().values("page_id")
    return entries.values("page_id")


# --- helpers for the apps' describers --------------------------------------------------------


def short_date(value):
    """12.1.2027 in Finnish, the active language's short date elsewhere."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def end_of_day(day):
    """The aware moment a date ends (its listing leaves the search then)."""
    start = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(start)


def name_of(obj, attribute="name"):
    """A synchronised relation's name in the active language (its translation if any)."""
    if obj is None:
        return ""
    with suppress(AttributeError):
        obj = obj.localized
    return getattr(obj, attribute, "") or ""
