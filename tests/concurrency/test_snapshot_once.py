"""The 1 January snapshot is taken once even when several workers run it at the same instant
(two timers, a retry, someone running the command by hand): the unique year lets one insert
in and the others read the row that won. Runs in its own pytest invocation, since it commits.
"""

import pytest

from wagtail.models import Locale, Page

from associations.models import AssociationIndexPage, AssociationPage, DirectorySnapshot
from associations.statistics import take_snapshot
from home.models import HomePage

from .threads import run_together

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 8
YEAR = 2040  # no demo snapshot has it


@pytest.fixture
def directory():
    """A directory with an association in Ypäjä and one in Loppi at least; a transactional
    test starts from a flushed database (the previous one's flush removes even the
    migrations' rows)."""
    fi, _ = Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage.objects.filter(locale=fi).first() or root.add_child(
        instance=HomePage(title="Meidän Häme", slug="kotisivu", hero_title="Meidän Häme", locale=fi)
    )
    index = home.add_child(
        instance=AssociationIndexPage(title="Yhdistykset", slug="kilpa-hakemisto", locale=fi)
    )
    for slug, municipality in (("ypajan-hevosystavat", "ypaja"), ("lopen-vpk", "loppi")):
        index.add_child(
            instance=AssociationPage(
                title=slug.replace("-", " ").capitalize(),
                slug=slug,
                summary="Yhdistys testejä varten.",
                municipality=municipality,
                languages=["fi"],
                locale=fi,
            )
        )
    return index


def test_workers_taking_the_same_year_at_once_keep_one_snapshot(directory):
    # The first transactional test still sees the demo's directory: count what is there.
    listed = AssociationPage.objects.live().public().filter(locale__language_code="fi")
    total, in_ypaja = listed.count(), listed.filter(municipality="ypaja").count()
    riihimaki_region = listed.filter(municipality__in=["riihimaki", "hausjarvi", "loppi"]).count()
    outcomes = []

    def work(i):
        snapshot, created = take_snapshot(YEAR)
        outcomes.append((snapshot.pk, created))

    errors = run_together(WORKERS, work)

    assert errors == []
    assert DirectorySnapshot.objects.filter(year=YEAR).count() == 1
    snapshot = DirectorySnapshot.objects.get(year=YEAR)
    assert len(outcomes) == WORKERS
    assert [created for _, created in outcomes].count(True) == 1
    assert {pk for pk, _ in outcomes} == {snapshot.pk}
    assert snapshot.total == total
    assert snapshot.by_municipality["ypaja"] == in_ypaja >= 1
    assert snapshot.by_sub_region["riihimaki-seutu"] == riihimaki_region >= 1
