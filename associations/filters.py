"""The one parser of the directory's filters: the HTML page, its CSV and the counts use it.

Invalid values are ignored and named in `problems`, so a mistyped address still shows a page.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from catalogue.models import Language
from catalogue.regions import Municipality, SubRegion

MAX_QUERY_LENGTH = 200
ALPHABET = list("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ")
ANY_THEME = "any"
FILTER_PARAMS = ("q", "field", "municipality", "region", "language", "partner", "letter")


@dataclass
class DirectoryFilters:
    q: str = ""
    fields: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    partner_themes: list = field(default_factory=list)
    looking_for_partners: bool = False
    letter: str = ""
    problems: list = field(default_factory=list)

    @property
    def is_filtered(self):
        return bool(
            self.q
            or self.fields
            or self.municipalities
            or self.regions
            or self.languages
            or self.partner_themes
            or self.looking_for_partners
            or self.letter
        )

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
        if self.partner_themes or self.looking_for_partners:
            associations = associations.looking_for_partners(*self.partner_themes)
        if self.letter:
            associations = associations.starting_with(self.letter)
        return associations


def _multi(query, name, allowed, problems, label):
    values = []
    for value in query.getlist(name):
        value = value.strip()
        if not value:
            continue
        if value in allowed:
            if value not in values:
                values.append(value)
        else:
            problems.append(
                _("Unknown %(label)s “%(value)s” was ignored.") % {"label": label, "value": value}
            )
    return values


def parse_filters(query, *, field_slugs, theme_slugs):
    problems = []
    q = " ".join(query.get("q", "").split())
    if len(q) > MAX_QUERY_LENGTH:
        q = q[:MAX_QUERY_LENGTH]
        problems.append(_("The search text was shortened to 200 characters."))
    partner_values = _multi(query, "partner", set(theme_slugs) | {ANY_THEME}, problems, _("theme"))
    letter = query.get("letter", "").strip().upper()
    if letter and letter not in ALPHABET:
        problems.append(_("Unknown initial letter “%(value)s” was ignored.") % {"value": letter})
        letter = ""
    return DirectoryFilters(
        q=q,
        fields=_multi(query, "field", set(field_slugs), problems, _("field of activity")),
        municipalities=_multi(
            query, "municipality", set(Municipality.values), problems, _("municipality")
        ),
        regions=_multi(query, "region", set(SubRegion.values), problems, _("sub-region")),
        languages=_multi(query, "language", set(Language.values), problems, _("language")),
        partner_themes=[v for v in partner_values if v != ANY_THEME],
        looking_for_partners=ANY_THEME in partner_values,
        letter=letter,
        problems=problems,
    )
