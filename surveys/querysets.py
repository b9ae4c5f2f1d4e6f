"""Queries on survey answers that the results, the exports, the yearly report's figures and
the retention command share. Imports no model of the app (they reach it through `self.model`)."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone


class SurveyAnswerQuerySet(models.QuerySet):
    def of_survey(self, page):
        """The answers of a survey in every language (they are kept on its source page)."""
        return self.filter(page=page.source_page)

    def submitted_in(self, year):
        zone = timezone.get_current_timezone()
        start = datetime.datetime(year, 1, 1, tzinfo=zone)
        end = datetime.datetime(year + 1, 1, 1, tzinfo=zone)
        return self.filter(submit_time__gte=start, submit_time__lt=end)

    def holding_personal_data(self):
        return self.filter(personal_data_removed_at__isnull=True)

    def past_retention(self, cutoff):
        """Answers whose survey closed before `cutoff`; for a survey that stays open (the
        training-wish form), answers given before it."""
        return self.holding_personal_data().filter(
            Q(page__surveypage__closes_at__lt=cutoff)
            | Q(page__surveypage__closes_at__isnull=True, submit_time__lt=cutoff)
        )
