"""Reading filter parameters from a query string, shared by every listing's filters.

Invalid values are not errors here: each is described in `problems` (in the visitor's language)
so that an HTML page can show a note and a feed can answer 400 with the same reasons. A parser
of filters is a list of `QueryReader` calls, one a parameter, filling a `BaseFilters`.
"""

import dataclasses
from dataclasses import dataclass, field
from typing import ClassVar

from django.utils.translation import gettext as _

from .dates import EARLIEST, LATEST, DateParamError, parse_date_param, parse_month_param

YES = ("1", "on", "true")
NO = ("", "0", "off", "false")


@dataclass
class BaseFilters:
    """The valid filters a parser found, and the `problems` with the rest."""

    problems: list = field(default_factory=list)

    # Fields that say how the results are shown (view, page, sort order), not which.
    presentation: ClassVar[tuple] = ()

    @property
    def is_valid(self):
        return not self.problems

    @property
    def is_filtered(self):
        """Whether any filter differs from its default (a page then offers to clear them)."""
        return any(
            getattr(self, each.name) != _default(each)
            for each in dataclasses.fields(self)
            if each.name != "problems" and each.name not in self.presentation
        )


def _default(each):
    if each.default_factory is not dataclasses.MISSING:
        return each.default_factory()
    return each.default


class QueryReader:
    def __init__(self, query, problems):
        self.query = query
        self.problems = problems

    def single(self, name):
        """The one value of `name` (stripped), or "" when it is missing or repeated."""
        values = self.query.getlist(name)
        if len(values) > 1:
            self.problems.append(
                _("“%(name)s” was given more than once, so it was ignored.") % {"name": name}
            )
            return ""
        return values[0].strip() if values else ""

    def multi(self, name, allowed, message):
        """The allowed values of `name` in order, without repeats; others noted with `message`."""
        chosen = []
        for value in self.query.getlist(name):
            value = value.strip()
            if not value:
                continue
            if value in allowed:
                if value not in chosen:
                    chosen.append(value)
            else:
                self.problems.append(message % {"value": value[:60]})
        return chosen

    def choice(self, name, choices, message, default="", normalise=None):
        """The value of `name` if it is one of `choices` (after `normalise`), else `default`;
        an unknown value is noted with `message`."""
        value = self.single(name)
        if normalise:
            value = normalise(value)
        if not value:
            return default
        if value in choices:
            return value
        self.problems.append(message % {"value": value[:60]})
        return default

    def text(self, name, max_length):
        """Search text: cut to `max_length` characters (noted), runs of spaces made one."""
        value = self.single(name)
        if len(value) > max_length:
            self.problems.append(_("The search text was too long, so it was shortened."))
            value = value[:max_length]
        return " ".join(value.split())

    def flag(self, name):
        """A yes/no parameter (1/on/true or 0/off/false); missing or unknown is no."""
        value = self.single(name)
        if value in YES:
            return True
        if value not in NO:
            self.problems.append(
                _("“%(value)s” is not a valid value for “%(name)s”, so it was ignored.")
                % {"value": value[:60], "name": name}
            )
        return False

    def page(self, name="page"):
        """The page number asked for, as digits ("1" when missing or not a number)."""
        value = self.single(name)
        if value and not value.isdigit():
            self.problems.append(
                _("“%(value)s” is not a page number, so it was ignored.") % {"value": value[:60]}
            )
            return "1"
        return value or "1"

    def date(self, name, *, earliest=EARLIEST, latest=LATEST):
        """The date (YYYY-MM-DD) in `name`, or None when it is missing or refused."""
        return self.as_date(self.single(name), earliest=earliest, latest=latest)

    def as_date(self, raw, *, earliest=EARLIEST, latest=LATEST):
        """`raw`, a value already read, as a date from `earliest` to `latest`, or None."""
        return self._parsed(raw, parse_date_param, earliest=earliest, latest=latest)

    def month(self, name):
        """The month (YYYY-MM) in `name` as its first day, or None when missing or refused."""
        return self._parsed(self.single(name), parse_month_param)

    def date_span(self, from_name, to_name, *, earliest=EARLIEST, latest=LATEST):
        """(first, last) days from two date parameters; an end before the start is dropped."""
        first = self.date(from_name, earliest=earliest, latest=latest)
        last = self.date(to_name, earliest=earliest, latest=latest)
        if first and last and last < first:
            self.problems.append(_("The end date was before the start date, so it was ignored."))
            last = None
        return first, last

    def _parsed(self, raw, parse, **bounds):
        if not raw:
            return None
        try:
            return parse(raw, **bounds)
        except DateParamError as error:
            self.problems.append(error.message)
            return None
