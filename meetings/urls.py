"""/bijeenkomsten/... (namespace "meetings")."""

from django.urls import path

from meetings import feeds, views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("agenda.ics", feeds.public_agenda, name="agenda"),
    path("nieuw/", views.meeting_form, name="new"),
    path("<slug:slug>/", views.meeting_detail, name="detail"),
    path("<slug:slug>/agenda.ics", views.meeting_ics, name="ics"),
    path("<slug:slug>/aanmelden/", views.register, name="register"),
    path("<slug:slug>/afmelden/", views.cancel, name="cancel"),
    path("<slug:slug>/bewerken/", views.meeting_form, name="edit"),
    path("<slug:slug>/verslag/", views.report_form, name="report"),
    path("<slug:slug>/deelnemers/", views.participants, name="participants"),
    path("<slug:slug>/deelnemers.csv", views.participants_csv, name="participants_csv"),
]
