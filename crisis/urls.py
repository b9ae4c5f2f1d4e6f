"""Status reports of associations, under /<language>/tili/ like the other self-service pages."""

from django.urls import path

from . import views

app_name = "crisis"

urlpatterns = [
    path("tili/tilanneraportti/", views.my_reports_view, name="my_reports"),
    path(
        "tili/tilanneraportti/<id:situation_pk>/<id:association_pk>/",
        views.report_view,
        name="report",
    ),
]
