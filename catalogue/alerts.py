"""The catalogue's saved searches (core/alerts.py does the signing up, the links, the timing
and the emails): any filtered view of the catalogue, as its feeds read it (dates are the
page's own and not part of a search). News for a search: trainings and events first published
since it was last checked that still have a matching date ahead, and any it was told about
that have since been cancelled."""

import datetime

from django.http import QueryDict
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import alerts
from core.languages import Language
from core.models import AlertDelivery, AlertKind
from core.page_urls import absolute_url
from core.regions import PLACE_CHOICES, SubRegion

from .feeds import canonical_query, feed_filters, place_text
from .filters import parse_filters
from .models import EventStatus, Format, Kind, TrainingIndexPage, TrainingPage
from .queries import networks as network_choices
from .queries import taxonomy
from .syndication import upcoming_trainings

# Enough for any day's news; a search that matches more is better read on the page.
NEWS_LIMIT = 50


def describe(filters, themes, organisers, networks=None):
    """The filters in words, one line each, in the active language (empty: everything)."""

    def labels(choices, values):
        return ", ".join(str(dict(choices).get(value, value)) for value in values)

    lines = []
    if filters.q:
        lines.append(_("Search words: %(words)s") % {"words": filters.q})
    for title, choices, values in (
        (_("Theme"), [(slug, theme.name) for slug, theme in themes.items()], filters.themes),
        (_("Type"), Kind.choices, filters.kinds),
        (_("Format"), Format.choices, filters.formats),
        (_("Sub-region"), SubRegion.choices, filters.regions),
        (_("Municipality"), PLACE_CHOICES, filters.municipalities),
        (_("Language"), Language.choices, filters.languages),
        (_("Organiser"), [(slug, o.title) for slug, o in organisers.items()], filters.organisers),
        (
            _("Network"),
            [(slug, n.title) for slug, n in (networks or {}).items()],
            filters.networks,
        ),
    ):
        if values:
            lines.append(
                _("%(filter)s: %(values)s") % {"filter": title, "values": labels(choices, values)}
            )
    if filters.free:
        lines.append(_("Free of charge"))
    if filters.open_to_others:
        lines.append(_("Open to other associations"))
    return lines


def _item(page):
    when = ""
    if getattr(page, "next_start", None):
        when = formats.date_format(timezone.localtime(page.next_start), "DATETIME_FORMAT")
    return alerts.Item(
        key=str(page.pk),
        title=page.title,
        url=absolute_url(page),
        details={
            "when": when,
            "place": place_text(page),
            "organiser": page.organiser.title if page.organiser_id else "",
            "summary": page.summary,
        },
    )


@alerts.register
class CatalogueListing(alerts.Listing):
    page_model = TrainingIndexPage
    item_template = "catalogue/email/_alert_item.txt"

    def filters(self, page, query):
        themes, organisers = taxonomy(page.locale_id)
        networks = network_choices(page.locale_id)
        filters = parse_filters(
            query,
            themes=themes,
            organisers=organisers,
            networks=networks,
            earliest=datetime.date.min,
            latest=datetime.date.max,
        )
        return feed_filters(filters), themes, organisers, networks

    def search(self, page, query):
        filters, themes, organisers, networks = self.filters(page, query)
        return canonical_query(filters), describe(filters, themes, organisers, networks)

    def news(self, search, page, since, now):
        filters = self.filters(page, QueryDict(search.query))[0]
        new = upcoming_trainings(
            page.locale_id, filters, now, limit=NEWS_LIMIT, published_since=since
        )
        told = [
            int(key)
            for key in AlertDelivery.objects.filter(search=search, kind=AlertKind.NEW).values_list(
                "item", flat=True
            )
        ]
        cancelled = []
        if told:
            cancelled = (
                TrainingPage.objects.live()
                .filter(
                    pk__in=told,
                    status=EventStatus.CANCELLED,
                    last_published_at__gt=since,
                    occurrences__end__gt=now,
                )
                .distinct()
                .defer_streamfields()
                .select_related("organiser")
                .order_by("pk")
            )
        return alerts.News(
            new=[_item(training) for training in sorted(new, key=lambda t: t.next_start)],
            cancelled=[_item(training) for training in cancelled],
        )

    def subject(self, new, closing, cancelled):
        if new:
            return ngettext(
                "%(count)d new training or event for your search",
                "%(count)d new trainings and events for your search",
                new,
            ) % {"count": new}
        return ngettext(
            "%(count)d training or event you were told about was cancelled",
            "%(count)d trainings and events you were told about were cancelled",
            cancelled,
        ) % {"count": cancelled}

    def signup_heading(self):
        return _("Email me new trainings matching this search")

    def signup_intro(self):
        return _(
            "We email you when a training or event that matches the filters above is "
            "published, and if one we told you about is cancelled. No account needed; every "
            "email has a link to unsubscribe."
        )

    def form_title(self):
        return _("Email alert of new trainings and events")

    def everything(self):
        return _("All upcoming trainings and events")

    def new_heading(self):
        return _("New trainings and events that match your search:")

    def back_text(self):
        return _("Back to the trainings and events")
