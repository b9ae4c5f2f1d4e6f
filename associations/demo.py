"""Demo content of the association directory: the directory page, 60 made-up associations
across all fields and municipalities and the nine that organise the demo trainings (all marked
as demo) in fi/sv/en, looking-for-partners entries and the demo users' memberships."""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale

from core.demo_support import ensure_page, home_page
from core.regions import SubRegion, municipalities_of

from . import demo_data as data
from .models import (
    AssociationFieldLink,
    AssociationIndexPage,
    AssociationPage,
    AssociationPartnerTheme,
    CooperationTheme,
    DirectorySnapshot,
    FieldOfActivity,
    Membership,
    MembershipStatus,
)
from .network_demo import seed_networks
from .signals import translations_suspended
from .statistics import snapshot_figures
from .validators import business_id_check_digit

INDEX_TEXTS = {
    "fi": {
        "title": "Yhdistykset",
        "intro": (
            "Kanta-Hämeen yhdistykset yhdessä paikassa: etsi toimialan, kunnan tai kielen "
            "mukaan ja löydä kumppaneita yhteisiin hankkeisiin."
        ),
    },
    "sv": {
        "title": "Föreningar",
        "intro": (
            "Föreningarna i Egentliga Tavastland på ett ställe: sök efter verksamhetsområde, "
            "kommun eller språk och hitta partner för gemensamma projekt."
        ),
    },
    "en": {
        "title": "Associations",
        "intro": (
            "Kanta-Häme's associations in one place: search by field, municipality or language "
            "and find partners for joint projects."
        ),
    },
}


@dataclass(frozen=True)
class DemoAssociation:
    """One demo association's page, ready for `ensure_page`."""

    slug: str
    field: str  # field of activity slug
    texts: dict  # language code: translatable field values
    common: dict  # the values every language shares
    partner_themes: list  # cooperation theme slugs
    more_fields: tuple = ()  # further field of activity slugs


LANGUAGE_SETS = [["fi"], ["fi", "sv"], ["fi", "en"], ["fi", "sv", "en"], ["fi", "fi-plain"]]


def demo_business_id(n):
    """A valid, made-up Y-tunnus (check digit computed; numbers that have none are skipped)."""
    base = 3100000 + n * 37
    while True:
        digits = f"{base:07d}"
        check = business_id_check_digit(digits)
        if check is not None:
            return f"{digits}-{check}"
        base += 1


def demo_associations():
    """The 60 generated associations: each name pattern in two municipalities."""
    result = []
    n = 0
    for field_slug, patterns in data.PATTERNS.items():
        for pattern in patterns:
            for copy in range(2):
                place = data.MUNICIPALITIES[n % len(data.MUNICIPALITIES)]
                names = {
                    "fi": pattern.name["fi"].format(fi=place.genitive) + " ry",
                    "sv": pattern.name["sv"].format(sv=place.sv) + " rf",
                    "en": pattern.name["en"].format(en=place.en),
                }
                places = {"fi": place.genitive, "sv": place.sv, "en": place.en}
                texts = {}
                for lang, summary in pattern.summary.items():
                    texts[lang] = {
                        "title": names[lang],
                        "summary": summary,
                        "description": data.DESCRIPTION[lang].format(
                            summary=summary, place=places[lang]
                        ),
                        "logo_alt": "",
                        "partnership_note": (
                            data.PARTNER_NOTE[lang] if pattern.partner_themes else ""
                        ),
                        "can_offer": data.CAN_OFFER[field_slug][lang] if copy == 0 else "",
                    }
                neighbour = data.MUNICIPALITIES[(n + 1) % len(data.MUNICIPALITIES)].code
                common = {
                    "registry_number": f"{200 + n}.{(n * 317) % 1000:03d}",
                    "business_id": demo_business_id(n),
                    "municipality": place.code,
                    "areas": [neighbour] if n % 3 == 0 else [],
                    "languages": LANGUAGE_SETS[n % len(LANGUAGE_SETS)],
                    "website": f"https://{slugify(names['fi'])}.example.fi/",
                    "email": f"info@{slugify(names['fi'])}.example.fi",
                    "social_links": [f"https://www.facebook.com/{slugify(names['fi'])}"]
                    if n % 2 == 0
                    else [],
                    **_welfare(field_slug),
                    "is_demo": True,
                }
                themes = pattern.partner_themes
                result.append(
                    DemoAssociation(
                        slug=slugify(names["fi"]),
                        field=field_slug,
                        texts=texts,
                        common=common,
                        partner_themes=themes if copy == 0 else themes[:1],
                        more_fields=pattern.more_fields,
                    )
                )
                n += 1
    return result


