"""The account pages, under /<language>/tili/ (an association's member area, /tili/yhdistys/…,
is the associations app's)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("tili/", views.account_view, name="account"),
    path("tili/kirjaudu/", views.login_view, name="login"),
    path("tili/kirjaudu-ulos/", views.logout_view, name="logout"),
    path("tili/rekisteroidy/", views.signup_view, name="signup"),
    path("tili/rekisteroidy/valmis/", views.signup_done_view, name="signup_done"),
    path("tili/vahvista/<uidb64>/<token>/", views.verify_view, name="verify"),
    path("tili/salasana/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "tili/salasana/lahetetty/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "tili/salasana/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "tili/salasana/valmis/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("tili/omat-tiedot/", views.my_data_view, name="my_data"),
    path("tili/poista/", views.delete_account_view, name="delete_account"),
]
