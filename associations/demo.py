"""Demo content of the association directory: the directory page, 60 made-up associations
across all fields and municipalities and the nine that organise the demo trainings (all marked
as demo) in fi/sv/en, looking-for-partners entries and the demo users' memberships."""

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from wagtail.models import Locale

from core.demo_support import ensure_page, home_page

from . import demo_data as data
from .models import (
    AssociationFieldLink,
    AssociationIndexPage,
    AssociationPage,
    AssociationPartnerTheme,
    CooperationTheme,
    FieldOfActivity,
    Membership,
    MembershipStatus,
)
from .signals import translations_suspended
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
    """[(slug, field slug, municipality code, texts by language, common values, themes)]"""
    result = []
    n = 0
    for field_slug, patterns in data.PATTERNS.items():
        for fi, sv, en, summaries, themes in patterns:
            for copy in range(2):
                code, genitive, sv_place, en_place = data.MUNICIPALITIES[
                    n % len(data.MUNICIPALITIES)
                ]
                names = {
                    "fi": fi.format(fi=genitive) + " ry",
                    "sv": sv.format(sv=sv_place) + " rf",
                    "en": en.format(en=en_place),
                }
                places = {"fi": genitive, "sv": sv_place, "en": en_place}
                texts = {}
                for lang, summary in zip(("fi", "sv", "en"), summaries, strict=True):
                    texts[lang] = {
                        "title": names[lang],
                        "summary": summary,
                        "description": data.DESCRIPTION[lang].format(
                            summary=summary, place=places[lang]
                        ),
                        "logo_alt": "",
                        "partnership_note": data.PARTNER_NOTE[lang] if themes else "",
                    }
                neighbour = data.MUNICIPALITIES[(n + 1) % len(data.MUNICIPALITIES)][0]
                common = {
                    "registry_number": f"{200 + n}.{(n * 317) % 1000:03d}",
                    "business_id": demo_business_id(n),
                    "municipality": code,
                    "areas": [neighbour] if n % 3 == 0 else [],
                    "languages": LANGUAGE_SETS[n % len(LANGUAGE_SETS)],
                    "website": f"https://{slugify(names['fi'])}.example.fi/",
                    "email": f"info@{slugify(names['fi'])}.example.fi",
                    "social_links": [f"https://www.facebook.com/{slugify(names['fi'])}"]
                    if n % 2 == 0
                    else [],
                    "is_demo": True,
                }
                result.append(
                    (
                        slugify(names["fi"]),
                        field_slug,
                        code,
                        texts,
                        common,
                        themes if copy == 0 else themes[:1],
                    )
                )
                n += 1
    return result


def organiser_associations(first_number):
    """The umbrella organisations and associations that organise the demo trainings, in the
    same shape as `demo_associations` (numbered on from `first_number`)."""
    result = []
    for n, (slug, field_slug, code, names, summaries, website, themes) in enumerate(
        data.ORGANISERS, start=first_number
    ):
        place = next(m for m in data.MUNICIPALITIES if m[0] == code)
        places = {"fi": place[1], "sv": place[2], "en": place[3]}
        texts = {
            lang: {
                "title": name,
                "summary": summary,
                "description": data.DESCRIPTION[lang].format(summary=summary, place=places[lang]),
                "logo_alt": "",
                "partnership_note": data.PARTNER_NOTE[lang] if themes else "",
            }
            for lang, name, summary in zip(("fi", "sv", "en"), names, summaries, strict=True)
        }
        common = {
            "registry_number": f"{100 + n}.{(n * 211) % 1000:03d}",
            "business_id": demo_business_id(n),
            "municipality": code,
            "areas": [],
            "languages": ["fi", "sv", "en"],
            "website": website or f"https://{slug}.example.fi/",
            "email": f"info@{slug}.example.fi",
            "social_links": [],
            "is_demo": True,
        }
        result.append((slug, field_slug, code, texts, common, themes))
    return result


def _links(field_slug, theme_slugs, fields, themes):
    return {
        "field_links": [AssociationFieldLink(field=fields[field_slug], sort_order=0)],
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
        for slug, field_slug, _code, texts, common, theme_slugs in everyone:
            common = {**common, **_links(field_slug, theme_slugs, fields, themes)}
            pages.append(ensure_page(index, AssociationPage, slug, texts, common))
    seed_memberships(pages)
    out.write(f"Associations: {len(pages)} demo associations in fi/sv/en.\n")
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
