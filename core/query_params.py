"""Reading filter parameters from a query string, shared by the catalogue and funding filters.

Invalid values are not errors here: each is described in `problems` (in the visitor's language)
so that an HTML page can show a note and a feed can answer 400 with the same reasons.
"""

from django.utils.translation import gettext as _


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
