"""Surveys: members answer for their association once, anonymous surveys keep nobody, closed
and not-yet-open surveys show a message instead of the form, editors read the results as
tables, charts, CSV and XLSX (members never do), personal data goes after the retention
period, and the training-wish form feeds the yearly report's figures."""

import csv
import datetime
import io
import json
import re

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.users.models import UserProfile

from associations.models import AssociationPage, Membership, MembershipStatus
from associations.permissions import associations_of
from core import reports as core_reports
from core.demo_support import ensure_page
from surveys import demo, services
from surveys.models import AnswerMode, SurveyAnswer, SurveyField, SurveyPage
from surveys.reports import training_wishes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
User = get_user_model()

STRATEGY = "/{lang}/mita-yhdistyksesi-tarvitsee/"
THEMES_FIELD = "millaista_koulutusta_yhdistyksenne_tarvitsee"
SCALE_FIELD = "kuinka_tarkeaa_yhteistyo_muiden_yhdistysten_kanssa_on_teille"
INFORMED_FIELD = "miten_haluatte_ensisijaisesti_saada_tietoa_neuvottelukunnalta"
COMMENT_FIELD = "mita_muuta_haluatte_sanoa_neuvottelukunnalle"
ASSOCIATION_FIELD = "mita_yhdistysta_edustat"


def strategy_survey(lang="fi"):
    return SurveyPage.objects.get(slug="mita-yhdistyksesi-tarvitsee", locale__language_code=lang)


def strategy_answer(association, **changes):
    data = {
        ASSOCIATION_FIELD: str(association.pk),
        THEMES_FIELD: ["Talous ja kirjanpito", "Rahoitushaut"],
        SCALE_FIELD: "4",
        INFORMED_FIELD: "Sähköinen uutiskirje",
        COMMENT_FIELD: "Toivomme iltakoulutuksia Lopella.",
    }
    data.update(changes)
    return data


@pytest.fixture
def editor(users):
    """The demo editor, with the admin in English for the asserted words."""
    profile = UserProfile.get_for_user(users["editor"])
    profile.preferred_language = "en"
    profile.save()
    return users["editor"]


@pytest.fixture
def member(users):
    return users["member"]


@pytest.fixture
def association_a(member):
    return associations_of(member).first()


@pytest.fixture
def other_member(db):
    """A member of an association the demo member does not belong to."""
    user = User.objects.create_user("kaisa@example.fi", "kaisa@example.fi", "kesa-ilta-2026!")
    answered = SurveyAnswer.objects.filter(page=strategy_survey()).values("association_id")
    association = (
        AssociationPage.objects.filter(locale__language_code="fi", is_demo=True)
        .exclude(pk__in=answered)
        .exclude(memberships__user__username="member")
        .first()
    )
    Membership.objects.create(user=user, association=association, status=MembershipStatus.ACTIVE)
    return user


def make_survey(home, slug, answer_mode, questions, **common):
    texts = {"fi": {"title": f"Kysely {slug}", "intro": "", "form_fields": questions()}}
    page = ensure_page(home, SurveyPage, slug, texts, {"answer_mode": answer_mode, **common})
    return SurveyPage.objects.get(pk=page.pk)


def simple_questions():
    return [
        SurveyField(sort_order=0, label="Arvosana", field_type="scale", required=True),
        SurveyField(sort_order=1, label="Terveiset", field_type="multiline", required=False),
    ]


# Answering once per association -------------------------------------------------------------


def test_member_answers_for_their_association_and_a_second_answer_is_refused(
    client, member, association_a
):
    client.force_login(member)
    url = STRATEGY.format(lang="en")
    form_page = client.get(url).content.decode()
    assert 'class="form survey-form"' in form_page
    assert f'value="{association_a.pk}"' in form_page
    # The scale is a radio group in a fieldset whose legend is the question.
    assert re.search(
        r"<fieldset[^>]*survey-question--scale[^>]*>\s*<legend>How important", form_page
    )

    english = {
        THEMES_FIELD: ["Finances and bookkeeping", "Applying for funding"],
        INFORMED_FIELD: "Email newsletter",
    }
    response = client.post(url, strategy_answer(association_a, **english))
    assert response.status_code == 200
    assert "Thank you for your answers" in response.content.decode()
    answer = SurveyAnswer.objects.get(page=strategy_survey(), association=association_a)
    assert answer.user == member
    assert answer.sub_region == association_a.sub_region
    # Answered in English, stored in the source page's wording.
    assert answer.form_data[THEMES_FIELD] == ["Talous ja kirjanpito", "Rahoitushaut"]

    again = client.post(url, strategy_answer(association_a, **english, **{SCALE_FIELD: "1"}))
    assert f"{association_a.title} has already answered this survey" in again.content.decode()
    assert (
        SurveyAnswer.objects.filter(page=strategy_survey(), association=association_a).count() == 1
    )


