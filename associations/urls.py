"""The member area, under /<language>/tili/yhdistys/, and invitations, /tili/kutsu/ (the account
pages themselves are the accounts app's)."""

from django.urls import include, path

from . import member_area, member_views

app_name = "associations"

urlpatterns = [
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
