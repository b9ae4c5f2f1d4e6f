"""The one parser of the directory's filters: the HTML page, its CSV and the counts use it.

Invalid values are ignored and named in `problems`, so a mistyped address still shows a page.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.languages import Language
from core.query_params import BaseFilters, QueryReader
from core.regions import Municipality, SubRegion

from .models import TargetGroup, WelfareArea

MAX_QUERY_LENGTH = 200
ALPHABET = list("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ")
ANY_THEME = "any"
FILTER_PARAMS = (
    "q",
    "field",
    "municipality",
    "region",
    "language",
    "welfare",
    "group",
    "partner",
    "letter",
)


@dataclass
class DirectoryFilters(BaseFilters):
    q: str = ""
    fields: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    welfare_areas: list = field(default_factory=list)
    target_groups: list = field(default_factory=list)
    partner_themes: list = field(default_factory=list)
    looking_for_partners: bool = False
    letter: str = ""

    def apply(self, associations):
        if self.q:
            associations = associations.search_text(self.q)
        if self.fields:
            associations = associations.in_fields(*self.fields)
        if self.municipalities:
            associations = associations.in_municipalities(*self.municipalities)
        if self.regions:
            associations = associations.in_sub_regions(*self.regions)
        if self.languages:
            associations = associations.serving_language(*self.languages)
        if self.welfare_areas:
            associations = associations.in_welfare_areas(*self.welfare_areas)
        if self.target_groups:
            associations = associations.for_target_groups(*self.target_groups)
        if self.partner_themes or self.looking_for_partners:
            associations = associations.looking_for_partners(*self.partner_themes)
        if self.letter:
            associations = associations.starting_with(self.letter)
        return associations


def parse_filters(query, *, field_slugs, theme_slugs):
    """Parse `query` (a QueryDict) given the known field and cooperation theme slugs."""
    problems = []
    reader = QueryReader(query, problems)
    q = " ".join(reader.single("q").split())
    if len(q) > MAX_QUERY_LENGTH:
        q = q[:MAX_QUERY_LENGTH]
        problems.append(_("The search text was shortened to 200 characters."))
    partner_values = reader.multi(
        "partner",
        set(theme_slugs) | {ANY_THEME},
        _("Unknown cooperation theme “%(value)s” was ignored."),
    )
    letter = reader.choice(
        "letter",
        ALPHABET,
        _("Unknown initial letter “%(value)s” was ignored."),
        normalise=str.upper,
    )
    return DirectoryFilters(
        q=q,
        fields=reader.multi(
            "field", set(field_slugs), _("Unknown field of activity “%(value)s” was ignored.")
        ),
        municipalities=reader.multi(
            "municipality",
            set(Municipality.values),
            _("Unknown municipality “%(value)s” was ignored."),
        ),
        regions=reader.multi(
            "region", set(SubRegion.values), _("Unknown sub-region “%(value)s” was ignored.")
        ),
        languages=reader.multi(
            "language", set(Language.values), _("Unknown language “%(value)s” was ignored.")
        ),
        welfare_areas=reader.multi(
            "welfare", set(WelfareArea.values), _("Unknown welfare work “%(value)s” was ignored.")
        ),
        target_groups=reader.multi(
            "group", set(TargetGroup.values), _("Unknown target group “%(value)s” was ignored.")
        ),
        partner_themes=[v for v in partner_values if v != ANY_THEME],
        looking_for_partners=ANY_THEME in partner_values,
        letter=letter,
        problems=problems,
    )
