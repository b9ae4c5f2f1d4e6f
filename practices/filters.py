"""The one parser of the library's filters (theme, field of activity, municipality, readiness,
words), on the shared QueryReader. The HTML library notes invalid values; the feed answers 400
with them."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from core.query_params import BaseFilters, QueryReader
from core.regions import Municipality

MAX_TEXT = 100


@dataclass
class PracticeFilters(BaseFilters):
    themes: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    readiness: bool = False
    text: str = ""
    page: str = "1"

    presentation = ("page",)

    def query_string(self):
        """The canonical query string of these filters (the page number left out)."""
        pairs = [("theme", v) for v in self.themes]
        pairs += [("field", v) for v in self.fields]
        pairs += [("municipality", v) for v in self.municipalities]
        if self.readiness:
            pairs.append(("readiness", "1"))
        if self.text:
            pairs.append(("q", self.text))
        return urlencode(pairs)

    @property
    def narrows_by_facts(self):
        """Whether a filter other than words and readiness is set: readiness guides carry no
        themes, fields or municipality, so such a filter leaves them out."""
        return bool(self.themes or self.fields or self.municipalities)


def parse_filters(query, theme_slugs, field_slugs):
    problems = []
    reader = QueryReader(query, problems)
    filters = PracticeFilters(
        themes=reader.multi(
            "theme", theme_slugs, _("“%(value)s” is not a theme, so it was ignored.")
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
        readiness=reader.flag("readiness"),
        text=reader.text("q", MAX_TEXT),
        page=reader.page(),
    )
    filters.problems = problems
    return filters
