"""Print the md5 of every feed the current database serves, one `md5  URL` line each.

A refactoring that must not change what subscribers receive is checked by running this
before and after on the same database (copy the SQLite file, migrate the copy) and diffing:

    .venv/bin/python scripts/feed_checksums.py > before.txt
    ... change the code, `manage.py migrate` ...
    .venv/bin/python scripts/feed_checksums.py > after.txt && diff before.txt after.txt

It asks through Django's test client, so no server needs to run; caches are bypassed by
clearing them first.
"""

import hashlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "meidanhame.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.test import Client  # noqa: E402

from calendars.models import SavedFeed  # noqa: E402
from catalogue.models import TrainingPage  # noqa: E402
from funding.models import FundingIndexPage, FundingOpportunityPage  # noqa: E402
from lending.models import EquipmentPage, OwnerFeedToken, SpacePage  # noqa: E402

LANGUAGES = [code for code, _name in settings.LANGUAGES]
CATALOGUE_QUERIES = [
    "",
    "?municipality=hameenlinna",
    "?kind=course&language=fi",
    "?format=online",
    "?language=sv",
    "?free=1",
]


def feed_paths():
    for language in LANGUAGES:
        for query in CATALOGUE_QUERIES:
            yield f"/{language}/calendar/trainings.ics{query}"
        for saved in SavedFeed.objects.order_by("token"):
            yield f"/{language}/calendar/s/{saved.token}.ics"
    for uid in TrainingPage.objects.live().order_by("uid").values_list("uid", flat=True).distinct():
        for language in LANGUAGES:
            yield f"/{language}/calendar/training/{uid}.ics"
    for index in FundingIndexPage.objects.live().order_by("pk"):
        language = index.locale.language_code
        yield f"/{language}/funding/{index.pk}/deadlines.ics"
        yield f"/{language}/funding/{index.pk}/opportunities.csv"
    opportunities = FundingOpportunityPage.objects.live().order_by("uid")
    for uid in opportunities.values_list("uid", flat=True).distinct():
        for language in LANGUAGES:
            yield f"/{language}/funding/opportunity/{uid}.ics"
    for model in (SpacePage, EquipmentPage):
        lendables = model.objects.live().order_by("translation_key")
        for key in lendables.values_list("translation_key", flat=True).distinct():
            for language in LANGUAGES:
                yield f"/{language}/calendar/lending/{key}.ics"
    for token in OwnerFeedToken.objects.filter(revoked_at=None).order_by("token"):
        yield f"/fi/calendar/lending/owner/{token.token}.ics"
    for language in LANGUAGES:
        yield f"/{language}/"
    yield "/sitemap.xml"


def main():
    client = Client(HTTP_HOST=settings.BASE_URL.split("://", 1)[1])
    for path in feed_paths():
        for cache in caches.all():
            cache.clear()
        response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        print(f"{hashlib.md5(body).hexdigest()}  {response.status_code}  {path}")


if __name__ == "__main__":
    main()
