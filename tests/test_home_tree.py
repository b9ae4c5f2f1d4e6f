"""The page tree of the whole site, through Wagtail's own assertions: for every page type, the
types it may sit under and the types it may hold, and so where an editor can create what."""

from wagtail.models import Locale, Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from associations.models import (
    AssociationIndexPage,
    AssociationPage,
    NetworkIndexPage,
    NetworkPage,
)
from board.models import BoardIndexPage, BoardListingPage
from catalogue.models import TrainingIndexPage, TrainingPage
from crisis.models import ReadinessGuidePage, SituationIndexPage, SituationPage
from funding.models import FundingGuidePage, FundingIndexPage, FundingOpportunityPage
from home.models import (
    AccessibilityStatementPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from lending.models import EquipmentIndexPage, EquipmentPage, SpaceIndexPage, SpacePage
from practices.models import GoodPracticeIndexPage, GoodPracticePage
from reports.models import YearlyReportPage
from surveys.models import SurveyPage

# Every page type of the site: the types it may sit under, and the types it may hold.
TREE = {
    HomePage: (
        {Page},
        {
            StandardPage,
            NewsIndexPage,
            AccessibilityStatementPage,
            AssociationIndexPage,
            NetworkIndexPage,
            TrainingIndexPage,
            FundingIndexPage,
            SpaceIndexPage,
            EquipmentIndexPage,
            SituationIndexPage,
            YearlyReportPage,
            BoardIndexPage,
            GoodPracticeIndexPage,
            SurveyPage,
        },
    ),
    StandardPage: ({HomePage, StandardPage}, {StandardPage, YearlyReportPage}),
    YearlyReportPage: ({HomePage, StandardPage}, set()),
    NewsIndexPage: ({HomePage}, {NewsPage}),
    NewsPage: ({NewsIndexPage}, set()),
    AccessibilityStatementPage: ({HomePage}, set()),
    AssociationIndexPage: ({HomePage}, {AssociationPage}),
    AssociationPage: ({AssociationIndexPage}, set()),
    NetworkIndexPage: ({HomePage}, {NetworkPage}),
    NetworkPage: ({NetworkIndexPage}, set()),
    TrainingIndexPage: ({HomePage}, {TrainingPage}),
    TrainingPage: ({TrainingIndexPage}, set()),
    FundingIndexPage: ({HomePage}, {FundingOpportunityPage, FundingGuidePage}),
    FundingOpportunityPage: ({FundingIndexPage}, set()),
    FundingGuidePage: ({FundingIndexPage}, set()),
    SpaceIndexPage: ({HomePage}, {SpacePage}),
    SpacePage: ({SpaceIndexPage}, set()),
    EquipmentIndexPage: ({HomePage}, {EquipmentPage}),
    EquipmentPage: ({EquipmentIndexPage}, set()),
    SituationIndexPage: ({HomePage}, {SituationPage, ReadinessGuidePage}),
    SituationPage: ({SituationIndexPage}, set()),
    ReadinessGuidePage: ({SituationIndexPage}, set()),
    BoardIndexPage: ({HomePage}, {BoardListingPage}),
    BoardListingPage: ({BoardIndexPage}, set()),
    GoodPracticeIndexPage: ({HomePage}, {GoodPracticePage}),
    GoodPracticePage: ({GoodPracticeIndexPage}, set()),
    SurveyPage: ({HomePage}, set()),
}


class SiteTreeTests(WagtailPageTestCase):
    def test_every_page_type_of_the_site_is_described(self):
        self.assertEqual(set(get_page_models()) - {Page}, set(TREE))

    def test_allowed_parent_page_types(self):
        for page_class, (parents, _children) in TREE.items():
            with self.subTest(page_class.__name__):
                self.assertAllowedParentPageTypes(page_class, parents)

    def test_allowed_subpage_types(self):
        for page_class, (_parents, children) in TREE.items():
            with self.subTest(page_class.__name__):
                self.assertAllowedSubpageTypes(page_class, children)

    def test_each_page_type_can_be_created_under_its_parents_and_nowhere_else(self):
        for parent_class, (_parents, children) in TREE.items():
            for child_class in TREE:
                with self.subTest(parent=parent_class.__name__, child=child_class.__name__):
                    if child_class in children:
                        self.assertCanCreateAt(parent_class, child_class)
                    else:
                        self.assertCanNotCreateAt(parent_class, child_class)

    def test_a_home_page_holds_one_accessibility_statement_and_one_situation_index(self):
        """The demo's Finnish home page has both already: a second of either is refused, while
        the other sections can be added again."""
        home = HomePage.objects.get(locale=Locale.objects.get(language_code="fi"))
        self.assertFalse(AccessibilityStatementPage.can_create_at(home))
        self.assertFalse(SituationIndexPage.can_create_at(home))
        for index_class in (TrainingIndexPage, FundingIndexPage, AssociationIndexPage):
            with self.subTest(index_class.__name__):
                self.assertTrue(index_class.can_create_at(home))
