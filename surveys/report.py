"""The surveys' part of the yearly report: the training wishes of each year, per theme and per
sub-region (from `surveys.reports.training_wishes`, which the report's readers may also call
directly)."""

from django.utils.translation import gettext as _

from core import reports
from core.regions import SubRegion

from .reports import training_wishes


@reports.register
class TrainingWishesSection(reports.Section):
    key, order = "training_wishes", 30

    def title(self):
        return _("Training wishes")

    def tables(self, years):
        wishes = [training_wishes(year) for year in years]
        themes = list(dict.fromkeys(theme for w in wishes for theme in w.by_theme))
        by_theme = [
            reports.Row(theme, [w.by_theme.get(theme, 0) for w in wishes]) for theme in themes
        ]
        regions = [*SubRegion.choices, ("", _("No association named"))]
        return [
            reports.Table(
                _("By theme"),
                _("Theme"),
                by_theme,
                unit=_("wishes"),
                # One answer may wish for several themes.
                total=False,
            ),
            reports.Table(
                _("By sub-region"),
                _("Sub-region"),
                reports.rows_from_counts(regions, [w.by_sub_region for w in wishes]),
                unit=_("answers"),
            ),
        ]
