"""Demo content for funding: funders, the funding index "rahoitus", 22 calls typical for
Kanta-Häme's associations and the funding guide, in Finnish with Swedish and English
translations (through wagtail-localize). `scale` adds Finnish-only copies for benchmarks."""

import dataclasses
import datetime
import itertools
from decimal import Decimal

import recurrence

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import Locale

from catalogue.models import Theme, TrainingPage
from core.demo_support import ensure_page, home_page
from core.translation import translate_from_versions

from . import demo_data as data
from . import guide_data as guide
from .deadlines import deadline_rows, write_deadlines
from .models import (
    Deadline,
    Funder,
    FundingGuidePage,
    FundingIndexPage,
    FundingOpportunityPage,
    FundingRound,
    FundingTheme,
    FundingTraining,
    Timing,
    listing_from_rows,
)

LANGS = ("fi", "sv", "en")
COPIES_PER_SCALE = 250
RELATED_TRAINING = "avustushaun-abc"


def seed_funders():
    fi = Locale.objects.get(language_code="fi")
    funders = {}
    for entry in data.FUNDERS:
        funder = Funder.objects.filter(slug=entry.slug, locale=fi).first()
        common = {"slug": entry.slug, "funder_type": entry.funder_type, "website": entry.website}
        if funder is None:
            name, description = entry.texts["fi"]
            funder = Funder.objects.create(locale=fi, name=name, description=description, **common)
        missing = {}
        for code in LANGS[1:]:
            locale = Locale.objects.get(language_code=code)
            if funder.get_translation_or_none(locale) is None:
                name, description = entry.texts[code]
                missing[code] = Funder(name=name, description=description, **common)
        if missing:
            translate_from_versions(funder, missing)
        funders[entry.slug] = funder
    return funders


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def _year_earlier(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def timing_values(timing, today):
    """(timing, rounds factory, recurrence) for the timing of a `demo_data` entry."""
    if isinstance(timing, data.Continuous):
        return Timing.CONTINUOUS, list, None
    if isinstance(timing, data.Annual):
        # This year's round is an expansion of last year's, as an editor would have entered it.
        closes_on = _year_earlier(today + datetime.timedelta(days=timing.closes))
        opens_on = _year_earlier(today + datetime.timedelta(days=timing.opens))

        def annual_rounds():
            return [
                FundingRound(opens_on=opens_on, closes_on=closes_on, closes_time=_time(timing.at))
            ]

        rule = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.YEARLY)])
        return Timing.ANNUAL, annual_rounds, rule

    def rounds():
        made = []
        for number, spec in enumerate(timing.rounds):
            closes_on = today + datetime.timedelta(days=spec.closes)
            made.append(
                FundingRound(
                    opens_on=today + datetime.timedelta(days=spec.opens)
                    if spec.opens is not None
                    else None,
                    closes_on=closes_on,
                    closes_time=_time(spec.at),
                    decision_on=closes_on + datetime.timedelta(days=spec.decision_after)
                    if spec.decision_after and spec.decision_after > 0
                    else None,
                    sort_order=number,
                )
            )
        return made

    return Timing.ROUNDS, rounds, None


def _amount(value):
    return Decimal(value) if value is not None else None


def opportunity_values(entry, funders, themes, training, today):
    timing, rounds, rule = timing_values(entry.timing, today)
    applicants = list(entry.applicants)
    common = {
        "funder": funders[entry.funder],
        "instrument": entry.instrument,
        "amount_min": _amount(entry.amount_min),
        "amount_max": _amount(entry.amount_max),
        "total_available": _amount(entry.total_available),
        "self_financing_percent": entry.self_financing_percent,
        "timing": timing,
        "recurrence": rule,
        "applicant_types": applicants,
        "fields_of_activity": list(entry.fields),
        "sub_regions": list(entry.sub_regions),
        "municipalities": list(entry.municipalities),
        "joint_application": entry.joint_application,
        "application_url": f"{data_website(entry.funder)}",
        "contact_name": "Rahoitusneuvonta",
        "contact_email": "rahoitus@demo.meidanhame.fi",
        "contact_phone": "+358 40 765 4321",
        "last_verified": today - datetime.timedelta(days=7),
        "show_in_menus": False,
    }
    per_language = {}
    for code in LANGS:
        title, summary = entry.texts[code]
        values = {
            "title": title,
            "summary": summary,
            "programme": "",
            "body": [("paragraph", f"<p>{data.BODY[code]}</p>")],
            "how_to_apply": data.HOW_TO_APPLY[code],
            "reporting": data.REPORTING[code],
            "eligible_costs": data.ELIGIBLE_COSTS[code] if entry.amount_max else "",
            "prerequisites": data.PREREQUISITES[code] if applicants == ["registered"] else "",
            "rounds": rounds(),
            "theme_links": [
                FundingTheme(theme=themes[t], sort_order=i)
                for i, t in enumerate(entry.themes)
                if t in themes
            ],
            "training_links": [FundingTraining(training=training, sort_order=0)]
            if training is not None and "rahoitus" in entry.themes
            else [],
        }
        per_language[code] = values
    return entry.slug, common, per_language


