from django.urls import path

from embeds import views

app_name = "embeds"
urlpatterns = [
    path("", views.index, name="index"),
    path("embed.js", views.resize_script, name="script"),
    path("stijl.css", views.theme_css, name="css"),
    path("gemeente/<str:code>/", views.municipality_cases, name="municipality"),
    path("thema/<slug:slug>/", views.topic_cases, name="topic"),
    path("zoeken/", views.search_box, name="search"),
    path("praktijkvoorbeeld/<slug:slug>/", views.case_card, name="case"),
]
