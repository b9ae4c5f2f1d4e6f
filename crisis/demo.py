"""Demo of crisis mode: the index page, the readiness library (fi/sv/en) and an archived
exercise with reports from several demo associations. `start_demo_situation` adds an active
one so the notice and the board can be seen."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from associations.models import AssociationPage
from core.demo_support import ensure_page, home_page

from . import demo_data as data
from .models import ReadinessGuidePage, SituationIndexPage, SituationPage, StatusReport
from .services import save_report

INDEX_SLUG = "poikkeustilanteet"
PAST_SLUG = "vesikatkoharjoitus-2026"
DEMO_SLUG = "sahkokatko-demo"


def index_page():
    return ensure_page(home_page(), SituationIndexPage, INDEX_SLUG, data.INDEX_TEXTS)


def demo_associations(count):
    """Demo associations in the Finnish directory, the demo member's own first."""
    pages = list(
        AssociationPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, is_demo=True)
        .order_by("title")
    )
    pages.sort(key=lambda p: p.title != "Hattulan Omaishoitajat ry")
    return pages[:count]


def situation(slug, texts, starts_at, ends_at=None, municipalities=(), severity="warning"):
    return ensure_page(
        index_page(),
        SituationPage,
        slug,
        texts,
        common={
            "starts_at": starts_at,
            "ends_at": ends_at,
            "severity": severity,
            "municipalities": list(municipalities),
            "links": ["https://www.112.fi/", "https://www.suomi.fi/"],
        },
    )


def add_reports(page, reports, skip_first=False):
    """Reports from demo associations; `skip_first` leaves the demo member's association
    unreported so the report form can be tried."""
    User = get_user_model()
    author = User.objects.filter(username="admin").first()
    associations = demo_associations(len(reports) + 1)
    if skip_first:
        associations = associations[1:]
    for association, report in zip(associations, reports, strict=False):
        if StatusReport.objects.filter(situation=page, association=association).exists():
            continue
        save_report(
            page,
            association,
            {
                "status": report.status,
                "continues": report.continues,
                "links": [],
                "offers": report.offers,
                "offers_detail": "Ota yhteyttä sähköpostilla." if report.offers else "",
                "needs": report.needs,
                "needs_detail": "",
                "contact_name": "Demo Yhteyshenkilö",
                "contact_email": "yhteys@example.fi",
                "contact_phone": "040 123 4567",
                "show_publicly": report.show_publicly,
                "share_with_partners": report.share_with_partners,
            },
            author,
        )


def seed(out, scale=1):
    index = index_page()
    for slug, texts in data.GUIDES:
        ensure_page(index, ReadinessGuidePage, slug, texts)
    zone = timezone.get_default_timezone()
    past = situation(
        PAST_SLUG,
        data.PAST_SITUATION,
        starts_at=datetime.datetime(2026, 4, 14, 8, 0, tzinfo=zone),
        ends_at=datetime.datetime(2026, 4, 17, 16, 0, tzinfo=zone),
        municipalities=["hameenlinna", "hattula", "janakkala"],
        severity="info",
    )
    add_reports(past, data.PAST_REPORTS)
    out.write("Crisis mode: readiness library and an archived exercise with reports.")


def start_demo_situation(hours=48):
    """An active demo situation (created once; restarted if it had ended)."""
    now = timezone.now()
    page = situation(DEMO_SLUG, data.DEMO_SITUATION, starts_at=now - datetime.timedelta(minutes=1))
    set_dates(
        page,
        starts_at=now - datetime.timedelta(minutes=1),
        ends_at=now + datetime.timedelta(hours=hours),
    )
    add_reports(page, data.PAST_REPORTS[:4], skip_first=True)
    return page


def set_dates(page, starts_at=None, ends_at=None):
    """Change the dates of a situation in every language through a published revision."""
    for translation in SituationPage.objects.filter(translation_key=page.translation_key):
        latest = translation.get_latest_revision_as_object()
        if starts_at is not None:
            latest.starts_at = starts_at
        latest.ends_at = ends_at
        latest.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()
    return page
