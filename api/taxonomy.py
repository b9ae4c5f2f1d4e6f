"""The catalogue's themes as Linked Events keywords, with the YSO concepts mapped to them."""

from django.conf import settings

from catalogue.models import Theme
from sources.models import KeywordTheme

from .links import PREFIX, api_url, strip_prefix

YSO = "yso:"


def keyword_objects(locale):
    """{slug: keyword} for every theme of the default language, names in every language and
    the YSO ids that the sources map to it (two queries)."""
    themes = list(Theme.objects.select_related("locale").order_by("sort_order", "name"))
    names = {}
    for theme in themes:
        names.setdefault(theme.translation_key, {})[theme.locale.language_code] = theme.name
    yso = {}
    for keyword, key in KeywordTheme.objects.filter(keyword__startswith=YSO).values_list(
        "keyword", "theme__translation_key"
    ):
        yso.setdefault(key, []).append(keyword)
    return {
        theme.slug: _keyword(theme, names[theme.translation_key], yso.get(theme.translation_key))
        for theme in themes
        if theme.locale_id == locale.pk
    }


def _keyword(theme, names, yso_ids):
    identifier = f"{PREFIX}:{theme.slug}"
    return {
        "id": identifier,
        "@id": api_url(f"keyword/{identifier}/"),
        "@context": "http://schema.org",
        "@type": "Keyword",
        "data_source": PREFIX,
        "name": {code: names[code] for code in ("fi", "sv", "en") if code in names},
        "alt_labels": [],
        "aggregate": False,
        "deprecated": False,
        "yso_ids": sorted(yso_ids or []),
        "default_language": settings.LANGUAGE_CODE,
    }


def theme_slug_of(keyword, locale_pk):
    """The theme slug a keyword id names (`meidanhame:<slug>` or a mapped YSO id), or None."""
    slug = strip_prefix(keyword)
    if slug is not None:
        return slug if Theme.objects.filter(slug=slug, locale_id=locale_pk).exists() else None
    if keyword.startswith(YSO):
        return (
            KeywordTheme.objects.filter(keyword=keyword.casefold(), theme__locale_id=locale_pk)
            .values_list("theme__slug", flat=True)
            .first()
        )
    return None
