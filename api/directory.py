"""Places, keywords, languages and organisations in the Linked Events v1 shape."""

from django.utils import translation
from django.utils.translation import gettext as _

from associations.filters import parse_filters
from associations.models import (
    AssociationIndexPage,
    AssociationPage,
    CooperationTheme,
    FieldOfActivity,
)
from core.languages import Language

from .events import default_locale
from .http import BadParameters
from .links import PREFIX, api_url, language_versions, strip_prefix
from .pagination import envelope, paginated, read_page, window
from .places import places_by_id, public_place
from .taxonomy import keyword_objects

ORGANISATION_FIELDS = (
    "title",
    "slug",
    "url_path",
    "locale_id",
    "translation_key",
    "summary",
    "municipality",
    "welfare_areas",
    "target_groups",
    "can_offer",
    "last_published_at",
)
ORGANISATION_PARAMS = (
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


def place_list(request):
    places = sorted(places_by_id(default_locale()).values(), key=lambda p: p["id"])
    return paginated(request, "place/", [public_place(place) for place in places])


def place_detail(request, place_id):
    place = places_by_id(default_locale()).get(place_id)
    return public_place(place) if place else None


def keyword_list(request):
    return paginated(request, "keyword/", list(keyword_objects(default_locale()).values()))


def keyword_detail(request, keyword_id):
    slug = strip_prefix(keyword_id)
    return keyword_objects(default_locale()).get(slug) if slug else None


def _language(code, label):
    names = {}
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            names[language] = str(label)
    return {
        "id": code,
        "@id": api_url(f"language/{code}/"),
        "@context": "http://schema.org",
        "@type": "Language",
        "translation_available": code in ("fi", "sv", "en"),
        "name": names,
    }


def language_list(request):
    return paginated(
        request, "language/", [_language(code, label) for code, label in Language.choices]
    )


def language_detail(request, code):
    labels = dict(Language.choices)
    return _language(code, labels[code]) if code in labels else None


# ---------------------------------------------------------------------------------------------
# Organisations: the directory of associations


def organisation_list(request):
    """The directory's profiles for the same filters as its page (`associations.filters`)."""
    locale = default_locale()
    problems = [
        _("Unknown parameter “%(name)s”.") % {"name": name[:60]}
        for name in request.GET
        if name not in ("page", "page_size", *ORGANISATION_PARAMS)
    ]
    page, size = read_page(request.GET, problems)
    filters = parse_filters(
        request.GET,
        field_slugs=FieldOfActivity.objects.filter(locale=locale).values_list("slug", flat=True),
        theme_slugs=CooperationTheme.objects.filter(locale=locale).values_list("slug", flat=True),
    )
    problems.extend(filters.problems)
    if problems:
        raise BadParameters(problems)
    directory = AssociationIndexPage.objects.filter(locale=locale).first()
    listed = AssociationPage.objects.listed(locale.pk)
    if directory is not None:
        listed = listed.child_of(directory)
    rows = filters.apply(listed).only(*ORGANISATION_FIELDS)
    count = rows.count()
    first, pages = window(count, page, size)
    organisations = list(rows[first : first + size])
    data = OrganisationWriter(request).organisations(organisations)
    return envelope(request, "organization/", count, page, pages, data)


def organisation_detail(request, organisation_id):
    slug = strip_prefix(organisation_id)
    if not slug:
        return None
    association = (
        AssociationPage.objects.listed(default_locale().pk)
        .filter(slug=slug)
        .only(*ORGANISATION_FIELDS)
        .first()
    )
    return OrganisationWriter(request).organisations([association])[0] if association else None


class OrganisationWriter:
    """Profiles as Linked Events organisations, names and addresses in every language in two
    queries for the whole page. Only what the public profile shows; nothing personal."""

    def __init__(self, request):
        self.request = request

    def organisations(self, associations):
        if not associations:
            return []
        versions, urls = language_versions(
            AssociationPage, associations, self.request, fields=("can_offer",)
        )
        return [self._organisation(a, versions[a.pk], urls) for a in associations]

    def _organisation(self, association, versions, urls):
        identifier = f"{PREFIX}:{association.slug}"
        return {
            "id": identifier,
            "@id": api_url(f"organization/{identifier}/"),
            "@context": "http://schema.org",
            "@type": "Organization",
            "data_source": PREFIX,
            "classification": "association",
            "name": {code: page.title for code, page in versions.items()},
            "description": {code: page.summary for code, page in versions.items()},
            "info_url": {code: urls[page.pk] for code, page in versions.items()},
            "municipality": association.municipality,
            # Beyond Linked Events: where the work stands in the region's welfare description,
            # whom it is for, and what the association offers others (as on the profile).
            "welfare_areas": association.welfare_areas,
            "target_groups": association.target_groups,
            "can_offer": {
                code: page.can_offer for code, page in versions.items() if page.can_offer
            },
            "parent_organization": None,
            "sub_organizations": [],
            "affiliated_organizations": [],
            "is_affiliated": False,
            "replaced_by": None,
            "has_user_editable_resources": False,
            "last_modified_time": association.last_published_at,
            "events": api_url(f"event/?publisher={identifier}"),
        }