def test_a_member_of_another_association_can_still_answer(
    client, member, association_a, other_member
):
    client.force_login(member)
    client.post(STRATEGY.format(lang="fi"), strategy_answer(association_a))
    client.force_login(other_member)
    theirs = associations_of(other_member).first()
    response = client.post(STRATEGY.format(lang="fi"), strategy_answer(theirs))
    assert response.status_code == 200
    assert SurveyAnswer.objects.filter(page=strategy_survey(), association=theirs).count() == 1


def test_a_member_cannot_answer_for_an_association_they_do_not_belong_to(
    client, member, other_member
):
    client.force_login(member)
    theirs = associations_of(other_member).first()
    response = client.post(STRATEGY.format(lang="en"), strategy_answer(theirs))
    assert "Select a valid choice" in response.content.decode()
    assert not SurveyAnswer.objects.filter(association=theirs).exists()


def test_two_answers_arriving_at_once_leave_one_and_refuse_the_other(
    member, association_a, monkeypatch
):
    page = strategy_survey()
    SurveyAnswer.objects.create(
        page=page, form_data={}, association=association_a, one_per_association=True
    )
    # The database holds the rule even when the check before the insert saw nothing.
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyAnswer.objects.create(
            page=page, form_data={}, association=association_a, one_per_association=True
        )
    monkeypatch.setattr(services, "already_answered", lambda page, association: False)
    form = page.get_form(strategy_answer(association_a), page=page, user=member)
    assert form.is_valid(), form.errors
    with pytest.raises(services.AnswerRefused, match="has already answered"):
        services.submit(page, form, member)
    assert SurveyAnswer.objects.filter(page=page, association=association_a).count() == 1


def test_swedish_answers_count_in_the_finnish_wording(client, member, association_a):
    client.force_login(member)
    response = client.post(
        STRATEGY.format(lang="sv"),
        strategy_answer(
            association_a,
            **{
                THEMES_FIELD: ["Rekrytering av frivilliga"],
                INFORMED_FIELD: "Sociala medier",
                COMMENT_FIELD: "Vi önskar material på svenska.",
            },
        ),
    )
    assert response.status_code == 200
    answer = SurveyAnswer.objects.get(association=association_a)
    assert answer.page_id == strategy_survey("fi").pk
    assert answer.form_data[THEMES_FIELD] == ["Vapaaehtoisten rekrytointi"]
    assert answer.form_data[INFORMED_FIELD] == "Sosiaalinen media"
    assert answer.language == "sv"


def test_visitors_must_log_in_to_answer_a_signed_survey(client):
    html = client.get(STRATEGY.format(lang="en")).content.decode()
    assert "Please log in to answer this survey." in html
    assert "survey-form" not in html
    assert client.post(STRATEGY.format(lang="en"), {}).status_code == 403


# Anonymous surveys, dates -------------------------------------------------------------------


def test_anonymous_survey_stores_no_user_or_association(client, home, member):
    page = make_survey(home, "nimeton", AnswerMode.ANONYMOUS, simple_questions)
    client.force_login(member)
    response = client.post(page.url, {"arvosana": "5", "terveiset": "Hyvä sivusto"})
    assert response.status_code == 200
    answer = SurveyAnswer.objects.get(page=page)
    assert answer.user is None and answer.association is None
    assert answer.sub_region == "" and answer.language == ""
    assert answer.form_data == {"arvosana": "5", "terveiset": "Hyvä sivusto"}


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (-10, -1, "Kysely on sulkeutunut."),
        (3, 10, "Kysely avautuu"),
    ],
)
def test_closed_and_not_yet_open_surveys_show_a_message_never_the_form(
    client, home, opens, closes, message
):
    now = timezone.now()
    page = make_survey(
        home,
        "ajoitettu",
        AnswerMode.ANONYMOUS,
        simple_questions,
        opens_at=now + datetime.timedelta(days=opens),
        closes_at=now + datetime.timedelta(days=closes),
    )
    html = client.get(page.url).content.decode()
    assert message in html
    assert "<form" not in html.split("<main", 1)[1].split("</main>")[0]
    response = client.post(page.url, {"arvosana": "3"})
    assert response.status_code == 403
    assert not SurveyAnswer.objects.filter(page=page).exists()


