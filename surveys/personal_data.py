"""A person's signed survey answers, for the data download and account deletion (the
registry is `accounts.personal_data`). Anonymous answers hold nothing of anyone."""

from accounts import personal_data

from . import services
from .models import SurveyAnswer


@personal_data.register
class SurveyAnswers(personal_data.Provider):
    key = "survey_answers"

    def export(self, user):
        answers = SurveyAnswer.objects.filter(user=user).select_related("page", "association")
        return [
            {
                "survey": answer.page.title,
                "association": answer.association.title if answer.association_id else "",
                "answered_at": answer.submit_time,
                "answers": answer.form_data,
            }
            for answer in answers
        ] or None

    def erase(self, user):
        """The answer stays for the survey's figures, without the person or what they wrote."""
        services.forget_person(user)
