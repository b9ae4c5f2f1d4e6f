"""The one parser of the board's filters (kind, field of activity, municipality, text), on the
shared QueryReader. The HTML board notes invalid values; the feed answers 400 with them."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from core.query_params import BaseFilters, QueryReader
from core.regions import Municipality

from .models import ListingKind, field_choices

MAX_TEXT = 100


@dataclass
class BoardFilters(BaseFilters):
    kinds: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    text: str = ""
    page: str = "1"

    presentation = ("page",)

    def query_string(self):
        """The canonical query string of these filters (the page number left out)."""
        pairs = [("kind", v) for v in self.kinds]
        pairs += [("field", v) for v in self.fields]
        pairs += [("municipality", v) for v in self.municipalities]
        if self.text:
            pairs.append(("q", self.text))
        return urlencode(pairs)


def parse_filters(query, field_slugs=None):
    problems = []
    reader = QueryReader(query, problems)
    if field_slugs is None:
        field_slugs = [slug for slug, _name in field_choices()]
    filters = BoardFilters(
        kinds=reader.multi(
            "kind",
            ListingKind.values,
            _("“%(value)s” is not a kind of listing, so it was ignored."),
        ),
        fields=reader.multi(
            "field",
            field_slugs,
            _("“%(value)s” is not a field of activity, so it was ignored."),
        ),
        municipalities=reader.multi(
            "municipality",
            Municipality.values,
            _("“%(value)s” is not a municipality of Kanta-Häme, so it was ignored."),
        ),
        text=reader.text("q", MAX_TEXT),
        page=reader.page(),
    )
    filters.problems = problems
    return filters