def test_a_per_association_survey_needs_one_association_question(home):
    page = SurveyPage(title="Kysely", slug="k", answer_mode=AnswerMode.PER_ASSOCIATION)
    page.form_fields = simple_questions()
    with pytest.raises(Exception, match="exactly one"):
        page.clean()


# Results for editors --------------------------------------------------------------------------


def table_figures(html):
    """{(question, answer): (count, share)} from the results page's tables."""
    figures = {}
    for section in re.findall(
        r"<section class=\"survey-question-result\".*?</section>", html, re.S
    ):
        question = re.search(r"<h2[^>]*>(.*?)</h2>", section, re.S).group(1).strip()
        for label, count, share in re.findall(
            r"<tr><th scope=\"row\">(.*?)</th><td>(\d+)</td><td>([\d.]+) %</td></tr>", section
        ):
            figures[(question, label)] = (int(count), float(share))
    return figures


def test_results_page_and_its_csv_and_xlsx_show_the_same_figures(client, editor):
    page = strategy_survey()
    client.force_login(editor)
    html = client.get(f"/admin/surveys/{page.pk}/results/").content.decode()
    figures = table_figures(html)
    count = SurveyAnswer.objects.filter(page=page).count()
    assert count >= 40 and f"{count} answers" in html
    themes_label = "Millaista koulutusta yhdistyksenne tarvitsee?"
    expected = sum(
        "Talous ja kirjanpito" in a.form_data[THEMES_FIELD]
        for a in SurveyAnswer.objects.filter(page=page)
    )
    assert figures[(themes_label, "Talous ja kirjanpito")][0] == expected
    # The chart: a figure whose SVG is an image named by its caption, the table beside it.
    assert re.search(r'<svg [^>]*role="img" aria-labelledby="question-2-caption"', html)
    assert '<figcaption id="question-2-caption">' in html
    # Free-text answers are listed.
    assert "Rahoitushakujen aikataulut voisi koota yhteen kalenteriin." in html

    csv_response = client.get(f"/admin/surveys/{page.pk}/results/summary.csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Question", "Answer", "Count", "Share (%)"]
    from_csv = {(r[0], r[1]): (int(r[2]), float(r[3])) for r in rows[1:] if r[3]}
    assert from_csv == figures

    xlsx = client.get(f"/admin/surveys/{page.pk}/results/summary.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    from_xlsx = {
        (r[0], r[1]): (int(r[2]), float(r[3]))
        for r in sheet.iter_rows(min_row=2, values_only=True)
        if r[3] is not None
    }
    assert from_xlsx == figures

    answers = client.get(f"/admin/surveys/{page.pk}/results/answers.xlsx")
    answer_rows = list(
        load_workbook(io.BytesIO(answers.content)).active.iter_rows(values_only=True)
    )
    assert len(answer_rows) == count + 1
    assert answer_rows[0][:3] == ("Answered", "Association", "Sub-region")


