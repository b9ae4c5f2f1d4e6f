"""Reads that the catalogue's views, its calendar feeds and its emails share: the themes and
organisers a language offers as filters, and a training's themes and organisers in its own
language. The queries of one table are its queryset's (`querysets.py`); these join several."""

from django.core.cache import cache
from django.db.models import Q

from associations.models import AssociationPage, NetworkPage
from calendars.http import current_generation

from .models import Theme, TrainingCoOrganiser, TrainingNetwork, TrainingPage

# Entries of an older content generation are never read again; they age out after this.
ORGANISERS_TIMEOUT = 24 * 60 * 60


def organising_associations(locale):
    """The live association profiles of a language that organise or co-organise a live
    training, keyed by slug (the organiser filter's values): one query over every training,
    so its answer is cached until published content changes."""
    key = f"catalogue:organisers:{locale}:{current_generation()}"
    found = cache.get(key)
    if found is None:
        found = _organising_associations(locale)
        cache.set(key, found, ORGANISERS_TIMEOUT)
    return found


def _organising_associations(locale):
    keys = TrainingPage.objects.live().values("organiser__translation_key")
    co_keys = TrainingCoOrganiser.objects.filter(page__live=True).values(
        "organiser__translation_key"
    )
    associations = (
        AssociationPage.objects.live()
        .filter(locale=locale)
        .filter(Q(translation_key__in=keys) | Q(translation_key__in=co_keys))
        .only("title", "slug", "url_path", "locale_id")
        .order_by("title")
    )
    return {association.slug: association for association in associations}


def taxonomy(locale, *, themes=True, organisers=True):
    """The themes and the organising associations of a language, keyed by slug (two queries);
    either left empty when not asked for (a feed URL without that filter needs no names)."""
    return (
        {theme.slug: theme for theme in Theme.objects.filter(locale=locale)} if themes else {},
        organising_associations(locale) if organisers else {},
    )


def networks(locale):
    """The live networks of a language, keyed by slug (the network filter's values; a
    network's slug is the same in every language): one query, cached until published content
    changes, as the organisers are."""
    key = f"catalogue:networks:{locale}:{current_generation()}"
    found = cache.get(key)
    if found is None:
        found = {
            network.slug: network
            for network in NetworkPage.objects.live()
            .filter(locale=locale)
            .only("title", "slug", "url_path", "locale_id")
            .order_by("title")
        }
        cache.set(key, found, ORGANISERS_TIMEOUT)
    return found


def localized_organisers(page):
    """(organiser, co-organisers): the association profiles in the page's language (the
    synchronised relation points to the Finnish source), in one query; the organiser is None
    if the training has none."""
    links = list(page.co_organiser_links.select_related("organiser"))
    sources = ([page.organiser] if page.organiser_id else []) + [link.organiser for link in links]
    localized = {
        association.translation_key: association
        for association in AssociationPage.objects.filter(
            translation_key__in=[source.translation_key for source in sources],
            locale_id=page.locale_id,
        ).live()
    }

    def shown(source):
        return localized.get(source.translation_key, source)

    organiser = shown(page.organiser) if page.organiser_id else None
    return organiser, [shown(link.organiser) for link in links]


def localized_networks(page):
    """The networks whose meeting the training is, in the page's language (live ones)."""
    # From the database, not the page's own relation: a preview holds the edited, unsaved one.
    keys = TrainingNetwork.objects.filter(page_id=page.pk).values("network__translation_key")
    return list(
        NetworkPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, translation_key__in=keys)
        .only("title", "url_path", "locale_id")
        .order_by("title")
    )


def localized_themes(page):
    """The training's themes in its language, or its source themes if none is translated."""
    keys = [link.theme.translation_key for link in page.theme_links.select_related("theme")]
    return list(Theme.objects.filter(translation_key__in=keys, locale_id=page.locale_id)) or [
        link.theme for link in page.theme_links.all()
    ]


def localized_names(page):
    """(theme names, organiser name) of a training in the page's language."""
    keys = [link.theme.translation_key for link in page.theme_links.all()]
    names = dict(
        Theme.objects.filter(translation_key__in=keys, locale_id=page.locale_id).values_list(
            "translation_key", "name"
        )
    )
    themes = [
        names.get(link.theme.translation_key, link.theme.name) for link in page.theme_links.all()
    ]
    if not page.organiser_id:
        return themes, page.external_organiser_name or None
    organiser = (
        AssociationPage.objects.filter(
            translation_key=page.organiser.translation_key, locale_id=page.locale_id
        )
        .live()
        .only("title")
        .first()
        or page.organiser
    )
    return themes, organiser.title
