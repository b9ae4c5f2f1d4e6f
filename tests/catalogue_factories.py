"""Building trainings inside a test (rolled back with it)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from wagtail.models import Locale

from associations.models import AssociationIndexPage, AssociationPage
from catalogue.models import (
    Session,
    Theme,
    TrainingIndexPage,
    TrainingPage,
    TrainingTheme,
)
from home.models import HomePage

HELSINKI = ZoneInfo("Europe/Helsinki")


def fi_catalogue():
    return TrainingIndexPage.objects.get(locale__language_code="fi", slug="koulutukset")


def organiser(slug="jarjestoneuvottelukunta"):
    """The Finnish profile of a demo association; in a database without the demo (a flushed
    transactional test) a minimal one is created, with the directory if need be."""
    fi = Locale.objects.get(language_code="fi")
    existing = AssociationPage.objects.filter(slug=slug, locale=fi).first()
    if existing is not None:
        return existing
    index = AssociationIndexPage.objects.filter(locale=fi).first()
    if index is None:
        index = HomePage.objects.get(locale=fi).add_child(
            instance=AssociationIndexPage(title="Yhdistykset", slug="yhdistykset", locale=fi)
        )
    return index.add_child(
        instance=AssociationPage(
            title=slug.replace("-", " ").capitalize(),
            slug=slug,
            summary="Yhdistys testejä varten.",
            municipality="hameenlinna",
            languages=["fi"],
            locale=fi,
        )
    )


def local(days=0, hour=12, minute=0, base=None):
    day = (base or timezone.localdate()) + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=HELSINKI)


def make_training(
    slug="testikoulutus", *, sessions=None, themes=("rahoitus",), publish=True, **fields
):
    """A published Finnish training under the demo catalogue, with one session by default."""
    fi = Locale.objects.get(language_code="fi")
    values = {
        "title": fields.pop("title", "Testikoulutus"),
        "summary": "Koulutus testejä varten.",
        "kind": "training",
        "format": "onsite",
        "municipality": "hameenlinna",
        "organiser": organiser(),
        "languages": ["fi"],
        **fields,
    }
    if sessions is None and not values.get("recurrence"):
        sessions = [(local(10, 17), local(10, 19))]
    page = TrainingPage(slug=slug, **values)
    page.sessions = [
        Session(start=start, end=end, sort_order=i) for i, (start, end) in enumerate(sessions or [])
    ]
    page.theme_links = [
        TrainingTheme(theme=Theme.objects.get(slug=slug_, locale=fi), sort_order=i)
        for i, slug_ in enumerate(themes)
    ]
    fi_catalogue().add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def republish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def in_language(uids, code):
    """`uids` without the events of imported trainings that have no page in language `code`:
    an event imported from a Finnish-only calendar lives in Finnish only."""
    imported = TrainingPage.objects.live().exclude(calendar_uid="")
    present = imported.filter(locale__language_code=code).values_list("calendar_uid", flat=True)
    absent = set(imported.values_list("calendar_uid", flat=True)) - set(present)
    return {uid for uid in uids if not any(uid.startswith(prefix) for prefix in absent)}