def test_members_and_visitors_never_see_the_results(client, member, association_a):
    page = strategy_survey()
    client.force_login(member)
    client.post(STRATEGY.format(lang="fi"), strategy_answer(association_a))
    for url in (
        f"/admin/surveys/{page.pk}/results/",
        f"/admin/surveys/{page.pk}/results/summary.csv",
        f"/admin/surveys/{page.pk}/results/answers.xlsx",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Talous ja kirjanpito" not in response.content
    client.logout()
    assert client.get(f"/admin/surveys/{page.pk}/results/").status_code == 302


def test_editors_find_the_results_from_the_page(client, editor):
    page = strategy_survey()
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/surveys/{page.pk}/results/" in html


# Retention ------------------------------------------------------------------------------------


def test_after_the_retention_period_the_person_goes_and_the_counts_stay(client, editor):
    page = strategy_survey()
    before = table_figures_for(client, editor, page)
    SurveyPage.objects.filter(translation_key=page.translation_key).update(
        opens_at=timezone.now() - datetime.timedelta(days=200),
        closes_at=timezone.now() - datetime.timedelta(days=100),
    )
    out = io.StringIO()
    call_command("purge_survey_answers", "--days", "90", stdout=out)
    answers = SurveyAnswer.objects.filter(page=page)
    # The survey's answers, and the training-wish answers given more than 90 days ago.
    emptied = int(re.search(r"Emptied (\d+) survey answers", out.getvalue()).group(1))
    assert emptied >= answers.count() >= 40
    assert not answers.filter(association__isnull=False).exists()
    assert not answers.filter(user__isnull=False).exists()
    assert all(a.form_data[COMMENT_FIELD] == "" for a in answers)
    assert table_figures_for(client, editor, page) == before


def table_figures_for(client, editor, page):
    client.force_login(editor)
    return table_figures(client.get(f"/admin/surveys/{page.pk}/results/").content.decode())


def test_an_open_survey_keeps_its_answers_through_the_purge(member, association_a):
    SurveyAnswer.objects.create(
        page=strategy_survey(), form_data={}, user=member, association=association_a
    )
    call_command("purge_survey_answers", "--days", "0", stdout=io.StringIO())
    assert SurveyAnswer.objects.filter(user=member, association=association_a).exists()


# The training-wish form and the yearly report -------------------------------------------------


def test_training_wishes_are_counted_per_theme_and_sub_region(client, member, association_a):
    year = timezone.localdate().year
    before = training_wishes(year)
    assert before.answers >= 10
    client.force_login(member)
    response = client.post(
        "/en/koulutustoiveet/",
        {
            "minka_yhdistyksen_puolesta_vastaat": str(association_a.pk),
            "mista_aiheista_toivotte_koulutusta": ["Applying for funding"],
            "miten_osallistuisitte_mieluiten": "Online",
            "kertokaa_toiveistanne_omin_sanoin": "Säätiöhaut syksyllä",
        },
    )
    assert response.status_code == 200
    after = training_wishes(year)
    assert after.answers == before.answers + 1
    assert after.by_theme["Rahoitushaut"] == before.by_theme["Rahoitushaut"] + 1
    region = association_a.sub_region
    assert after.by_sub_region[region] == before.by_sub_region[region] + 1
    assert (
        after.by_theme_and_sub_region["Rahoitushaut"].get(region, 0)
        == before.by_theme_and_sub_region.get("Rahoitushaut", {}).get(region, 0) + 1
    )
    assert training_wishes(year - 5).answers == 0


def test_catalogue_links_to_the_training_wish_form(client):
    html = client.get("/en/koulutukset/").content.decode()
    assert '<a href="/en/koulutustoiveet/">What training would your association need?</a>' in html


def test_signed_answers_are_in_the_persons_data_download(client, member, association_a):
    client.force_login(member)
    client.post(STRATEGY.format(lang="fi"), strategy_answer(association_a))
    data = json.loads(client.get("/fi/tili/omat-tiedot/").content)
    assert data["survey_answers"][0]["association"] == association_a.title
    assert data["survey_answers"][0]["answers"][SCALE_FIELD] == "4"


def test_a_deleted_account_leaves_its_answer_without_the_person_or_their_words(
    member, association_a
):
    page = strategy_survey()
    form = page.get_form(strategy_answer(association_a), page=page, user=member)
    assert form.is_valid(), form.errors
    answer = services.submit(page, form, member)
    member.delete()
    answer.refresh_from_db()
    assert answer.user is None
    assert answer.form_data[COMMENT_FIELD] == ""
    assert answer.form_data[SCALE_FIELD] == "4"
    assert answer.association == association_a


def test_the_survey_demo_is_idempotent():
    before = (SurveyPage.objects.count(), SurveyField.objects.count(), SurveyAnswer.objects.count())
    demo.seed(io.StringIO())
    after = (SurveyPage.objects.count(), SurveyField.objects.count(), SurveyAnswer.objects.count())
    assert after == before
    assert before[0] == 6  # two surveys in fi/sv/en


def test_the_yearly_report_shows_the_training_wishes(client, editor):
    year = timezone.localdate().year
    wishes = training_wishes(year)
    client.force_login(editor)
    html = client.get(f"/admin/reports/yearly/?year={year}").content.decode()
    assert "Training wishes" in html
    assert "Talous ja kirjanpito" in html
    section = next(s for s in core_reports.sections() if s.key == "training_wishes")
    by_theme, by_region = section.tables([year - 1, year])
    assert {row.label: row.values[1] for row in by_theme.rows} == wishes.by_theme
    assert sum(row.values[1] for row in by_region.rows) == wishes.answers
