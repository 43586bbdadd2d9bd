from django.urls import path

from opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("woordenboek/", views.dictionary, name="dictionary"),
    path("catalogus.jsonld", views.catalogue, name="catalogue"),
    path("bestanden/<str:filename>", views.download, name="download"),
]