def data_website(funder_slug):
    return next(entry.website for entry in data.FUNDERS if entry.slug == funder_slug)


def seed_documents():
    documents = []
    for title, name, content in (
        ("Talousarviopohja", "talousarviopohja.csv", "\ufeff" + guide.BUDGET_TEMPLATE),
        ("Hakemuksen tarkistuslista", "hakemuksen-tarkistuslista.txt", guide.CHECKLIST_TEMPLATE),
    ):
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = Document(title=title)
            document.file.save(name, ContentFile(content.encode("utf-8")), save=False)
            document.save()
        documents.append(document)
    return documents


def guide_texts(documents):
    texts = {}
    for code in LANGS:
        body = []
        for title, paragraphs in guide.CHAPTERS[code]:
            html = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
            body.append(("chapter", {"title": title, "body": html}))
        checklist_title, items = guide.CHECKLIST[code]
        body.append(("checklist", {"title": checklist_title, "items": items}))
        downloads_title, descriptions = guide.DOWNLOADS[code]
        body.append(
            (
                "downloads",
                {
                    "title": downloads_title,
                    "documents": [
                        {"document": document, "description": description}
                        for document, description in zip(documents, descriptions, strict=True)
                    ],
                },
            )
        )
        glossary_title, terms = guide.GLOSSARY[code]
        body.append(
            (
                "glossary",
                {
                    "title": glossary_title,
                    "terms": [{"term": term, "definition": text} for term, text in terms],
                },
            )
        )
        texts[code] = {"title": guide.TITLE[code], "intro": guide.INTRO[code], "body": body}
    return texts


def seed_copies(out, index, funders, scale, today):
    """Finnish-only live copies of the demo calls with their deadlines, made quickly."""
    wanted = (scale - 1) * COPIES_PER_SCALE
    if wanted <= 0:
        return 0
    existing = set(
        FundingOpportunityPage.objects.child_of(index)
        .filter(slug__startswith="kopio-")
        .values_list("slug", flat=True)
    )
    now = timezone.now()
    made = 0
    rows = []
    entries = itertools.cycle(data.OPPORTUNITIES)
    for number in range(1, wanted + 1):
        entry = next(entries)
        slug = f"kopio-{number}"
        if slug in existing:
            continue
        # Shift the copies over the year so that every status and month has some.
        shift = (number * 11) % 300 - 60
        shifted = dataclasses.replace(entry, timing=_shifted(entry.timing, shift))
        _slug, common, per_language = opportunity_values(shifted, funders, {}, None, today)
        values = per_language["fi"]
        page = FundingOpportunityPage(
            slug=slug,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now - datetime.timedelta(days=number % 90),
            last_published_at=now,
            **common,
            **{**values, "title": f"{values['title']} ({number})"},
        )
        planned = deadline_rows(page, today)
        for name, value in listing_from_rows(planned, now).items():
            setattr(page, name, value)
        index.add_child(instance=page)
        for row in planned:
            row.opportunity_id, row.locale_id = page.pk, page.locale_id
        rows += planned
        made += 1
        if made % 500 == 0:
            Deadline.objects.bulk_create(rows)
            rows = []
            out.write(f"  {made} funding copies…")
    Deadline.objects.bulk_create(rows)
    return made


def _shifted(timing, shift):
    if isinstance(timing, data.Rounds):
        return data.Rounds(
            *(
                dataclasses.replace(
                    spec,
                    opens=spec.opens + shift if spec.opens is not None else None,
                    closes=spec.closes + shift,
                )
                for spec in timing.rounds
            )
        )
    if isinstance(timing, data.Annual):
        return dataclasses.replace(timing, opens=timing.opens + shift, closes=timing.closes + shift)
    return timing


def seed(out, scale=1):
    home = home_page()
    funders = seed_funders()
    index = ensure_page(home, FundingIndexPage, "rahoitus", guide.INDEX, {"show_in_menus": True})
    today = timezone.localdate()
    now = timezone.now()
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale__language_code="fi")}
    training = TrainingPage.objects.filter(
        slug=RELATED_TRAINING, locale__language_code="fi"
    ).first()
    created = 0
    for entry in data.OPPORTUNITIES:
        slug, common, per_language = opportunity_values(entry, funders, themes, training, today)
        page = ensure_page(index, FundingOpportunityPage, slug, per_language, common)
        if not page.deadlines.exists():
            write_deadlines(page, today)
        FundingOpportunityPage.objects.filter(translation_key=page.translation_key).update(
            first_published_at=now - datetime.timedelta(days=entry.published_days_ago)
        )
        created += 1
    ensure_page(index, FundingGuidePage, "rahoitusopas", guide_texts(seed_documents()))
    copies = seed_copies(out, index, funders, scale, today)
    out.write(
        f"Funding: {created} opportunities in fi/sv/en, {copies} new copies, "
        f"{Deadline.objects.count()} deadlines."
    )