def organiser_associations(first_number):
    """The umbrella organisations and associations that organise the demo trainings, as
    `DemoAssociation`s like those of `demo_associations` (numbered on from `first_number`)."""
    result = []
    for n, organiser in enumerate(data.ORGANISERS, start=first_number):
        place = next(m for m in data.MUNICIPALITIES if m.code == organiser.municipality)
        places = {"fi": place.genitive, "sv": place.sv, "en": place.en}
        texts = {
            lang: {
                "title": organiser.name[lang],
                "summary": summary,
                "description": data.DESCRIPTION[lang].format(summary=summary, place=places[lang]),
                "logo_alt": "",
                "partnership_note": data.PARTNER_NOTE[lang] if organiser.partner_themes else "",
                "can_offer": data.CAN_OFFER[organiser.field][lang],
            }
            for lang, summary in organiser.summary.items()
        }
        slug = organiser.slug
        common = {
            "registry_number": f"{100 + n}.{(n * 211) % 1000:03d}",
            "business_id": demo_business_id(n),
            "municipality": organiser.municipality,
            "areas": [],
            "languages": ["fi", "sv", "en"],
            "website": organiser.website or f"https://{slug}.example.fi/",
            "email": f"info@{slug}.example.fi",
            "social_links": [],
            **_welfare(organiser.field),
            "is_demo": True,
        }
        result.append(
            DemoAssociation(
                slug=slug,
                field=organiser.field,
                texts=texts,
                common=common,
                partner_themes=organiser.partner_themes,
            )
        )
    return result


def _welfare(field_slug):
    areas, groups = data.WELFARE[field_slug]
    return {"welfare_areas": areas, "target_groups": groups}


def _links(field_slugs, theme_slugs, fields, themes):
    return {
        "field_links": [
            AssociationFieldLink(field=fields[slug], sort_order=i)
            for i, slug in enumerate(field_slugs)
        ],
        "partner_theme_links": [
            AssociationPartnerTheme(theme=themes[slug], sort_order=i)
            for i, slug in enumerate(theme_slugs)
        ],
    }


def seed(out, scale=1):
    home = home_page()
    fi = Locale.objects.get(language_code="fi")
    fields = {f.slug: f for f in FieldOfActivity.objects.filter(locale=fi)}
    themes = {t.slug: t for t in CooperationTheme.objects.filter(locale=fi)}
    with translations_suspended():
        index = ensure_page(
            home, AssociationIndexPage, "yhdistykset", INDEX_TEXTS, {"show_in_menus": True}
        )
        pages = []
        generated = demo_associations()
        everyone = generated + organiser_associations(len(generated))
        for association in everyone:
            field_slugs = [association.field, *association.more_fields]
            links = _links(field_slugs, association.partner_themes, fields, themes)
            common = {**association.common, **links}
            pages.append(
                ensure_page(index, AssociationPage, association.slug, association.texts, common)
            )
    seed_memberships(pages)
    with translations_suspended():
        networks = seed_networks(home, pages)
    snapshots = seed_snapshots()
    out.write(
        f"Associations: {len(pages)} demo associations and {len(networks)} networks in "
        "fi/sv/en; "
        f"statistics kept for {snapshots} past years.\n"
    )
    return pages


def seed_memberships(pages):
    User = get_user_model()
    member = User.objects.filter(username="member").first()
    if member is None:
        return
    for index, role in data.MEMBER_OF:
        Membership.objects.get_or_create(
            user=member,
            association=pages[index],
            defaults={"role": role, "status": MembershipStatus.ACTIVE},
        )


# The directory grew as associations listed themselves: the share of today's listings each
# past year had, newest first (three years back).
PAST_SHARES = (0.9, 0.78, 0.65)


def seed_snapshots(today=None):
    """Past years' statistics, so that the statistics page shows the change since last year;
    scaled down from today's figures (each municipality and field alike) and kept as they are
    once made. The register's figure comes from a migration (3,253 in 2020)."""
    today = today or timezone.localdate()
    figures = snapshot_figures()
    for back, share in enumerate(PAST_SHARES, start=1):
        year = today.year - back
        by_municipality = {
            code: round(count * share) for code, count in figures["by_municipality"].items()
        }
        by_sub_region = {
            region.value: sum(by_municipality.get(m.value, 0) for m in municipalities_of(region))
            for region in SubRegion
        }
        DirectorySnapshot.objects.get_or_create(
            year=year,
            defaults={
                "taken_at": timezone.make_aware(datetime.datetime(year + 1, 1, 1, 0, 5)),
                "total": sum(by_municipality.values()),
                "by_sub_region": by_sub_region,
                "by_municipality": by_municipality,
                "by_field": {
                    key: round(count * share) for key, count in figures["by_field"].items()
                },
            },
        )
    return len(PAST_SHARES)
