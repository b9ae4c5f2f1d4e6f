"""Plain paths of the library that are not pages: members' practice forms."""

from django.urls import path

from . import member_views

app_name = "practices"

urlpatterns = [
    path(
        "kaytantokirjasto/yhdistys/<id:association_id>/",
        member_views.practices_view,
        name="member_practices",
    ),
    path(
        "kaytantokirjasto/yhdistys/<id:association_id>/uusi/",
        member_views.new_view,
        name="member_new",
    ),
    path("kaytantokirjasto/muokkaa/<id:page_id>/", member_views.edit_view, name="member_edit"),
]
