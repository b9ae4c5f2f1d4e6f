"""Account and self-service pages, under /<language>/tili/."""

from django.urls import include, path

from . import account_views, member_area, member_views

app_name = "associations"

urlpatterns = [
    path("tili/", account_views.account_view, name="account"),
    path("tili/kirjaudu/", account_views.login_view, name="login"),
    path("tili/kirjaudu-ulos/", account_views.logout_view, name="logout"),
    path("tili/rekisteroidy/", account_views.signup_view, name="signup"),
    path("tili/rekisteroidy/valmis/", account_views.signup_done_view, name="signup_done"),
    path("tili/vahvista/<uidb64>/<token>/", account_views.verify_view, name="verify"),
    path("tili/salasana/", account_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "tili/salasana/lahetetty/",
        account_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "tili/salasana/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "tili/salasana/valmis/",
        account_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("tili/omat-tiedot/", account_views.my_data_view, name="my_data"),
    path("tili/poista/", account_views.delete_account_view, name="delete_account"),
    path("tili/yhdistys/uusi/", member_views.apply_view, name="apply"),
    path("tili/yhdistys/<id:pk>/", member_views.manage_view, name="manage"),
    path("tili/yhdistys/<id:pk>/muokkaa/", member_views.edit_view, name="edit"),
    path("tili/yhdistys/<id:pk>/liity/", member_views.join_view, name="join"),
    path("tili/yhdistys/<id:pk>/kutsu/", member_views.invite_view, name="invite"),
    path("tili/yhdistys/<id:pk>/eroa/", member_views.leave_view, name="leave"),
    path(
        "tili/yhdistys/<id:pk>/jasen/<id:membership_pk>/<slug:action>/",
        member_views.member_action_view,
        name="member_action",
    ),
    path("tili/kutsu/<str:token>/", member_views.invitation_view, name="invitation"),
    # The member area's pages kept by other apps (a training's registrants: catalogue).
    *(path("", include(module)) for module in member_area.url_modules),
]
